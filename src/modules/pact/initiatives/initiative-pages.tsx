// Pages of the open umbrella: the public proposal form and its answers, the proposer's private
// status page, the public list and page of an initiative, and the coordinators' moderation pages.
import type { PactSummary } from '../../../access/policy.ts';
import { actionsOpen } from '../../../platform/lifecycle/lifecycle.ts';
import {
  Alert, Button, CsrfField, DataList, ErrorSummary, Field, Flash, Heading, Link, Paragraph, Table, fieldId, type FormState,
} from '../../../ui/components.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useLocale, useT } from '../../../ui/i18n.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { HONEYPOT_FIELD, supportKinds, type InitiativeSearch, type SupportKind } from './initiative-forms.ts';
import type { Choice, InitiativeRow, StatusChangeRow } from './initiative-queries.ts';
import { initiativeLifecycle, type InitiativeStatus } from './initiative-status.ts';

type T = ReturnType<typeof useT>;
export interface Choices {
  neighbourhoods: Choice[];
  pillars: Choice[];
}

const base = (pact: PactSummary) => `/p/${pact.slug}/initiatives`;
const statusLabel = (t: T, s: InitiativeStatus) => t(`initiatives.status.${s}` as MessageKey);
const supportText = (t: T, list: SupportKind[]) => (list.length ? list.map((k) => t(`initiatives.support.${k}` as MessageKey)).join(', ') : '—');

export const proposalLabels: Record<string, MessageKey> = {
  title: 'initiatives.field.title', description: 'initiatives.field.description', targetGroup: 'initiatives.field.targetGroup',
  neighbourhood: 'initiatives.field.neighbourhood', pillar: 'initiatives.field.pillar', support: 'initiatives.field.support',
  supportNotes: 'initiatives.field.supportNotes', name: 'initiatives.field.name', email: 'initiatives.field.email',
  group: 'initiatives.field.group', consent: 'initiatives.field.consent',
};
export const moderationLabels: Record<string, MessageKey> = { action: 'initiatives.moderate.action', message: 'initiatives.moderate.message' };

function Checkbox({ name, value, label, checked, first, invalid, describedBy }: {
  name: string; value: string; label: string; checked: boolean; first: boolean; invalid: boolean; describedBy?: string;
}) {
  const id = first ? fieldId(name) : `${fieldId(name)}-${value}`;
  return (
    <div class="utrecht-form-field utrecht-form-field--checkbox">
      <div class="utrecht-form-field__input">
        <input
          type="checkbox" id={id} name={name} value={value} checked={checked}
          aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy}
          class={`utrecht-checkbox utrecht-checkbox--html-input${invalid ? ' utrecht-checkbox--invalid' : ''}`}
        />
      </div>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>{label}</label>
      </div>
    </div>
  );
}

/** What the initiative is: the fields of the proposal form that the proposer can change later. */
function InitiativeFields({ state, choices, initial }: { state: FormState; choices: Choices; initial?: InitiativeRow }) {
  const t = useT();
  const kept = state.values?.support;
  const chosen = kept !== undefined ? kept.split(',') : (initial?.support_needed ?? []);
  const supportError = state.errors?.support;
  const errorId = supportError ? `${fieldId('support')}-error` : undefined;
  return (
    <>
      <Field name="title" label="initiatives.field.title" description="initiatives.field.titleHint" state={state} maxlength={200} value={initial?.title} />
      <Field name="description" label="initiatives.field.description" description="initiatives.field.descriptionHint" state={state} multiline rows={6} maxlength={4000} value={initial?.description} />
      <Field name="targetGroup" label="initiatives.field.targetGroup" description="initiatives.field.targetGroupHint" state={state} multiline rows={2} maxlength={1000} value={initial?.target_group} />
      <Field
        name="neighbourhood" label="initiatives.field.neighbourhood" state={state} optional value={initial?.neighbourhood_id ?? ''}
        options={[{ value: '', label: 'initiatives.field.noNeighbourhood' }, ...choices.neighbourhoods.map((n) => ({ value: n.id, label: n.name, translate: false }))]}
      />
      <Field
        name="pillar" label="initiatives.field.pillar" state={state} optional value={initial?.pillar_id ?? ''}
        options={[{ value: '', label: 'initiatives.field.noPillar' }, ...choices.pillars.map((p) => ({ value: p.id, label: p.name, translate: false }))]}
      />
      <fieldset class={`utrecht-form-fieldset sp-fieldset${supportError ? ' utrecht-form-fieldset--invalid' : ''}`} aria-describedby={errorId}>
        <legend class="utrecht-form-fieldset__legend utrecht-form-label">
          {t('initiatives.field.support')} <span class="sp-optional">{t('form.optional')}</span>
        </legend>
        {supportError ? <div class="utrecht-form-field-error-message" id={errorId}>{t(supportError.key as MessageKey, supportError.params)}</div> : null}
        {supportKinds.map((k, i) => (
          <Checkbox name="support" value={k} label={t(`initiatives.support.${k}` as MessageKey)} checked={chosen.includes(k)} first={i === 0} invalid={!!supportError} />
        ))}
      </fieldset>
      <Field name="supportNotes" label="initiatives.field.supportNotes" description="initiatives.field.supportNotesHint" state={state} multiline rows={3} optional maxlength={2000} value={initial?.support_notes} />
    </>
  );
}

