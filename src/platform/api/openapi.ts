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
  /** The body of a 200 answer. */
  response: z.ZodType;
  /** The problem types the route answers besides the ones every API route can answer. */
  problems?: readonly ProblemType[];
}

export interface DocumentInfo {
  title: string;
  version: string;
  description: string;
}

type JsonSchema = Record<string, unknown>;

/** Problems every API route can answer: bad input, an unknown pact or record, and our own failure. */
const everyRouteProblems: readonly ProblemType[] = [problemTypes.badRequest, problemTypes.notFound, problemTypes.serverError];

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
      '200': { description: op.summary, content: { 'application/json': { schema: toSchema(op.response, 'output') } } },
    };
    const problems = [...everyRouteProblems, ...(op.problems ?? [])].sort((a, b) => a.status - b.status);
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
      parameters: [...parameters(op.params, 'path'), ...parameters(op.query, 'query')],
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description: info.description, license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' } },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...tags].sort().map((name) => ({ name })),
    paths,
    components: { schemas: { Problem: problemSchema } },
  };
}
