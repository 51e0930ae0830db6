// The coordinator's pillar pages: the list with an add form and the templates, and one pillar's edit page.
import type { PactSummary } from '../../../access/policy.ts';
import { Alert, Button, CsrfField, ErrorSummary, Field, Flash, Heading, Link, Paragraph, Table, type FormState } from '../../../ui/components.tsx';
import { useT } from '../../../ui/i18n.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import type { PillarRow } from './pillar-queries.ts';
import { pillarTemplates } from './templates.ts';

const pillarLabels: Record<string, MessageKey> = {
  title: 'pillars.field.title',
  description: 'pillars.field.description',
  weight: 'pillars.field.weight',
  position: 'pillars.field.position',
  template: 'pillars.template',
};

/** Offers the templates of the seeds to a pact without pillars. */
export function PillarTemplateChoice({ pact, state }: { pact: PactSummary; state: FormState }) {
  const t = useT();
  return (
    <section aria-labelledby="pillar-template">
      <Heading level={2} id="pillar-template">{t('pillars.templateHeading')}</Heading>
      <Paragraph>{t('pillars.templateIntro')}</Paragraph>
      <form method="post" action={`/p/${pact.slug}/pillars/template`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <Field
          name="template"
          label="pillars.template"
          state={state}
          options={pillarTemplates.map((tpl) => ({ value: tpl.key, label: `pillars.template.${tpl.key}` }))}
        />
        <Button>{t('pillars.applyTemplate')}</Button>
      </form>
    </section>
  );
}

export function PillarsPage({
  pact, pillars, addState, templateState, templateError,
}: {
  pact: PactSummary;
  pillars: PillarRow[];
  addState: FormState;
  templateState: FormState;
  templateError?: MessageKey;
}) {
  const t = useT();
  return (
    <>
      <Flash />
      <Heading level={1}>{t('pillars.title')}</Heading>
      <Paragraph>{t('pillars.intro')}</Paragraph>
      {templateError ? <Alert kind="error"><p class="utrecht-paragraph">{t(templateError)}</p></Alert> : null}
      {pillars.length === 0 ? <PillarTemplateChoice pact={pact} state={templateState} /> : (
        <Table
          caption={t('pillars.title')}
          rows={pillars}
          columns={[
            { header: t('pillars.field.position'), cell: (p) => String(p.position), numeric: true },
            { header: t('pillars.field.title'), cell: (p) => <Link href={`/p/${pact.slug}/pillars/${p.id}`}>{p.title}</Link> },
            { header: t('pillars.field.weight'), cell: (p) => p.weight, numeric: true },
            { header: t('pillars.status'), cell: (p) => t(p.archived_at ? 'pillars.archived' : 'pillars.active') },
          ]}
        />
      )}
      <Heading level={2}>{t('pillars.add')}</Heading>
      <ErrorSummary state={addState} labels={pillarLabels} />
      <form method="post" action={`/p/${pact.slug}/pillars`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <Field name="title" label="pillars.field.title" state={addState} maxlength={200} />
        <Field name="description" label="pillars.field.description" state={addState} multiline optional maxlength={4000} />
        <Field name="weight" label="pillars.field.weight" description="pillars.weightHelp" state={addState} optional maxlength={6} />
        <Field name="position" label="pillars.field.position" description="pillars.positionHelp" state={addState} optional inputmode="numeric" maxlength={4} />
        <Button>{t('pillars.addSubmit')}</Button>
      </form>
    </>
  );
}

export function PillarEditPage({ pact, pillar, state }: { pact: PactSummary; pillar: PillarRow; state: FormState }) {
  const t = useT();
  const action = `/p/${pact.slug}/pillars/${pillar.id}`;
  return (
    <>
      <Flash />
      <Heading level={1}>{t('pillars.editTitle', { title: pillar.title })}</Heading>
      {pillar.archived_at ? <Alert kind="info"><p class="utrecht-paragraph">{t('pillars.archivedNote')}</p></Alert> : null}
      <ErrorSummary state={state} labels={pillarLabels} />
      <form method="post" action={action} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <input type="hidden" name="action" value="save" />
        <Field name="title" label="pillars.field.title" state={state} value={pillar.title} maxlength={200} />
        <Field name="description" label="pillars.field.description" state={state} value={pillar.description} multiline optional maxlength={4000} />
        <Field name="weight" label="pillars.field.weight" description="pillars.weightHelp" state={state} value={pillar.weight} maxlength={6} />
        <Field name="position" label="pillars.field.position" state={state} value={String(pillar.position)} inputmode="numeric" maxlength={4} />
        <div class="sp-actions">
          <Button>{t('form.submit')}</Button>
          <Link href={`/p/${pact.slug}/pillars`}>{t('form.cancel')}</Link>
        </div>
      </form>
      <form method="post" action={action} class="sp-inline-form" novalidate>
        <CsrfField />
        {pillar.archived_at
          ? <Button kind="secondary" name="action" value="restore">{t('pillars.restore')}</Button>
          : <Button kind="secondary" name="action" value="archive">{t('pillars.archive')}</Button>}
      </form>
    </>
  );
}
