import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { guard } from 'lit/directives/guard.js';
import type { DirectiveResult } from 'lit/directive.js';
import { msg, str } from '@lit/localize';
import { FlexitiElement } from '../../internal/flexiti-element.js';
import { DEFAULT_HOST_TIMEOUT_MS, HostRequestController } from '../../internal/host-request.js';
import { FieldFeedback, type Announcement } from '../../internal/field-feedback.js';
import { baseStyles } from '../../internal/styles.js';
import { FlexitiApplyRequestEvent } from '../../events/requests.js';
import { FlexitiResultEvent, type ResultStatus } from '../../events/notifications.js';
import {
  toApprovalResult,
  localError,
  normalizeDateInput,
  normalizeProvince,
  todayLocal,
  normalizeLocale,
  validateApplyForm,
  validateDate,
  type ApplyFieldName,
  type ApplyPrefill,
  type ApplyFormResult,
  type ApplyRequest,
  type ApprovalResult,
  type FieldMessage,
  type FlexitiApiError,
} from '../../model/index.js';
import { askForHelp, errorText, messageText } from '../../internal/message-text.js';
import { applyStyles } from './apply.styles.js';
import {
  FORM_ORDER,
  SECTIONS,
  SELECT_FIELDS,
  fieldHint,
  fieldLabel,
  fieldSpec,
  sectionTitle,
  type SectionId,
} from './apply-fields.js';
import { readFormValues, type OptionsResult } from './apply-options.js';
import type { FormValuesInput } from '../../model/schemas.js';
import { defaultHousingTypes, defaultOccupations } from './default-options.js';
import type { OutcomeView } from './apply-outcomes.js';
import type { QuebecChoice } from './apply-quebec.js';
import { applyScreens } from './apply-screens-on-demand.js';
import { termsElement } from './apply-terms-on-demand.js';
import { LicenceScanController, type Licence } from './licence-scan.js';
import { LICENSE_FIELDS } from '../../model/read.js';
import { FocusController } from '../../internal/focus.js';
import { NextFrameRender } from '../../internal/next-frame.js';
import type { OnDemand } from '../../internal/on-demand.js';
import { describedBy, renderField } from '../../internal/field.js';
import { selectOptions, type OptionList } from '../../internal/select-options.js';

type Step = 'form' | 'review' | 'outcome';

/** Fields a licence scan fills (POST /customers/driverslicense answers them). */
const SCANNED_FIELDS = LICENSE_FIELDS satisfies readonly ApplyFieldName[];

const LANGUAGES: OptionList = [
  ['en-CA', 'English'],
  ['fr-CA', 'Français'],
];

/** Sections in the first update (title, scan, amount, about you, address: what a 900 px viewport shows). */
const FIRST_FRAME_SECTIONS = 3;

