import { OnDemand } from '../../internal/on-demand.js';

export type PickerEstimates = typeof import('./plan-picker-estimates.js');

/**
 * The chosen plan's estimates, on demand (on-demand.ts): the picker's first render lists plans only. It preloads
 * them once plans are shown; a render of a chosen plan's terms shows them once they are here.
 */
export const pickerEstimates = new OnDemand<PickerEstimates>(() => import('./plan-picker-estimates.js'));
