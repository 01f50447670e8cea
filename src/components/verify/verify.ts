import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
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
  type LookupResponse,
  type LookupResult,
  type PurchaseBody,
  type VerifyBody,
  type VerifyFormat,
} from '../../model/index.js';
import { FlexitiElement } from '../../internal/flexiti-element.js';
import { DEFAULT_HOST_TIMEOUT_MS, HostRequestController, type Run } from '../../internal/host-request.js';
import { FieldFeedback } from '../../internal/field-feedback.js';
import { FocusController } from '../../internal/focus.js';
import { baseStyles, stepStyles } from '../../internal/styles.js';
import { FlexitiPurchaseRequestEvent, FlexitiVerifiedEvent, FlexitiVerifyRequestEvent } from '../../events/requests.js';
import { FlexitiPurchaseResultEvent } from '../../events/notifications.js';
import { verifyStyles } from './verify.styles.js';
import { CooldownController } from '../../internal/cooldown.js';
import { purchaseErrorAction, verifyErrorAction, type FieldSlot, type LockReason } from './verify-errors.js';
import { renderNotice, statusText, type CodeChannel, type Problem, type StatusKey } from './verify-texts.js';
import { renderChoose } from './verify-choose.js';
import { renderQuestion } from './verify-question.js';
import { renderCode } from './verify-code.js';
import { renderDone, renderUnavailable } from './verify-done.js';

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
/** What "Try again" repeats after a failure that may pass on a second attempt. */
type Retry = { kind: 'verify'; request: VerifyRequestBody } | { kind: 'purchase'; format: VerifyFormat; code?: string };

/** Where focus goes after an update: the step's heading, the radio group in the step, a field, or the notice. */
type FocusTarget = 'heading' | 'group' | 'security_answer' | 'verification_code' | 'notice';

/** The elements `FocusTarget` names, tried in order; the heading when none is there. */
const FOCUS_SELECTORS: Record<FocusTarget, string[]> = {
  heading: ['#heading'],
  notice: ['#notice', '#heading'],
  group: [
    'fieldset input[type="radio"]:checked:not(:disabled)',
    'fieldset input[type="radio"]:not(:disabled)',
    '#heading',
  ],
  security_answer: ['#security_answer', '#heading'],
  verification_code: ['#verification_code', '#heading'],
};

const SECURITY_ANSWER_MAX = APPLY_FIELDS.find((field) => field.name === 'security_answer')?.maxLength ?? 100;
const DEFAULT_RESEND_COOLDOWN = 30;

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
 * @summary Verify an existing customer by SMS, email, security question or merchant override, then purchase.
 * @since 0.1.0
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
 * @csspart field - A text field: its label, hint, control and error.
 * @csspart label - A text field's label.
 * @csspart hint - A text field's hint.
 * @csspart error - A field's or a choice's error.
 * @csspart status - The polite live region (busy, code sent).
 *
 * @cssstate choose - Step 1: choosing a method.
 * @cssstate question - Answering a security question.
 * @cssstate code - Typing the code sent by text message or email.
 * @cssstate verified - Verified; the purchase is being posted (or failed and may be tried again).
 * @cssstate purchased - The purchase went through.
 * @cssstate misconfigured - `customer` is missing or unusable.
 * @cssstate busy - A request is in flight.
 * @cssstate user-invalid - A field's or a choice's error is showing.
 *
 * @cssprop --flexiti-color-primary - Buttons and focus accents.
 * @cssprop --flexiti-heading-font-size - Step headings (default 1.25em).
 * @cssprop --flexiti-color-error - Error text and invalid borders.
 * @cssprop --flexiti-color-success - The "verified" heading.
 * @cssprop --flexiti-spacing - Space between blocks.
 */
export class FlexitiVerify extends FlexitiElement {
  static override styles = [baseStyles, stepStyles, verifyStyles];

  /**
   * The customer to verify: `<flexiti-lookup>`'s result (`flexiti-lookup-result`'s `detail`),
   * `{security_qid: [{id, text}], methods, offer_types}`, or the API's raw lookup answer. Anything else in it is
   * ignored; a value of another shape (set from JavaScript) shows the `misconfigured` state.
   */
  @property({ attribute: false }) customer: LookupResult | LookupResponse | null | undefined;

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

  /** How long to wait for the host's answer to a request event, in milliseconds, before showing a timeout. */
  @property({ type: Number, attribute: 'request-timeout' }) requestTimeout = DEFAULT_HOST_TIMEOUT_MS;