/**
 * The Flexiti credit application: every field of POST /apply in one native `<form>`, a review step, and the
 * outcome (approved, Quebec debt-ratio disclosure with keep or cancel, declined, pending, existing customer).
 *
 * @summary Credit application with review, outcomes, Quebec disclosure and licence-scan prefill.
 * @since 0.1.0
 * @dependency flexiti-terms
 *
 * @fires flexiti-apply-request - Confirmed on the review step: `detail.request` is the validated POST /apply body; answer with `detail.respondWith(...)`.
 * @fires flexiti-close-account-request - A Quebec applicant cancels the new account: `detail.request` is `{}` (`POST close-account`: the checkout closes only the account its own approval opened).
 * @fires flexiti-license-request - A licence barcode was scanned or pasted: `detail.request` is `{code}` (POST /customers/driverslicense).
 * @fires flexiti-result - The application has an outcome: `detail.status` is `approved`, `declined`, `pending`, `exists` or `cancelled`; `detail.response` is, for `approved` and `cancelled`, the approval `{status, available_credit, credit_limit, debt_ratio?, offer_types, card_last4?, closable}` (never the card number, account number or customer id, whatever the host answered), and the typed error for declined, pending and exists.
 * @fires flexiti-error - A request failed or `formValues` is unusable (type and code only, never what the customer typed).
 * @fires flexiti-terms-request - From the embedded `<flexiti-terms>`: the terms HTML for the applicant's province.
 *
 * @csspart form - The application form.
 * @csspart section - Each section of the form (a fieldset).
 * @csspart field - A label, its control, hint and message.
 * @csspart label - A field's label.
 * @csspart control - An input or select.
 * @csspart hint - Help under a label.
 * @csspart error - A field's error message.
 * @csspart error-summary - The list of problems shown after a failed submit.
 * @csspart config-error - The message shown when `formValues` is missing or unusable.
 * @csspart scan - The "scan a driver's licence" disclosure (in store), or the camera scan (online, where it works).
 * @csspart camera - The camera's view while a licence is scanned with it.
 * @csspart review - The review step.
 * @csspart submit-button - "Review my application" and "Confirm and apply".
 * @csspart submit-error - A failed request's message, with its retry button.
 * @csspart outcome - The outcome view.
 * @csspart amounts - The approved amounts (and Quebec's debt ratio).
 * @csspart keep-account-button - Quebec: keep the new account.
 * @csspart cancel-account-button - Quebec: cancel the new account.
 * @csspart status - The polite live region announcing progress.
 *
 * @cssprop --flexiti-color-primary - Buttons, links and focus.
 * @cssprop --flexiti-color-on-primary - Text on primary buttons.
 * @cssprop --flexiti-color-text - Text.
 * @cssprop --flexiti-color-muted - Hints and secondary text.
 * @cssprop --flexiti-color-surface - Background.
 * @cssprop --flexiti-color-border - Field and section borders.
 * @cssprop --flexiti-color-error - Errors.
 * @cssprop --flexiti-color-success - Approval headings.
 * @cssprop --flexiti-font-family - Font.
 * @cssprop --flexiti-font-size - Base size (default 16px; never follows the page's rem).
 * @cssprop --flexiti-radius - Corner radius.
 * @cssprop --flexiti-spacing - Space between fields.
 * @cssprop --flexiti-section-gap - Space between sections (default 24px).
 * @cssprop --flexiti-heading-font-size - Section headings (default 1.25em).
 * @cssprop --flexiti-apply-max-width - Widest the element grows (default 48em).
 * @cssprop --flexiti-apply-padding - Padding inside the element (default 0).
 *
 * @cssstate busy - A request is in flight.
 * @cssstate form - The form step is shown.
 * @cssstate review - The review step is shown.
 * @cssstate outcome - An outcome is shown.
 * @cssstate misconfigured - `formValues` is missing or unusable.
 * @cssstate user-invalid - A field's error is showing.
 */
export class FlexitiApply extends FlexitiElement {
  static override styles = [baseStyles, applyStyles];

  /** The `form_values` object of POST /merchants/login: salutations, provinces, security questions, ID types and issuers. */
  @property({ attribute: false }) formValues?: FormValuesInput | null;

  /** Customer data the host already has (a partial POST /apply body); fills the fields the customer hasn't changed. */
  @property({ attribute: false }) prefill?: ApplyPrefill;

  /** The purchase amount: the default of `amount_requested`. */
  @property({ type: Number }) amount?: number;

  /** The applicant's province or territory by default (`ON`, `QC`…), until the customer picks one. */
  @property() province?: string;

  /** Kept for compatibility: a phone number that is not a valid North American number is always an error now (a valid one outside Canada's area codes is a warning). */
  @property({ type: Boolean, attribute: 'strict-phone' }) strictPhone = false;

  /** How long to wait for the host's answer to a request event, in milliseconds, before showing a timeout. */
  @property({ type: Number, attribute: 'request-timeout' }) requestTimeout = DEFAULT_HOST_TIMEOUT_MS;

  @state() private values: Record<string, string> = {};
  @state() private tosAgreed = false;
  @state() private step: Step = 'form';
  @state() private submitError?: FlexitiApiError;
  @state() private serverNote?: FlexitiApiError;
  /**
   * A module the submit needs (the terms element, the review's screens: on demand) could not be downloaded: the form
   * says so, and submit retries.
   */
  @state() private downloadError?: FlexitiApiError;
  @state() private summaryShown = false;
  @state() private outcome?: OutcomeView;
  @state() private announcement = '';

  private readonly requests = new HostRequestController(this);
  private readonly feedback = new FieldFeedback<FieldMessage>(this, {
    userInvalid: (on) => this.setCustomState('user-invalid', on),
  });
  private readonly focuser = new FocusController(this);
  /**
   * The first update renders the sections a 900 px viewport shows; the rest come one frame later, with the terms
   * element at their end when its download, started once the top is painted (an `import()` costs the main thread
   * too), ends soon enough: one layout for both.
   */
  private readonly firstFrame = new NextFrameRender(this, () => {
    this.downloadTerms();
    return termsElement.settled();
  });
  private readonly scan = new LicenceScanController(this, {
    focus: this.focuser,
    announce: (text) => (this.announcement = text),
    fill: (licence) => this.fillFromLicence(licence),
  });
  /** Quebec's keep-or-cancel choice: the screens bring it (see `openReview`). */
  private quebec?: QuebecChoice;
  private options: OptionsResult = readFormValues(undefined);
  private validation: ApplyFormResult = { ok: false, fields: {}, warnings: {} };
  /** What `validation` was computed from: an update that changed none of it (the rest of the form) reuses it. */
  private validatedFrom: readonly unknown[] = [];
  private reportedProblem?: string;
  /** A submit waits for a download: a second one (a double click) adds nothing. */
  private awaitingDownload = false;

