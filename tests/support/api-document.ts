// Checks an API response against the OpenAPI document the app serves: the schema of the response's
// status and content type, with the document's components. Every API test answers through this,
// so a route cannot answer what its description does not say.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { allRoutes } from '../../src/app/routes.ts';
import { apiDocument } from '../../src/app/api-document.ts';
import { openApiPath } from '../../src/platform/api/openapi.ts';

// ajv's draft 2020-12 build (the dialect of OpenAPI 3.1) is a CommonJS module.
const Ajv2020 = createRequire(import.meta.url)('ajv/dist/2020') as typeof import('ajv').default;

type Json = Record<string, unknown>;
let document: Json | null = null;
const validators = new Map<string, ValidateFunction>();

export function servedDocument(): Json {
  document ??= apiDocument(allRoutes);
  return document;
}

function validatorFor(method: string, template: string, status: number, contentType: string): ValidateFunction {
  const key = `${method} ${template} ${status} ${contentType}`;
  const known = validators.get(key);
  if (known) return known;
  const doc = servedDocument();
  const operation = ((doc.paths as Json)[openApiPath(template)] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
  assert.ok(operation, `${method} ${template} is not in the API document`);
  const response = (operation.responses as Json)[String(status)] as Json | undefined;
  assert.ok(response, `${method} ${template} does not describe a ${status} answer`);
  const media = (response.content as Json)[contentType] as Json | undefined;
  assert.ok(media, `${method} ${template} ${status} does not describe ${contentType}`);
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile({ ...(media.schema as Json), components: doc.components });
  validators.set(key, validate);
  return validate;
}

/**
 * The body of an API response, after checking it against the document: the route template
 * (`/api/v1/pacts/:pact`), the status and the content type must be described, and the body must
 * match the described schema.
 */
export async function documentedBody(method: 'GET' | 'POST' | 'DELETE', template: string, response: Response): Promise<Json> {
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const text = await response.text();
  const body = JSON.parse(text) as Json;
  const validate = validatorFor(method, template, response.status, contentType);
  assert.ok(validate(body), `${method} ${template} ${response.status}: ${JSON.stringify(validate.errors)}\n${text.slice(0, 500)}`);
  return body;
}

/**
 * Follows `page.next` of a list from the first query to the last page: the key of every item, in
 * order. Every page holds at most the `limit` of the first query, and every `next` must match
 * `pattern` (the same path, the same limit, an opaque cursor).
 */
export async function walkPages<T>(
  first: string,
  get: (query: string) => Promise<{ items: T[]; page: { next: string | null } }>,
  key: (item: T) => string,
  pattern: RegExp,
): Promise<string[]> {
  const limit = Number(new URLSearchParams(first.replace(/^\?/, '')).get('limit') ?? '50');
  const seen: string[] = [];
  let query = first;
  for (let pages = 0; pages < 100; pages++) {
    const page = await get(query);
    assert.ok(page.items.length <= limit, `a page of at most ${limit}`);
    seen.push(...page.items.map(key));
    if (!page.page.next) return seen;
    assert.match(page.page.next, pattern);
    query = page.page.next.slice(page.page.next.indexOf('?'));
  }
  assert.fail('more pages than expected');
}

/**
 * Checks that each bad query of a list is a documented bad-request problem naming exactly the
 * parameter at fault: `cases` are `[query string, parameter name]`.
 */
export async function assertBadQueries(
  get: (path: string) => Promise<Response>,
  path: string,
  template: string,
  cases: ReadonlyArray<readonly [string, string]>,
): Promise<void> {
  for (const [query, name] of cases) {
    const response = await get(`${path}?${query}`);
    assert.equal(response.status, 400, query);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = await documentedBody('GET', template, response);
    assert.deepEqual((problem.errors as Array<{ name: string }>).map((e) => e.name), [name], query);
  }
}
