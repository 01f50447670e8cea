/**
 * zod/mini schemas for every POS API request and response in seed 003, with their inferred (output) types.
 * Where the seed disagrees with itself the schemas accept both forms and normalize to one:
 * ids → strings, amounts (`"1,200.05"`, `"1000.00"`, numbers) → numbers, `term_options` → numbers.
 * Objects drop keys they don't know (`z.object` strips), so API additions never break parsing.
 * Each schema is built on first use (`lazy`): the elements read with the readers in read.ts instead, and a
 * bundle that uses no schema carries no zod.
 */
import * as z from 'zod/mini';
import { normalizeProvince } from './provinces.js';
import { apiLang } from './locale.js';
import { lazy } from './lazy.js';
import { eachField, LICENSE_FIELDS, parseAmount, parseTerm } from './read.js';

export const VERIFY_FORMATS = ['sms', 'email', 'security_question', 'merchant_override'] as const;
export type VerifyFormat = (typeof VERIFY_FORMATS)[number];

/** What POST /verify answers when the code was sent to the customer instead of returned. */
export const VERIFICATION_SENT = { sms: 'verification_sent_to_sms', email: 'verification_sent_to_email' } as const;

const text = /* @__PURE__ */ lazy(() => z.string());
const optionalText = /* @__PURE__ */ lazy(() => z.optional(z.string()));

/** Ids and account, card and customer numbers: the seed sends them as numbers or strings; always strings here. */
export const idSchema = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.union([z.string(), z.number().check(z.int(), z.nonnegative())]),
    z.transform((value) => String(value).trim()),
  ),
);

/** Amounts: numbers, or strings like `"1000.00"`, `"1,200.05"`, `"120.05000"`; always numbers here. */
export const amountSchema = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.union([z.number(), z.string()]),
    z.transform((value, ctx) => {
      const amount = typeof value === 'number' ? value : parseAmount(value);
      if (amount === undefined || !Number.isFinite(amount)) {
        ctx.issues.push({
          code: 'custom',
          message: 'Expected an amount',
          input: value,
          params: { msg: 'wrong format' },
        });
        return z.NEVER;
      }
      return amount;
    }),
  ),
);

/** A term in months: a number or a digit string; `""` (deposits, regular purchases) becomes undefined. */
export const termSchema = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.union([z.number(), z.string()]),
    z.transform((value, ctx) => {
      if (value === '') return undefined;
      const term = parseTerm(value);
      if (term === undefined) {
        ctx.issues.push({
          code: 'custom',
          message: 'Expected a term in months',
          input: value,
          params: { msg: 'wrong format' },
        });
        return z.NEVER;
      }
      return term;
    }),
  ),
);

/**
 * An option list: value → label, in the order given. (JavaScript orders integer-like keys such as
 * security_qid's "4".."9" ascending; every other key keeps the API's order.)
 */
export const optionMapSchema = /* @__PURE__ */ lazy(() => z.record(z.string(), z.string()));
export type OptionMap = z.output<typeof optionMapSchema>;

const optionsSchema = /* @__PURE__ */ lazy(() => z.object({ options: optionMapSchema }));

/** A financing plan. `term_options` arrive as numbers or strings; unusable entries are dropped, never NaN. */
export const offerTypeSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    plan_name: text,
    plan_id: idSchema,
    offer_category: text,
    term_options: z.pipe(
      z.array(z.union([z.number(), z.string()])),
      z.transform((terms) => terms.map(parseTerm).filter((term): term is number => term !== undefined)),
    ),
  }),
);
export type OfferType = z.output<typeof offerTypeSchema>;
/** A plan as the API sends it (what `<flexiti-plan-picker>.offers` takes): `term_options` numbers or strings. */
export type OfferTypeInput = z.input<typeof offerTypeSchema>;

