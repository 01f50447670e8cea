import { OnDemand } from '../../internal/on-demand.js';

/**
 * `<flexiti-terms>`, apply's terms step, on demand (on-demand.ts): its define module registers the tag when it
 * arrives, and the element rendered before then upgrades in place, with what apply set on it.
 */
export const termsElement = new OnDemand(() => import('../../define/flexiti-terms.js'));