  @state() private currentStep: VerifyStep = 'choose';
  @state() private selectedFormat: VerifyFormat | undefined;
  @state() private selectedQuestion = '';
  @state() private answer = '';
  @state() private answerShown = false;
  @state() private code = '';
  @state() private codeChannel: CodeChannel | undefined;
  @state() private notice: { problem: Problem; retry?: Retry } | undefined;
  @state() private locked = new Map<VerifyFormat, LockReason>();
  @state() private removedFormats = new Set<VerifyFormat>();
  @state() private status: StatusKey = '';

  private readonly requests = new HostRequestController(this);
  private readonly feedback = new FieldFeedback<Problem>(this, {
    userInvalid: (on) => this.setCustomState('user-invalid', on),
  });
  /** Controls are disabled while busy: focus waits for the render that enables them again. */
  private readonly focuser = new FocusController(this, () => !this.busy);
  private readonly resend = new CooldownController(this);
  private parsedCustomer: VerifyCustomer | undefined;
  private customerKey = '';
  private customerInvalid = false;

  /** The current step: `choose`, `question`, `code`, `verified` or `purchased`. */
  get step(): VerifyStep {
    return this.currentStep;
  }

  /** Where the verification is: its `step`, or `misconfigured` (`customer` missing or unusable). */
  get state(): VerifyStep | 'misconfigured' {
    return this.parsedCustomer ? this.currentStep : 'misconfigured';
  }

  /** Starts over at step 1 for the same customer (the next purchase at a shared till); locks are kept. */
  reset(): void {
    const { locked, removedFormats } = this;
    this.startOver();
    this.locked = locked;
    this.removedFormats = removedFormats;
    this.focuser.cancel();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customer')) this.readCustomer();
  }

