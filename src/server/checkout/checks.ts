/** Argument checks both stores make the same way. Internal: not exported from flexiti-elements/server. */
import type { CheckoutRecord } from './store.js';

/** `retainUntil` must be a time (ms since the epoch); a past one stores a checkout that is already gone. */
export function checkRetention(retainUntil: number) {
  if (!Number.isFinite(retainUntil)) throw new RangeError('retainUntil must be a finite time in ms since the epoch');
}

/** `update`'s `change` may not move a record to another id. */
export function checkSameId(id: string, next: CheckoutRecord) {
  if (next.id !== id) throw new TypeError('CheckoutStore.update: change() may not change the checkout id');
}
