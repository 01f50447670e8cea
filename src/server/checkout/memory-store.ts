/** Checkouts in this process's memory: the default, for one instance (`npm start`). */
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { CheckoutRecord, CheckoutStore } from './store.js';

export function createMemoryStore(options: { now?: () => number } = {}): CheckoutStore {
  const now = options.now ?? Date.now;
  const records = new Map<string, { record: CheckoutRecord; retainUntil: number }>();
  const live = (id: string) => {
    const entry = records.get(id);
    if (entry && entry.retainUntil <= now()) records.delete(id);
    return records.get(id);
  };
  return {
    async create(record, retainUntil) {
      if (live(record.id)) throw new Error('A checkout with this id exists');
      records.set(record.id, { record: structuredClone(record), retainUntil });
    },
    async get(id) {
      const entry = live(id);
      return entry ? structuredClone(entry.record) : undefined;
    },
    async update(id, change) {
      const entry = live(id);
      if (!entry) return undefined;
      const next = change(structuredClone(entry.record));
      if (next) entry.record = structuredClone(next);
      return structuredClone(entry.record);
    },
    limiter: (limit) => new RateLimiterMemory(limit),
    async close() {},
  };
}
