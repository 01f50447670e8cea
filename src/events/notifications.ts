import type { ApprovalResult, ErrorType, FlexitiApiError, LookupResult, PurchaseReceipt } from '../model/index.js';

/** Outcome statuses of an application. */
export type ResultStatus = 'approved' | 'declined' | 'pending' | 'exists' | 'cancelled';

/**
 * `<flexiti-apply>` reached an outcome. `response` is, for `approved` and `cancelled`, the approval
 * `{status, available_credit, credit_limit, debt_ratio?, offer_types, card_last4?, closable}` (never a card number,
 * account number or customer id); for `declined`, `pending` and `exists`, the typed error.
 */
export class FlexitiResultEvent<Response = ApprovalResult | FlexitiApiError> extends Event {
  readonly detail: { readonly status: ResultStatus; readonly response: Response };
  constructor(status: ResultStatus, response: Response) {
    super('flexiti-result', { bubbles: true, composed: true });
    this.detail = Object.freeze({ status, response });
  }
}

/** What a host may log about a failure: its category and code, never what the customer typed. */
export interface ErrorDetail {
  readonly type: ErrorType;
  readonly code: string;
  readonly status?: number;
  /** The element that met the failure, e.g. `flexiti-apply`. */
  readonly source: string;
}

/** A request failed or the element is misconfigured; for the host's logs. Carries no PII. */
export class FlexitiErrorEvent extends Event {
  readonly detail: ErrorDetail;
  constructor(detail: ErrorDetail) {
    super('flexiti-error', { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

/**
 * `<flexiti-lookup>` found the customer and bound them to the checkout. `detail` is the contract's lookup answer
 * `{security_qid, methods, offer_types}`, whitelisted: no name, address, card, account or customer number.
 * Give it to `<flexiti-verify>` as its `customer`, and `offer_types` to `<flexiti-plan-picker>` as its `offers`.
 */
export class FlexitiLookupResultEvent extends Event {
  readonly detail: LookupResult;
  constructor(result: LookupResult) {
    super('flexiti-lookup-result', { bubbles: true, composed: true });
    this.detail = result;
  }
}

/**
 * `<flexiti-verify>`'s purchase went through: `detail` is the contract's receipt, whitelisted (`status`,
 * `transaction_id`, `plan_id`, `plan_name?`, `term?`, `amount`, `payment_value?`, `apr?`, `card_last4?`).
 */
export class FlexitiPurchaseResultEvent extends Event {
  readonly detail: PurchaseReceipt;
  constructor(receipt: PurchaseReceipt) {
    super('flexiti-purchase-result', { bubbles: true, composed: true });
    this.detail = receipt;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'flexiti-result': FlexitiResultEvent;
    'flexiti-error': FlexitiErrorEvent;
    'flexiti-lookup-result': FlexitiLookupResultEvent;
    'flexiti-purchase-result': FlexitiPurchaseResultEvent;
  }
}
