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
