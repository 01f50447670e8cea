import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import {
  apiLang,
  APPLY_FIELDS,
  isBlank,
  localError,
  toLookupResult,
  todayLocal,
  validateCardNumber,
  validateDob,
  validateName,
  validatePostalCode,
  type FieldMessage,
  type FlexitiApiError,
  type LookupBody,
  type LookupResult,
} from '../../model/index.js';
import { errorText, messageText } from '../../internal/message-text.js';
import { FlexitiElement } from '../../internal/flexiti-element.js';
import { DEFAULT_HOST_TIMEOUT_MS, HostRequestController } from '../../internal/host-request.js';
import { FieldFeedback } from '../../internal/field-feedback.js';
import { describedBy, renderField, renderRadio } from '../../internal/field.js';
import { FocusController } from '../../internal/focus.js';
import { baseStyles, stepStyles } from '../../internal/styles.js';
import { FlexitiLookupRequestEvent } from '../../events/requests.js';
import { FlexitiLookupResultEvent } from '../../events/notifications.js';
import { lookupStyles } from './lookup.styles.js';

/** How the customer is found: by name and date of birth, or by the Flexiti card number. */
export type LookupBy = 'name' | 'card';

/** The fields of the lookup, named as the contract's `POST lookup` body names them. */
export type LookupField = 'first_name' | 'last_name' | 'dob' | 'postal_code' | 'vcc_number';

const FIELDS: Record<LookupBy, readonly LookupField[]> = {
  name: ['first_name', 'last_name', 'dob', 'postal_code'],
  card: ['vcc_number'],
};

const maxLength = (name: 'first_name' | 'last_name') =>
  APPLY_FIELDS.find((field) => field.name === name)?.maxLength ?? 80;

const EMPTY: Readonly<Record<LookupField, string>> = {
  first_name: '',
  last_name: '',
  dob: '',
  postal_code: '',
  vcc_number: '',
};

type Status = '' | 'busy' | 'found';

/**
 * Finds an existing Flexiti customer for the checkout: by first name, last name and date of birth (postal code
 * optional), or by the 16-digit Flexiti card number, as the POS API's lookup takes them.
 *
 * @summary Find an existing Flexiti customer by name and date of birth, or by card number.
 * @since 0.2.0
 *
 * @fires flexiti-lookup-request - Asks the host to `POST lookup` with `detail.request`
 *   (`{vcc_number, lang}` or `{first_name, last_name, dob, postal_code?, lang}`); answer with `detail.respondWith(...)`.
 * @fires flexiti-lookup-result - The customer was found: `detail` is `{security_qid: [{id, text}], methods, offer_types}`,
 *   what `<flexiti-verify>` takes as `customer`.
 * @fires flexiti-error - A request failed or the answer was unreadable: `{type, code, status?, source}`, no PII.
 *
 * @csspart form - The lookup form.
 * @csspart heading - The heading.
 * @csspart by - The "find the account by" choice.
 * @csspart field - A label, its control, hint and message.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart control - An input.
 * @csspart error - A field's error message.
 * @csspart notice - A message about the whole lookup (not found, not activated, too many attempts, network…).
 * @csspart submit-button - "Find my account".
 * @csspart status - The polite live region (searching, found).
 *
 * @cssprop --flexiti-color-primary - Buttons and focus accents.
 * @cssprop --flexiti-color-error - Error text and invalid borders.
 * @cssprop --flexiti-spacing - Space between fields.
 * @cssprop --flexiti-heading-font-size - The heading (default 1.25em).
 *
 * @cssstate form - The form is shown (being filled in, or being looked up).
 * @cssstate found - The customer was found (until a field changes).
 * @cssstate busy - The lookup is in flight.
 * @cssstate user-invalid - A field's error is showing.
 */
export class FlexitiLookup extends FlexitiElement {
  static override styles = [baseStyles, stepStyles, lookupStyles];

  /** How the customer is looked up: `name` (name and date of birth, the default) or `card` (card number). */
  @property({ reflect: true }) by: LookupBy = 'name';

  /** How long to wait for the host's answer to a request event, in milliseconds, before showing a timeout. */
  @property({ type: Number, attribute: 'request-timeout' }) requestTimeout = DEFAULT_HOST_TIMEOUT_MS;

  @state() private values: Record<LookupField, string> = { ...EMPTY };
  @state() private notice: FlexitiApiError | undefined;
  @state() private status: Status = '';

  private readonly requests = new HostRequestController(this);
  private readonly feedback = new FieldFeedback<FieldMessage>(this, {
    userInvalid: (on) => this.setCustomState('user-invalid', on),
  });
  /** Fields are read-only while busy: focus waits for the render that frees them. */
  private readonly focuser = new FocusController(this, () => !this.busy);
  private found: LookupResult | undefined;

  /** The last lookup's result (`{security_qid, methods, offer_types}`), until the form changes or `reset()`. */
  get result(): LookupResult | undefined {
    return this.found;
  }

