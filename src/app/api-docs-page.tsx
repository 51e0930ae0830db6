// The API reference, `/api/docs`: a plain page made from the same OpenAPI document as
// `/api/openapi.json` (so it cannot disagree with it), readable without JavaScript. It also
// describes each problem type at the anchor its `type` points to (`#problem-<slug>`).
import { defineRoute, type AnyRoute, type RouteSpec } from '../access/route.ts';
import { problemTypes } from '../platform/api/problem-types.ts';
import { DataList, Heading, Link, Paragraph, Table } from '../ui/components.tsx';
import { useT } from '../ui/i18n.ts';
import { apiDocument } from './api-document.ts';

interface Parameter { name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown> }
interface BodySchema { properties?: Record<string, Record<string, unknown>>; required?: string[] }
interface Operation {
  operationId: string; summary: string; description?: string; parameters: Parameter[]; responses: Record<string, { description: string }>;
  requestBody?: { content: { 'application/json': { schema: BodySchema } } };
  security?: Array<Record<string, string[]>>;
}

/** The fields of a JSON body, one row each, as the parameters are shown. */
function bodyFields(op: Operation): Parameter[] {
  const schema = op.requestBody?.content['application/json'].schema;
  if (!schema?.properties) return [];
  return Object.entries(schema.properties).map(([name, field]) => ({
    name, in: 'body', required: (schema.required ?? []).includes(name),
    ...(typeof field.description === 'string' ? { description: field.description } : {}), schema: field,
  }));
}

/** Who may call: anyone, or only with a token of this scope. */
function tokenNeeded(op: Operation): string | null {
  const scopes = op.security?.flatMap((s) => s.apiToken ?? []) ?? [];
  return op.security?.some((s) => Object.keys(s).length === 0) ? null : (scopes[0] ?? 'token');
}

/** Text with `code` spans (the descriptions are CommonMark, as OpenAPI allows) as text and <code>. */
function Described({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>;
}

/** A short type of a parameter's schema: `integer (1–200, default 50)`, `string (date-time)`. */
function typeOf(schema: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof schema.format === 'string') parts.push(schema.format);
  if (typeof schema.minimum === 'number' && typeof schema.maximum === 'number') parts.push(`${schema.minimum}–${schema.maximum}`);
  if (Array.isArray(schema.enum)) parts.push(schema.enum.join(' | '));
  if (schema.default !== undefined) parts.push(`default ${typeof schema.default === 'string' && schema.default !== '' ? schema.default : JSON.stringify(schema.default)}`);
  const type = typeof schema.type === 'string' ? schema.type : 'string';
  return parts.length > 0 ? `${type} (${parts.join(', ')})` : type;
}

function ApiDocsPage({ operations }: { operations: Array<{ method: string; path: string; op: Operation }> }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('apiDocs.title')}</Heading>
      <Paragraph lead>{t('apiDocs.lead')}</Paragraph>
      <Paragraph>
        {t('apiDocs.documentIntro')} <Link href="/api/openapi.json">/api/openapi.json</Link>
      </Paragraph>
      <Paragraph>{t('apiDocs.rules')}</Paragraph>

      <Heading level={2}>{t('apiDocs.endpoints')}</Heading>
      {operations.map(({ method, path, op }) => (
        <section aria-labelledby={`op-${op.operationId}`}>
          <Heading level={3} id={`op-${op.operationId}`}>
            <code>{method.toUpperCase()} {path}</code>
          </Heading>
          <Paragraph>{op.summary}</Paragraph>
          {op.description ? <Paragraph><Described text={op.description} /></Paragraph> : null}
          <Paragraph>
            {tokenNeeded(op) ? <>{t('apiDocs.tokenNeeded')} <code>{tokenNeeded(op)}</code></> : t('apiDocs.tokenOptional')}
          </Paragraph>
          <Table
            caption={t('apiDocs.parametersOf', { operation: `${method.toUpperCase()} ${path}` })}
            rows={[...op.parameters, ...bodyFields(op)]}
            columns={[
              { header: t('apiDocs.parameter'), cell: (p) => <code>{p.name}</code> },
              { header: t('apiDocs.in'), cell: (p) => p.in },
              { header: t('apiDocs.required'), cell: (p) => (p.required ? t('apiDocs.yes') : t('apiDocs.no')) },
              { header: t('apiDocs.type'), cell: (p) => typeOf(p.schema) },
              { header: t('apiDocs.description'), cell: (p) => <Described text={p.description ?? ''} /> },
            ]}
          />
          <DataList items={Object.entries(op.responses).map(([status, r]) => [status, <Described text={r.description} />])} />
        </section>
      ))}

      <Heading level={2}>{t('apiDocs.problems')}</Heading>
      <Paragraph>{t('apiDocs.problemsIntro')}</Paragraph>
      {Object.values(problemTypes).map((p) => (
        <section aria-labelledby={`problem-${p.slug}`}>
          <Heading level={3} id={`problem-${p.slug}`}>
            <code>{p.slug}</code> ({p.status}) — {p.title}
          </Heading>
          <Paragraph><Described text={p.description} /></Paragraph>
        </section>
      ))}
    </>
  );
}

/** The reference page of these routes' API. */
export function apiDocsRoute(routes: () => readonly AnyRoute[]): RouteSpec {
  let operations: Array<{ method: string; path: string; op: Operation }> | null = null;
  return defineRoute({
    method: 'GET',
    path: '/api/docs',
    permission: 'public',
    handler: async ({ c }) => {
      operations ??= Object.entries(apiDocument(routes()).paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({ method, path, op })));
      return c.render(<ApiDocsPage operations={operations} />, { title: c.get('t')('apiDocs.title') });
    },
  });
}
