import type { ReactiveController, ReactiveControllerHost } from 'lit';

type FocusHost = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment; readonly isUpdatePending?: boolean };

/**
 * Moves focus inside an element's shadow root once the render a state change asked for is done. The last request
 * wins: focus asked for before an earlier request's render finished replaces it, so two quick steps never leave
 * focus on the first one's target. With `ready` (e.g. "not busy": controls are disabled while a request is in
 * flight), focus waits for the first render after which the host is ready.
 */
export class FocusController implements ReactiveController {
  private ticket = 0;
  private waiting: Array<() => void> = [];

  constructor(
    private readonly host: FocusHost,
    private readonly ready: () => boolean = () => true,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostUpdated(): void {
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((resume) => resume());
  }

  /**
   * Focuses the first element matching one of `selectors`, tried in order, after the pending update (after the
   * update, not in it: moving focus fires `change` on the field being left, which updates state).
   */
  async after(...selectors: string[]): Promise<void> {
    const ticket = ++this.ticket;
    await this.host.updateComplete;
    // Ready is not enough: the render that shows the ready state (controls enabled again) must be done too.
    while (ticket === this.ticket && (this.host.isUpdatePending || !this.ready())) {
      if (!this.host.isUpdatePending) await new Promise<void>((resume) => this.waiting.push(resume));
      await this.host.updateComplete;
    }
    if (ticket === this.ticket) this.now(...selectors);
  }

  /** Focuses the first element matching one of `selectors`, tried in order, now. */
  now(...selectors: string[]): void {
    this.ticket++;
    for (const selector of selectors) {
      const target = this.host.renderRoot.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        return;
      }
    }
  }

  /** Forgets a focus asked for and not done yet. */
  cancel(): void {
    this.ticket++;
  }
}