export function ProposePage({ pact, choices, state }: { pact: PactSummary; choices: Choices; state: FormState }) {
  const t = useT();
  const consentError = state.errors?.consent;
  const consentErrorId = consentError ? `${fieldId('consent')}-error` : undefined;
  return (
    <>
      <Heading level={1}>{t('initiatives.propose.title')}</Heading>
      <Paragraph lead>{t('initiatives.propose.intro', { pact: pact.name })}</Paragraph>
      <ErrorSummary state={state} labels={proposalLabels} />
      <form method="post" action={`${base(pact)}/new`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <Heading level={2}>{t('initiatives.propose.aboutInitiative')}</Heading>
        <InitiativeFields state={state} choices={choices} />
        <Heading level={2}>{t('initiatives.propose.aboutYou')}</Heading>
        <Field name="name" label="initiatives.field.name" state={state} autocomplete="name" maxlength={200} />
        <Field name="email" label="initiatives.field.email" description="initiatives.field.emailHint" state={state} type="email" autocomplete="email" inputmode="email" maxlength={320} />
        <Field name="group" label="initiatives.field.group" description="initiatives.field.groupHint" state={state} optional autocomplete="organization" maxlength={200} />
        {/* The honeypot: hidden from people and from assistive technology (the `hidden` attribute);
            a bot that fills in every field fills in this one too. */}
        <div hidden class="sp-honeypot">
          <label for={fieldId(HONEYPOT_FIELD)}>{t('initiatives.honeypot')}</label>
          <input type="text" id={fieldId(HONEYPOT_FIELD)} name={HONEYPOT_FIELD} value="" tabindex={-1} autocomplete="off" />
        </div>
        <Heading level={2}>{t('initiatives.privacy.title')}</Heading>
        <Paragraph>{t('initiatives.privacy.text')}</Paragraph>
        <div class={`utrecht-form-field utrecht-form-field--checkbox${consentError ? ' utrecht-form-field--invalid' : ''}`}>
          {consentError ? <div class="utrecht-form-field-error-message" id={consentErrorId}>{t(consentError.key as MessageKey, consentError.params)}</div> : null}
          <div class="utrecht-form-field__input">
            <input
              type="checkbox" id={fieldId('consent')} name="consent" value="yes" required checked={state.values?.consent === 'yes'}
              aria-invalid={consentError ? 'true' : undefined} aria-describedby={consentErrorId}
              class={`utrecht-checkbox utrecht-checkbox--html-input${consentError ? ' utrecht-checkbox--invalid' : ''}`}
            />
          </div>
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label utrecht-form-label--checkbox" for={fieldId('consent')}>{t('initiatives.field.consent')}</label>
          </div>
        </div>
        <Button>{t('initiatives.propose.submit')}</Button>
      </form>
    </>
  );
}

/** The same answer for every proposal that was accepted — and for one a bot filled in. */
export function CheckMailPage({ pact }: { pact: PactSummary }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('initiatives.checkMail.title')}</Heading>
      <Paragraph lead>{t('initiatives.checkMail.text')}</Paragraph>
      <Paragraph>{t('initiatives.checkMail.noMail')}</Paragraph>
      <Paragraph><Link href={base(pact)}>{t('initiatives.toList')}</Link></Paragraph>
    </>
  );
}

