import { FlexitiCheckout } from '../components/checkout/checkout.js';
// The steps' elements: defining the checkout defines them too (each guarded).
import './flexiti-apply.js';
import './flexiti-lookup.js';
import './flexiti-plan-picker.js';
import './flexiti-verify.js';

FlexitiCheckout.define('flexiti-checkout');

// Re-exported so this module's declaration file loads the class's (the tag map) and the events' (the event map).
export { FlexitiCheckout };
export type * from '../events/index.js';
