// Pages of the pact's stories: the list with its filter, one story, and the form to write or change
// a story with the consent of the person it is about (shown to the story's editors only).
import type { Child } from 'hono/jsx';
import type { PactSummary } from '../../../access/policy.ts';
import {
  Button, ButtonLink, CsrfField, DataList, ErrorSummary, Field, fieldId, Flash, Heading, Link, Paragraph, Table, type FormState,
} from '../../../ui/components.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useLocale, useT } from '../../../ui/i18n.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { Paragraphs } from '../meetings/index.ts';
import { consentMethods, nextStoryStatuses, storyKinds, storyVisibilities, type Consent, type StoryKind } from './story.ts';
import type { StoryHistoryRow, StoryRow } from './story-queries.ts';

function When({ at }: { at: Date }) {
  const locale = useLocale();
  return <time datetime={at.toISOString()}>{formatDateTime(at, locale)}</time>;
}

export function StoriesPage({
  pact, stories, pillars, filter, isMember, writableOrganisation,
}: {
  pact: PactSummary;
  stories: StoryRow[];
  pillars: Array<{ id: string; title: string }>;
  filter: { pillar: string; kind: string };
  isMember: boolean;
  /** The organisation the reader may write stories for, if any. */
  writableOrganisation: string | null;
}) {
  const t = useT();
  const base = `/p/${pact.slug}/stories`;
  const state: FormState = { values: filter };
  return (
    <>
      <Flash />
      <Heading level={1}>{t('stories.title')}</Heading>
      <Paragraph>{t('stories.intro')}</Paragraph>
      {writableOrganisation ? (
        <Paragraph><ButtonLink href={`/p/${pact.slug}/organisations/${writableOrganisation}/stories/new`}>{t('stories.new')}</ButtonLink></Paragraph>
      ) : null}
      <form method="get" action={base} class="utrecht-form sp-form" aria-label={t('stories.filter')}>
        <Field name="pillar" label="stories.pillar" optional state={state}
          options={[{ value: '', label: 'stories.allPillars' }, ...pillars.map((p) => ({ value: p.id, label: p.title, translate: false }))]} />
        <Field name="kind" label="stories.kind" optional state={state}
          options={[{ value: '', label: 'stories.allKinds' }, ...storyKinds.map((k) => ({ value: k, label: `stories.kind.${k}` as MessageKey }))]} />
        <Button kind="secondary">{t('stories.filterButton')}</Button>
      </form>
      {stories.length === 0 ? <Paragraph>{t('stories.none')}</Paragraph> : (
        <Table
          caption={t('stories.title')}
          rows={stories}
          columns={[
            { header: t('stories.titleLabel'), cell: (s) => <Link href={`${base}/${s.id}`}>{s.title}</Link> },
            { header: t('stories.kind'), cell: (s) => t(`stories.kind.${s.kind}` as MessageKey) },
            { header: t('stories.pillar'), cell: (s) => s.pillar_title ?? '—' },
            { header: t('stories.organisation'), cell: (s) => s.organisation_name },
            ...(isMember
              ? [{ header: t('stories.status'), cell: (s: StoryRow) => `${t(`stories.status.${s.status}` as MessageKey)}, ${t(`stories.visibility.${s.visibility}` as MessageKey).toLowerCase()}` }]
              : []),
          ]}
        />
      )}
      {isMember ? <Paragraph><Link href={`/p/${pact.slug}/stories.csv`}>{t('stories.export')}</Link></Paragraph> : null}
    </>
  );
}

export function StoryPage({ pact, story, canEdit }: { pact: PactSummary; story: StoryRow; canEdit: boolean }) {
  const t = useT();
  return (
    <>
      <Flash />
      <Heading level={1}>{story.title}</Heading>
      <DataList
        items={[
          [t('stories.kind'), t(`stories.kind.${story.kind}` as MessageKey)],
          [t('stories.pillar'), story.pillar_title ?? '—'],
          [t('stories.organisation'), story.organisation_name],
          ...(story.published_at ? [[t('stories.publishedOn'), <When at={story.published_at} />] as [string, Child]] : []),
          ...(story.status !== 'published' || story.visibility !== 'public'
            ? [[t('stories.status'), `${t(`stories.status.${story.status}` as MessageKey)}, ${t(`stories.visibility.${story.visibility}` as MessageKey).toLowerCase()}`] as [string, string]]
            : []),
        ]}
      />
      <Paragraphs text={story.body} />
      {canEdit ? <Paragraph><ButtonLink href={`/p/${pact.slug}/organisations/${story.organisation_id}/stories/${story.id}/edit`}>{t('stories.edit')}</ButtonLink></Paragraph> : null}
      <Paragraph><Link href={`/p/${pact.slug}/stories`}>{t('stories.back')}</Link></Paragraph>
    </>
  );
}

const formLabels: Record<string, MessageKey> = {
  title: 'stories.titleLabel', body: 'stories.body', kind: 'stories.kind', pillar: 'stories.pillar', visibility: 'stories.visibility',
  aboutPerson: 'stories.aboutPerson', personName: 'stories.personName', consentGivenOn: 'stories.consentGivenOn',
  consentMethod: 'stories.consentMethod', consentScope: 'stories.consentScope', consentWithdrawnOn: 'stories.consentWithdrawnOn', to: 'stories.status',
};

export interface StoryFormPageProps {
  pact: PactSummary;
  organisation: { id: string; name: string };
  story: StoryRow | null;
  consent: Consent | null;
  pillars: Array<{ id: string; title: string }>;
  history: StoryHistoryRow[];
  state: FormState;
  revision?: string;
}

