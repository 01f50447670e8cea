import type { ReactiveControllerHost } from 'lit';

/**
 * When an error may be shown (docs/design-notes.md, "When an error shows"): "is invalid" is computed on every change;
 * the message appears once its field was changed and left, or prefilled, or after a submit attempt.
 */
export class FieldFeedback {
  private readonly touched = new Set<string>();
  private submitted = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** The field was changed and left (`change` event), or filled by the host or a scan. */
  touch(...names: string[]): void {
    names.forEach((name) => this.touched.add(name));
    this.host.requestUpdate();
  }

  /** A submit was attempted: every error shows from now on. */
  submitAttempted(): void {
    this.submitted = true;
    this.host.requestUpdate();
  }

  /** Start over (a new form). */
  reset(): void {
    this.touched.clear();
    this.submitted = false;
    this.host.requestUpdate();
  }

  shows(name: string): boolean {
    return this.submitted || this.touched.has(name);
  }
}