/** `form_values` from POST /merchants/login: every option list the elements render. */
export const formValuesSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    salutation: optionsSchema,
    province: optionsSchema,
    security_qid: optionsSchema,
    govid_type: optionsSchema,
    govid_issued_by: z.object({ option_depends: z.record(z.string(), optionMapSchema) }),
    offer_types: z._default(z.array(offerTypeSchema), []),
  }),
);
export type FormValues = z.output<typeof formValuesSchema>;
/** `form_values` as the API sends it (what `<flexiti-apply>.formValues` takes). */
export type FormValuesInput = z.input<typeof formValuesSchema>;

// ── Authentication ───────────────────────────────────────────────────────────────────────────────────────────

/** POST /oauth/token (form-encoded). `refresh_token` is required with grant_type refresh_token. */
export const oauthTokenRequestSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      client_id: text.check(z.minLength(1)),
      client_secret: text.check(z.minLength(1)),
      grant_type: z.enum(['client_credentials', 'refresh_token']),
      refresh_token: optionalText,
    })
    .check(
      z.refine((body) => body.grant_type !== 'refresh_token' || !!body.refresh_token, {
        message: 'refresh_token is required',
        path: ['refresh_token'],
        params: { msg: 'required' },
      }),
    ),
);
export type OAuthTokenRequest = z.output<typeof oauthTokenRequestSchema>;

export const oauthTokenResponseSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    token_type: text,
    access_token: text.check(z.minLength(1)),
    expires_in: z
      .pipe(
        z.union([z.number(), z.string()]),
        z.transform((value) => Number(value)),
      )
      .check(z.refine(Number.isFinite)),
    refresh_token: optionalText,
    scope: optionalText,
  }),
);
export type OAuthTokenResponse = z.output<typeof oauthTokenResponseSchema>;

/** OAuth-style error: `{error, error_description}`; Flexiti adds a numeric `code`. */
export const oauthErrorSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    error: text,
    error_description: optionalText,
    error_uri: optionalText,
    code: z.optional(z.union([z.number(), z.string()])),
  }),
);
export type OAuthError = z.output<typeof oauthErrorSchema>;

// ── Merchants ────────────────────────────────────────────────────────────────────────────────────────────────

export const merchantLoginRequestSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    merchant_username: text.check(z.minLength(1)),
    merchant_password: text.check(z.minLength(1)),
  }),
);
export type MerchantLoginRequest = z.output<typeof merchantLoginRequestSchema>;

export const merchantLoginResponseSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    merchant_name: text,
    merchant_id: idSchema,
    form_values: formValuesSchema,
  }),
);
export type MerchantLoginResponse = z.output<typeof merchantLoginResponseSchema>;

// ── Terms ────────────────────────────────────────────────────────────────────────────────────────────────────

const provinceSchema = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.string(),
    z.transform((value, ctx) => {
      const province = normalizeProvince(value);
      if (!province) {
        ctx.issues.push({
          code: 'custom',
          message: 'Expected a province code',
          input: value,
          params: { msg: 'invalid' },
        });
        return z.NEVER;
      }
      return province;
    }),
  ),
);

/** The API's `lang` query value, `en` or `fr`, read by the package's one language rule (`apiLang`). */
export const langSchema = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.string(),
    z.transform((value: string) => apiLang(value)),
  ),
);

/** GET /terms-and-conditions query. Quebec gets its own terms, so the province is required. */
export const termsQuerySchema = /* @__PURE__ */ lazy(() => z.object({ province: provinceSchema, lang: langSchema }));
export type TermsQuery = z.output<typeof termsQuerySchema>;

/** The terms: an HTML string (sanitize before rendering). */
export const termsResponseSchema = /* @__PURE__ */ lazy(() => z.string());

// ── Credit application (the request schema is in apply.ts) ───────────────────────────────────────────────────

