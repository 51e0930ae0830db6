import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { z } from 'zod';
import { openApiDocument, openApiPath, type ApiOperation } from './openapi.ts';
import { pageOf, pageQuery } from './paging.ts';
import { problemTypes } from './problem-types.ts';

const operations: ApiOperation[] = [
  {
    method: 'GET', path: '/api/v1/things/:thing', operationId: 'getThing', summary: 'A thing', tags: ['Things'],
    params: z.object({ thing: z.uuid().describe('The thing\'s id.') }),
    query: z.object({ verbose: z.enum(['yes', 'no']).optional() }).strict(),
    response: z.object({ id: z.uuid(), at: z.iso.datetime() }).strict(),
  },
  {
    method: 'GET', path: '/api/v1/things', operationId: 'listThings', summary: 'Things', tags: ['Things'],
    query: pageQuery, response: pageOf(z.object({ id: z.uuid() })), problems: [problemTypes.notAcceptable],
  },
  {
    method: 'POST', path: '/api/v1/things', operationId: 'makeThing', summary: 'Make a thing', tags: ['Things'],
    body: z.object({ name: z.string().min(1) }).strict(), response: z.object({ id: z.uuid() }).strict(),
    successStatus: 201, auth: { scope: 'things:write' },
  },
];

test('a POST: its JSON body, the Idempotency-Key it requires, 201, the token it needs and what else it may answer', () => {
  const document = openApiDocument(operations, { title: 'Test', version: '1', description: 'Test' }) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { securitySchemes: Record<string, { type: string; scheme: string }> };
  };
  const post = document.paths['/api/v1/things']!.post!;
  assert.deepEqual((post.requestBody as { content: Record<string, { schema: { required: string[] } }> }).content['application/json']!.schema.required, ['name']);
  assert.deepEqual((post.parameters as Array<{ name: string; in: string; required: boolean }>).map((p) => [p.name, p.in, p.required]), [['Idempotency-Key', 'header', true]]);
  assert.deepEqual(Object.keys(post.responses as object).sort(), ['201', '400', '401', '403', '404', '406', '413', '415', '422', '429', '500']);
  assert.deepEqual(post.security, [{ apiToken: ['things:write'] }]);
  // A public GET: a token is optional.
  assert.deepEqual(document.paths['/api/v1/things']!.get!.security, [{}, { apiToken: [] }]);
  assert.deepEqual(document.components.securitySchemes.apiToken, { ...document.components.securitySchemes.apiToken, type: 'http', scheme: 'bearer' });
});

test('the document of some operations is valid OpenAPI 3.1', async () => {
  const document = openApiDocument(operations, { title: 'Test', version: '1', description: 'Test' });
  const result = await new Validator().validate(document as never);
  assert.deepEqual(result, { valid: true }, JSON.stringify(result.errors));
});

test('paths, parameters and answers come from the route and its schemas', () => {
  const document = openApiDocument(operations, { title: 'Test', version: '1', description: 'Test' }) as {
    paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown> }>; responses: Record<string, unknown> }>>;
  };
  assert.equal(openApiPath('/api/v1/pacts/:pact/pillars/:pillar'), '/api/v1/pacts/{pact}/pillars/{pillar}');
  const getThing = document.paths['/api/v1/things/{thing}']!.get!;
  assert.deepEqual(getThing.parameters.map((p) => [p.name, p.in, p.required]), [['thing', 'path', true], ['verbose', 'query', false]]);
  assert.equal(getThing.parameters[0]!.description, 'The thing\'s id.');
  // Every route: bad input, a bad token, unknown, not JSON, too many requests with a token, our failure.
  assert.deepEqual(Object.keys(getThing.responses).sort(), ['200', '400', '401', '404', '406', '429', '500']);
  const list = document.paths['/api/v1/things']!.get!;
  assert.deepEqual(list.parameters.map((p) => [p.name, p.required]), [['limit', false], ['cursor', false], ['modified_after', false]]);
  assert.equal(list.parameters[0]!.schema.type, 'integer');
  assert.ok('406' in list.responses);
});
