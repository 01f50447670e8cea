/**
 * The sandbox: an in-memory Flexiti POS API behind a Fetch-style `fetch(request)`. Routes are matched on the
 * tail of the path (`…/oauth/token`, `…/client-id/{client_id}/apply`), so any base URL works: mount it under
 * `/flexiti/pos-api/v2`, serve it with `serveNode`, or hand `sandbox.fetch` straight to the client.
 * It behaves as seed 003 describes, with test personas (see PERSONAS.md) to reach every documented outcome.
 * It never logs: tests and tools read `state`.
 */
import {
  apiLang,
  applyFieldErrors,
  closeAccountRequestSchema,
  formValuesSchema,
  licenseRequestSchema,
  normalizeProvince,
  todayLocal,
  transactionRequestSchema,
  validateApplyForm,
  VERIFY_FORMATS,
} from '../../model/index.js';
import {
  BodyTooLargeError,
  errorResponse,
  htmlResponse,
  isPlainObject,
  jsonResponse,
  oauthErrorResponse,
  parseJson,
  readBodyText,
  type FlexitiFieldError,
} from '../http.js';
import { decodeAamva } from './aamva.js';
import {
  SANDBOX_MERCHANT,
  sandboxFormValues,
  sandboxOffers,
  securityQuestionText,
  type SandboxLang,
} from './form-values.js';
import {
  APPLY_PERSONAS,
  MAX_APPROVED_CREDIT,
  MINIMUM_PAYMENT_RATE,
  PAYMENT_LIMIT_24H,
  SANDBOX_SMS_CODE,
  SECURITY_QUESTION_LOCK_MS,
  SECURITY_QUESTION_MAX_TRIES,
  SEED_ACCOUNTS,
  type SeedAccount,
} from './personas.js';
import { sandboxTerms } from './terms.js';

/** The seed's example credentials: what the sandbox accepts unless told otherwise. */
export const SANDBOX_CREDENTIALS = {
  clientId: 'flexitidemo',
  clientSecret: '77fde15a-9d33-4e15-930a-76e4b3ae33e9',
  merchantUsername: 'merchantonline',
  merchantPassword: 'dice-manila-purism',
} as const;

export interface SandboxOptions {
  /** Milliseconds since the epoch; inject a fake clock to expire tokens and locks in tests. Default `Date.now`. */
  clock?: () => number;
  clientId?: string;
  clientSecret?: string;
  merchantUsername?: string;
  merchantPassword?: string;
  /** Access-token lifetime (`expires_in`), seconds. Default 1200, as Flexiti. */
  tokenLifetimeSeconds?: number;
  /** Largest request body accepted, bytes. Default 64 KiB. */
  maxBodyBytes?: number;
}

/** An issued access token. The refresh token works only while the access token is unexpired (as Flexiti). */
export interface SandboxToken {
  accessToken: string;
  refreshToken: string;
  clientId: string;
  expiresAt: number;
  revoked: boolean;
}

/** A transaction on an account: seeded history or an accepted POST /transactions. */
export interface SandboxTransaction {
  transaction_id: string;
  customer_id: string;
  account_number: string;
  transaction_type: TransactionType;
  amount: number;
  plan_id?: string;
  plan_name: string;
  term?: number;
  status: 'Posted' | 'Pending' | 'Authorized';
  /** `YYYY/MM/DD`, as Flexiti lists them. */
  date: string;
  /** Clock time of the post (0 for seeded history). */
  at: number;
}

/** An account in the sandbox, with its live balance and verification state. */
export interface SandboxAccount extends Omit<SeedAccount, 'transactions' | 'purpose'> {
  transactions: SandboxTransaction[];
  /** The code the last successful verification issued; one purchase consumes it. */
  verification?: { code: string; expiresAt: number };
  securityFailures: number;
  securityLockedUntil?: number;
  /** True for accounts created by POST /apply. */
  applied: boolean;
}

/** One request the sandbox answered: the route's name, never its path or body (no PII). */
export interface SandboxRequestRecord {
  method: string;
  route: string;
  status: number;
}

export interface SandboxState {
  /** Every account, by `customer_id`. */
  readonly accounts: Map<string, SandboxAccount>;
  /** Accepted POST /transactions, in order; a replay with the same idempotency key is not recorded again. */
  readonly transactions: SandboxTransaction[];
  /** Outcome of each POST /apply that passed validation (`approved` or the error code). */
  readonly applications: Array<{ at: number; outcome: string; customer_id?: string }>;
  readonly tokens: Map<string, SandboxToken>;
  /** Every request answered, in order. */
  readonly requests: SandboxRequestRecord[];
  /** Invalidates every access and refresh token (the next call gets `401 invalid_token`). */
  revokeTokens(): void;
  /** The account with this customer id, account number or card number. */
  findAccount(id: string): SandboxAccount | undefined;
}

export interface Sandbox {
  fetch(request: Request): Promise<Response>;
  readonly state: SandboxState;
  readonly credentials: Required<
    Pick<SandboxOptions, 'clientId' | 'clientSecret' | 'merchantUsername' | 'merchantPassword'>
  >;
}

