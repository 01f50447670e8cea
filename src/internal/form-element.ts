import { state } from 'lit/decorators.js';
import { FlexitiElement } from './flexiti-element.js';

/**
 * Base of the form-associated elements (`<flexiti-terms>`, `<flexiti-plan-picker>`): ElementInternals, the
 * validity API of a native control and the disabled state a `<fieldset disabled>` gives.
 * Subclasses set the form value and validity; this class only exposes them.
 */
export class FlexitiFormElement extends FlexitiElement {
  /** @internal Tells the browser this element takes part in forms. */
  static formAssociated = true;

  constructor() {
    super();
    // Attached at once: the form reads the element's value and validity from its first moment.
    void this.internals;
  }

  /** @internal Disabled by an ancestor `<fieldset disabled>` or form. */
  @state() protected formDisabled = false;

  /** The form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The constraint validity, as on a native control. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The localized validation message, or `''` when valid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the form validates this element (not while disabled). */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Like a native control's: `false` (and an `invalid` event) while invalid. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Like `checkValidity()`, and the browser shows the message on the inner control. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** @internal `disabled`, or a disabled `<fieldset>` or form around the element. */
  override get controlsDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** @internal A disabled `<fieldset>` or form. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    // Reflecting `disabled` calls this in the middle of an update, whose end drops the change: render once more.
    if (this.isUpdatePending) void this.updateComplete.then(() => this.requestUpdate());
  }
}
