/**
 * The in-memory `CheckoutStore`: one process (`npm start`, a single server instance, tests). Checkouts are kept
 * until their `retainUntil` and swept lazily (on access, and over the whole map at most every 10 s of `create`
 * calls): no timer keeps Node alive. Nothing is shared between processes: run several instances on
 * `createRedisStore` instead.
 */
import type { RateLimiterAbstract, RateLimiterMemory as RateLimiterMemoryClass } from 'rate-limiter-flexible';
// The memory limiter's own module: the package's index also loads its Node-only backends (cluster, databases),
// which edge bundles cannot resolve. The module has no typings of its own; it is the class the index exports.
// @ts-expect-error TS7016: no declaration file for the deep path.
import RateLimiterMemoryModule from 'rate-limiter-flexible/lib/RateLimiterMemory.js';

const RateLimiterMemory = RateLimiterMemoryModule as typeof RateLimiterMemoryClass;
import { checkRetention, checkSameId } from './checks.js';
import { CheckoutStoreError, type CheckoutRecord, type CheckoutStore, type LimiterOptions } from './store.js';

export interface MemoryStoreOptions {
  /** The clock retention is measured with (ms since the epoch). Default `Date.now`. */
  now?: () => number;
}

interface Entry {
  record: CheckoutRecord;
  retainUntil: number;
}

const SWEEP_EVERY_MS = 10_000;

/**
 * Records are copied (`structuredClone`) on the way in and out, so a caller never holds an object the store
 * keeps. `update` reads, changes and writes without yielding, so it is atomic within the process. `limiter()`
 * gives rate-limiter-flexible's `RateLimiterMemory`; the same options give the same limiter, so two handlers on
 * one memory store share their limits (as they would on Redis). Its windows run on the real clock, not `now`.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): CheckoutStore {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const limiters = new Map<string, RateLimiterMemoryClass>();
  let nextSweep = now() + SWEEP_EVERY_MS;

  /** The entry still retained, or undefined (and the stale one is dropped). */
  function live(id: string): Entry | undefined {
    const entry = entries.get(id);
    if (entry && now() >= entry.retainUntil) {
      entries.delete(id);
      return undefined;
    }
    return entry;
  }

  function sweep() {
    const at = now();
    if (at < nextSweep) return;
    nextSweep = at + SWEEP_EVERY_MS;
    for (const [id, entry] of entries) if (at >= entry.retainUntil) entries.delete(id);
  }

  return {
    async create(record, retainUntil) {
      checkRetention(retainUntil);
      sweep();
      if (live(record.id)) throw new CheckoutStoreError('exists', 'A checkout with this id already exists');
      entries.set(record.id, { record: structuredClone(record), retainUntil });
    },

    async get(id) {
      const entry = live(id);
      return entry && structuredClone(entry.record);
    },

    async update(id, change) {
      const entry = live(id);
      if (!entry) return undefined;
      const next = change(structuredClone(entry.record));
      if (next !== undefined) {
        checkSameId(id, next);
        entry.record = structuredClone(next);
      }
      return structuredClone(entry.record);
    },

    limiter(limiterOptions: LimiterOptions): RateLimiterAbstract {
      const { keyPrefix, points, duration, blockDuration } = limiterOptions;
      const key = JSON.stringify([keyPrefix, points, duration, blockDuration ?? 0]);
      let limiter = limiters.get(key);
      if (!limiter) {
        limiter = new RateLimiterMemory({ keyPrefix, points, duration, blockDuration });
        limiters.set(key, limiter);
      }
      return limiter;
    },

    async close() {},
  };
}