export const TRANSACTION_TYPES = [
  'promotional_purchase',
  'regular_purchase',
  'deposit',
  'instore_payment',
  'tradein',
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];
const PAYMENT_TYPES: readonly TransactionType[] = ['instore_payment', 'tradein'];

const VERIFICATION_CODE_LIFETIME_MS = 30 * 60 * 1000;
const REGULAR_APR = 29.99;

const MESSAGES = {
  wrongInputs: 'Some inputs are wrong!',
  followingErrors: 'It has been following errors:',
  customerNotFound: 'Customer not found',
  accountNotFound: 'We’re sorry, account number can’t be found.',
  notActive:
    'Before proceeding with the purchase transaction, we need to activate your account. To activate your account or for more information visit my.flexiti.com.',
  notAbleToPurchase:
    'We’re sorry, we aren’t able to proceed with your request right now. If you were trying to process a transaction on an existing account, please call us at 1-877-259-3750. Otherwise, please check your internet connectivity or restart your device before trying again.',
  secretAnswerMismatch: 'The answer you provided did not match our records.',
  triesExceeded:
    'You have exceeded the number of attempts for this verification method. Please try again in 48 hours or use another method.',
  piwMismatch:
    'Please check the information you just entered. If the information is correct and you see this message again, please restart the Flexiti App or close and re-open your browser window. If this message continues to appear, please contact us at 1-877-259-3754 and we will be happy to assist you',
  noReturns:
    "<h1>There are no purchases available to return for this customer.</h1><p>If you’ve already processed a partial return and now want to return the remainder, please email service@flexitifinancial.com or call us at <strong class='no-break'>1-877-259-3754</strong></p>",
  notEnoughCredit: "We're sorry, there doesn't seem to be enough credit for this purchase amount.",
  authenticationFailure: 'Missing or wrong Merchant authentication parameters',
  tosRequired: 'You must read and agree to the terms and conditions to apply.',
  closeQuebecOnly: 'Only Quebec accounts can be closed through this endpoint.',
  apply: {
    application_declined: 'We’re sorry, we are unable to approve your application at this time.',
    application_declined_2: 'We’re sorry, we are unable to approve your application at this time.',
    application_declined_3: 'We’re sorry, we are unable to approve your application at this time.',
    application_marked_pending_1: 'Your application needs further review. We will contact you shortly.',
    application_marked_pending_2: 'Your application needs further review. Please have your identification ready.',
    customer_already_exists: 'It looks like you already have a Flexiti account.',
    application_create_error: 'There was an error creating the credit application.',
  } as Record<string, string>,
} as const;

const round2 = (value: number) => Math.round(value * 100) / 100;
const money = (value: number) => round2(value).toFixed(2);
const sameText = (a: string | undefined, b: string | undefined) =>
  (a ?? '').trim().toLocaleLowerCase('en-CA') === (b ?? '').trim().toLocaleLowerCase('en-CA');
const compactPostal = (value: string | undefined) => (value ?? '').replace(/[\s-]/g, '').toUpperCase();

