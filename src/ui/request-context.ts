// The request being rendered, for views: the translator, the view state and the locale are read
// from it (src/ui/i18n.ts). The page renderer (render.tsx) provides it around every page.
import type { Context } from 'hono';
import { createContext, useContext } from 'hono/jsx';
import type { AppEnv } from './env.ts';

export const RequestContext = createContext<Context<AppEnv> | null>(null);

/** The request being rendered; only inside a view rendered by `pageRenderer`. */
export function useRequestContext(): Context<AppEnv> {
  const c = useContext(RequestContext);
  if (!c) throw new Error('useRequestContext is only available while a page renders');
  return c;
}
