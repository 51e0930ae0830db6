// Composes the web application: request id and logging, locale, security headers, the page
// renderer, every route through the pipeline, and the error pages.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { isApi, isBare, type AnyRoute, type Services } from '../access/route.ts';
import { HttpError } from '../access/http-error.ts';
import { compress } from '../platform/http/compress.ts';
import { negotiateLocale } from '../platform/i18n/translator.ts';
import type { AppEnv } from '../ui/env.ts';
import { pageRenderer } from '../ui/render.tsx';
import { translatorFor } from '../ui/messages/index.ts';
import { databaseRefusalLog, databaseRefusalStatus, errorResponse } from './errors.tsx';
import { mountApiCors, mountApiRoute } from './api-pipeline.ts';
import { mountRoute } from './pipeline.tsx';
import { allRoutes } from './routes.ts';

declare module 'hono' {
  interface ContextRenderer {
    (content: string | Promise<string>, props: { title: string }): Response | Promise<Response>;
  }
}

export function createApp(services: Services, routes: AnyRoute[] = allRoutes): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    const log = services.log.child({ requestId });
    c.set('log', log);
    const locale = negotiateLocale(getCookie(c, 'sp_lang'), c.req.header('accept-language'));
    c.set('locale', locale);
    c.set('t', translatorFor(locale));
    const started = performance.now();
    // Set before the handler runs: a header set on a finished response would rebuild it.
    c.header('x-request-id', requestId);
    await next();
    // The locale may be refined after the actor is known (the person's own choice).
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: 'same-origin',
      strictTransportSecurity: services.session.secureCookies ? 'max-age=31536000; includeSubDomains' : false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
    }),
  );
  app.use('*', async (c, next) => {
    await next();
    // In place on the finished response (c.header() here would rebuild the response).
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  });
  app.use('*', compress());

  app.use('*', pageRenderer());

  mountApiCors(app, services);
  for (const route of routes) {
    if (isBare(route)) app.on(route.method, route.path, (c) => route.handler(c, services));
    else if (isApi(route)) mountApiRoute(app, route, services);
    else mountRoute(app, route, services);
  }

  app.notFound((c) => errorResponse(c, 404));
  app.onError((error, c) => {
    if (error instanceof HttpError) return errorResponse(c, error.status, error.messageKey, error.invalid, error.api);
    const refused = databaseRefusalStatus(error);
    if (refused) {
      // A check in the code was missed: the client gets a 404 or 409, the log a warning to fix it.
      c.get('log')?.warn({ database: databaseRefusalLog(error) }, 'database refused a write that the request should have been checked for');
      return errorResponse(c, refused);
    }
    c.get('log')?.error({ err: error }, 'unhandled error');
    return errorResponse(c, 500);
  });
  return app;
}
