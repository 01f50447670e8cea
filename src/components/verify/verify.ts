import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import {
  APPLY_FIELDS,
  VERIFY_FORMATS,
  isBlank,
  localError,
  toLookupResult,
  toPurchaseReceipt,
  toVerifyAnswer,
  validateVerificationCode,
  type FieldMessage,
  type FlexitiApiError,
  type LookupResult,
  type PurchaseBody,
  type VerifyBody,
  type VerifyFormat,
} from '../../model/index.js';
import { errorText, messageText } from '../../internal/message-text.js';
import { FlexitiElement } from '../../internal/flexiti-element.js';
import { HostRequestController } from '../../internal/host-request.js';
import { FieldFeedback } from '../../internal/field-feedback.js';
import { baseStyles } from '../../internal/styles.js';
import { FlexitiPurchaseRequestEvent, FlexitiVerifiedEvent, FlexitiVerifyRequestEvent } from '../../events/requests.js';
import { FlexitiErrorEvent, FlexitiPurchaseResultEvent } from '../../events/notifications.js';
import { verifyStyles } from './verify.styles.js';

/**
 * The steps of the flow; `step` reports the current one. `verified`: the security answer or override was
 * accepted and the purchase is being posted (or failed and may be tried again); `purchased`: done.
 */
export type VerifyStep = 'choose' | 'question' | 'code' | 'verified' | 'purchased';

/** The plan and term the purchase is for: `<flexiti-plan-picker>`'s `value` fits. */
export interface VerifyPlan {
  plan_id: string;
  term: number | null;
}

type VerifyCustomer = LookupResult;
type VerifyRequestBody = VerifyBody;
type CodeChannel = 'sms' | 'email';
type FieldSlot = 'format' | 'security_qid' | 'security_answer' | 'verification_code';

/** An error to show: from the host (mapped by the model), a validation key, or one of this element's own texts. */
type Problem =
  | { kind: 'api'; error: FlexitiApiError; field?: FieldSlot }
  | { kind: 'message'; message: FieldMessage }
  | { kind: 'unavailable'; format: CodeChannel }
  /** The purchase may have gone through (the host's answer couldn't be read): say so, offer no resend. */
  | { kind: 'unconfirmed' };

/** What "Try again" repeats after a failure that may pass on a second attempt. */
type Retry = { kind: 'verify'; request: VerifyRequestBody } | { kind: 'purchase'; format: VerifyFormat; code?: string };

/** Where focus goes after an update: the step's heading, the radio group in the step, a field, or the notice. */
type FocusTarget = 'heading' | 'group' | 'security_answer' | 'verification_code' | 'notice';

/** What the polite live region says (rendered in the current locale). */
type StatusKey = '' | 'busy' | 'purchasing' | 'resent_sms' | 'resent_email';

/** Why a method can no longer be chosen for this customer. */
type LockReason = 'locked' | 'unavailable';

const SECURITY_ANSWER_MAX = APPLY_FIELDS.find((field) => field.name === 'security_answer')?.maxLength ?? 100;
const DEFAULT_RESEND_COOLDOWN = 30;
/** Flexiti's customer service, when an online customer has no way left to verify. */
const FLEXITI_PHONE = '1-877-259-3750';

/** Reads `formats` from an attribute (`"sms email"`, `"sms,email"`) or a property (an array or such a string). */
export function parseFormats(value: unknown): VerifyFormat[] {
  const tokens = typeof value === 'string' ? value.split(/[\s,]+/) : Array.isArray(value) ? value : [];
  const known = tokens.filter((token): token is VerifyFormat => (VERIFY_FORMATS as readonly unknown[]).includes(token));
  return [...new Set(known)];
}