  protected override updated(): void {
    this.showState(this.state);
    this.setCustomState('busy', this.busy);
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
      this.reportError('implementation', 'invalid_customer');
    }
    if (this.customerKey !== previousKey) this.startOver();
  }

  /** Back to step 1 with nothing of the previous customer kept (locks, answer, code, errors). */
  private startOver(): void {
    // Answers to requests sent for an earlier customer are dropped.
    this.requests.drop();
    this.currentStep = 'choose';
    this.selectedFormat = undefined;
    this.selectedQuestion = '';
    this.answer = '';
    this.answerShown = false;
    this.code = '';
    this.codeChannel = undefined;
    this.notice = undefined;
    this.locked = new Map();
    this.removedFormats = new Set();
    this.status = '';
    this.resend.stop();
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
      <fieldset class="controls" ?disabled=${this.controlsDisabled}>${this.renderStep()}</fieldset>
      <div class="status" part="status" role="status" aria-live="polite">${statusText(this.status)}</div>
    `;
  }

  private renderStep(): TemplateResult {
    if (!this.parsedCustomer) return renderUnavailable(this.audience);
    const busy = this.busy;
    const notice = renderNotice(this.notice, busy, this.onRetry, this.audience);
    switch (this.currentStep) {
      case 'question':
        return renderQuestion(
          {
            audience: this.audience,
            busy,
            questions: this.parsedCustomer.security_qid,
            chosen: this.chosenQuestion,
            answer: this.answer,
            answerShown: this.answerShown,
            qidError: this.fieldError('security_qid'),
            answerError: this.fieldError('security_answer'),
            announce: (id: string) => this.feedback.announcement(id),
            notice,
          },
          this.questionHandlers,
        );
      case 'code':
        return renderCode(
          {
            audience: this.audience,
            busy,
            channel: this.codeChannel,
            code: this.code,
            error: this.fieldError('verification_code'),
            announce: (id: string) => this.feedback.announcement(id),
            resendIn: this.resend.remaining,
            notice,
          },
          this.codeHandlers,
        );
      case 'verified':
      case 'purchased':
        return renderDone({
          busy,
          purchased: this.currentStep === 'purchased',
          unconfirmed: this.notice?.problem.kind === 'unconfirmed',
          notice: this.notice ? notice : undefined,
        });
      default:
        if (this.shownFormats.length === 0) return renderUnavailable(this.audience);
        return renderChoose(
          {
            busy,
            audience: this.audience,
            shown: this.shownFormats,
            chosen: this.chosenFormat,
            locked: this.locked,
            noneLeft: this.availableFormats.length === 0,
            error: this.fieldError('format'),
            announce: (id: string) => this.feedback.announcement(id),
            notice,
          },
          this.chooseHandlers,
        );
    }
  }

  private readonly chooseHandlers = {
    submit: (event: SubmitEvent) => this.onChooseSubmit(event),
    choose: (format: VerifyFormat) => this.chooseFormat(format),
  };

  private readonly questionHandlers = {
    submit: (event: SubmitEvent) => this.onQuestionSubmit(event),
    choose: (id: string) => this.chooseQuestion(id),
    answerInput: (event: InputEvent) => this.onAnswerInput(event),
    answerChange: () => this.onAnswerChange(),
    toggleShown: () => (this.answerShown = !this.answerShown),
    back: () => this.backToChoice(),
  };

  private readonly codeHandlers = {
    submit: (event: SubmitEvent) => this.onCodeSubmit(event),
    codeInput: (event: InputEvent) => this.onCodeInput(event),
    codeChange: () => this.onCodeChange(),
    resend: () => this.onResend(),
    back: () => this.backToChoice(),
  };

  /** The error shown on a field: the server's until it is edited, else its own once left or submitted. */
  private fieldError(slot: FieldSlot): Problem | undefined {
    const message = this.validate(slot);
    return this.feedback.show(slot, message ? { kind: 'message', message } : undefined);
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
    this.feedback.edit('format');
  }

  private chooseQuestion(id: string): void {
    this.selectedQuestion = id;
    this.feedback.edit('security_qid');
  }

  private onAnswerInput(event: InputEvent): void {
    this.answer = (event.target as HTMLInputElement).value;
    this.feedback.edit('security_answer');
  }

  private onAnswerChange(): void {
    // Chromium fires `change` on a field removed while focused (leaving the step): nothing to show then.
    if (this.currentStep === 'question') this.feedback.touch('security_answer');
  }

  private onCodeInput(event: InputEvent): void {
    this.code = (event.target as HTMLInputElement).value;
    this.feedback.edit('verification_code');
  }

  /** On leaving the field, show the code as it will be sent (` 2 2 2 2 ` → `2222`) when it is valid. */
  private onCodeChange(): void {
    if (this.currentStep !== 'code') return;
    const result = validateVerificationCode(this.code);
    if (result.ok) this.code = result.value;
    this.feedback.touch('verification_code');
  }

  private onChooseSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy) return;
    this.feedback.submitAttempted();
    const format = this.chosenFormat;
    const customer = this.parsedCustomer;
    if (!format || !customer) {
      this.focusOn('group');
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
    if (this.busy) return;
    this.feedback.submitAttempted();
    const customer = this.parsedCustomer;
    const qid = this.chosenQuestion;
    if (this.validate('security_qid') || this.validate('security_answer') || !customer) {
      this.focusOn(this.validate('security_qid') ? 'group' : 'security_answer');
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
    if (this.busy) return;
    this.feedback.submitAttempted();
    const result = validateVerificationCode(this.code);
    if (!result.ok || !this.codeChannel) {
      this.focusOn('verification_code');
      return;
    }
    this.code = result.value;
    const channel = this.codeChannel;
    void this.run((run) => this.purchase(channel, result.value, run));
  }

  private onResend(): void {
    const customer = this.parsedCustomer;
    if (this.busy || !customer || !this.codeChannel || this.resend.remaining > 0) return;
    void this.sendVerify({ format: this.codeChannel }, true);
  }

  private readonly onRetry = (): void => {
    const retry = this.notice?.retry;
    if (this.busy || !retry) return;
    if (retry.kind === 'verify')
      void this.sendVerify(retry.request, retry.request.format === this.codeChannel && this.currentStep === 'code');
    else void this.run((run) => this.purchase(retry.format, retry.code, run));
  };

  private backToChoice(): void {
    if (this.busy) return;
    // The secret answer and an old code are not kept once the customer leaves their step.
    this.answer = '';
    this.answerShown = false;
    this.code = '';
    this.codeChannel = undefined;
    this.resend.stop();
    this.goTo('choose');
  }

  private goTo(step: VerifyStep, focus: FocusTarget = 'heading'): void {
    this.currentStep = step;
    this.notice = undefined;
    this.feedback.reset();
    this.focusOn(focus);
  }

  // ── Requests ──

  /** A request is in flight (controls are disabled). */
  private get busy(): boolean {
    return this.requests.busy;
  }

  /** Runs one request at a time, announcing "Please wait…" while it runs. */
  private run(task: (run: Run) => Promise<void>): Promise<void> {
    return this.requests.run(async (run) => {
      this.status = 'busy';
      try {
        await task(run);
      } finally {
        if (run.current && this.status === 'busy') this.status = '';
      }
    });
  }

  private sendVerify(request: VerifyRequestBody, resend = false): Promise<void> {
    return this.run(async (run) => {
      this.notice = undefined;
      const outcome = await this.requests.send(new FlexitiVerifyRequestEvent(request));
      if (!run.current) return;
      if (!outcome.ok) {
        this.showVerifyError(outcome.error, request);
        return;
      }
      const answer = toVerifyAnswer(outcome.data);
      if (!answer) {
        this.reportError('server', 'invalid_response');
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
      await this.purchase(request.format, undefined, run);
    });
  }

  private enterCodeStep(channel: CodeChannel, resend: boolean): void {
    this.codeChannel = channel;
    // An unreadable value falls back to the default rather than allowing a code every instant.
    this.resend.start(Number.isFinite(this.resendCooldown) ? this.resendCooldown : DEFAULT_RESEND_COOLDOWN);
    if (resend) {
      this.notice = undefined;
      this.feedback.clearServerError('verification_code');
      this.status = channel === 'email' ? 'resent_email' : 'resent_sms';
      this.focusOn('verification_code');
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
  private async purchase(format: VerifyFormat, code: string | undefined, run: Run): Promise<void> {
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
    if (!run.current) return;
    const receipt = outcome.ok ? toPurchaseReceipt(outcome.data) : undefined;
    if (outcome.ok && receipt) {
      const sentTo = format === 'sms' || format === 'email' ? format : undefined;
      if (code !== undefined) this.dispatchEvent(new FlexitiVerifiedEvent({ format, sent_to: sentTo }));
      this.forgetSecrets();
      this.status = '';
      this.goTo('purchased');
      this.dispatchEvent(new FlexitiPurchaseResultEvent(receipt));
      return;
    }
    if (outcome.ok) this.reportError('server', 'invalid_response');
    // An unreadable receipt: asking again is safe, the checkout answers a repeat with the same receipt.
    const error = outcome.ok ? localError('invalid_response') : outcome.error;
    const withCode = code !== undefined && (format === 'sms' || format === 'email');
    const action = purchaseErrorAction(error, withCode);
    switch (action.do) {
      case 'code':
        this.showOnField('code', 'verification_code', { kind: 'api', error });
        return;
      case 'verify_again':
        // The code (or the verification) no longer counts: verify again, by any method.
        this.forgetSecrets();
        this.showOnField('choose', 'format', { kind: 'api', error });
        return;
      case 'unconfirmed':
        // The request reached the store's server: the customer may be charged. No form to resubmit, no Try again.
        this.forgetSecrets();
        this.goTo('verified');
        this.showNotice({ kind: 'unconfirmed' });
        return;
      case 'notice':
        this.showNotice({ kind: 'api', error }, action.retry ? { kind: 'purchase', format, code } : undefined);
    }
  }

  /** The answer and the code are not kept once the flow is past them. */
  private forgetSecrets(): void {
    this.answer = '';
    this.code = '';
    this.codeChannel = undefined;
    this.resend.stop();
  }

  /** Shows a failed POST /verify where the customer can act on it (verify-errors.ts routes it). */
  private showVerifyError(error: FlexitiApiError, request: VerifyRequestBody): void {
    const format = request.format;
    const action = verifyErrorAction(error, format);
    if (action.do === 'notice') {
      this.showNotice({ kind: 'api', error }, action.retry ? { kind: 'verify', request } : undefined);
      return;
    }
    if (action.remove) this.removedFormats = new Set([...this.removedFormats, format]);
    if (action.lock) this.lock(format, action.lock);
    const problem: Problem =
      action.show === 'unavailable' && (format === 'sms' || format === 'email')
        ? { kind: 'unavailable', format }
        : { kind: 'api', error };
    this.showOnField(action.step, action.slot, problem);
  }

  private lock(format: VerifyFormat, reason: LockReason): void {
    this.locked = new Map([...this.locked, [format, reason]]);
    if (this.selectedFormat === format) this.selectedFormat = undefined;
    if (format === 'security_question') this.answer = '';
    if (format === this.codeChannel) {
      this.codeChannel = undefined;
      this.resend.stop();
    }
  }

  private showOnField(step: VerifyStep, slot: FieldSlot, problem: Problem): void {
    if (this.currentStep !== step) this.goTo(step);
    this.notice = undefined;
    this.status = '';
    this.feedback.setServerError(slot, problem.kind === 'api' ? { ...problem, field: slot } : problem);
    this.focusOn(slot === 'security_qid' || slot === 'format' ? 'group' : slot);
  }

  private showNotice(problem: Problem, retry?: Retry): void {
    this.status = '';
    this.notice = { problem, retry };
    this.focusOn('notice');
  }

  // ── Focus and timers ──

  private focusOn(target: FocusTarget): void {
    void this.focuser.after(...FOCUS_SELECTORS[target]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'flexiti-verify': FlexitiVerify;
  }
}
