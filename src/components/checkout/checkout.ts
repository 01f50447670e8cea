import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { FormValuesInput } from '../../model/schemas.js';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { FlexitiElement } from '../../internal/flexiti-element.js';
import { DEFAULT_HOST_TIMEOUT_MS, HostRequestController } from '../../internal/host-request.js';
import { FocusController } from '../../internal/focus.js';
import { baseStyles, stepStyles } from '../../internal/styles.js';
import { formatMoney, formatPercent } from '../../internal/format.js';
import { readAudience, type Audience } from '../../internal/audience.js';
import { connect } from '../../connect/index.js';
import {
  apiLang,
  localError,
  toApprovalResult,
  toPurchaseReceipt,
  type ApplyPrefill,
  type FlexitiApiError,
  type LookupResult,
  type OfferType,
  type VerifyFormat,
  type PurchaseReceipt,
  type PlanRates,
  type PlanFees,
  type Locale,
  planCost,
  planFee,
  planKind,
  planRate,
} from '../../model/index.js';
import { errorText } from '../../internal/message-text.js';
import type {
  FlexitiErrorEvent,
  FlexitiLookupResultEvent,
  FlexitiPurchaseResultEvent,
  FlexitiResultEvent,
} from '../../events/notifications.js';
import {
  FlexitiCheckoutCompleteEvent,
  FlexitiCheckoutRequestEvent,
  FlexitiCheckoutStepEvent,
  FlexitiFormValuesRequestEvent,
  type CheckoutCompleteStatus,
  type CheckoutEnding,
  type CheckoutStepName,
} from '../../events/checkout.js';
import type { FlexitiPlanPicker, PlanChoice } from '../plan-picker/plan-picker.js';
import { checkoutStyles } from './checkout.styles.js';

/** The numbered steps of the indicator ("Step 2 of 4"); the receipt and the endings are not numbered. */
const STEP_INDEX: Partial<Record<CheckoutStepName, number>> = { choose: 1, apply: 2, lookup: 2, plan: 3, verify: 4 };
const STEP_TOTAL = 4;

/** About when the first payment falls: `months` after `from` (one for monthly plans, the term for a deferral). */
function firstPaymentDate(from: Date, months: number): Date {
  const date = new Date(from.getFullYear(), from.getMonth() + months, 1);
  const lastDay = new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
  date.setDate(Math.min(from.getDate(), lastDay));
  return date;
}

function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

/** Flexiti's customer service, for frozen and not-activated accounts. */
const FLEXITI_PHONE = '1-877-259-3750';

/** What `GET checkout` answers (the contract in docs/checkout-sessions.md); only what the element uses. */
interface CheckoutInfo {
  amount: number;
  channel: string;
  status: string;
  orderId: string;
  methods?: string[];
  cardLast4?: string;
  receipt?: Receipt;
  /** APRs and fees by `plan_id` from the merchant's Flexiti agreement, when it gave them. */
  rates?: PlanRates;
  fees?: PlanFees;
  /** The customer the server already bound to this checkout (a reload): the plan step resumes with them. */
  customer?: CheckoutCustomer;
}

type Receipt = PurchaseReceipt;

/** The customer the purchase goes on, as this page may know it: plans, methods, questions, card ending. */
interface CheckoutCustomer {
  source: 'apply' | 'lookup';
  offers: unknown;
  methods?: string[];
  security_qid: { id: string; text: string }[];
  cardLast4?: string;
  /** The lookup's yes or no: does the credit cover this checkout's amount (repeated by the server on a reload). */
  canPay?: boolean;
  /** Bound before this page loaded (a reload): no application or lookup on this page to go back to. */
  resumed?: boolean;
}

/** Ways to verify a new customer: a code to the phone or email they applied with. */
const NEW_CUSTOMER_METHODS = ['sms', 'email'];
/** What an online checkout may offer when the server's answer names no methods (never the override). */
const ONLINE_METHODS = ['sms', 'email', 'security_question'];

const LOOKUP_ENDINGS: Record<string, CheckoutEnding> = {
  user_not_able_to_purchase: 'frozen',
  user_not_active: 'not_activated',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
const num = (value: unknown): number | undefined => {
  const parsed =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value.replace(/,/g, ''))
        : NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
};
const last4 = (value: unknown): string | undefined => {
  const digits = text(value);
  return digits && /^\d{4}$/.test(digits) ? digits : undefined;
};

function readCheckout(value: unknown): CheckoutInfo | undefined {
  if (!isRecord(value)) return undefined;
  const amount = num(value.amount);
  if (amount === undefined || amount <= 0) return undefined;
  const customer = isRecord(value.customer) ? value.customer : {};
  const source = customer.source === 'apply' || customer.source === 'lookup' ? customer.source : undefined;
  const methods = Array.isArray(value.methods)
    ? value.methods.filter((m): m is string => typeof m === 'string')
    : undefined;
  return {
    amount,
    channel: text(value.channel) ?? 'online',
    status: text(value.status) ?? 'open',
    orderId: text(value.order_id) ?? text(value.orderId) ?? '',
    methods,
    cardLast4: last4(customer.card_last4),
    receipt: toPurchaseReceipt(value.receipt),
    rates: numberTable(value.plan_rates),
    fees: numberTable(value.plan_fees),
    customer:
      source && value.offer_types !== undefined
        ? {
            source,
            offers: value.offer_types,
            methods,
            security_qid: readSecurityQuestions(customer.security_qid),
            cardLast4: last4(customer.card_last4),
            ...(typeof customer.can_pay === 'boolean' ? { canPay: customer.can_pay } : {}),
            resumed: true,
          }
        : undefined,
  };
}

