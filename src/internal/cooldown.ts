import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A countdown in whole seconds ("send a new code in 12 s") that re-renders its host as it ticks, pauses while the
 * host is out of the document and picks up where the clock is when it comes back.
 */
export class CooldownController implements ReactiveController {
  /** Whole seconds left; 0 when the cooldown is over (or never started). */
  remaining = 0;
  private until = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.until > Date.now()) this.startTimer();
  }

  hostDisconnected(): void {
    this.stopTimer();
  }

  /** Starts (or restarts) a cooldown of `seconds`. */
  start(seconds: number): void {
    this.until = Date.now() + Math.max(0, seconds) * 1000;
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
    this.timer = setInterval(() => this.tick(), 250);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const remaining = Math.max(0, Math.ceil((this.until - Date.now()) / 1000));
    if (remaining !== this.remaining) {
      this.remaining = remaining;
      this.host.requestUpdate();
    }
    if (remaining === 0) this.stopTimer();
  }
}
