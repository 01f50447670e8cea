import type {
  ApplyRequest,
  LicenseRequest,
  LookupBody,
  PurchaseBody,
  VerifyBody,
  TermsQuery,
  VerifyFormat,
} from '../model/index.js';
import { FlexitiRequestEvent } from './request-event.js';

/** `<flexiti-apply>` asks the host to POST /apply with `detail.request`. */
export class FlexitiApplyRequestEvent extends FlexitiRequestEvent<ApplyRequest, 'flexiti-apply-request'> {
  constructor(request: ApplyRequest) {
    super('flexiti-apply-request', request);
  }
}

/**
 * `<flexiti-apply>` asks the host to close the new Quebec account: `POST close-account` on the checkout with `{}`.
 * The checkout closes only the account its own approval opened, once, before a purchase.
 */
export class FlexitiCloseAccountRequestEvent extends FlexitiRequestEvent<
  Record<string, never>,
  'flexiti-close-account-request'
> {
  constructor(request: Record<string, never> = {}) {
    super('flexiti-close-account-request', request);
  }
}

/** `<flexiti-apply>` asks the host to decode a scanned licence (POST /customers/driverslicense). */
export class FlexitiLicenseRequestEvent extends FlexitiRequestEvent<LicenseRequest, 'flexiti-license-request'> {
  constructor(request: LicenseRequest) {
    super('flexiti-license-request', request);
  }
}

/**
 * `<flexiti-verify>` asks the host to `POST verify` on the checkout with `detail.request`
 * (`{format, security_qid?, security_answer?}`; the customer is the one the checkout's lookup bound).
 * The answer is `{status: 'code_sent', sent_to}` or `{status: 'verified'}`.
 */
export class FlexitiVerifyRequestEvent extends FlexitiRequestEvent<VerifyBody, 'flexiti-verify-request'> {
  constructor(request: VerifyBody) {
    super('flexiti-verify-request', request);
  }
}

/**
 * `<flexiti-verify>` asks the host to `POST purchase` on the checkout with `detail.request`: `{plan_id, term}` as
 * set on the element's `plan` (absent when none is set: the host adds them), and `verification_code` when the
 * customer typed the code they received by SMS or email. The answer is the contract's receipt.
 */
export class FlexitiPurchaseRequestEvent extends FlexitiRequestEvent<PurchaseBody, 'flexiti-purchase-request'> {
  constructor(request: PurchaseBody) {
    super('flexiti-purchase-request', request);
  }
}

/**
 * `<flexiti-lookup>` asks the host to find an existing customer: `POST lookup` on the checkout with
 * `detail.request` (`{vcc_number, lang}` or `{first_name, last_name, dob, postal_code?, lang}`). The answer is
 * the contract's `{security_qid, methods, offer_types}`.
 */
export class FlexitiLookupRequestEvent extends FlexitiRequestEvent<LookupBody, 'flexiti-lookup-request'> {
  constructor(request: LookupBody) {
    super('flexiti-lookup-request', request);
  }
}

/** `<flexiti-terms>` asks the host for the terms HTML (GET /terms-and-conditions?province&lang). */
export class FlexitiTermsRequestEvent extends FlexitiRequestEvent<TermsQuery, 'flexiti-terms-request'> {
  constructor(request: TermsQuery) {
    super('flexiti-terms-request', request);
  }
}

/** What `flexiti-verified` reports: how the customer proved who they are. Never a code or an answer. */
export interface VerifiedDetail {
  readonly format: VerifyFormat;
  /** Where the code went, for a code sent by SMS or email. */
  readonly sent_to?: 'sms' | 'email';
}

/**
 * `<flexiti-verify>`: the customer proved who they are (the security answer or override was accepted, or the
 * purchase accepted the code they typed). A notification; the purchase itself is `flexiti-purchase-request`.
 */
export class FlexitiVerifiedEvent extends Event {
  readonly detail: VerifiedDetail;
  constructor(detail: VerifiedDetail) {
    super('flexiti-verified', { bubbles: true, composed: true });
    this.detail = Object.freeze(
      detail.sent_to ? { format: detail.format, sent_to: detail.sent_to } : { format: detail.format },
    );
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'flexiti-apply-request': FlexitiApplyRequestEvent;
    'flexiti-close-account-request': FlexitiCloseAccountRequestEvent;
    'flexiti-license-request': FlexitiLicenseRequestEvent;
    'flexiti-verify-request': FlexitiVerifyRequestEvent;
    'flexiti-lookup-request': FlexitiLookupRequestEvent;
    'flexiti-purchase-request': FlexitiPurchaseRequestEvent;
    'flexiti-terms-request': FlexitiTermsRequestEvent;
    'flexiti-verified': FlexitiVerifiedEvent;
  }
}
