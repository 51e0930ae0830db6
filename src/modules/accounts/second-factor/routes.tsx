// The second factor: set-up (QR code, first code, recovery codes), the code at sign-in, new
// recovery codes, and a system administrator's reset for someone who lost their phone and codes.
//
// These routes run outside row-level security (`system: true`): the secrets live in
// installation-level tables that no pact request may read (migration 0007), and a verified
// session is rotated to a new token, which needs an insert into `session`. Every query names the
// signed-in person (or, for the reset, the person a system administrator chose).
//
// The reset is a formPage. The page of the code itself is not: after setting up, and after asking
// for new recovery codes, its POST answers with the page of recovery codes (200), which exist only
// in this response and are never stored, so it cannot redirect as formPage does on success.
import { setCookie } from 'hono/cookie';
import QRCode from 'qrcode';
import { z } from 'zod';
import { HttpError } from '../../../access/http-error.ts';
import { done, formPage, refuse, respond } from '../../../access/form-page.ts';
import type { RouteContext, RouteSpec } from '../../../access/route.ts';
import type { FormState } from '../../../ui/components.tsx';
import { safeNext } from '../account-forms.ts';
import { minutesLeft } from '../sign-in-throttle.ts';
import { findPerson } from '../person-queries.ts';
import { rotateSessionAfterSecondFactor } from '../session-queries.ts';
import { hashToken, newToken, sessionCookieName } from '../session.ts';
import { confirmSecondFactor, pendingEnrolmentSecret } from './enrol-second-factor.ts';
import { resetSecondFactor } from './reset-second-factor.ts';
import { provisioningUri, hashRecoveryCode, newRecoveryCodes } from './second-factor.ts';
import { resetSecondFactorForm, secondFactorForm } from './second-factor-forms.ts';
import { countUnusedRecoveryCodes, findSecondFactor, replaceRecoveryCodes } from './second-factor-queries.ts';
import { EnrolPage, RecoveryCodesPage, ResetSecondFactorPage, SECOND_FACTOR_PATH, SecondFactorStatusPage, VerifyPage } from './second-factor-pages.tsx';
import { verifySecondFactor } from './verify-second-factor.ts';

type Ctx = RouteContext<Record<string, string>>;

function personOf(ctx: Ctx) {
  if (ctx.actor.kind !== 'person') throw new Error('the second-factor routes admit only signed-in people');
  return ctx.actor;
}

