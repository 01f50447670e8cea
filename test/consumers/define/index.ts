// One element, the smaller-bundle path: only its define module is imported, never the root.
import 'flexiti-elements/define/flexiti-plan-picker.js';
import { FlexitiVerify } from 'flexiti-elements/define/flexiti-verify.js';
import 'flexiti-elements/define/flexiti-lookup';
import { FlexitiCheckout } from 'flexiti-elements/define/flexiti-checkout.js';

const picker = document.createElement('flexiti-plan-picker');
picker.amount = 1299.99;
// @ts-expect-error amount is a number
picker.amount = 'a lot';
picker.addEventListener('flexiti-error', (event) => event.detail.code);

const verify: FlexitiVerify = document.createElement('flexiti-verify');
verify.addEventListener('flexiti-verified', (event) => event.detail);

const lookup = document.createElement('flexiti-lookup');
lookup.addEventListener('flexiti-error', (event) => event.detail.code);

// The whole journey in one tag, through its own define module.
const checkout: FlexitiCheckout = document.createElement('flexiti-checkout');
checkout.addEventListener('flexiti-checkout-complete', (event) => event.detail.status);

export { picker, verify, lookup, checkout };
