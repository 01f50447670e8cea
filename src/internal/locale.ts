import { configureLocalization } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import type { Locale } from '../model/index.js';

/** Normalizes any language tag (`fr`, `fr_ca`, `FR-ca`, `en-US`…) to one of the two locales we ship. */
export function normalizeLocale(tag: string | null | undefined): Locale {
  return tag && /^fr\b/i.test(tag.trim().replace('_', '-')) ? 'fr-CA' : 'en-CA';
}

/**
 * The locale rule (docs/design-notes.md, "Language"): the element's own `lang`, then the nearest ancestor with `lang`
 * (crossing shadow roots), then `<html lang>`, then the browser's language.
 */
export function resolveLocale(element: Element): Locale {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return normalizeLocale(node.getAttribute('lang'));
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return normalizeLocale(document.documentElement.lang || navigator.language);
}

let localization: ReturnType<typeof configureLocalization> | undefined;

/** @lit/localize is configured once, on first use, so that importing a class module has no side effect. */
function lazyLocalization() {
  localization ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: () => import('../generated/locales/fr-CA.js'),
  });
  return localization;
}

/** Switches the page's message locale (one per page: an @lit/localize limit) and resolves once it is loaded. */
export function setPageLocale(locale: Locale): Promise<void> {
  const { getLocale, setLocale } = lazyLocalization();
  return getLocale() === locale ? Promise.resolve() : setLocale(locale);
}

// One observer for every element on the page, attached only while some element listens.
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

function watchLangAttributes(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((notify) => notify()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

/**
 * Keeps `host.locale` equal to the resolved locale and the page's @lit/localize locale in step with it.
 * Requests an update whenever a `lang` attribute on the page changes the outcome.
 */
export class LocaleController implements ReactiveController {
  locale: Locale = 'en-CA';
  private stopWatching?: () => void;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    this.refresh();
    this.stopWatching = watchLangAttributes(() => this.refresh());
  }

  hostDisconnected(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  private refresh(): void {
    const next = resolveLocale(this.host);
    void setPageLocale(next);
    if (next !== this.locale) {
      this.locale = next;
      this.host.requestUpdate();
    }
  }
}