/**
 * Verifies an existing Flexiti customer (found by `<flexiti-lookup>` on the checkout) and completes the purchase:
 * by a code sent by text message or email, by one of the customer's own security questions, or by a merchant
 * override.
 *
 * `customer` is the lookup's result, `{security_qid, methods, offer_types}`: `methods` decides which choices are
 * offered (with `formats`, the merchant's own filter), so `merchant_override` appears only when the checkout
 * allows it. Step 1 chooses the method (a method the server refuses for this customer is locked or removed, and
 * the others stay available). A security question is answered on its own step. A code sent by SMS or email is
 * typed (or pasted) into one field, with "send a new code" after `resend-cooldown` seconds.
 *
 * **The purchase.** The code the customer received goes to the purchase, not to a verify call: submitting it
 * fires `flexiti-purchase-request` with `{plan_id, term, verification_code}` (`plan_id` and `term` from `plan`,
 * left out when `plan` is not set, for a host that adds them itself). After a security question or override the
 * server answers `{status: 'verified'}` and keeps any code itself: the element moves straight to `verified` and
 * fires `flexiti-purchase-request` with `{plan_id, term}` only. A wrong code (`wrong_verification_code`) brings the
 * customer back to the code field; `verification_void` (too many wrong codes) back to step 1 for a new code. When
 * the receipt comes back, `flexiti-purchase-result` carries it and the step is `purchased`.
 *
 * The security answer field uses `type="password"` with a "Show answer" toggle and `autocomplete="off"`: on a
 * shared till the merchant's browser must not store or offer the customer's secret, while paste and password
 * managers' explicit fill keep working (WCAG 3.3.8, with SMS and email as the alternative). The answer is sent
 * only in `flexiti-verify-request` and the code only in `flexiti-purchase-request`, never in another event, and
 * both are forgotten when the flow leaves their step.
 *
 * Assigning a different customer (other questions or methods) starts over at step 1 and ignores any answer still
 * in flight for the previous one; assigning an equal one again (a framework re-render) keeps the step. Call
 * `reset()` for the next purchase.
 *
 * Errors (docs/reliability.md §3.4), in the element's locale: `secret_answer_mismatch` on the answer field
 * (the catalogue text, never a hint at the stored answer); `wrong_input` (no usable phone or email on file) and
 * `sms_not_valid_phone` make that method unavailable; `tries_exceed` locks the method; `merchant_override_is_not_allowed`
 * and `method_not_allowed` remove it; a 429 says how long to wait; the others (`checkout_expired`, declines,
 * network, 5xx, nobody answering) are a message for the step with "Try again" when repeating may help. Nothing
 * typed is lost, and no request is ever repeated without the customer asking.
 *
 * @summary Verify an existing customer by SMS, email, security question or merchant override, then purchase.
 *
 * @fires flexiti-verify-request - Asks the host to `POST verify` with `detail.request`
 *   (`{format, security_qid?, security_answer?}`); answer with `detail.respondWith(...)`.
 * @fires flexiti-purchase-request - Asks the host to `POST purchase` with `detail.request`
 *   (`{plan_id?, term?, verification_code?}`); the answer is the receipt.
 * @fires flexiti-verified - The customer proved who they are: `detail` is `{format, sent_to?}`, never a code.
 * @fires flexiti-purchase-result - The purchase went through: `detail` is the receipt
 *   (`{status, transaction_id, plan_id, plan_name?, term?, amount, payment_value?, apr?, card_last4?}`).
 * @fires flexiti-error - A request failed or the element is misconfigured: `{type, code, status?, source}`, no PII.
 *
 * @csspart form - The form of the current step.
 * @csspart heading - The heading of the current step (focused when the step changes).
 * @csspart notice - A message about the whole step (network, server, configuration), with "Try again" when it may help.
 * @csspart submit-button - The main button of the step.
 * @csspart status - The polite live region (busy, code sent).
 *
 * @cssprop --flexiti-color-primary - Buttons and focus accents.
 * @cssprop --flexiti-color-error - Error text and invalid borders.
 * @cssprop --flexiti-color-success - The "verified" heading.
 * @cssprop --flexiti-spacing - Space between blocks.
 */
export class FlexitiVerify extends FlexitiElement {
  static override styles = [baseStyles, verifyStyles];

  /**
   * The customer to verify: `<flexiti-lookup>`'s result (`flexiti-lookup-result`'s `detail`),
   * `{security_qid: [{id, text}], methods, offer_types}`. Anything else in it is ignored.
   */
  @property({ attribute: false }) customer: LookupResult | Record<string, unknown> | null | undefined;

  /**
   * The plan the purchase is for, `{plan_id, term}` (`<flexiti-plan-picker>`'s `value` fits): sent in
   * `flexiti-purchase-request`. When not set, the request carries no plan and the host adds it.
   */
  @property({ attribute: false }) plan: VerifyPlan | null | undefined;

  /** Methods this merchant allows, in display order; attribute form is a space- or comma-separated list. */
  @property({ converter: { fromAttribute: (value: string | null) => parseFormats(value) } })
  formats: readonly VerifyFormat[] = [...VERIFY_FORMATS];

  /** Seconds before "send a new code" is available again after a code was sent. */
  @property({ type: Number, attribute: 'resend-cooldown' }) resendCooldown = DEFAULT_RESEND_COOLDOWN;

  @state() private currentStep: VerifyStep = 'choose';
  @state() private busy = false;
  @state() private selectedFormat: VerifyFormat | undefined;
  @state() private selectedQuestion = '';
  @state() private answer = '';
  @state() private answerShown = false;
  @state() private code = '';
  @state() private codeChannel: CodeChannel | undefined;
  @state() private fieldErrors: Partial<Record<FieldSlot, Problem>> = {};
  @state() private notice: { problem: Problem; retry?: Retry } | undefined;
  @state() private locked = new Map<VerifyFormat, LockReason>();
  @state() private removedFormats = new Set<VerifyFormat>();
  @state() private resendRemaining = 0;
  @state() private status: StatusKey = '';

  private readonly requests = new HostRequestController(this);
  private readonly feedback = new FieldFeedback(this);
  private parsedCustomer: VerifyCustomer | undefined;
  private customerKey = '';
  private customerInvalid = false;
  /** Set synchronously before the first await, so a double click or double Enter sends one request. */
  private inFlight = false;
  /** Bumped when the customer changes: answers to requests sent for an earlier customer are dropped. */
  private generation = 0;
  private pendingFocus: FocusTarget | undefined;
  private resendAt = 0;
  private resendTimer: ReturnType<typeof setInterval> | undefined;