/** POST /apply approval. Quebec adds `offer_types` and `debt_ratio` (show it with the available credit). */
export const applyResponseSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    vcc_number: idSchema,
    account_number: idSchema,
    customer_id: idSchema,
    available_credit: amountSchema,
    credit_limit: amountSchema,
    risk_rating: optionalText,
    offer_types: z.optional(z.array(offerTypeSchema)),
    debt_ratio: z.optional(amountSchema),
  }),
);
export type ApplyResponse = z.output<typeof applyResponseSchema>;

// ── Customers ────────────────────────────────────────────────────────────────────────────────────────────────

/** GET /customers/lookup: by `vcc_number`, or by first name, last name and date of birth (postal code optional). */
export const lookupQuerySchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      first_name: optionalText,
      last_name: optionalText,
      dob: optionalText,
      postal_code: optionalText,
      vcc_number: z.optional(idSchema),
      /** The language of the security questions in the answer. */
      lang: z.optional(langSchema),
    })
    .check(
      z.refine((query) => !!query.vcc_number || (!!query.first_name && !!query.last_name && !!query.dob), {
        message: 'vcc_number, or first_name, last_name and dob, are required',
        path: ['vcc_number'],
        params: { msg: 'required' },
      }),
    ),
);
export type LookupQuery = z.output<typeof lookupQuerySchema>;

const securityQuestionSchema = /* @__PURE__ */ lazy(() => z.object({ id: idSchema, text }));

export const lookupResponseSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    available_credit: amountSchema,
    account_number: idSchema,
    customer_id: idSchema,
    security_qid: z._default(z.array(securityQuestionSchema), []),
    address_1: optionalText,
    address_2: optionalText,
    city: optionalText,
    postal_code: optionalText,
    province: optionalText,
    payment_protection: z.optional(z.union([z.number(), z.boolean()])),
    risk_rating: optionalText,
    offer_types: z._default(z.array(offerTypeSchema), []),
    /** As sent (`EN_CA`, `fr-CA`); `normalizeLocale()` reads it. */
    preferred_language: optionalText,
  }),
);
export type LookupResponse = z.output<typeof lookupResponseSchema>;

/**
 * POST /customers/{customer_id}/verify. `customer_id` is the path parameter (the handler moves it to the URL);
 * the rest is the body. security_question needs `security_qid` and `security_answer`. `piw` is optional:
 * the API answers `piw_mismatch` on this endpoint.
 */
export const verifyRequestSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      customer_id: idSchema.check(z.refine((id) => id !== '')),
      format: z.enum(VERIFY_FORMATS),
      security_qid: z.optional(idSchema),
      security_answer: optionalText,
      piw: optionalText,
    })
    .check(
      z.superRefine((body, ctx) => {
        if (body.format !== 'security_question') return;
        for (const key of ['security_qid', 'security_answer'] as const) {
          if (!body[key]?.trim()) {
            ctx.issues.push({
              code: 'custom',
              message: `${key} is required`,
              path: [key],
              input: undefined,
              params: { msg: 'required' },
            });
          }
        }
      }),
    ),
);
export type VerifyRequest = z.output<typeof verifyRequestSchema>;

/**
 * POST /verify success: a merchant-override code (a number) or `verification_sent_to_sms|email`.
 * Normalized to `{ verification_code: string, sent_to?: 'sms' | 'email' }`.
 */
export const verifyResponseSchema = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.object({ verification_code: z.union([z.number(), z.string()]) }),
    z.transform(({ verification_code: code }, ctx) => {
      if (code === VERIFICATION_SENT.sms) return { verification_code: code, sent_to: 'sms' as const };
      if (code === VERIFICATION_SENT.email) return { verification_code: code, sent_to: 'email' as const };
      const digits = String(code).trim();
      if (!/^\d+$/.test(digits)) {
        ctx.issues.push({
          code: 'custom',
          message: 'Unexpected verification_code',
          input: code,
          path: ['verification_code'],
        });
        return z.NEVER;
      }
      return { verification_code: digits } as { verification_code: string; sent_to?: 'sms' | 'email' };
    }),
  ),
);
export type VerifyResponse = z.output<typeof verifyResponseSchema>;

