import { OnDemand } from '../../internal/on-demand.js';

export type ApplyScreens = typeof import('./apply-screens.js');

/**
 * Apply's review, outcome and Quebec screens, on demand (on-demand.ts): the element preloads them at idle
 * (`preloadWhenIdle`) once its whole form is shown, and a submit waits for them before it shows the review.
 */
export const applyScreens = new OnDemand<ApplyScreens>(() => import('./apply-screens.js'));
