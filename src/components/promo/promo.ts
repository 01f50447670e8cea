import { adoptStyles, ReactiveElement, type PropertyDeclarations, type PropertyValues } from '@lit/reactive-element';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
// The model's own modules, not its index: the promo entry must not pull the schemas (zod).
import {
  promoHeadline,
  readOfferPlans,
  type OfferPlan,
  type PlanRates,
  type PromoHeadline,
} from '../../model/plans.js';
import { apiLang, type Locale } from '../../model/locale.js';
import type { OfferTypeInput } from '../../model/schemas.js';
import { pageLocaleReady, renderedLocale, warnIfLangDisagrees } from '../../internal/locale.js';
import { defineElement, VERSION } from '../../internal/define.js';
import { lineTokenStyles } from '../../internal/line-token-styles.js';
import { formatMoney, formatPercent } from '../../internal/format.js';
import { reportError } from '../../internal/report-error.js';
import { loadOffers, OffersUnavailable } from './offers.js';
import { promoStyles } from './promo.styles.js';
import { setCustomState } from '../../internal/custom-states.js';

// Attribute converters (attribute to property only: neither property is reflected).
/** `"5 12"` or `"5,12"` → `['5', '12']`. */
const idListConverter = (value: string | null) => (value === null ? undefined : value.split(/[\s,]+/).filter(Boolean));
/** A number attribute that may be absent or empty (`min-amount=""` is no bound, not 0). */
const optionalNumber = (value: string | null) => (value === null || value.trim() === '' ? undefined : Number(value));

type DialogModule = typeof import('./promo-dialog.js');

const importDialogModule = (): Promise<DialogModule> => import('./promo-dialog.js');
let dialogImporter = importDialogModule;

/** One dynamic import for the page: a separate file in the CDN build, fetched when a shopper first needs it. */
let dialogModule: Promise<DialogModule> | undefined;
function loadDialogModule(): Promise<DialogModule> {
  if (!dialogModule) {
    const loading = dialogImporter();
    loading.catch(() => {
      if (dialogModule === loading) dialogModule = undefined;
    });
    dialogModule = loading;
  }
  return dialogModule;
}

/**
 * @internal For tests: how the dialog's module is imported (a stand-in that fails, as a lost network would);
 * no argument restores the real import. Forgets the module already loaded.
 */