  /** Where the application is: `form`, `review`, `outcome`, or `misconfigured` (`formValues` missing or unusable). */
  get state(): 'form' | 'review' | 'outcome' | 'misconfigured' {
    return this.options.ok ? this.step : 'misconfigured';
  }

  /** Empties the form for the next customer (a shared till): everything typed, the outcome and the errors. */
  reset(): void {
    this.forgetApplicant();
    this.step = 'form';
    this.outcome = undefined;
    this.submitError = undefined;
    this.serverNote = undefined;
    this.downloadError = undefined;
    this.summaryShown = false;
    this.applyHostDefaults(true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('formValues')) this.readOptions();
    if (changed.has('prefill')) this.applyPrefill();
    if (changed.has('amount') || changed.has('province')) this.applyHostDefaults(false);
    const today = todayLocal();
    const from = [this.values, this.locale, this.tosAgreed, this.strictPhone, this.options, today];
    if (from.every((input, index) => input === this.validatedFrom[index])) return;
    this.validatedFrom = from;
    this.validation = validateApplyForm(this.formInput(), {
      today,
      strictPhone: this.strictPhone,
      formValues: this.options.ok ? this.options.options.formValues : undefined,
    });
  }

  /** Resolves once the whole form is rendered (the first update renders only its top: see `firstFrame`). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.firstFrame.complete) return done;
    await this.firstFrame.settled();
    return (await super.getUpdateComplete()) && done;
  }

  /** The terms element, for a form that renders its terms section (valid options). */
  private downloadTerms(): void {
    if (this.options.ok) termsElement.prefetch();
  }

  protected override updated(): void {
    // Options given after the first update (see `firstFrame` for the first time).
    if (this.firstFrame.complete) this.downloadTerms();
    const set = (name: string, on: boolean) => this.setCustomState(name, on);
    set('busy', this.isBusy);
    this.showState(this.state);
    // The customer may need the review within seconds of seeing the whole form: the screens download meanwhile,
    // after the terms element (the form needs it first; its arrival renders again, which comes back here).
    if (this.firstFrame.complete && termsElement.loaded) applyScreens.preloadWhenIdle();
  }

  // ── Inputs from the host ────────────────────────────────────────────────────────────────────────────────────

  private readOptions(): void {
    this.options = readFormValues(this.formValues);
    if (!this.options.ok) {
      const code = `invalid_form_values:${this.options.problem.list}`;
      // `undefined` is "not given yet" (the host is still logging in); anything else unusable is reported once.
      if (this.formValues !== undefined && this.reportedProblem !== code) {
        this.reportedProblem = code;
        this.reportError('implementation', 'invalid_form_values');
      }
      return;
    }
    this.reportedProblem = undefined;
    // Choices no longer offered are cleared (the customer picks again); everything typed stays.
    const values = { ...this.values };
    for (const name of SELECT_FIELDS) {
      const value = values[name];
      if (value && !this.optionList(name, values).some(([code]) => code === value)) delete values[name];
    }
    this.values = values;
  }

  private applyPrefill(): void {
    const prefill = this.prefill;
    if (!prefill || typeof prefill !== 'object') return;
    const values = { ...this.values };
    const filled: string[] = [];
    for (const name of FORM_ORDER) {
      // Consent is the customer's own act: never prefilled.
      // Fields the customer changed are theirs: host updates no longer overwrite them.
      if (name === 'tos_agreement' || this.feedback.isEdited(name)) continue;
      const raw = prefill[name];
      const text =
        typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined;
      if (text === undefined || text.trim() === '') continue;
      values[name] =
        name === 'province' ? (normalizeProvince(text) ?? text) : name === 'language' ? normalizeLocale(text) : text;
      filled.push(name);
    }
    if (typeof prefill.input_type === 'string') values.input_type = prefill.input_type;
    this.values = values;
    if (filled.length > 0) this.feedback.prefilled(...filled);
  }

