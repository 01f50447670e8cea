/**
 * Apply's screens after the form: the review, the outcomes and Quebec's keep-or-cancel choice. The first render
 * never shows them, so they are one chunk of their own that apply loads on demand (apply-screens-on-demand.ts):
 * nothing imports this module statically.
 *
 * Their imports keep the shared chunk whole (rolldown drops a dynamic chunk's claim on code its importers already
 * loaded one group of modules at a time, and gives up when a step would look circular; each case split a file off
 * the shared chunk, +1 kB gzip on every element's first download):
 * - lit's `html` from 'lit/html.js' (lit-html alone, as the promo dialog), not 'lit' (LitElement too);
 * - the error texts themselves (message-text-errors.ts, the error kit's), not error-texts.ts: the chunk brings them,
 *   and an error on these screens is always said in its own words.
 */
export { renderReview } from './apply-review.js';
export { renderOutcome } from './apply-outcomes.js';
export { QuebecChoice } from './apply-quebec.js';
