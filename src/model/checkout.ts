/**
 * What the browser sends to and reads from the merchant's handler on a checkout session (docs/checkout-sessions.md).
 * Every reader here is a whitelist: it keeps only what the contract's answer has, so a host that passes the raw
 * POS API answer through `respondWith` (card number, account number, customer id, address…) still puts none of
 * it into an element's state or events.
 */
import { VERIFICATION_SENT, VERIFY_FORMATS, type OfferType, type VerifyFormat } from './schemas.js';
import {
  ReadFailure,
  amount,
  array,
  boolean,
  id,
  object,
  offerType,
  oneOf,
  optional,
  string,
  term,
  unknown,
  withDefault,
  matching,
} from './read.js';

/** One of the customer's security questions: its id and its text in the checkout's language. */
export interface SecurityQuestion {
  id: string;
  text: string;
}

const securityQuestion = object({ id, text: string });
const orNone = <T>(value: T | ReadFailure): T | undefined => (value instanceof ReadFailure ? undefined : value);

/** The contract's `POST lookup` body: by card, or by name and date of birth (postal code optional). */
export type LookupBody =
  | { vcc_number: string; lang?: 'en' | 'fr' }
  | { first_name: string; last_name: string; dob: string; postal_code?: string; lang?: 'en' | 'fr' };

/**
 * What `<flexiti-lookup>` reports and `<flexiti-verify>` takes: the contract's lookup answer. No personal
 * information: security question texts, the verification methods this checkout offers this customer, and the
 * plans they may use for the checkout's amount.
 */
export interface LookupResult {
  readonly security_qid: readonly SecurityQuestion[];
  readonly methods: readonly VerifyFormat[];
  readonly offer_types: readonly OfferType[];
  /**
   * Whether this customer's available credit covers this checkout's amount (the handler says so; never the credit
   * itself). Absent when unknown.
   */
  readonly can_pay?: boolean;
}

const lookupAnswer = object({
  security_qid: withDefault(array(securityQuestion), () => []),
  methods: optional(array(unknown)),
  offer_types: withDefault(array(offerType), () => []),
  can_pay: optional(boolean),
});

/** Known methods in the contract's order, each once. */
export function readMethods(value: unknown): VerifyFormat[] {
  const list = Array.isArray(value) ? value : [];
  return VERIFY_FORMATS.filter((format) => list.includes(format));
}

/**
 * Reads a lookup answer into a {@link LookupResult}, or `undefined` when it isn't one. Without `methods` (a host
 * passing the raw API answer), the customer may verify by SMS, email and, with questions on file, a security
 * question; never by merchant override, which only the handler can allow.
 */
export function toLookupResult(data: unknown): LookupResult | undefined {
  const parsed = orNone(lookupAnswer(data));
  if (!parsed) return undefined;
  const { security_qid, offer_types, methods, can_pay } = parsed;
  const questions = security_qid.map(({ id, text }) => Object.freeze({ id, text }));
  const offered: VerifyFormat[] =
    methods === undefined
      ? ['sms', 'email', ...(questions.length > 0 ? (['security_question'] as const) : [])]
      : readMethods(methods);
  return Object.freeze({
    security_qid: Object.freeze(questions),
    methods: Object.freeze(offered.filter((method) => method !== 'security_question' || questions.length > 0)),
    offer_types: Object.freeze(
      offer_types.map((offer) =>
        Object.freeze({ ...offer, term_options: Object.freeze([...offer.term_options]) as number[] }),
      ),
    ),
    ...(can_pay !== undefined ? { can_pay } : {}),
  });
}

/**
 * The contract's `POST apply` approval, as `<flexiti-apply>` shows it and reports it in `flexiti-result`:
 * the amounts, Quebec's debt ratio, the plans, the card's last four digits, and whether the customer may still
 * cancel the new account. Never the card number, account number or customer id.
 */
export interface ApprovalResult {
  readonly status: 'approved';
  readonly available_credit: number;
  readonly credit_limit: number;
  readonly debt_ratio?: number;
  readonly offer_types: readonly OfferType[];
  readonly card_last4?: string;
  /** A Quebec approval this checkout opened: the customer may cancel it once, before a purchase. */
  readonly closable: boolean;
}

const approvalAnswer = object({
  available_credit: amount,
  credit_limit: amount,
  debt_ratio: optional(amount),
  offer_types: withDefault(array(offerType), () => []),
  card_last4: optional(string),
  /** The raw API answer's card number: only its last four digits are kept. */
  vcc_number: optional(id),
  closable: optional(boolean),
});