  private applyHostDefaults(force: boolean): void {
    const values = { ...this.values };
    if (
      (force || !this.feedback.isEdited('amount_requested')) &&
      typeof this.amount === 'number' &&
      Number.isFinite(this.amount)
    ) {
      values.amount_requested = String(this.amount);
    }
    if ((force || !this.feedback.isEdited('province')) && this.province && !values.province) {
      values.province = normalizeProvince(this.province) ?? this.province;
    }
    this.values = values;
  }

  // ── Derived state ───────────────────────────────────────────────────────────────────────────────────────────

  private formInput(): Record<string, unknown> {
    return {
      ...this.values,
      language: this.values.language || this.locale,
      input_type: this.values.input_type || 'manual',
      tos_agreement: this.tosAgreed,
    };
  }

  /** The application or Quebec's close-account is in flight. */
  private get busy(): boolean {
    return this.requests.busy;
  }

  /** A request is in flight: the application, Quebec's close-account or the licence scan. */
  private get isBusy(): boolean {
    return this.busy || this.scan.busy;
  }

  private get isQuebec(): boolean {
    return normalizeProvince(this.values.province) === 'QC';
  }

  private optionList(name: ApplyFieldName, values = this.values): OptionList {
    const options = this.options.ok ? this.options.options : undefined;
    switch (name) {
      case 'salutation':
      case 'province':
      case 'security_qid':
      case 'govid_type':
        return options?.[name] ?? [];
      case 'govid_issuedby':
        return options && values.govid_type && Object.hasOwn(options.issuers, values.govid_type)
          ? options.issuers[values.govid_type]!
          : [];
      case 'housing_type':
        return options?.housing_type ?? defaultHousingTypes();
      case 'occupation_id':
        return options?.occupation_id ?? defaultOccupations();
      case 'language':
        return LANGUAGES;
      default:
        return [];
    }
  }

  /** The chosen ID type has no issuer list in `formValues`: only the issuer field is unusable. */
  private get issuerMissing(): boolean {
    const type = this.values.govid_type;
    return !!type && this.options.ok && !Object.hasOwn(this.options.options.issuers, type);
  }

  private fieldMessage(name: ApplyFieldName): FieldMessage | 'issuer_missing' | undefined {
    const server = this.feedback.serverError(name);
    if (server) return server;
    if (name === 'govid_issuedby' && this.issuerMissing) return 'issuer_missing';
    if (name === 'monthly_housing_expenses' && !this.isQuebec) return undefined;
    return this.validation.ok ? undefined : this.validation.fields[name];
  }

  /** The error shown on a field now, as text (FieldFeedback decides when), or undefined. */
  private fieldError(name: ApplyFieldName): string | undefined {
    const invalid = this.fieldMessage(name);
    const message = this.feedback.show(name, invalid, invalid === 'issuer_missing');
    if (!message) return undefined;
    if (message !== 'issuer_missing') return messageText(message, this.audience);
    return this.audience === 'in_store'
      ? msg(
          "This type of ID can't be used here: its list of issuers is missing. Choose another type of ID, or ask a store employee.",
          { id: 'apply.govid_issuedby.missing' },
        )
      : msg("This type of ID can't be used here: its list of issuers is missing. Choose another type of ID.", {
          id: 'apply.govid_issuedby.missing_online',
        });
  }

  private fieldWarning(name: ApplyFieldName): string | undefined {
    const warning = this.validation.warnings[name];
    return warning && this.feedback.shows(name) ? messageText(warning) : undefined;
  }

  /** Fields with an error, in form order, whether or not it is shown yet. */
  private invalidFields(): ApplyFieldName[] {
    return FORM_ORDER.filter((name) => this.fieldMessage(name) !== undefined);
  }

  // ── Events from the form ────────────────────────────────────────────────────────────────────────────────────

  private setValue(name: ApplyFieldName, value: string): void {
    this.feedback.edit(name);
    const values = { ...this.values, [name]: value };
    if (
      name === 'govid_type' &&
      values.govid_issuedby &&
      !this.optionList('govid_issuedby', values).some(([code]) => code === values.govid_issuedby)
    ) {
      // The issuer chosen for the previous type may not issue this one.
      delete values.govid_issuedby;
    }
    this.values = values;
  }

  private onInput(event: Event): void {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    this.setValue(control.name as ApplyFieldName, control.value);
  }

  private onChange(event: Event): void {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    const name = control.name as ApplyFieldName;
    if (control.localName === 'select') this.setValue(name, control.value);
    // A date typed another way (19880412, 1988/4/12) is shown as it will be sent, once it is a real date.
    if (fieldSpec(name)?.kind === 'date' && validateDate(control.value).ok) {
      const shown = normalizeDateInput(control.value);
      if (shown !== control.value) this.setValue(name, shown);
    }
    this.feedback.touch(control.name);
  }