export function ConfirmPage({ pact, state, title, token }: {
  pact: PactSummary; state: 'open' | 'confirmed' | 'already-confirmed' | 'gone'; title?: string; token: string;
}) {
  const t = useT();
  if (state === 'gone') {
    return (
      <>
        <Heading level={1}>{t('initiatives.link.goneTitle')}</Heading>
        <Paragraph>{t('initiatives.link.goneText')}</Paragraph>
        <Paragraph><Link href={`${base(pact)}/new`}>{t('initiatives.propose.again')}</Link></Paragraph>
      </>
    );
  }
  if (state === 'confirmed' || state === 'already-confirmed') {
    return (
      <>
        <Heading level={1}>{t(state === 'confirmed' ? 'initiatives.confirm.doneTitle' : 'initiatives.confirm.alreadyTitle')}</Heading>
        <Paragraph>{t('initiatives.confirm.doneText', { title: title ?? '' })}</Paragraph>
        <Paragraph><Link href={base(pact)}>{t('initiatives.toList')}</Link></Paragraph>
      </>
    );
  }
  return (
    <>
      <Heading level={1}>{t('initiatives.confirm.title')}</Heading>
      <Paragraph>{t('initiatives.confirm.text', { title: title ?? '' })}</Paragraph>
      <form method="post" action={`${base(pact)}/confirm/${token}`} class="utrecht-form sp-form">
        <CsrfField />
        <Button>{t('initiatives.confirm.button')}</Button>
      </form>
    </>
  );
}

