import type { Locale } from '../model/index.js';

const currencyFormats = new Map<Locale, Intl.NumberFormat>();

/** An amount in Canadian dollars, as the locale writes it ($1,644.00 / 1 644,00 $). One formatter per locale. */
export function formatMoney(amount: number, locale: Locale): string {
  let format = currencyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD' });
    currencyFormats.set(locale, format);
  }
  return format.format(amount);
}
