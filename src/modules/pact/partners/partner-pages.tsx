// Pages of the pact profile, the covenant, representatives, signatures, partnership and the public partner pages.
import type { PactSummary } from '../../../access/policy.ts';
import { Alert, Button, ButtonLink, CsrfField, DataList, ErrorSummary, Field, Flash, Heading, Link, Paragraph, Table, type FormState } from '../../../ui/components.tsx';
import { formatLongDate } from '../../../ui/format.ts';
import { useLocale, useT } from '../../../ui/i18n.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { organisationKinds, type OrganisationKind } from '../organisation.ts';
import type {
  CovenantVersionRow, PactProfileRow, PartnerListRow, PartnerRow, PartnerStatusChangeRow, RepresentativeRow, SignatureRow,
} from './partners-queries.ts';

/** A local date (yyyy-mm-dd) written out in the reader's language. */
export function LocalDate({ value }: { value: string }) {
  const locale = useLocale();
  return <time datetime={value}>{formatLongDate(value, locale)}</time>;
}

/** Free text with blank lines as paragraphs. */
function Paragraphs({ text }: { text: string }) {
  return <>{text.split(/\n\s*\n/).map((p) => <Paragraph>{p}</Paragraph>)}</>;
}

const profileLabels: Record<string, MessageKey> = {
  mission: 'pactProfile.mission',
  horizonYear: 'pactProfile.horizonYear',
  pillarLabel: 'pactProfile.pillarLabel',
};

export function PactProfilePage({ pact, profile, state }: { pact: PactSummary; profile: PactProfileRow; state: FormState }) {
  const t = useT();
  return (
    <>
      <Flash />
      <Heading level={1}>{t('pactProfile.title')}</Heading>
      <Paragraph>{t('pactProfile.intro')}</Paragraph>
      <ErrorSummary state={state} labels={profileLabels} />
      <form method="post" action={`/p/${pact.slug}/profile`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <Field name="mission" label="pactProfile.mission" description="pactProfile.missionHelp" state={state} value={profile.mission} multiline optional maxlength={2000} />
        <Field name="horizonYear" label="pactProfile.horizonYear" state={state} value={profile.horizon_year === null ? '' : String(profile.horizon_year)} optional inputmode="numeric" maxlength={4} />
        <Field
          name="pillarLabel"
          label="pactProfile.pillarLabel"
          state={state}
          value={profile.pillar_label}
          options={[{ value: 'pillar', label: 'pactProfile.label.pillar' }, { value: 'path', label: 'pactProfile.label.path' }]}
        />
        <div class="sp-actions">
          <Button>{t('form.submit')}</Button>
          <Link href={`/p/${pact.slug}`}>{t('form.cancel')}</Link>
        </div>
      </form>
      <Paragraph><Link href={`/p/${pact.slug}/pillars`}>{t('pillars.manage')}</Link></Paragraph>
      <Paragraph><Link href={`/p/${pact.slug}/covenant/new`}>{t('covenant.newLink')}</Link></Paragraph>
    </>
  );
}

function SignatureTable({ pact, signatures, caption }: { pact: PactSummary; signatures: SignatureRow[]; caption: string }) {
  const t = useT();
  if (signatures.length === 0) return <Paragraph>{t('covenant.noSignatures')}</Paragraph>;
  return (
    <Table
      caption={caption}
      rows={signatures}
      columns={[
        { header: t('covenant.partner'), cell: (s) => <Link href={`/p/${pact.slug}/partners/${s.organisation_id}`}>{s.organisation_name}</Link> },
        { header: t('covenant.version'), cell: (s) => String(s.version), numeric: true },
        { header: t('covenant.signedBy'), cell: (s) => s.signed_by_name },
        { header: t('covenant.signedOn'), cell: (s) => <LocalDate value={s.signed_on} /> },
      ]}
    />
  );
}

function VersionList({ pact, versions }: { pact: PactSummary; versions: Array<Omit<CovenantVersionRow, 'body'>> }) {
  const t = useT();
  return (
    <ul class="utrecht-unordered-list">
      {versions.map((v) => (
        <li class="utrecht-unordered-list__item">
          <Link href={`/p/${pact.slug}/covenant/${v.version}`}>{t('covenant.versionLabel', { version: v.version, title: v.title })}</Link>
          {' '}<span class="sp-muted">({t('covenant.adoptedOn')} <LocalDate value={v.adopted_on} />)</span>
        </li>
      ))}
    </ul>
  );
}

export function CovenantPage({
  pact, current, versions, signatures, canManage,
}: {
  pact: PactSummary;
  current: CovenantVersionRow | undefined;
  versions: Array<Omit<CovenantVersionRow, 'body'>>;
  signatures: SignatureRow[];
  canManage: boolean;
}) {
  const t = useT();
  return (
    <>
      <Flash />
      <Heading level={1}>{t('covenant.title')}</Heading>
      {canManage ? <Paragraph><ButtonLink href={`/p/${pact.slug}/covenant/new`}>{t('covenant.newLink')}</ButtonLink></Paragraph> : null}
      {current ? (
        <section aria-labelledby="covenant-current">
          <Heading level={2} id="covenant-current">{current.title}</Heading>
          <Paragraph lead>
            {t('covenant.currentVersion', { version: current.version })} {t('covenant.adoptedOn')} <LocalDate value={current.adopted_on} />
          </Paragraph>
          <Paragraphs text={current.body} />
        </section>
      ) : (
        <Paragraph>{t('covenant.none')}</Paragraph>
      )}
      <Heading level={2}>{t('covenant.versions')}</Heading>
      {versions.length === 0 ? <Paragraph>{t('covenant.none')}</Paragraph> : <VersionList pact={pact} versions={versions} />}
      <Heading level={2}>{t('covenant.signatures')}</Heading>
      <SignatureTable pact={pact} signatures={signatures} caption={t('covenant.signatures')} />
    </>
  );
}

export function CovenantVersionPage({ pact, version, signatures }: { pact: PactSummary; version: CovenantVersionRow; signatures: SignatureRow[] }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{version.title}</Heading>
      <Paragraph lead>
        {t('covenant.versionNumber', { version: version.version })}, {t('covenant.adoptedOn')} <LocalDate value={version.adopted_on} />
      </Paragraph>
      <Paragraphs text={version.body} />
      <Heading level={2}>{t('covenant.signatures')}</Heading>
      <SignatureTable pact={pact} signatures={signatures} caption={t('covenant.signatures')} />
      <Paragraph><Link href={`/p/${pact.slug}/covenant`}>{t('covenant.back')}</Link></Paragraph>
    </>
  );
}

