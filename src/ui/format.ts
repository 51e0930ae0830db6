// Dates and times as people read them, in the language of the page. Pacts are in the Netherlands
// and Flanders, which share one time zone.
import type { Locale } from '../platform/i18n/translator.ts';

const TIME_ZONE = 'Europe/Amsterdam';
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(value: Date, locale: Locale): string {
  const key = `dt:${locale}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
    formatters.set(key, f);
  }
  return f.format(value);
}

/** A local date (yyyy-mm-dd) written out in full: "3 december 2026". */
export function formatLongDate(value: string, locale: Locale): string {
  const key = `long:${locale}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f.format(new Date(`${value}T00:00:00Z`));
}

const numberFormatters = new Map<Locale, Intl.NumberFormat>();

/** A number with at most two decimals, in the page's language ("1.234,5" in Dutch). */
export function formatNumber(value: number, locale: Locale): string {
  let f = numberFormatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
    numberFormatters.set(locale, f);
  }
  return f.format(value);
}