/** `{ "2": 9.99 }` as sent, keeping only finite numbers ≥ 0; undefined when nothing is left. */
function numberTable(value: unknown): Record<string, number> | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value).filter(
    (entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]) && entry[1] >= 0,
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function readSecurityQuestions(value: unknown): { id: string; text: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (!isRecord(entry)) return [];
    const id = text(entry.id);
    const question = text(entry.text);
    return id && question ? [{ id, text: question }] : [];
  });
}

/**
 * The whole Flexiti checkout in one tag, on a checkout session the merchant's server created
 * (`flexiti.createCheckout({orderId, amount, channel})`): 1. new or existing customer; 2. the application
 * (`<flexiti-apply>`, terms and Quebec's keep-or-cancel inside) or the lookup (`<flexiti-lookup>`); 3. the plan
 * (`<flexiti-plan-picker>`, with the plans the server offers this customer for this checkout's amount);
 * 4. verification (`<flexiti-verify>`, with the methods the checkout allows) and the purchase; then the receipt.
 *
 * @summary The whole Flexiti checkout (apply or find an account, plan, verification, purchase, receipt) in one tag.
 * @since 0.2.0
 * @dependency flexiti-apply
 * @dependency flexiti-lookup
 * @dependency flexiti-plan-picker
 * @dependency flexiti-verify
 *
 * @fires flexiti-checkout-step - A new step is shown: `detail` is `{step, index?, total, ending?}`.
 * @fires flexiti-checkout-complete - The checkout is over, once: `detail` is `{orderId, status, transaction_id?}` (`purchased`, `declined`, `pending` or `cancelled`). Confirm on your server.
 * @fires flexiti-checkout-request - Asks the host for the checkout (`GET checkout`): amount, channel, status.
 * @fires flexiti-form-values-request - Asks the host for the merchant's `form_values` (`GET form-values?lang=`), for the application.
 * @fires flexiti-purchase-request - From its verification step: asks the host to buy (`POST purchase`), `detail.request` `{plan_id, term, verification_code?}`.
 * @fires flexiti-apply-request - From its steps, like every request event of `<flexiti-apply>`, `<flexiti-lookup>`, `<flexiti-verify>` and `<flexiti-terms>`: answered by `connect` (or your host).
 * @fires flexiti-error - A request failed (type and code only), from this element or one of its steps.
 *
 * @csspart step - Each step's section.
 * @csspart heading - Each step's heading (focused when the step is shown).
 * @csspart progress - The step indicator inside the heading ("Step 2 of 4").
 * @csspart amount - The checkout's amount.
 * @csspart choice - The "new customer" and "existing customer" buttons.
 * @csspart back-button - Back to the previous step.
 * @csspart continue-button - Continue to the next step.
 * @csspart notice - A message about the step (a failed request), with "Try again" when it may help.
 * @csspart confirmation - What the customer is about to agree to, before any code (amount, plan, term, payment, APR, first payment).
 * @csspart receipt - The receipt.
 * @csspart ending - The words shown when the checkout ends without a purchase.
 * @csspart status - The polite live region.
 *
 * @cssprop --flexiti-checkout-max-width - Widest the element grows (default 48em).
 * @cssprop --flexiti-checkout-padding - Padding inside the element (default 0).
 * @cssprop --flexiti-heading-font-size - Step headings (default 1.25em).
 *
 * @cssstate loading - The checkout is being loaded (or could not be).
 * @cssstate choose - New or existing customer.
 * @cssstate apply - The application.
 * @cssstate lookup - Finding the existing account.
 * @cssstate plan - Choosing the plan.
 * @cssstate verify - Verification and the purchase.
 * @cssstate receipt - The receipt.
 * @cssstate ended - The checkout ended without a purchase.
 */
export class FlexitiCheckout extends FlexitiElement {
  static override styles = [baseStyles, stepStyles, checkoutStyles];

  /** The checkout's id from `createCheckout` on the merchant's server. With `endpoint`, the element connects itself. */
  @property() checkout?: string;

  /** Where the merchant's handler is mounted (e.g. `/api/flexiti`). With `checkout`, the element connects itself. */
  @property() endpoint?: string;

  /** The merchant's order id for `flexiti-checkout-complete`, when the checkout's answer doesn't carry it. */
  @property({ attribute: 'order-id' }) orderId?: string;

  /** The merchant's `form_values`; when not set, the element asks for them (`flexiti-form-values-request`). */
  @property({ attribute: false }) formValues?: FormValuesInput | null;

  /** Customer data the merchant already has (a partial application), for `<flexiti-apply>`'s `prefill`. */
  @property({ attribute: false }) prefill?: ApplyPrefill;

