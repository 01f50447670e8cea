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
 */
export class NextFrameRender implements ReactiveController {
  /** False until the update one frame after the first: render only the first part. */
  complete = false;
  private pending?: Promise<void>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly restNeeds: () => Promise<unknown> = () => Promise.resolve(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdated(): void {
    this.pending ??= new Promise((resolve) => {
      const finish = () => {
        if (this.complete) return;
        this.complete = true;
        clearTimeout(timer);
        this.host.requestUpdate();
        resolve();
      };
      const timer = setTimeout(finish, REST_AT_LATEST_MS);
      requestAnimationFrame(() => setTimeout(() => void this.restNeeds().then(finish, finish)));
    });
  }

  /** Resolves once the rest has been asked for (the host's next update renders it). */
  settled(): Promise<void> {
    return this.pending ?? Promise.resolve();
  }
}
