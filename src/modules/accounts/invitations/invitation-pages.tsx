import type { PactSummary, Role } from '../../../access/policy.ts';
import { Button, CsrfField, DataList, ErrorSummary, Field, Flash, Heading, Link, Paragraph, Table, type FormState } from '../../../ui/components.tsx';
import { useT } from '../../../ui/i18n.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { INVITATION_DAYS } from './invitation.ts';
import type { InvitationByTokenRow, OpenInvitationRow } from './invitation-queries.ts';

const day = (d: Date) => d.toISOString().slice(0, 10);

export function InvitationsPage({
  pact,
  organisation,
  invitations,
  roles,
  state,
}: {
  pact: PactSummary;
  organisation: { id: string; name: string };
  invitations: OpenInvitationRow[];
  roles: readonly Role[];
  state: FormState;
}) {
  const t = useT();
  const base = `/p/${pact.slug}/organisations/${organisation.id}`;
  return (
    <>
      <Flash />
      <Heading level={1}>{t('invitation.title', { organisation: organisation.name })}</Heading>
      <Paragraph>{t('invitation.intro', { days: INVITATION_DAYS })}</Paragraph>
      <Heading level={2}>{t('invitation.new')}</Heading>
      <ErrorSummary state={state} labels={{ email: 'invitation.email', role: 'invitation.role' }} />
      <form method="post" action={`${base}/invitations`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <Field name="email" label="invitation.email" type="email" state={state} maxlength={254} autocomplete="off" inputmode="email" />
        <Field name="role" label="invitation.role" state={state} value="professional" options={roles.map((r) => ({ value: r, label: `role.${r}` as MessageKey }))} />
        <Button>{t('invitation.send')}</Button>
      </form>
      <Heading level={2}>{t('invitation.open')}</Heading>
      {invitations.length === 0 ? (
        <Paragraph>{t('invitation.none')}</Paragraph>
      ) : (
        <Table
          caption={t('invitation.open')}
          rows={invitations}
          columns={[
            { header: t('invitation.email'), cell: (i) => i.email },
            { header: t('invitation.role'), cell: (i) => t(`role.${i.role}` as MessageKey) },
            { header: t('invitation.sentAt'), cell: (i) => day(i.created_at) },
            { header: t('invitation.expiresAt'), cell: (i) => day(i.expires_at) },
            {
              header: t('invitation.actions'),
              cell: (i) => (
                <form method="post" action={`/p/${pact.slug}/invitations/${i.id}/revoke`}>
                  <CsrfField />
                  <Button kind="secondary">{t('invitation.revoke')}</Button>
                </form>
              ),
            },
          ]}
        />
      )}
      <Paragraph><Link href={base}>{t('invitation.back')}</Link></Paragraph>
    </>
  );
}

function InvitationSummary({ invitation }: { invitation: InvitationByTokenRow }) {
  const t = useT();
  return (
    <DataList
      items={[
        [t('invitation.pact'), invitation.pact_name],
        // A coordinator invited into a new pact joins without organisation.
        ...(invitation.organisation_name === null ? [] : [[t('invitation.organisation'), invitation.organisation_name] as [string, string]]),
        [t('invitation.role'), t(`role.${invitation.role}` as MessageKey)],
      ]}
    />
  );
}

export function InvitationGonePage() {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('invitation.gone.title')}</Heading>
      <Paragraph>{t('invitation.gone.body')}</Paragraph>
    </>
  );
}

export function NewAccountPage({ invitation, token, state }: { invitation: InvitationByTokenRow; token: string; state: FormState }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('invitation.accept.title', { pact: invitation.pact_name })}</Heading>
      <InvitationSummary invitation={invitation} />
      <Paragraph>{t('invitation.createIntro', { email: invitation.email })}</Paragraph>
      <ErrorSummary
        state={state}
        labels={{ displayName: 'invitation.displayName', password: 'invitation.password', passwordRepeat: 'invitation.passwordRepeat' }}
      />
      <form method="post" action={`/invitations/${token}`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        {/* For password managers: the account's user name. */}
        <input type="hidden" name="username" value={invitation.email} autocomplete="username" />
        <Field name="displayName" label="invitation.displayName" description="invitation.displayNameHint" state={state} maxlength={120} autocomplete="name" />
        <Field name="password" label="invitation.password" description="invitation.passwordHint" type="password" state={state} maxlength={200} autocomplete="new-password" />
        <Field name="passwordRepeat" label="invitation.passwordRepeat" type="password" state={state} maxlength={200} autocomplete="new-password" />
        <Button>{t('invitation.createAccount')}</Button>
      </form>
    </>
  );
}

export function SignInFirstPage({ invitation, token }: { invitation: InvitationByTokenRow; token: string }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('invitation.accept.title', { pact: invitation.pact_name })}</Heading>
      <InvitationSummary invitation={invitation} />
      <Paragraph>{t('invitation.signInFirst', { email: invitation.email })}</Paragraph>
      <Paragraph>
        <Link href={`/login?next=${encodeURIComponent(`/invitations/${token}`)}`}>{t('invitation.signInLink')}</Link>
      </Paragraph>
    </>
  );
}

export function AcceptPage({ invitation, token, state }: { invitation: InvitationByTokenRow; token: string; state: FormState }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('invitation.accept.title', { pact: invitation.pact_name })}</Heading>
      <InvitationSummary invitation={invitation} />
      <ErrorSummary state={state} labels={{}} />
      <Paragraph>{t('invitation.acceptIntro', { email: invitation.email })}</Paragraph>
      <form method="post" action={`/invitations/${token}`} class="utrecht-form sp-form">
        <CsrfField />
        <Button>{t('invitation.acceptButton')}</Button>
      </form>
    </>
  );
}

export function OtherPersonPage({ invitation }: { invitation: InvitationByTokenRow }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('invitation.accept.title', { pact: invitation.pact_name })}</Heading>
      <Paragraph>{t('invitation.otherPerson')}</Paragraph>
    </>
  );
}