  /** Where the lookup is: `form` (being filled in, or being looked up: `:state(busy)`), or `found`. */
  get state(): 'form' | 'found' {
    return this.status === 'found' ? 'found' : 'form';
  }

  /** Clears everything typed, every message and the result: the next customer at a shared till. */
  reset(): void {
    this.requests.drop();
    this.values = { ...EMPTY };
    this.notice = undefined;
    this.status = '';
    this.found = undefined;
    this.focuser.cancel();
    this.feedback.reset();
  }

  protected override updated(): void {
    this.showState(this.state);
    this.setCustomState('busy', this.busy);
  }

  /** The lookup is in flight (the request runner's: one at a time, a dropped one's answer unread). */
  private get busy(): boolean {
    return this.requests.busy;
  }

  private get mode(): LookupBy {
    return this.by === 'card' ? 'card' : 'name';
  }

  // ── Validation ──

  /** The field's value as sent, or the message key of its problem. */
  private check(name: LookupField): { ok: true; value: string | undefined } | { ok: false; error: FieldMessage } {
    const raw = this.values[name];
    switch (name) {
      case 'first_name':
      case 'last_name':
        return validateName(raw, { maxLength: maxLength(name) });
      case 'dob': {
        // No province is known: the lowest age of majority (18) applies, said as a fact about account holders.
        const result = validateDob(raw, undefined, todayLocal());
        return !result.ok && result.error.key === 'dob.underage'
          ? { ok: false, error: { ...result.error, key: 'dob.lookup_underage' } }
          : result;
      }
      case 'postal_code':
        return isBlank(raw) ? { ok: true, value: undefined } : validatePostalCode(raw);
      case 'vcc_number':
        return validateCardNumber(raw);
    }
  }

  private fieldError(name: LookupField): FieldMessage | undefined {
    const result = this.check(name);
    return this.feedback.show(name, result.ok ? undefined : result.error);
  }

  // ── Rendering ──

  override render(): TemplateResult {
    const mode = this.mode;
    return html`
      <form part="form" novalidate aria-labelledby="heading" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.onSubmit}>
      <fieldset class="controls" ?disabled=${this.controlsDisabled}>
        <h2 id="heading" part="heading" tabindex="-1">${msg('Find your Flexiti account', { id: 'lookup.heading' })}</h2>
        <fieldset class="by" part="by">
          <legend>${msg('Find the account by', { id: 'lookup.by.legend' })}</legend>
          ${(['name', 'card'] as const).map((by) =>
            renderRadio({
              name: 'by',
              value: by,
              label:
                by === 'name'
                  ? msg('Name and date of birth', { id: 'lookup.by.name' })
                  : msg('Flexiti card number', { id: 'lookup.by.card' }),
              checked: mode === by,
              disabled: this.busy,
              onChange: () => this.choose(by),
            }),
          )}
        </fieldset>
        ${this.renderNotice()}
        ${
          mode === 'card'
            ? this.renderField('vcc_number', { autocomplete: 'cc-number', inputmode: 'numeric' })
            : html`
              <div class="row">
                ${this.renderField('first_name', { autocomplete: 'given-name' })}
                ${this.renderField('last_name', { autocomplete: 'family-name' })}
              </div>
              <div class="row">
                ${this.renderField('dob', { autocomplete: 'bday', inputmode: 'numeric' })}
                ${this.renderField('postal_code', { autocomplete: 'postal-code' })}
              </div>
            `
        }
        <div class="actions">
          <button class="primary" part="submit-button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${msg('Find my account', { id: 'lookup.submit' })}
          </button>
        </div>
        <p class="status" part="status" role="status" aria-live="polite">${this.statusText()}</p>
      </fieldset>
      </form>
    `;
  }

  private renderField(name: LookupField, attributes: { autocomplete: string; inputmode?: string }): TemplateResult {
    const message = this.fieldError(name);
    const error = message ? messageText(message) : undefined;
    const hint = this.hint(name);
    const described = describedBy(name, { hint, message: error });
    const control = html`<input
          id=${name}
          name=${name}
          part="control"
          type="text"
          autocomplete=${attributes.autocomplete}
          inputmode=${attributes.inputmode ?? nothing}
          spellcheck="false"
          .value=${live(this.values[name])}
          ?readonly=${this.busy}
          aria-required=${name === 'postal_code' ? 'false' : 'true'}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${described ?? nothing}
          @input=${(event: InputEvent) => this.onInput(name, event)}
          @change=${() => this.onChange(name)}
        />`;
    return renderField({
      id: name,
      label: this.label(name),
      hint,
      control,
      error,
      announce: this.feedback.announcement(name),
    });
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const error = this.notice;
    if (!error) return nothing;
    return html`
      <div class="notice error-notice" part="notice" id="notice" tabindex="-1">
        <p>${errorText(error, this.audience)}</p>
      </div>
    `;
  }

