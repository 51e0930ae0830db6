// The API connections page of an organisation (its tokens, a form to make one, a button per token
// to revoke it) and the page that shows a new token once.
import { apiCapabilities, type PactSummary } from '../../access/policy.ts';
import { Alert, Button, CsrfField, DataList, ErrorSummary, Field, Flash, Heading, Link, Paragraph, Table, type FormState } from '../../ui/components.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useLocale, useT } from '../../ui/i18n.ts';
import type { MessageKey } from '../../ui/messages/index.ts';
import { accessLevels, defaultLifetime, lifetimes, tokenStanding } from './api-token.ts';
import type { ApiTokenRow } from './api-token-queries.ts';

const formLabels: Record<string, MessageKey> = {
  name: 'apiTokens.name',
  lifetime: 'apiTokens.lifetime',
  ...Object.fromEntries(apiCapabilities.map((c) => [`scope_${c}`, `apiTokens.scopeOf.${c}` as MessageKey])),
};

function When({ at }: { at: Date }) {
  const locale = useLocale();
  return <time datetime={at.toISOString()}>{formatDateTime(at, locale)}</time>;
}

function scopeText(t: ReturnType<typeof useT>, scope: string): string {
  const [capability, access] = scope.split(':');
  return `${capability}: ${t(`apiTokens.level.${access}` as MessageKey)}`;
}

/** What a partner system needs besides the token: the pact's and the organisation's names in API addresses. */
function ForYourSystem({ pact, organisation }: { pact: PactSummary; organisation: { id: string } }) {
  const t = useT();
  return (
    <section aria-labelledby="for-system-heading">
      <Heading level={2} id="for-system-heading">{t('apiTokens.forSystem')}</Heading>
      <DataList items={[
        [t('apiTokens.pactSlug'), <code>{pact.slug}</code>],
        [t('apiTokens.organisationId'), <code>{organisation.id}</code>],
      ]} />
    </section>
  );
}

export function ApiTokensPage({
  pact, organisation, tokens, now, createState, revokeState,
}: {
  pact: PactSummary;
  organisation: { id: string; name: string };
  tokens: ApiTokenRow[];
  now: Date;
  createState: FormState;
  revokeState: FormState;
}) {
  const t = useT();
  const locale = useLocale();
  const base = `/p/${pact.slug}/organisations/${organisation.id}/api-tokens`;
  return (
    <>
      <Flash />
      <Heading level={1}>{t('apiTokens.title', { organisation: organisation.name })}</Heading>
      <Paragraph>{t('apiTokens.intro')}</Paragraph>
      <Paragraph><Link href="/api/docs">{t('apiTokens.docs')}</Link></Paragraph>
      <ForYourSystem pact={pact} organisation={organisation} />

      <section aria-labelledby="tokens-heading">
        <Heading level={2} id="tokens-heading">{t('apiTokens.list')}</Heading>
        {revokeState.formError ? <Alert kind="error">{t(revokeState.formError)}</Alert> : null}
        {tokens.length === 0 ? (
          <Paragraph>{t('apiTokens.none')}</Paragraph>
        ) : (
          <Table
            caption={t('apiTokens.tableCaption', { organisation: organisation.name })}
            rows={tokens}
            columns={[
              { header: t('apiTokens.name'), cell: (k) => k.name },
              { header: t('apiTokens.prefix'), cell: (k) => <code>{k.prefix}…</code> },
              { header: t('apiTokens.scopes'), cell: (k) => k.scopes.map((s) => scopeText(t, s)).join(', ') },
              { header: t('apiTokens.createdBy'), cell: (k) => <><When at={k.created_at} />{k.created_by_name ? <>, {k.created_by_name}</> : null}</> },
              { header: t('apiTokens.expires'), cell: (k) => <When at={k.expires_at} /> },
              { header: t('apiTokens.lastUsed'), cell: (k) => (k.last_used_at ? <When at={k.last_used_at} /> : t('apiTokens.neverUsed')) },
              {
                header: t('apiTokens.status'),
                cell: (k) => {
                  const standing = tokenStanding(k, now);
                  if (standing === 'revoked' && k.revoked_at) {
                    return <>{t('apiTokens.status.revoked')}<br /><small>{t('apiTokens.revokedOn', { when: formatDateTime(k.revoked_at, locale), who: k.revoked_by_name ?? '—' })}</small></>;
                  }
                  if (standing === 'expired') return t('apiTokens.status.expired');
                  return (
                    <form method="post" action={`${base}/${k.id}/revoke`} class="sp-inline-form">
                      <CsrfField />
                      {t('apiTokens.status.active')}{' '}
                      <button type="submit" class="utrecht-button utrecht-button--secondary-action" aria-label={t('apiTokens.revokeLabel', { name: k.name })}>
                        {t('apiTokens.revoke')}
                      </button>
                    </form>
                  );
                },
              },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="create-heading">
        <Heading level={2} id="create-heading">{t('apiTokens.create')}</Heading>
        <ErrorSummary state={createState} labels={formLabels} />
        <form method="post" action={base} class="utrecht-form sp-form" novalidate>
          <CsrfField />
          <Field name="name" label="apiTokens.name" description="apiTokens.nameHint" state={createState} maxlength={100} autocomplete="off" />
          {apiCapabilities.map((c) => (
            <Field
              name={`scope_${c}`}
              label={`apiTokens.scopeOf.${c}` as MessageKey}
              description="apiTokens.scopeHint"
              state={createState}
              value="read"
              options={accessLevels.map((l) => ({ value: l, label: `apiTokens.level.${l}` as MessageKey }))}
            />
          ))}
          <Field
            name="lifetime"
            label="apiTokens.lifetime"
            description="apiTokens.lifetimeHint"
            state={createState}
            value={String(defaultLifetime)}
            options={lifetimes.map((d) => ({ value: String(d), label: t('apiTokens.days', { days: d }), translate: false }))}
          />
          <Button>{t('apiTokens.createButton')}</Button>
        </form>
      </section>
    </>
  );
}

export function ApiTokenMadePage({
  pact, organisation, name, secret, expiresAt,
}: {
  pact: PactSummary;
  organisation: { id: string; name: string };
  name: string;
  secret: string;
  expiresAt: Date;
}) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('apiTokens.made.title')}</Heading>
      <Alert kind="warning">{t('apiTokens.made.once')}</Alert>
      <div class="utrecht-form-field utrecht-form-field--text">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="api-token-secret">{t('apiTokens.made.label', { name })}</label>
        </div>
        <div class="utrecht-form-field__input">
          {/* A text area, so the whole token shows on a narrow screen too; select it all to copy. */}
          <textarea
            id="api-token-secret"
            readonly
            rows={2}
            spellcheck={false}
            autocomplete="off"
            class="utrecht-textarea utrecht-textarea--html-textarea sp-token"
          >{secret}</textarea>
        </div>
      </div>
      <Paragraph>{t('apiTokens.made.use')}</Paragraph>
      <ForYourSystem pact={pact} organisation={organisation} />
      <Paragraph>{t('apiTokens.expires')}: <When at={expiresAt} /></Paragraph>
      <Paragraph>
        <Link href={`/p/${pact.slug}/organisations/${organisation.id}/api-tokens`}>{t('apiTokens.made.back')}</Link>
      </Paragraph>
    </>
  );
}
