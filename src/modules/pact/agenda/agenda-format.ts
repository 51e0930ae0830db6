// Display of calendar dates and amounts on agenda pages, the PDF and the CSV. Pure.
import type { Locale } from '../../../platform/i18n/translator.ts';

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A calendar date (YYYY-MM-DD) as people read it: "1 maart 2027". */
export function formatDay(isoDate: string, locale: Locale): string {
  let f = dayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dayFormats.set(locale, f);
  }
  const [y, m, d] = isoDate.split('-').map(Number);
  return f.format(new Date(Date.UTC(y!, m! - 1, d!)));
}

export function formatAmount(value: number, locale: Locale): string {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
    numberFormats.set(locale, f);
  }
  return f.format(value);
}

/** "120 huishoudens" */
export function formatTarget(value: number, unit: string, locale: Locale): string {
  return unit ? `${formatAmount(value, locale)} ${unit}` : formatAmount(value, locale);
}
