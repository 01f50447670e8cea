/**
 * Expected texts for tests, in a given language: the page (or, in Node, @lit/localize itself) switches to it,
 * the text is read through `messageText`/`errorText` with every error text at hand (what the elements show once
 * their error texts have loaded), and the language before is restored.
 */
import { errorText, messageText } from '../src/internal/message-text-all.js';
import { renderedLocale, setLocale, switchRenderedLocale } from '../src/internal/locale.js';
import type { Audience } from '../src/internal/audience.js';
import type { FieldMessage, FlexitiApiError, Locale, MessageKey } from '../src/model/index.js';

async function switchTo(locale: Locale): Promise<void> {
  if (typeof document !== 'undefined') return setLocale(locale);
  // Node: no page, no <html lang>; @lit/localize announces changes on `window`.
  (globalThis as { window?: EventTarget }).window ??= new EventTarget();
  await switchRenderedLocale(locale);
}

const currentLocale = renderedLocale;

const isApiError = (what: unknown): what is FlexitiApiError =>
  typeof what === 'object' && what !== null && 'otherFields' in what;

/**
 * The text of a message key or an API error in `locale`, as an element on a page in that language shows it to
 * `audience` (default `online`, the elements' own default).
 */
export async function textIn(
  what: FieldMessage | MessageKey | FlexitiApiError,
  locale: Locale,
  audience: Audience = 'online',
): Promise<string> {
  const before = currentLocale();
  await switchTo(locale);
  try {
    return isApiError(what) ? errorText(what, audience) : messageText(what, audience);
  } finally {
    await switchTo(before);
  }
}

/**
 * The same, synchronously, for a page already in `locale` (the usual case in element tests); throws when the page
 * is in the other language, so a test never compares against the wrong language by accident.
 */
export function textNow(
  what: FieldMessage | MessageKey | FlexitiApiError,
  locale: Locale,
  audience: Audience = 'online',
): string {
  if (currentLocale() !== locale) throw new Error(`textNow(${locale}): the page is in ${currentLocale()}`);
  return isApiError(what) ? errorText(what, audience) : messageText(what, audience);
}