/**
 * Reads an approval (the contract's answer, or the raw POS API answer a host passed through) into an
 * {@link ApprovalResult}, or `undefined`. `closable` defaults to "has a debt ratio" (Quebec) when absent.
 */
export function toApprovalResult(data: unknown): ApprovalResult | undefined {
  const parsed = orNone(approvalAnswer(data));
  if (!parsed) return undefined;
  const { available_credit, credit_limit, debt_ratio, offer_types, card_last4, vcc_number, closable } = parsed;
  const last4 = /^\d{4}$/.test(card_last4 ?? '')
    ? card_last4
    : vcc_number && /^\d{8,19}$/.test(vcc_number)
      ? vcc_number.slice(-4)
      : undefined;
  return Object.freeze({
    status: 'approved' as const,
    available_credit,
    credit_limit,
    ...(debt_ratio !== undefined ? { debt_ratio } : {}),
    offer_types: Object.freeze(offer_types.map((offer) => Object.freeze({ ...offer }))),
    ...(last4 ? { card_last4: last4 } : {}),
    closable: closable ?? debt_ratio !== undefined,
  });
}

/**
 * The contract's `POST verify` body. The customer is the one the checkout's lookup bound: there is no
 * `customer_id` (the handler refuses one).
 */
export interface VerifyBody {
  format: VerifyFormat;
  security_qid?: string;
  security_answer?: string;
}

/** The contract's `POST verify` answer: a code went to the customer, or the step succeeded on the server. */
export type VerifyAnswer = { status: 'code_sent'; sent_to: 'sms' | 'email' } | { status: 'verified' };

const codeSent = object({ status: oneOf(['code_sent']), sent_to: oneOf(['sms', 'email']) });
const verified = object({ status: oneOf(['verified']) });

/**
 * Reads a verify answer; anything else is `undefined`. The raw POS API's "code sent" answers
 * (`{verification_code: 'verification_sent_to_sms' | 'verification_sent_to_email'}`) read as `code_sent`; a code
 * in an answer (override, security question) is never read: the checkout keeps it on the server.
 */
export function toVerifyAnswer(data: unknown): VerifyAnswer | undefined {
  const sentTo = orNone(codeSent(data))?.sent_to;
  if (sentTo) return { status: 'code_sent', sent_to: sentTo };
  if (orNone(verified(data))) return { status: 'verified' };
  const sent = (data as { verification_code?: unknown } | null)?.verification_code;
  if (sent === VERIFICATION_SENT.sms) return { status: 'code_sent', sent_to: 'sms' };
  if (sent === VERIFICATION_SENT.email) return { status: 'code_sent', sent_to: 'email' };
  return undefined;
}

/** The contract's `POST purchase` body. The amount is the checkout's, never the browser's. */
export interface PurchaseBody {
  plan_id?: string;
  term?: number;
  /** The code the customer received by SMS or email; absent after a security question or override. */
  verification_code?: string;
}

/** The contract's purchase receipt: what a receipt shows. No account or card number beyond the last four digits. */
export interface PurchaseReceipt {
  readonly status: 'purchased';
  readonly transaction_id: string;
  readonly plan_id: string;
  readonly plan_name?: string;
  readonly term?: number;
  readonly amount: number;
  readonly payment_value?: number;
  readonly apr?: number;
  readonly card_last4?: string;
}

const receipt = object({
  status: oneOf(['purchased']),
  transaction_id: id,
  plan_id: id,
  plan_name: optional(string),
  term: optional(term),
  amount,
  payment_value: optional(amount),
  apr: optional(amount),
  card_last4: optional(matching(/^\d{4}$/)),
});

/** Reads a purchase receipt (whitelisted), or `undefined`. */
export function toPurchaseReceipt(data: unknown): PurchaseReceipt | undefined {
  const parsed = orNone(receipt(data));
  if (!parsed) return undefined;
  const { term, plan_name, payment_value, apr, card_last4, ...rest } = parsed;
  return Object.freeze({
    ...rest,
    ...(plan_name !== undefined ? { plan_name } : {}),
    ...(term !== undefined ? { term } : {}),
    ...(payment_value !== undefined ? { payment_value } : {}),
    ...(apr !== undefined ? { apr } : {}),
    ...(card_last4 !== undefined ? { card_last4 } : {}),
  });
}
