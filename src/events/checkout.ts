import { FlexitiRequestEvent } from './request-event.js';

/** The steps of `<flexiti-checkout>`, as `flexiti-checkout-step` names them. */
export type CheckoutStepName = 'loading' | 'choose' | 'apply' | 'lookup' | 'plan' | 'verify' | 'receipt' | 'ended';

/**
 * Why a checkout ended without a purchase (the `ended` step): an application declined or pending, a Quebec account
 * cancelled, an account frozen or not activated, a purchase declined, a checkout expired (or unknown).
 */
export type CheckoutEnding =
  | 'declined'
  | 'pending'
  | 'cancelled'
  | 'frozen'
  | 'not_activated'
  /** The account was found, but its available credit doesn't cover this amount (said before any code). */
  | 'insufficient_credit'
  | 'purchase_declined'
  | 'expired';

/** What `flexiti-checkout-step` carries. No PII. */
export interface CheckoutStepDetail {
  readonly step: CheckoutStepName;
  /** The step's number in the indicator ("Step 2 of 4"); absent for `loading`, `receipt` and `ended`. */
  readonly index?: number;
  readonly total: number;
  /** For `ended`: why. */
  readonly ending?: CheckoutEnding;
}

/** `<flexiti-checkout>` shows a new step (the page may track the funnel with it). */
export class FlexitiCheckoutStepEvent extends Event {
  readonly detail: CheckoutStepDetail;
  constructor(detail: CheckoutStepDetail) {
    super('flexiti-checkout-step', { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

/** How a checkout finished: a purchase, or an outcome after which the customer pays another way. */
export type CheckoutCompleteStatus = 'purchased' | 'declined' | 'pending' | 'cancelled';

/** What `flexiti-checkout-complete` carries: no PII, no code. The merchant's server confirms with `getCheckout(id)`. */
export interface CheckoutCompleteDetail {
  /** The merchant's order id, when the checkout's answer or the `order-id` attribute gives it; else `''`. */
  readonly orderId: string;
  readonly status: CheckoutCompleteStatus;
  /** Flexiti's transaction id, for `purchased`. */
  readonly transaction_id?: string;
}

/**
 * `<flexiti-checkout>` is over: fired once. Never trust it for fulfilment: the page is the customer's; ask your
 * server (`flexiti.getCheckout(id)` or `onPurchase`).
 */
export class FlexitiCheckoutCompleteEvent extends Event {
  readonly detail: CheckoutCompleteDetail;
  constructor(detail: CheckoutCompleteDetail) {
    super('flexiti-checkout-complete', { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

/** `<flexiti-checkout>` asks the host for the checkout (`GET checkout`): amount, channel, status, receipt. */
export class FlexitiCheckoutRequestEvent extends FlexitiRequestEvent<
  Record<string, never>,
  'flexiti-checkout-request'
> {
  constructor() {
    super('flexiti-checkout-request', {});
  }
}

/** `<flexiti-checkout>` asks the host for the merchant's `form_values` (`GET form-values?lang=`), public. */
export class FlexitiFormValuesRequestEvent extends FlexitiRequestEvent<
  { lang: 'en' | 'fr' },
  'flexiti-form-values-request'
> {
  constructor(request: { lang: 'en' | 'fr' }) {
    super('flexiti-form-values-request', request);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'flexiti-checkout-step': FlexitiCheckoutStepEvent;
    'flexiti-checkout-complete': FlexitiCheckoutCompleteEvent;
    'flexiti-checkout-request': FlexitiCheckoutRequestEvent;
    'flexiti-form-values-request': FlexitiFormValuesRequestEvent;
  }
}