/** What the page shows: the code at sign-in, the set-up, or (once verified) the status. */
async function renderPage(ctx: Ctx, state: FormState, next: string): Promise<Response> {
  const { c, tx, services, now } = ctx;
  const actor = personOf(ctx);
  const t = c.get('t');
  if (actor.secondFactor === 'verify') {
    return c.render(<VerifyPage state={state} next={next} />, { title: t('secondFactor.verify.title') });
  }
  const secret = await pendingEnrolmentSecret(tx, services.secondFactor.keys, actor.personId, now);
  if (secret === null) {
    const row = (await findSecondFactor(tx, actor.personId))!;
    const unused = await countUnusedRecoveryCodes(tx, actor.personId);
    return c.render(<SecondFactorStatusPage state={state} enrolledAt={row.confirmed_at!} unusedCodes={unused} />, { title: t('secondFactor.status.title') });
  }
  const person = (await findPerson(tx, actor.personId))!;
  const qrSvg = await QRCode.toString(provisioningUri(secret, person.email), { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return c.render(<EnrolPage state={state} next={next} secret={secret} qrSvg={qrSvg} required={actor.secondFactor === 'enrol'} />, {
    title: t('secondFactor.enrol.title'),
  });
}

/** The session now has both factors: a new token replaces the old one. */
function rotateCookie(ctx: Ctx, token: string): void {
  const secure = ctx.services.session.secureCookies;
  setCookie(ctx.c, sessionCookieName(secure), token, {
    httpOnly: true, secure, sameSite: 'Lax', path: '/', maxAge: ctx.services.session.absoluteMinutes * 60,
  });
}

async function completeSignIn(ctx: Ctx, method: string): Promise<void> {
  const actor = personOf(ctx);
  const token = newToken();
  const newId = hashToken(token);
  await rotateSessionAfterSecondFactor(ctx.tx, actor.sessionId, newId, ctx.now);
  await ctx.audit({ pactId: null, action: 'session.second-factor', recordType: 'session', recordId: newId.slice(0, 16), subjectPersonId: actor.personId, purpose: 'security', details: { method } });
  rotateCookie(ctx, token);
}

const personParams = z.object({ personId: z.uuid() });
const RESET_PATH = '/admin/people/:personId/second-factor/reset';

export const secondFactorRoutes: RouteSpec[] = [
  // The second-factor step: give the code at log-in, set up the app, or get new recovery codes. Set
  // up and new codes answer with the codes themselves (shown once, never stored readable), so those
  // outcomes are pages of their own (`respond`), not a redirect.
  ...formPage({
    path: SECOND_FACTOR_PATH,
    permission: 'account:second-factor',
    system: true,
    data: async () => null,
    render: (ctx, _nothing, forms) => {
      const actor = ctx.actor;
      const next = forms.code
        ? safeNext(forms.code.values?.next)
        : safeNext(ctx.c.req.query('next') ?? (actor.kind === 'person' && actor.secondFactor === 'verified' ? '/account' : '/'));
      return renderPage(ctx, forms.code ?? {}, next);
    },
    forms: {
      code: {
        schema: secondFactorForm,
        submit: async (ctx, _nothing, value, values) => {
          const { c, tx, services, now } = ctx;
          const actor = personOf(ctx);
          const next = safeNext(values.next);
          const refused = (outcome: { reason: string; until?: Date }) =>
            outcome.reason === 'locked'
              ? refuse(429, { formError: 'secondFactor.locked', formErrorParams: { minutes: minutesLeft(outcome.until!, now) } })
              : refuse(400, { errors: { code: { key: 'secondFactor.wrongCode' } } });
          const { action, code } = value;

          if (actor.secondFactor === 'verify') {
            if (action !== 'verify') throw new HttpError(409);
            const outcome = await verifySecondFactor(tx, services.secondFactor, { personId: actor.personId, typed: code, now });
            if (!outcome.ok) {
              await ctx.audit({ pactId: null, action: 'session.second-factor-refused', recordType: 'person', recordId: actor.personId, subjectPersonId: actor.personId, purpose: 'security', details: { reason: outcome.reason } });
              return refused(outcome);
            }
            await completeSignIn(ctx, outcome.method);
            return done(next, outcome.method === 'recovery-code' ? 'secondFactor.recoveryCodeUsed' : undefined);
          }

          if (action === 'enrol') {
            const outcome = await confirmSecondFactor(tx, services.secondFactor, actor.personId, code, now);
            if (!outcome.ok) {
              if (outcome.reason === 'already-enrolled' || outcome.reason === 'no-enrolment') throw new HttpError(409);
              return refused(outcome);
            }
            await ctx.audit({ pactId: null, action: 'second-factor.enrol', recordType: 'person', recordId: actor.personId, subjectPersonId: actor.personId, purpose: 'security' });
            await completeSignIn(ctx, 'enrolment');
            return respond(await c.render(<RecoveryCodesPage codes={outcome.recoveryCodes} next={next} />, { title: c.get('t')('secondFactor.codes.title') }));
          }

          if (action === 'recovery-codes' && actor.secondFactor === 'verified') {
            // New codes only with a current code from the app: a session left open is not enough.
            const outcome = await verifySecondFactor(tx, services.secondFactor, { personId: actor.personId, typed: code, now, allowRecoveryCode: false });
            if (!outcome.ok) {
              if (outcome.reason === 'not-enrolled') throw new HttpError(409);
              return refused(outcome);
            }
            const codes = newRecoveryCodes();
            await replaceRecoveryCodes(tx, actor.personId, codes.map(hashRecoveryCode), now);
            await ctx.audit({ pactId: null, action: 'second-factor.recovery-codes', recordType: 'person', recordId: actor.personId, subjectPersonId: actor.personId, purpose: 'security' });
            return respond(await c.render(<RecoveryCodesPage codes={codes} next={SECOND_FACTOR_PATH} />, { title: c.get('t')('secondFactor.codes.title') }));
          }
          throw new HttpError(409);
        },
      },
    },
  }),
  // Installation-level: any person's second factor, by a system administrator.
  ...formPage({
    system: true,
    path: RESET_PATH,
    permission: 'system:admin',
    params: personParams,
    data: async (ctx) => {
      const person = await findPerson(ctx.tx, ctx.params.personId);
      return { person, enrolled: person ? (await findSecondFactor(ctx.tx, person.id))?.confirmed_at != null : false };
    },
    render: (ctx, { person, enrolled }, forms) => {
      // A person that is not there has no page; a confirmed reset of an unknown id still ends nothing and says so.
      if (!person) throw new HttpError(404);
      return ctx.c.render(<ResetSecondFactorPage person={person} enrolled={enrolled} state={forms.reset ?? {}} />, {
        title: ctx.c.get('t')('secondFactor.reset.title'),
      });
    },
    forms: {
      reset: {
        schema: resetSecondFactorForm,
        submit: async (ctx) => {
          if (ctx.actor.kind !== 'person') throw new Error('system:admin admits only people');
          const { personId } = ctx.params;
          const outcome = await resetSecondFactor(ctx.tx, { personId, by: ctx.actor.personId, now: ctx.now }, ctx.audit);
          if (!outcome.ok) return refuse(409, { formError: 'secondFactor.reset.notSelf' });
          return done(`/admin/people/${personId}`, outcome.removed ? 'secondFactor.reset.done' : 'secondFactor.reset.none');
        },
      },
    },
  }),
];