export function importDialogWith(importer: () => Promise<DialogModule> = importDialogModule): void {
  dialogImporter = importer;
  dialogModule = undefined;
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
 * @summary "As low as …/month" financing message with a details dialog; can be loaded alone (`dist/cdn/flexiti-promo.js`).
 * @since 0.2.0
 * @tag flexiti-promo
 *
 * @fires flexiti-error - The plans could not be loaded from `endpoint` (`network_error`, `form_values_unavailable`, `invalid_response`), `offers` is malformed (`invalid_offers`) or `amount` is not a number ≥ 0 (`invalid_amount`): nothing is shown to the shopper. Or the dialog's file could not be loaded (`network_error`): when the shopper pressed "Learn more", the line says so, and the next press tries again.
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
export class FlexitiPromo extends ReactiveElement {
  /** The version of flexiti-elements this class comes from. */
  static readonly version: string = VERSION;

  static override shadowRootOptions: ShadowRootInit = { mode: 'open', delegatesFocus: true };

  static override styles = [lineTokenStyles, promoStyles];

  // A ReactiveElement, not a LitElement: the line is two nodes written with textContent, so the promo's own file
  // carries no template engine. The dialog's module brings lit-html when a shopper first reaches for it.
  static override properties: PropertyDeclarations = {
    amount: { type: Number },
    offers: { attribute: false },
    endpoint: {},
    minAmount: { attribute: 'min-amount', converter: optionalNumber },
    maxAmount: { attribute: 'max-amount', converter: optionalNumber },
    plans: { converter: idListConverter },
    noInterestPlans: { attribute: 'no-interest-plans', converter: idListConverter },
    rates: { attribute: false },
    variant: { reflect: true },
  };

  /** The product or cart price in dollars (`1299.99`). The message follows changes (a quantity picker). */
  amount?: number;

  /** The merchant's plans: the POS API's `offer_types` (`term_options` as numbers or strings). Takes precedence over `endpoint`. Assign a new array to change it. */
  offers: readonly OfferTypeInput[] | null | undefined = undefined;

  /** Where the merchant's handler is mounted (`/api/flexiti`): the plans are fetched from its `form-values` route, once per page and language. */
  endpoint = '';

  /** The lowest amount, in dollars, the merchant promotes financing for (inclusive); below it nothing is shown. */
  minAmount?: number;

  /** The highest amount, in dollars, the merchant promotes financing for (inclusive); above it nothing is shown. */
  maxAmount?: number;

  /** Only these plan ids are promoted (attribute: space- or comma-separated); all plans when absent. */
  plans?: string[];

  /** Plan ids that are no-interest equal-payment plans, overriding the name-based rule (as on `<flexiti-plan-picker>`). */
  noInterestPlans?: string[];

  /** Annual percentage rates by `plan_id` from the merchant's Flexiti agreement (`{ "2": 9.99 }`): interest plans then show their payments, cost of borrowing and total. */
  rates: PlanRates | null = null;

  /** `text`: the sentence alone in the page's own font, size and colour, the "Learn more" button as a text link; default: the element's own type. */
  variant: 'default' | 'text' = 'default';

  // Internal state: private fields (the minifier shortens their names), each change followed by requestUpdate().
  #source: Source = { status: 'none' };
  /** The dialog module, once loaded (see {@link #loadDetails}). */
  #details?: DialogModule;
  #detailsLoading?: Promise<DialogModule | undefined>;
  /** "Learn more" was pressed and the dialog's module could not be loaded: the line says so until the next press. */
  #detailsFailed = false;

  readonly #internals = this.attachInternals();
  /** What the line says, worked out before each render; `null`: nothing to say. */
  #headline: PromoHeadline | null = null;
  #parsedFor: unknown = Symbol('not parsed');
  #parsed: OfferPlan[] = [];
  /** The line's nodes, made once and rewritten in place (see {@link update}). */
  #line?: { p: HTMLElement; text: HTMLElement; button: HTMLButtonElement; failed: HTMLElement };

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /**
   * The locale the element renders in: the page's (`<html lang>` or `setLocale()`), `en-CA` or `fr-CA`, once its
   * messages are loaded. The element's own `lang` does not change it (a console warning says so).
   */
  get locale(): Locale {
    return renderedLocale();
  }

  /**
   * Registers `tag` unless it is already taken. A tag taken by another copy of flexiti-elements
   * (a tag manager and an app bundle on one page) is left as it is, with one warning for the page.
   */
  static define(tag: string, constructor: CustomElementConstructor = this): void {
    defineElement(tag, constructor);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void pageLocaleReady();
    warnIfLangDisagrees(this);
  }

  /** The offers in use: the `offers` property, else what `endpoint` answered. */
  get #currentOffers(): unknown {
    if (this.offers !== undefined) return this.offers;
    return this.#source.status === 'ready' ? this.#source.offers : undefined;
  }

  get #loading(): boolean {
    return this.offers === undefined && this.#source.status === 'loading';
  }

  /** The plans promoted: read once per `offers` value, filtered by `plans`. */
  get #planList(): OfferPlan[] {
    const offers = this.#currentOffers;
    if (this.#parsedFor !== offers) {
      this.#parsedFor = offers;
      const { plans, rejected } = readOfferPlans(offers, this.noInterestPlans);
      this.#parsed = plans;
      if (rejected > 0) this.#report('implementation', 'invalid_offers');
    }
    return this.plans ? this.#parsed.filter((plan) => this.plans!.map(String).includes(plan.id)) : this.#parsed;
  }

  get #amountValue(): number | undefined {
    const amount = typeof this.amount === 'string' ? Number(this.amount) : this.amount;
    return typeof amount === 'number' && Number.isFinite(amount) ? amount : undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('noInterestPlans')) this.#parsedFor = Symbol('not parsed');
    if (changed.has('amount') && this.amount !== undefined && this.amount !== null) {
      const amount = Number(this.amount);
      if (!Number.isFinite(amount) || amount < 0) this.#report('implementation', 'invalid_amount');
    }
    this.#loadFromEndpoint();
    this.#headline = this.#loading
      ? null
      : promoHeadline(this.#planList, this.#amountValue, { min: this.minAmount, max: this.maxAmount }, this.rates);
  }

  /** Starts (or joins) the page's request for this endpoint and language when either changed. */
  #loadFromEndpoint(): void {
    const endpoint = this.endpoint.trim();
    if (this.offers !== undefined || !endpoint) {
      if (this.#source.status !== 'none') this.#source = { status: 'none' };
      return;
    }
    const lang = apiLang(this.locale);
    const key = `${endpoint}\u0000${lang}`;
    if (this.#source.status !== 'none' && this.#source.key === key) return;
    const request: Source = { status: 'loading', key };
    this.#source = request;
    /** Takes the answer unless the promo has moved on since it asked (another endpoint or language). */
    const settle = (source: Source): boolean => {
      if (this.#source !== request) return false;
      this.#source = source;
      this.requestUpdate();
      return true;
    };
    loadOffers(endpoint, lang).then(
      (offers) => void settle({ status: 'ready', key, offers }),
      (error: unknown) => {
        if (!settle({ status: 'failed', key })) return;
        const failure = error instanceof OffersUnavailable ? error : new OffersUnavailable('network', 'network_error');
        this.#report(failure.type, failure.code, failure.status);
      },
    );
  }

  #report(type: 'network' | 'server' | 'implementation', code: string, status?: number): void {
    reportError(this, type, code, status);
  }

  /**
   * Loads the dialog's module once per page (every promo shares it), when the shopper points at, focuses or
   * presses "Learn more". A failed load is reported and forgotten, so the next press tries again.
   */
  #loadDetails(): Promise<DialogModule | undefined> {
    this.#detailsLoading ??= loadDialogModule().then(
      (module) => {
        adoptStyles(this.renderRoot as ShadowRoot, [...FlexitiPromo.elementStyles, ...module.dialogStyles]);
        this.#details = module;
        this.requestUpdate();
        return module;
      },
      () => {
        this.#detailsLoading = undefined;
        this.#report('network', 'network_error');
        return undefined;
      },
    );
    return this.#detailsLoading;
  }

  /** Opens the dialog once its module is here and rendered (or says on the line that it could not be loaded). */
  async #openDialog(): Promise<void> {
    this.#setDetailsFailed(false);
    const details = await this.#loadDetails();
    if (!details) return this.#setDetailsFailed(true);
    await this.updateComplete;
    details.openDialog(this.renderRoot);
  }

  #setDetailsFailed(failed: boolean): void {
    this.#detailsFailed = failed;
    this.requestUpdate();
  }

  #headlineText(headline: PromoHeadline): string {
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

  /** The line's nodes, made on first use: `<p part="line"><span class="text"></span> <button part="learn-more">`. */
  #lineNodes() {
    if (!this.#line) {
      const make = (tag: string, className: string, part?: string) => {
        const node = document.createElement(tag);
        node.className = className;
        if (part) node.setAttribute('part', part);
        return node;
      };
      const button = make('button', 'learn-more', 'learn-more') as HTMLButtonElement;
      button.type = 'button';
      button.setAttribute('aria-haspopup', 'dialog');
      button.addEventListener('click', () => void this.#openDialog());
      button.addEventListener('pointerenter', () => void this.#loadDetails());
      button.addEventListener('focus', () => void this.#loadDetails());
      const failed = make('span', 'details-failed');
      failed.setAttribute('role', 'alert');
      this.#line = { p: make('p', 'line', 'line'), text: make('span', 'text'), button, failed };
    }
    return this.#line;
  }

  /**
   * Writes the line (text only: every value goes through `textContent`, never markup) and, once its module is
   * here, the dialog. While the plans load the line is an empty paragraph that keeps its height.
   */
  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const root = this.renderRoot;
    const headline = this.#headline;
    const amount = this.#amountValue;
    const show = !this.#loading && headline !== null && amount !== undefined;
    if (!this.#loading && !show) {
      this.#line?.p.remove();
    } else {
      const { p, text, button, failed } = this.#lineNodes();
      if (p.parentNode !== root) root.prepend(p);
      if (show) {
        text.textContent = this.#headlineText(headline);
        button.textContent = msg('Learn more', { id: 'promo.learn_more' });
        button.setAttribute(
          'aria-label',
          msg('Learn more about financing with Flexiti', { id: 'promo.learn_more.label' }),
        );
        failed.textContent = this.#detailsFailed
          ? msg('The details could not be loaded. Try again in a moment.', { id: 'promo.details_failed' })
          : '';
        // Put in once: moving the button would take focus from it.
        if (p.firstChild !== text) p.replaceChildren(text, ' ', button, ' ', failed);
      } else {
        p.replaceChildren();
      }
    }
    this.#details?.renderDialog(
      show
        ? {
            plans: this.#planList,
            amount,
            rates: this.rates,
            locale: this.locale,
            opener: this.#lineNodes().button,
          }
        : null,
      root,
      this,
    );
  }

  override updated(): void {
    setCustomState(this.#internals, 'loading', this.#loading);
    setCustomState(this.#internals, 'empty', !this.#loading && this.#headline === null);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'flexiti-promo': FlexitiPromo;
  }
}
