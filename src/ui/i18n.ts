// Views read the translator and the view state of the request being rendered.
import { useRequestContext } from './request-context.ts';
import type { AppEnv, ViewState } from './env.ts';
import type { Locale, Translate } from '../platform/i18n/translator.ts';
import type { MessageKey } from './messages/index.ts';

export function useT(): Translate<MessageKey> {
  return useRequestContext().get('t');
}

export function useView(): ViewState {
  return useRequestContext().get('view');
}

export function useLocale(): Locale {
  return useRequestContext().get('locale');
}