function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return Array.from(buffer, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A four-digit code that is never the fixed SMS/email code, so a test can tell the methods apart. */
function randomCode(): string {
  for (;;) {
    const buffer = new Uint16Array(1);
    crypto.getRandomValues(buffer);
    const code = String(1000 + (buffer[0]! % 9000));
    if (code !== SANDBOX_SMS_CODE) return code;
  }
}

function slashDate(now: number): string {
  return todayLocal(new Date(now)).replaceAll('-', '/');
}

function usDate(now: number): string {
  const [year, month, day] = todayLocal(new Date(now)).split('-');
  return `${month}/${day}/${year}`;
}

/** Apply-form message keys → the `msg` words Flexiti uses in `field_errors`. */
function flexitiMsg(key: string): string {
  if (key === 'required' || key === 'govid.incomplete') return 'required';
  if (key === 'text.too_long') return 'length';
  if (key === 'date.format' || key === 'date.invalid') return 'invalid_date_format';
  if (/\.(format|characters|checksum|number_format)$/.test(key)) return 'wrong format';
  return 'invalid';
}

const SECRET_PARAMS = ['sin', 'piw', 'security_answer'];

function accountFromSeed(seed: SeedAccount): SandboxAccount {
  const { transactions = [], purpose: _purpose, ...account } = seed;
  return {
    ...account,
    security_answers: { ...account.security_answers },
    transactions: transactions.map((t) => ({
      transaction_id: t.transaction_id,
      customer_id: seed.customer_id,
      account_number: seed.account_number,
      transaction_type: 'promotional_purchase',
      amount: t.amount,
      plan_name: t.plan_name,
      term: Number(t.term),
      status: 'Posted',
      date: t.date,
      at: 0,
    })),
    securityFailures: 0,
    applied: false,
  };
}

interface RouteContext {
  request: Request;
  url: URL;
  /** The path, for the `url` field of error bodies (never the query: it can hold PII). */
  path: string;
  params: string[];
  now: number;
}

interface Route {
  name: string;
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Needs a bearer token and a matching `client_id` in the path (the first capture). */
  authenticated: boolean;
  handle(context: RouteContext): Promise<Response> | Response;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const clock = options.clock ?? Date.now;
  const credentials = {
    clientId: options.clientId ?? SANDBOX_CREDENTIALS.clientId,
    clientSecret: options.clientSecret ?? SANDBOX_CREDENTIALS.clientSecret,
    merchantUsername: options.merchantUsername ?? SANDBOX_CREDENTIALS.merchantUsername,
    merchantPassword: options.merchantPassword ?? SANDBOX_CREDENTIALS.merchantPassword,
  };
  const tokenLifetime = options.tokenLifetimeSeconds ?? 1200;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  const formValuesEn = formValuesSchema.parse(sandboxFormValues('en'));

  const accounts = new Map<string, SandboxAccount>(
    SEED_ACCOUNTS.map((seed) => [seed.customer_id, accountFromSeed(seed)]),
  );
  const tokens = new Map<string, SandboxToken>();
  const refreshTokens = new Map<string, SandboxToken>();
  const idempotent = new Map<string, { status: number; body: unknown }>();
  let nextCustomer = 60001;
  let nextTransaction = 170001;

  const state: SandboxState = {
    accounts,
    transactions: [],
    applications: [],
    tokens,
    requests: [],
    revokeTokens() {
      for (const token of tokens.values()) token.revoked = true;
    },
    findAccount(id) {
      const wanted = id.trim();
      if (!wanted) return undefined;
      return (
        accounts.get(wanted) ??
        [...accounts.values()].find((account) => account.account_number === wanted || account.vcc_number === wanted)
      );
    },
  };

  // ── helpers ────────────────────────────────────────────────────────────────────────────────────────────────

  const fail = (context: RouteContext, status: number, error: string, message: string, fields?: FlexitiFieldError[]) =>
    errorResponse(status, context.path, error, message, fields);
  const codeFail = (error: string, description: string, code = 409) =>
    oauthErrorResponse(409, code, error, description);
  const wrongInputs = (context: RouteContext, fields: FlexitiFieldError[], error = 'wrong_inputs', status = 409) =>
    fail(context, status, error, MESSAGES.wrongInputs, fields);

  async function readJsonBody(context: RouteContext): Promise<Record<string, unknown> | Response> {
    let text: string;
    try {
      text = await readBodyText(context.request, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return fail(context, 413, 'payload_too_large', 'Request body too large.');
      throw error;
    }
    const parsed = parseJson(text);
    if (!parsed.ok || !isPlainObject(parsed.value)) return fail(context, 409, 'wrong_inputs', MESSAGES.wrongInputs);
    return parsed.value;
  }

  /** Flexiti refuses purchases and lookups on accounts that are not active and normal. */
  function unusable(account: SandboxAccount): 'user_not_active' | 'user_not_able_to_purchase' | undefined {
    if (!account.active) return 'user_not_active';
    if (account.account_status !== 'N') return 'user_not_able_to_purchase';
    return undefined;
  }

  function issueToken(clientId: string, now: number): SandboxToken {
    const token: SandboxToken = {
      accessToken: randomHex(20),
      refreshToken: randomHex(20),
      clientId,
      expiresAt: now + tokenLifetime * 1000,
      revoked: false,
    };
    tokens.set(token.accessToken, token);
    refreshTokens.set(token.refreshToken, token);
    return token;
  }

  function offersFor(lang: SandboxLang) {
    // Lookup and Quebec approvals send terms as strings, as in the seed's examples.
    return sandboxOffers(lang).map((offer) => ({ ...offer, term_options: offer.term_options.map(String) }));
  }

  // ── routes ─────────────────────────────────────────────────────────────────────────────────────────────────

  async function token(context: RouteContext): Promise<Response> {
    let text: string;
    try {
      text = await readBodyText(context.request, maxBodyBytes);
    } catch {
      return oauthErrorResponse(400, 400, 'invalid_request', 'Request body too large');
    }
    // Flexiti expects a form-encoded body; the query string is ignored on purpose.
    const form = new URLSearchParams(text);
    const grantType = form.get('grant_type');
    if (grantType !== 'client_credentials' && grantType !== 'refresh_token') {
      return oauthErrorResponse(400, 400, 'invalid_request', 'Invalid or missing grant_type parameter');
    }
    if (form.get('client_id') !== credentials.clientId) {
      return oauthErrorResponse(400, 400, 'invalid_client', 'Invalid or missing client_id parameter');
    }
    if (form.get('client_secret') !== credentials.clientSecret) {
      return oauthErrorResponse(400, 400, 'invalid_client', 'Client credentials are invalid');
    }
    if (grantType === 'refresh_token') {
      const previous = refreshTokens.get(form.get('refresh_token') ?? '');
      if (!previous || previous.revoked) return oauthErrorResponse(400, 400, 'invalid_grant', 'Invalid refresh token');
      // An expired access token cannot be refreshed: the client falls back to client_credentials.
      if (previous.expiresAt <= context.now)
        return oauthErrorResponse(400, 400, 'invalid_grant', 'Refresh token has expired');
      refreshTokens.delete(previous.refreshToken);
    }
    const issued = issueToken(credentials.clientId, context.now);
    return jsonResponse({
      token_type: 'bearer',
      access_token: issued.accessToken,
      expires_in: tokenLifetime,
      refresh_token: issued.refreshToken,
    });
  }

  async function login(context: RouteContext): Promise<Response> {
    const body = await readJsonBody(context);
    if (body instanceof Response) return body;
    if (
      body['merchant_username'] !== credentials.merchantUsername ||
      body['merchant_password'] !== credentials.merchantPassword
    ) {
      return fail(context, 409, 'authentication_failure', MESSAGES.authenticationFailure);
    }
    const lang = apiLang(context.url.searchParams.get('lang'));
    return jsonResponse({ ...SANDBOX_MERCHANT, form_values: sandboxFormValues(lang) });
  }

  function terms(context: RouteContext): Response {
    const rawProvince = context.url.searchParams.get('province');
    const province = normalizeProvince(rawProvince ?? '');
    if (!province) {
      return wrongInputs(context, [
        { param: 'province', msg: rawProvince ? 'invalid' : 'required', value: rawProvince ?? '' },
      ]);
    }
    return htmlResponse(sandboxTerms(province, apiLang(context.url.searchParams.get('lang'))));
  }

  async function apply(context: RouteContext): Promise<Response> {
    const body = await readJsonBody(context);
    if (body instanceof Response) return body;
    // Structure first, in Flexiti's words (the schema the handler checks with too)…
    const fieldErrors: FlexitiFieldError[] = applyFieldErrors(body).filter((error) => error.param !== 'tos_agreement');
    // …then what needs the calendar and the option lists: age of majority, ID expiry, postal code ↔ province,
    // NANP phone numbers, choices among form_values.
    const validation = validateApplyForm(body, {
      today: todayLocal(new Date(context.now)),
      strictPhone: true,
      formValues: formValuesEn,
    });
    if (!validation.ok) {
      for (const [param, message] of Object.entries(validation.fields)) {
        if (param !== 'tos_agreement' && !fieldErrors.some((error) => error.param === param)) {
          fieldErrors.push({ param, msg: flexitiMsg(message.key) });
        }
      }
    }
    if (fieldErrors.length > 0) {
      // Flexiti echoes what was sent; the sandbox does too, except secrets (the handler strips `value` anyway).
      const echo = (param: string) => (SECRET_PARAMS.includes(param) ? '' : String(body[param] ?? ''));
      return wrongInputs(
        context,
        fieldErrors.map((error) => ({ ...error, value: echo(error.param) })),
      );
    }
    if (body['tos_agreement'] !== true || !validation.ok) {
      state.applications.push({ at: context.now, outcome: 'tos_agreement_required' });
      return fail(context, 409, 'tos_agreement_required', MESSAGES.tosRequired);
    }
    const application = validation.request;
    const persona = APPLY_PERSONAS.find((p) => sameText(p.lastName, application.last_name));
    const duplicate = [...accounts.values()].some(
      (account) =>
        sameText(account.first_name, application.first_name) &&
        sameText(account.last_name, application.last_name) &&
        account.dob === application.dob,
    );
    const errorCode = persona?.error ?? (duplicate ? 'customer_already_exists' : undefined);
    if (errorCode) {
      state.applications.push({ at: context.now, outcome: errorCode });
      return fail(context, persona?.status ?? 409, errorCode, MESSAGES.apply[errorCode] ?? errorCode);
    }

    const creditLimit = Math.min(Math.floor(application.amount_requested), MAX_APPROVED_CREDIT);
    const serial = nextCustomer++;
    const customerId = String(serial);
    const account: SandboxAccount = {
      customer_id: customerId,
      account_number: String(20000000 + serial),
      vcc_number: `63749801${String(serial).padStart(8, '0')}`,
      first_name: application.first_name,
      last_name: application.last_name,
      dob: application.dob,
      address_1: application.address_1 ?? '',
      ...(application.address_2 ? { address_2: application.address_2 } : {}),
      city: application.city,
      province: application.province,
      postal_code: application.postal_code,
      phone_number: application.phone_number,
      ...(application.email ? { email: application.email } : {}),
      preferred_language: application.language === 'fr-CA' ? 'fr-CA' : 'en-CA',
      security_answers: { [application.security_qid]: application.security_answer },
      piw: application.piw,
      account_status: 'N',
      account_status_reason_code: 'NNOR',
      active: true,
      credit_limit: creditLimit,
      available_credit: creditLimit,
      risk_rating: 'L',
      originating_merchant_id: SANDBOX_MERCHANT.merchant_id,
      originating_merchant_name: SANDBOX_MERCHANT.merchant_name,
      merchant_override: true,
      creation_date: usDate(context.now),
      card_ending_in: String(serial).padStart(8, '0').slice(-4),
      transactions: [],
      securityFailures: 0,
      applied: true,
    };
    accounts.set(customerId, account);
    state.applications.push({ at: context.now, outcome: 'approved', customer_id: customerId });

    const approval: Record<string, unknown> = {
      vcc_number: Number(account.vcc_number),
      account_number: Number(account.account_number),
      customer_id: serial,
      available_credit: creditLimit,
      credit_limit: creditLimit,
      risk_rating: account.risk_rating,
    };
    if (application.province === 'QC') {
      approval['offer_types'] = offersFor(apiLang(application.language));
      approval['debt_ratio'] = quebecDebtRatio(
        application.monthly_housing_expenses ?? 0,
        creditLimit,
        application.personal_income,
      );
    }
    return jsonResponse(approval);
  }

  function lookupQuestions(account: SandboxAccount, lang: SandboxLang) {
    return Object.keys(account.security_answers).map((id) => ({ id, text: securityQuestionText(id, lang) ?? '' }));
  }

  function lookup(context: RouteContext): Response {
    const query = context.url.searchParams;
    const lang = apiLang(query.get('lang'));
    const vcc = query.get('vcc_number')?.trim();
    let candidates: SandboxAccount[];
    if (vcc) {
      candidates = [...accounts.values()].filter((account) => account.vcc_number === vcc.replace(/\s/g, ''));
    } else {
      const missing = (['first_name', 'last_name', 'dob'] as const)
        .filter((name) => !query.get(name)?.trim())
        .map((param) => ({ param, msg: 'required', value: '' }));
      if (missing.length > 0) return wrongInputs(context, missing);
      const postal = compactPostal(query.get('postal_code') ?? '');
      candidates = [...accounts.values()].filter(
        (account) =>
          sameText(account.first_name, query.get('first_name') ?? '') &&
          sameText(account.last_name, query.get('last_name') ?? '') &&
          account.dob === query.get('dob')?.trim() &&
          (!postal || compactPostal(account.postal_code) === postal),
      );
    }
    if (candidates.length === 0) return fail(context, 409, 'not_found', MESSAGES.customerNotFound);
    const usable = candidates.filter((account) => !unusable(account));
    if (usable.length === 0) {
      const reason = candidates.some((account) => unusable(account) === 'user_not_active')
        ? 'user_not_active'
        : 'user_not_able_to_purchase';
      return fail(context, 409, reason, reason === 'user_not_active' ? MESSAGES.notActive : MESSAGES.notAbleToPurchase);
    }
    // By name, the account with the highest open-to-buy.
    const account = usable.reduce((best, next) => (next.available_credit > best.available_credit ? next : best));
    return jsonResponse({
      available_credit: account.available_credit,
      account_number: Number(account.account_number),
      customer_id: Number(account.customer_id),
      security_qid: lookupQuestions(account, lang),
      address_1: account.address_1,
      ...(account.address_2 ? { address_2: account.address_2 } : {}),
      city: account.city,
      postal_code: compactPostal(account.postal_code),
      province: account.province,
      payment_protection: 0,
      risk_rating: account.risk_rating,
      offer_types: offersFor(lang),
      preferred_language: account.preferred_language.replace('-', '_').toUpperCase(),
    });
  }

  function search(context: RouteContext): Response {
    const query = context.url.searchParams;
    const missing = (['first_name', 'last_name', 'dob'] as const)
      .filter((name) => !query.get(name)?.trim())
      .map((param) => ({ param, msg: 'required', value: '' }));
    if (missing.length > 0) return wrongInputs(context, missing);
    const found = [...accounts.values()].filter(
      (account) =>
        sameText(account.first_name, query.get('first_name') ?? '') &&
        sameText(account.last_name, query.get('last_name') ?? '') &&
        account.dob === query.get('dob')?.trim(),
    );
    if (found.length === 0) return codeFail('not_found', 'not_found', 404);
    return jsonResponse(
      found.map((account) => ({
        customer_id: account.customer_id,
        account_status: account.account_status,
        account_status_reason_code: account.account_status_reason_code,
        tos: true,
        risk_rating: account.risk_rating,
        account_number: account.account_number,
        credit_limit: money(account.credit_limit),
        available_credit: money(account.available_credit),
        originating_merchant_id: account.originating_merchant_id,
        originating_merchant_name: account.originating_merchant_name,
        creation_date: account.creation_date,
        first_name: account.first_name,
        last_name: account.last_name,
        card_ending_in: account.card_ending_in,
        preferred_language: account.preferred_language,
      })),
    );
  }

  async function verify(context: RouteContext): Promise<Response> {
    const account = accounts.get(context.params[1] ?? '');
    if (!account) return fail(context, 409, 'not_found', MESSAGES.accountNotFound);
    const body = await readJsonBody(context);
    if (body instanceof Response) return body;
    const format = body['format'];
    if (typeof format !== 'string' || !(VERIFY_FORMATS as readonly string[]).includes(format)) {
      return wrongInputs(
        context,
        [{ param: 'format', msg: format === undefined ? 'required' : 'invalid', value: String(format ?? '') }],
        'wrong_input',
      );
    }
    const refusal = unusable(account);
    if (refusal)
      return fail(
        context,
        409,
        refusal,
        refusal === 'user_not_active' ? MESSAGES.notActive : MESSAGES.notAbleToPurchase,
      );
    if (typeof body['piw'] === 'string' && body['piw'].trim() !== '' && !sameText(body['piw'], account.piw)) {
      return fail(context, 409, 'piw_mismatch', MESSAGES.piwMismatch);
    }
    const issue = (code: string) => {
      account.verification = { code, expiresAt: context.now + VERIFICATION_CODE_LIFETIME_MS };
    };

    switch (format) {
      case 'merchant_override': {
        if (!account.merchant_override) {
          return fail(context, 409, 'merchant_override_is_not_allowed', 'merchant_override_is_not_allowed');
        }
        const code = randomCode();
        issue(code);
        return jsonResponse({ verification_code: Number(code) });
      }
      case 'sms': {
        if (!account.phone_number) {
          return fail(context, 400, 'wrong_input', MESSAGES.followingErrors, [
            { param: 'phone_number', msg: 'invalid', value: '' },
          ]);
        }
        issue(SANDBOX_SMS_CODE);
        return jsonResponse({ verification_code: 'verification_sent_to_sms' });
      }
      case 'email': {
        if (!account.email) return wrongInputs(context, [{ param: 'email', msg: 'invalid', value: '' }], 'wrong_input');
        issue(SANDBOX_SMS_CODE);
        return jsonResponse({ verification_code: 'verification_sent_to_email' });
      }
      default: {
        if (account.securityLockedUntil !== undefined && account.securityLockedUntil > context.now) {
          return fail(context, 409, 'tries_exceed', MESSAGES.triesExceeded);
        }
        const qid = String(body['security_qid'] ?? '').trim();
        const answer = typeof body['security_answer'] === 'string' ? body['security_answer'] : '';
        const missing: FlexitiFieldError[] = [];
        if (!qid) missing.push({ param: 'security_qid', msg: 'required', value: '' });
        if (!answer.trim()) missing.push({ param: 'security_answer', msg: 'required', value: '' });
        if (missing.length > 0) return wrongInputs(context, missing, 'wrong_input');
        if (!(qid in account.security_answers)) {
          return wrongInputs(context, [{ param: 'security_qid', msg: 'invalid', value: qid }], 'wrong_input');
        }
        if (!sameText(answer, account.security_answers[qid])) {
          account.securityFailures += 1;
          if (account.securityFailures >= SECURITY_QUESTION_MAX_TRIES) {
            account.securityLockedUntil = context.now + SECURITY_QUESTION_LOCK_MS;
            account.securityFailures = 0;
          }
          return fail(context, 409, 'secret_answer_mismatch', MESSAGES.secretAnswerMismatch);
        }
        account.securityFailures = 0;
        const code = randomCode();
        issue(code);
        return jsonResponse({ verification_code: Number(code) });
      }
    }
  }

  function customerTransactions(context: RouteContext): Response {
    const account = accounts.get(context.params[1] ?? '');
    if (!account) return fail(context, 409, 'not_found', MESSAGES.accountNotFound);
    const purchases = account.transactions.filter((t) => !PAYMENT_TYPES.includes(t.transaction_type));
    if (purchases.length === 0) return fail(context, 409, 'no_returns_found', MESSAGES.noReturns);
    return jsonResponse({
      transactions: [...purchases].reverse().map((t) => ({
        term: t.term === undefined ? '' : String(t.term),
        transaction_id: t.transaction_id,
        transaction_status: t.status,
        customer_name: `${account.last_name}, ${account.first_name}`,
        transaction_balance: money(t.amount),
        transaction_date: t.date,
        plan_name: t.plan_name,
      })),
    });
  }

  async function decodeLicense(context: RouteContext): Promise<Response> {
    const body = await readJsonBody(context);
    if (body instanceof Response) return body;
    const parsed = licenseRequestSchema.safeParse(body);
    if (!parsed.success) return fail(context, 409, '', MESSAGES.followingErrors);
    const decoded = decodeAamva(parsed.data.code);
    if (!decoded.ok) {
      return fail(
        context,
        409,
        decoded.reason === 'empty' ? '' : "Driver License's not supported",
        MESSAGES.followingErrors,
      );
    }
    return jsonResponse(decoded.license);
  }

  async function closeAccount(context: RouteContext): Promise<Response> {
    const body = await readJsonBody(context);
    if (body instanceof Response) return body;
    const parsed = closeAccountRequestSchema.safeParse(body);
    if (!parsed.success) return wrongInputs(context, [{ param: 'account_number', msg: 'required', value: '' }]);
    const account = [...accounts.values()].find((candidate) => candidate.account_number === parsed.data.account_number);
    if (!account) return fail(context, 409, 'not_found', MESSAGES.accountNotFound);
    if (account.province !== 'QC') return fail(context, 409, 'invalid_account', MESSAGES.closeQuebecOnly);
    account.account_status = 'C';
    account.account_status_reason_code = 'CCLS';
    account.available_credit = 0;
    return jsonResponse({});
  }

  async function postTransaction(context: RouteContext): Promise<Response> {
    const body = await readJsonBody(context);
    if (body instanceof Response) return body;
    const idempotencyKey = context.request.headers.get('x-idempotency-key');
    const previous = idempotencyKey ? idempotent.get(idempotencyKey) : undefined;
    if (previous) return jsonResponse(previous.body, previous.status);

    const parsed = transactionRequestSchema.safeParse(body);
    if (!parsed.success) {
      const params = parsed.error.issues.map((issue) => String(issue.path[0] ?? 'customer_id'));
      if (params.every((param) => param === 'verification_code')) {
        return codeFail('verification_code_required', 'verification_code_required');
      }
      return wrongInputs(
        context,
        [...new Set(params)].map((param) => ({
          param,
          msg: body[param] === undefined ? 'required' : 'wrong format',
          value: String(body[param] ?? ''),
        })),
      );
    }
    const request = parsed.data;
    const type = (request.transaction_type ?? 'promotional_purchase') as TransactionType;
    if (!TRANSACTION_TYPES.includes(type)) return codeFail('invalid_transaction_type', 'invalid_transaction_type');
    if (request.amount === undefined || !(request.amount > 0)) {
      return wrongInputs(context, [
        {
          param: 'amount',
          msg: request.amount === undefined ? 'required' : 'wrong format',
          value: String(body['amount'] ?? ''),
        },
      ]);
    }
    const amount = round2(request.amount);

    const identified = [request.customer_id, request.account_number, request.vcc_number]
      .filter((id): id is string => !!id)
      .map((id) => state.findAccount(id));
    const account = identified[0];
    if (!account || identified.some((other) => other === undefined)) return codeFail('not_found', 'not_found', 404);
    if (identified.some((other) => other !== account)) return codeFail('vcc_account_mismatch', 'vcc_account_mismatch');
    const refusal = unusable(account);
    if (refusal)
      return codeFail(refusal, refusal === 'user_not_active' ? MESSAGES.notActive : MESSAGES.notAbleToPurchase);

    const verification = account.verification;
    if (!verification || verification.expiresAt <= context.now || verification.code !== request.verification_code) {
      return codeFail('wrong_verification_code', 'wrong_verification_code');
    }

    let plan: { plan_id: string; plan_name: string } | undefined;
    if (type === 'promotional_purchase') {
      const offer = sandboxOffers('en').find((candidate) => candidate.plan_id === request.plan_id);
      if (!offer || request.term === undefined || !offer.term_options.includes(request.term)) {
        return codeFail('plan_term_not_available', 'plan_term_not_available');
      }
      plan = offer;
    }

    const isPayment = PAYMENT_TYPES.includes(type);
    if (isPayment) {
      const since = context.now - 24 * 60 * 60 * 1000;
      const paidToday = account.transactions
        .filter((t) => PAYMENT_TYPES.includes(t.transaction_type) && t.at > since)
        .reduce((sum, t) => sum + t.amount, 0);
      if (paidToday + amount > PAYMENT_LIMIT_24H) return codeFail('limit_payment_amount_24', '');
    } else if (amount > account.available_credit) {
      return codeFail('not_enough_credit', MESSAGES.notEnoughCredit);
    }

    const before = account.available_credit;
    account.available_credit = isPayment
      ? round2(Math.min(account.credit_limit, before + amount))
      : round2(before - amount);
    account.verification = undefined;
    const transaction: SandboxTransaction = {
      transaction_id: String(nextTransaction++),
      customer_id: account.customer_id,
      account_number: account.account_number,
      transaction_type: type,
      amount,
      ...(plan ? { plan_id: plan.plan_id } : {}),
      plan_name: plan?.plan_name ?? (isPayment ? type : 'Regular Purchase'),
      ...(plan && request.term !== undefined ? { term: request.term } : {}),
      status: request.hold_authorization ? 'Authorized' : request.customer_confirmed === false ? 'Pending' : 'Posted',
      date: slashDate(context.now),
      at: context.now,
    };
    account.transactions.push(transaction);
    state.transactions.push(transaction);

    const answer = isPayment
      ? {
          transaction_id: transaction.transaction_id,
          customer_name: account.first_name,
          customer_lname: account.last_name,
          total_amount: amount.toFixed(5),
          verified: true,
        }
      : purchaseAnswer(transaction, before, account.available_credit, request.customer_confirmed ?? true);
    if (idempotencyKey) idempotent.set(idempotencyKey, { status: 200, body: answer });
    return jsonResponse(answer);
  }

  const routes: Route[] = [
    { name: 'oauth/token', method: 'POST', pattern: /\/oauth\/token$/, authenticated: false, handle: token },
    {
      name: 'merchants/login',
      method: 'POST',
      pattern: /\/client-id\/([^/]+)\/merchants\/login$/,
      authenticated: true,
      handle: login,
    },
    {
      name: 'terms-and-conditions',
      method: 'GET',
      pattern: /\/client-id\/([^/]+)\/terms-and-conditions$/,
      authenticated: true,
      handle: terms,
    },
    { name: 'apply', method: 'POST', pattern: /\/client-id\/([^/]+)\/apply$/, authenticated: true, handle: apply },
    {
      name: 'customers/lookup',
      method: 'GET',
      pattern: /\/client-id\/([^/]+)\/customers\/lookup$/,
      authenticated: true,
      handle: lookup,
    },
    {
      name: 'customers/search',
      method: 'GET',
      pattern: /\/client-id\/([^/]+)\/customers\/search$/,
      authenticated: true,
      handle: search,
    },
    {
      name: 'customers/driverslicense',
      method: 'POST',
      pattern: /\/client-id\/([^/]+)\/customers\/driverslicense$/,
      authenticated: true,
      handle: decodeLicense,
    },
    {
      name: 'customers/close-account',
      method: 'POST',
      pattern: /\/client-id\/([^/]+)\/customers\/close-account$/,
      authenticated: true,
      handle: closeAccount,
    },
    {
      name: 'customers/{id}/verify',
      method: 'POST',
      pattern: /\/client-id\/([^/]+)\/customers\/([^/]+)\/verify$/,
      authenticated: true,
      handle: verify,
    },
    {
      name: 'customers/{id}/transactions',
      method: 'GET',
      pattern: /\/client-id\/([^/]+)\/customers\/([^/]+)\/transactions$/,
      authenticated: true,
      handle: customerTransactions,
    },
    {
      name: 'transactions',
      method: 'POST',
      pattern: /\/client-id\/([^/]+)\/transactions$/,
      authenticated: true,
      handle: postTransaction,
    },
  ];

  function authenticate(context: RouteContext): Response | undefined {
    const header = context.request.headers.get('authorization') ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const issued = bearer ? tokens.get(bearer) : undefined;
    if (!issued || issued.revoked)
      return oauthErrorResponse(401, 401, 'invalid_token', 'The access token provided is invalid.');
    if (issued.expiresAt <= context.now)
      return oauthErrorResponse(401, 401, 'invalid_token', 'The access token provided has expired');
    if (context.params[0] !== issued.clientId) {
      return oauthErrorResponse(400, 400, 'invalid_client', 'Invalid or missing client_id parameter');
    }
    return undefined;
  }

  async function dispatch(request: Request): Promise<{ route: string; response: Response }> {
    const url = new URL(request.url);
    const path = url.pathname.replace(/\/+$/, '');
    const matching = routes.filter((candidate) => candidate.pattern.test(path));
    if (matching.length === 0) {
      return { route: 'unknown', response: errorResponse(404, path, 'not_found', 'Not found') };
    }
    const route = matching.find((candidate) => candidate.method === request.method);
    if (!route) {
      const allow = [...new Set(matching.map((candidate) => candidate.method))].join(', ');
      return {
        route: matching[0]!.name,
        response: errorResponse(405, path, 'method_not_allowed', 'Method not allowed', undefined, { allow }),
      };
    }
    const params = (route.pattern.exec(path) ?? []).slice(1).map((param) => decodeURIComponent(param));
    const context: RouteContext = { request, url, path, params, now: clock() };
    if (route.authenticated) {
      const refusal = authenticate(context);
      if (refusal) return { route: route.name, response: refusal };
    }
    return { route: route.name, response: await route.handle(context) };
  }

  return {
    credentials,
    state,
    async fetch(request: Request): Promise<Response> {
      let result: { route: string; response: Response };
      try {
        result = await dispatch(request);
      } catch {
        // Never a stack trace: the sandbox answers like the API's generic failure.
        result = { route: 'error', response: oauthErrorResponse(500, 500, 'general_error', 'general_error') };
      }
      state.requests.push({ method: request.method, route: result.route, status: result.response.status });
      return result.response;
    },
  };
}

/**
 * Quebec debt ratio (CPA Reg. 61.0.4, simplified): monthly housing costs plus the minimum payment of the new
 * account at its full limit, over gross monthly income. A fraction (0.27 = 27 %), 4 decimals.
 */
export function quebecDebtRatio(monthlyHousing: number, creditLimit: number, annualIncome: number): number {
  const monthlyIncome = annualIncome / 12;
  if (!(monthlyIncome > 0)) return 1;
  const ratio = (monthlyHousing + creditLimit * MINIMUM_PAYMENT_RATE) / monthlyIncome;
  return Math.round(ratio * 10_000) / 10_000;
}

function purchaseAnswer(transaction: SandboxTransaction, before: number, after: number, customerConfirmed: boolean) {
  const avsBlock = {
    first_name: 0,
    last_name: 0,
    dob: 0,
    address_1: 0,
    address_2: 0,
    city: 0,
    postal_code: 0,
    province: 0,
  };
  const account_avs = { billing_information: { ...avsBlock }, shipping_information: { ...avsBlock } };
  if (transaction.plan_id !== undefined && transaction.term !== undefined) {
    return {
      annual_fee: 0,
      payment_protection: false,
      transaction_id: Number(transaction.transaction_id),
      available_credit: before,
      plan_name: transaction.plan_name,
      admin_fee: 0,
      balance_after_purchase: after,
      payment_value: money(transaction.amount / transaction.term),
      promotional_amount: transaction.amount,
      customer_confirmed: customerConfirmed,
      plan_id: transaction.plan_id,
      term: String(transaction.term),
      account_avs,
    };
  }
  return {
    payment_protection: false,
    transaction_id: Number(transaction.transaction_id),
    apr: REGULAR_APR,
    available_credit: before,
    term: '',
    admin_fee: 0,
    balance_after_purchase: after,
    payment_value: transaction.amount.toLocaleString('en-CA', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    promotional_amount: transaction.amount,
    air: REGULAR_APR,
    customer_confirmed: customerConfirmed,
    plan_id: transaction.transaction_type === 'deposit' ? '0' : '',
    verified: true,
    account_avs,
  };
}
