import type { ReactiveController, ReactiveControllerHost } from 'lit';

type FocusHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Moves focus inside an element's shadow root once the render a state change asked for is done. The last request
 * wins: focus asked for before an earlier request's render finished replaces it, so two quick steps never leave
 * focus on the first one's target.
 */
export class FocusController implements ReactiveController {
  private ticket = 0;

  constructor(private readonly host: FocusHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Focuses the first match for `selector` after the pending update (nothing when there is no match). */
  async after(selector: string): Promise<void> {
    const ticket = ++this.ticket;
    await this.host.updateComplete;
    if (ticket === this.ticket) this.now(selector);
  }

  /** Focuses the first match for `selector` now. */
  now(selector: string): void {
    this.ticket++;
    (this.host.renderRoot.querySelector(selector) as HTMLElement | null)?.focus();
  }
}
