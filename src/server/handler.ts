/**
 * The merchant's side of the elements: a Fetch-style handler over checkout sessions. The merchant's server
 * creates a checkout per order (`createCheckout`) with its own amount; the page holds only the checkout's
 * opaque id and sends it as `x-flexiti-checkout`. The handler binds the customer its own approval or lookup
 * found, keeps the codes the API returns, counts attempts, and posts the purchase itself, once.
 *
 * Input errors are 400 `{url, message, error: 'wrong_inputs', field_errors: [{param, msg}]}` without the values;
 * Flexiti's own errors pass through with their status and without `field_errors[].value`; configuration and
 * transport failures become 502/504 with a code the model's catalogue knows. No stack traces, no secrets.
 * The routes, answers and error codes: docs/checkout-sessions.md.
 */
import { z } from 'zod/mini';
import {
  apiLang,
  applyFieldErrors,
  applyRequestSchema,
  schemaFieldErrors,
  licenseRequestSchema,
  lookupQuerySchema,
  termsQuerySchema,
  VERIFY_FORMATS,
  type ApprovalResult,
  type FormValues,
  type LookupResult,
  type OfferType,
  type VerifyAnswer,
  type VerifyFormat,
} from '../model/index.js';
import {
  allowedOffers,
  canPayField,
  browserView,
  CHECKOUT_ID_PATTERN,
  CHECKOUT_RETENTION_MS,
  checkoutState,
  DEFAULT_CHECKOUT_TTL_MS,
  lastFour,
  newCheckoutId,
  mergePlanCosts,
  parseCheckoutInput,
  receiptView,
  statusAt,
  type CheckoutState,
  type CreateCheckoutInput,
} from './checkout/checkouts.js';
import { createLimiters, TooManyAttemptsError, type CheckoutLimits, type LimitName } from './checkout/limits.js';
import { createMemoryStore } from './checkout/memory-store.js';
import type { CheckoutRecord, CheckoutStore, CheckoutTransaction, PlanCostTerms } from './checkout/store.js';
import { FlexitiClientError, type FlexitiClient, type Lang } from './client.js';
import {
  BodyTooLargeError,
  errorResponse,
  htmlResponse,
  isPlainObject,
  jsonResponse,
  parseJson,
  readBodyText,
  type FlexitiFieldError,
} from './http.js';

/** What the handler knows of the connection a request came on (the Node adapter passes it). */
export interface RequestInfo {
  remoteAddress?: string;
}

/** Privileged steps the merchant's `authorize` hook decides. */
export type PrivilegedAction = 'merchant_override';

export interface FlexitiHandlerOptions {
  client: FlexitiClient;
  /** Where checkouts, counters and purchase locks live. Default: in this process (`createMemoryStore()`). */
  store?: CheckoutStore;
  /** Attempt limits (see `DEFAULT_LIMITS`); each answered 429 with `Retry-After`. */
  limits?: Partial<CheckoutLimits>;
  /**
   * Origins whose pages may call the checkout routes (`https://shop.example`). Default: the handler's own origin.
   * Requests whose `Origin` or `Sec-Fetch-Site` says another site are refused (403).
   */
  allowedOrigins?: readonly string[];
  /**
   * The client a request counts against for `requestsPerClient`. Default: the socket address the Node adapter
   * passes. Behind a proxy or on an edge runtime, return the address your platform vouches for (for example the
   * last hop your proxy appends to `X-Forwarded-For`); return `undefined` to skip the per-client limit.
   */
  clientKey?: (request: Request, info: RequestInfo) => string | undefined;
  /**
   * Decides privileged steps. `merchant_override` is only ever offered on an `in_store` checkout, and only when
   * this returns true (check your staff session here). Default: refused.
   */
  authorize?: (request: Request, action: PrivilegedAction, checkout: CheckoutState) => boolean | Promise<boolean>;
  /**
   * Each plan's APR (percent) and one-time fee (dollars) from your Flexiti agreement, by `plan_id`
   * (`{ '2': { apr: 9.99 }, '4': { apr: 29.99, fee: 25 } }`): the page then shows every plan's monthly payment, cost
   * of borrowing and total. A checkout's `plans[].apr` / `plans[].fee` override them. Without them, plain words.
   */
  planCosts?: Readonly<Record<string, PlanCostTerms>>;
  /** Called once per purchase, on the instance that posted it: mark the order paid here. */
  onPurchase?: (checkout: CheckoutState, transaction: CheckoutTransaction) => void | Promise<void>;
  /** Where the routes live. Default `/api/flexiti`. */
  basePath?: string;
  /** Largest request body accepted, in bytes (413 above). Default 32 KiB. */
  maxBodyBytes?: number;
  /** Language used when a request names none. Default `en`. */
  lang?: Lang;
  /** How long `form_values` stay cached per language, ms. Default 15 minutes. */
  formValuesTtlMs?: number;
  /** How long a purchase in progress on another request or instance is waited for, ms. Default 30 s. */
  purchaseWaitMs?: number;
  /** Clock. Default `Date.now`. */
  now?: () => number;
}

