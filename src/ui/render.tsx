// The page renderer: `c.render(content, { title })` wraps the content in the layout and answers
// with HTML. Views reach the request (translator, view state) through `useRequestContext`
// (request-context.ts).
// Hono's own jsx-renderer answers with a String object, which @hono/node-server cannot keep as a
// light response, so every page view built a full WHATWG Response as soon as a header was read;
// this one hands a plain string to `c.html`, and tells compression that string (compress.ts).
import type { MiddlewareHandler } from 'hono';
import { withTextBody } from '../platform/http/compress.ts';
import { HtmlEscapedCallbackPhase, resolveCallback } from 'hono/utils/html';
import type { AppEnv } from './env.ts';
import { Layout } from './layout.tsx';
import { RequestContext } from './request-context.ts';

export function pageRenderer(): MiddlewareHandler<AppEnv> {
  return async function renderPages(c, next) {
    c.setRenderer(async (content, { title }) => {
      const page = (
        <RequestContext.Provider value={c}>
          <Layout title={title}>{content}</Layout>
        </RequestContext.Provider>
      );
      const html = await resolveCallback(await page.toString(), HtmlEscapedCallbackPhase.Stringify, false, {});
      const document = `<!DOCTYPE html>${html}`;
      return withTextBody(c.html(document), document);
    });
    await next();
  };
}
