import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
// The model's own modules, not its index: the promo entry must not pull the schemas (zod).
import {
  promoHeadline,
  readOfferPlans,
  type OfferPlan,
  type PlanRates,
  type PromoHeadline,
} from '../../model/plans.js';
import { apiLang } from '../../model/locale.js';
import type { OfferTypeInput } from '../../model/schemas.js';
import { FlexitiElement } from '../../internal/flexiti-element.js';
import { tokenStyles } from '../../internal/token-styles.js';
import { formatMoney, formatPercent } from '../../internal/format.js';
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

type DialogModule = typeof import('./promo-dialog.js');

/** One dynamic import for the page: a separate file in the CDN build, fetched when a shopper first needs it. */
let dialogModule: Promise<DialogModule> | undefined;
function loadDialogModule(): Promise<DialogModule> {
  if (!dialogModule) {
    const loading = import('./promo-dialog.js');
    loading.catch(() => {
      if (dialogModule === loading) dialogModule = undefined;
    });
    dialogModule = loading;
  }
  return dialogModule;
}

type Source =
  | { status: 'none' }
  | { status: 'loading'; key: string }
  | { status: 'ready'; key: string; offers: unknown }
  | { status: 'failed'; key: string };

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
 * @summary "As low as …/month" financing message with a details dialog; can be loaded alone (`dist/cdn/flexiti-promo.js`).
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
 * @cssprop --flexiti-color-surface - The line's and the dialog's background (the `text` variant's line takes the page's).
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
  static override styles = [tokenStyles, promoStyles];

  /** The product or cart price in dollars (`1299.99`). The message follows changes (a quantity picker). */
  @property({ type: Number }) amount?: number;

  /** The merchant's plans: the POS API's `offer_types` (`term_options` as numbers or strings). Takes precedence over `endpoint`. Assign a new array to change it. */
  @property({ attribute: false }) offers: readonly OfferTypeInput[] | null | undefined = undefined;

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
  /** The dialog module, once loaded (see {@link loadDetails}). */
  @state() private details?: DialogModule;
  private detailsLoading?: Promise<DialogModule | undefined>;

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('.learn-more') private learnMore?: HTMLButtonElement;

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
    const lang = apiLang(this.locale);
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
    this.dispatchEvent(
      new FlexitiErrorEvent({ type, code, source: this.localName, ...(status === undefined ? {} : { status }) }),
    );
  }

  /**
   * Loads the dialog's module once per page (every promo shares it), when the shopper points at, focuses or
   * presses "Learn more". A failed load is reported and forgotten, so the next press tries again.
   */
  private loadDetails(): Promise<DialogModule | undefined> {
    this.detailsLoading ??= loadDialogModule().then(
      (module) => {
        adoptStyles(this.renderRoot as ShadowRoot, [...FlexitiPromo.elementStyles, ...module.dialogStyles]);
        this.details = module;
        return module;
      },
      () => {
        this.detailsLoading = undefined;
        this.report('network', 'network_error');
        return undefined;
      },
    );
    return this.detailsLoading;
  }

  /** Opens the dialog with focus on its heading, so a screen reader starts at the top and Tab reaches Close. */
  private async openDialog(): Promise<void> {
    if (!(await this.loadDetails())) return;
    await this.updateComplete;
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

  private headlineText(headline: PromoHeadline): string {
    const locale = this.locale;
    switch (headline.kind) {
      case 'no_interest': {
        const payment = formatMoney(headline.estimate.payment, locale);
        const months = headline.estimate.count;
        return msg(str`or ${payment}/month for ${months} months, no interest, with Flexiti`, {
          id: 'promo.line.no_interest',
        });
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
        return msg(str`or ${payment}/month for ${months} months at ${apr} APR with Flexiti`, {
          id: 'promo.line.interest',
        });
      }
      case 'plans':
        return msg('or pay over time with Flexiti', { id: 'promo.line.plans' });
    }
  }

  override updated(): void {
    this.setCustomState('loading', this.loading);
    this.setCustomState('empty', !this.loading && this.headline === null);
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
          @pointerenter=${this.loadDetails}
          @focus=${this.loadDetails}
        >${msg('Learn more', { id: 'promo.learn_more' })}</button>
      </p>
      ${
        this.details
          ? this.details.renderDialog({
              plans: this.planList,
              amount,
              rates: this.rates,
              locale: this.locale,
              onCloseClick: () => this.closeDialog(),
              onClosed: () => this.onDialogClose(),
              onDialogClick: (event) => this.onDialogClick(event),
            })
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'flexiti-promo': FlexitiPromo;
  }
}