const covenantLabels: Record<string, MessageKey> = { title: 'covenant.field.title', body: 'covenant.field.body', adoptedOn: 'covenant.field.adoptedOn' };

export function CovenantNewPage({ pact, nextVersion, state }: { pact: PactSummary; nextVersion: number; state: FormState }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('covenant.newTitle', { version: nextVersion })}</Heading>
      <Paragraph>{t('covenant.newIntro')}</Paragraph>
      <ErrorSummary state={state} labels={covenantLabels} />
      <form method="post" action={`/p/${pact.slug}/covenant/new`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <Field name="title" label="covenant.field.title" state={state} maxlength={200} />
        <Field name="body" label="covenant.field.body" state={state} multiline rows={15} maxlength={50000} />
        <Field name="adoptedOn" label="covenant.field.adoptedOn" type="date" description="partners.dateHelp" state={state} />
        <div class="sp-actions">
          <Button>{t('covenant.adopt')}</Button>
          <Link href={`/p/${pact.slug}/covenant`}>{t('form.cancel')}</Link>
        </div>
      </form>
    </>
  );
}

type OrgRef = { id: string; name: string };

const representativeLabels: Record<string, MessageKey> = { name: 'representatives.name', functionTitle: 'representatives.function' };

export function RepresentativesPage({
  pact, organisation, representatives, state, endError,
}: {
  pact: PactSummary;
  organisation: OrgRef;
  representatives: RepresentativeRow[];
  state: FormState;
  endError?: MessageKey;
}) {
  const t = useT();
  const base = `/p/${pact.slug}/organisations/${organisation.id}`;
  const current = representatives.filter((r) => r.ended_at === null);
  const former = representatives.filter((r) => r.ended_at !== null);
  return (
    <>
      <Flash />
      <Heading level={1}>{t('representatives.title', { name: organisation.name })}</Heading>
      <Paragraph>{t('representatives.intro')}</Paragraph>
      {endError ? <Alert kind="error"><p class="utrecht-paragraph">{t(endError)}</p></Alert> : null}
      {current.length === 0 ? <Paragraph>{t('representatives.none')}</Paragraph> : (
        <Table
          caption={t('representatives.current')}
          rows={current}
          columns={[
            { header: t('representatives.name'), cell: (r) => r.name },
            { header: t('representatives.function'), cell: (r) => r.function_title || '—' },
            {
              header: t('representatives.actions'),
              cell: (r) => (
                <form method="post" action={`${base}/representatives`} class="sp-inline-form" novalidate>
                  <CsrfField />
                  <input type="hidden" name="representative" value={r.id} />
                  <Button kind="secondary" name="action" value="end">{t('representatives.end', { name: r.name })}</Button>
                </form>
              ),
            },
          ]}
        />
      )}
      {former.length > 0 ? (
        <>
          <Heading level={2}>{t('representatives.former')}</Heading>
          <ul class="utrecht-unordered-list">{former.map((r) => <li class="utrecht-unordered-list__item">{r.name}{r.function_title ? ` (${r.function_title})` : ''}</li>)}</ul>
        </>
      ) : null}
      <Heading level={2}>{t('representatives.add')}</Heading>
      <ErrorSummary state={state} labels={representativeLabels} />
      <form method="post" action={`${base}/representatives`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <input type="hidden" name="action" value="add" />
        <Field name="name" label="representatives.name" state={state} maxlength={200} autocomplete="off" />
        <Field name="functionTitle" label="representatives.function" state={state} optional maxlength={200} />
        <div class="sp-actions">
          <Button>{t('representatives.addSubmit')}</Button>
          <Link href={`/p/${pact.slug}/organisations/${organisation.id}`}>{t('form.cancel')}</Link>
        </div>
      </form>
    </>
  );
}

const signatureLabels: Record<string, MessageKey> = { version: 'covenant.version', signedByName: 'covenant.signedBy', signedOn: 'covenant.signedOn' };

export function CovenantSignPage({
  pact, organisation, versions, signatures, state,
}: {
  pact: PactSummary;
  organisation: OrgRef;
  versions: Array<Omit<CovenantVersionRow, 'body'>>;
  signatures: SignatureRow[];
  state: FormState;
}) {
  const t = useT();
  return (
    <>
      <Flash />
      <Heading level={1}>{t('signature.title', { name: organisation.name })}</Heading>
      <Paragraph>{t('signature.intro')}</Paragraph>
      <SignatureTable pact={pact} signatures={signatures} caption={t('covenant.signatures')} />
      {versions.length === 0 ? <Paragraph>{t('covenant.none')}</Paragraph> : (
        <>
          <Heading level={2}>{t('signature.record')}</Heading>
          <ErrorSummary state={state} labels={signatureLabels} />
          <form method="post" action={`/p/${pact.slug}/organisations/${organisation.id}/covenant`} class="utrecht-form sp-form" novalidate>
            <CsrfField />
            <Field
              name="version"
              label="covenant.version"
              state={state}
              value={String(versions[0]!.version)}
              options={versions.map((v) => ({ value: String(v.version), label: `${v.version}: ${v.title}`, translate: false }))}
            />
            <Field name="signedByName" label="covenant.signedBy" state={state} maxlength={200} autocomplete="off" />
            <Field name="signedOn" label="covenant.signedOn" type="date" description="partners.dateHelp" state={state} />
            <div class="sp-actions">
              <Button>{t('signature.submit')}</Button>
              <Link href={`/p/${pact.slug}/organisations/${organisation.id}`}>{t('form.cancel')}</Link>
            </div>
          </form>
        </>
      )}
    </>
  );
}

const partnershipLabels: Record<string, MessageKey> = { action: 'partnership.action', effectiveOn: 'partnership.effectiveOn', reason: 'partnership.reason' };

export function PartnershipPage({
  pact, partner, history, mayRejoin, state,
}: {
  pact: PactSummary;
  partner: PartnerRow;
  history: PartnerStatusChangeRow[];
  mayRejoin: boolean;
  state: FormState;
}) {
  const t = useT();
  const left = partner.left_on !== null;
  return (
    <>
      <Flash />
      <Heading level={1}>{t('partnership.title', { name: partner.name })}</Heading>
      <DataList
        items={[
          [t('partners.joinedOn'), partner.joined_on ? <LocalDate value={partner.joined_on} /> : '—'],
          [t('partners.leftOn'), partner.left_on ? <LocalDate value={partner.left_on} /> : '—'],
        ]}
      />
      <Paragraph>{t('partnership.keepsHistory')}</Paragraph>
      <ErrorSummary state={state} labels={partnershipLabels} />
      {!left ? (
        <form method="post" action={`/p/${pact.slug}/organisations/${partner.id}/partnership`} class="utrecht-form sp-form" novalidate>
          <CsrfField />
          <input type="hidden" name="action" value="leave" />
          <Field name="effectiveOn" label="partnership.effectiveOn" type="date" description="partners.dateHelp" state={state} />
          <Field name="reason" label="partnership.reason" state={state} multiline maxlength={1000} />
          <Button>{t('partnership.leave')}</Button>
        </form>
      ) : mayRejoin ? (
        <form method="post" action={`/p/${pact.slug}/organisations/${partner.id}/partnership`} class="utrecht-form sp-form" novalidate>
          <CsrfField />
          <input type="hidden" name="action" value="rejoin" />
          <Field name="effectiveOn" label="partnership.effectiveOn" type="date" description="partners.dateHelp" state={state} />
          <Field name="reason" label="partnership.reason" state={state} multiline optional maxlength={1000} />
          <Button>{t('partnership.rejoin')}</Button>
        </form>
      ) : (
        <Paragraph>{t('partnership.rejoinByCoordinator')}</Paragraph>
      )}
      <Heading level={2}>{t('partnership.history')}</Heading>
      {history.length === 0 ? <Paragraph>{t('partnership.noHistory')}</Paragraph> : (
        <Table
          caption={t('partnership.history')}
          rows={history}
          columns={[
            { header: t('partnership.effectiveOn'), cell: (h) => <LocalDate value={h.effective_on} /> },
            { header: t('partnership.change'), cell: (h) => t(h.to_status === 'left' ? 'partnership.changed.left' : 'partnership.changed.member') },
            { header: t('partnership.reason'), cell: (h) => h.reason || '—' },
          ]}
        />
      )}
      <Paragraph><Link href={`/p/${pact.slug}/organisations/${partner.id}`}>{t('partners.backToOrganisation')}</Link></Paragraph>
    </>
  );
}


export function PartnersPage({
  pact, current, former, kind,
}: {
  pact: PactSummary;
  current: PartnerListRow[];
  former: PartnerListRow[];
  kind: OrganisationKind | null;
}) {
  const t = useT();
  const kinds = organisationKinds.filter((k) => current.some((p) => p.kind === k));
  return (
    <>
      <Heading level={1}>{t('partners.title')}</Heading>
      <Paragraph lead>{t('partners.intro')}</Paragraph>
      <form method="get" action={`/p/${pact.slug}/partners`} class="utrecht-form sp-form sp-filter" novalidate>
        <Field
          name="kind"
          label="partners.filterKind"
          state={{}}
          value={kind ?? ''}
          optional
          options={[{ value: '', label: 'partners.allKinds' }, ...organisationKinds.map((k) => ({ value: k, label: `orgKind.${k}` }))]}
        />
        <Button kind="secondary">{t('partners.filter')}</Button>
      </form>
      {current.length === 0 ? <Paragraph>{t('partners.none')}</Paragraph> : null}
      {kinds.map((k) => (
        <section aria-labelledby={`kind-${k}`}>
          <Heading level={2} id={`kind-${k}`}>{t(`orgKind.${k}` as MessageKey)}</Heading>
          <ul class="utrecht-unordered-list">
            {current.filter((p) => p.kind === k).map((p) => (
              <li class="utrecht-unordered-list__item"><Link href={`/p/${pact.slug}/partners/${p.id}`}>{p.name}</Link></li>
            ))}
          </ul>
        </section>
      ))}
      {former.length > 0 ? (
        <section aria-labelledby="former-partners">
          <Heading level={2} id="former-partners">{t('partners.former')}</Heading>
          <ul class="utrecht-unordered-list">
            {former.map((p) => (
              <li class="utrecht-unordered-list__item">
                <Link href={`/p/${pact.slug}/partners/${p.id}`}>{p.name}</Link>{' '}
                <span class="sp-muted">({t('partners.leftOnShort')} <LocalDate value={p.left_on!} />)</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Paragraph><Link href={`/p/${pact.slug}/partners.csv`}>{t('partners.export')}</Link></Paragraph>
    </>
  );
}

export function PartnerPage({
  pact, partner, representatives, signatures, activities, hasLeft, canEdit,
}: {
  pact: PactSummary;
  partner: PartnerRow;
  representatives: RepresentativeRow[];
  signatures: SignatureRow[];
  activities: Array<{ id: string; title: string; year: number }>;
  hasLeft: boolean;
  canEdit: boolean;
}) {
  const t = useT();
  const p = partner;
  const years = [...new Set(activities.map((a) => a.year))];
  return (
    <>
      <Heading level={1}>{p.name}</Heading>
      <Paragraph lead>{t(`orgKind.${p.kind}` as MessageKey)}</Paragraph>
      {hasLeft && p.left_on ? <Alert kind="info"><p class="utrecht-paragraph">{t('partners.hasLeft')} <LocalDate value={p.left_on} /></p></Alert> : null}
      {canEdit ? <Paragraph><Link href={`/p/${pact.slug}/organisations/${p.id}`}>{t('partners.manageLink')}</Link></Paragraph> : null}
      {p.mission ? (
        <>
          <Heading level={2}>{t('partners.mission')}</Heading>
          <Paragraphs text={p.mission} />
        </>
      ) : null}
      {p.description ? <Paragraphs text={p.description} /> : null}
      <Heading level={2}>{t('partners.contact')}</Heading>
      <DataList
        items={[
          ...(p.contact_name ? [[t('partners.contactName'), p.contact_name] as [string, unknown]] : []),
          ...(p.website ? [[t('organisation.website'), <Link href={p.website}>{p.website}</Link>] as [string, unknown]] : []),
          ...(p.email ? [[t('organisation.email'), <Link href={`mailto:${p.email}`}>{p.email}</Link>] as [string, unknown]] : []),
          ...(p.phone ? [[t('organisation.phone'), p.phone] as [string, unknown]] : []),
          ...(p.joined_on ? [[t('partners.joinedOn'), <LocalDate value={p.joined_on} />] as [string, unknown]] : []),
          ...(p.left_on ? [[t('partners.leftOn'), <LocalDate value={p.left_on} />] as [string, unknown]] : []),
        ] as Array<[string, string]>}
      />
      <Heading level={2}>{t('partners.representatives')}</Heading>
      {representatives.length === 0 ? <Paragraph>{t('representatives.none')}</Paragraph> : (
        <ul class="utrecht-unordered-list">
          {representatives.map((r) => <li class="utrecht-unordered-list__item">{r.name}{r.function_title ? ` (${r.function_title})` : ''}</li>)}
        </ul>
      )}
      <Heading level={2}>{t('covenant.signatures')}</Heading>
      <SignatureTable pact={pact} signatures={signatures} caption={t('covenant.signatures')} />
      <Heading level={2}>{t('partners.activities')}</Heading>
      {activities.length === 0 ? <Paragraph>{t('partners.noActivities')}</Paragraph> : years.map((y) => (
        <section aria-labelledby={`year-${y}`}>
          <Heading level={3} id={`year-${y}`}>{t('partners.agendaYear', { year: y })}</Heading>
          <ul class="utrecht-unordered-list">
            {activities.filter((a) => a.year === y).map((a) => (
              <li class="utrecht-unordered-list__item"><Link href={`/p/${pact.slug}/agenda/${a.year}/activities/${a.id}`}>{a.title}</Link></li>
            ))}
          </ul>
        </section>
      ))}
      <Paragraph><Link href={`/p/${pact.slug}/partners`}>{t('partners.back')}</Link></Paragraph>
    </>
  );
}
