// One shape for "a page with forms": one GET that shows the page, and per form a POST that loads
// what the page shows, parses the form, and either runs the use case and redirects (Post/Redirect/
// Get, with a flash message) or shows the page again with the person's input kept: 403 for a bad
// CSRF token, 400 for input that does not pass the form's schema, and 400, 409 or 429 when the use
// case refuses. Every form route is made with `formPage`, so no handler repeats this. The two
// exceptions are buttons without a page or input of their own (sign out, withdraw an invitation):
// nothing to show again, so a bad CSRF token is a plain 403 and success a redirect.
import type { z } from 'zod';
import { parseForm, type FieldErrors, type FormValues } from '../platform/forms.ts';
import type { MessageKey } from '../ui/messages/index.ts';
import type { Permission } from './policy.ts';
import { defineRoute, type PathParams, type RouteContext, type RouteSpec } from './route.ts';

/** The state of one form on the page: the input to show again and what was wrong with it. */
export interface FormPageState {
  values?: FormValues;
  errors?: FieldErrors;
  formError?: MessageKey;
  formErrorParams?: Record<string, string | number>;
}

/** What a form's use case answers: go on to a page, or refuse with the reason shown on the form. */
export type FormOutcome =
  | { ok: true; redirect: string; flash?: MessageKey }
  /** Done, and the answer is a page of its own rather than a redirect (recovery codes shown once, "look in your mail"). */
  | { ok: true; response: Response }
  | {
      ok: false;
      /**
       * 400 for a refusal about the input (a taken name), 401 for wrong credentials, 409 for a
       * conflict with the stored state (an older version, a locked year), 410 for a link that no
       * longer works, 429 for too many attempts.
       */
      status?: RefusalStatus;
      errors?: FieldErrors;
      formError?: MessageKey;
      formErrorParams?: Record<string, string | number>;
      /** The values to show instead of the input (rarely: say, the stored version after a conflict). */
      values?: FormValues;
    };

export type RefusalStatus = 400 | 401 | 409 | 410 | 429;

/** A refusal, written short: `refuse(409, { formError: 'stories.error.changed' })`. */
export function refuse(status: RefusalStatus, detail: Omit<Extract<FormOutcome, { ok: false }>, 'ok' | 'status'>): FormOutcome {
  return { ok: false, status, ...detail };
}

/** Success answered with a page of its own (status and body as given), not a redirect. */
export function respond(response: Response): FormOutcome {
  return { ok: true, response };
}

/** Success: go to `redirect` (303), with a one-time flash message. */
export function done(redirect: string, flash?: MessageKey): FormOutcome {
  return { ok: true, redirect, ...(flash ? { flash } : {}) };
}

export interface FormSpec<P, D, S extends z.ZodType, Path extends string = string> {
  /** The form's own path for its POST; default: the page's path. */
  path?: string;
  /** Default: the page's permission. */
  permission?: Permission;
  /** This form's POST runs outside row-level security (default: the page's `system`). Say why in the module. */
  system?: boolean;
  /** The policy's resource for this form's POST; default: the page's. */
  resource?: (params: P) => { organisationId?: string };
  maxBody?: number;
  /** The form's schema, or one made from the page's data (choices that depend on stored rows). */
  schema: S | ((ctx: RouteContext<P, Path>, data: D) => S);
  /** A form-level message when the schema refuses the input (say, for a choice without a field of its own). */
  invalid?: MessageKey;
  /**
   * Looks at the raw form after the CSRF check and before the schema, and may answer at once: a
   * honeypot that a bot filled in gets the same page as a real submission, without a field error
   * that would tell it which field gave it away. Null goes on as usual.
   */
  screen?(ctx: RouteContext<P, Path>, data: D, form: FormData): FormOutcome | null | Promise<FormOutcome | null>;
  /** Runs the use case with the parsed value; `values` is the raw input (for messages that repeat it). */
  submit(ctx: RouteContext<P, Path>, data: D, value: z.output<S>, values: FormValues): Promise<FormOutcome>;
}

