import { OnDemand } from '../../internal/on-demand.js';

export type ApplyScreens = typeof import('./apply-screens.js');

/**
 * Apply's review, outcome and Quebec screens, on demand (on-demand.ts): the element preloads them once its whole
 * form is shown, and a submit waits for them before it shows the review.
 */
export const applyScreens = new OnDemand<ApplyScreens>(() => import('./apply-screens.js'));

let preloadQueued = false;

/**
 * Starts loading the screens once the page is idle (once), so the download never competes with a first render:
 * the customer fills the form meanwhile, and the review opens at once. A failure waits for the submit's `load`.
 */
export function preloadApplyScreens(): void {
  if (preloadQueued) return;
  preloadQueued = true;
  const start = () => void applyScreens.load().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}