  /** How long to wait for the host's answer to a request event, in milliseconds, before showing a timeout. */
  @property({ type: Number, attribute: 'request-timeout' }) requestTimeout = DEFAULT_HOST_TIMEOUT_MS;

  @state() private step: CheckoutStepName = 'loading';
  @state() private journey?: 'new' | 'existing';
  @state() private info?: CheckoutInfo;
  @state() private loadError?: FlexitiApiError;
  @state() private loadedFormValues?: unknown;
  @state() private applyApproved = false;
  @state() private applyExists = false;
  @state() private customer?: CheckoutCustomer;
  @state() private plan?: PlanChoice;
  @state() private planError: FlexitiApiError | null = null;
  @state() private receipt?: Receipt;
  @state() private ending?: CheckoutEnding;
  @state() private endingError?: FlexitiApiError;
  @state() private announcement = '';

  private readonly requests = new HostRequestController(this);
  private readonly focuser = new FocusController(this);
  private disconnectHost?: () => void;
  private connectedWith = '';
  private completed = false;
  private formValuesLang?: 'en' | 'fr';
  private loadGeneration = 0;
  /** Where Back goes from an ending that allows it (a frozen account found by mistake: try another). */
  private endingBack?: CheckoutStepName;

  /** The current step's name. */
  get currentStep(): CheckoutStepName {
    return this.step;
  }

