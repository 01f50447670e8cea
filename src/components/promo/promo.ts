import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
// The model's own modules, not its index: the promo entry must not pull the schemas (zod).
import { estimatePayments } from '../../model/installments.js';
import { planRate, promoHeadline, readOfferPlans, type OfferPlan, type PlanRates, type PromoHeadline } from '../../model/plans.js';
import { FlexitiElement } from '../../internal/flexiti-element.js';
import { legalStyles, tokenStyles } from '../../internal/styles.js';
import { formatAlternatives, formatMoney, formatPercent } from '../../internal/format.js';
import { FlexitiErrorEvent } from '../../events/notifications.js';
import { loadOffers, OffersUnavailable } from './offers.js';
import { promoStyles } from './promo.styles.js';

/** `"5 12"` or `"5,12"` → `['5', '12']`. */
const idListConverter = {
  fromAttribute: (value: string | null) => (value === null ? undefined : value.split(/[\s,]+/).filter(Boolean)),
  toAttribute: (value: string[] | undefined) => value?.join(' '),
};

/** A number attribute that may be absent or empty (`min-amount=""` is no bound, not 0). */
const optionalNumber = {
  fromAttribute: (value: string | null) => (value === null || value.trim() === '' ? undefined : Number(value)),
  toAttribute: (value: number | undefined) => (value === undefined ? null : String(value)),
};

type Source = { status: 'none' } | { status: 'loading'; key: string } | { status: 'ready'; key: string; offers: unknown } | { status: 'failed'; key: string };

/**
 * A one-line financing message for product, cart and checkout pages, before anyone applies: the lowest monthly
 * payment of the merchant's no-interest plans for `amount` ("or $32.50/month for 40 months, no interest, with
 * Flexiti"), or, when only deferred plans apply, "or no payments for 12 months with Flexiti". Renders nothing
 * when no plan fits the amount (`min-amount`, `max-amount`). A "Learn more" button opens a dialog with every plan
 * for that amount, its terms and payments, and what Flexiti is.
 *
 * Which plan is which: the API sends no rate, so a plan's kind is read from `offer_category` and its name
 * (`src/model/plans.ts`, shared with `<flexiti-plan-picker>`): an `equal_billing` plan named "No Interest" (or
 * "sans intérêt") is a no-interest plan, whose payments are exact (amount ÷ term to the cent, the last payment
 * absorbing the rounding); any other `equal_billing` plan charges interest and shows payments only with its APR
 * in `rates`; a `deferred_payment` plan named "No Payments" defers payments for its term; any other
 * `deferred_payment` plan takes minimum monthly payments.
 *
 * Data: set `offers` (the POS API's `offer_types`), or `endpoint` (the merchant's `createFlexitiHandler` mount):
 * the element then GETs `${endpoint}/form-values?lang=en|fr` once per page, shared by every promo with the same
 * endpoint and language. The line keeps its height while the plans load (no layout shift once the element is
 * defined; before that, reserve it with `flexiti-promo:not(:defined) { display: block; min-height: 1.5em }`).
 *
 * @summary "As low as …/month" financing message with a details dialog; loads only itself (about 8 kB).
 * @tag flexiti-promo
 *
 * @fires flexiti-error - The plans could not be loaded from `endpoint` (`network_error`, `form_values_unavailable`, `invalid_response`), `offers` is malformed (`invalid_offers`) or `amount` is not a number ≥ 0 (`invalid_amount`). Nothing is shown to the shopper.
 *
 * @csspart line - The one-line message (a paragraph).
 * @csspart learn-more - The "Learn more" button.
 * @csspart dialog - The details dialog (native `<dialog>`; style its backdrop with `::part(dialog)::backdrop`).
 * @csspart dialog-heading - The dialog's heading.
 * @csspart plan - One plan in the dialog.
 * @csspart estimate - A plan's payments table or description in the dialog (kept readable whatever the theme).
 * @csspart close - The dialog's Close button.
 *
 * @cssprop --flexiti-color-primary - The "Learn more" button and the Close button.
 * @cssprop --flexiti-color-text - Text.
 * @cssprop --flexiti-color-muted - The dialog's notes.
 * @cssprop --flexiti-color-surface - The dialog's background (the line itself is transparent).
 * @cssprop --flexiti-color-border - Table rules in the dialog.
 * @cssprop --flexiti-radius - The dialog's corners.
 * @cssprop --flexiti-spacing - Space inside the dialog.
 * @cssprop --flexiti-focus-ring - Focus ring (box-shadow).
 * @cssprop --flexiti-font-family - Font (the `text` variant uses the page's).
 * @cssprop --flexiti-font-size - Base font size (the `text` variant uses the page's).
 *
 * @cssstate loading - The plans are being fetched from `endpoint`; the line's height is reserved.
 * @cssstate empty - Nothing is shown (no plan fits the amount, no plans, or they could not be loaded).
 */