  private label(name: LookupField): string {
    switch (name) {
      case 'first_name':
        return msg('First name', { id: 'lookup.first_name.label' });
      case 'last_name':
        return msg('Last name', { id: 'lookup.last_name.label' });
      case 'dob':
        return msg('Date of birth', { id: 'lookup.dob.label' });
      case 'postal_code':
        return msg('Postal code (optional)', { id: 'lookup.postal_code.label' });
      case 'vcc_number':
        return msg('Flexiti card number', { id: 'lookup.vcc_number.label' });
    }
  }

  private hint(name: LookupField): string | undefined {
    switch (name) {
      case 'dob':
        return msg('YYYY-MM-DD, for example 1990-05-31.', { id: 'lookup.dob.hint' });
      case 'postal_code':
        return msg('For example K1A 0B1.', { id: 'lookup.postal_code.hint' });
      case 'vcc_number':
        return msg('The 16 digits on the front of the card. Spaces are fine.', { id: 'lookup.vcc_number.hint' });
      default:
        return undefined;
    }
  }

  private statusText(): string {
    switch (this.status) {
      case 'busy':
        return msg('Looking for the account…', { id: 'lookup.status.busy' });
      case 'found':
        return msg('Account found.', { id: 'lookup.status.found' });
      default:
        return '';
    }
  }

  // ── User actions ──

  private choose(by: LookupBy): void {
    if (this.busy) return;
    this.by = by;
    // The other way's values stay; its messages start over.
    this.notice = undefined;
    this.status = '';
    this.feedback.reset();
  }

  private onInput(name: LookupField, event: InputEvent): void {
    this.values = { ...this.values, [name]: (event.target as HTMLInputElement).value };
    this.found = undefined;
    if (this.status === 'found') this.status = '';
    this.feedback.edit(name);
  }

  private onChange(name: LookupField): void {
    // Chromium fires `change` on a field removed while focused (switching the way): nothing to show then.
    if (!FIELDS[this.mode].includes(name)) return;
    const result = this.check(name);
    // Show the value as it will be sent once it is valid (` k1a0b1 ` → `K1A 0B1`, `19880412` → `1988-04-12`).
    if (
      result.ok &&
      (name === 'postal_code' || name === 'vcc_number' || name === 'dob') &&
      result.value !== undefined
    ) {
      const shown = name === 'vcc_number' ? result.value.replace(/(\d{4})(?=\d)/g, '$1 ') : result.value;
      if (shown !== this.values[name]) this.values = { ...this.values, [name]: shown };
    }
    this.feedback.touch(name);
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy || this.controlsDisabled) return;
    this.feedback.submitAttempted();
    this.notice = undefined;
    const fields = FIELDS[this.mode];
    const invalid = fields.find((name) => this.feedback.serverError(name) || !this.check(name).ok);
    if (invalid) {
      this.status = '';
      void this.focuser.after(`#${invalid}`, '#heading');
      return;
    }
    void this.send(this.body());
  }

  /** The contract's `POST lookup` body, from the valid fields of the chosen way. */
  private body(): LookupBody {
    const lang = apiLang(this.locale);
    const value = (name: LookupField) => {
      const result = this.check(name);
      return result.ok ? result.value : undefined;
    };
    if (this.mode === 'card') return { vcc_number: value('vcc_number')!, lang };
    const postal = value('postal_code');
    return {
      first_name: value('first_name')!,
      last_name: value('last_name')!,
      dob: value('dob')!,
      ...(postal ? { postal_code: postal } : {}),
      lang,
    };
  }

  // ── Request ──

  /** One lookup at a time (a double click or Enter sends one); after `reset()` its answer is not read. */
  private send(request: LookupBody): Promise<void> {
    return this.requests.run(async (run) => {
      this.status = 'busy';
      this.found = undefined;
      try {
        const outcome = await this.requests.send(new FlexitiLookupRequestEvent(request));
        if (!run.current) return;
        if (!outcome.ok) {
          this.showError(outcome.error);
          return;
        }
        const result = toLookupResult(outcome.data);
        if (!result) {
          const error = localError('invalid_response');
          this.reportError(error.type, error.code);
          this.showError(error);
          return;
        }
        this.found = result;
        this.status = 'found';
        this.dispatchEvent(new FlexitiLookupResultEvent(result));
      } finally {
        if (run.current && this.status === 'busy') this.status = '';
      }
    });
  }

  /** On its field when the answer names one of the shown fields (`vcc_account_mismatch`, `field_errors`), else the notice. */
  private showError(error: FlexitiApiError): void {
    this.status = '';
    const shown = FIELDS[this.mode];
    const onFields = Object.entries(error.fields).filter(([name]) =>
      (shown as readonly string[]).includes(name),
    ) as Array<[LookupField, FieldMessage]>;
    if (onFields.length > 0 && (error.type === 'validation' || error.type === 'not_found')) {
      onFields.forEach(([name, message]) => this.feedback.setServerError(name, message));
      void this.focuser.after(`#${shown.find((name) => this.feedback.serverError(name))}`, '#heading');
      return;
    }
    this.notice = error;
    void this.focuser.after('#notice', '#heading');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'flexiti-lookup': FlexitiLookup;
  }
}
