/**
 * Every error code the POS API documents (seeds 000, 001, 003), Finix's codes and failure codes (seed 002),
 * codes seen in the Flexiti docs (`tries_exceed`, `sms_not_valid_phone`, `wrong_input(s)`) and our local codes:
 * what kind of error it is, the field it belongs to and whether retrying the same request can help. Keys are the
 * codes as the API sends them (Finix's in upper case); the customer-facing text of each is the message key
 * `api.<code>`, through `msg()` in the elements (src/internal/message-texts.ts), so both languages live in the XLIFF.
 */

import { LOCAL_ERRORS } from './local-errors.js';

/** Every kind of error; each has its own message key `error.<type>`. */
export const ERROR_TYPES = [
  'validation',
  'declined',
  'pending',
  'exists',
  'conflict',
  'auth',
  'not_found',
  'rate_limited',
  'server',
  'network',
  'implementation',
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

export interface CatalogueEntry {
  readonly type: ErrorType;
  /** The field the error belongs to (our field name), when it names one. */
  readonly field?: string;
  /** Whether sending the same request again may succeed. */
  readonly retryable: boolean;
}

const storeSetup = (): CatalogueEntry => ({
  type: 'implementation',
  retryable: false,
});

const storeAuth = (retryable = false): CatalogueEntry => ({
  type: 'auth',
  retryable,
});

const DECLINED_APPLICATION: CatalogueEntry = {
  type: 'declined',
  retryable: false,
};

const PENDING_APPLICATION: CatalogueEntry = {
  type: 'pending',
  retryable: false,
};

const WRONG_INPUT: CatalogueEntry = {
  type: 'validation',
  retryable: false,
};

const NOT_FOUND: CatalogueEntry = {
  type: 'not_found',
  retryable: false,
};

const SERVER_ERROR: CatalogueEntry = {
  type: 'server',
  retryable: true,
};

const CARD_DECLINED: CatalogueEntry = {
  type: 'declined',
  retryable: false,
};

const NOT_ABLE_TO_PURCHASE: CatalogueEntry = {
  type: 'conflict',
  retryable: false,
};

export const ERROR_CATALOGUE: Readonly<Record<string, CatalogueEntry>> = {
  // ── Authentication and store setup (seeds 000, 001, 003) ──
  invalid_token: storeAuth(true),
  invalid_credentials: storeAuth(),
  invalid_client: storeAuth(),
  invalid_request: storeAuth(),
  unauthorized: storeAuth(),
  authentication_failure: storeAuth(),
  insufficient_scope: storeAuth(),
  invalid_role: storeSetup(),
  external_location_id_not_found: storeSetup(),
  account_type_not_permitted: storeSetup(),
  auth_not_allowed: storeSetup(),
  plan_term_not_set: storeSetup(),
  invalid_transaction_type: storeSetup(),
  merchant_override_is_not_allowed: {
    type: 'implementation',
    retryable: false,
  },

  // ── Credit application ──
  tos_agreement_required: {
    type: 'validation',
    field: 'tos_agreement',
    retryable: false,
  },
  customer_already_exists: {
    type: 'exists',
    retryable: false,
  },
  application_declined: DECLINED_APPLICATION,
  application_declined_2: DECLINED_APPLICATION,
  application_declined_3: DECLINED_APPLICATION,
  application_marked_pending_1: PENDING_APPLICATION,
  application_marked_pending_2: PENDING_APPLICATION,
  creditapp_id_not_found: {
    type: 'not_found',
    retryable: false,
  },
  application_create_error: {
    // A third-party timeout: the application may or may not exist, so a blind retry could apply twice.
    type: 'server',
    retryable: false,
  },

  // ── Customers and verification ──
  not_found: NOT_FOUND,
  invalid_account: {
    type: 'not_found',
    retryable: false,
  },
  customer_identity_not_found: {
    type: 'not_found',
    retryable: false,
  },
  no_returns_found: {
    type: 'not_found',
    retryable: false,
  },
  user_not_active: {
    type: 'conflict',
    retryable: false,
  },
  user_not_able_to_purchase: NOT_ABLE_TO_PURCHASE,
  user_not_able_to_preaut: {
    type: 'conflict',
    retryable: false,
  },
  secret_answer_mismatch: {
    type: 'validation',
    field: 'security_answer',
    retryable: false,
  },
  piw_mismatch: {
    type: 'validation',
    field: 'piw',
    retryable: false,
  },
  tries_exceed: {
    type: 'conflict',
    retryable: false,
  },
  sms_not_valid_phone: {
    type: 'validation',
    retryable: false,
  },
  wrong_verification_code: {
    type: 'validation',
    field: 'verification_code',
    retryable: false,
  },
  verification_code_required: {
    type: 'validation',
    field: 'verification_code',
    retryable: false,
  },
  not_verified: {
    type: 'conflict',
    retryable: false,
  },
  "Driver License's not supported": {
    type: 'validation',
    field: 'code',
    retryable: false,
  },
  vcc_account_mismatch: {
    type: 'validation',
    field: 'vcc_number',
    retryable: false,
  },
  wrong_input: WRONG_INPUT,
  wrong_inputs: WRONG_INPUT,

  // ── Transactions ──
  not_enough_credit: {
    type: 'declined',
    retryable: false,
  },
  credit_exceeded: {
    type: 'declined',
    retryable: false,
  },
  limit_payment_amount_24: {
    type: 'declined',
    retryable: false,
  },
  refunds_limit_exceeded_amount: {
    type: 'declined',
    retryable: false,
  },
  plan_term_not_available: {
    type: 'validation',
    retryable: false,
  },
  general_error: SERVER_ERROR,

  // ── Finix (seed 002): codes and failure codes, as sent ──
  BAD_REQUEST: storeSetup(),
  UNKNOWN: storeAuth(),
  UPSTREAM_PROCESSOR_ERROR: SERVER_ERROR,
  DECLINED: CARD_DECLINED,
  GENERIC_DECLINE: CARD_DECLINED,
  FORBIDDEN: storeAuth(),
  NOT_FOUND: {
    type: 'not_found',
    retryable: false,
  },
  METHOD_NOT_ALLOWED: storeSetup(),
  NOT_ACCEPTABLE: storeSetup(),
  CONFLICT: {
    type: 'conflict',
    retryable: false,
  },
  UNPROCESSABLE_ENTITY: {
    type: 'conflict',
    retryable: false,
  },
  INVALID_FIELD: WRONG_INPUT,
  TOO_MANY_REQUESTS: {
    type: 'rate_limited',
    retryable: true,
  },
  SERVER_ERROR: SERVER_ERROR,

  // ── Checkout sessions (docs/checkout-sessions.md): answered by the merchant's handler, not by Flexiti ──
  checkout_required: storeSetup(),
  checkout_not_found: {
    type: 'auth',
    retryable: false,
  },
  checkout_expired: {
    type: 'auth',
    retryable: false,
  },
  origin_not_allowed: storeSetup(),
  method_not_allowed: {
    type: 'conflict',
    retryable: false,
  },
  customer_not_bound: {
    type: 'conflict',
    retryable: false,
  },
  verification_required: {
    type: 'conflict',
    retryable: false,
  },
  checkout_completed: {
    type: 'conflict',
    retryable: false,
  },
  not_closable: {
    type: 'conflict',
    retryable: false,
  },
  plan_not_offered: {
    type: 'validation',
    field: 'plan_id',
    retryable: false,
  },
  verification_void: {
    type: 'conflict',
    retryable: false,
  },
  already_applied: {
    type: 'conflict',
    retryable: false,
  },
  purchase_in_progress: {
    type: 'conflict',
    retryable: true,
  },
  bad_request: storeSetup(),
  payload_too_large: storeSetup(),
  too_many_attempts: {
    type: 'rate_limited',
    retryable: true,
  },

  // ── Local: produced by the elements and the server, not by the API ──
  ...LOCAL_ERRORS,
};

// Codes documented as sentences (seed 001 lists the 403 as its message).
const CODE_ALIASES: Record<string, string> = {
  'insufficient scope: authorized scope is insufficient': 'insufficient_scope',
};

/** The catalogue key for a code as sent: exact first (Finix's `UNKNOWN` ≠ our `unknown`), then lower case. */
export function catalogueKey(code: string): string | undefined {
  if (Object.hasOwn(ERROR_CATALOGUE, code)) return code;
  const lower = code.trim().toLowerCase();
  if (Object.hasOwn(ERROR_CATALOGUE, lower)) return lower;
  if (Object.hasOwn(CODE_ALIASES, lower)) return CODE_ALIASES[lower];
  const match = Object.keys(ERROR_CATALOGUE).find((key) => key.toLowerCase() === lower);
  return match;
}

export function catalogueEntry(code: string): CatalogueEntry | undefined {
  const key = catalogueKey(code);
  return key === undefined ? undefined : ERROR_CATALOGUE[key];
}
