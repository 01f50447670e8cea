/**
 * Where checkout sessions live. The handler keeps every fact the browser must not decide here (amount, the
 * customer bound to the checkout, codes the API returned, the purchase), so a checkout made on one server
 * instance is used on another when the store is shared (`createRedisStore`).
 */
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { OfferType } from '../../model/index.js';

export type CheckoutStatus = 'open' | 'approved' | 'verified' | 'purchased' | 'cancelled' | 'expired';
export type CheckoutChannel = 'online' | 'in_store';

/** A plan the merchant allows on a checkout; `terms` absent means every term Flexiti offers for it. */
export interface AllowedPlan {
  plan_id: string;
  terms?: number[];
  /** The plan's annual percentage rate from the merchant's Flexiti agreement (`9.99`): the page shows each term's cost. */
  apr?: number;
  /** A one-time fee in dollars from the merchant's Flexiti agreement, counted in the cost of borrowing. */
  fee?: number;
}

/** A plan's cost terms from the merchant's Flexiti agreement. */
export interface PlanCostTerms {
  /** Annual percentage rate, percent (`9.99`). */
  apr?: number;
  /** One-time fee, dollars. */
  fee?: number;
}

/** The customer a checkout acts on, bound by its own approval or lookup. Server-side only. */
export interface BoundCustomer {
  customerId: string;
  accountNumber?: string;
  /** How it was bound: a new approval (`apply`) or a lookup of an existing customer. */
  source: 'apply' | 'lookup';
  /** The plans Flexiti offers this customer (before the checkout's own filter). */
  offers: OfferType[];
  availableCredit?: number;
  cardLast4?: string;
  /** A Quebec approval with a debt ratio: the customer may close this new account once, before a purchase. */
  closable?: boolean;
  /** Security questions from the lookup (ids and texts), the only ones `verify` accepts. */
  securityQuestions?: { id: string; text: string }[];
  /** Verification methods the lookup found usable (e.g. no SMS without a phone on file). */
  methods?: string[];
}

/** The last successful verification. `code` is a code the API returned (override, security question): never sent to the browser. */
export interface CheckoutVerification {
  format: string;
  code?: string;
  sentTo?: 'sms' | 'email';
  at: number;
}

/** The purchase as the merchant reads it; the browser's receipt is a view of it. */
export interface CheckoutTransaction {
  transactionId: string;
  planId: string;
  planName?: string;
  term: number;
  amount: number;
  paymentValue?: number;
  apr?: number;
  cardLast4?: string;
  at: number;
}

export interface CheckoutRecord {
  /** Opaque, at least 128 random bits. */
  id: string;
  orderId: string;
  amount: number;
  channel: CheckoutChannel;
  /** The merchant's filter on Flexiti's offers; absent: every plan Flexiti offers the customer. */
  plans?: AllowedPlan[];
  /** Each plan's APR and one-time fee, by `plan_id` (the handler's `planCosts`, then this checkout's `plans`). */
  planCosts?: Record<string, PlanCostTerms>;
  lang: 'en' | 'fr';
  status: CheckoutStatus;
  createdAt: number;
  expiresAt: number;
  customer?: BoundCustomer;
  verification?: CheckoutVerification;
  /** Set while one caller posts the purchase, so a second caller (or instance) waits for its result. */
  purchasing?: { since: number; planId: string; term: number };
  /** How many purchase attempts were posted: part of the idempotency key, so a new code gets a new key. */
  purchaseAttempts: number;
  transaction?: CheckoutTransaction;
}

/** Options of one limiter (rate-limiter-flexible's names): `points` per `duration` seconds. */
export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  duration: number;
  blockDuration?: number;
}

/**
 * The storage the handler needs. Implementations: `createMemoryStore()` (one process; `npm start`) and
 * `createRedisStore({ url })` (several instances).
 */
export interface CheckoutStore {
  /**
   * Saves a new checkout, kept until `retainUntil` (ms since the epoch; afterwards `get` and `update` find
   * nothing). Rejects with `CheckoutStoreError` code `exists` when a checkout with this id is still kept.
   */
  create(record: CheckoutRecord, retainUntil: number): Promise<void>;
  /** The stored checkout (a copy: changing it changes nothing stored), or undefined. */
  get(id: string): Promise<CheckoutRecord | undefined>;
  /**
   * Atomic read-modify-write: `change` gets the stored record and returns the next one, or `undefined` to leave
   * it as it is. Concurrent updates (other requests, other instances) never overwrite each other: `change` may
   * be called again with the newer record. Resolves to the stored record after the update (undefined when
   * there is no such checkout). The retention set by `create` is kept.
   *
   * `change` must be synchronous and free of side effects: only its last run counts. To learn whether your
   * change won a race (e.g. `verified` → `purchasing`), look at the record it resolves to, or set a flag on
   * every run (`won = false` before returning undefined, `won = true` before returning the change).
   * `change` may mutate its argument (a copy). It may not change `id`. Rejects with `CheckoutStoreError` code
   * `conflict` when other writers kept winning for too many attempts (Redis), and with whatever `change` throws.
   */
  update(
    id: string,
    change: (current: CheckoutRecord) => CheckoutRecord | undefined,
  ): Promise<CheckoutRecord | undefined>;
  /** A rate limiter (rate-limiter-flexible) on this store's backend, so limits hold across instances. */
  limiter(options: LimiterOptions): RateLimiterAbstract;
  /** Releases connections (Redis); the memory store has nothing to release. */
  close(): Promise<void>;
}

/** What a store rejects with when the operation itself cannot be done (not for a missing checkout). */
export class CheckoutStoreError extends Error {
  override name = 'CheckoutStoreError';
  constructor(
    /** `exists`: `create` with an id still kept; `conflict`: `update` lost too many races in a row. */
    readonly code: 'exists' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}
