import { FlexitiCheckout } from '../components/checkout/checkout.js';
// The steps' elements: defining the checkout defines them too (each guarded).
import './flexiti-apply.js';
import './flexiti-lookup.js';
import './flexiti-plan-picker.js';
import './flexiti-verify.js';

FlexitiCheckout.define('flexiti-checkout');