export const customerTransactionSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    term: z.optional(termSchema),
    transaction_id: idSchema,
    transaction_status: optionalText,
    customer_name: optionalText,
    transaction_balance: amountSchema,
    /** As sent (`2019/04/14`). */
    transaction_date: optionalText,
    plan_name: optionalText,
  }),
);
export type CustomerTransaction = z.output<typeof customerTransactionSchema>;

/** GET /customers/{customer_id}/transactions. */
export const customerTransactionsResponseSchema = /* @__PURE__ */ lazy(() =>
  z.object({ transactions: z.array(customerTransactionSchema) }),
);
export type CustomerTransactionsResponse = z.output<typeof customerTransactionsResponseSchema>;

/** GET /customers/search query: all three required. */
export const searchQuerySchema = /* @__PURE__ */ lazy(() =>
  z.object({
    first_name: text.check(z.minLength(1)),
    last_name: text.check(z.minLength(1)),
    dob: text.check(z.minLength(1)),
  }),
);
export type SearchQuery = z.output<typeof searchQuerySchema>;

/** One account from /customers/search. `account_status`: N normal, A auth prohibited, F frozen, Z charged off, C closed. */
export const searchAccountSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    customer_id: idSchema,
    account_status: text,
    account_status_reason_code: optionalText,
    tos: z.optional(z.boolean()),
    risk_rating: optionalText,
    account_number: idSchema,
    credit_limit: amountSchema,
    available_credit: amountSchema,
    originating_merchant_id: z.optional(idSchema),
    originating_merchant_name: optionalText,
    /** As sent (`01/17/2019`, month first). */
    creation_date: optionalText,
    first_name: optionalText,
    last_name: optionalText,
    card_ending_in: z.optional(idSchema),
    preferred_language: optionalText,
  }),
);
export type SearchAccount = z.output<typeof searchAccountSchema>;

export const searchResponseSchema = /* @__PURE__ */ lazy(() => z.array(searchAccountSchema));
export type SearchResponse = z.output<typeof searchResponseSchema>;

/** POST /customers/driverslicense: the PDF417 barcode text. */
export const licenseRequestSchema = /* @__PURE__ */ lazy(() => z.object({ code: text.check(z.minLength(1)) }));
export type LicenseRequest = z.output<typeof licenseRequestSchema>;

/** The decoded licence: every field optional (a scan may lack some); use it to prefill, then validate as typed. */
export const licenseResponseSchema = /* @__PURE__ */ lazy(() => z.object(eachField(LICENSE_FIELDS, optionalText)));
export type LicenseResponse = z.output<typeof licenseResponseSchema>;

/** POST /customers/close-account (Quebec cancellation of a new account). */
export const closeAccountRequestSchema = /* @__PURE__ */ lazy(() =>
  z.object({ account_number: idSchema.check(z.refine((id) => id !== '')) }),
);
export type CloseAccountRequest = z.output<typeof closeAccountRequestSchema>;

export const closeAccountResponseSchema = /* @__PURE__ */ lazy(() => z.object({}));
export type CloseAccountResponse = z.output<typeof closeAccountResponseSchema>;

// ── Transactions ─────────────────────────────────────────────────────────────────────────────────────────────

const avsBlock = /* @__PURE__ */ lazy(() =>
  z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
);
export const accountAvsSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    billing_information: z.optional(avsBlock),
    shipping_information: z.optional(avsBlock),
  }),
);
export type AccountAvs = z.output<typeof accountAvsSchema>;

/**
 * POST /transactions. Identify the account by `vcc_number`, `account_number` or `customer_id`; promotional
 * purchases also need `plan_id` and `term`. `verification_code` is required (strings or numbers → string).
 */
