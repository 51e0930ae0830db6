import { raw } from 'hono/html';
import { Alert, Button, ButtonLink, CsrfField, DataList, ErrorSummary, Field, Flash, Heading, Link, Paragraph, type FormState } from '../../../ui/components.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useLocale, useT } from '../../../ui/i18n.ts';
import { groupedSecret } from './second-factor.ts';

export const SECOND_FACTOR_PATH = '/account/second-factor';

function CodeField({ state, label, description }: { state: FormState; label: 'secondFactor.code' | 'secondFactor.codeOrRecovery'; description: 'secondFactor.codeHint' | 'secondFactor.codeOrRecoveryHint' }) {
  return <Field name="code" label={label} description={description} state={state} autocomplete="one-time-code" inputmode="numeric" maxlength={40} />;
}

/** Set-up: the QR code (an SVG drawn by the qrcode library with presentation attributes, no styles), the secret as text, and the first code. */
export function EnrolPage({ state, next, secret, qrSvg, required }: { state: FormState; next: string; secret: string; qrSvg: string; required: boolean }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('secondFactor.enrol.title')}</Heading>
      <Flash />
      <Paragraph lead>{t(required ? 'secondFactor.enrol.required' : 'secondFactor.enrol.optional')}</Paragraph>
      <ErrorSummary state={state} labels={{ code: 'secondFactor.code' }} />
      <ol class="utrecht-ordered-list sp-steps">
        <li class="utrecht-ordered-list__item">{t('secondFactor.enrol.step1')}</li>
        <li class="utrecht-ordered-list__item">
          {t('secondFactor.enrol.step2')}
          <figure class="sp-qr">
            <div class="sp-qr__image" role="img" aria-label={t('secondFactor.enrol.qrLabel')}>{raw(qrSvg)}</div>
            <figcaption>
              {t('secondFactor.enrol.manual')} <code class="sp-secret" translate="no">{groupedSecret(secret)}</code>
            </figcaption>
          </figure>
        </li>
        <li class="utrecht-ordered-list__item">{t('secondFactor.enrol.step3')}</li>
      </ol>
      <form method="post" action={SECOND_FACTOR_PATH} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="action" value="enrol" />
        <CodeField state={state} label="secondFactor.code" description="secondFactor.codeHint" />
        <Button>{t('secondFactor.enrol.submit')}</Button>
      </form>
      <SignOutInstead />
    </>
  );
}

export function VerifyPage({ state, next }: { state: FormState; next: string }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('secondFactor.verify.title')}</Heading>
      <Flash />
      <Paragraph lead>{t('secondFactor.verify.intro')}</Paragraph>
      <ErrorSummary state={state} labels={{ code: 'secondFactor.codeOrRecovery' }} />
      <form method="post" action={SECOND_FACTOR_PATH} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="action" value="verify" />
        <CodeField state={state} label="secondFactor.codeOrRecovery" description="secondFactor.codeOrRecoveryHint" />
        <Button>{t('secondFactor.verify.submit')}</Button>
      </form>
      <Paragraph>{t('secondFactor.verify.lostPhone')}</Paragraph>
      <SignOutInstead />
    </>
  );
}

function SignOutInstead() {
  const t = useT();
  return (
    <form method="post" action="/logout" class="sp-inline-form">
      <CsrfField />
      <Button kind="secondary">{t('layout.signOut')}</Button>
    </form>
  );
}

/** Shown once, right after they are made: only their hashes are kept. */
export function RecoveryCodesPage({ codes, next }: { codes: string[]; next: string }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('secondFactor.codes.title')}</Heading>
      <Alert kind="warning" title={t('secondFactor.codes.onceTitle')}>
        <Paragraph>{t('secondFactor.codes.once')}</Paragraph>
      </Alert>
      <ul class="utrecht-unordered-list sp-recovery-codes" aria-label={t('secondFactor.codes.title')}>
        {codes.map((code) => (
          <li class="utrecht-unordered-list__item">
            <code translate="no">{code}</code>
          </li>
        ))}
      </ul>
      <Paragraph>{t('secondFactor.codes.each')}</Paragraph>
      <Paragraph>
        <ButtonLink href={next}>{t('secondFactor.codes.continue')}</ButtonLink>
      </Paragraph>
    </>
  );
}

export function SecondFactorStatusPage({ state, enrolledAt, unusedCodes }: { state: FormState; enrolledAt: Date; unusedCodes: number }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <Heading level={1}>{t('secondFactor.status.title')}</Heading>
      <Flash />
      <DataList
        items={[
          [t('secondFactor.status.since'), formatDateTime(enrolledAt, locale)],
          [t('secondFactor.status.codesLeft'), String(unusedCodes)],
        ]}
      />
      {unusedCodes <= 3 ? <Alert kind="warning"><Paragraph>{t('secondFactor.status.fewCodes')}</Paragraph></Alert> : null}
      <Heading level={2}>{t('secondFactor.status.newCodes')}</Heading>
      <Paragraph>{t('secondFactor.status.newCodesIntro')}</Paragraph>
      <ErrorSummary state={state} labels={{ code: 'secondFactor.code' }} />
      <form method="post" action={SECOND_FACTOR_PATH} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <input type="hidden" name="action" value="recovery-codes" />
        <CodeField state={state} label="secondFactor.code" description="secondFactor.codeHint" />
        <Button kind="secondary">{t('secondFactor.status.newCodesSubmit')}</Button>
      </form>
      <Paragraph>{t('secondFactor.status.lostPhone')}</Paragraph>
      <Paragraph>
        <Link href="/account/sessions">{t('sessions.title')}</Link>
      </Paragraph>
    </>
  );
}

export function ResetSecondFactorPage({ person, enrolled, state }: { person: { id: string; display_name: string; email: string }; enrolled: boolean; state: FormState }) {
  const t = useT();
  const error = state.errors?.confirm;
  return (
    <>
      <Heading level={1}>{t('secondFactor.reset.title')}</Heading>
      <DataList items={[[t('account.name'), person.display_name], [t('account.email'), person.email], [t('secondFactor.reset.state'), t(enrolled ? 'secondFactor.reset.enrolled' : 'secondFactor.reset.notEnrolled')]]} />
      <Paragraph>{t('secondFactor.reset.intro')}</Paragraph>
      <ErrorSummary state={state} labels={{ confirm: 'secondFactor.reset.confirm' }} />
      <form method="post" action={`/admin/people/${person.id}/second-factor/reset`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <div class={`utrecht-form-field utrecht-form-field--checkbox${error ? ' utrecht-form-field--invalid' : ''}`}>
          {error ? <div class="utrecht-form-field-error-message" id="field-confirm-error">{t('secondFactor.reset.confirmRequired')}</div> : null}
          <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="field-confirm">
              <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id="field-confirm" name="confirm" value="yes" required aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'field-confirm-error' : undefined} />{' '}
              {t('secondFactor.reset.confirm')}
            </label>
          </div>
        </div>
        <Button>{t('secondFactor.reset.submit')}</Button>
      </form>
      <Paragraph>
        <Link href={`/admin/people/${person.id}`}>{t('secondFactor.reset.back')}</Link>
      </Paragraph>
    </>
  );
}
