// The OpenAPI 3.1 document of the API, made from the API routes themselves: their paths, their zod
// schemas for path parameters, query and response, and the problem types they can answer. There is
// no second, hand-written description to fall out of step; a test validates the document against
// the OpenAPI 3.1 schema and every API response in the tests against the document.
import { z } from 'zod';
import { problemTypes, problemTypeUri, type ProblemType } from './problem-types.ts';

/** What the document needs to know of one API route. */
export interface ApiOperation {
  method: 'GET' | 'POST' | 'DELETE';
  /** Hono path, parameters as `:name`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  /** Path parameters: an object schema, one property per parameter. */
  params?: z.ZodObject;
  /** Query parameters: an object schema, one property per parameter. */
  query?: z.ZodObject;
  /** The JSON body of a POST. */
  body?: z.ZodType;
  /** The body of a 200 (or, for a POST that makes a record, 201) answer. */
  response: z.ZodType;
  /** The status of success: 200, or 201 for a POST that makes a record. */
  successStatus?: 200 | 201;
  /** Who may call: anyone (a token is optional), or only with an API token of this scope. */
  auth?: { scope: string };
  /** The problem types the route answers besides the ones every API route can answer. */
  problems?: readonly ProblemType[];
}

export interface DocumentInfo {
  title: string;
  version: string;
  description: string;
}

type JsonSchema = Record<string, unknown>;

/** Problems every API route can answer: bad input, a bad token, too many requests with a token, an unknown pact or record, JSON refused, our own failure. */
const everyRouteProblems: readonly ProblemType[] = [
  problemTypes.badRequest, problemTypes.unauthorized, problemTypes.notFound, problemTypes.notAcceptable,
  problemTypes.tooManyRequests, problemTypes.serverError,
];
/** And those of a POST: a scope missing, a body too large or not JSON, a reused idempotency key. */
const postProblems: readonly ProblemType[] = [
  problemTypes.forbidden, problemTypes.tooLarge, problemTypes.unsupportedMediaType, problemTypes.idempotencyKeyReused,
];

/** The `Idempotency-Key` header every POST requires. */
const idempotencyKeyParameter: JsonSchema = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description:
    'A key you choose per request (a UUID is best), 1–255 visible ASCII characters. Sending the same request again ' +
    'with the same key returns the first answer (with `Idempotent-Replayed: true`) instead of doing it twice; the ' +
    'same key with another body is refused (422). Keys are kept for 24 hours.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
};

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'throw' }) as JsonSchema;
  return rest;
}

/** `/api/v1/pacts/:pact` → `/api/v1/pacts/{pact}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

function parameters(schema: z.ZodObject | undefined, place: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const fieldSchema = field as z.ZodType;
    const json = toSchema(fieldSchema, 'input');
    const { description, ...rest } = json;
    return {
      name,
      in: place,
      required: place === 'path' || !fieldSchema.safeParse(undefined).success,
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

const problemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details. `type` is stable; act on it, not on `title` or `detail`.',
  properties: {
    type: { type: 'string', format: 'uri-reference', description: 'The problem type; see the API reference.' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'The path of the request.' },
    requestId: { type: 'string', description: 'Quote it when you report a problem.' },
    errors: {
      type: 'array',
      description: 'With `bad-request`: each finding.',
      items: {
        type: 'object',
        properties: {
          in: { type: 'string', enum: ['path', 'query', 'header', 'body'] },
          name: { type: 'string' },
          detail: { type: 'string' },
        },
        required: ['in', 'name', 'detail'],
        additionalProperties: false,
      },
    },
  },
  required: ['type', 'title', 'status'],
};

/** The OpenAPI 3.1 document for these operations. */
export function openApiDocument(operations: readonly ApiOperation[], info: DocumentInfo): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  const tags = new Set<string>();
  for (const op of [...operations].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))) {
    const path = openApiPath(op.path);
    const responses: Record<string, unknown> = {
      [String(op.successStatus ?? 200)]: { description: op.summary, content: { 'application/json': { schema: toSchema(op.response, 'output') } } },
    };
    const problems = [...new Set([...everyRouteProblems, ...(op.method === 'POST' ? postProblems : []), ...(op.problems ?? [])])]
      .sort((a, b) => a.status - b.status);
    for (const problem of problems) {
      responses[String(problem.status)] = {
        description: `${problem.title} (\`${problemTypeUri(problem)}\`)`,
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    for (const tag of op.tags) tags.add(tag);
    (paths[path] ??= {})[op.method.toLowerCase()] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [...op.tags],
      parameters: [...parameters(op.params, 'path'), ...parameters(op.query, 'query'), ...(op.method === 'POST' ? [idempotencyKeyParameter] : [])],
      ...(op.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(op.body, 'input') } } } }
        : {}),
      // Public data needs no token (a token may still be sent: its requests count for it); the rest needs one with the scope.
      security: op.auth ? [{ apiToken: [op.auth.scope] }] : [{}, { apiToken: [] }],
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description: info.description, license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' } },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...tags].sort().map((name) => ({ name })),
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: {
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An organisation\'s API token (`spk_…`), made by its partner admin on the organisation\'s page, sent as ' +
            '`Authorization: Bearer spk_…`. Scopes are per capability: `pact:read`, `pact:write` (write includes read).',
        },
      },
    },
  };
}
