export { createSandbox, type Sandbox } from './sandbox.js';
export { quebecDebtRatio } from './routes/apply.js';
export {
  SANDBOX_CREDENTIALS,
  TRANSACTION_TYPES,
  type SandboxAccount,
  type SandboxOptions,
  type SandboxRequestRecord,
  type SandboxState,
  type SandboxToken,
  type SandboxTransaction,
  type TransactionType,
} from './state.js';
export {
  APPLY_PERSONAS,
  LICENSE_PERSONAS,
  MAX_APPROVED_CREDIT,
  MINIMUM_PAYMENT_RATE,
  PAYMENT_LIMIT_24H,
  SANDBOX_APPLICANT,
  SANDBOX_QUEBEC_APPLICANT,
  SANDBOX_SMS_CODE,
  SECURITY_QUESTION_LOCK_MS,
  SECURITY_QUESTION_MAX_TRIES,
  SEED_ACCOUNTS,
  type ApplyPersona,
  type SeedAccount,
} from './personas.js';
export {
  buildAamva,
  decodeAamva,
  CANADIAN_IINS,
  type AamvaElements,
  type DecodedLicense,
  type DecodeResult,
} from './aamva.js';
export {
  sandboxFormValues,
  sandboxOffers,
  SANDBOX_MERCHANT,
  type SandboxFormValues,
  type SandboxLang,
  type SandboxOffer,
} from './form-values.js';
export { sandboxTerms } from './terms.js';
