/**
 * Checkout sessions as the merchant's server makes and reads them, and the views the browser may see of them.
 * The browser's views carry only what the customer has proved they may see: never a card number, account
 * number, customer id, address, credit or code.
 */
import { z } from 'zod/mini';
import { toCents, type OfferType, type PurchaseReceipt } from '../../model/index.js';
import type {
  AllowedPlan,
  CheckoutChannel,
  CheckoutRecord,
  CheckoutStatus,
  CheckoutTransaction,
  PlanCostTerms,
} from './store.js';

/** What the merchant's server passes to `createCheckout` for one order. */
export interface CreateCheckoutInput {
  /** The merchant's order reference (at most 100 characters); shown back in `getCheckout` and events. */
  orderId: string;
  /** The amount to finance, in dollars (two decimals at most). The browser can never change it. */
  amount: number;
  /** `online`: a shopper on a public site (no merchant override). `in_store`: staff at a till. */
  channel: CheckoutChannel;
  /** Plans (and terms) this order may use; default every plan Flexiti offers the customer. */
  plans?: AllowedPlan[];
  lang?: 'en' | 'fr';
  /** How long the checkout stays usable. Default 30 minutes, at most 24 hours. */
  ttlMs?: number;
}

export const DEFAULT_CHECKOUT_TTL_MS = 30 * 60 * 1000;
export const MAX_CHECKOUT_TTL_MS = 24 * 60 * 60 * 1000;
/** How long an ended checkout stays readable by `getCheckout` after it expires. */
export const CHECKOUT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

const createCheckoutSchema = z.object({
  orderId: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  amount: z.number().check(
    z.positive(),
    z.refine(
      (amount) => Number.isFinite(amount) && Math.round(amount * 100) === Number((amount * 100).toFixed(6)),
      'at most two decimals',
    ),
  ),
  channel: z.enum(['online', 'in_store']),
  plans: z.optional(
    z.array(
      z.object({
        plan_id: z.string().check(z.minLength(1)),
        terms: z.optional(z.array(z.number().check(z.int(), z.positive()))),
        apr: z.optional(z.number().check(z.gte(0), z.lt(100))),
        fee: z.optional(z.number().check(z.gte(0))),
      }),
    ),
  ),
  lang: z.optional(z.enum(['en', 'fr'])),
  ttlMs: z.optional(z.number().check(z.int(), z.positive(), z.maximum(MAX_CHECKOUT_TTL_MS))),
});

/** A merchant's mistake in `createCheckout`: a programming error on the server, thrown, never sent to a browser. */
export class CheckoutInputError extends TypeError {
  override readonly name = 'CheckoutInputError';
}

export function parseCheckoutInput(input: CreateCheckoutInput): z.output<typeof createCheckoutSchema> {
  const parsed = createCheckoutSchema.safeParse(input);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(input)'))];
    throw new CheckoutInputError(`createCheckout: invalid ${fields.join(', ')}`);
  }
  return parsed.data;
}

/** 128 random bits, base64url: opaque and unguessable. */
export function newCheckoutId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export const CHECKOUT_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** The status a record has now: past its expiry an unfinished checkout is `expired`. */
export function statusAt(record: CheckoutRecord, now: number): CheckoutStatus {
  const ended = record.status === 'purchased' || record.status === 'cancelled';
  return !ended && now >= record.expiresAt ? 'expired' : record.status;
}

/** What `getCheckout` gives the merchant's server: the truth its order system may trust. */
export interface CheckoutState {
  id: string;
  orderId: string;
  amount: number;
  channel: CheckoutChannel;
  status: CheckoutStatus;
  createdAt: number;
  expiresAt: number;
  /** The Flexiti customer this checkout acts on, once an approval or a lookup bound one. */
  customerId?: string;
  /** `apply`: a new customer approved in this checkout; `lookup`: an existing customer. */
  customerSource?: 'apply' | 'lookup';
  transaction?: CheckoutTransaction;
}

export function checkoutState(record: CheckoutRecord, now: number): CheckoutState {
  return {
    id: record.id,
    orderId: record.orderId,
    amount: record.amount,
    channel: record.channel,
    status: statusAt(record, now),
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    ...(record.customer ? { customerId: record.customer.customerId, customerSource: record.customer.source } : {}),
    ...(record.transaction ? { transaction: { ...record.transaction } } : {}),
  };
}

/**
 * What the browser may learn of a customer's credit for this checkout: the `can_pay` yes or no (the credit itself
 * never leaves the server), or nothing when the API gave no credit. The lookup and a reload say it alike.
 */
export function canPayField(availableCredit: unknown, amount: number): { can_pay?: boolean } {
  return typeof availableCredit === 'number' ? { can_pay: toCents(availableCredit) >= toCents(amount) } : {};
}

