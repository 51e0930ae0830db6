// The problem types of the API (RFC 9457): every refusal under /api/ answers
// `application/problem+json` whose `type` is one of these, stable across versions, so a partner
// system can act on the type rather than on the wording of `title` or `detail`. A type is a URI
// reference to its description in the API reference (`/api/docs#problem-<slug>`).

export interface ProblemType {
  slug: string;
  status: number;
  /** Short, stable, in English: the `title` of every problem of this type. */
  title: string;
  /** What it means and what a client should do; shown in the API reference. */
  description: string;
}

export const problemTypes = {
  badRequest: {
    slug: 'bad-request', status: 400, title: 'The request has errors',
    description: 'A parameter, header or body field is missing, of the wrong type, out of range or not known. `errors` lists each one with where it was (`in`), its name and what is wrong. Correct the request; sending it again unchanged gives the same answer.',
  },
  unauthorized: {
    slug: 'unauthorized', status: 401, title: 'No valid credentials',
    description: 'The route needs an API token and none was given, or the token is unknown, revoked or expired.',
  },
  forbidden: {
    slug: 'forbidden', status: 403, title: 'Not allowed',
    description: 'The credentials are valid but do not allow this route (a scope or a role is missing).',
  },
  conflict: {
    slug: 'conflict', status: 409, title: 'Conflicts with the stored state',
    description: 'The request is valid but cannot be done now (say, the agenda year is closed for registration, or the organisation has left the pact). `detail` says why; sending it again unchanged gives the same answer until the state changes.',
  },
  notFound: {
    slug: 'not-found', status: 404, title: 'Not found',
    description: 'There is no such pact, record or route, or it is not public. An id of another pact is not found either.',
  },
  notAcceptable: {
    slug: 'not-acceptable', status: 406, title: 'Not acceptable',
    description: 'The API answers JSON only; the `Accept` header of the request excludes it.',
  },
  tooLarge: {
    slug: 'too-large', status: 413, title: 'The request body is too large',
    description: 'The body is larger than the route accepts. Send less, or in parts.',
  },
  unsupportedMediaType: {
    slug: 'unsupported-media-type', status: 415, title: 'Unsupported media type',
    description: 'A request body must be JSON (`Content-Type: application/json`).',
  },
  idempotencyKeyReused: {
    slug: 'idempotency-key-reused', status: 422, title: 'Idempotency key used for another request',
    description: 'The `Idempotency-Key` was used before by this token with another method, path or body. A retry must send exactly the same request; a new request needs a new key.',
  },
  tooManyRequests: {
    slug: 'too-many-requests', status: 429, title: 'Too many requests',
    description: 'The token made more requests this minute than it may. Wait the number of seconds in `Retry-After`, then go on.',
  },
  serverError: {
    slug: 'server-error', status: 500, title: 'Something went wrong on our side',
    description: 'The request was valid but could not be answered. Quote `requestId` when you report it; nothing was changed.',
  },
} as const satisfies Record<string, ProblemType>;

export type ProblemTypeName = keyof typeof problemTypes;

/** The `type` URI reference of a problem type. */
export function problemTypeUri(type: ProblemType): string {
  return `/api/docs#problem-${type.slug}`;
}

/** The problem type that answers a bare status (a refusal without a more specific type). */
export function problemTypeForStatus(status: number): ProblemType {
  const known = Object.values(problemTypes).find((t) => t.status === status);
  if (known) return known;
  return status >= 500 ? problemTypes.serverError : problemTypes.badRequest;
}

/** One finding of `bad-request`: where in the request, which name, and what is wrong. */
export interface InvalidParam {
  in: 'path' | 'query' | 'header' | 'body';
  name: string;
  detail: string;
}
