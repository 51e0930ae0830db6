// The rules of the review form of one activity. Pure: no I/O. The database says the same again
// (activity_review_status_known, activity_review_story_length, indicator_result_not_negative).
//
// - The status is always required; when a result or a story is given without it, the message says
//   so plainly ("a review with a result but no status").
// - A result is a number ≥ 0 (a comma as decimal separator is accepted), at most two decimals and
//   below 10^12 (numeric(14, 2)); empty means "no result for this indicator this time".
// - One result per indicator: fields are named `result-<indicator id>`; a field given twice is an
//   error, fields of indicators the activity does not have are ignored.
import { formValues, type FieldErrors, type FormResult } from '../../../platform/forms.ts';

export const reviewStatuses = ['done', 'in_progress', 'delayed', 'stopped'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const storyMaxLength = 4000;
const maxResult = 999_999_999_999.99;

export interface ReviewValue {
  status: ReviewStatus;
  story: string;
  /** Indicator id → result, only for indicators that got one. */
  results: Map<string, number>;
}

export function resultField(indicatorId: string): string {
  return `result-${indicatorId}`;
}

/** Parses "12", "12.5", "12,5" (no thousands separators); null when it is not such a number. */
export function parseResult(raw: string): number | null {
  const text = raw.trim().replace(',', '.');
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 && n <= maxResult ? n : null;
}

function isStatus(value: unknown): value is ReviewStatus {
  return typeof value === 'string' && (reviewStatuses as readonly string[]).includes(value);
}

export function parseReviewForm(form: FormData | URLSearchParams, indicatorIds: readonly string[]): FormResult<ReviewValue> {
  const values = formValues(form);
  const errors: FieldErrors = {};
  const results = new Map<string, number>();

  let anyResult = false;
  for (const id of indicatorIds) {
    const name = resultField(id);
    const all = form.getAll(name);
    if (all.length > 1) {
      errors[name] = { key: 'review.error.resultTwice' };
      anyResult = true;
      continue;
    }
    const raw = all[0];
    if (raw === undefined) continue;
    if (typeof raw !== 'string') {
      errors[name] = { key: 'review.error.resultNumber' };
      continue;
    }
    if (raw.trim() === '') continue;
    anyResult = true;
    const n = parseResult(raw);
    if (n === null) errors[name] = { key: raw.trim().startsWith('-') ? 'review.error.resultNegative' : 'review.error.resultNumber' };
    else results.set(id, n);
  }

  const storyRaw = form.getAll('story');
  let story = '';
  if (storyRaw.length > 1 || (storyRaw[0] !== undefined && typeof storyRaw[0] !== 'string')) {
    errors.story = { key: 'form.error.format' };
  } else {
    story = typeof storyRaw[0] === 'string' ? storyRaw[0].trim() : '';
    if (story.length > storyMaxLength) errors.story = { key: 'form.error.tooLong', params: { max: storyMaxLength } };
  }

  const statusRaw = form.getAll('status');
  const status = statusRaw.length === 1 ? statusRaw[0] : undefined;
  if (statusRaw.length === 0 || status === '') {
    errors.status = { key: anyResult || story !== '' ? 'review.error.statusWithResult' : 'review.error.statusRequired' };
  } else if (!isStatus(status)) {
    errors.status = { key: 'form.error.choice' };
  }

  // The status first in the summary: it is the field the message is about.
  if (Object.keys(errors).length > 0) {
    const ordered: FieldErrors = {};
    if (errors.status) ordered.status = errors.status;
    for (const [k, v] of Object.entries(errors)) if (k !== 'status') ordered[k] = v;
    return { ok: false, values, errors: ordered };
  }
  return { ok: true, values, value: { status: status as ReviewStatus, story, results } };
}
