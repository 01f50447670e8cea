import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How `renderError` renders a message after submit attempts (see `FieldFeedback.announcement`). */
export interface Announcement {
  /** Submit attempts so far: the message is a new node at each one. */
  readonly attempt: number;
  /** Said as an alert: its control kept focus through the attempt, so no focus move reads it again. */
  readonly alert: boolean;
}

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
export class FieldFeedback<Server = never> implements ReactiveController {
  private readonly touched = new Set<string>();
  private readonly edited = new Set<string>();
  private readonly server = new Map<string, Server>();
  private submitted = false;
  private submits = 0;
  /** The id of the control focused when a submit was last attempted (Enter in a field), or ''. */
  private keptFocus = '';
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

  /** A submit was attempted: every error shows from now on (see `announcement` for how each is heard). */
  submitAttempted(): void {
    this.submitted = true;
    this.submits++;
    this.keptFocus = this.host.shadowRoot?.activeElement?.id ?? '';
    this.host.requestUpdate();
  }

  /**
   * How the message of the control `id` (or of the radio group whose radios are `${id}-…`) is heard after a
   * submit attempt. Focus then moves to the first invalid control, whose description is read: each error is heard
   * once (docs/reliability.md §4). A control that kept focus through the attempt (Enter pressed in it, and still
   * focused) gets no focus move, so its message, even the same text, is a new alert node at each attempt
   * (Material Web's re-announced error).
   */
  announcement(id: string): Announcement {
    const focused = this.host.shadowRoot?.activeElement?.id ?? '';
    const kept = this.keptFocus !== '' && focused === this.keptFocus;
    return { attempt: this.submits, alert: kept && (focused === id || focused.startsWith(`${id}-`)) };
  }

  /** Start over (a new form, a new step): nothing touched, edited or submitted, no server error. */
  reset(): void {
    this.touched.clear();
    this.edited.clear();
    this.server.clear();
    this.submitted = false;
    this.submits = 0;
    this.keptFocus = '';
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
