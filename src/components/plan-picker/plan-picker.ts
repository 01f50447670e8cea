import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { FinixErrorBody, FlexitiApiError, FlexitiErrorBody, PlanFees, PlanRates } from '../../model/index.js';
import { errorInputText, loadErrorKit } from '../../internal/error-texts.js';
import { askForHelp } from '../../internal/message-texts-errors.js';
import { describedBy, renderError } from '../../internal/field.js';
import { FlexitiFormElement } from '../../internal/form-element.js';
import type { OfferTypeInput } from '../../model/schemas.js';
import { offerType, read } from '../../model/read.js';
import { FieldFeedback } from '../../internal/field-feedback.js';
import { baseStyles } from '../../internal/styles.js';
import { planPickerStyles } from './plan-picker.styles.js';
import { pickerEstimates } from './plan-picker-estimates-on-demand.js';

/** The `plan_id` of a regular purchase (no plan), as POST /transactions takes it and the seed's response shows it. */
export const REGULAR_PURCHASE_PLAN_ID = '';

/** What the customer chose: the POS API's `plan_id` and `term` for POST /transactions, with the plan's category and name. */
export interface PlanChoice {
  plan_id: string;
  /** Months; `null` for a regular purchase (no plan, no term). */
  term: number | null;
  /** `equal_billing`, `deferred_payment` or whatever the API sent; `''` for a regular purchase. */
  offer_category: string;
  /** As the API sent it; `''` for a regular purchase. */
  plan_name: string;
}

/** A plan ready to render: terms ascending and deduplicated. */
interface Plan {
  id: string;
  name: string;
  category: string;
  terms: number[];
}

interface OfferList {
  /** `invalid`: not a list, or no entry usable although some were given. */
  status: 'ok' | 'empty' | 'invalid';
  /** By `offer_category`, in the order categories first appear; plans in the order given. */
  groups: { category: string; plans: Plan[] }[];
  byId: Map<string, Plan>;
  /** Entries left out: malformed, without a usable term, or repeating a `plan_id`. */
  rejected: number;
}

/** Why a choice the customer could see was cleared when the host changed `offers` or `allow-regular`. */
type Notice = { kind: 'plan'; plan: string } | { kind: 'term'; plan: string; term: number } | { kind: 'regular' };

const NOT_PARSED = Symbol('not parsed');

/** Reads `offer_types` as the API sends them (terms as numbers or strings) into renderable groups. */
function readOffers(offers: unknown): OfferList {
  const list: OfferList = { status: 'empty', groups: [], byId: new Map(), rejected: 0 };
  if (offers === undefined || offers === null) return list;
  if (!Array.isArray(offers)) return { ...list, status: 'invalid', rejected: 1 };
  const groups = new Map<string, Plan[]>();
  for (const entry of offers) {
    const parsed = read(offerType, entry);
    const name = parsed.ok ? parsed.value.plan_name.trim() : '';
    // plan_id '' is the regular purchase's: a plan may not take it.
    if (!parsed.ok || !name || !parsed.value.plan_id || list.byId.has(parsed.value.plan_id)) {
      list.rejected++;
      continue;
    }
    const terms = [...new Set(parsed.value.term_options)].sort((a, b) => a - b);
    if (terms.length === 0) {
      list.rejected++;
      continue;
    }
    const plan: Plan = { id: parsed.value.plan_id, name, category: parsed.value.offer_category.trim(), terms };
    list.byId.set(plan.id, plan);
    const group = groups.get(plan.category);
    if (group) group.push(plan);
    else groups.set(plan.category, [plan]);
  }
  list.groups = [...groups].map(([category, plans]) => ({ category, plans }));
  list.status = list.byId.size > 0 ? 'ok' : list.rejected > 0 ? 'invalid' : 'empty';
  return list;
}

function choiceKey(choice: PlanChoice | null): string {
  return choice ? `${choice.plan_id}\u0000${choice.term ?? ''}` : '';
}

