// The request-scoped values every handler and view can read from Hono's context.
import type { Logger } from '../platform/logger.ts';
import type { Locale, Translate } from '../platform/i18n/translator.ts';
import type { MessageKey } from './messages/index.ts';

export interface NavItem {
  href: string;
  label: MessageKey;
  current: boolean;
}

export interface ViewState {
  signedIn: boolean;
  displayName: string | null;
  pact: { slug: string; name: string } | null;
  csrfToken: string;
  nav: NavItem[];
  flash?: MessageKey | undefined;
  /** The path of the current page, for the language switch and log-in return. */
  path: string;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    locale: Locale;
    t: Translate<MessageKey>;
    view: ViewState;
  };
}