export interface FormPageSpec<S extends PathParams, D, F extends string, Path extends string = string> {
  path: Path;
  permission: Permission;
  params?: S;
  resource?: (params: z.output<S>) => { organisationId?: string };
  load?: RouteSpec<S>['load'];
  /** The page (and, unless a form says otherwise, its forms) runs outside row-level security: log-in, system administration. */
  system?: boolean;
  /** Loads what the page shows (for the GET and again for every POST); throws HttpError(404) when it is not there. */
  data(ctx: RouteContext<z.output<S>, Path>): Promise<D>;
  /** Renders the page; `forms` holds the state of the form that was posted, if any. The status is already set. */
  render(ctx: RouteContext<z.output<S>, Path>, data: D, forms: Partial<Record<F, FormPageState>>): Response | Promise<Response>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  forms: { [K in F]: FormSpec<z.output<S>, D, any, Path> };
  /** Leave out the GET (a form shown on another route's page). */
  get?: boolean;
}

/** The GET and one POST per form of a page, all through the one pipeline. */
export function formPage<S extends PathParams, D, F extends string, Path extends string>(spec: FormPageSpec<S, D, F, Path>): RouteSpec[] {
  type P = z.output<S>;
  type Ctx = RouteContext<P, Path>;
  const show = async (ctx: Ctx, data: D, status: 200 | 403 | RefusalStatus, forms: Partial<Record<F, FormPageState>>) => {
    ctx.c.status(status);
    return spec.render(ctx, data, forms);
  };
  const routes: RouteSpec[] = [];
  if (spec.get !== false) {
    routes.push(defineRoute({
      method: 'GET',
      path: spec.path,
      permission: spec.permission,
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.resource ? { resource: spec.resource } : {}),
      ...(spec.load ? { load: spec.load } : {}),
      ...(spec.system ? { system: true } : {}),
      handler: async (ctx) => show(ctx as Ctx, await spec.data(ctx as Ctx), 200, {}),
    }));
  }
  for (const name of Object.keys(spec.forms) as F[]) {
    const form = spec.forms[name];
    const resource = form.resource ?? spec.resource;
    routes.push(defineRoute({
      method: 'POST',
      path: form.path ?? spec.path,
      permission: form.permission ?? spec.permission,
      ...(spec.params ? { params: spec.params } : {}),
      ...(resource ? { resource } : {}),
      ...(spec.load ? { load: spec.load } : {}),
      ...(form.maxBody ? { maxBody: form.maxBody } : {}),
      ...((form.system ?? spec.system) ? { system: true } : {}),
      csrf: 'rerender',
      handler: async (raw) => {
        const ctx = raw as Ctx;
        const data = await spec.data(ctx);
        const schema = typeof form.schema === 'function' && !('safeParse' in form.schema)
          ? (form.schema as (c: Ctx, d: D) => z.ZodType)(ctx, data)
          : (form.schema as z.ZodType);
        const parsed = parseForm(schema, ctx.form ?? new FormData());
        const state = (s: FormPageState) => ({ [name]: s }) as Partial<Record<F, FormPageState>>;
        if (ctx.csrfRejected) return show(ctx, data, 403, state({ values: parsed.values, formError: 'form.error.csrf' }));
        const screened = form.screen ? await form.screen(ctx, data, ctx.form ?? new FormData()) : null;
        if (!screened && !parsed.ok) {
          return show(ctx, data, 400, state({ values: parsed.values, errors: parsed.errors, ...(form.invalid ? { formError: form.invalid } : {}) }));
        }
        const outcome = screened ?? (await form.submit(ctx, data, (parsed as { value: unknown }).value, parsed.values));
        if (!outcome.ok) {
          return show(ctx, data, outcome.status ?? 400, state({
            values: outcome.values ?? parsed.values,
            ...(outcome.errors ? { errors: outcome.errors } : {}),
            ...(outcome.formError ? { formError: outcome.formError } : {}),
            ...(outcome.formErrorParams ? { formErrorParams: outcome.formErrorParams } : {}),
          }));
        }
        if ('response' in outcome) return outcome.response;
        if (outcome.flash) ctx.flash(outcome.flash);
        return ctx.c.redirect(outcome.redirect, 303);
      },
    }));
  }
  return routes;
}
