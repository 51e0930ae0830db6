// The message catalogs: the core catalog here (layout, forms, errors and the parts without a
// module), and each module's own catalog beside its code, joined at start-up (src/app/modules.ts).
//
// A module makes its keys known to the type checker by merging them into `ModuleMessages`:
//
//   declare module '../../ui/messages/index.ts' {
//     interface ModuleMessages extends Record<keyof typeof agendaNl, string> {}
//   }
import { createTranslator, type Locale, type Translate } from '../../platform/i18n/translator.ts';
import { en } from './en.ts';
import { nl } from './nl.ts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleMessages {}

export type CoreMessageKey = keyof typeof nl;
export type MessageKey = CoreMessageKey | (keyof ModuleMessages & string);

const merged: Record<Locale, Record<string, string>> = { nl: { ...nl }, en: { ...en } };
const owners = new Map<string, string>(Object.keys(nl).map((k) => [k, 'core']));

/** Every catalog, the core and every registered module's. */
export const catalogs = merged as Record<Locale, Record<MessageKey, string>>;

/**
 * Adds a module's catalog. A key may belong to one part only; the English part must have exactly
 * the Dutch part's keys (the type of each module's catalog checks it too).
 */
export function registerMessages(owner: string, part: { nl: Record<string, string>; en: Record<string, string> }): void {
  for (const key of Object.keys(part.nl)) {
    const known = owners.get(key);
    if (known && known !== owner) throw new Error(`Message key ${key} of ${owner} is already defined by ${known}`);
    owners.set(key, owner);
  }
  const missing = Object.keys(part.nl).filter((k) => !(k in part.en));
  if (missing.length > 0) throw new Error(`The English catalog of ${owner} lacks ${missing.join(', ')}`);
  Object.assign(merged.nl, part.nl);
  Object.assign(merged.en, part.en);
}

/** Which part of the application a key belongs to (`core` or a module's name). */
export function ownerOfMessage(key: string): string | undefined {
  return owners.get(key);
}

const translators = Object.fromEntries(
  Object.entries(merged).map(([locale, catalog]) => [locale, createTranslator(catalog)]),
) as Record<Locale, Translate<MessageKey>>;

export function translatorFor(locale: Locale): Translate<MessageKey> {
  return translators[locale];
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(merged.nl, key);
}
