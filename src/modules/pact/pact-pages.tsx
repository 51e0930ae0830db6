import type { PactSummary, Membership } from '../../access/policy.ts';
import { Button, ButtonLink, CsrfField, DataList, ErrorSummary, Field, Flash, Heading, Link, Paragraph, Table, type FormState, localeOptions } from '../../ui/components.tsx';
import { useT } from '../../ui/i18n.ts';
import type { MessageKey } from '../../ui/messages/index.ts';
import { organisationKinds } from './organisation.ts';
import type { MemberRow, OrganisationListRow, OrganisationRow } from './pact-queries.ts';

export function PactHomePage({
  pact,
  organisations,
  dashboard,
  profile,
  canManage,
}: {
  pact: PactSummary;
  profile: { mission: string; horizon_year: number | null; pillar_label: 'pillar' | 'path'; pillars: Array<{ id: string; title: string; description: string }> };
  canManage: boolean;
  organisations: Array<{ id: string; name: string; kind: string }>;
  dashboard: null | {
    memberships: Membership[];
    figures: { organisations: number; members: number; neighbourhoods: number };
    ownOrganisations: Array<{ id: string; name: string }>;
  };
}) {
  const t = useT();
  return (
    <>
      <Flash />
      <Heading level={1}>{t('pact.home.welcome', { name: pact.name })}</Heading>
      <Paragraph lead>{t('pact.home.publicIntro', { municipality: pact.municipality || pact.name })}</Paragraph>
      {profile.mission || profile.horizon_year !== null ? (
        <section aria-labelledby="horizon-heading">
          <Heading level={2} id="horizon-heading">{t('pactHome.horizon')}</Heading>
          {profile.mission ? <Paragraph>{profile.mission}</Paragraph> : null}
          {profile.horizon_year !== null ? <Paragraph>{t('pactHome.horizonYear', { year: profile.horizon_year })}</Paragraph> : null}
        </section>
      ) : null}
      {profile.pillars.length > 0 ? (
        <section aria-labelledby="pillars-heading">
          <Heading level={2} id="pillars-heading">{t(profile.pillar_label === 'path' ? 'pactHome.paths' : 'pactHome.pillars')}</Heading>
          <ol class="utrecht-ordered-list">
            {profile.pillars.map((p) => (
              <li class="utrecht-ordered-list__item"><strong>{p.title}</strong>{p.description ? <> — {p.description}</> : null}</li>
            ))}
          </ol>
        </section>
      ) : null}
      <nav aria-labelledby="explore-heading">
        <Heading level={2} id="explore-heading">{t('pactHome.explore')}</Heading>
        <ul class="utrecht-unordered-list">
          {(['partners', 'covenant', 'agenda', 'initiatives', 'stories', 'meetings'] as const).map((page) => (
            <li class="utrecht-unordered-list__item"><Link href={`/p/${pact.slug}/${page}`}>{t(`pactHome.link.${page}`)}</Link></li>
          ))}
        </ul>
      </nav>
      {canManage ? (
        <section aria-labelledby="manage-heading">
          <Heading level={2} id="manage-heading">{t('pactHome.manage')}</Heading>
          {profile.pillars.length === 0 ? <Paragraph>{t('pactHome.pickTemplate')} <Link href={`/p/${pact.slug}/pillars`}>{t('pactHome.pickTemplateLink')}</Link></Paragraph> : null}
          <ul class="utrecht-unordered-list">
            <li class="utrecht-unordered-list__item"><Link href={`/p/${pact.slug}/profile`}>{t('pactHome.link.profile')}</Link></li>
            <li class="utrecht-unordered-list__item"><Link href={`/p/${pact.slug}/pillars`}>{t('pactHome.link.pillars')}</Link></li>
          </ul>
        </section>
      ) : null}
      {dashboard ? (
        <section aria-labelledby="dashboard-heading">
          <Heading level={2} id="dashboard-heading">{t('pact.home.dashboardHeading')}</Heading>
          <DataList
            items={[
              [t('pact.home.yourRoles'), [...new Set(dashboard.memberships.map((m) => t(`role.${m.role}` as MessageKey)))].join(', ')],
              [
                t('pact.home.yourOrganisations'),
                <ul class="utrecht-unordered-list">
                  {dashboard.ownOrganisations.map((o) => (
                    <li class="utrecht-unordered-list__item"><Link href={`/p/${pact.slug}/organisations/${o.id}`}>{o.name}</Link></li>
                  ))}
                </ul>,
              ],
            ]}
          />
          <Heading level={3}>{t('pact.home.figures')}</Heading>
          <ul class="sp-figures">
            <li class="sp-figures__item"><span class="sp-figures__value">{dashboard.figures.organisations}</span> <span>{t('pact.home.figure.organisations')}</span></li>
            <li class="sp-figures__item"><span class="sp-figures__value">{dashboard.figures.members}</span> <span>{t('pact.home.figure.members')}</span></li>
            <li class="sp-figures__item"><span class="sp-figures__value">{dashboard.figures.neighbourhoods}</span> <span>{t('pact.home.figure.neighbourhoods')}</span></li>
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="partners-heading">
        <Heading level={2} id="partners-heading">{t('pact.home.partnersHeading')}</Heading>
        <ul class="utrecht-unordered-list sp-columns">
          {organisations.map((o) => (
            <li class="utrecht-unordered-list__item">
              <Link href={`/p/${pact.slug}/partners/${o.id}`}>{o.name}</Link> <span class="sp-muted">({t(`orgKind.${o.kind}` as MessageKey)})</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function OrganisationsPage({ pact, organisations, canCreate }: { pact: PactSummary; organisations: OrganisationListRow[]; canCreate: boolean }) {
  const t = useT();
  return (
    <>
      <Flash />
      <Heading level={1}>{t('organisations.title')}</Heading>
      <Paragraph>{t('organisations.intro')}</Paragraph>
      {canCreate ? <Paragraph><ButtonLink href={`/p/${pact.slug}/organisations/new`}>{t('organisationNew.link')}</ButtonLink></Paragraph> : null}
      <Table
        caption={t('organisations.title')}
        rows={organisations}
        columns={[
          { header: t('organisations.name'), cell: (o) => <Link href={`/p/${pact.slug}/organisations/${o.id}`}>{o.name}</Link> },
          { header: t('organisations.kind'), cell: (o) => t(`orgKind.${o.kind}` as MessageKey) },
          { header: t('organisations.members'), cell: (o) => String(o.members), numeric: true },
        ]}
      />
      <Paragraph>
        <Link href={`/p/${pact.slug}/organisations.csv`}>{t('organisations.export')}</Link>
      </Paragraph>
    </>
  );
}

export function OrganisationPage({
  pact,
  organisation,
  teams,
  members,
  canEdit,
  canInvite,
  canManageMembers,
}: {
  pact: PactSummary;
  organisation: OrganisationRow;
  teams: Array<{ id: string; name: string }>;
  members: MemberRow[] | null;
  canEdit: boolean;
  canInvite: boolean;
  canManageMembers: boolean;
}) {
  const t = useT();
  const o = organisation;
  return (
    <>
      <Flash />
      <Heading level={1}>{o.name}</Heading>
      <Paragraph lead>{t(`orgKind.${o.kind}` as MessageKey)}</Paragraph>
      {canEdit ? <Paragraph><ButtonLink href={`/p/${pact.slug}/organisations/${o.id}/edit`}>{t('organisation.edit')}</ButtonLink></Paragraph> : null}
      {canEdit ? (
        <ul class="utrecht-unordered-list">
          <li class="utrecht-unordered-list__item"><Link href={`/p/${pact.slug}/organisations/${o.id}/representatives`}>{t('partners.linkRepresentatives')}</Link></li>
          <li class="utrecht-unordered-list__item"><Link href={`/p/${pact.slug}/organisations/${o.id}/covenant`}>{t('partners.linkSignature')}</Link></li>
          <li class="utrecht-unordered-list__item"><Link href={`/p/${pact.slug}/organisations/${o.id}/partnership`}>{t('partners.linkPartnership')}</Link></li>
          <li class="utrecht-unordered-list__item"><Link href={`/p/${pact.slug}/organisations/${o.id}/activities`}>{t('partners.linkActivities')}</Link></li>
          <li class="utrecht-unordered-list__item"><Link href={`/p/${pact.slug}/organisations/${o.id}/stories/new`}>{t('partners.linkNewStory')}</Link></li>
        </ul>
      ) : null}
      <Paragraph><Link href={`/p/${pact.slug}/partners/${o.id}`}>{t('partners.publicPage')}</Link></Paragraph>
      <Heading level={2}>{t('organisation.profile')}</Heading>
      {o.description ? <Paragraph>{o.description}</Paragraph> : null}
      {o.mission ? <Paragraph>{o.mission}</Paragraph> : null}
      <DataList
        items={[
          ...(o.contact_name ? [[t('partners.contactName'), o.contact_name] as [string, unknown]] : []),
          ...(o.website ? [[t('organisation.website'), <Link href={o.website}>{o.website}</Link>] as [string, unknown]] : []),
          ...(o.email ? [[t('organisation.email'), <Link href={`mailto:${o.email}`}>{o.email}</Link>] as [string, unknown]] : []),
          ...(o.phone ? [[t('organisation.phone'), o.phone] as [string, unknown]] : []),
          ...(o.address ? [[t('organisation.address'), o.address] as [string, unknown]] : []),
        ] as Array<[string, string]>}
      />
      <Heading level={2}>{t('organisation.teams')}</Heading>
      {teams.length === 0 ? (
        <Paragraph>{t('organisation.noTeams')}</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list">{teams.map((tm) => <li class="utrecht-unordered-list__item">{tm.name}</li>)}</ul>
      )}
      {members ? (
        <>
          <Heading level={2}>{t('organisation.membersHeading')}</Heading>
          {members.length === 0 ? <Paragraph>{t('organisation.noMembers')}</Paragraph> : null}
          {members.length === 0 ? null : <Table
            caption={t('organisation.membersHeading')}
            rows={members}
            columns={[
              { header: t('account.name'), cell: (m) => m.display_name },
              { header: t('account.role'), cell: (m) => t(`role.${m.role}` as MessageKey) },
              { header: t('organisation.teams'), cell: (m) => m.team_name ?? '—' },
            ]}
          />}
        </>
      ) : null}
      {canInvite ? <Paragraph><ButtonLink href={`/p/${pact.slug}/organisations/${o.id}/invitations`}>{t('invitation.invite')}</ButtonLink></Paragraph> : null}
      {canManageMembers ? (
        <Paragraph>
          <ButtonLink href={`/p/${pact.slug}/organisations/${o.id}/members`}>{t('members.manage')}</ButtonLink>{' '}
          <ButtonLink href={`/p/${pact.slug}/organisations/${o.id}/teams`}>{t('teams.manage')}</ButtonLink>
        </Paragraph>
      ) : null}
    </>
  );
}

const organisationLabels: Record<string, MessageKey> = {
  name: 'organisation.name',
  kind: 'organisation.kind',
  description: 'organisation.description',
  website: 'organisation.website',
  email: 'organisation.email',
  phone: 'organisation.phone',
  address: 'organisation.address',
  mission: 'partners.field.mission',
  contactName: 'partners.field.contactName',
};

/** The profile's fields, for editing an organisation and for adding one (then without initial values). */
function OrganisationProfileFields({ state, organisation: o }: { state: FormState; organisation?: OrganisationRow }) {
  return (
    <>
      <Field name="name" label="organisation.name" state={state} value={o?.name} maxlength={200} autocomplete="organization" />
      <Field name="kind" label="organisation.kind" state={state} value={o?.kind} options={organisationKinds.map((k) => ({ value: k, label: `orgKind.${k}` }))} />
      <Field name="description" label="organisation.description" state={state} value={o?.description} multiline optional maxlength={2000} />
      <Field name="website" label="organisation.website" type="url" state={state} value={o?.website} optional maxlength={300} inputmode="url" />
      <Field name="email" label="organisation.email" type="email" state={state} value={o?.email} optional maxlength={254} autocomplete="email" />
      <Field name="phone" label="organisation.phone" type="tel" state={state} value={o?.phone} optional maxlength={40} autocomplete="tel" />
      <Field name="address" label="organisation.address" state={state} value={o?.address} optional maxlength={300} autocomplete="street-address" />
      <Field name="mission" label="partners.field.mission" state={state} value={o?.mission} multiline optional maxlength={4000} />
      <Field name="contactName" label="partners.field.contactName" state={state} value={o?.contact_name} optional maxlength={200} autocomplete="off" />
    </>
  );
}

export function OrganisationNewPage({ pact, state }: { pact: PactSummary; state: FormState }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('organisationNew.title')}</Heading>
      <Paragraph>{t('organisationNew.intro')}</Paragraph>
      <ErrorSummary state={state} labels={organisationLabels} />
      <form method="post" action={`/p/${pact.slug}/organisations/new`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <OrganisationProfileFields state={state} />
        <div class="sp-actions">
          <Button>{t('organisationNew.submit')}</Button>
          <Link href={`/p/${pact.slug}/organisations`}>{t('form.cancel')}</Link>
        </div>
      </form>
    </>
  );
}

export function OrganisationEditPage({ pact, organisation, state }: { pact: PactSummary; organisation: OrganisationRow; state: FormState }) {
  const t = useT();
  const o = organisation;
  return (
    <>
      <Heading level={1}>{t('organisation.editTitle', { name: o.name })}</Heading>
      <ErrorSummary state={state} labels={organisationLabels} />
      <form method="post" action={`/p/${pact.slug}/organisations/${o.id}/edit`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <input type="hidden" name="version" value={state.values?.version ?? String(o.revision)} />
        <OrganisationProfileFields state={state} organisation={o} />
        <div class="sp-actions">
          <Button>{t('form.submit')}</Button>
          <Link href={`/p/${pact.slug}/organisations/${o.id}`}>{t('form.cancel')}</Link>
        </div>
      </form>
    </>
  );
}

const settingsLabels: Record<string, MessageKey> = {
  name: 'settings.name',
  municipality: 'settings.municipality',
  defaultLocale: 'settings.defaultLocale',
};

export function PactSettingsPage({ pact, state }: { pact: PactSummary; state: FormState }) {
  const t = useT();
  return (
    <>
      <Flash />
      <Heading level={1}>{t('settings.title')}</Heading>
      <DataList items={[[t('settings.jurisdiction'), t(`jurisdiction.${pact.jurisdiction}` as MessageKey)]]} />
      <ErrorSummary state={state} labels={settingsLabels} />
      <form method="post" action={`/p/${pact.slug}/settings`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <Field name="name" label="settings.name" state={state} value={pact.name} maxlength={200} />
        <Field name="municipality" label="settings.municipality" state={state} value={pact.municipality} maxlength={200} optional />
        <Field
          name="defaultLocale"
          label="settings.defaultLocale"
          state={state}
          value={pact.defaultLocale}
          options={localeOptions}
        />
        <Button>{t('form.submit')}</Button>
      </form>
    </>
  );
}
