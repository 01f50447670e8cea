import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface FieldFeedbackOptions {
  /** Turns `:state(user-invalid)` on or off (the base's `setCustomState`). */
  userInvalid?: (on: boolean) => void;
  /** A form-associated host: its `invalid` event (a form's submit or `checkValidity()` found it invalid) is a submit attempt. */
  formAssociated?: boolean;
  /** The fields to count as left when focus leaves the host (a half-made choice is said at once, not at submit). */
  leftOnFocusOut?: () => string[];
}

/**
 * When an error may be shown (docs/design-notes.md, "When an error shows"): "is invalid" is computed on every change;
 * the message appears once its field was changed and left, or prefilled, or after a submit attempt. A server's
 * error on a field shows at once and until the customer edits that field. While any error shows, the host is
 * `:state(user-invalid)` (through `userInvalid`, the base's `setCustomState`).
 *
 * `Server` is the host's type for a server's error (a message key, or a problem with its API error).
 */
export class FieldFeedback<Server = unknown> implements ReactiveController {
  private readonly touched = new Set<string>();
  private readonly edited = new Set<string>();
  private readonly server = new Map<string, Server>();
  private submitted = false;
  private submits = 0;
  /** Fields whose error the last render showed (through `show`): the host is `user-invalid` while any is. */
  private readonly shown = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: FieldFeedbackOptions = {},
  ) {
    host.addController(this);
    if (options.formAssociated) host.addEventListener('invalid', () => this.submitAttempted());
    if (options.leftOnFocusOut) host.addEventListener('focusout', (event) => this.onFocusOut(event));
  }

  hostUpdate(): void {
    this.shown.clear();
  }

  hostUpdated(): void {
    this.options.userInvalid?.(this.shown.size > 0);
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    const host = this.host;
    const staysInside = next !== null && (next === host || host.contains(next) || !!host.shadowRoot?.contains(next));
    const left = staysInside ? [] : (this.options.leftOnFocusOut?.() ?? []);
    if (left.length > 0) this.touch(...left);
  }

  /** The field was changed and left (`change` event). */
  touch(...names: string[]): void {
    names.forEach((name) => this.touched.add(name));
    this.host.requestUpdate();
  }

  /** Filled by the host (prefill): its errors show at once, yet it is not the customer's edit. */
  prefilled(...names: string[]): void {
    this.touch(...names);
  }

  /** The customer changed the field (typing, a choice, a scan they asked for): its server error goes. */
  edit(...names: string[]): void {
    for (const name of names) {
      this.edited.add(name);
      this.server.delete(name);
    }
    this.host.requestUpdate();
  }

  /** The customer changed it since the last reset: the host's values no longer overwrite it. */
  isEdited(name: string): boolean {
    return this.edited.has(name);
  }

  /** The server's error for a field: shown at once, until the field is edited. */
  setServerError(name: string, error: Server): void {
    this.server.set(name, error);
    this.host.requestUpdate();
  }

  serverError(name: string): Server | undefined {
    return this.server.get(name);
  }

  clearServerError(name: string): void {
    if (this.server.delete(name)) this.host.requestUpdate();
  }

  /** A submit was attempted: every error shows from now on, and each shown error is announced again. */
  submitAttempted(): void {
    this.submitted = true;
    this.submits++;
    this.host.requestUpdate();
  }

  /**
   * Submit attempts so far: `renderError` keys the message by it, so the same text shown again after another
   * attempt is a new alert a screen reader reads again (Material Web's `refreshErrorAlert`); 0 before any.
   */
  get attempt(): number {
    return this.submits;
  }

  /** Start over (a new form, a new step): nothing touched, edited or submitted, no server error. */
  reset(): void {
    this.touched.clear();
    this.edited.clear();
    this.server.clear();
    this.submitted = false;
    this.submits = 0;
    this.host.requestUpdate();
  }

  /** The policy alone: whether `name`'s own (client-side) error may show now. */
  shows(name: string): boolean {
    return this.submitted || this.touched.has(name);
  }

  /**
   * The error to show on `name` now, or undefined: the server's while there is one, else `invalid` when the
   * policy allows (`always`: a problem the customer did not cause, shown at once). Call it while rendering.
   */
  show<Message>(name: string, invalid: Message | undefined, always = false): Message | Server | undefined {
    const error =
      this.server.get(name) ?? (invalid !== undefined && (always || this.shows(name)) ? invalid : undefined);
    if (error !== undefined && error !== null && error !== '') this.shown.add(name);
    return error ?? undefined;
  }
}