export const transactionRequestSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      transaction_type: optionalText,
      plan_id: z.optional(idSchema),
      term: z.optional(termSchema),
      amount: z.optional(amountSchema),
      vcc_number: z.optional(idSchema),
      account_number: z.optional(idSchema),
      customer_id: z.optional(idSchema),
      account_avs: z.optional(accountAvsSchema),
      customer_confirmed: z.optional(z.boolean()),
      hold_authorization: z.optional(z.boolean()),
      verification_code: idSchema.check(z.refine((code) => code !== '', { params: { msg: 'required' } })),
    })
    .check(
      z.refine((body) => !!(body.vcc_number || body.account_number || body.customer_id), {
        message: 'vcc_number, account_number or customer_id is required',
        path: ['customer_id'],
        params: { msg: 'required' },
      }),
    ),
);
export type TransactionRequest = z.output<typeof transactionRequestSchema>;

/** Promotional purchase, deposit and regular purchase answers. */
export const purchaseTransactionResponseSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    transaction_id: idSchema,
    available_credit: amountSchema,
    balance_after_purchase: amountSchema,
    payment_value: amountSchema,
    promotional_amount: amountSchema,
    admin_fee: z.optional(amountSchema),
    annual_fee: z.optional(amountSchema),
    apr: z.optional(amountSchema),
    air: z.optional(amountSchema),
    payment_protection: z.optional(z.boolean()),
    plan_name: optionalText,
    plan_id: z.optional(idSchema),
    term: z.optional(termSchema),
    customer_confirmed: z.optional(z.boolean()),
    verified: z.optional(z.boolean()),
    account_avs: z.optional(accountAvsSchema),
  }),
);
export type PurchaseTransactionResponse = z.output<typeof purchaseTransactionResponseSchema>;

/** In-store payment and trade-in answers. */
export const paymentTransactionResponseSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    transaction_id: idSchema,
    customer_name: optionalText,
    customer_lname: optionalText,
    total_amount: amountSchema,
    verified: z.optional(z.boolean()),
  }),
);
export type PaymentTransactionResponse = z.output<typeof paymentTransactionResponseSchema>;

/** Any of the four POST /transactions success shapes. */
export const transactionResponseSchema = /* @__PURE__ */ lazy(() =>
  z.union([purchaseTransactionResponseSchema, paymentTransactionResponseSchema]),
);
export type TransactionResponse = z.output<typeof transactionResponseSchema>;

// ── Error bodies (read by errors.ts; exported for the sandbox and tests) ──────────────────────────────────────

const fieldErrorSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    param: z.optional(z.string()),
    msg: z.optional(z.string()),
    type: z.optional(z.string()),
  }),
);

/**
 * Flexiti's error body: `{url, message, error, field_errors:[{param, msg, value?}]}` (also `error_fields`) or
 * `{code, error, error_description}`. `value` is dropped: it can echo a SIN.
 */
export const flexitiErrorBodySchema = /* @__PURE__ */ lazy(() =>
  z.object({
    url: optionalText,
    message: optionalText,
    error: optionalText,
    error_description: optionalText,
    code: z.optional(z.union([z.number(), z.string()])),
    field_errors: z.optional(z.array(fieldErrorSchema)),
    error_fields: z.optional(z.array(fieldErrorSchema)),
  }),
);
export type FlexitiErrorBody = z.output<typeof flexitiErrorBodySchema>;

/** Finix's error body: `{total, _embedded:{errors:[{code, message, logref, failure_code, failure_message, …}]}}`. */
export const finixErrorBodySchema = /* @__PURE__ */ lazy(() =>
  z.object({
    total: z.optional(z.number()),
    _embedded: z.object({
      errors: z.array(
        z.object({
          code: optionalText,
          message: optionalText,
          logref: optionalText,
          failure_code: optionalText,
          failure_message: optionalText,
          field: optionalText,
        }),
      ),
    }),
  }),
);
export type FinixErrorBody = z.output<typeof finixErrorBodySchema>;
