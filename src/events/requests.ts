import type {
  ApplyRequest,
  CloseAccountRequest,
  LicenseRequest,
  LookupBody,
  TermsQuery,
  VerifyRequest,
} from '../model/index.js';
import { FlexitiRequestEvent } from './request-event.js';

/** `<flexiti-apply>` asks the host to POST /apply with `detail.request`. */
export class FlexitiApplyRequestEvent extends FlexitiRequestEvent<ApplyRequest, 'flexiti-apply-request'> {
  constructor(request: ApplyRequest) {
    super('flexiti-apply-request', request);
  }
}

/** `<flexiti-apply>` asks the host to close the new Quebec account (POST /customers/close-account). */
export class FlexitiCloseAccountRequestEvent extends FlexitiRequestEvent<CloseAccountRequest, 'flexiti-close-account-request'> {
  constructor(request: CloseAccountRequest) {
    super('flexiti-close-account-request', request);
  }
}

/** `<flexiti-apply>` asks the host to decode a scanned licence (POST /customers/driverslicense). */
export class FlexitiLicenseRequestEvent extends FlexitiRequestEvent<LicenseRequest, 'flexiti-license-request'> {
  constructor(request: LicenseRequest) {
    super('flexiti-license-request', request);
  }
}

/** `<flexiti-verify>` asks the host to POST /customers/{customer_id}/verify. */
export class FlexitiVerifyRequestEvent extends FlexitiRequestEvent<VerifyRequest & { customer_id: string }, 'flexiti-verify-request'> {
  constructor(request: VerifyRequest & { customer_id: string }) {
    super('flexiti-verify-request', request);
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

/** What `flexiti-verified` reports: the code the host posts the purchase with. */
export interface VerifiedDetail {
  customer_id: string;
  format: VerifyRequest['format'];
  verification_code: string;
}

/**
 * `<flexiti-verify>` finished: the host posts the purchase with `verification_code`. Answering through
 * `detail.respondWith(purchase)` is optional: `wrong_verification_code` brings the customer back to the code.
 */
export class FlexitiVerifiedEvent extends FlexitiRequestEvent<VerifiedDetail, 'flexiti-verified'> {
  declare readonly detail: VerifiedDetail & FlexitiRequestEvent<VerifiedDetail>['detail'];
  constructor(verified: VerifiedDetail) {
    super('flexiti-verified', verified, verified);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'flexiti-apply-request': FlexitiApplyRequestEvent;
    'flexiti-close-account-request': FlexitiCloseAccountRequestEvent;
    'flexiti-license-request': FlexitiLicenseRequestEvent;
    'flexiti-verify-request': FlexitiVerifyRequestEvent;
    'flexiti-lookup-request': FlexitiLookupRequestEvent;
    'flexiti-terms-request': FlexitiTermsRequestEvent;
    'flexiti-verified': FlexitiVerifiedEvent;
  }
}
