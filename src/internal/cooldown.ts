import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a cooldown reads the time and how it schedules its ticks. */
export interface CooldownClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

/** The clock every cooldown runs on: the page's; tests swap its methods to move the time themselves. */
export const cooldownClock: CooldownClock = {
  now: () => Date.now(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  },
};

/**
 * A countdown in whole seconds ("send a new code in 12 s") that re-renders its host as it ticks, pauses while the
 * host is out of the document and picks up where the clock is when it comes back.
 */
export class CooldownController implements ReactiveController {
  /** Whole seconds left; 0 when the cooldown is over (or never started). */
  remaining = 0;
  private until = 0;
  private stopTicking: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.until > cooldownClock.now()) this.startTimer();
  }

  hostDisconnected(): void {
    this.stopTimer();
  }

  /** Starts (or restarts) a cooldown of `seconds`. */
  start(seconds: number): void {
    this.until = cooldownClock.now() + Math.max(0, seconds) * 1000;
    this.tick();
    if (this.remaining > 0) this.startTimer();
  }

  /** Ends the cooldown now. */
  stop(): void {
    this.until = 0;
    this.stopTimer();
    if (this.remaining !== 0) {
      this.remaining = 0;
      this.host.requestUpdate();
    }
  }

  private startTimer(): void {
    this.stopTimer();
    this.stopTicking = cooldownClock.every(250, () => this.tick());
  }

  private stopTimer(): void {
    this.stopTicking?.();
    this.stopTicking = undefined;
  }

  private tick(): void {
    const remaining = Math.max(0, Math.ceil((this.until - cooldownClock.now()) / 1000));
    if (remaining !== this.remaining) {
      this.remaining = remaining;
      this.host.requestUpdate();
    }
    if (remaining === 0) this.stopTimer();
  }
}