/** Flexiti's offers for the customer, less what the merchant's `plans` leave out (terms intersected). */
export function allowedOffers(offers: readonly OfferType[], plans: readonly AllowedPlan[] | undefined): OfferType[] {
  if (!plans) return offers.map((offer) => ({ ...offer, term_options: [...offer.term_options] }));
  return offers.flatMap((offer) => {
    const allowed = plans.find((plan) => plan.plan_id === offer.plan_id);
    if (!allowed) return [];
    const terms = allowed.terms
      ? offer.term_options.filter((term) => allowed.terms!.includes(term))
      : [...offer.term_options];
    return terms.length > 0 ? [{ ...offer, term_options: terms }] : [];
  });
}

/** Usable cost terms: an APR in [0, 100) and a fee ≥ 0, each optional. */
const planCostSchema = z.object({
  apr: z.optional(z.number().check(z.gte(0), z.lt(100))),
  fee: z.optional(z.number().check(z.gte(0))),
});

/**
 * Each plan's APR and fee for a checkout: the handler's `planCosts` (the merchant's Flexiti agreement), then what
 * this checkout's `plans[]` say. Throws a `CheckoutInputError` for an unusable rate or fee in the handler's list.
 */
export function mergePlanCosts(
  configured: Readonly<Record<string, PlanCostTerms>> | undefined,
  plans: readonly AllowedPlan[] | undefined,
): Record<string, PlanCostTerms> | undefined {
  const costs: Record<string, PlanCostTerms> = {};
  for (const [planId, terms] of Object.entries(configured ?? {})) {
    const parsed = planCostSchema.safeParse(terms);
    if (!parsed.success) throw new CheckoutInputError(`planCosts: invalid rate or fee for plan ${planId}`);
    costs[planId] = { ...parsed.data };
  }
  for (const plan of plans ?? []) {
    if (plan.apr === undefined && plan.fee === undefined) continue;
    costs[plan.plan_id] = {
      ...costs[plan.plan_id],
      ...(plan.apr !== undefined ? { apr: plan.apr } : {}),
      ...(plan.fee !== undefined ? { fee: plan.fee } : {}),
    };
  }
  return Object.keys(costs).length > 0 ? costs : undefined;
}

/** `plan_rates` and `plan_fees` by `plan_id` for the page, when the merchant gave any. */
export function planCostView(costs: Readonly<Record<string, PlanCostTerms>> | undefined) {
  const rates: Record<string, number> = {};
  const fees: Record<string, number> = {};
  for (const [planId, terms] of Object.entries(costs ?? {})) {
    if (terms.apr !== undefined) rates[planId] = terms.apr;
    if (terms.fee !== undefined) fees[planId] = terms.fee;
  }
  return {
    ...(Object.keys(rates).length > 0 ? { plan_rates: rates } : {}),
    ...(Object.keys(fees).length > 0 ? { plan_fees: fees } : {}),
  };
}

/** The receipt the browser may see after the purchase: the model's `PurchaseReceipt`, which the elements read. */
export function receiptView(transaction: CheckoutTransaction): PurchaseReceipt {
  return {
    status: 'purchased' as const,
    transaction_id: transaction.transactionId,
    plan_id: transaction.planId,
    ...(transaction.planName ? { plan_name: transaction.planName } : {}),
    term: transaction.term,
    amount: transaction.amount,
    ...(transaction.paymentValue !== undefined ? { payment_value: transaction.paymentValue } : {}),
    ...(transaction.apr !== undefined ? { apr: transaction.apr } : {}),
    ...(transaction.cardLast4 ? { card_last4: transaction.cardLast4 } : {}),
  };
}

/** `GET checkout`: what the page may know of its own checkout. */
export function browserView(record: CheckoutRecord, now: number) {
  const customer = record.customer;
  const verified = record.status === 'verified' || record.status === 'purchased';
  return {
    amount: record.amount,
    currency: 'CAD' as const,
    channel: record.channel,
    status: statusAt(record, now),
    lang: record.lang,
    expires_at: new Date(record.expiresAt).toISOString(),
    ...planCostView(record.planCosts),
    ...(customer
      ? {
          customer: {
            verified,
            // What the page needs to resume at the plan step after a reload: how the customer was found and,
            // for a lookup, the questions it already showed (their ids and texts, never the answers).
            source: customer.source,
            ...(customer.source === 'apply' && customer.cardLast4 ? { card_last4: customer.cardLast4 } : {}),
            // The lookup's yes or no again (never the credit), so a reload still says so before any code is sent.
            ...(customer.source === 'lookup' ? canPayField(customer.availableCredit, record.amount) : {}),
            ...(customer.securityQuestions?.length
              ? { security_qid: customer.securityQuestions.map(({ id, text }) => ({ id, text })) }
              : {}),
          },
          offer_types: allowedOffers(customer.offers, record.plans),
          ...(customer.methods ? { methods: [...customer.methods] } : {}),
        }
      : {}),
    ...(record.transaction ? { receipt: receiptView(record.transaction) } : {}),
  };
}

/** The last four digits of a card number, or undefined. */
export function lastFour(cardNumber: string | undefined): string | undefined {
  const digits = cardNumber?.replace(/\D/g, '') ?? '';
  return digits.length >= 4 ? digits.slice(-4) : undefined;
}
