// Accessible building blocks on the NL Design System (Utrecht) CSS classes. Accessibility lives
// here, once: labels wired to inputs, aria-invalid and aria-describedby on fields with errors, an
// error summary that takes focus and links to each field.
import type { Child } from 'hono/jsx';
import type { FieldErrors, FormValues } from '../platform/forms.ts';
import { localeInfo, locales } from '../platform/i18n/translator.ts';
import { useT, useView } from './i18n.ts';
import type { MessageKey } from './messages/index.ts';

export function Heading({ level, children, id }: { level: 1 | 2 | 3; children: Child; id?: string }) {
  const cls = `utrecht-heading-${level}`;
  if (level === 1) return <h1 class={cls} id={id}>{children}</h1>;
  if (level === 2) return <h2 class={cls} id={id}>{children}</h2>;
  return <h3 class={cls} id={id}>{children}</h3>;
}

export function Paragraph({ children, lead }: { children: Child; lead?: boolean }) {
  return <p class={lead ? 'utrecht-paragraph utrecht-paragraph--lead' : 'utrecht-paragraph'}>{children}</p>;
}

export function Link({ href, children, current }: { href: string; children: Child; current?: boolean }) {
  // A link whose text is its own address needs no address written after it on paper.
  const showsUrl = typeof children === 'string' && children === href;
  return (
    <a class={`utrecht-link utrecht-link--html-a${showsUrl ? ' sp-link--shows-url' : ''}`} href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

export function ButtonLink({ href, children }: { href: string; children: Child }) {
  return (
    <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={href}>
      {children}
    </a>
  );
}

export function Button({ children, kind = 'primary', name, value }: { children: Child; kind?: 'primary' | 'secondary'; name?: string; value?: string }) {
  return (
    <button type="submit" class={`utrecht-button utrecht-button--${kind}-action`} name={name} value={value}>
      {children}
    </button>
  );
}

export function Alert({ kind, children, title }: { kind: 'error' | 'info' | 'ok' | 'warning'; children?: Child; title?: string }) {
  return (
    <div class={`utrecht-alert utrecht-alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div class="utrecht-alert__content">
        {title ? <p class="utrecht-alert__title utrecht-paragraph"><strong>{title}</strong></p> : null}
        {children}
      </div>
    </div>
  );
}

export function Flash() {
  const view = useView();
  const t = useT();
  if (!view.flash) return null;
  return <Alert kind="ok">{<p class="utrecht-paragraph">{t(view.flash)}</p>}</Alert>;
}

/** The CSRF token every state-changing form carries. */
export function CsrfField() {
  const view = useView();
  return <input type="hidden" name="_csrf" value={view.csrfToken} />;
}

export interface FormState {
  values?: FormValues;
  errors?: FieldErrors;
  /** A message about the whole form, e.g. a refused log-in or a stale edit. */
  formError?: MessageKey;
  formErrorParams?: Record<string, string | number>;
}

export function fieldId(name: string): string {
  return `field-${name}`;
}

/** Shown at the top of a form that failed: takes focus without JavaScript (autofocus) and links to each field. */
export function ErrorSummary({ state, labels }: { state: FormState; labels: Record<string, MessageKey> }) {
  const t = useT();
  const entries = Object.entries(state.errors ?? {});
  if (entries.length === 0 && !state.formError) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error sp-error-summary" role="alert" tabindex={-1} autofocus aria-labelledby="error-summary-title">
      <div class="utrecht-alert__content">
        <h2 class="utrecht-heading-3" id="error-summary-title">{t('form.errorSummary.title')}</h2>
        {state.formError ? <p class="utrecht-paragraph">{t(state.formError, state.formErrorParams)}</p> : null}
        {entries.length > 0 ? (
          <ul class="utrecht-unordered-list">
            {entries.map(([field, message]) => (
              <li class="utrecht-unordered-list__item">
                <a class="utrecht-link utrecht-link--html-a" href={`#${fieldId(field)}`}>
                  {labels[field] ? `${t(labels[field])}: ` : ''}
                  {t(message.key as MessageKey, message.params)}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: MessageKey;
  state: FormState;
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'number' | 'search' | 'date';
  description?: MessageKey;
  optional?: boolean;
  autocomplete?: string;
  multiline?: boolean;
  rows?: number;
  maxlength?: number;
  options?: Array<{ value: string; label: MessageKey | string; translate?: boolean }>;
  /** Initial value when the form is shown for the first time. */
  value?: string | null | undefined;
  inputmode?: 'text' | 'email' | 'tel' | 'url' | 'numeric';
}

export function Field(props: FieldProps) {
  const t = useT();
  const id = fieldId(props.name);
  const error = props.state.errors?.[props.name];
  const descriptionId = props.description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  const kept = props.state.values?.[props.name];
  const value = props.type === 'password' ? '' : (kept ?? props.value ?? '');
  const invalid = error ? 'true' : undefined;
  const common = {
    id,
    name: props.name,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    required: props.optional ? undefined : true,
  };
  let control;
  if (props.options) {
    control = (
      <select {...common} class={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.translate === false ? o.label : t(o.label as MessageKey)}
          </option>
        ))}
      </select>
    );
  } else if (props.multiline) {
    control = (
      <textarea {...common} rows={props.rows ?? 5} maxlength={props.maxlength} class={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}>
        {value}
      </textarea>
    );
  } else {
    control = (
      <input
        {...common}
        type={props.type ?? 'text'}
        value={value}
        maxlength={props.maxlength}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
      />
    );
  }
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {t(props.label)}
          {props.optional ? <span class="sp-optional"> {t('form.optional')}</span> : null}
        </label>
      </div>
      {props.description ? (
        <div class="utrecht-form-field-description" id={descriptionId}>
          {t(props.description)}
        </div>
      ) : null}
      {error ? (
        <div class="utrecht-form-field-error-message" id={errorId}>
          {t(error.key as MessageKey, error.params)}
        </div>
      ) : null}
      <div class="utrecht-form-field__input">{control}</div>
    </div>
  );
}

export function Table<R>({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: Array<{ header: string; cell: (row: R) => Child; numeric?: boolean }>;
  rows: R[];
}) {
  return (
    <div class="sp-table-scroll" tabindex={0} role="region" aria-label={caption}>
      <table class="utrecht-table">
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {columns.map((c) => (
              <th scope="col" class={`utrecht-table__header-cell${c.numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {rows.map((r) => (
            <tr class="utrecht-table__row">
              {columns.map((c) => (
                <td class={`utrecht-table__cell${c.numeric ? ' utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data' : ''}`}>{c.cell(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DataList({ items }: { items: Array<[string, Child]> }) {
  return (
    <dl class="utrecht-data-list">
      {items.map(([k, v]) => (
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{k}</dt>
          <dd class="utrecht-data-list__item-value">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The languages the site speaks, each in its own name, for a language choice in a form. */
export const localeOptions = locales.map((l) => ({ value: l, label: localeInfo[l].ownName, translate: false }));
