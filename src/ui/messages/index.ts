import { createTranslator, type Locale, type Translate } from '../../platform/i18n/translator.ts';
import { en } from './en.ts';
import { nl, type MessageKey } from './nl.ts';

export type { MessageKey };
export const catalogs: Record<Locale, Record<MessageKey, string>> = { nl, en };

const translators = Object.fromEntries(
  Object.entries(catalogs).map(([locale, catalog]) => [locale, createTranslator(catalog)]),
) as Record<Locale, Translate<MessageKey>>;

export function translatorFor(locale: Locale): Translate<MessageKey> {
  return translators[locale];
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(nl, key);
}
