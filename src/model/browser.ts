/**
 * The model as the elements and the CDN bundle export it: POS API types, Canadian validators, message keys (the
 * elements give them text in the page's language), the one language rule, the API error reader, and the checkout
 * readers. No zod schemas: the elements read API shapes
 * with read.ts, and `flexiti-elements/model` (index.ts) adds the schemas for servers and bundlers.
 */
export type { MessageKey, FieldMessage } from './messages.js';
export type { Locale } from './locale.js';
export { LOCALES, normalizeLocale, apiLang, type ApiLang } from './locale.js';

export type { Validation, PhoneOptions, NameOptions } from './validators.js';
export {
  validateName,
  validateText,
  validateSin,
  validatePostalCode,
  validatePhone,
  validateEmail,
  validateDate,
  validateDob,
  validateGovIdExpiry,
  validateMoney,
  validateVerificationCode,
  validateCardNumber,
  normalizeVerificationCode,
  isBlank,
} from './validators.js';
export type { IsoDate } from './dates.js';
export { todayLocal, parseIsoDate, normalizeDateInput, compareIsoDates, ageOn } from './dates.js';
export type { ProvinceCode } from './provinces.js';
export { PROVINCES, majorityAge, provincesForPostalCode, normalizeProvince } from './provinces.js';

export { VERIFY_FORMATS, VERIFICATION_SENT } from './schemas.js';
export type {
  VerifyFormat,
  OptionMap,
  OfferType,
  OfferTypeInput,
  FormValues,
  FormValuesInput,
  OAuthTokenRequest,
  OAuthTokenResponse,
  OAuthError,
  MerchantLoginRequest,
  MerchantLoginResponse,
  TermsQuery,
  ApplyResponse,
  LookupQuery,
  LookupResponse,
  VerifyRequest,
  VerifyResponse,
  CustomerTransaction,
  CustomerTransactionsResponse,
  SearchQuery,
  SearchAccount,
  SearchResponse,
  LicenseRequest,
  LicenseResponse,
  CloseAccountRequest,
  CloseAccountResponse,
  TransactionRequest,
  AccountAvs,
  PurchaseTransactionResponse,
  PaymentTransactionResponse,
  TransactionResponse,
  FlexitiErrorBody,
  FinixErrorBody,
} from './schemas.js';

export type {
  ApplyField,
  ApplyFieldKind,
  ApplyFieldName,
  ApplyFormOptions,
  ApplyFormResult,
  ApiFieldError,
} from './apply.js';
export { APPLY_FIELDS, APPLY_FIELD_NAMES, GOVID_FIELDS, INPUT_TYPES, validateApplyForm } from './apply.js';
export type { ApplyRequest } from './apply.js';
export type { ApplyPrefill } from './fields.js';

export type { ErrorType, FlexitiApiError, LocalErrorCode, CatalogueEntry } from './errors.js';
export {
  readApiError,
  localError,
  formatWait,
  parseRetryAfter,
  errorMessageKey,
  stripMarkup,
  fieldName,
  ERROR_CATALOGUE,
  ERROR_TYPES,
  catalogueEntry,
} from './errors.js';

// Equal-payment arithmetic (installments.ts, written with <flexiti-plan-picker>).
export type { EqualPaymentSplit, PaymentEstimate } from './installments.js';
export { equalPayments, equalPaymentSplit, estimatePayments, toCents } from './installments.js';

// Plan kinds and the one-line promotion (plans.ts, shared by <flexiti-plan-picker> and <flexiti-promo>).
export type { PlanKind, OfferPlan, PlanRates, PlanFees, PlanCost, PromoHeadline, AmountLimits } from './plans.js';
export {
  NO_INTEREST_NAME,
  NO_PAYMENTS_NAME,
  isNoInterestPlan,
  planKind,
  readOfferPlans,
  planRate,
  planFee,
  planCost,
  SAME_AS_CASH,
  amountFits,
  promoHeadline,
} from './plans.js';

// Checkout sessions (docs/checkout-sessions.md): the browser's side of the handler's answers, whitelisted.
export type {
  SecurityQuestion,
  LookupBody,
  LookupResult,
  ApprovalResult,
  VerifyBody,
  VerifyAnswer,
  PurchaseBody,
  PurchaseReceipt,
} from './checkout.js';
export { toLookupResult, toApprovalResult, toVerifyAnswer, toPurchaseReceipt, readMethods } from './checkout.js';