  private onTermsChange(event: Event): void {
    const terms = event.target as HTMLElement & { checked: boolean };
    this.tosAgreed = terms.checked;
    this.feedback.edit('tos_agreement');
    this.feedback.touch('tos_agreement');
  }

  /**
   * The terms element clears the agreement by itself when it loads new terms (another province or language):
   * consent covers the text shown. It tells nobody, so its state is read again before anything is sent.
   */
  private async syncConsent(): Promise<void> {
    const terms = this.renderRoot.querySelector('flexiti-terms') as (HTMLElement & { checked: boolean }) | null;
    const agreed = terms?.checked ?? false;
    if (agreed === this.tosAgreed) return;
    this.tosAgreed = agreed;
    await this.updateComplete;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || this.step !== 'form') return;
    this.downloadError = undefined;
    // Consent is given in the terms element: a submit before it arrived waits for it, then submits again.
    if (!termsElement.loaded) return this.afterDownload(termsElement, () => void this.onSubmit(event));
    await this.syncConsent();
    this.feedback.submitAttempted();
    const invalid = this.invalidFields();
    if (invalid.length > 0 || !this.validation.ok) {
      this.summaryShown = true;
      await this.focusField(invalid[0]);
      return;
    }
    this.summaryShown = false;
    this.serverNote = undefined;
    this.submitError = undefined;
    await this.openReview();
  }

  /** Shows the review once its screens are here (on demand: at once when the preload brought them), never an empty step. */
  private async openReview(): Promise<void> {
    await this.afterDownload(applyScreens, (screens) => {
      // Quebec's keep-or-cancel comes with the screens; an outcome always follows the review they showed.
      this.quebec ??= new screens.QuebecChoice(this, {
        requests: this.requests,
        focus: this.focuser,
        announce: (text) => (this.announcement = text),
        decided: (status, response) => this.showOutcome({ kind: status, response }, status, response),
      });
      this.step = 'review';
      void this.focuser.after('#review-title');
    });
  }

  /**
   * Calls `then` once a module the submit needs is here: at once when it is, else when its download ends. A failed
   * download (a CDN hiccup) keeps the form, with the network error and the submit button to retry.
   */
  private async afterDownload<T>(module: OnDemand<T>, then: (loaded: T) => void): Promise<void> {
    if (module.loaded) return then(module.loaded);
    if (this.awaitingDownload) return;
    this.awaitingDownload = true;
    await this.afterLoading(module, (loaded) => {
      this.awaitingDownload = false;
      if (loaded) return then(loaded);
      this.downloadError = localError('network_error');
      this.reportError(this.downloadError.type, this.downloadError.code);
      void this.focuser.after('#download-error');
    });
  }

  private async backToForm(): Promise<void> {
    if (this.busy) return;
    this.step = 'form';
    this.submitError = undefined;
    await this.focuser.after('#form-title');
  }

  /** Sends the application. Only ever called by the customer (Confirm, or Try again): never automatically. */
  private async confirm(): Promise<void> {
    let invalid = false;
    await this.requests.run(async () => {
      await this.syncConsent();
      const result = this.validation;
      if (!result.ok || this.invalidFields().length > 0) {
        invalid = true;
        return;
      }
      this.submitError = undefined;
      this.announcement = msg('Sending your application…', { id: 'apply.status.sending' });
      const outcome = await this.requests.send(new FlexitiApplyRequestEvent(result.request));
      this.announcement = '';
      if (outcome.ok) await this.onApplied(outcome.data, result.request);
      else await this.onApplyFailed(outcome.error);
    });
    if (invalid) {
      // The terms cleared the consent (new terms loaded) or a host update broke a field: back to the form.
      this.step = 'form';
      this.summaryShown = true;
      this.feedback.submitAttempted();
      await this.focusField(this.invalidFields()[0]);
    }
  }

  private async onApplied(data: unknown, request: ApplyRequest): Promise<void> {
    // Whitelisted: the amounts, debt ratio, plans, card's last four digits and `closable`, even from a host that
    // passes the raw POS API answer (card number, account number, customer id) through.
    const response = toApprovalResult(data);
    if (!response) {
      // A 200 we can't read: the account may exist, so this is an unknown outcome, not a failure to retry blindly.
      const error = localError('invalid_response');
      this.reportError(error.type, error.code);
      await this.showSubmitError(error);
      return;
    }
    if (response.debt_ratio !== undefined || request.province === 'QC') {
      this.showOutcome({ kind: 'quebec', response });
    } else {
      this.showOutcome({ kind: 'approved', response }, 'approved', response);
    }
  }

  private async onApplyFailed(error: FlexitiApiError): Promise<void> {
    if (error.type === 'declined' || error.type === 'pending' || error.type === 'exists') {
      this.showOutcome({ kind: error.type, error }, error.type, error);
      return;
    }
    const onForm = Object.entries(error.fields).filter(([name]) => (FORM_ORDER as readonly string[]).includes(name));
    if (error.type === 'validation' || onForm.length > 0) {
      // Back to the form with the server's messages on their fields; everything typed stays.
      onForm.forEach(([name, message]) => this.feedback.setServerError(name, message));
      this.serverNote = error;
      this.step = 'form';
      this.summaryShown = true;
      this.feedback.submitAttempted();
      await this.focusField(this.invalidFields()[0]);
      return;
    }
    await this.showSubmitError(error);
  }

  private async showSubmitError(error: FlexitiApiError): Promise<void> {
    this.submitError = error;
    this.step = 'review';
    await this.focuser.after('#submit-error');
  }

  private showOutcome(view: OutcomeView, status?: ResultStatus, response?: ApprovalResult | FlexitiApiError): void {
    if (view.kind === 'quebec') this.quebec?.start(view.response);
    this.outcome = view;
    this.step = 'outcome';
    if (status) {
      this.dispatchEvent(new FlexitiResultEvent(status, response));
      this.forgetApplicant();
    }
    void this.focuser.after('#outcome-title');
  }

  /** After a final outcome nothing typed is kept in memory (a shared till serves the next customer). */
  private forgetApplicant(): void {
    this.values = {};
    this.tosAgreed = false;
    this.feedback.reset();
    this.scan.clear();
    const terms = this.renderRoot?.querySelector?.('flexiti-terms') as (HTMLElement & { checked: boolean }) | null;
    if (terms) terms.checked = false;
  }

  // ── Licence scan ──────────────────────────────────────────────────────────────────────────────────────────

  private async fillFromLicence(licence: Licence): Promise<void> {
    const values = { ...this.values };
    const filled: ApplyFieldName[] = [];
    for (const name of SCANNED_FIELDS) {
      let value = licence[name]?.trim();
      if (!value) continue;
      if (name === 'province') value = normalizeProvince(value) ?? value;
      // A choice is filled only when it is offered, so the select shows what the state holds.
      if (SELECT_FIELDS.has(name) && !this.optionList(name, values).some(([code]) => code === value)) continue;
      values[name] = value;
      filled.push(name);
    }
    values.input_type = 'scan';
    this.values = values;
    // Filled at the customer's request: their edit (host updates keep off), its messages shown at once.
    this.feedback.edit(...filled);
    this.feedback.prefilled(...filled);
    // Closed from code only: binding `open` would fight the customer's own toggling (its event comes a task later).
    const disclosure = this.renderRoot.querySelector<HTMLDetailsElement>('details.scan');
    if (disclosure) disclosure.open = false;
    this.announcement = msg(str`Filled in ${filled.length} fields from the licence. Check them before you continue.`, {
      id: 'apply.status.scanned',
    });
    await this.focusField(filled[0] ?? 'first_name');
  }

  // ── Focus ───────────────────────────────────────────────────────────────────────────────────────────────────

  /** After the pending render: a field (the terms element for consent), else the error summary's title. */
  private focusField(name: ApplyFieldName | undefined): Promise<void> {
    return this.focuser.after(!name ? '#summary-title' : name === 'tos_agreement' ? 'flexiti-terms' : `#${name}`);
  }

  // ── Rendering ───────────────────────────────────────────────────────────────────────────────────────────────

  protected override render(): TemplateResult {
    return html`<div class="root" aria-busy=${this.isBusy ? 'true' : 'false'}>
      <div class="visually-hidden" role="status" aria-live="polite" part="status">${this.announcement}</div>
      <fieldset class="controls" ?disabled=${this.controlsDisabled}>
      ${this.options.ok ? this.renderSteps() : this.renderConfigError()}
      </fieldset>
    </div>`;
  }

  private renderConfigError(): TemplateResult {
    const missing = this.formValues === undefined;
    return html`<div class="config-error" part="config-error" data-config-error>
      <h2>${msg('The application form is not available', { id: 'apply.config.title' })}</h2>
      <p>${
        missing
          ? msg("The store hasn't provided the form's option lists yet.", {
              id: 'apply.config.missing',
            })
          : msg('The form could not be set up because some of its option lists are missing or incomplete.', {
              id: 'apply.config.malformed',
            })
      } ${askForHelp(this.audience)}</p>
      ${missing ? nothing : html`<p class="hint">${msg(str`For the store: check formValues.${this.options.ok ? '' : this.options.problem.list}.`, { id: 'apply.config.detail' })}</p>`}
    </div>`;
  }

  private renderSteps(): TemplateResult {
    return html`
      ${
        this.step === 'form'
          ? html`<h2 id="form-title" tabindex="-1">${msg('Apply for Flexiti financing', { id: 'apply.form.title' })}</h2>
            <p class="intro">${msg('All fields are required unless marked optional. Nothing is sent until you review and confirm.', { id: 'apply.form.intro' })}</p>
            ${this.scan.render()}`
          : nothing
      }
      ${this.renderForm()}
      ${this.step === 'review' && this.validation.ok ? this.renderReview(this.validation.request) : nothing}
      ${this.step === 'outcome' && this.outcome ? this.renderOutcome(this.outcome) : nothing}
    `;
  }

  private renderReview(request: ApplyRequest): TemplateResult | typeof nothing {
    const screens = applyScreens.forRender();
    if (!screens) return nothing;
    return screens.renderReview(
      {
        request,
        error: this.submitError,
        busy: this.busy,
        locale: this.locale,
        audience: this.audience,
        optionLabel: (name, code) =>
          this.optionList(name, { ...this.values, govid_type: String(request.govid_type ?? '') }).find(
            ([option]) => option === code,
          )?.[1],
      },
      this.reviewHandlers,
    );
  }

  private readonly reviewHandlers = { confirm: () => void this.confirm(), edit: () => void this.backToForm() };

  private renderOutcome(view: OutcomeView): TemplateResult | typeof nothing {
    const screens = applyScreens.forRender();
    if (!screens) return nothing;
    if (view.kind !== 'quebec') return screens.renderOutcome(view, this.locale, this.audience);
    return this.quebec?.render(view.response) ?? nothing;
  }

  private renderForm(): TemplateResult {
    return html`<form part="form" novalidate ?hidden=${this.step !== 'form'} aria-labelledby="form-title" @submit=${this.onSubmit}>
      ${this.summaryShown ? this.renderSummary() : nothing}
      ${(this.firstFrame.complete ? SECTIONS : SECTIONS.slice(0, FIRST_FRAME_SECTIONS)).map((section) =>
        this.renderSection(section.id, section.fields),
      )}
      <input type="hidden" name="input_type" .value=${this.values.input_type || 'manual'} />
      ${
        this.firstFrame.complete
          ? html`${
              this.downloadError
                ? html`<div class="submit-error" part="submit-error" id="download-error" tabindex="-1" data-code=${this.downloadError.code}>
                  <p>${errorText(this.downloadError, this.audience)}</p>
                </div>`
                : nothing
            }
            <div class="actions">
              <button type="submit" class="primary" part="submit-button" ?disabled=${this.busy}>
                ${msg('Review my application', { id: 'apply.form.submit' })}
              </button>
            </div>`
          : nothing
      }
    </form>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const invalid = this.invalidFields().filter((name) => this.fieldError(name) !== undefined);
    const note = this.serverNote ? errorText(this.serverNote, this.audience) : undefined;
    if (invalid.length === 0 && !note) return nothing;
    return html`<div class="error-summary" part="error-summary" role="group" aria-labelledby="summary-title">
      <h3 id="summary-title" tabindex="-1">
        ${
          invalid.length === 1
            ? msg('There is 1 problem to fix', { id: 'apply.summary.one' })
            : invalid.length > 1
              ? msg(str`There are ${invalid.length} problems to fix`, { id: 'apply.summary.many' })
              : msg('Your application was not sent', { id: 'apply.summary.note' })
        }
      </h3>
      ${note ? html`<p>${note}</p>` : nothing}
      ${
        invalid.length > 0
          ? html`<ul>
            ${invalid.map(
              (name) => html`<li>
                <a href="#${name}" @click=${(event: Event) => {
                  event.preventDefault();
                  this.focuser.now(name === 'tos_agreement' ? 'flexiti-terms' : `#${name}`);
                }}
                  >${msg(str`${fieldLabel(name)}: ${this.fieldError(name)}`, { id: 'apply.summary.item' })}</a
                >
              </li>`,
            )}
          </ul>`
          : nothing
      }
    </div>`;
  }

  private renderSection(id: SectionId, fields: readonly ApplyFieldName[]): TemplateResult {
    // The terms element has its own "Terms and conditions" title: no second heading around it.
    if (id === 'terms')
      return html`<div class="section" part="section" data-section="terms">${this.renderTerms()}</div>`;
    return html`<fieldset class="section" part="section" data-section=${id}>
      <legend><h3>${sectionTitle(id)}</h3></legend>
      ${
        id === 'identification'
          ? html`<p class="hint">${msg('Optional. If you give a piece of ID, fill in its type, who issued it and its number.', { id: 'apply.identification.intro' })}</p>`
          : nothing
      }
      <div class="row">${fields.map((name) => this.renderField(name))}</div>
    </fieldset>`;
  }

  /**
   * One field, re-rendered only when what it shows changed (guard): an ID type change or a keystroke re-renders
   * that field, not the 30 others. The dependencies are everything `renderFieldNow` reads: the locale the
   * messages render in (labels, hints, the built-in option lists), the field's value, error and warning, the
   * option lists (`options`), for the issuer the ID type its list depends on, and how its error is announced.
   */
  private renderField(name: ApplyFieldName): TemplateResult | DirectiveResult | typeof nothing {
    if (name === 'tos_agreement') return this.renderTerms();
    if (name === 'monthly_housing_expenses' && !this.isQuebec) return nothing;
    const error = this.fieldError(name);
    const warning = error ? undefined : this.fieldWarning(name);
    const value = name === 'language' ? this.values.language || this.locale : (this.values[name] ?? '');
    const issuerList = name === 'govid_issuedby' ? this.values.govid_type : undefined;
    const announce = this.feedback.announcement(name);
    return guard([this.locale, value, error, warning, this.options, issuerList, announce.attempt, announce.alert], () =>
      this.renderFieldNow(name, value, error, warning, announce),
    );
  }

  private renderFieldNow(
    name: ApplyFieldName,
    value: string,
    error: string | undefined,
    warning: string | undefined,
    announce: Announcement,
  ): TemplateResult {
    const spec = fieldSpec(name);
    const hint = fieldHint(name);
    const required = spec.required === true || spec.required === 'quebec';
    const common = {
      id: name,
      describedBy: describedBy(name, { hint, message: error || warning }),
      invalid: error ? 'true' : 'false',
      required: required && !name.startsWith('govid_'),
    };
    const control = SELECT_FIELDS.has(name)
      ? html`<select
          id=${common.id}
          name=${name}
          part="control"
          autocomplete=${spec.autocomplete}
          ?required=${common.required}
          aria-invalid=${common.invalid}
          aria-describedby=${ifDefined(common.describedBy)}
          @change=${this.onChange}
        >
          <option value="" .selected=${live(value === '')}>${msg('Choose…', { id: 'apply.choose' })}</option>
          ${selectOptions(this.optionList(name), value, name === 'language')}
        </select>`
      : html`<input
          id=${common.id}
          name=${name}
          part="control"
          type=${spec.kind === 'email' ? 'email' : spec.kind === 'tel' ? 'tel' : 'text'}
          autocomplete=${spec.autocomplete}
          inputmode=${ifDefined(spec.inputMode)}
          maxlength=${ifDefined(spec.maxLength)}
          spellcheck=${spec.kind === 'name' || spec.kind === 'text' ? nothing : 'false'}
          autocapitalize=${spec.kind === 'name' ? 'words' : spec.kind === 'postal' ? 'characters' : spec.kind === 'secret' || spec.kind === 'email' ? 'off' : nothing}
          ?required=${common.required}
          aria-invalid=${common.invalid}
          aria-describedby=${ifDefined(common.describedBy)}
          .value=${live(value)}
          @input=${this.onInput}
          @change=${this.onChange}
        />`;
    return renderField({
      id: name,
      name,
      label: fieldLabel(name),
      optional: required || name.startsWith('govid_') ? undefined : msg('(optional)', { id: 'apply.optional' }),
      hint,
      control,
      error,
      warning,
      announce,
    });
  }

  private renderTerms(): TemplateResult {
    const message = this.fieldMessage('tos_agreement');
    const shown = message === 'issuer_missing' ? undefined : this.feedback.show('tos_agreement', message);
    const province = normalizeProvince(this.values.province) ?? '';
    // The element is defined when its module arrives (on demand): it upgrades in place, with what is set on it here
    // (Lit keeps properties set before), and this render asking for it makes `updateComplete` wait for it.
    termsElement.forRender();
    return html`<div class="terms" data-field="tos_agreement">
      <flexiti-terms
        name="tos_agreement"
        required
        province=${province}
        .error=${shown ?? null}
        @change=${this.onTermsChange}
      ></flexiti-terms>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'flexiti-apply': FlexitiApply;
  }
}