export interface FlexitiHandler {
  fetch(request: Request, info?: RequestInfo): Promise<Response>;
  /** Creates the checkout for one order on the merchant's server; give the page its `id`. */
  createCheckout(input: CreateCheckoutInput): Promise<{ id: string; expiresAt: number }>;
  /** The server-side truth of a checkout (undefined when unknown or past its retention). */
  getCheckout(id: string): Promise<CheckoutState | undefined>;
}

const WRONG_INPUTS = 'Some inputs are wrong!';
const CHECKOUT_HEADER = 'x-flexiti-checkout';

/** `?lang=` by the package's language rule; absent or empty: the handler's default. */
const langParam = (raw: string | null, fallback: Lang): Lang => (raw?.trim() ? apiLang(raw) : fallback);

/** An answer decided while handling a request: thrown to the top, sent as is. */
class Answer extends Error {
  constructor(readonly response: Response) {
    super('answer');
  }
}

const refuse = (status: number, path: string, error: string, message: string, fields?: FlexitiFieldError[]) =>
  new Answer(errorResponse(status, path, error, message, fields));

const verifyBodySchema = z.object({
  format: z.enum(VERIFY_FORMATS),
  security_qid: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(20))),
  security_answer: z.optional(z.string().check(z.maxLength(200))),
  piw: z.optional(z.string().check(z.maxLength(100))),
});

const purchaseBodySchema = z.object({
  plan_id: z
    .pipe(z.union([z.string(), z.number()]), z.transform(String))
    .check(z.refine((id) => /^\w{1,40}$/.test(id))),
  term: z
    .pipe(z.union([z.string(), z.number()]), z.transform(Number))
    .check(z.refine((term) => Number.isInteger(term) && term > 0)),
  verification_code: z.optional(
    z.pipe(
      z.union([z.string(), z.number()]),
      z.transform((code) => String(code).trim()),
    ),
  ),
});

