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

const percentFormats = new Map<Locale, Intl.NumberFormat>();

/** A rate given in percent (`9.99`), as the locale writes it (9.99% / 9,99 %), with up to two decimals. */
export function formatPercent(percent: number, locale: Locale): string {
  let format = percentFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 2 });
    percentFormats.set(locale, format);
  }
  return format.format(percent / 100);
}