/** `"5 12"` or `"5,12"` → `['5', '12']`. */
const planIdListConverter = {
  fromAttribute: (value: string | null) => (value === null ? undefined : value.split(/[\s,]+/).filter(Boolean)),
  toAttribute: (value: string[] | undefined) => value?.join(' '),
};

/**
 * Lets the customer choose how to pay: a financing plan from the POS API's `offer_types`, grouped by
 * `offer_category`, and one of its terms; or a regular purchase when `allow-regular` is set. Joins the
 * surrounding `<form>` with two entries, `plan_id` and `term`, the POS API parameters of POST /transactions.
 *
 * @summary Choose a financing plan and term; form-associated.
 * @since 0.1.0
 * @tag flexiti-plan-picker
 *
 * @fires change - The customer changed the choice (read `value`). Not fired when the host sets `value`, `offers` or `allow-regular`.
 * @fires flexiti-error - `offers` is malformed (`invalid_offers`: some or all plans left out) or `amount` is not a number ≥ 0 (`invalid_amount`).
 *
 * @csspart group - One `offer_category` group of plans (a fieldset with its heading as legend).
 * @csspart plan - One plan option (the label around its radio button), including the regular purchase.
 * @csspart term - One term option of the chosen plan.
 * @csspart estimate - The monthly payment estimate inside a term option (with the cost of borrowing and total when the rate is known).
 * @csspart term-note - A deferred plan's term in words ("No payments for 12 months").
 * @csspart plan-hint - What the chosen plan is, in plain words (when payments start, what S.A.C. means, when the rate is confirmed).
 * @csspart notice - A message: no plans, plans unavailable, a cleared choice, or the host's error.
 * @csspart error - The host's error (`error` property), shown in an alert region (also carries `notice`), and the missing choice's message.
 *
 * @cssprop --flexiti-color-primary - Chosen option's border and the term list's accent.
 * @cssprop --flexiti-color-text - Text.
 * @cssprop --flexiti-color-muted - Category headings and term ranges.
 * @cssprop --flexiti-color-surface - Background.
 * @cssprop --flexiti-color-border - Option borders.
 * @cssprop --flexiti-color-error - Error text.
 * @cssprop --flexiti-radius - Option corner radius.
 * @cssprop --flexiti-spacing - Space between groups.
 * @cssprop --flexiti-focus-ring - Focus ring (box-shadow).
 * @cssprop --flexiti-font-family - Font.
 * @cssprop --flexiti-font-size - Base font size.
 *
 * @cssstate unavailable - No plan to offer (and no regular purchase).
 * @cssstate choosing - Choices are shown and nothing is chosen yet (or a plan without its term).
 * @cssstate chosen - A plan and term (or the regular purchase) are chosen.
 * @cssstate user-invalid - A choice is required and missing, and the customer was told so.
 */
export class FlexitiPlanPicker extends FlexitiFormElement {
  static override styles = [baseStyles, planPickerStyles];
  /** Joins the surrounding form through ElementInternals. */

  /** The POS API's `offer_types` (login, apply or lookup response); `term_options` as numbers or strings. Assign a new array to change it. */
  @property({ attribute: false }) offers: readonly OfferTypeInput[] | null | undefined = undefined;

  /** The purchase amount in dollars (`1299.99`); the estimates need it. */
  @property({ type: Number }) amount?: number;

  /** Offers a regular purchase (no plan): its value has `plan_id` `''` and `term` `null`. */
  @property({ type: Boolean, attribute: 'allow-regular' }) allowRegular = false;

  /** Plan ids that are no-interest equal-payment plans, overriding the name-based detection (attribute: space- or comma-separated). */
  @property({ attribute: 'no-interest-plans', converter: planIdListConverter }) noInterestPlans?: string[];

  /** Annual percentage rates by `plan_id` from the merchant's Flexiti agreement (`{ "2": 9.99 }`): each term then shows its monthly payment, cost of borrowing and total. */
  @property({ attribute: false }) rates: PlanRates | null = null;