function History({ history }: { history: StatusChangeRow[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Table
      caption={t('initiatives.history')}
      rows={history}
      columns={[
        { header: t('initiatives.history.when'), cell: (h) => formatDateTime(h.changed_at, locale) },
        { header: t('initiatives.history.status'), cell: (h) => statusLabel(t, h.to_status) },
        { header: t('initiatives.history.by'), cell: (h) => (h.by_proposer ? t('initiatives.history.proposer') : (h.by_name ?? t('initiatives.history.coordinator'))) },
        { header: t('initiatives.history.message'), cell: (h) => h.message || '—' },
      ]}
    />
  );
}

function Facts({ i, withContact }: { i: InitiativeRow; withContact: boolean }) {
  const t = useT();
  const locale = useLocale();
  const items: Array<[string, string]> = [
    [t('initiatives.field.targetGroup'), i.target_group],
    [t('initiatives.field.neighbourhood'), i.neighbourhood_name ?? '—'],
    [t('initiatives.field.pillar'), i.pillar_title ?? '—'],
    [t('initiatives.field.support'), supportText(t, i.support_needed)],
  ];
  if (i.support_notes) items.push([t('initiatives.field.supportNotes'), i.support_notes]);
  if (i.proposer_group) items.push([t('initiatives.field.group'), i.proposer_group]);
  if (withContact) {
    items.push([t('initiatives.field.name'), i.proposer_name], [t('initiatives.field.email'), i.proposer_email]);
    items.push([t('initiatives.history.status'), statusLabel(t, i.status)], [t('initiatives.proposedAt'), formatDateTime(i.created_at, locale)]);
  }
  return <DataList items={items} />;
}

export function MinePage({ pact, initiative: i, history, state, token, choices }: {
  pact: PactSummary; initiative: InitiativeRow; history: StatusChangeRow[]; state: FormState; token: string; choices: Choices;
}) {
  const t = useT();
  const actions = actionsOpen(initiativeLifecycle, i.status, 'proposer');
  return (
    <>
      <Flash />
      <Heading level={1}>{t('initiatives.mine.title', { title: i.title })}</Heading>
      <Paragraph lead>{t('initiatives.mine.status', { status: statusLabel(t, i.status) })}</Paragraph>
      <Paragraph>{t(`initiatives.mine.explain.${i.status}` as MessageKey)}</Paragraph>
      {i.moderation_message && (i.status === 'changes_requested' || i.status === 'declined') ? (
        <Alert kind="info" title={t('initiatives.mine.message')}><p class="utrecht-paragraph">{i.moderation_message}</p></Alert>
      ) : null}
      {i.status === 'published' ? <Paragraph><Link href={`${base(pact)}/${i.id}`}>{t('initiatives.mine.viewPublic')}</Link></Paragraph> : null}
      {actions.includes('resubmit') ? (
        <section aria-labelledby="resubmit-heading">
          <Heading level={2} id="resubmit-heading">{t('initiatives.mine.changeTitle')}</Heading>
          <ErrorSummary state={state} labels={proposalLabels} />
          <form method="post" action={`${base(pact)}/mine/${token}`} class="utrecht-form sp-form" novalidate>
            <CsrfField />
            <input type="hidden" name="action" value="resubmit" />
            <InitiativeFields state={state} choices={choices} initial={i} />
            <Button>{t('initiatives.mine.resubmit')}</Button>
          </form>
        </section>
      ) : (
        <>
          <Heading level={2}>{t('initiatives.mine.yourProposal')}</Heading>
          <Paragraph>{i.description}</Paragraph>
          <Facts i={i} withContact={false} />
        </>
      )}
      {actions.includes('withdraw') ? (
        <section aria-labelledby="withdraw-heading">
          <Heading level={2} id="withdraw-heading">{t('initiatives.mine.withdrawTitle')}</Heading>
          <Paragraph>{t('initiatives.mine.withdrawText')}</Paragraph>
          <form method="post" action={`${base(pact)}/mine/${token}`} class="utrecht-form sp-form">
            <CsrfField />
            <input type="hidden" name="action" value="withdraw" />
            <Button kind="secondary">{t('initiatives.mine.withdraw')}</Button>
          </form>
        </section>
      ) : null}
      <Heading level={2}>{t('initiatives.history')}</Heading>
      <History history={history} />
    </>
  );
}

export function ListPage({ pact, initiatives, choices, search, canManage }: {
  pact: PactSummary; initiatives: InitiativeRow[]; choices: Choices; search: InitiativeSearch; canManage: boolean;
}) {
  const t = useT();
  const searched = search.q !== '' || search.pillar !== '' || search.neighbourhood !== '';
  const state: FormState = { values: { q: search.q, pillar: search.pillar, neighbourhood: search.neighbourhood } };
  return (
    <>
      <Flash />
      <Heading level={1}>{t('initiatives.list.title')}</Heading>
      <Paragraph lead>{t('initiatives.list.intro', { pact: pact.name })}</Paragraph>
      <Paragraph>
        <Link href={`${base(pact)}/new`}>{t('initiatives.list.propose')}</Link>
        {canManage ? <>{' · '}<Link href={`${base(pact)}/moderation`}>{t('initiatives.moderation.title')}</Link></> : null}
      </Paragraph>
      <form method="get" action={base(pact)} class="utrecht-form sp-form" role="search" aria-label={t('initiatives.list.searchTitle')}>
        <Field name="q" label="initiatives.list.q" state={state} type="search" optional maxlength={200} />
        <Field
          name="pillar" label="initiatives.field.pillar" state={state} optional
          options={[{ value: '', label: 'initiatives.list.allPillars' }, ...choices.pillars.map((p) => ({ value: p.id, label: p.name, translate: false }))]}
        />
        <Field
          name="neighbourhood" label="initiatives.field.neighbourhood" state={state} optional
          options={[{ value: '', label: 'initiatives.list.allNeighbourhoods' }, ...choices.neighbourhoods.map((n) => ({ value: n.id, label: n.name, translate: false }))]}
        />
        <Button>{t('initiatives.list.search')}</Button>
      </form>
      <Heading level={2}>{t('initiatives.list.found', { count: initiatives.length })}</Heading>
      {initiatives.length === 0 ? (
        <Paragraph>{t(searched ? 'initiatives.list.noneFound' : 'initiatives.list.none')}</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list sp-initiative-list">
          {initiatives.map((i) => (
            <li class="utrecht-unordered-list__item">
              <Link href={`${base(pact)}/${i.id}`}>{i.title}</Link>
              <br />
              {[i.pillar_title, i.neighbourhood_name].filter(Boolean).join(' · ') || '—'}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function DetailPage({ pact, initiative: i, history, coordinator }: {
  pact: PactSummary; initiative: InitiativeRow; history: StatusChangeRow[]; coordinator: boolean;
}) {
  const t = useT();
  return (
    <>
      <Flash />
      <Heading level={1}>{i.title}</Heading>
      {coordinator && i.status !== 'published' ? (
        <Alert kind="warning"><p class="utrecht-paragraph">{t('initiatives.detail.notPublic', { status: statusLabel(t, i.status) })}</p></Alert>
      ) : null}
      <Paragraph lead>{i.description}</Paragraph>
      <Facts i={i} withContact={coordinator} />
      {i.status === 'published' ? <Paragraph>{t('initiatives.detail.help')}</Paragraph> : null}
      {coordinator ? (
        <>
          <Paragraph><Link href={`${base(pact)}/${i.id}/moderate`}>{t('initiatives.detail.moderate')}</Link></Paragraph>
          <Heading level={2}>{t('initiatives.history')}</Heading>
          <History history={history} />
        </>
      ) : null}
      <Paragraph><Link href={base(pact)}>{t('initiatives.toList')}</Link></Paragraph>
    </>
  );
}

export function ModerationPage({ pact, initiatives }: { pact: PactSummary; initiatives: InitiativeRow[] }) {
  const t = useT();
  const locale = useLocale();
  const order: InitiativeStatus[] = ['submitted', 'changes_requested', 'published', 'unconfirmed', 'declined', 'withdrawn'];
  return (
    <>
      <Flash />
      <Heading level={1}>{t('initiatives.moderation.title')}</Heading>
      <Paragraph>{t('initiatives.moderation.intro')}</Paragraph>
      <Paragraph>
        <Link href={`${base(pact)}.csv`}>{t('initiatives.moderation.csv')}</Link>
        {' · '}
        <Link href={base(pact)}>{t('initiatives.toList')}</Link>
      </Paragraph>
      {order.map((status) => {
        const rows = initiatives.filter((i) => i.status === status);
        return (
          <section aria-labelledby={`status-${status}`}>
            <Heading level={2} id={`status-${status}`}>{`${statusLabel(t, status)} (${rows.length})`}</Heading>
            {rows.length === 0 ? (
              <Paragraph>{t('initiatives.moderation.none')}</Paragraph>
            ) : (
              <Table
                caption={statusLabel(t, status)}
                rows={rows}
                columns={[
                  { header: t('initiatives.field.title'), cell: (i) => <Link href={`${base(pact)}/${i.id}/moderate`}>{i.title}</Link> },
                  { header: t('initiatives.field.name'), cell: (i) => i.proposer_name },
                  { header: t('initiatives.field.email'), cell: (i) => i.proposer_email },
                  { header: t('initiatives.field.pillar'), cell: (i) => i.pillar_title ?? '—' },
                  { header: t('initiatives.proposedAt'), cell: (i) => formatDateTime(i.created_at, locale) },
                ]}
              />
            )}
          </section>
        );
      })}
    </>
  );
}

export function ModeratePage({ pact, initiative: i, history, state }: {
  pact: PactSummary; initiative: InitiativeRow; history: StatusChangeRow[]; state: FormState;
}) {
  const t = useT();
  const actions = actionsOpen(initiativeLifecycle, i.status, 'coordinator');
  return (
    <>
      <Flash />
      <Heading level={1}>{t('initiatives.moderate.title', { title: i.title })}</Heading>
      <Paragraph lead>{t('initiatives.mine.status', { status: statusLabel(t, i.status) })}</Paragraph>
      <Paragraph>{i.description}</Paragraph>
      <Facts i={i} withContact />
      {i.moderation_message ? <Paragraph>{t('initiatives.moderate.lastMessage', { message: i.moderation_message })}</Paragraph> : null}
      <Heading level={2}>{t('initiatives.moderate.decide')}</Heading>
      {actions.length === 0 ? (
        <Paragraph>{t('initiatives.moderate.nothingToDo')}</Paragraph>
      ) : (
        <>
          <ErrorSummary state={state} labels={moderationLabels} />
          <form method="post" action={`${base(pact)}/${i.id}/moderate`} class="utrecht-form sp-form" novalidate>
            <CsrfField />
            <Field
              name="action" label="initiatives.moderate.action" state={state}
              options={actions.map((a) => ({ value: a, label: `initiatives.action.${a}` }))}
            />
            <Field name="message" label="initiatives.moderate.message" description="initiatives.moderate.messageHint" state={state} multiline rows={4} optional maxlength={2000} />
            <Button>{t('initiatives.moderate.submit')}</Button>
          </form>
        </>
      )}
      <Heading level={2}>{t('initiatives.history')}</Heading>
      <History history={history} />
      <Paragraph><Link href={`${base(pact)}/moderation`}>{t('initiatives.moderation.back')}</Link></Paragraph>
    </>
  );
}