  /** The current step: `choose`, `question`, `code`, `verified` or `purchased`. */
  get step(): VerifyStep {
    return this.currentStep;
  }

  /** Starts over at step 1 for the same customer (the next purchase at a shared till); locks are kept. */
  reset(): void {
    const { locked, removedFormats } = this;
    this.startOver();
    this.locked = locked;
    this.removedFormats = removedFormats;
    this.pendingFocus = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopResendTimer();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.currentStep === 'code' && this.resendAt > Date.now()) this.startResendTimer();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customer')) this.readCustomer();
  }

  protected override updated(): void {
    const target = this.pendingFocus;
    // Controls are disabled while busy: focus waits for the render that enables them again.
    if (!target || this.busy) return;
    this.pendingFocus = undefined;
    // After the update: moving focus fires `change` on the field being left, which updates state.
    queueMicrotask(() => this.focusTarget(target));
  }

  // ── Customer and methods ──

  private readCustomer(): void {
    const previousKey = this.customerKey;
    const parsed = this.customer == null ? undefined : toLookupResult(this.customer);
    this.parsedCustomer = parsed;
    this.customerKey = parsed ? JSON.stringify(parsed) : '';
    const wasInvalid = this.customerInvalid;
    this.customerInvalid = this.customer != null && !parsed;
    if (this.customerInvalid && !wasInvalid) {
      this.dispatchEvent(
        new FlexitiErrorEvent({ type: 'implementation', code: 'invalid_customer', source: this.localName }),
      );
    }
    if (this.customerKey !== previousKey) this.startOver();
  }

  /** Back to step 1 with nothing of the previous customer kept (locks, answer, code, errors). */
  private startOver(): void {
    this.generation++;
    this.inFlight = false;
    this.busy = false;
    this.currentStep = 'choose';
    this.selectedFormat = undefined;
    this.selectedQuestion = '';
    this.answer = '';
    this.answerShown = false;
    this.code = '';
    this.codeChannel = undefined;
    this.fieldErrors = {};
    this.notice = undefined;
    this.locked = new Map();
    this.removedFormats = new Set();
    this.status = '';
    this.resendAt = 0;
    this.resendRemaining = 0;
    this.stopResendTimer();
    this.feedback.reset();
  }

  /** Methods to show: allowed by `formats`, offered for this customer (`methods`), not refused by the server. */
  private get shownFormats(): VerifyFormat[] {
    const questions = this.parsedCustomer?.security_qid.length ?? 0;
    const offered = this.parsedCustomer?.methods ?? [];
    return parseFormats(this.formats).filter(
      (format) =>
        offered.includes(format) &&
        // Online, the customer is alone: a store override has nobody from the store to give it.
        (format !== 'merchant_override' || this.audience === 'in_store') &&
        !this.removedFormats.has(format) &&
        (format !== 'security_question' || questions > 0),
    );
  }

  private get availableFormats(): VerifyFormat[] {
    return this.shownFormats.filter((format) => !this.locked.has(format));
  }

  private get chosenFormat(): VerifyFormat | undefined {
    const available = this.availableFormats;
    if (this.selectedFormat && available.includes(this.selectedFormat)) return this.selectedFormat;
    return available.length === 1 ? available[0] : undefined;
  }

  private get chosenQuestion(): string {
    const questions = this.parsedCustomer?.security_qid ?? [];
    if (questions.some((question) => question.id === this.selectedQuestion)) return this.selectedQuestion;
    return questions.length === 1 ? questions[0]!.id : '';
  }

  // ── Rendering ──

  override render(): TemplateResult {
    return html`
      ${this.renderStep()}
      <div class="status" part="status" role="status" aria-live="polite">${this.statusText()}</div>
    `;
  }

  private renderStep(): TemplateResult {
    if (!this.parsedCustomer) return this.renderUnavailable();
    switch (this.currentStep) {
      case 'question':
        return this.renderQuestion();
      case 'code':
        return this.renderCode();
      case 'verified':
      case 'purchased':
        return this.renderVerified();
      default:
        return this.shownFormats.length === 0 ? this.renderUnavailable() : this.renderChoose();
    }
  }

  /** No usable customer, or no method allowed at all: a configuration problem, shown at once. */
  private renderUnavailable(): TemplateResult {
    return html`
      <div class="notice error-notice" part="notice">
        <h2 id="heading" part="heading" tabindex="-1">${msg('Verification unavailable', { id: 'verify.unavailable.heading' })}</h2>
        <p>${messageText('error.implementation', this.audience)}</p>
      </div>
    `;
  }

  private renderChoose(): TemplateResult {
    const shown = this.shownFormats;
    const chosen = this.chosenFormat;
    const error = this.fieldErrors.format ?? this.localError('format');
    const noneLeft = this.availableFormats.length === 0;
    const describedBy = [error ? 'format-error' : '', noneLeft ? 'format-none' : ''].filter(Boolean).join(' ');
    return html`
      <form part="form" novalidate aria-labelledby="heading" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.onChooseSubmit}>
        <h2 id="heading" part="heading" tabindex="-1">${
          this.audience === 'in_store'
            ? msg("Verify the customer's identity", { id: 'verify.choose.heading' })
            : msg('Confirm your identity', { id: 'verify.choose.heading_online' })
        }</h2>
        ${this.renderNotice()}
        <fieldset aria-describedby=${describedBy || nothing}>
          <legend>${msg('How would you like to verify?', { id: 'verify.choose.legend' })}</legend>
          <p class="error" id="format-error">${error ? this.problemText(error) : ''}</p>
          ${
            noneLeft
              ? html`<p class="hint" id="format-none">${
                  this.audience === 'in_store'
                    ? msg('No other way to verify is left for this customer. Please ask a store employee for help.', {
                        id: 'verify.choose.none_left',
                      })
                    : msg(
                        str`No other way to verify is left. Call Flexiti at ${FLEXITI_PHONE}, or choose another way to pay.`,
                        { id: 'verify.choose.none_left_online' },
                      )
                }</p>`
              : nothing
          }
          ${shown.map((format) => this.renderFormatOption(format, chosen))}
        </fieldset>
        <div class="actions">
          <button class="primary" part="submit-button" type="submit" ?disabled=${this.busy || noneLeft}>
            ${msg('Continue', { id: 'verify.choose.submit' })}
          </button>
        </div>
      </form>
    `;
  }

  private renderFormatOption(format: VerifyFormat, chosen: VerifyFormat | undefined): TemplateResult {
    const lock = this.locked.get(format);
    const id = `format-${format}`;
    return html`
      <div class="option">
        <input
          type="radio"
          id=${id}
          name="format"
          .value=${format}
          .checked=${live(chosen === format)}
          ?disabled=${this.busy || lock !== undefined}
          aria-describedby=${lock ? `${id}-reason` : nothing}
          @change=${() => this.chooseFormat(format)}
        />
        <label for=${id}>${this.formatLabel(format)}</label>
        ${lock ? html`<span class="hint" id="${id}-reason">${this.lockText(lock)}</span>` : nothing}
      </div>
    `;
  }

  private renderQuestion(): TemplateResult {
    const questions = this.parsedCustomer?.security_qid ?? [];
    const chosen = this.chosenQuestion;
    const qidError = this.fieldErrors.security_qid ?? this.localError('security_qid');
    const answerError = this.fieldErrors.security_answer ?? this.localError('security_answer');
    return html`
      <form part="form" novalidate aria-labelledby="heading" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.onQuestionSubmit}>
        <h2 id="heading" part="heading" tabindex="-1">${msg('Answer a security question', { id: 'verify.question.heading' })}</h2>
        ${this.renderNotice()}
        <fieldset aria-describedby=${qidError ? 'security_qid-error' : nothing}>
          <legend>${msg('Choose one of your security questions', { id: 'verify.question.legend' })}</legend>
          <p class="error" id="security_qid-error">${qidError ? this.problemText(qidError) : ''}</p>
          ${questions.map(
            (question) => html`
              <div class="option">
                <input
                  type="radio"
                  id="security_qid-${question.id}"
                  name="security_qid"
                  .value=${question.id}
                  .checked=${live(chosen === question.id)}
                  ?disabled=${this.busy}
                  @change=${() => this.chooseQuestion(question.id)}
                />
                <label for="security_qid-${question.id}">${question.text}</label>
              </div>
            `,
          )}
        </fieldset>
        <div class="field">
          <label for="security_answer">${msg('Your answer', { id: 'verify.answer.label' })}</label>
          <span class="hint" id="security_answer-hint">
            ${msg('You can paste your answer or fill it in with a password manager.', { id: 'verify.answer.hint' })}
          </span>
          <div class="secret">
            <input
              id="security_answer"
              name="security_answer"
              type=${this.answerShown ? 'text' : 'password'}
              autocomplete="off"
              autocapitalize="off"
              spellcheck="false"
              .value=${live(this.answer)}
              ?disabled=${this.busy}
              aria-invalid=${answerError ? 'true' : 'false'}
              aria-describedby="security_answer-hint${answerError ? ' security_answer-error' : ''}"
              @input=${this.onAnswerInput}
              @change=${this.onAnswerChange}
            />
            <button
              type="button"
              aria-controls="security_answer"
              aria-pressed=${this.answerShown ? 'true' : 'false'}
              ?disabled=${this.busy}
              @click=${() => (this.answerShown = !this.answerShown)}
            >
              ${msg('Show answer', { id: 'verify.answer.show' })}
            </button>
          </div>
          <p class="error" id="security_answer-error">${answerError ? this.problemText(answerError) : ''}</p>
        </div>
        <div class="actions">
          <button class="primary" part="submit-button" type="submit" ?disabled=${this.busy}>
            ${msg('Verify', { id: 'verify.question.submit' })}
          </button>
          <button type="button" ?disabled=${this.busy} @click=${this.backToChoice}>
            ${msg('Choose another method', { id: 'verify.back' })}
          </button>
        </div>
      </form>
    `;
  }

  private renderCode(): TemplateResult {
    const error = this.fieldErrors.verification_code ?? this.localError('verification_code');
    const waiting = this.resendRemaining > 0;
    const seconds = this.resendRemaining;
    return html`
      <form part="form" novalidate aria-labelledby="heading" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.onCodeSubmit}>
        <h2 id="heading" part="heading" tabindex="-1">${msg('Enter the verification code', { id: 'verify.code.heading' })}</h2>
        <p id="code-sent">
          ${
            this.codeChannel === 'email'
              ? msg('We sent a code by email to the address on file.', { id: 'verify.code.sent_email' })
              : msg('We sent a code by text message to the phone number on file.', { id: 'verify.code.sent_sms' })
          }
        </p>
        ${this.renderNotice()}
        <div class="field">
          <label for="verification_code">${msg('Verification code', { id: 'verify.code.label' })}</label>
          <span class="hint" id="verification_code-hint">${msg('Digits only. You can paste the code.', { id: 'verify.code.hint' })}</span>
          <input
            id="verification_code"
            name="verification_code"
            type="text"
            inputmode="numeric"
            autocomplete="one-time-code"
            spellcheck="false"
            .value=${live(this.code)}
            ?disabled=${this.busy}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby="verification_code-hint${error ? ' verification_code-error' : ''}"
            @input=${this.onCodeInput}
            @change=${this.onCodeChange}
          />
          <p class="error" id="verification_code-error">${error ? this.problemText(error) : ''}</p>
        </div>
        <div class="actions">
          <button class="primary" part="submit-button" type="submit" ?disabled=${this.busy}>
            ${msg('Verify', { id: 'verify.code.submit' })}
          </button>
        </div>
        <div class="resend">
          <button
            type="button"
            id="resend"
            ?disabled=${this.busy || waiting}
            aria-describedby=${waiting ? 'resend-wait' : nothing}
            @click=${this.onResend}
          >
            ${msg('Send a new code', { id: 'verify.code.resend' })}
          </button>
          ${
            waiting
              ? html`<span class="hint" id="resend-wait">
                ${msg(str`You can ask for a new code in ${seconds} s.`, { id: 'verify.code.resend_wait' })}
              </span>`
              : nothing
          }
          <button type="button" ?disabled=${this.busy} @click=${this.backToChoice}>
            ${msg('Choose another method', { id: 'verify.back' })}
          </button>
        </div>
      </form>
    `;
  }

  private renderVerified(): TemplateResult {
    const purchased = this.currentStep === 'purchased';
    const unconfirmed = this.notice?.problem.kind === 'unconfirmed';
    return html`
      <section class="verified" aria-labelledby="heading" aria-busy=${this.busy ? 'true' : 'false'}>
        <h2 id="heading" part="heading" tabindex="-1">
          ${
            purchased
              ? msg('Purchase complete', { id: 'verify.purchased.heading' })
              : unconfirmed
                ? msg("We couldn't confirm your purchase", { id: 'verify.unconfirmed.heading' })
                : msg('Identity verified', { id: 'verify.verified.heading' })
          }
        </h2>
        ${
          purchased
            ? html`<p>${msg('Thank you. Your purchase went through.', { id: 'verify.purchased.text' })}</p>`
            : this.notice
              ? this.renderNotice()
              : html`<p>${msg('Thank you. We are completing your purchase.', { id: 'verify.verified.text' })}</p>`
        }
      </section>
    `;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const notice = this.notice;
    if (!notice) return nothing;
    return html`
      <div class="notice error-notice" part="notice" id="notice" tabindex="-1">
        <p>${this.problemText(notice.problem)}</p>
        ${
          notice.retry
            ? html`<button type="button" ?disabled=${this.busy} @click=${this.onRetry}>${msg('Try again', { id: 'verify.retry' })}</button>`
            : nothing
        }
      </div>
    `;
  }

  private statusText(): string {
    switch (this.status) {
      case 'busy':
        return msg('Please wait…', { id: 'verify.status.busy' });
      case 'purchasing':
        return msg('Completing your purchase…', { id: 'verify.status.purchasing' });
      case 'resent_sms':
        return msg('A new code was sent by text message.', { id: 'verify.status.resent_sms' });
      case 'resent_email':
        return msg('A new code was sent by email.', { id: 'verify.status.resent_email' });
      default:
        return '';
    }
  }

  private formatLabel(format: VerifyFormat): string {
    switch (format) {
      case 'sms':
        return msg('Get a code by text message', { id: 'verify.format.sms' });
      case 'email':
        return msg('Get a code by email', { id: 'verify.format.email' });
      case 'security_question':
        return msg('Answer a security question', { id: 'verify.format.security_question' });
      case 'merchant_override':
        return msg('Store override (store employee)', { id: 'verify.format.merchant_override' });
    }
  }

  private lockText(reason: LockReason): string {
    return reason === 'locked'
      ? msg('Locked after too many attempts.', { id: 'verify.format.locked' })
      : msg('Not available for this account.', { id: 'verify.format.unavailable' });
  }

  private problemText(problem: Problem): string {
    switch (problem.kind) {
      case 'unconfirmed':
        return msg(
          "Your purchase may have gone through. Don't pay again: check your order confirmation, or ask the store, before you try again.",
          { id: 'verify.unconfirmed.text' },
        );
      case 'message':
        return messageText(problem.message, this.audience);
      case 'unavailable':
        return problem.format === 'sms'
          ? msg("We can't send a text message to the phone number on file. Choose another way to verify.", {
              id: 'verify.error.sms_unavailable',
            })
          : msg("We can't send an email to the address on file. Choose another way to verify.", {
              id: 'verify.error.email_unavailable',
            });
      case 'api': {
        // The field's own message when the API named the field (`field_errors`), else the error's text.
        const fieldMessage = problem.field ? problem.error.fields[problem.field] : undefined;
        return fieldMessage ? messageText(fieldMessage) : errorText(problem.error, this.audience);
      }
    }
  }

  /** The validation error of a field, shown once the field was left or a submit was attempted. */
  private localError(slot: FieldSlot): Problem | undefined {
    if (!this.feedback.shows(slot)) return undefined;
    const message = this.validate(slot);
    return message ? { kind: 'message', message } : undefined;
  }

  private validate(slot: FieldSlot): FieldMessage | undefined {
    switch (slot) {
      case 'format':
        return this.chosenFormat ? undefined : { key: 'choice.invalid' };
      case 'security_qid':
        return this.chosenQuestion ? undefined : { key: 'choice.invalid' };
      case 'security_answer':
        if (isBlank(this.answer)) return { key: 'required' };
        return this.answer.trim().length > SECURITY_ANSWER_MAX
          ? { key: 'text.too_long', params: { max: SECURITY_ANSWER_MAX } }
          : undefined;
      case 'verification_code': {
        const result = validateVerificationCode(this.code);
        return result.ok ? undefined : result.error;
      }
    }
  }

  // ── User actions ──

  private chooseFormat(format: VerifyFormat): void {
    this.selectedFormat = format;
    this.clearFieldError('format');
  }

  private chooseQuestion(id: string): void {
    this.selectedQuestion = id;
    this.clearFieldError('security_qid');
  }

  private onAnswerInput(event: InputEvent): void {
    this.answer = (event.target as HTMLInputElement).value;
    this.clearFieldError('security_answer');
  }

  private onAnswerChange(): void {
    // Chromium fires `change` on a field removed while focused (leaving the step): nothing to show then.
    if (this.currentStep === 'question') this.touch('security_answer');
  }

  private onCodeInput(event: InputEvent): void {
    this.code = (event.target as HTMLInputElement).value;
    this.clearFieldError('verification_code');
  }

  /** On leaving the field, show the code as it will be sent (` 2 2 2 2 ` → `2222`) when it is valid. */
  private onCodeChange(): void {
    if (this.currentStep !== 'code') return;
    const result = validateVerificationCode(this.code);
    if (result.ok) this.code = result.value;
    this.touch('verification_code');
  }

  private touch(slot: FieldSlot): void {
    if (!this.feedback.shows(slot)) this.feedback.touch(slot);
  }

  private clearFieldError(slot: FieldSlot): void {
    if (!this.fieldErrors[slot]) return;
    const { [slot]: _cleared, ...rest } = this.fieldErrors;
    this.fieldErrors = rest;
  }

  private onChooseSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.inFlight) return;
    this.feedback.submitAttempted();
    const format = this.chosenFormat;
    const customer = this.parsedCustomer;
    if (!format || !customer) {
      this.pendingFocus = 'group';
      return;
    }
    if (format === 'security_question') {
      this.goTo('question');
      return;
    }
    void this.sendVerify({ format });
  }

  private onQuestionSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.inFlight) return;
    this.feedback.submitAttempted();
    const customer = this.parsedCustomer;
    const qid = this.chosenQuestion;
    if (this.validate('security_qid') || this.validate('security_answer') || !customer) {
      this.pendingFocus = this.validate('security_qid') ? 'group' : 'security_answer';
      return;
    }
    void this.sendVerify({
      format: 'security_question',
      security_qid: qid,
      security_answer: this.answer.trim(),
    });
  }

  private onCodeSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.inFlight) return;
    this.feedback.submitAttempted();
    const result = validateVerificationCode(this.code);
    if (!result.ok || !this.codeChannel) {
      this.pendingFocus = 'verification_code';
      return;
    }
    this.code = result.value;
    const channel = this.codeChannel;
    void this.run((generation) => this.purchase(channel, result.value, generation));
  }

  private onResend(): void {
    const customer = this.parsedCustomer;
    if (this.inFlight || !customer || !this.codeChannel || this.resendRemaining > 0) return;
    void this.sendVerify({ format: this.codeChannel }, true);
  }

  private onRetry(): void {
    const retry = this.notice?.retry;
    if (this.inFlight || !retry) return;
    if (retry.kind === 'verify')
      void this.sendVerify(retry.request, retry.request.format === this.codeChannel && this.currentStep === 'code');
    else void this.run((generation) => this.purchase(retry.format, retry.code, generation));
  }

  private backToChoice(): void {
    if (this.inFlight) return;
    // The secret answer and an old code are not kept once the customer leaves their step.
    this.answer = '';
    this.answerShown = false;
    this.code = '';
    this.codeChannel = undefined;
    this.stopResendTimer();
    this.resendRemaining = 0;
    this.goTo('choose');
  }

  private goTo(step: VerifyStep, focus: FocusTarget = 'heading'): void {
    this.currentStep = step;
    this.notice = undefined;
    this.fieldErrors = {};
    this.feedback.reset();
    this.pendingFocus = focus;
  }

  // ── Requests ──

  /** Runs one request at a time: the in-flight flag is set before the first await and cleared at the end. */
  private async run(task: (generation: number) => Promise<void>): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = true;
    this.busy = true;
    this.status = 'busy';
    const generation = this.generation;
    try {
      await task(generation);
    } finally {
      if (generation === this.generation) {
        this.inFlight = false;
        this.busy = false;
        if (this.status === 'busy') this.status = '';
      }
    }
  }

  private sendVerify(request: VerifyRequestBody, resend = false): Promise<void> {
    return this.run(async (generation) => {
      this.notice = undefined;
      const outcome = await this.requests.send(new FlexitiVerifyRequestEvent(request));
      if (generation !== this.generation) return;
      if (!outcome.ok) {
        this.showVerifyError(outcome.error, request);
        return;
      }
      const answer = toVerifyAnswer(outcome.data);
      if (!answer) {
        this.reportLocal('invalid_response');
        this.showVerifyError(localError('invalid_response'), request);
        return;
      }
      if (answer.status === 'code_sent') {
        this.enterCodeStep(answer.sent_to, resend);
        return;
      }
      // The server accepted the answer or override and keeps any code: straight to the purchase.
      this.answer = '';
      this.answerShown = false;
      this.dispatchEvent(new FlexitiVerifiedEvent({ format: request.format }));
      this.goTo('verified');
      await this.purchase(request.format, undefined, generation);
    });
  }

  private enterCodeStep(channel: CodeChannel, resend: boolean): void {
    this.codeChannel = channel;
    this.startResendCooldown();
    if (resend) {
      this.notice = undefined;
      this.clearFieldError('verification_code');
      this.status = channel === 'email' ? 'resent_email' : 'resent_sms';
      this.pendingFocus = 'verification_code';
      return;
    }
    this.status = '';
    this.code = '';
    this.goTo('code');
  }

  /**
   * Posts the purchase through the host: `{plan_id, term}` from `plan`, and the code the customer typed (SMS or
   * email). A wrong code brings them back to it; a void code back to step 1; anything else is a notice on the step.
   */
  private async purchase(format: VerifyFormat, code: string | undefined, generation = this.generation): Promise<void> {
    if (!this.parsedCustomer) return;
    this.notice = undefined;
    this.status = 'purchasing';
    const plan = this.plan;
    const request: PurchaseBody = {
      ...(plan?.plan_id ? { plan_id: String(plan.plan_id) } : {}),
      ...(plan && typeof plan.term === 'number' ? { term: plan.term } : {}),
      ...(code !== undefined ? { verification_code: code } : {}),
    };
    const outcome = await this.requests.send(new FlexitiPurchaseRequestEvent(request));
    if (generation !== this.generation) return;
    const receipt = outcome.ok ? toPurchaseReceipt(outcome.data) : undefined;
    if (outcome.ok && receipt) {
      const sentTo = format === 'sms' || format === 'email' ? format : undefined;
      if (code !== undefined) this.dispatchEvent(new FlexitiVerifiedEvent({ format, sent_to: sentTo }));
      this.answer = '';
      this.code = '';
      this.codeChannel = undefined;
      this.stopResendTimer();
      this.status = '';
      this.goTo('purchased');
      this.dispatchEvent(new FlexitiPurchaseResultEvent(receipt));
      return;
    }
    if (outcome.ok) this.reportLocal('invalid_response');
    // An unreadable receipt: asking again is safe, the checkout answers a repeat with the same receipt.
    const error = outcome.ok ? localError('invalid_response') : outcome.error;
    const withCode = code !== undefined && (format === 'sms' || format === 'email');
    if (withCode && (error.code === 'wrong_verification_code' || error.code === 'verification_code_required')) {
      this.showOnField('code', 'verification_code', { kind: 'api', error });
      return;
    }
    if (error.code === 'verification_void' || error.code === 'verification_required') {
      // The code (or the verification) no longer counts: verify again, by any method.
      this.answer = '';
      this.code = '';
      this.codeChannel = undefined;
      this.stopResendTimer();
      this.resendRemaining = 0;
      this.showOnField('choose', 'format', { kind: 'api', error });
      return;
    }
    if (error.code === 'unreadable_answer') {
      // The request reached the store's server: the customer may be charged. No form to resubmit, no Try again.
      this.answer = '';
      this.code = '';
      this.codeChannel = undefined;
      this.stopResendTimer();
      this.goTo('verified');
      this.showNotice({ kind: 'unconfirmed' });
      return;
    }
    const retryable = error.retryable || error.code === 'no_handler';
    this.showNotice({ kind: 'api', error }, retryable ? { kind: 'purchase', format, code } : undefined);
  }

  /** Maps a failed POST /verify to where the customer can act on it (docs/reliability.md §3.4). */
  private showVerifyError(error: FlexitiApiError, request: VerifyRequestBody): void {
    const format = request.format;
    switch (error.code) {
      case 'secret_answer_mismatch':
        this.showOnField('question', 'security_answer', { kind: 'api', error });
        return;
      case 'merchant_override_is_not_allowed':
      case 'method_not_allowed':
        this.removedFormats = new Set([...this.removedFormats, format]);
        this.showOnField('choose', 'format', { kind: 'api', error });
        return;
      case 'tries_exceed':
        this.lock(format, 'locked');
        this.showOnField('choose', 'format', { kind: 'api', error });
        return;
      case 'sms_not_valid_phone':
        this.lock(format, 'unavailable');
        this.showOnField('choose', 'format', { kind: 'api', error });
        return;
      case 'wrong_input':
      case 'wrong_inputs':
        if (format === 'security_question' && (error.fields.security_answer || error.fields.security_qid)) {
          this.showOnField('question', error.fields.security_answer ? 'security_answer' : 'security_qid', {
            kind: 'api',
            error,
          });
          return;
        }
        if (
          (format === 'sms' || format === 'email') &&
          Object.keys(error.fields).every((name) => name === 'email' || name === 'phone_number')
        ) {
          // The seed answers a missing or invalid phone or email on file this way (`field_errors` email/phone).
          this.lock(format, 'unavailable');
          this.showOnField('choose', 'format', { kind: 'unavailable', format });
          return;
        }
        break;
    }
    const retryable = error.retryable || error.code === 'no_handler';
    this.showNotice({ kind: 'api', error }, retryable ? { kind: 'verify', request } : undefined);
  }

  private lock(format: VerifyFormat, reason: LockReason): void {
    this.locked = new Map([...this.locked, [format, reason]]);
    if (this.selectedFormat === format) this.selectedFormat = undefined;
    if (format === 'security_question') this.answer = '';
    if (format === this.codeChannel) {
      this.codeChannel = undefined;
      this.stopResendTimer();
    }
  }

  private showOnField(step: VerifyStep, slot: FieldSlot, problem: Problem): void {
    if (this.currentStep !== step) this.goTo(step);
    this.notice = undefined;
    this.status = '';
    this.fieldErrors = { ...this.fieldErrors, [slot]: problem.kind === 'api' ? { ...problem, field: slot } : problem };
    this.pendingFocus = slot === 'security_qid' || slot === 'format' ? 'group' : slot;
  }

  private showNotice(problem: Problem, retry?: Retry): void {
    this.status = '';
    this.notice = { problem, retry };
    this.pendingFocus = 'notice';
  }

  private reportLocal(code: 'invalid_response'): void {
    const { type } = localError(code);
    this.dispatchEvent(new FlexitiErrorEvent({ type, code, source: this.localName }));
  }

  // ── Focus and timers ──

  private focusTarget(target: FocusTarget): void {
    const root = this.renderRoot as ShadowRoot;
    const element =
      target === 'heading'
        ? root.querySelector<HTMLElement>('#heading')
        : target === 'notice'
          ? root.querySelector<HTMLElement>('#notice')
          : target === 'group'
            ? (root.querySelector<HTMLElement>('fieldset input[type="radio"]:checked:not(:disabled)') ??
              root.querySelector<HTMLElement>('fieldset input[type="radio"]:not(:disabled)'))
            : root.querySelector<HTMLElement>(`#${target}`);
    (element ?? root.querySelector<HTMLElement>('#heading'))?.focus();
  }

  private startResendCooldown(): void {
    // An unreadable value falls back to the default rather than allowing a code every instant.
    const cooldown = Number.isFinite(this.resendCooldown) ? this.resendCooldown : DEFAULT_RESEND_COOLDOWN;
    const seconds = Math.max(0, cooldown);
    this.resendAt = Date.now() + seconds * 1000;
    this.tickResend();
    if (this.resendRemaining > 0) this.startResendTimer();
  }

  private startResendTimer(): void {
    this.stopResendTimer();
    this.resendTimer = setInterval(() => this.tickResend(), 250);
  }

  private stopResendTimer(): void {
    if (this.resendTimer !== undefined) clearInterval(this.resendTimer);
    this.resendTimer = undefined;
  }

  /** Updates the visible countdown (not a live region: a screen reader is not told every second). */
  private tickResend(): void {
    this.resendRemaining = Math.max(0, Math.ceil((this.resendAt - Date.now()) / 1000));
    if (this.resendRemaining === 0) this.stopResendTimer();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'flexiti-verify': FlexitiVerify;
  }
}
