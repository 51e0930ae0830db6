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