  /** One-time fees by `plan_id` from the merchant's Flexiti agreement, in dollars (`{ "2": 49 }`), counted in the cost of borrowing and the total. */
  @property({ attribute: false }) fees: PlanFees | null = null;

  /** An API error body from the host's POST /transactions (or a `FlexitiApiError`, or a bare code), shown in words for the customer. Cleared when the customer changes the choice. */
  @property({ attribute: false }) error: FlexitiApiError | FlexitiErrorBody | FinixErrorBody | string | null = null;

  /** The form control's name (for `form.elements`). The submitted entries are always `plan_id` and `term`. */
  @property() name = '';

  /** A choice must be made before the form submits. */
  @property({ type: Boolean }) required = false;

  @state() private chosenPlanId: string | null = null;
  @state() private chosenTerm: number | null = null;
  @state() private notice: Notice | null = null;

  /** The choice as the customer last saw it (checked on screen), to tell them if the host takes it away. */
  private shownChoice: { planId: string | null; planName: string; term: number | null } = {
    planId: null,
    planName: '',
    term: null,
  };

  private readonly feedback = new FieldFeedback(this, {
    userInvalid: (on) => this.setCustomState('user-invalid', on),
    formAssociated: true,
    // A plan picked and left without a term: say so now rather than at submit.
    leftOnFocusOut: () => (this.chosenPlan && this.chosenTerm === null ? ['choice'] : []),
  });
  private parsedFor: unknown = NOT_PARSED;
  private parsed: OfferList = readOffers(undefined);

  /** The choice, or `null` until the customer chose a plan and a term (or the regular purchase). Setting it does not fire `change`. */
  get value(): PlanChoice | null {
    if (this.chosenPlanId === REGULAR_PURCHASE_PLAN_ID) {
      return this.allowRegular
        ? { plan_id: REGULAR_PURCHASE_PLAN_ID, term: null, offer_category: '', plan_name: '' }
        : null;
    }
    const plan = this.chosenPlan;
    if (!plan || this.chosenTerm === null || !plan.terms.includes(this.chosenTerm)) return null;
    return { plan_id: plan.id, term: this.chosenTerm, offer_category: plan.category, plan_name: plan.name };
  }

  set value(next: Pick<PlanChoice, 'plan_id' | 'term'> | null | undefined) {
    const previous = this.value;
    if (next === null || next === undefined || typeof next !== 'object') {
      this.chosenPlanId = null;
      this.chosenTerm = null;
    } else {
      this.chosenPlanId = String(next.plan_id ?? '');
      const term =
        next.term === null || next.term === undefined || (next.term as unknown) === '' ? NaN : Number(next.term);
      this.chosenTerm = Number.isSafeInteger(term) && term > 0 ? term : null;
    }
    this.notice = null;
    this.syncForm();
    this.requestUpdate('value', previous);
  }

  /**
   * Where the choice is: `unavailable` (no plan to offer, or `offers` unusable, and no regular purchase), `choosing`
   * (nothing chosen yet, or a plan without its term), or `chosen` (`value` is set).
   */
  get state(): 'unavailable' | 'choosing' | 'chosen' {
    if (this.value) return 'chosen';
    return this.offerList.status === 'ok' || this.allowRegular ? 'choosing' : 'unavailable';
  }

  /** @internal The owning form was reset. */
  formResetCallback(): void {
    this.chosenPlanId = null;
    this.chosenTerm = null;
    this.notice = null;
    this.feedback.reset();
    this.syncForm();
  }

