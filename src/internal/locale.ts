import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import { normalizeLocale, type Locale } from '../model/locale.js';

/**
 * One language per page, the rule @lit/localize supports (DESIGN.md, Language): the page's `<html lang>`,
 * followed when it changes, or the last `setLocale()` call, whichever came last. fr-CA's messages are one module
 * loaded the first time the page asks for French; an English page never downloads it. Until it has arrived every
 * element keeps rendering in the previous locale, so a page never shows French and English side by side.
 */

let localization: ReturnType<typeof configureLocalization> | undefined;
/** The locale the page asked for with `setLocale()`, and `<html lang>` then: it holds until that changes. */
let asked: { locale: Locale; htmlLang: string } | undefined;
let langObserver: MutationObserver | undefined;

/** @lit/localize is configured once, on first use, so that importing a class module has no side effect. */
function lazyLocalization() {
  localization ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: () => import('../generated/locales/fr-CA.js'),
  });
  return localization;
}

const documentLang = (): string => (typeof document === 'undefined' ? '' : document.documentElement.lang);

/** The locale the page asks for: the last `setLocale()`, else `<html lang>` (any `fr*` → fr-CA, else en-CA). */
export function pageLocale(): Locale {
  const htmlLang = documentLang();
  return asked && asked.htmlLang === htmlLang ? asked.locale : normalizeLocale(htmlLang);
}

/**
 * The locale elements render in right now: the page's once its messages are loaded, the previous one until then.
 * Texts, money, dates and percentages all follow it, so they change language together.
 */
export function renderedLocale(): Locale {
  return localization ? (localization.getLocale() as Locale) : 'en-CA';
}

/** Switches what the elements render in, once `locale`'s messages are loaded (no page rule: see setLocale). */
export function switchRenderedLocale(locale: Locale): Promise<void> {
  return lazyLocalization().setLocale(locale);
}

function applyPageLocale(): Promise<void> {
  return switchRenderedLocale(pageLocale());
}

/**
 * Starts following the page's language (once per page) and resolves when its messages are loaded. A failed
 * download of the French module leaves the page in English rather than without elements.
 */
export function pageLocaleReady(): Promise<void> {
  if (typeof document === 'undefined') return Promise.resolve();
  if (!langObserver) {
    langObserver = new MutationObserver(() => void applyPageLocale().catch(reportLoadFailure));
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
  return applyPageLocale().catch(reportLoadFailure);
}

function reportLoadFailure(error: unknown): void {
  console.error('flexiti-elements: the French messages could not be loaded; the elements stay in English.', error);
}

/**
 * Sets the language of every flexiti element on the page (`'fr-CA'`, `'fr'`, `'en-CA'`…; any `fr*` tag is French,
 * anything else English) until `<html lang>` changes. Resolves once the elements render in it.
 */
export function setLocale(tag: string): Promise<void> {
  asked = { locale: normalizeLocale(tag), htmlLang: documentLang() };
  return pageLocaleReady();
}

let warnedAboutLang = false;

/**
 * The page has one language: an element (or an ancestor below `<html>`) whose `lang` says another one is
 * rendered in the page's language anyway, and the page hears about it once in the console.
 */
export function warnIfLangDisagrees(element: Element): void {
  if (warnedAboutLang) return;
  let node: Node | null = element;
  while (node && node !== document.documentElement) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const own = normalizeLocale(node.getAttribute('lang'));
      if (own !== pageLocale()) {
        warnedAboutLang = true;
        console.warn(
          `flexiti-elements: <${element.localName}> sits in lang="${node.getAttribute('lang')}" but the page's language is ${pageLocale()}. ` +
            `Elements follow the page (<html lang> or setLocale()); one language per page.`,
        );
      }
      return;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
}

/** For tests: forget the one-time warning. */
export function resetLangWarning(): void {
  warnedAboutLang = false;
}