  /**
   * Where the checkout is: `loading`, `choose`, `apply`, `lookup`, `plan`, `verify`, `receipt` or `ended` (the same
   * as `currentStep`, under the name every element uses).
   */
  get state(): CheckoutStepName {
    return this.step;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('flexiti-result', this.onApplyResult as EventListener);
    this.addEventListener('flexiti-lookup-result', this.onLookupResult as EventListener);
    this.addEventListener('flexiti-error', this.onChildError as EventListener);
    this.addEventListener('flexiti-purchase-result', this.onPurchased as EventListener);
    this.connectHost();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('flexiti-result', this.onApplyResult as EventListener);
    this.removeEventListener('flexiti-lookup-result', this.onLookupResult as EventListener);
    this.removeEventListener('flexiti-error', this.onChildError as EventListener);
    this.removeEventListener('flexiti-purchase-result', this.onPurchased as EventListener);
    this.disconnectHost?.();
    this.disconnectHost = undefined;
    this.connectedWith = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('checkout') || changed.has('endpoint')) this.connectHost();
    if (changed.has('checkout') && changed.get('checkout') !== undefined) {
      // Another checkout (the next order): nothing of the previous customer is kept.
      this.startOver();
      queueMicrotask(() => void this.load());
    }
    if (this.journey === 'new' && this.formValues === undefined && this.formValuesLang !== this.lang2())
      void this.loadFormValues();
  }

  protected override firstUpdated(): void {
    // After this first update: what loading sets is the next one's business.
    queueMicrotask(() => void this.load());
  }

  protected override updated(): void {
    this.showState(this.state);
  }

  /** Forgets the journey: the steps' elements (and what was typed in them) go; the next checkout starts afresh. */
  private startOver(): void {
    this.journey = undefined;
    this.customer = undefined;
    this.plan = undefined;
    this.planError = null;
    this.receipt = undefined;
    this.ending = undefined;
    this.endingError = undefined;
    this.endingBack = undefined;
    this.applyApproved = false;
    this.applyExists = false;
    this.completed = false;
    this.info = undefined;
    this.step = 'loading';
  }

  /** With `checkout` and `endpoint`, this element answers its own children's requests through the handler. */
  private connectHost(): void {
    if (!this.isConnected) return;
    const key = this.checkout && this.endpoint ? `${this.endpoint}\u0000${this.checkout}` : '';
    if (key === this.connectedWith) return;
    this.disconnectHost?.();
    this.disconnectHost = undefined;
    this.connectedWith = key;
    if (!key) return;
    this.disconnectHost = connect(this, { endpoint: this.endpoint!, checkout: this.checkout! });
  }

  private lang2(): 'en' | 'fr' {
    return apiLang(this.locale);
  }

  // ── Loading ──

  private async load(): Promise<void> {
    const generation = ++this.loadGeneration;
    this.loadError = undefined;
    this.announcement = msg('Loading your checkout…', { id: 'checkout.status.loading' });
    const outcome = await this.requests.send(new FlexitiCheckoutRequestEvent(), {
      onLateHost: () => void this.load(),
    });
    if (generation !== this.loadGeneration) return;
    this.announcement = '';
    if (!outcome.ok) {
      if (outcome.error.status === 401) this.end('expired', outcome.error);
      else {
        this.loadError = outcome.error;
        this.show('loading', false);
      }
      return;
    }
    const info = readCheckout(outcome.data);
    if (!info) {
      this.loadError = localError('invalid_response');
      this.show('loading', false);
      return;
    }
    this.info = info;
    if (info.status === 'purchased' && info.receipt) {
      this.showReceipt(info.receipt, false);
    } else if (info.status === 'cancelled') {
      this.end('cancelled', undefined, false);
    } else if (info.status === 'expired') {
      this.end('expired', undefined, false);
    } else if (info.customer?.source === 'lookup' && info.customer.canPay === false) {
      // A reload after a lookup whose credit falls short: said again, before any plan or code; Back tries another.
      this.journey = 'existing';
      this.end('insufficient_credit', undefined, false, 'lookup');
    } else if (info.customer) {
      // A reload after the customer was found or approved: back to choosing the plan, as the server knows them.
      // No application form after an approval: this checkout takes no second one.
      this.journey = info.customer.source === 'apply' ? undefined : 'existing';
      this.customer = info.customer;
      this.show('plan', false);
    } else {
      // The page just loaded: the step is shown without taking the customer's focus.
      this.show('choose', false);
    }
  }

  private async loadFormValues(): Promise<void> {
    const lang = this.lang2();
    this.formValuesLang = lang;
    const outcome = await this.requests.send(new FlexitiFormValuesRequestEvent({ lang }));
    if (this.formValuesLang !== lang) return;
    // Without form values `<flexiti-apply>` shows its own configuration message.
    if (outcome.ok) this.loadedFormValues = outcome.data;
  }

  // ── Steps ──

  /** Shows a step, tells the page, and (unless the page just loaded) moves focus to its heading. */
  private show(step: CheckoutStepName, focus = true): void {
    const changed = step !== this.step;
    this.step = step;
    if (focus) void this.focuser.after(`#${step}-heading`);
    if (changed || step === 'ended') {
      this.dispatchEvent(
        new FlexitiCheckoutStepEvent({
          step,
          total: STEP_TOTAL,
          ...(STEP_INDEX[step] ? { index: STEP_INDEX[step] } : {}),
          ...(step === 'ended' && this.ending ? { ending: this.ending } : {}),
        }),
      );
    }
  }

  private end(ending: CheckoutEnding, error?: FlexitiApiError, focus = true, back?: CheckoutStepName): void {
    this.ending = ending;
    this.endingError = error;
    this.endingBack = back;
    this.show('ended', focus);
    const status: CheckoutCompleteStatus | undefined =
      ending === 'declined' || ending === 'purchase_declined'
        ? 'declined'
        : ending === 'pending'
          ? 'pending'
          : ending === 'cancelled'
            ? 'cancelled'
            : undefined;
    if (status) this.complete(status);
  }

  private complete(status: CheckoutCompleteStatus, transactionId?: string): void {
    if (this.completed) return;
    this.completed = true;
    this.dispatchEvent(
      new FlexitiCheckoutCompleteEvent({
        orderId: this.info?.orderId || this.orderId || '',
        status,
        ...(transactionId ? { transaction_id: transactionId } : {}),
      }),
    );
  }

  private startNew(): void {
    this.journey = 'new';
    this.show('apply');
  }

  private startExisting(): void {
    this.journey = 'existing';
    this.show('lookup');
  }

  /**
   * Goes back one step, as the Back button does; does nothing where there is no way back (the first step, the
   * receipt, most endings). A page can follow the browser's Back button with it (the demo does).
   */
  back(): void {
    switch (this.step) {
      case 'apply':
      case 'lookup':
        this.show('choose');
        return;
      case 'plan':
        if (this.canLeavePlan()) this.show(this.customer?.source === 'apply' ? 'apply' : 'lookup');
        return;
      case 'verify':
        this.show('plan');
        return;
      case 'ended':
        if (this.endingBack) this.show(this.endingBack);
        return;
      default:
        return;
    }
  }

  /**
   * Back from the plan: to the lookup (another account may be tried), or to the application this page approved.
   * An application approved before a reload has nothing on this page to go back to (the server takes no second
   * application on this checkout), so the plan step is then the first one.
   */
  private canLeavePlan(): boolean {
    return this.customer?.source !== 'apply' || !this.customer.resumed;
  }

  // ── What the steps report ──

  private readonly onApplyResult = (event: FlexitiResultEvent): void => {
    // Only this checkout's own application (a page may hold other elements).
    if (!this.renderRoot.contains(event.composedPath()[0] as Node)) return;
    const { status, response } = event.detail;
    switch (status) {
      case 'approved': {
        const approval = toApprovalResult(response);
        this.applyApproved = true;
        this.applyExists = false;
        this.customer = {
          source: 'apply',
          offers: approval?.offer_types,
          methods: NEW_CUSTOMER_METHODS,
          security_qid: [],
          cardLast4: approval?.card_last4,
        };
        this.plan = undefined;
        this.announcement = msg('Approved. Continue to choose your plan.', { id: 'checkout.status.approved' });
        return;
      }
      case 'exists':
        this.applyExists = true;
        return;
      case 'declined':
      case 'pending':
      case 'cancelled':
        this.end(
          status,
          isRecord(response) && typeof response.code === 'string'
            ? (response as unknown as FlexitiApiError)
            : undefined,
        );
        return;
    }
  };

  private readonly onLookupResult = (event: FlexitiLookupResultEvent): void => {
    const detail = event.detail;
    if (!isRecord(detail)) return;
    if (detail.can_pay === false) {
      // Said now, before a plan is chosen or a code sent; Back lets the customer try another account.
      this.customer = undefined;
      this.end('insufficient_credit', undefined, true, 'lookup');
      return;
    }
    this.customer = {
      source: 'lookup',
      offers: detail.offer_types,
      methods: Array.isArray(detail.methods) ? [...detail.methods] : undefined,
      security_qid: readSecurityQuestions(detail.security_qid),
      cardLast4: this.info?.cardLast4,
    };
    this.plan = undefined;
    this.planError = null;
    this.show('plan');
  };

  /** `<flexiti-verify>` bought: the receipt replaces the verification. */
  private readonly onPurchased = (event: FlexitiPurchaseResultEvent): void => {
    const receipt = toPurchaseReceipt(event.detail);
    if (receipt) this.showReceipt(receipt, true);
  };

  /**
   * A failure one of the steps met, as `flexiti-error` reports it (type and code only). Most are shown by the step
   * itself (a wrong code on its field, a void code back to the choice of method, a network failure with
   * "Try again"); those that end the checkout or belong to another step are handled here.
   */
  private readonly onChildError = (event: FlexitiErrorEvent): void => {
    const { source, code, type, status } = event.detail;
    if (source === 'flexiti-lookup' && LOOKUP_ENDINGS[code]) {
      const error = { ...localError('unknown'), code, type: 'conflict' as const };
      this.end(LOOKUP_ENDINGS[code]!, error, true, 'lookup');
      return;
    }
    if (source !== 'flexiti-verify' || this.step !== 'verify') return;
    const error: FlexitiApiError = { ...localError('unknown'), code, type, status, retryable: false };
    if (status === 401) {
      this.end('expired', error);
    } else if (code === 'plan_not_offered' || /^plan_term/.test(code)) {
      // The plan or term is not offered for this amount: choose again, with the reason on the picker.
      this.planError = error;
      this.verifyElement()?.reset();
      this.show('plan');
    } else if (code === 'checkout_completed') {
      void this.load();
    } else if (type === 'declined') {
      this.end('purchase_declined', error);
    }
  };

  private showReceipt(receipt: Receipt, focus: boolean): void {
    this.receipt = receipt;
    this.show('receipt', focus);
    this.announcement = '';
    this.complete('purchased', receipt.transaction_id);
  }

  private verifyElement(): (HTMLElement & { reset(): void }) | null {
    return this.renderRoot.querySelector('flexiti-verify');
  }

  private choosePlan(event: SubmitEvent): void {
    event.preventDefault();
    const picker = this.renderRoot.querySelector<FlexitiPlanPicker>('flexiti-plan-picker');
    if (!picker) return;
    // checkValidity() fires `invalid`, and the picker shows its own message.
    if (!picker.checkValidity() || !picker.value) {
      picker.focus();
      return;
    }
    const changed = picker.value.plan_id !== this.plan?.plan_id || picker.value.term !== this.plan?.term;
    this.plan = picker.value;
    this.planError = null;
    // A code authorizes one purchase: a different plan starts the verification over.
    if (changed) this.verifyElement()?.reset();
    this.show('verify');
  }

  // ── Rendering ──

  override render(): TemplateResult {
    return html`<fieldset class="controls" ?disabled=${this.controlsDisabled}>
      ${this.renderLoading()} ${this.renderChoose()} ${this.renderApply()} ${this.renderLookup()} ${this.renderPlan()}
      ${this.renderVerify()} ${this.renderReceipt()} ${this.renderEnding()}
      </fieldset>
      <p class="status visually-hidden" part="status" role="status" aria-live="polite">${this.announcement}</p>
    `;
  }

  private heading(step: CheckoutStepName, title: string): TemplateResult {
    const index = STEP_INDEX[step];
    return html`<h2 id="${step}-heading" part="heading" tabindex="-1">
      ${
        index
          ? html`<span class="progress" part="progress">${msg(str`Step ${index} of ${STEP_TOTAL}`, { id: 'checkout.progress' })}</span>`
          : nothing
      }
      ${title}
    </h2>`;
  }

  /** The `channel` attribute, else the checkout's own (from the server), else an ancestor's: the steps' wording. */
  override get audience(): Audience {
    return readAudience(this.channel) ?? readAudience(this.info?.channel) ?? super.audience;
  }

  private section(step: CheckoutStepName, title: string, body: TemplateResult | typeof nothing): TemplateResult {
    return html`<section part="step" data-step=${step} data-channel=${this.audience} aria-labelledby="${step}-heading" ?hidden=${this.step !== step}>
      ${this.heading(step, title)} ${body}
    </section>`;
  }

  private amount(): TemplateResult | typeof nothing {
    if (!this.info) return nothing;
    return html`<p class="amount" part="amount">
      <span>${msg('Purchase amount', { id: 'checkout.amount' })}</span>
      <strong data-amount>${formatMoney(this.info.amount, this.locale)}</strong>
    </p>`;
  }

  private backButton(): TemplateResult {
    return html`<button type="button" part="back-button" data-back @click=${this.back}>${msg('Back', { id: 'checkout.back' })}</button>`;
  }

  private renderLoading(): TemplateResult {
    const error = this.loadError;
    return this.section(
      'loading',
      error
        ? msg("We couldn't load this checkout", { id: 'checkout.load_failed.heading' })
        : msg('Pay with Flexiti', { id: 'checkout.loading.heading' }),
      error
        ? html`<div class="notice error-notice" part="notice">
            <p>${errorText(error, this.audience)}</p>
            ${
              error.retryable ||
              error.code === 'no_handler' ||
              error.type === 'network' ||
              error.type === 'rate_limited'
                ? html`<button type="button" @click=${() => void this.load()}>${msg('Try again', { id: 'checkout.retry' })}</button>`
                : nothing
            }
          </div>`
        : html`<p>${msg('Loading your checkout…', { id: 'checkout.status.loading' })}</p>`,
    );
  }

  private renderChoose(): TemplateResult {
    return this.section(
      'choose',
      msg('Pay with Flexiti', { id: 'checkout.choose.heading' }),
      html`${this.amount()}
        <ul class="choices">
          <li>
            <button type="button" class="primary" part="choice" data-choice="new" aria-describedby="choose-new-hint" @click=${this.startNew}>
              ${msg('Apply for a Flexiti account', { id: 'checkout.choose.new' })}
            </button>
            <span class="hint" id="choose-new-hint">${msg('New customer: apply in a few minutes and pay over time.', { id: 'checkout.choose.new_hint' })}</span>
          </li>
          <li>
            <button type="button" part="choice" data-choice="existing" aria-describedby="choose-existing-hint" @click=${this.startExisting}>
              ${msg('I already have a Flexiti account', { id: 'checkout.choose.existing' })}
            </button>
            <span class="hint" id="choose-existing-hint">${msg('Find your account with your name and date of birth, or your card number.', { id: 'checkout.choose.existing_hint' })}</span>
          </li>
        </ul>`,
    );
  }

  private renderApply(): TemplateResult {
    return this.section(
      'apply',
      msg('New customer', { id: 'checkout.apply.heading' }),
      // Created once the customer chose it, then kept (hidden) so Back loses nothing typed.
      this.journey === 'new' || (this.customer?.source === 'apply' && !this.customer.resumed) || this.applyExists
        ? html`${this.amount()}
            <flexiti-apply .formValues=${this.formValues ?? this.loadedFormValues} .amount=${this.info?.amount} .prefill=${this.prefill} ?disabled=${this.disabled}></flexiti-apply>
            <div class="actions">
              ${
                this.applyApproved
                  ? html`<button type="button" class="primary" part="continue-button" data-continue @click=${() => this.show('plan')}>
                    ${msg('Continue to choose your plan', { id: 'checkout.apply.continue' })}
                  </button>`
                  : nothing
              }
              ${
                this.applyExists && !this.applyApproved
                  ? html`<button type="button" class="primary" part="continue-button" data-find-account @click=${this.startExisting}>
                    ${msg('Find my account', { id: 'checkout.apply.find_account' })}
                  </button>`
                  : nothing
              }
              ${this.backButton()}
            </div>`
        : nothing,
    );
  }

  private renderLookup(): TemplateResult {
    return this.section(
      'lookup',
      msg('Existing customer', { id: 'checkout.lookup.heading' }),
      this.journey === 'existing' || this.customer?.source === 'lookup'
        ? html`${this.amount()}
            <flexiti-lookup ?disabled=${this.disabled}></flexiti-lookup>
            <div class="actions">${this.backButton()}</div>`
        : nothing,
    );
  }

  private renderPlan(): TemplateResult {
    return this.section(
      'plan',
      msg('Choose how to pay', { id: 'checkout.plan.heading' }),
      this.customer
        ? html`${this.amount()}
            <form novalidate aria-labelledby="plan-heading" @submit=${this.choosePlan}>
              <flexiti-plan-picker
                name="plan"
                required
                .offers=${this.customer.offers}
                .amount=${this.info?.amount}
                .rates=${this.info?.rates ?? null}
                .fees=${this.info?.fees ?? null}
                .error=${this.planError}
                ?disabled=${this.disabled}
                @change=${() => (this.planError = null)}
              ></flexiti-plan-picker>
              <div class="actions">
                <button type="submit" class="primary" part="continue-button" data-continue>${msg('Continue', { id: 'checkout.plan.continue' })}</button>
                ${this.canLeavePlan() ? this.backButton() : nothing}
              </div>
            </form>`
        : nothing,
    );
  }

  private methods(): string[] {
    const customer = this.customer;
    if (!customer) return [];
    const allowed = customer.methods ?? this.info?.methods ?? ONLINE_METHODS;
    // No store override online, whatever an answer says (the server refuses it there too).
    const possible = this.info?.channel === 'in_store' ? allowed : allowed.filter((m) => m !== 'merchant_override');
    return customer.source === 'apply' ? possible.filter((m) => NEW_CUSTOMER_METHODS.includes(m)) : possible;
  }

  /** What `<flexiti-verify>` takes: the lookup's result, or its equivalent for a new account. */
  private get verifyCustomer(): LookupResult | undefined {
    const customer = this.customer;
    if (!customer) return undefined;
    return {
      security_qid: customer.security_qid,
      methods: this.methods() as VerifyFormat[],
      offer_types: Array.isArray(customer.offers) ? (customer.offers as OfferType[]) : [],
    };
  }

  private renderVerify(): TemplateResult {
    const plan = this.plan;
    const customer = this.customer;
    return this.section(
      'verify',
      msg("Confirm it's you", { id: 'checkout.verify.heading' }),
      customer && plan
        ? html`${this.amount()}
            ${this.renderConfirmation(plan)}
            <flexiti-verify
              .customer=${this.verifyCustomer}
              .plan=${plan}
              formats=${this.methods().join(' ')}
              ?disabled=${this.disabled}
            ></flexiti-verify>
            <div class="actions">${this.backButton()}</div>`
        : nothing,
    );
  }

  /**
   * What the customer is about to agree to, before any code: amount, plan, term, monthly payment, APR and first
   * payment date when the merchant gave the plan's rate; otherwise that the rate is confirmed before paying.
   */
  private renderConfirmation(plan: PlanChoice): TemplateResult {
    const amount = this.info?.amount ?? 0;
    const kind = planKind({ id: plan.plan_id, name: plan.plan_name, category: plan.offer_category });
    const apr = kind === 'no_interest' ? 0 : planRate(this.info?.rates, plan.plan_id);
    const fee = planFee(this.info?.fees, plan.plan_id);
    const deferred = kind === 'deferred' || kind === 'deferred_minimum';
    const cost =
      plan.term && amount > 0 && apr !== undefined && fee !== undefined && !deferred
        ? planCost(amount, plan.term, apr, fee)
        : undefined;
    const first = plan.term ? firstPaymentDate(new Date(), kind === 'deferred' ? plan.term : 1) : undefined;
    const row = (label: string, value: string, key: string) =>
      html`<dt>${label}</dt><dd data-confirm=${key}>${value}</dd>`;
    return html`<dl class="receipt confirmation" part="confirmation">
      ${row(msg('Amount', { id: 'checkout.receipt.amount' }), formatMoney(amount, this.locale), 'amount')}
      ${row(msg('Plan', { id: 'checkout.plan' }), plan.plan_name, 'plan')}
      ${plan.term ? row(msg('Term', { id: 'checkout.receipt.term' }), msg(str`${plan.term} months`, { id: 'checkout.months' }), 'term') : nothing}
      ${cost ? row(msg('Monthly payment', { id: 'checkout.confirm.payment' }), formatMoney(cost.payment, this.locale), 'payment') : nothing}
      ${cost ? row(msg('Cost of borrowing', { id: 'checkout.confirm.cost' }), formatMoney(cost.costOfBorrowing, this.locale), 'cost') : nothing}
      ${cost ? row(msg('Total', { id: 'checkout.confirm.total' }), formatMoney(cost.total, this.locale), 'total') : nothing}
      ${row(
        msg('Annual percentage rate (APR)', { id: 'checkout.confirm.apr' }),
        apr !== undefined && !deferred
          ? formatPercent(apr, this.locale)
          : msg('Confirmed before you pay', { id: 'checkout.confirm.apr_later' }),
        'apr',
      )}
      ${first ? row(msg('First payment, about', { id: 'checkout.confirm.first_payment' }), formatDate(first, this.locale), 'first-payment') : nothing}
    </dl>`;
  }

  private renderReceipt(): TemplateResult {
    const receipt = this.receipt;
    const row = (label: string, value: string, key: string) =>
      html`<dt>${label}</dt><dd data-receipt=${key}>${value}</dd>`;
    // The plan as the customer chose it, in the page's language; the API's name (often English) otherwise.
    const planName = (this.plan?.plan_id === receipt?.plan_id ? this.plan?.plan_name : '') || receipt?.plan_name || '';
    const term = receipt?.term ?? this.plan?.term ?? undefined;
    const card = receipt?.card_last4 ?? this.customer?.cardLast4 ?? this.info?.cardLast4;
    return this.section(
      'receipt',
      msg('Thank you! Your purchase is approved', { id: 'checkout.receipt.heading' }),
      receipt
        ? html`<p>${msg('Flexiti will send you a confirmation.', { id: 'checkout.receipt.lead' })}</p>
            <dl class="receipt" part="receipt">
              ${planName ? row(msg('Plan', { id: 'checkout.plan' }), planName, 'plan') : nothing}
              ${term ? row(msg('Term', { id: 'checkout.receipt.term' }), msg(str`${term} months`, { id: 'checkout.months' }), 'term') : nothing}
              ${
                receipt.payment_value !== undefined
                  ? row(
                      msg('Estimated monthly payment', { id: 'checkout.receipt.payment' }),
                      formatMoney(receipt.payment_value, this.locale),
                      'payment',
                    )
                  : nothing
              }
              ${row(msg('Amount', { id: 'checkout.receipt.amount' }), formatMoney(receipt.amount, this.locale), 'amount')}
              ${card ? row(msg('Card', { id: 'checkout.receipt.card' }), msg(str`Ending in ${card}`, { id: 'checkout.receipt.card_ending' }), 'card') : nothing}
              ${receipt.apr !== undefined ? row(msg('Annual percentage rate (APR)', { id: 'checkout.confirm.apr' }), formatPercent(receipt.apr, this.locale), 'apr') : nothing}
              ${term ? row(msg('First payment, about', { id: 'checkout.confirm.first_payment' }), formatDate(firstPaymentDate(new Date(), this.isDeferred(receipt.plan_id) ? term : 1), this.locale), 'first-payment') : nothing}
              ${row(msg('Transaction number', { id: 'checkout.receipt.transaction' }), receipt.transaction_id, 'transaction')}
            </dl>
            <p data-manage>${msg('Manage your account, see your statements and make payments at my.flexiti.com or by calling Flexiti at', { id: 'checkout.receipt.manage' })} <a href="tel:+18772593750">${FLEXITI_PHONE}</a>.</p>`
        : nothing,
    );
  }

  private isDeferred(planId: string): boolean {
    const offers = Array.isArray(this.customer?.offers) ? (this.customer.offers as OfferType[]) : [];
    const offer = offers.find((candidate) => String(candidate.plan_id) === planId);
    return (
      !!offer &&
      planKind({ id: planId, name: String(offer.plan_name), category: String(offer.offer_category) }) === 'deferred'
    );
  }

  private endingTitle(ending: CheckoutEnding): string {
    switch (ending) {
      case 'declined':
        return msg("Your application wasn't approved", { id: 'checkout.ending.declined.title' });
      case 'pending':
        return msg('Your application is being reviewed', { id: 'checkout.ending.pending.title' });
      case 'cancelled':
        return msg('Your account was cancelled', { id: 'checkout.ending.cancelled.title' });
      case 'frozen':
        return msg("This account can't be used for purchases right now", { id: 'checkout.ending.frozen.title' });
      case 'not_activated':
        return msg("Your account isn't activated yet", { id: 'checkout.ending.not_activated.title' });
      case 'insufficient_credit':
        return msg("Your Flexiti credit doesn't cover this purchase", {
          id: 'checkout.ending.insufficient_credit.title',
        });
      case 'purchase_declined':
        return msg("The purchase wasn't approved", { id: 'checkout.ending.purchase_declined.title' });
      case 'expired':
        return msg('This checkout has expired', { id: 'checkout.ending.expired.title' });
    }
  }

  private endingBody(ending: CheckoutEnding): TemplateResult {
    const payAnotherWay = msg('Choose another way to pay for this order.', { id: 'checkout.ending.pay_another_way' });
    const phone = html`<a href="tel:+18772593750">${FLEXITI_PHONE}</a>`;
    switch (ending) {
      case 'declined':
        return html`<p>${msg("Flexiti can't approve your application at this time.", { id: 'checkout.ending.declined.body' })}</p>
          <p><strong>${payAnotherWay}</strong></p>`;
      case 'pending':
        return html`<p>${msg('Flexiti will contact you with a decision soon. You don’t need to apply again.', { id: 'checkout.ending.pending.body' })}</p>
          <p><strong>${msg('To finish this order now, choose another way to pay.', { id: 'checkout.ending.pending.next' })}</strong></p>`;
      case 'cancelled':
        return html`<p>${msg('Your new Flexiti account is closed, at no cost.', { id: 'checkout.ending.cancelled.body' })}</p>
          <p><strong>${payAnotherWay}</strong></p>`;
      case 'frozen':
        return html`<p>${msg('Please call Flexiti at', { id: 'checkout.ending.frozen.call' })} ${phone}.</p>
          <p><strong>${payAnotherWay}</strong></p>`;
      case 'not_activated':
        return html`<p>${msg('Activate your account at my.flexiti.com or by calling Flexiti at', { id: 'checkout.ending.not_activated.call' })} ${phone}, ${msg('then come back to this order.', { id: 'checkout.ending.not_activated.then' })}</p>
          <p><strong>${msg('Or choose another way to pay for this order.', { id: 'checkout.ending.or_pay_another_way' })}</strong></p>`;
      case 'insufficient_credit':
        return html`<p>${msg(str`The available credit on this account is less than ${formatMoney(this.info?.amount ?? 0, this.locale)}. Nothing was charged and no code was sent.`, { id: 'checkout.ending.insufficient_credit.body' })}</p>
          <p>${msg('To ask about a higher limit, call Flexiti at', { id: 'checkout.ending.insufficient_credit.call' })} ${phone}.</p>
          <p><strong>${payAnotherWay}</strong></p>`;
      case 'purchase_declined':
        return html`${this.endingError ? html`<p>${errorText(this.endingError, this.audience)}</p>` : nothing}
          <p>${msg('Nothing was charged.', { id: 'checkout.ending.nothing_charged' })} <strong>${payAnotherWay}</strong></p>`;
      case 'expired':
        return html`<p>${msg('Nothing was charged. Reload the page to start again, or choose another way to pay.', { id: 'checkout.ending.expired.body' })}</p>`;
    }
  }

  private renderEnding(): TemplateResult {
    const ending = this.ending;
    return html`<section part="step ending" class="ending" data-step="ended" data-ending=${ending ?? nothing} aria-labelledby="ended-heading" ?hidden=${this.step !== 'ended'}>
      <h2 id="ended-heading" part="heading" tabindex="-1">${ending ? this.endingTitle(ending) : ''}</h2>
      ${ending ? this.endingBody(ending) : nothing}
      ${this.endingBack ? html`<div class="actions">${this.backButton()}</div>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'flexiti-checkout': FlexitiCheckout;
  }
}
