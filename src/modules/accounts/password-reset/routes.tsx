// Password reset by e-mail link: ask for a link, open it, choose a new password.
// Every route here is `system: true` (the forgot form's GET excepted, which reads nothing): nobody
// is signed in, and the person is found by e-mail address or by link, which row-level security for
// an anonymous visitor would hide — the same reason as log-in. The routes reveal nothing about
// whether an account exists.
//
// Both pages are formPages. The forgot form answers every well-formed request with the same "look in
// your e-mail" page (200, `respond`), not with a redirect, so that the answer is one response whether
// or not a mail was sent.
import { z } from 'zod';
import { done, formPage, refuse, respond } from '../../../access/form-page.ts';
import type { RouteSpec } from '../../../access/route.ts';
import type { FormState } from '../../../ui/components.tsx';
import type { Executor } from '../../../platform/db/database.ts';
import { hashToken } from '../session.ts';
import { forgotPasswordForm, resetPasswordForm } from './password-reset-forms.ts';
import { ForgotPasswordPage, ForgotPasswordSentPage, ResetLinkGonePage, ResetPasswordPage } from './password-reset-pages.tsx';
import { requestPasswordReset } from './request-password-reset.ts';
import { resetPassword } from './reset-password.ts';
import { isResetTokenUsable, looksLikeResetToken } from './reset-token.ts';
import { findResetToken, type ResetTokenRow } from './reset-token-queries.ts';

// Any segment reaches the handler, which answers a malformed one like an unknown link (a mangled
// link from a mail program gets the helpful page, not a bare 404).
const tokenParams = z.object({ token: z.string().max(500) });

/** The link's row when it can still be used; undefined for unknown, used, expired or malformed links. */
async function usableLink(tx: Executor, token: string, now: Date, lock: boolean): Promise<{ hash: string; row: ResetTokenRow } | undefined> {
  if (!looksLikeResetToken(token)) return undefined;
  const hash = hashToken(token);
  const row = await findResetToken(tx, hash, { lock });
  return row && isResetTokenUsable(row, now) ? { hash, row } : undefined;
}

export const passwordResetRoutes: RouteSpec[] = [
  ...formPage({
    path: '/password/forgot',
    permission: 'public',
    data: async () => null,
    render: (ctx, _nothing, forms) =>
      ctx.c.render(<ForgotPasswordPage state={forms.forgot ?? {}} />, { title: ctx.c.get('t')('passwordReset.forgot.title') }),
    forms: {
      forgot: {
        // Looks a person up by e-mail address before anyone is known (like log-in), and writes the
        // installation-level reset table, which the application role cannot reach.
        system: true,
        schema: forgotPasswordForm,
        submit: async ({ c, tx, services, requestId }, _nothing, value) => {
          await requestPasswordReset(tx, services, { email: value.email, requestUrl: c.req.url, publicUrl: services.publicUrl, requestId });
          // The same page (200) whether or not a mail was sent: no redirect, nothing to tell apart.
          return respond(await c.render(<ForgotPasswordSentPage />, { title: c.get('t')('passwordReset.sent.title') }));
        },
      },
    },
  }),
  // Reads the installation-level reset table by the link's hash; the POST changes the password and
  // ends the sessions of a person who is not signed in, found by the link.
  ...formPage({
    system: true,
    path: '/password/reset/:token',
    permission: 'public',
    params: tokenParams,
    // A POST locks the link until the transaction ends: a second post with the same link waits, then finds it used.
    data: (ctx) => usableLink(ctx.tx, ctx.params.token, ctx.now, ctx.c.req.method === 'POST'),
    render: (ctx, link, forms) => {
      const { c } = ctx;
      const t = c.get('t');
      if (!link) {
        // 410 Gone for unknown, used and expired links alike, whatever was posted: the link will not
        // work again, and the status does not tell which of the three it is.
        c.status(410);
        return c.render(<ResetLinkGonePage />, { title: t('passwordReset.gone.title') });
      }
      // Passwords are never kept, so the usual "your input is still there" would not be true.
      const state: FormState = forms.reset?.formError === 'form.error.csrf' ? { formError: 'passwordReset.reset.csrf' } : (forms.reset ?? {});
      return c.render(<ResetPasswordPage state={state} token={ctx.params.token} />, { title: t('passwordReset.reset.title') });
    },
    forms: {
      reset: {
        schema: resetPasswordForm,
        submit: async (ctx, link, value) => {
          // The page says the link no longer works.
          if (!link) return refuse(400, {});
          const outcome = await resetPassword(ctx.tx, ctx.services, link, {
            password: value.password, repeat: value.passwordRepeat, requestId: ctx.requestId,
          });
          if (!outcome.ok) return refuse(400, { errors: outcome.errors });
          return done('/login', 'passwordReset.reset.done');
        },
      },
    },
  }),
];
