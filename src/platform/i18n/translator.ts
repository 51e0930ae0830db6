// Message catalogs: all UI text comes from a catalog keyed by message key. Dutch is the source
// catalog and the default; every other catalog must have every key (a test and the type checker
// both enforce it). Placeholders are written {name}.

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

export interface LocaleInfo {
  /** BCP 47 tag for the lang attribute. */
  tag: string;
  /** Writing direction, for the dir attribute; the layout uses logical CSS properties so rtl works. */
  dir: 'ltr' | 'rtl';
  /** The language's own name, shown in the language switch. */
  ownName: string;
}

export const localeInfo: Record<Locale, LocaleInfo> = {
  nl: { tag: 'nl', dir: 'ltr', ownName: 'Nederlands' },
  en: { tag: 'en', dir: 'ltr', ownName: 'English' },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export type Params = Record<string, string | number>;
export type Translate<K extends string = string> = (key: K, params?: Params) => string;

export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function createTranslator<K extends string>(catalog: Record<K, string>): Translate<K> {
  return (key, params) => {
    const template = catalog[key];
    // A missing key is a bug caught by tests; at run time show the key rather than crash a page.
    return interpolate(template ?? key, params);
  };
}

/** Picks the locale from an explicit choice, then Accept-Language, then the default. */
export function negotiateLocale(choice: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(choice)) return choice;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().split('-')[0];
    if (isLocale(tag)) return tag;
  }
  return defaultLocale;
}
