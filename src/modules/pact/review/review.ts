// The rules of the review form of one activity. Pure: no I/O. The database says the same again
// (activity_review_status_known, activity_review_story_length, indicator_result_not_negative).
//
// - The status is always required; when a result or a story is given without it, the message says
//   so plainly ("a review with a result but no status").
// - A result is a number ≥ 0 (a comma as decimal separator is accepted), at most two decimals and
//   below 10^12 (numeric(14, 2)); empty means "no result for this indicator this time".
// - One result per indicator: fields are named `result-<indicator id>`; a field given twice is an
//   error, fields of indicators the activity does not have are ignored.
import { z } from 'zod';
import { parseForm, type FormResult } from '../../../platform/forms.ts';
import type { ActivityStatus } from '../agenda/index.ts';

/** The statuses a review gives (activity_review.status); `planned` is only an activity's status before its first review. */
export const reviewStatuses = ['done', 'in_progress', 'delayed', 'stopped'] as const satisfies ReadonlyArray<ActivityStatus>;
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

type Issue = { field: string; message: string } | { field: 'story'; tooLong: true };

/**
 * The review form of an activity with these indicators, over the posted fields as they arrive
 * (a field given twice is a list). The status error comes first: it is the field the message is about.
 */
export function reviewForm(indicatorIds: readonly string[]) {
  return z.record(z.string(), z.unknown()).transform((raw, ctx): ReviewValue => {
    const issues: Issue[] = [];
    const results = new Map<string, number>();

    let anyResult = false;
    for (const id of indicatorIds) {
      const name = resultField(id);
      const given = Object.hasOwn(raw, name) ? raw[name] : undefined;
      if (Array.isArray(given)) {
        issues.push({ field: name, message: 'review.error.resultTwice' });
        anyResult = true;
        continue;
      }
      if (given === undefined) continue;
      if (typeof given !== 'string') {
        issues.push({ field: name, message: 'review.error.resultNumber' });
        continue;
      }
      if (given.trim() === '') continue;
      anyResult = true;
      const n = parseResult(given);
      if (n === null) issues.push({ field: name, message: given.trim().startsWith('-') ? 'review.error.resultNegative' : 'review.error.resultNumber' });
      else results.set(id, n);
    }

    const storyRaw = Object.hasOwn(raw, 'story') ? raw.story : undefined;
    let story = '';
    if (storyRaw !== undefined && typeof storyRaw !== 'string') {
      issues.push({ field: 'story', message: 'form.error.format' });
    } else {
      story = typeof storyRaw === 'string' ? storyRaw.trim() : '';
      if (story.length > storyMaxLength) issues.push({ field: 'story', tooLong: true });
    }

    const status = Object.hasOwn(raw, 'status') ? raw.status : undefined;
    if (status === undefined || status === '') {
      issues.unshift({ field: 'status', message: anyResult || story !== '' ? 'review.error.statusWithResult' : 'review.error.statusRequired' });
    } else if (!isStatus(status)) {
      issues.unshift({ field: 'status', message: 'form.error.choice' });
    }

    for (const issue of issues) {
      if ('tooLong' in issue) {
        ctx.addIssue({ code: 'too_big', origin: 'string', maximum: storyMaxLength, inclusive: true, input: story, path: [issue.field] });
      } else {
        ctx.addIssue({ code: 'custom', message: issue.message, input: raw[issue.field], path: [issue.field] });
      }
    }
    return issues.length > 0 ? z.NEVER : { status: status as ReviewStatus, story, results };
  });
}

export function parseReviewForm(form: FormData | URLSearchParams, indicatorIds: readonly string[]): FormResult<ReviewValue> {
  return parseForm(reviewForm(indicatorIds), form);
}