export function StoryFormPage({ pact, organisation, story, consent, pillars, history, state, revision }: StoryFormPageProps) {
  const t = useT();
  const base = `/p/${pact.slug}/organisations/${organisation.id}/stories`;
  const action = story ? `${base}/${story.id}/edit` : `${base}/new`;
  const aboutPerson = state.values ? state.values.aboutPerson === 'yes' : (story?.about_person ?? false);
  const kind: StoryKind = story?.kind ?? 'goes_well';
  return (
    <>
      <Flash />
      <Heading level={1}>{story ? t('stories.editTitle', { title: story.title }) : t('stories.newFor', { organisation: organisation.name })}</Heading>
      {story ? (
        <Paragraph>{t('stories.status')}: {t(`stories.status.${story.status}` as MessageKey)}, {t(`stories.visibility.${story.visibility}` as MessageKey).toLowerCase()}</Paragraph>
      ) : null}
      <ErrorSummary state={state} labels={formLabels} />
      <form method="post" action={action} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        {revision ? <input type="hidden" name="revision" value={revision} /> : null}
        <Field name="title" label="stories.titleLabel" state={state} value={story?.title} maxlength={200} autocomplete="off" />
        <Field name="body" label="stories.body" multiline rows={10} state={state} value={story?.body} maxlength={20000} />
        <Field name="kind" label="stories.kind" state={state} value={kind} options={storyKinds.map((k) => ({ value: k, label: `stories.kind.${k}` as MessageKey }))} />
        <Field name="pillar" label="stories.pillar" optional state={state} value={story?.pillar_id ?? ''}
          options={[{ value: '', label: 'stories.noPillar' }, ...pillars.map((p) => ({ value: p.id, label: p.title, translate: false }))]} />
        <Field name="visibility" label="stories.visibility" description="stories.visibilityHint" state={state} value={story?.visibility ?? 'internal'}
          options={storyVisibilities.map((v) => ({ value: v, label: `stories.visibility.${v}` as MessageKey }))} />
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <div class="utrecht-form-field__input">
            <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id={fieldId('aboutPerson')} name="aboutPerson" value="yes"
              checked={aboutPerson} aria-describedby={`${fieldId('aboutPerson')}-description`} />
          </div>
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label utrecht-form-label--checkbox" for={fieldId('aboutPerson')}>{t('stories.aboutPerson')}</label>
          </div>
          <div class="utrecht-form-field-description" id={`${fieldId('aboutPerson')}-description`}>{t('stories.aboutPersonHint')}</div>
        </div>
        <fieldset class="utrecht-form-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('stories.consent')}</legend>
          <p class="utrecht-paragraph">{t('stories.consentIntro')}</p>
          <Field name="personName" label="stories.personName" optional state={state} value={consent?.personName} maxlength={200} autocomplete="off" />
          <Field name="consentGivenOn" label="stories.consentGivenOn" type="date" optional description="stories.dateHint" state={state} value={consent?.givenOn} />
          <Field name="consentMethod" label="stories.consentMethod" optional state={state} value={consent?.method ?? ''}
            options={[{ value: '', label: 'stories.consentMethod.none' }, ...consentMethods.map((m) => ({ value: m, label: `stories.consentMethod.${m}` as MessageKey }))]} />
          <Field name="consentScope" label="stories.consentScope" optional multiline rows={3} description="stories.consentScopeHint" state={state} value={consent?.scope} maxlength={2000} />
          {story ? (
            <Field name="consentWithdrawnOn" label="stories.consentWithdrawnOn" type="date" optional description="stories.consentWithdrawnHint" state={state} value={consent?.withdrawnOn ?? ''} />
          ) : null}
        </fieldset>
        <div class="sp-button-group">
          <Button name="intent" value="save">{t('stories.save')}</Button>{' '}
          {!story || story.status !== 'published' ? <Button kind="secondary" name="intent" value="publish">{t('stories.saveAndPublish')}</Button> : null}
        </div>
      </form>
      {story && nextStoryStatuses(story.status).length > 0 ? (
        <section aria-labelledby="status-heading">
          <Heading level={2} id="status-heading">{t('stories.statusHeading')}</Heading>
          <form method="post" action={`${base}/${story.id}/status`} class="utrecht-form sp-form">
            <CsrfField />
            {nextStoryStatuses(story.status).map((to) => (
              <>
                <Button kind="secondary" name="to" value={to}>
                  {t(to === 'published' ? 'stories.publish' : to === 'withdrawn' ? 'stories.withdraw' : 'stories.backToDraft')}
                </Button>{' '}
              </>
            ))}
          </form>
        </section>
      ) : null}
      {history.length > 0 ? (
        <section aria-labelledby="history-heading">
          <Heading level={2} id="history-heading">{t('stories.history')}</Heading>
          <Table
            caption={t('stories.history')}
            rows={history}
            columns={[
              { header: t('stories.when'), cell: (h) => <When at={h.changed_at} /> },
              { header: t('stories.status'), cell: (h) => t('stories.historyChange', {
                from: h.from_status ? `${t(`stories.status.${h.from_status}` as MessageKey)}, ${t(`stories.visibility.${h.from_visibility ?? 'internal'}` as MessageKey).toLowerCase()}` : '—',
                to: `${t(`stories.status.${h.to_status}` as MessageKey)}, ${t(`stories.visibility.${h.to_visibility}` as MessageKey).toLowerCase()}`,
              }) },
            ]}
          />
        </section>
      ) : null}
      <Paragraph><Link href={story ? `/p/${pact.slug}/stories/${story.id}` : `/p/${pact.slug}/stories`}>{t('stories.back')}</Link></Paragraph>
    </>
  );
}
