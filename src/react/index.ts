// `flexiti-elements/react`: React components for the elements, for React 18 and older, which set
// everything as attributes and cannot listen to custom events. React 19 needs none of this: it sets
// properties and listens to `on<event-name>` props on custom elements natively.
// Importing this module registers the tags (guarded, like every define module).
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { FlexitiApply as FlexitiApplyElement } from '../components/apply/apply.js';
import { FlexitiPlanPicker as FlexitiPlanPickerElement } from '../components/plan-picker/plan-picker.js';
import { FlexitiPromo as FlexitiPromoElement } from '../components/promo/promo.js';
import { FlexitiTerms as FlexitiTermsElement } from '../components/terms/terms.js';
import { FlexitiVerify as FlexitiVerifyElement } from '../components/verify/verify.js';
import { FlexitiLookup as FlexitiLookupElement } from '../components/lookup/lookup.js';
import { FlexitiCheckout as FlexitiCheckoutElement } from '../components/checkout/checkout.js';
import type { FlexitiCheckoutCompleteEvent, FlexitiCheckoutStepEvent } from '../events/checkout.js';
import type {
  FlexitiErrorEvent,
  FlexitiLookupResultEvent,
  FlexitiPurchaseResultEvent,
  FlexitiResultEvent,
} from '../events/notifications.js';
import type {
  FlexitiApplyRequestEvent,
  FlexitiCloseAccountRequestEvent,
  FlexitiLicenseRequestEvent,
  FlexitiLookupRequestEvent,
  FlexitiPurchaseRequestEvent,
  FlexitiTermsRequestEvent,
  FlexitiVerifiedEvent,
  FlexitiVerifyRequestEvent,
} from '../events/requests.js';
import type { FlexitiTermsChangeEvent } from '../events/terms-change.js';
import '../define/flexiti-apply.js';
import '../define/flexiti-plan-picker.js';
import '../define/flexiti-promo.js';
import '../define/flexiti-terms.js';
import '../define/flexiti-verify.js';
import '../define/flexiti-lookup.js';
import '../define/flexiti-checkout.js';

const errorEvent = { onFlexitiError: 'flexiti-error' as EventName<FlexitiErrorEvent> };

/** `<flexiti-apply>`: `formValues`, `prefill`, `amount`, `province`, `strictPhone` as props. */
export const FlexitiApply = createComponent({
  react: React,
  tagName: 'flexiti-apply',
  elementClass: FlexitiApplyElement,
  displayName: 'FlexitiApply',
  events: {
    onFlexitiApplyRequest: 'flexiti-apply-request' as EventName<FlexitiApplyRequestEvent>,
    onFlexitiCloseAccountRequest: 'flexiti-close-account-request' as EventName<FlexitiCloseAccountRequestEvent>,
    onFlexitiLicenseRequest: 'flexiti-license-request' as EventName<FlexitiLicenseRequestEvent>,
    onFlexitiTermsRequest: 'flexiti-terms-request' as EventName<FlexitiTermsRequestEvent>,
    onFlexitiResult: 'flexiti-result' as EventName<FlexitiResultEvent>,
    ...errorEvent,
  },
});

/** `<flexiti-plan-picker>`: `offers`, `amount`, `allowRegular`, `value`… as props; `onChange` reads `value`. */
export const FlexitiPlanPicker = createComponent({
  react: React,
  tagName: 'flexiti-plan-picker',
  elementClass: FlexitiPlanPickerElement,
  displayName: 'FlexitiPlanPicker',
  events: { onChange: 'change' as EventName<Event>, ...errorEvent },
});

/** `<flexiti-promo>`: `amount`, `offers` or `endpoint`, `minAmount`, `maxAmount`, `rates`, `variant` as props. */
export const FlexitiPromo = createComponent({
  react: React,
  tagName: 'flexiti-promo',
  elementClass: FlexitiPromoElement,
  displayName: 'FlexitiPromo',
  events: errorEvent,
});

/** `<flexiti-terms>`: `province`, `termsLang`, `required`… as props; `onChange` carries the consent. */
export const FlexitiTerms = createComponent({
  react: React,
  tagName: 'flexiti-terms',
  elementClass: FlexitiTermsElement,
  displayName: 'FlexitiTerms',
  events: {
    onFlexitiTermsRequest: 'flexiti-terms-request' as EventName<FlexitiTermsRequestEvent>,
    onChange: 'change' as EventName<FlexitiTermsChangeEvent>,
    ...errorEvent,
  },
});

/** `<flexiti-verify>`: `customer`, `plan`, `formats`, `resendCooldown` as props. */
export const FlexitiVerify = createComponent({
  react: React,
  tagName: 'flexiti-verify',
  elementClass: FlexitiVerifyElement,
  displayName: 'FlexitiVerify',
  events: {
    onFlexitiVerifyRequest: 'flexiti-verify-request' as EventName<FlexitiVerifyRequestEvent>,
    onFlexitiPurchaseRequest: 'flexiti-purchase-request' as EventName<FlexitiPurchaseRequestEvent>,
    onFlexitiVerified: 'flexiti-verified' as EventName<FlexitiVerifiedEvent>,
    onFlexitiPurchaseResult: 'flexiti-purchase-result' as EventName<FlexitiPurchaseResultEvent>,
    ...errorEvent,
  },
});

/** `<flexiti-lookup>`: `by` as a prop; `onFlexitiLookupResult` carries what `FlexitiVerify`'s `customer` takes. */
export const FlexitiLookup = createComponent({
  react: React,
  tagName: 'flexiti-lookup',
  elementClass: FlexitiLookupElement,
  displayName: 'FlexitiLookup',
  events: {
    onFlexitiLookupRequest: 'flexiti-lookup-request' as EventName<FlexitiLookupRequestEvent>,
    onFlexitiLookupResult: 'flexiti-lookup-result' as EventName<FlexitiLookupResultEvent>,
    ...errorEvent,
  },
});

/** `<flexiti-checkout>`: `checkout`, `endpoint`, `orderId`, `prefill` as props; the whole journey in one component. */
export const FlexitiCheckout = createComponent({
  react: React,
  tagName: 'flexiti-checkout',
  elementClass: FlexitiCheckoutElement,
  displayName: 'FlexitiCheckout',
  events: {
    onFlexitiCheckoutStep: 'flexiti-checkout-step' as EventName<FlexitiCheckoutStepEvent>,
    onFlexitiCheckoutComplete: 'flexiti-checkout-complete' as EventName<FlexitiCheckoutCompleteEvent>,
    ...errorEvent,
  },
});