  /** @internal Back/forward navigation or autofill restores the choice (a JSON state, or our FormData value). */
  formStateRestoreCallback(saved: string | File | FormData | null): void {
    let restored: Pick<PlanChoice, 'plan_id' | 'term'> | null = null;
    if (typeof saved === 'string') {
      try {
        const parsed = JSON.parse(saved) as { plan_id?: unknown; term?: unknown };
        if (typeof parsed.plan_id === 'string')
          restored = { plan_id: parsed.plan_id, term: typeof parsed.term === 'number' ? parsed.term : null };
      } catch {
        restored = null;
      }
    } else if (saved instanceof FormData && typeof saved.get('plan_id') === 'string') {
      restored = { plan_id: saved.get('plan_id') as string, term: Number(saved.get('term')) || null };
    }
    this.value = restored;
  }

  private get offerList(): OfferList {
    if (this.parsedFor !== this.offers) {
      this.parsed = readOffers(this.offers);
      this.parsedFor = this.offers;
    }
    return this.parsed;
  }

  private get chosenPlan(): Plan | undefined {
    return this.chosenPlanId ? this.offerList.byId.get(this.chosenPlanId) : undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('offers') && this.offerList.rejected > 0) this.reportMisconfiguration('invalid_offers');
    if (changed.has('amount') && this.amount !== undefined && this.amount !== null) {
      const amount = Number(this.amount);
      if (!Number.isFinite(amount) || amount < 0) this.reportMisconfiguration('invalid_amount');
    }
    if (changed.has('offers') || changed.has('allowRegular')) this.keepOrClearChoice();
  }

  override updated(): void {
    const state = this.state;
    this.showState(state);
    if (state !== 'unavailable') pickerEstimates.preloadWhenIdle();
    const plan = this.chosenPlan;
    const value = this.value;
    const regular = this.chosenPlanId === REGULAR_PURCHASE_PLAN_ID && this.allowRegular;
    this.shownChoice = {
      planId: plan || regular ? this.chosenPlanId : null,
      planName: plan?.name ?? '',
      term: value?.term ?? null,
    };
    this.syncForm();
  }

  /** `offers` or `allow-regular` changed: a choice the customer saw stays if still offered, else it goes with a notice. */
  private keepOrClearChoice(): void {
    const shown = this.shownChoice;
    if (shown.planId === null || shown.planId !== this.chosenPlanId) return;
    if (shown.planId === REGULAR_PURCHASE_PLAN_ID) {
      if (!this.allowRegular) this.clearChoice({ kind: 'regular' });
      return;
    }
    const plan = this.chosenPlan;
    if (!plan) {
      this.clearChoice({ kind: 'plan', plan: shown.planName });
    } else if (shown.term !== null && shown.term === this.chosenTerm && !plan.terms.includes(shown.term)) {
      this.chosenTerm = null;
      this.notice = { kind: 'term', plan: plan.name, term: shown.term };
    }
  }

  private clearChoice(notice: Notice): void {
    this.chosenPlanId = null;
    this.chosenTerm = null;
    this.notice = notice;
  }

  private reportMisconfiguration(code: 'invalid_offers' | 'invalid_amount'): void {
    this.reportError('implementation', code);
  }

  private onPlanChange(event: Event): void {
    this.choose((event.target as HTMLInputElement).value, this.chosenTerm);
  }

  private onTermChange(event: Event): void {
    this.choose(this.chosenPlanId, Number((event.target as HTMLInputElement).value));
  }

  /** The customer chose: update, tell the form, and fire `change` if the value is different. */
  private choose(planId: string | null, term: number | null): void {
    const previous = this.value;
    const plan = planId ? this.offerList.byId.get(planId) : undefined;
    this.chosenPlanId = planId;
    // The estimates, if the preload has not brought them (or failed): the terms show them when they arrive.
    if (plan) pickerEstimates.load().catch(() => undefined);
    // A term the new plan also offers stays chosen; otherwise the customer picks one.
    this.chosenTerm = plan && term !== null && plan.terms.includes(term) ? term : null;
    this.shownChoice = { planId, planName: plan?.name ?? '', term: this.chosenTerm };
    this.notice = null;
    this.error = null;
    this.syncForm();
    const next = this.value;
    if (choiceKey(next) !== choiceKey(previous)) {
      // The host's purchase with this choice may fail: its `error` is then shown with texts already here.
      loadErrorKit().catch(() => undefined);
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
  }

  /** Form value (`plan_id`, `term` entries), restore state and validity, anchored on the radio to pick. */
  private syncForm(): void {
    const value = this.value;
    if (value) {
      const entries = new FormData();
      entries.append('plan_id', value.plan_id);
      entries.append('term', value.term === null ? '' : String(value.term));
      this.internals.setFormValue(entries, JSON.stringify({ plan_id: value.plan_id, term: value.term }));
    } else {
      this.internals.setFormValue(null);
    }
    const missing = this.required && !value;
    if (missing) {
      const needsTerm = !!this.chosenPlan;
      const anchor = this.shadowRoot?.querySelector<HTMLInputElement>(
        needsTerm ? 'input[name="term"]' : 'input[name="plan"]',
      );
      this.internals.setValidity({ valueMissing: true }, this.missingText(needsTerm), anchor ?? undefined);
    } else {
      this.internals.setValidity({});
    }
  }

  private missingText(needsTerm: boolean): string {
    return needsTerm
      ? msg('Choose a term for this plan.', { id: 'plan-picker.required.term' })
      : msg('Choose a financing plan.', { id: 'plan-picker.required.plan' });
  }

  private months(term: number): string {
    return term === 1
      ? msg('1 month', { id: 'plan-picker.term.one' })
      : msg(str`${term} months`, { id: 'plan-picker.term.other' });
  }

  private termRange(terms: number[]): string {
    const first = terms[0]!;
    const last = terms[terms.length - 1]!;
    return first === last ? this.months(first) : msg(str`${first} to ${last} months`, { id: 'plan-picker.term.range' });
  }

  private categoryHeading(category: string): string {
    switch (category) {
      case 'equal_billing':
        return msg('Equal payments', { id: 'plan-picker.category.equal_billing' });
      case 'deferred_payment':
        return msg('Deferred payments', { id: 'plan-picker.category.deferred_payment' });
      case '':
        return msg('Other plans', { id: 'plan-picker.category.other' });
      default:
        return category;
    }
  }

  private noticeText(notice: Notice | null): string {
    if (!notice) return '';
    switch (notice.kind) {
      case 'plan':
        return msg(str`The plan you chose, ${notice.plan}, is no longer offered. Choose another plan.`, {
          id: 'plan-picker.notice.plan',
        });
      case 'term': {
        const months = this.months(notice.term);
        return msg(str`A term of ${months} is no longer offered for ${notice.plan}. Choose another term.`, {
          id: 'plan-picker.notice.term',
        });
      }
      case 'regular':
        return msg('A regular purchase is no longer offered. Choose a financing plan.', {
          id: 'plan-picker.notice.regular',
        });
    }
  }

  override render(): TemplateResult {
    const list = this.offerList;
    const errorMessage = errorInputText(this.error, this.audience);
    const noticeMessage = this.noticeText(this.notice);
    const missing = this.required && !this.value ? this.missingText(!!this.chosenPlan) : undefined;
    const missingShown = this.feedback.show('choice', missing);
    const showMissing = !!missingShown;
    const describedBy = [errorMessage ? 'error' : '', noticeMessage ? 'notice' : ''].filter(Boolean).join(' ');
    const hasChoices = list.status === 'ok' || this.allowRegular;
    return html`
      <div id="error" class="notice error-notice" part="notice error" role="alert">${errorMessage}</div>
      <div id="notice" class="notice live" part="notice" role="status">${noticeMessage}</div>
      ${
        list.status === 'empty'
          ? html`<p class="notice" part="notice">
            ${msg('No financing plans are available for this purchase.', { id: 'plan-picker.empty' })}
          </p>`
          : nothing
      }
      ${
        list.status === 'invalid'
          ? html`<p class="notice error-notice" part="notice">
            ${msg("Financing plans can't be shown right now.", { id: 'plan-picker.invalid' })} ${askForHelp(this.audience)}
          </p>`
          : nothing
      }
      ${
        hasChoices
          ? html`<fieldset class="picker" ?disabled=${this.controlsDisabled} aria-describedby=${describedBy || nothing}>
            <legend>${msg('Financing plan', { id: 'plan-picker.legend' })}</legend>
            ${missingShown ? renderError('choice', missingShown, this.feedback.announcement('choice')) : nothing}
            ${list.groups.map(
              (group) => html`<fieldset class="group" part="group">
                <legend>${this.categoryHeading(group.category)}</legend>
                ${group.plans.map((plan) => this.renderPlan(plan, showMissing && !this.chosenPlan))}
              </fieldset>`,
            )}
            ${this.allowRegular ? this.renderRegular(showMissing && !this.chosenPlan) : nothing}
          </fieldset>`
          : nothing
      }
    `;
  }

  /** One option: its radio (tied to the missing choice's message when `invalid`) inside its label. */
  private renderOption(
    name: 'plan' | 'term',
    value: string | number,
    checked: boolean,
    invalid: boolean,
    text: TemplateResult,
  ): TemplateResult {
    return html`<label class="option" part=${name}>
      <input
        type="radio"
        name=${name}
        value=${value}
        .checked=${live(checked)}
        aria-invalid=${invalid ? 'true' : nothing}
        aria-describedby=${describedBy('choice', { message: invalid }) ?? nothing}
        @change=${name === 'plan' ? this.onPlanChange : this.onTermChange}
      />
      <span class="option-text">${text}</span>
    </label>`;
  }

  private renderPlan(plan: Plan, invalid: boolean): TemplateResult {
    const chosen = plan.id === this.chosenPlanId;
    return html`${this.renderOption(
      'plan',
      plan.id,
      chosen,
      invalid,
      html`<span class="plan-name">${plan.name}</span><span class="visually-hidden">, </span>
        <span class="plan-terms">${this.termRange(plan.terms)}</span>`,
    )}
    ${chosen ? this.renderTerms(plan) : nothing}`;
  }

  private renderRegular(invalid: boolean): TemplateResult {
    return this.renderOption(
      'plan',
      REGULAR_PURCHASE_PLAN_ID,
      this.chosenPlanId === REGULAR_PURCHASE_PLAN_ID,
      invalid,
      html`<span class="plan-name">${msg('Regular purchase, no plan', { id: 'plan-picker.regular' })}</span>`,
    );
  }

  /**
   * The chosen plan's terms only: a long list of plans stays one radio per plan. Their estimates come on demand:
   * until they are here (or when they can't be downloaded) the terms show their length and the general words.
   */
  private renderTerms(plan: Plan): TemplateResult {
    const estimates = pickerEstimates.forRender()?.planEstimates(plan, this);
    const invalid = this.required && this.chosenTerm === null && this.feedback.shows('choice');
    const hint = [
      estimates?.hint ??
        msg('The rate and your payments are confirmed before you pay.', { id: 'plan-picker.kind.other' }),
      estimates?.sameAsCash,
    ];
    return html`<fieldset class="terms" aria-describedby="terms-hint">
      <legend>${msg(str`Term for ${plan.name}`, { id: 'plan-picker.terms.legend' })}</legend>
      <p class="hint" part="plan-hint" id="terms-hint">${hint.filter(Boolean).join(' ')}</p>
      <div class="term-list">
        ${plan.terms.map((term) =>
          this.renderOption(
            'term',
            term,
            term === this.chosenTerm,
            invalid,
            html`<span class="visually-hidden">${plan.name}, </span>
              <span class="term-length">${this.months(term)}</span>${estimates?.term(term) ?? nothing}`,
          ),
        )}
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'flexiti-plan-picker': FlexitiPlanPicker;
  }
}
