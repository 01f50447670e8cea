/**
 * Attempt limits of checkout sessions, on rate-limiter-flexible over the checkout store's backend, so that a
 * limit holds across server instances when the store is shared. Each limit answers 429 with `Retry-After`.
 */
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { CheckoutStore } from './store.js';

/** `points` attempts per `duration` seconds. */
export interface Limit {
  points: number;
  duration: number;
}

/** Every limit of the handler; each can be changed through `createFlexitiHandler({ limits })`. */
export interface CheckoutLimits {
  /** Lookups on one checkout. */
  lookupsPerCheckout: Limit;
  /** Codes sent by text message or email on one checkout. */
  codeSendsPerCheckout: Limit;
  /** Wrong codes against one code; then the code is void and a new verification is needed. */
  wrongCodesPerCode: Limit;
  /** Wrong security answers on one checkout. */
  wrongAnswersPerCheckout: Limit;
  /** Every checkout request from one client (`clientKey(request)`). */
  requestsPerClient: Limit;
  /** Lookups of one person (the same card number, or the same name and date of birth), across checkouts. */
  lookupsPerCustomer: Limit;
  /** Codes sent to one customer, across checkouts. */
  codeSendsPerCustomer: Limit;
}

const DAY = 24 * 60 * 60;

export const DEFAULT_LIMITS: CheckoutLimits = {
  lookupsPerCheckout: { points: 5, duration: DAY },
  codeSendsPerCheckout: { points: 3, duration: DAY },
  wrongCodesPerCode: { points: 5, duration: DAY },
  wrongAnswersPerCheckout: { points: 2, duration: DAY },
  requestsPerClient: { points: 300, duration: 60 },
  lookupsPerCustomer: { points: 10, duration: 60 * 60 },
  codeSendsPerCustomer: { points: 5, duration: 60 * 60 },
};

export type LimitName = keyof CheckoutLimits;

/** A limit was reached: answered 429 with `Retry-After` (whole seconds, at least 1). */
export class TooManyAttemptsError extends Error {
  override readonly name = 'TooManyAttemptsError';
  constructor(
    readonly limit: LimitName,
    readonly retryAfterSeconds: number,
  ) {
    super(`Limit reached: ${limit}`);
  }
}

function isLimiterAnswer(value: unknown): value is RateLimiterRes {
  return typeof value === 'object' && value !== null && 'msBeforeNext' in value && !(value instanceof Error);
}

function retryAfter(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

export interface Limiters {
  /** Counts one attempt; throws {@link TooManyAttemptsError} when it is over the limit. */
  consume(name: LimitName, key: string): Promise<void>;
  /** Throws {@link TooManyAttemptsError} when the limit is already used up, without counting an attempt. */
  check(name: LimitName, key: string): Promise<void>;
  /** Counts one failure and tells whether the limit is now used up (the caller then voids what was guessed at). */
  fail(name: LimitName, key: string): Promise<{ exhausted: boolean }>;
}

export function createLimiters(store: CheckoutStore, overrides: Partial<CheckoutLimits> = {}): Limiters {
  const limits: CheckoutLimits = { ...DEFAULT_LIMITS, ...overrides };
  const limiters = new Map<LimitName, RateLimiterAbstract>();
  const limiter = (name: LimitName): RateLimiterAbstract => {
    let found = limiters.get(name);
    if (!found) {
      found = store.limiter({ keyPrefix: `flexiti:${name}`, ...limits[name] });
      limiters.set(name, found);
    }
    return found;
  };

  return {
    async consume(name, key) {
      try {
        await limiter(name).consume(key);
      } catch (rejection) {
        if (isLimiterAnswer(rejection)) throw new TooManyAttemptsError(name, retryAfter(rejection.msBeforeNext));
        throw rejection;
      }
    },
    async check(name, key) {
      const state = await limiter(name).get(key);
      if (state && state.consumedPoints >= limits[name].points) {
        throw new TooManyAttemptsError(name, retryAfter(state.msBeforeNext));
      }
    },
    async fail(name, key) {
      try {
        const state = await limiter(name).consume(key);
        return { exhausted: state.remainingPoints <= 0 };
      } catch (rejection) {
        if (isLimiterAnswer(rejection)) return { exhausted: true };
        throw rejection;
      }
    },
  };
}
