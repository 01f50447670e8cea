// Everything: the element classes, their events, the model, and registration of every tag.
import './define/flexiti-apply.js';
import './define/flexiti-terms.js';
import './define/flexiti-verify.js';
import './define/flexiti-plan-picker.js';
import './define/flexiti-lookup.js';
import './define/flexiti-promo.js';
import './define/flexiti-checkout.js';

export * from './events/index.js';
export * from './model/browser.js';
export { FlexitiElement, VERSION } from './internal/flexiti-element.js';
export { setLocale } from './internal/locale.js';
export { messageText, errorText } from './internal/message-text-all.js';
export { FlexitiApply } from './components/apply/apply.js';
export { FlexitiTerms, type TermsStatus } from './components/terms/terms.js';
export { FlexitiVerify, type VerifyStep } from './components/verify/verify.js';
export { FlexitiLookup, type LookupBy, type LookupField } from './components/lookup/lookup.js';
export { FlexitiCheckout } from './components/checkout/checkout.js';
export { FlexitiPlanPicker, REGULAR_PURCHASE_PLAN_ID, type PlanChoice } from './components/plan-picker/plan-picker.js';
export { FlexitiPromo } from './components/promo/promo.js';
