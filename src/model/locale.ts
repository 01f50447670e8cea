/**
 * The one language rule of the package (DESIGN.md, Language): any tag that starts with `fr` (`fr`, `FR`, `fr-FR`,
 * `fr_CA`, `fra`, `french`) is fr-CA; anything else, missing or empty included, is en-CA. Elements, the handler,
 * the sandbox, `connect` and the demo all read language tags through these two functions.
 */

export const LOCALES = ['en-CA', 'fr-CA'] as const;
export type Locale = (typeof LOCALES)[number];

/** The POS API's two-letter `lang` (`/terms-and-conditions`, `/merchants/login`, `lookup`). */
export type ApiLang = 'en' | 'fr';

/** Any language tag (or anything at all) as one of the two locales we ship. */
export function normalizeLocale(tag: unknown): Locale {
  return typeof tag === 'string' && /^\s*fr/i.test(tag) ? 'fr-CA' : 'en-CA';
}

/** Any language tag as the API's `lang`: `fr` for any `fr*` tag, `en` otherwise. */
export function apiLang(tag: unknown): ApiLang {
  return normalizeLocale(tag) === 'fr-CA' ? 'fr' : 'en';
}
