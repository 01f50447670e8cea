import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long after the first update the rest renders at the latest (a background tab runs no animation frames). */
const REST_AT_LATEST_MS = 100;

/**
 * A first update in two parts: the host renders what a viewport shows first while `complete` is false, and the
 * rest in an update one frame later, so the customer sees the top of a long form sooner. A background tab runs no
 * animation frames: a timer finishes the job there. Hosts make `updateComplete` wait for `settled()`, so code that
 * awaits it (focus, tests, hosts) always finds the whole element.
 *
 * `restNeeds` is what the rest renders that loads on demand (apply's terms element): after the frame the rest waits
 * for it, so both render in one update and are laid out once rather than twice, but never past the timer; a slower
 * download then upgrades in place, as before.
 *
 * A host taken out of the page before the rest renders it only when it comes back (a framework that moves it
 * renders it at once; one that discards it downloads and renders nothing more): until then `settled()` waits, as
 * Lit's `updateComplete` waits for a host that was never connected.
 */
export class NextFrameRender implements ReactiveController {
  /** False until the update one frame after the first: render only the first part. */
  complete = false;
  private pending?: Promise<void>;
  private resolve?: () => void;
  /** Cancels the rest's frame and timer (the host left the page). */
  private cancel?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly restNeeds: () => Promise<unknown> = () => Promise.resolve(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.pending && !this.complete) this.scheduleRest();
  }

  hostDisconnected(): void {
    this.cancel?.();
  }

  hostUpdated(): void {
    if (this.pending) return;
    this.pending = new Promise((resolve) => (this.resolve = resolve));
    this.scheduleRest();
  }

  /** Resolves once the rest has been asked for (the host's next update renders it). */
  settled(): Promise<void> {
    return this.pending ?? Promise.resolve();
  }

  private scheduleRest(): void {
    this.cancel?.();
    let cancelled = false;
    const finish = () => {
      if (cancelled || this.complete) return;
      this.cancel?.();
      this.complete = true;
      this.host.requestUpdate();
      this.resolve?.();
    };
    const timer = setTimeout(finish, REST_AT_LATEST_MS);
    let afterFrame: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(
      () => (afterFrame = setTimeout(() => void this.restNeeds().then(finish, finish))),
    );
    this.cancel = () => {
      cancelled = true;
      clearTimeout(timer);
      clearTimeout(afterFrame);
      cancelAnimationFrame(frame);
      this.cancel = undefined;
    };
  }
}
