import type { OnDemand } from './on-demand.js';

const queued = new WeakSet<OnDemand<unknown>>();

/**
 * Starts an on-demand module's download once the page is idle (once), so it never competes with a first render and
 * what is shown later finds it here. A failure waits for the next `load`. A module of its own: only the elements
 * that preload carry it.
 */
export function preloadWhenIdle(module: OnDemand<unknown>): void {
  if (queued.has(module)) return;
  queued.add(module);
  const start = () => void module.load().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}
