import { Button, ButtonLink, CsrfField, ErrorSummary, Field, Heading, Link, Paragraph, type FormState } from '../../../ui/components.tsx';
import { useT } from '../../../ui/i18n.ts';
import { PASSWORD_MIN_LENGTH } from '../password-policy.ts';
import { RESET_TOKEN_MINUTES } from './reset-token.ts';

export function ForgotPasswordPage({ state }: { state: FormState }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('passwordReset.forgot.title')}</Heading>
      <Paragraph>{t('passwordReset.forgot.intro')}</Paragraph>
      <ErrorSummary state={state} labels={{ email: 'passwordReset.forgot.email' }} />
      <form method="post" action="/password/forgot" class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <Field name="email" label="passwordReset.forgot.email" type="email" autocomplete="username" state={state} maxlength={254} inputmode="email" />
        <Button>{t('passwordReset.forgot.submit')}</Button>
      </form>
      <Paragraph>
        <Link href="/login">{t('passwordReset.sent.back')}</Link>
      </Paragraph>
    </>
  );
}

/** The one answer to every well-formed request, whether or not the account exists. */
export function ForgotPasswordSentPage() {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('passwordReset.sent.title')}</Heading>
      <Paragraph>{t('passwordReset.sent.body', { minutes: RESET_TOKEN_MINUTES })}</Paragraph>
      <Paragraph>{t('passwordReset.sent.noMail')}</Paragraph>
      <Paragraph>
        <Link href="/login">{t('passwordReset.sent.back')}</Link>
      </Paragraph>
    </>
  );
}

/** `token` has been checked against the token pattern, so it is safe in the form's address. */
export function ResetPasswordPage({ state, token }: { state: FormState; token: string }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('passwordReset.reset.title')}</Heading>
      <Paragraph>{t('passwordReset.reset.intro', { min: PASSWORD_MIN_LENGTH })}</Paragraph>
      <ErrorSummary state={state} labels={{ password: 'passwordReset.reset.password', passwordRepeat: 'passwordReset.reset.repeat' }} />
      <form method="post" action={`/password/reset/${token}`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <Field name="password" label="passwordReset.reset.password" type="password" autocomplete="new-password" state={state} maxlength={1000} />
        <Field name="passwordRepeat" label="passwordReset.reset.repeat" type="password" autocomplete="new-password" state={state} maxlength={1000} />
        <Paragraph>{t('passwordReset.reset.signedOut')}</Paragraph>
        <Button>{t('passwordReset.reset.submit')}</Button>
      </form>
    </>
  );
}

/** Unknown, used and expired links get this same page: it does not say which. */
export function ResetLinkGonePage() {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('passwordReset.gone.title')}</Heading>
      <Paragraph>{t('passwordReset.gone.body', { minutes: RESET_TOKEN_MINUTES })}</Paragraph>
      <Paragraph>
        <ButtonLink href="/password/forgot">{t('passwordReset.gone.again')}</ButtonLink>
      </Paragraph>
    </>
  );
}
