import { Button, CsrfField, DataList, ErrorSummary, Field, Flash, Heading, Link, Paragraph, Table, type FormState, localeOptions } from '../../ui/components.tsx';
import { useT } from '../../ui/i18n.ts';
import type { MessageKey } from '../../ui/messages/index.ts';
import type { MembershipOverviewRow, PersonRow } from './person-queries.ts';

export function SignInPage({ state, next }: { state: FormState; next: string }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('login.title')}</Heading>
      <Flash />
      <Paragraph>{t('login.intro')}</Paragraph>
      <ErrorSummary state={state} labels={{ email: 'login.email', password: 'login.password' }} />
      <form method="post" action="/login" class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <input type="hidden" name="next" value={next} />
        <Field name="email" label="login.email" type="email" autocomplete="username" state={state} maxlength={254} inputmode="email" />
        <Field name="password" label="login.password" type="password" autocomplete="current-password" state={state} maxlength={200} />
        <Button>{t('login.submit')}</Button>
      </form>
      <Paragraph>
        <Link href="/password/forgot">{t('login.forgot')}</Link>
      </Paragraph>
    </>
  );
}

export function AccountPage({
  person,
  memberships,
  state,
}: {
  person: PersonRow;
  memberships: MembershipOverviewRow[];
  state: FormState;
}) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('account.title')}</Heading>
      <DataList items={[[t('account.name'), person.display_name], [t('account.email'), person.email]]} />
      <Heading level={2}>{t('account.memberships')}</Heading>
      {memberships.length === 0 ? (
        <Paragraph>{t('account.noMemberships')}</Paragraph>
      ) : (
        <Table
          caption={t('account.memberships')}
          rows={memberships}
          columns={[
            { header: t('account.pact'), cell: (m) => <a class="utrecht-link utrecht-link--html-a" href={`/p/${m.pact_slug}`}>{m.pact_name}</a> },
            { header: t('account.organisation'), cell: (m) => m.organisation_name ?? '—' },
            { header: t('account.role'), cell: (m) => t(`role.${m.role}` as MessageKey) },
            { header: t('account.since'), cell: (m) => m.created_at.toISOString().slice(0, 10) },
          ]}
        />
      )}
      <Heading level={2}>{t('account.edit')}</Heading>
      <ErrorSummary state={state} labels={{ displayName: 'account.name', locale: 'account.locale' }} />
      <form method="post" action="/account" class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <Field name="displayName" label="account.name" state={state} value={person.display_name} maxlength={120} autocomplete="name" />
        <Field
          name="locale"
          label="account.locale"
          state={state}
          value={person.locale}
          options={localeOptions}
        />
        <Button>{t('form.submit')}</Button>
      </form>
      <Heading level={2}>{t('account.security')}</Heading>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          <Link href="/account/second-factor">{t('account.secondFactorLink')}</Link>
        </li>
        <li class="utrecht-unordered-list__item">
          <Link href="/account/sessions">{t('account.sessionsLink')}</Link>
        </li>
      </ul>
    </>
  );
}