/** A stable key for a person looked up, so guessing at one customer is limited across checkouts. */
async function personKey(query: {
  vcc_number?: string | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
  dob?: string | undefined;
}) {
  const identity = query.vcc_number
    ? `card:${query.vcc_number.replace(/\D/g, '')}`
    : `name:${[query.first_name, query.last_name].map((part) => (part ?? '').trim().toLowerCase()).join('|')}|${query.dob?.trim()}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(identity));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createFlexitiHandler(options: FlexitiHandlerOptions): FlexitiHandler {
  const { client } = options;
  const basePath = `/${(options.basePath ?? '/api/flexiti').replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  const maxBodyBytes = options.maxBodyBytes ?? 32 * 1024;
  const defaultLang = options.lang ?? 'en';
  const ttl = options.formValuesTtlMs ?? 15 * 60 * 1000;
  const now = options.now ?? Date.now;
  const store = options.store ?? createMemoryStore({ now });
  const limits = createLimiters(store, options.limits);
  const purchaseWaitMs = options.purchaseWaitMs ?? 30_000;
  const clientKey = options.clientKey ?? ((_request: Request, info: RequestInfo) => info.remoteAddress);
  const formValuesCache = new Map<Lang, { expiresAt: number; value: Promise<FormValues> }>();

  const badInput = (path: string, fields: FlexitiFieldError[]) =>
    errorResponse(400, path, 'wrong_inputs', WRONG_INPUTS, fields);

  function formValues(lang: Lang): Promise<FormValues> {
    const cached = formValuesCache.get(lang);
    if (cached && cached.expiresAt > now()) return cached.value;
    const value = client.login({ lang }).then((login) => login.form_values);
    formValuesCache.set(lang, { expiresAt: now() + ttl, value });
    // A failure is not cached: the next request tries again.
    value.catch(() => {
      if (formValuesCache.get(lang)?.value === value) formValuesCache.delete(lang);
    });
    return value;
  }

  /** Validates `body` with `schema`: the parsed value, or a 400 with field errors. */
  function validated<S extends z.ZodMiniType>(schema: S, body: unknown, path: string): z.output<S> {
    const fields = schemaFieldErrors(schema, body);
    if (fields.length > 0) throw new Answer(badInput(path, fields));
    return schema.parse(body) as z.output<S>;
  }

  // ── The checkout a request acts on ─────────────────────────────────────────────────────────────────────────

  interface Context {
    request: Request;
    info: RequestInfo;
    path: string;
    checkout: CheckoutRecord;
  }

  async function loadCheckout(request: Request, path: string): Promise<CheckoutRecord> {
    const id = request.headers.get(CHECKOUT_HEADER)?.trim() ?? '';
    if (id === '') throw refuse(401, path, 'checkout_required', 'This request needs the x-flexiti-checkout header.');
    const record = CHECKOUT_ID_PATTERN.test(id) ? await store.get(id) : undefined;
    if (!record) throw refuse(401, path, 'checkout_not_found', 'No such checkout.');
    const status = statusAt(record, now());
    if (status === 'expired' || status === 'cancelled')
      throw refuse(401, path, 'checkout_expired', 'This checkout has ended.');
    return record;
  }

  /** Atomically changes the checkout; `change` may throw an {@link Answer} to refuse. */
  async function change(
    context: Context,
    mutate: (current: CheckoutRecord) => CheckoutRecord | undefined,
  ): Promise<CheckoutRecord> {
    const next = await store.update(context.checkout.id, mutate);
    if (!next) throw refuse(401, context.path, 'checkout_not_found', 'No such checkout.');
    context.checkout = next;
    return next;
  }

  function notCompleted(record: CheckoutRecord, path: string): void {
    if (record.status === 'purchased') throw refuse(409, path, 'checkout_completed', 'This checkout is already paid.');
  }

  function boundCustomer(record: CheckoutRecord, path: string) {
    if (!record.customer) throw refuse(409, path, 'customer_not_bound', 'Apply or find the customer first.');
    return record.customer;
  }

  async function overrideAllowed(context: Context): Promise<boolean> {
    if (context.checkout.channel !== 'in_store' || !options.authorize) return false;
    return (
      (await options.authorize(context.request, 'merchant_override', checkoutState(context.checkout, now()))) === true
    );
  }

  /** Rejects cross-site callers: `Origin` must be allowed; without it, `Sec-Fetch-Site` must not say another site. */
  function checkOrigin(request: Request, url: URL, path: string): void {
    const allowed = options.allowedOrigins ?? [url.origin];
    const origin = request.headers.get('origin');
    if (origin !== null) {
      if (!allowed.includes(origin))
        throw refuse(403, path, 'origin_not_allowed', 'Requests from this origin are not allowed.');
      return;
    }
    const site = request.headers.get('sec-fetch-site');
    if (site === 'cross-site' || (site === 'same-site' && !options.allowedOrigins)) {
      throw refuse(403, path, 'origin_not_allowed', 'Requests from this origin are not allowed.');
    }
  }

  // ── Routes ──────────────────────────────────────────────────────────────────────────────────────────────────

  async function apply(context: Context, body: Record<string, unknown>): Promise<Response> {
    const { path } = context;
    notCompleted(context.checkout, path);
    if (context.checkout.customer) throw refuse(409, path, 'already_applied', 'This checkout already has a customer.');
    // The amount is the checkout's, whatever the page sent.
    const request = { ...body, amount_requested: context.checkout.amount };
    const fields = applyFieldErrors(request);
    if (fields.length > 0) return badInput(path, fields);
    const approval = await client.apply(applyRequestSchema.parse(request));
    const offers: OfferType[] = approval.offer_types ?? (await formValues(context.checkout.lang)).offer_types;
    const cardLast4 = lastFour(approval.vcc_number);
    const closable = approval.debt_ratio !== undefined;
    const record = await change(context, (current) => {
      // Two applications raced on one checkout: the first approval bound keeps it.
      if (current.customer) return undefined;
      return {
        ...current,
        status: 'approved',
        customer: {
          customerId: approval.customer_id,
          accountNumber: approval.account_number,
          source: 'apply',
          offers,
          availableCredit: approval.available_credit,
          ...(cardLast4 ? { cardLast4 } : {}),
          closable,
          methods: ['sms', 'email'],
        },
      };
    });
    if (record.customer?.customerId !== approval.customer_id)
      throw refuse(409, path, 'already_applied', 'This checkout already has a customer.');
    const answer: ApprovalResult & { methods: VerifyFormat[] } = {
      status: 'approved',
      available_credit: approval.available_credit,
      credit_limit: approval.credit_limit,
      ...(approval.debt_ratio !== undefined ? { debt_ratio: approval.debt_ratio } : {}),
      offer_types: allowedOffers(offers, record.plans),
      ...(cardLast4 ? { card_last4: cardLast4 } : {}),
      closable,
      methods: ['sms', 'email'],
    };
    return jsonResponse(answer);
  }

  async function closeAccount(context: Context): Promise<Response> {
    const { path, checkout } = context;
    const customer = boundCustomer(checkout, path);
    if (
      checkout.status !== 'approved' ||
      customer.source !== 'apply' ||
      !customer.closable ||
      !customer.accountNumber
    ) {
      throw refuse(
        409,
        path,
        'not_closable',
        'Only the account this checkout opened can be closed, once, before a purchase.',
      );
    }
    // Claim the close first, so two requests never close twice.
    let claimed = false;
    await change(context, (current) => {
      claimed = false;
      if (current.status !== 'approved' || !current.customer?.closable) return undefined;
      claimed = true;
      return { ...current, customer: { ...current.customer, closable: false } };
    });
    if (!claimed)
      throw refuse(
        409,
        path,
        'not_closable',
        'Only the account this checkout opened can be closed, once, before a purchase.',
      );
    try {
      await client.closeAccount(customer.accountNumber);
    } catch (error) {
      // Not closed: the customer may try again.
      await change(context, (current) => ({ ...current, customer: { ...current.customer!, closable: true } }));
      throw error;
    }
    await change(context, (current) => ({ ...current, status: 'cancelled' }));
    return jsonResponse({ status: 'cancelled' });
  }

  async function lookup(context: Context, body: Record<string, unknown>): Promise<Response> {
    const { path, checkout } = context;
    notCompleted(checkout, path);
    if (checkout.customer?.source === 'apply')
      throw refuse(409, path, 'already_applied', 'This checkout already has a customer.');
    const query = validated(lookupQuerySchema, { ...body, lang: body['lang'] ?? checkout.lang }, path);
    await limits.consume('lookupsPerCheckout', checkout.id);
    await limits.consume('lookupsPerCustomer', await personKey(query));
    const found = await client.lookup({ ...query, lang: (query.lang as Lang | undefined) ?? checkout.lang });
    const methods: VerifyFormat[] = ['sms', 'email'];
    if (found.security_qid.length > 0) methods.push('security_question');
    if (await overrideAllowed(context)) methods.push('merchant_override');
    const securityQuestions = found.security_qid.map(({ id, text }) => ({ id, text }));
    const record = await change(context, (current) => {
      if (current.status === 'purchased' || current.customer?.source === 'apply') return undefined;
      // A new lookup (a typo corrected) rebinds: anything verified for the previous person is dropped.
      const { verification: _dropped, ...rest } = current;
      return {
        ...rest,
        status: 'open',
        customer: {
          customerId: found.customer_id,
          accountNumber: found.account_number,
          source: 'lookup',
          offers: found.offer_types,
          availableCredit: found.available_credit,
          securityQuestions,
          methods,
        },
      };
    });
    if (record.customer?.customerId !== found.customer_id) {
      notCompleted(record, path);
      throw refuse(409, path, 'already_applied', 'This checkout already has a customer.');
    }
    const answer: LookupResult = {
      security_qid: securityQuestions,
      methods,
      offer_types: allowedOffers(found.offer_types, record.plans),
      // Yes or no, never the credit: the customer learns before any code is sent that this amount won't go through.
      ...canPayField(found.available_credit, record.amount),
    };
    return jsonResponse(answer);
  }

  async function verify(context: Context, body: Record<string, unknown>): Promise<Response> {
    const { path, checkout } = context;
    notCompleted(checkout, path);
    const customer = boundCustomer(checkout, path);
    if ('customer_id' in body) {
      return badInput(path, [{ param: 'customer_id', msg: 'not allowed: the checkout decides the customer' }]);
    }
    const request = validated(verifyBodySchema, body, path);
    const methods = customer.methods ?? [];
    if (request.format === 'merchant_override') {
      if (!(await overrideAllowed(context)))
        throw refuse(403, path, 'method_not_allowed', 'The store override is not available on this checkout.');
    } else if (!methods.includes(request.format)) {
      throw refuse(403, path, 'method_not_allowed', 'This verification method is not available for this customer.');
    }
    if (request.format === 'security_question') {
      const missing = (['security_qid', 'security_answer'] as const).filter((key) => !request[key]?.trim());
      if (missing.length > 0)
        return badInput(
          path,
          missing.map((param) => ({ param, msg: 'required' })),
        );
      if (!customer.securityQuestions?.some((question) => question.id === request.security_qid)) {
        return badInput(path, [{ param: 'security_qid', msg: 'invalid' }]);
      }
      await limits.check('wrongAnswersPerCheckout', checkout.id);
    }
    if (request.format === 'sms' || request.format === 'email') {
      await limits.consume('codeSendsPerCheckout', checkout.id);
      await limits.consume('codeSendsPerCustomer', customer.customerId);
    }
    let answer;
    try {
      answer = await client.verify(customer.customerId, {
        format: request.format,
        ...(request.format === 'security_question'
          ? { security_qid: request.security_qid, security_answer: request.security_answer }
          : {}),
        ...(request.piw?.trim() ? { piw: request.piw } : {}),
      });
    } catch (error) {
      if (error instanceof FlexitiClientError && error.code === 'secret_answer_mismatch') {
        await limits.fail('wrongAnswersPerCheckout', checkout.id);
      }
      throw error;
    }
    const at = now();
    const sentTo = answer.sent_to;
    await change(context, (current) => {
      if (current.status === 'purchased' || current.customer?.customerId !== customer.customerId) return undefined;
      return {
        ...current,
        // A code the customer types (text message, email) is checked by the purchase; a returned code proves it now.
        status: sentTo ? current.status : 'verified',
        verification: sentTo
          ? { format: request.format, sentTo, at }
          : { format: request.format, code: answer.verification_code, at },
      };
    });
    if (context.checkout.verification?.at !== at) notCompleted(context.checkout, path);
    const verified: VerifyAnswer = sentTo ? { status: 'code_sent', sent_to: sentTo } : { status: 'verified' };
    return jsonResponse(verified);
  }

  async function license(_context: Context, body: Record<string, unknown>, path: string): Promise<Response> {
    const { code } = validated(licenseRequestSchema, body, path);
    return jsonResponse(await client.decodeLicense(code));
  }

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function purchase(context: Context, body: Record<string, unknown>): Promise<Response> {
    const { path } = context;
    const choice = validated(purchaseBodySchema, body, path);
    const deadline = now() + purchaseWaitMs;
    for (;;) {
      const checkout = context.checkout;
      // A repeat, or a race lost to another request or instance: the same receipt, never a second purchase.
      if (checkout.transaction) return jsonResponse(receiptView(checkout.transaction));
      const customer = boundCustomer(checkout, path);
      const offer = allowedOffers(customer.offers, checkout.plans).find(
        (candidate) => candidate.plan_id === choice.plan_id,
      );
      if (!offer)
        return errorResponse(400, path, 'plan_not_offered', 'This plan is not offered for this purchase.', [
          { param: 'plan_id', msg: 'not offered' },
        ]);
      if (!offer.term_options.includes(choice.term)) {
        return errorResponse(400, path, 'plan_not_offered', 'This term is not offered for this plan.', [
          { param: 'term', msg: 'not offered' },
        ]);
      }
      const verification = checkout.verification;
      if (!verification) throw refuse(409, path, 'verification_required', 'Verify the customer first.');
      const code = verification.code ?? choice.verification_code;
      if (!code)
        return errorResponse(400, path, 'verification_code_required', 'Enter the code.', [
          { param: 'verification_code', msg: 'required' },
        ]);
      if (!/^\d{1,12}$/.test(code)) {
        return errorResponse(400, path, 'wrong_verification_code', 'This code is incorrect.', [
          { param: 'verification_code', msg: 'wrong format' },
        ]);
      }

      // Claim the purchase: one caller posts, across instances.
      const startedAt = now();
      let claimed = false;
      await change(context, (current) => {
        claimed = false;
        if (current.transaction) return undefined;
        if (current.purchasing && current.purchasing.since + purchaseWaitMs > startedAt) return undefined;
        claimed = true;
        return { ...current, purchasing: { since: startedAt, planId: choice.plan_id, term: choice.term } };
      });
      if (!claimed) {
        if (context.checkout.transaction) continue;
        if (now() > deadline) throw refuse(409, path, 'purchase_in_progress', 'The purchase is still being processed.');
        await sleep(50);
        context.checkout = (await store.get(checkout.id)) ?? context.checkout;
        continue;
      }
      return postPurchase(context, offer, choice.term, code, verification.code === undefined);
    }
  }

  async function postPurchase(
    context: Context,
    offer: OfferType,
    term: number,
    code: string,
    typedCode: boolean,
  ): Promise<Response> {
    const { path } = context;
    const checkout = context.checkout;
    const customer = checkout.customer!;
    // Derived from the checkout: a retry after an unknown outcome replays the same key, so Flexiti posts once.
    // It changes only after a definite refusal (a wrong code), so the next try is a new purchase attempt.
    const idempotencyKey = `flexiti-checkout-${checkout.id}-${checkout.purchaseAttempts}`;
    let answer;
    try {
      answer = await client.postTransaction(
        {
          transaction_type: 'promotional_purchase',
          customer_id: customer.customerId,
          amount: checkout.amount,
          plan_id: offer.plan_id,
          term,
          customer_confirmed: true,
          verification_code: code,
        },
        { idempotencyKey, lang: checkout.lang },
      );
    } catch (error) {
      const definite = error instanceof FlexitiClientError && error.status !== undefined && error.status < 500;
      await change(context, (current) => {
        const { purchasing: _released, ...rest } = current;
        return { ...rest, purchaseAttempts: current.purchaseAttempts + (definite ? 1 : 0) };
      });
      if (error instanceof FlexitiClientError && error.code === 'wrong_verification_code') {
        const verification = context.checkout.verification;
        const { exhausted } = await limits.fail('wrongCodesPerCode', `${checkout.id}:${verification?.at ?? 0}`);
        if (exhausted || !typedCode) {
          // Too many guesses, or a code the API itself returned was refused (expired): a new verification is needed.
          await change(context, (current) => {
            const { verification: _void, ...rest } = current;
            return {
              ...rest,
              status:
                current.status === 'verified'
                  ? current.customer?.source === 'apply'
                    ? 'approved'
                    : 'open'
                  : current.status,
            };
          });
          throw refuse(
            409,
            path,
            'verification_void',
            'This code can no longer be used: verify again to get a new one.',
          );
        }
        return errorResponse(400, path, 'wrong_verification_code', 'This code is incorrect.', [
          { param: 'verification_code', msg: 'invalid' },
        ]);
      }
      throw error;
    }
    const transaction: CheckoutTransaction = {
      transactionId: answer.transaction_id,
      planId: offer.plan_id,
      ...('plan_name' in answer && answer.plan_name ? { planName: answer.plan_name } : { planName: offer.plan_name }),
      term,
      amount: checkout.amount,
      ...('payment_value' in answer ? { paymentValue: answer.payment_value } : {}),
      ...('apr' in answer && answer.apr !== undefined ? { apr: answer.apr } : {}),
      ...(customer.cardLast4 ? { cardLast4: customer.cardLast4 } : {}),
      at: now(),
    };
    let first = false;
    const record = await change(context, (current) => {
      first = false;
      if (current.transaction) return undefined;
      first = true;
      const { purchasing: _done, verification: _used, ...rest } = current;
      return { ...rest, status: 'purchased', transaction };
    });
    if (first && options.onPurchase) {
      try {
        await options.onPurchase(checkoutState(record, now()), { ...transaction });
      } catch {
        // The purchase happened; the merchant's hook failing must not tell the customer otherwise.
      }
    }
    return jsonResponse(receiptView(record.transaction ?? transaction));
  }

  // ── Routing: exact paths, nothing else ──────────────────────────────────────────────────────────────────────

  type PublicRoute = (url: URL, path: string) => Promise<Response>;
  type CheckoutRoute = {
    method: 'GET' | 'POST';
    limit?: LimitName;
    handle: (context: Context, body: Record<string, unknown>, path: string) => Promise<Response>;
  };

  const publicRoutes: Record<string, PublicRoute> = {
    '/form-values': async (url) => {
      return jsonResponse(await formValues(langParam(url.searchParams.get('lang'), defaultLang)));
    },
    '/terms': async (url, path) => {
      const query = {
        province: url.searchParams.get('province') ?? undefined,
        lang: url.searchParams.get('lang') || defaultLang,
      };
      const { province, lang } = validated(termsQuerySchema, query, path);
      return htmlResponse(await client.terms({ province, lang: lang as Lang }));
    },
  };

  const checkoutRoutes: Record<string, CheckoutRoute> = {
    '/checkout': { method: 'GET', handle: async (context) => jsonResponse(browserView(context.checkout, now())) },
    '/apply': { method: 'POST', handle: apply },
    '/close-account': { method: 'POST', handle: (context) => closeAccount(context) },
    '/license': { method: 'POST', handle: license },
    '/lookup': { method: 'POST', handle: lookup },
    '/verify': { method: 'POST', handle: verify },
    '/purchase': { method: 'POST', handle: purchase },
  };

  async function readJson(request: Request, path: string): Promise<Record<string, unknown>> {
    let text: string;
    try {
      text = await readBodyText(request, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        throw refuse(413, path, 'payload_too_large', `The request body is larger than ${maxBodyBytes} bytes.`);
      }
      throw error;
    }
    // Requiring JSON also keeps plain cross-site form posts out (they cannot send application/json).
    const contentType = request.headers.get('content-type') ?? '';
    const parsed = /^application\/json\b/i.test(contentType) ? parseJson(text) : { ok: false as const };
    if (!parsed.ok || !isPlainObject(parsed.value))
      throw refuse(400, path, 'bad_request', 'The request body must be a JSON object.');
    return parsed.value;
  }

  /** A client failure → Flexiti's answer passed on, or a gateway error for what the browser cannot fix. */
  function fromClientError(error: FlexitiClientError, path: string): Response {
    if (error.type === 'auth')
      return errorResponse(502, path, error.code, 'The store could not authenticate with Flexiti.');
    if (error.status === undefined)
      return errorResponse(error.code === 'timeout' ? 504 : 502, path, error.code, error.error.message);
    const headers: Record<string, string> = error.retryAfter ? { 'retry-after': error.retryAfter } : {};
    if (isPlainObject(error.body)) {
      const body = { ...error.body };
      // Flexiti's `url` names the merchant's client id and, for lookups, the query: say ours instead.
      if ('url' in body) body['url'] = path;
      return jsonResponse(body, error.status, headers);
    }
    return errorResponse(error.status, path, error.code, error.error.message, undefined, headers);
  }

  async function route(request: Request, url: URL, info: RequestInfo): Promise<Response> {
    const path = url.pathname;
    try {
      decodeURIComponent(path);
    } catch {
      return errorResponse(400, path, 'bad_request', 'The path is not valid.');
    }
    // Exact matching on the raw path: no trailing slash, no encoded alias, no dot segment reaches a route.
    const tail = path.startsWith(`${basePath}/`) ? path.slice(basePath.length) : undefined;
    const publicRoute = tail !== undefined && Object.hasOwn(publicRoutes, tail) ? publicRoutes[tail] : undefined;
    if (publicRoute) {
      if (request.method !== 'GET')
        return errorResponse(405, path, 'method_not_allowed', 'Use GET.', undefined, { allow: 'GET' });
      return publicRoute(url, path);
    }
    const found = tail !== undefined && Object.hasOwn(checkoutRoutes, tail) ? checkoutRoutes[tail] : undefined;
    if (!found) return errorResponse(404, path, 'route_not_found', 'No such route.');
    if (request.method !== found.method) {
      return errorResponse(405, path, 'method_not_allowed', `Use ${found.method}.`, undefined, { allow: found.method });
    }
    checkOrigin(request, url, path);
    const client = clientKey(request, info);
    // Both at once: on Redis they share one round trip's wait instead of taking two.
    const [, checkout] = await Promise.all([
      client === undefined ? undefined : limits.consume('requestsPerClient', client),
      loadCheckout(request, path),
    ]);
    const body = found.method === 'POST' ? await readJson(request, path) : {};
    return found.handle({ request, info, path, checkout }, body, path);
  }

  return {
    async fetch(request, info = {}) {
      let path = '';
      try {
        const url = new URL(request.url);
        path = url.pathname;
        return await route(request, url, info);
      } catch (error) {
        if (error instanceof Answer) return error.response;
        if (error instanceof TooManyAttemptsError) {
          const seconds = String(error.retryAfterSeconds);
          return jsonResponse(
            {
              url: path,
              message: 'Too many attempts. Try again later.',
              error: 'too_many_attempts',
              retry_after: error.retryAfterSeconds,
            },
            429,
            { 'retry-after': seconds },
          );
        }
        if (error instanceof FlexitiClientError) return fromClientError(error, path);
        // Anything else is our bug or the store's: say so without details (no stack, no message that could hold data).
        return errorResponse(500, path, 'general_error', 'Something went wrong.');
      }
    },

    async createCheckout(input) {
      const parsed = parseCheckoutInput(input);
      const createdAt = now();
      const expiresAt = createdAt + (parsed.ttlMs ?? DEFAULT_CHECKOUT_TTL_MS);
      const record: CheckoutRecord = {
        id: newCheckoutId(),
        orderId: parsed.orderId,
        amount: parsed.amount,
        channel: parsed.channel,
        ...(parsed.plans
          ? {
              plans: parsed.plans.map((plan) => ({
                plan_id: plan.plan_id,
                ...(plan.terms ? { terms: [...plan.terms] } : {}),
              })),
            }
          : {}),
        ...withPlanCosts(mergePlanCosts(options.planCosts, parsed.plans)),
        lang: parsed.lang ?? defaultLang,
        status: 'open',
        createdAt,
        expiresAt,
        purchaseAttempts: 0,
      };
      await store.create(record, expiresAt + CHECKOUT_RETENTION_MS);
      return { id: record.id, expiresAt };
    },

    async getCheckout(id) {
      if (!CHECKOUT_ID_PATTERN.test(id)) return undefined;
      const record = await store.get(id);
      return record ? checkoutState(record, now()) : undefined;
    },
  };
}

function withPlanCosts(planCosts: Record<string, PlanCostTerms> | undefined): {
  planCosts?: Record<string, PlanCostTerms>;
} {
  return planCosts ? { planCosts } : {};
}
