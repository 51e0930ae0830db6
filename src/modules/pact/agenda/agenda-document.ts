// The compiled agenda as a PDF (through the platform's PDF module) and as CSV rows. Pure apart
// from rendering: the same activities and translator give the same document.
import type { Locale, Translate } from '../../../platform/i18n/translator.ts';
import type { CsvCell } from '../../../platform/csv/export.ts';
import type { PdfBlock, PdfDocumentSpec } from '../../../platform/pdf/index.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { formatAmount, formatDay, formatTarget } from './agenda-format.ts';
import { groupActivities, partnerHasLeftOn } from './agenda-grouping.ts';
import type { AgendaActivity } from './agenda-queries.ts';

type T = Translate<MessageKey>;

export function agendaPdfSpec(a: {
  pactName: string; year: number; introduction: string; activities: AgendaActivity[]; t: T; locale: Locale; today: string; now: Date; draft: boolean;
}): PdfDocumentSpec {
  const { t, locale } = a;
  const title = `${t('agenda.compiled.title', { year: a.year })} – ${a.pactName}`;
  const blocks: PdfBlock[] = [{ kind: 'heading', level: 1, text: t('agenda.compiled.title', { year: a.year }) }, { kind: 'paragraph', text: a.pactName }];
  if (a.draft) blocks.push({ kind: 'paragraph', text: t('agenda.compiled.draft') });
  for (const p of a.introduction.split(/\n{2,}/).filter((x) => x.trim() !== '')) blocks.push({ kind: 'paragraph', text: p });
  const partners = new Set(a.activities.map((x) => x.organisation_id)).size;
  blocks.push({ kind: 'paragraph', text: t('agenda.compiled.count', { count: a.activities.length, partners }) });
  if (a.activities.length === 0) blocks.push({ kind: 'paragraph', text: t('agenda.compiled.none') });
  for (const [index, group] of groupActivities(a.activities, 'pillar').entries()) {
    if (index > 0) blocks.push({ kind: 'pageBreak' });
    blocks.push({ kind: 'heading', level: 2, text: group.title });
    for (const x of group.activities) {
      blocks.push({ kind: 'heading', level: 3, text: x.title });
      const lead = partnerHasLeftOn(x.organisation_left_on, a.today)
        ? `${x.organisation_name} (${t('agenda.activity.partnerLeft', { date: formatDay(x.organisation_left_on!, locale) })})`
        : x.organisation_name;
      const pairs: Array<[string, string]> = [[t('agenda.activity.goal'), x.goal], [t('agenda.activity.lead'), lead]];
      if (x.partners.length > 0) pairs.push([t('agenda.activity.partners'), x.partners.map((p) => p.name).join(', ')]);
      pairs.push([t('agenda.activity.responsible'), x.responsible_name]);
      pairs.push([t('agenda.activity.period'), t('agenda.activity.periodValue', { from: formatDay(x.starts_on, locale), to: formatDay(x.ends_on, locale) })]);
      if (x.reviewed_at) pairs.push([t('agenda.activity.status'), t(`agenda.status.${x.status}` as MessageKey)]);
      for (const i of x.indicators) {
        const result = i.current_value === null ? '' : ` · ${t('agenda.activity.result').toLowerCase()} ${formatAmount(i.current_value, locale)}`;
        pairs.push([i.name, `${t('agenda.activity.target').toLowerCase()} ${formatTarget(i.target_value, i.unit, locale)}${result}`]);
      }
      blocks.push({ kind: 'keyValue', pairs });
    }
  }
  return {
    title,
    lang: locale,
    author: a.pactName,
    subject: t('agenda.years.title'),
    header: `${a.pactName} · ${t('agenda.compiled.title', { year: a.year })}`,
    footer: t('agenda.pdf.generated', { date: formatDay(a.today, locale) }),
    createdAt: a.now,
    blocks,
  };
}

export function agendaCsv(a: { year: number; activities: AgendaActivity[]; t: T }): { headers: string[]; rows: CsvCell[][] } {
  const { t } = a;
  const headers = [
    t('agenda.csv.year'), t('agenda.activity.pillar'), t('agenda.activity.lead'), t('agenda.csv.title'), t('agenda.activity.goal'),
    t('agenda.activity.partners'), t('agenda.activity.responsible'), t('agenda.csv.startsOn'), t('agenda.csv.endsOn'),
    t('agenda.activity.status'), t('agenda.csv.indicators'), t('agenda.csv.partnerLeftOn'),
  ];
  const rows = groupActivities(a.activities, 'pillar').flatMap((g) =>
    g.activities.map((x): CsvCell[] => [
      a.year, x.pillar_title, x.organisation_name, x.title, x.goal, x.partners.map((p) => p.name).join('; '), x.responsible_name,
      x.starts_on, x.ends_on, t(`agenda.status.${x.status}` as MessageKey),
      x.indicators.map((i) => `${i.name}: ${i.target_value}${i.unit ? ` ${i.unit}` : ''}${i.current_value === null ? '' : ` (${i.current_value})`}`).join('; '),
      x.organisation_left_on ?? '',
    ]),
  );
  return { headers, rows };
}