export class FlexitiPromo extends FlexitiElement {
  static override styles = [tokenStyles, legalStyles, promoStyles];

  /** The product or cart price in dollars (`1299.99`). The message follows changes (a quantity picker). */
  @property({ type: Number }) amount?: number;

  /** The merchant's plans: the POS API's `offer_types` (`term_options` as numbers or strings). Takes precedence over `endpoint`. Assign a new array to change it. */
  @property({ attribute: false }) offers: unknown = undefined;

  /** Where the merchant's handler is mounted (`/api/flexiti`): the plans are fetched from its `form-values` route, once per page and language. */
  @property() endpoint = '';

  /** The lowest amount, in dollars, the merchant promotes financing for (inclusive); below it nothing is shown. */
  @property({ attribute: 'min-amount', converter: optionalNumber }) minAmount?: number;

  /** The highest amount, in dollars, the merchant promotes financing for (inclusive); above it nothing is shown. */
  @property({ attribute: 'max-amount', converter: optionalNumber }) maxAmount?: number;

  /** Only these plan ids are promoted (attribute: space- or comma-separated); all plans when absent. */
  @property({ converter: idListConverter }) plans?: string[];

  /** Plan ids that are no-interest equal-payment plans, overriding the name-based rule (as on `<flexiti-plan-picker>`). */
  @property({ attribute: 'no-interest-plans', converter: idListConverter }) noInterestPlans?: string[];

  /** Annual percentage rates by `plan_id` from the merchant's Flexiti agreement (`{ "2": 9.99 }`): interest plans then show their payments, cost of borrowing and total. */
  @property({ attribute: false }) rates: PlanRates | null = null;

  /** `text`: the sentence alone in the page's own font, size and colour, the "Learn more" button as a text link; default: the element's own type. */
  @property({ reflect: true }) variant: 'default' | 'text' = 'default';

  @state() private source: Source = { status: 'none' };

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('.learn-more') private learnMore?: HTMLButtonElement;

  private readonly internals = this.attachInternals();
  /** What the line says, worked out before each render; `null`: nothing to say. */
  private headline: PromoHeadline | null = null;
  private parsedFor: unknown = Symbol('not parsed');
  private parsed: OfferPlan[] = [];

  /** The offers in use: the `offers` property, else what `endpoint` answered. */
  private get currentOffers(): unknown {
    if (this.offers !== undefined) return this.offers;
    return this.source.status === 'ready' ? this.source.offers : undefined;
  }

  private get loading(): boolean {
    return this.offers === undefined && this.source.status === 'loading';
  }

  /** The plans promoted: read once per `offers` value, filtered by `plans`. */
  private get planList(): OfferPlan[] {
    const offers = this.currentOffers;
    if (this.parsedFor !== offers) {
      this.parsedFor = offers;
      const { plans, rejected } = readOfferPlans(offers, this.noInterestPlans);
      this.parsed = plans;
      if (rejected > 0) this.report('implementation', 'invalid_offers');
    }
    return this.plans ? this.parsed.filter((plan) => this.plans!.map(String).includes(plan.id)) : this.parsed;
  }

  private get amountValue(): number | undefined {
    const amount = typeof this.amount === 'string' ? Number(this.amount) : this.amount;
    return typeof amount === 'number' && Number.isFinite(amount) ? amount : undefined;
  }

