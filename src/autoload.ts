// The autoloading CDN entry (dist/cdn/flexiti-autoload.js): one script tag for pages without a build that
// downloads only the elements the page uses. It registers nothing itself: each flexiti tag found in the document
// (at start, and added later, seen by a MutationObserver) imports its define module once, the same file a page
// with that one element loads (`flexiti-apply.js`…), so it shares their chunks. What it exports is what a page's
// own script needs beside the tags, and nothing heavier.
import { OnDemand } from './internal/on-demand.js';

export { connect, loadFormValues, type ConnectOptions } from './connect/index.js';
export { setLocale } from './internal/locale.js';
export { VERSION } from './internal/define.js';
// Types only: the tag map and the event map for a page's typed script, with no code.
export type { FlexitiApply } from './components/apply/apply.js';
export type { FlexitiCheckout } from './components/checkout/checkout.js';
export type { FlexitiLookup } from './components/lookup/lookup.js';
export type { FlexitiPlanPicker } from './components/plan-picker/plan-picker.js';
export type { FlexitiPromo } from './components/promo/promo.js';
export type { FlexitiTerms } from './components/terms/terms.js';
export type { FlexitiVerify } from './components/verify/verify.js';
export type * from './events/index.js';

type FlexitiTag = Extract<keyof HTMLElementTagNameMap, `flexiti-${string}`>;

/** Every tag and its define module: a tag missing here fails the type check. */
const defineModules: Record<FlexitiTag, () => Promise<unknown>> = {
  'flexiti-apply': () => import('./define/flexiti-apply.js'),
  'flexiti-checkout': () => import('./define/flexiti-checkout.js'),
  'flexiti-lookup': () => import('./define/flexiti-lookup.js'),
  'flexiti-plan-picker': () => import('./define/flexiti-plan-picker.js'),
  'flexiti-promo': () => import('./define/flexiti-promo.js'),
  'flexiti-terms': () => import('./define/flexiti-terms.js'),
  'flexiti-verify': () => import('./define/flexiti-verify.js'),
};

/** One download per tag; after a failed one, the next element with that tag (or `discover`) tries again. */
const definitions = new Map(
  Object.entries(defineModules).map(([tag, importModule]) => [
    tag,
    new OnDemand(() =>
      importModule().catch((failure: unknown) => {
        console.warn(
          `flexiti-elements: <${tag}> could not be loaded; it is tried again when another one is added or discover() is called.`,
          failure,
        );
        throw failure;
      }),
    ),
  ]),
);

/** The tags still to load whose elements are under `root` (`root` itself included), not yet defined. */
function undefinedTagsIn(root: ParentNode): string[] {
  const waiting = [...definitions].filter(([, definition]) => !definition.loaded).map(([tag]) => tag);
  if (waiting.length === 0) return [];
  const selector = waiting.map((tag) => `${tag}:not(:defined)`).join(',');
  const found = new Set([...root.querySelectorAll(selector)].map((element) => element.localName));
  if (root instanceof Element && root.matches(selector)) found.add(root.localName);
  return [...found];
}

/** Loads the tags' define modules (each once) and resolves when the tags are registered. */
function load(tags: string[]): Promise<void> {
  return Promise.all(
    tags.map((tag) =>
      definitions
        .get(tag)!
        .load()
        .then(() => customElements.whenDefined(tag)),
    ),
  ).then(() => undefined);
}

// Sees what the page adds to the document and to the roots given to `discover`; stops once every tag is loaded.
const observer =
  typeof MutationObserver === 'undefined'
    ? undefined
    : new MutationObserver((records) => {
        const tags = new Set(
          records.flatMap((record) =>
            [...record.addedNodes].flatMap((node) => (node instanceof Element ? undefinedTagsIn(node) : [])),
          ),
        );
        // Failures are warned about where they happen; the next element or discover() tries again.
        load([...tags]).catch(() => undefined);
        if ([...definitions.values()].every((definition) => definition.loaded)) observer?.disconnect();
      });

/**
 * Loads the flexiti elements under `root` and watches it for more: for a shadow root of the page's own (a
 * framework component's), which the document's watch cannot see into. Resolves when the tags found are
 * registered; rejects when one could not be downloaded (also warned on the console), and the next call tries
 * again.
 *
 * ```js
 * import { discover } from 'https://cdn.example/flexiti-elements/dist/cdn/flexiti-autoload.js';
 * await discover(this.shadowRoot);
 * ```
 */
export function discover(root: Document | Element | DocumentFragment): Promise<void> {
  observer?.observe(root, { childList: true, subtree: true });
  return load(undefinedTagsIn(root));
}

// In a browser, the document from now on (in Node, for server-side rendering, nothing).
if (typeof document !== 'undefined') discover(document).catch(() => undefined);
