import { pageLocale, pageLocaleReady, renderedLocale } from './locale.js';

/** The package version, reported by `FlexitiElement.version` and in double-load warnings. */
export const VERSION = '0.1.0';

const registry = Symbol.for('flexiti-elements.registry');
type Registry = { version: string; warned: boolean };
const globalRegistry = globalThis as unknown as Record<symbol, Registry | undefined>;

/**
 * Registers `tag` unless it is already taken. A tag taken by another copy of flexiti-elements (a tag manager and
 * an app bundle on one page) is left as it is, with one warning for the page. On a French page the tag is
 * registered once the French messages are here: until then the element stays an empty unknown element rather
 * than render English first. Shared by every element's `define`, whatever its base class.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (typeof document !== 'undefined' && pageLocale() !== renderedLocale()) {
    void pageLocaleReady().then(() => defineNow(tag, constructor));
    return;
  }
  defineNow(tag, constructor);
}

function defineNow(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, constructor);
    globalRegistry[registry] ??= { version: VERSION, warned: false };
    return;
  }
  const state = globalRegistry[registry];
  if (existing !== constructor && state && !state.warned) {
    state.warned = true;
    console.warn(
      `flexiti-elements ${VERSION} was loaded twice on this page; the first copy (${state.version}) is kept. Load it once.`,
    );
  }
}
