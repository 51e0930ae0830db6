import type { InvalidParam, ProblemType } from '../platform/api/problem-types.ts';
import type { MessageKey } from '../ui/messages/index.ts';

/** An expected refusal that ends the request with an error page (or problem+json) of this status. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 406 | 409 | 413 | 415 | 422 | 429 | 500,
    readonly messageKey?: MessageKey,
    /** With 400 from an API route: each finding, listed as `errors` in the problem details. */
    readonly invalid: readonly InvalidParam[] = [],
    /**
     * For an API answer: a problem type more specific than the status's own (say, a reused
     * idempotency key), a detail in English when no message fits, and headers to send along
     * (`Retry-After`, `WWW-Authenticate`).
     */
    readonly api: { type?: ProblemType; detail?: string; headers?: Record<string, string> } = {},
  ) {
    super(`HTTP ${status}`);
    this.name = 'HttpError';
  }
}