  private get limits() {
    return { min: this.minAmount, max: this.maxAmount };
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('noInterestPlans')) this.parsedFor = Symbol('not parsed');
    if (changed.has('amount') && this.amount !== undefined && this.amount !== null) {
      const amount = Number(this.amount);
      if (!Number.isFinite(amount) || amount < 0) this.report('implementation', 'invalid_amount');
    }
    this.loadFromEndpoint();
    this.headline = this.loading ? null : promoHeadline(this.planList, this.amountValue, this.limits, this.rates);
  }

  /** Starts (or joins) the page's request for this endpoint and language when either changed. */
  private loadFromEndpoint(): void {
    const endpoint = this.endpoint.trim();
    if (this.offers !== undefined || !endpoint) {
      if (this.source.status !== 'none') this.source = { status: 'none' };
      return;
    }
    const lang = this.locale === 'fr-CA' ? 'fr' : 'en';
    const key = `${endpoint}\u0000${lang}`;
    if (this.source.status !== 'none' && this.source.key === key) return;
    this.source = { status: 'loading', key };
    loadOffers(endpoint, lang).then(
      (offers) => {
        if (this.source.status === 'loading' && this.source.key === key) this.source = { status: 'ready', key, offers };
      },
      (error: unknown) => {
        if (this.source.status !== 'loading' || this.source.key !== key) return;
        this.source = { status: 'failed', key };
        const failure = error instanceof OffersUnavailable ? error : new OffersUnavailable('network', 'network_error');
        this.report(failure.type, failure.code, failure.status);
      },
    );
  }

  private report(type: 'network' | 'server' | 'implementation', code: string, status?: number): void {
    this.dispatchEvent(new FlexitiErrorEvent({ type, code, source: this.localName, ...(status === undefined ? {} : { status }) }));
  }

  private setState(name: string, on: boolean): void {
    const states = this.internals.states as CustomStateSet | undefined;
    if (!states) return;
    for (const form of [name, `--${name}`]) {
      try {
        if (on) states.add(form);
        else states.delete(form);
        return;
      } catch {
        // Chromium before 125 takes only the legacy `--name` form.
      }
    }
  }

  /** Opens the dialog with focus on its heading, so a screen reader starts at the top and Tab reaches Close. */
  private openDialog(): void {
    if (!this.dialog || this.dialog.open) return;
    this.dialog.showModal();
    this.dialog.querySelector<HTMLElement>('h2')?.focus();
  }

  private closeDialog(): void {
    this.dialog?.close();
  }

  /** The dialog closed (Close, Escape, a click on the backdrop): focus goes back to the button that opened it. */
  private onDialogClose(): void {
    this.learnMore?.focus();
  }

  private onDialogClick(event: MouseEvent): void {
    // A click on the dialog element itself (not its content) is a click on the backdrop.
    if (event.target === this.dialog) this.closeDialog();
  }

  private months(months: number): string {
    return months === 1 ? msg('1 month', { id: 'promo.month.one' }) : msg(str`${months} months`, { id: 'promo.month.other' });
  }

  private headlineText(headline: PromoHeadline): string {
    const locale = this.locale;
    switch (headline.kind) {
      case 'no_interest': {
        const payment = formatMoney(headline.estimate.payment, locale);
        const months = headline.estimate.count;
        return msg(str`or ${payment}/month for ${months} months, no interest, with Flexiti`, { id: 'promo.line.no_interest' });
      }
      case 'deferred': {
        const months = headline.months;
        return msg(str`or no payments for ${months} months with Flexiti`, { id: 'promo.line.deferred' });
      }
      case 'deferred_minimum': {
        const months = headline.months;
        return msg(str`or no interest for ${months} months with Flexiti`, { id: 'promo.line.deferred_minimum' });
      }
      case 'interest': {
        const payment = formatMoney(headline.estimate.payment, locale);
        const months = headline.estimate.count;
        const apr = formatPercent(headline.estimate.apr, locale);
        return msg(str`or ${payment}/month for ${months} months at ${apr} APR with Flexiti`, { id: 'promo.line.interest' });
      }
      case 'plans':
        return msg('or pay over time with Flexiti', { id: 'promo.line.plans' });
    }
  }

  override updated(): void {
    this.setState('loading', this.loading);
    this.setState('empty', !this.loading && this.headline === null);
  }

  override render(): TemplateResult | typeof nothing {
    if (this.loading) return html`<p class="line" part="line"></p>`;
    const headline = this.headline;
    const amount = this.amountValue;
    if (!headline || amount === undefined) return nothing;
    return html`<p class="line" part="line">
        <span class="text">${this.headlineText(headline)}</span>
        <button
          type="button"
          class="learn-more"
          part="learn-more"
          aria-haspopup="dialog"
          aria-label=${msg('Learn more about financing with Flexiti', { id: 'promo.learn_more.label' })}
          @click=${this.openDialog}
        >${msg('Learn more', { id: 'promo.learn_more' })}</button>
      </p>
      ${this.renderDialog(this.planList, amount)}`;
  }

  private renderDialog(plans: OfferPlan[], amount: number): TemplateResult {
    const price = formatMoney(amount, this.locale);
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose} @click=${this.onDialogClick}>
      <div class="dialog-body">
        <h2 id="dialog-title" part="dialog-heading" tabindex="-1">${msg('Pay over time with Flexiti', { id: 'promo.dialog.title' })}</h2>
        <p>${msg(str`Plans offered for a purchase of ${price}:`, { id: 'promo.dialog.intro' })}</p>
        <ul class="plans">
          ${plans.map((plan) => this.renderPlan(plan, amount))}
        </ul>
        <p class="note">
          ${msg('Payments shown are estimates. Your plan, rate, payments and any fees are confirmed before you pay.', {
            id: 'promo.dialog.estimates',
          })}
        </p>
        <h3>${msg('What is Flexiti?', { id: 'promo.about.title' })}</h3>
        <p>
          ${msg(
            'Flexiti is a Canadian financing company. If you are approved, you get a Flexiti credit account to pay for your purchases at this store over time. You apply when you pay and get an answer in minutes. Financing is subject to credit approval.',
            { id: 'promo.about.text' },
          )}
        </p>
        <div class="actions">
          <button type="button" class="close" part="close" @click=${this.closeDialog}>${msg('Close', { id: 'promo.close' })}</button>
        </div>
      </div>
    </dialog>`;
  }

  private renderPlan(plan: OfferPlan, amount: number): TemplateResult {
    const locale = this.locale;
    const terms = formatAlternatives(plan.terms, locale);
    const apr = planRate(this.rates, plan.id);
    let body: TemplateResult;
    switch (plan.kind) {
      case 'no_interest':
        body = html`<p>${msg('Equal monthly payments, no interest.', { id: 'promo.kind.no_interest' })}</p>
          ${this.renderTable(plan, amount, 0)}`;
        break;
      case 'interest':
        body =
          apr === undefined
            ? html`<p>
                ${msg('Equal monthly payments with interest.', { id: 'promo.kind.interest' })}
                ${msg(str`Terms: ${terms} months.`, { id: 'promo.terms' })}
                ${msg('The rate, your payments and the cost of borrowing are confirmed before you pay.', { id: 'promo.kind.interest.no_rate' })}
              </p>`
            : html`<p>
                  ${msg('Equal monthly payments with interest.', { id: 'promo.kind.interest' })}
                  ${this.aprText(apr)}
                </p>
                ${this.renderTable(plan, amount, apr)}`;
        break;
      case 'deferred':
        body = html`<p>
          ${msg(str`No payments for ${terms} months; payments start after that period.`, { id: 'promo.kind.deferred' })}
          ${/\bS\.A\.C\.?/i.test(plan.name)
            ? msg('S.A.C. means “same as cash”: pay the full amount within that period and it costs what paying cash would.', { id: 'promo.kind.sac' })
            : nothing}
          ${apr === undefined ? nothing : this.aprText(apr)}
          ${msg('What you pay after that period, and any interest, is confirmed before you pay.', { id: 'promo.kind.deferred.after' })}
        </p>`;
        break;
      case 'deferred_minimum':
        body = html`<p>
          ${msg(str`Minimum monthly payments for ${terms} months.`, { id: 'promo.kind.deferred_minimum' })}
          ${apr === undefined ? nothing : this.aprText(apr)}
          ${msg('The minimum payment, what you pay after that period and any interest are confirmed before you pay.', {
            id: 'promo.kind.deferred_minimum.after',
          })}
        </p>`;
        break;
      default:
        body = html`<p>
          ${msg(str`Terms: ${terms} months.`, { id: 'promo.terms' })}
          ${msg('Your payments for this plan are confirmed before you pay.', { id: 'promo.kind.other' })}
        </p>`;
    }
    return html`<li part="plan">
      <h3>${plan.name}</h3>
      <div part="estimate">${body}</div>
    </li>`;
  }

  private aprText(apr: number): string {
    const rate = formatPercent(apr, this.locale);
    return msg(str`Annual percentage rate (APR): ${rate}.`, { id: 'promo.apr' });
  }

  /** Every term of an equal-payment plan: its monthly payment (and last), cost of borrowing and total. */
  private renderTable(plan: OfferPlan, amount: number, apr: number): TemplateResult {
    const locale = this.locale;
    const money = (value: number) => formatMoney(value, locale);
    return html`<table>
      <caption class="visually-hidden">${msg(str`Payments for ${plan.name}`, { id: 'promo.table.caption' })}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Term', { id: 'promo.table.term' })}</th>
          <th scope="col">${msg('Monthly payment', { id: 'promo.table.payment' })}</th>
          <th scope="col">${msg('Cost of borrowing', { id: 'promo.table.cost' })}</th>
          <th scope="col">${msg('Total', { id: 'promo.table.total' })}</th>
        </tr>
      </thead>
      <tbody>
        ${plan.terms.map((term) => {
          const estimate = estimatePayments(amount, term, apr);
          const each = money(estimate.payment);
          const last = money(estimate.finalPayment);
          return html`<tr>
            <th scope="row">${this.months(term)}</th>
            <td>${estimate.payment === estimate.finalPayment ? each : msg(str`${each}, last payment ${last}`, { id: 'promo.table.last' })}</td>
            <td>${money(estimate.costOfBorrowing)}</td>
            <td>${money(estimate.total)}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'flexiti-promo': FlexitiPromo;
  }
}
