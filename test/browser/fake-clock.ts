import { cooldownClock } from '../../src/internal/cooldown.js';

export interface FakeClock {
  /** Moves the time on by `ms`, running each tick that falls due on the way, in order. */
  advance(ms: number): void;
  /** Gives the cooldowns the page's clock back. */
  restore(): void;
}

/** Puts every cooldown on a clock the test moves, so a test waits no real time for a countdown to run out. */
export function fakeCooldownClock(start = Date.now()): FakeClock {
  const real = { ...cooldownClock };
  let now = start;
  const tickers = new Set<{ ms: number; due: number; tick: () => void }>();
  cooldownClock.now = () => now;
  cooldownClock.every = (ms, tick) => {
    const ticker = { ms, due: now + ms, tick };
    tickers.add(ticker);
    return () => tickers.delete(ticker);
  };
  return {
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const next = [...tickers].filter((ticker) => ticker.due <= until).sort((a, b) => a.due - b.due)[0];
        if (!next) break;
        now = next.due;
        next.due += next.ms;
        next.tick();
      }
      now = until;
    },
    restore() {
      Object.assign(cooldownClock, real);
    },
  };
}

export interface PassingTime {
  /** Runs at once, shortest first, every recorded timeout still pending that was set for `ms` or less. */
  pass(ms: number): void;
  /** Stops recording. */
  restore(): void;
}

/**
 * Records the page's timeouts from now on (they still run on the real clock too), so a test can let time pass
 * for whatever the elements scheduled instead of waiting for it.
 */
export function recordTimeouts(): PassingTime {
  const realSetTimeout = window.setTimeout;
  const realClearTimeout = window.clearTimeout;
  const pending = new Map<number, { delay: number; run: () => void }>();
  window.setTimeout = ((handler: TimerHandler, delay = 0, ...args: unknown[]) => {
    const run = () => {
      pending.delete(id);
      if (typeof handler === 'function') handler(...args);
    };
    const id = realSetTimeout(run, delay);
    pending.set(id, { delay, run });
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) pending.delete(id);
    realClearTimeout(id);
  }) as typeof window.clearTimeout;
  return {
    pass(ms) {
      const due = [...pending].filter(([, timer]) => timer.delay <= ms).sort(([, a], [, b]) => a.delay - b.delay);
      for (const [id, timer] of due) {
        realClearTimeout(id);
        timer.run();
      }
    },
    restore() {
      window.setTimeout = realSetTimeout;
      window.clearTimeout = realClearTimeout;
    },
  };
}
