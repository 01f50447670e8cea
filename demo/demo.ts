/**
 * A merchant's checkout on the Flexiti sandbox: what `npm start` serves. The four elements do the customer's
 * forms; `connect()` answers their requests through the handler at /api/flexiti; this page adds what is the
 * merchant's own business: the cart, finding an existing account, and posting the purchase.
 *
 * New customer:      cart → apply (terms inside; Quebec: debt ratio, keep or cancel) → plan → verify + pay → receipt
 * Existing customer: cart → lookup → plan → verify + pay → receipt
 *
 * The plan comes before the verification code because the code authorizes one purchase: the purchase is posted
 * when `<flexiti-verify>` reports the code, and a wrong code brings the customer straight back to it.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import ky, { HTTPError, TimeoutError } from 'ky';
import '../src/define/flexiti-apply.js';
import '../src/define/flexiti-plan-picker.js';
import '../src/define/flexiti-terms.js';
import '../src/define/flexiti-verify.js';
import { connect, loadFormValues, CONNECT_TIMEOUT_MS } from '../src/connect/index.js';
import type { FlexitiApply } from '../src/components/apply/apply.js';
import type { FlexitiPlanPicker, PlanChoice } from '../src/components/plan-picker/plan-picker.js';
import type { FlexitiResultEvent, ResultStatus } from '../src/events/notifications.js';
import type { FlexitiVerifiedEvent } from '../src/events/requests.js';
import type { FlexitiRequestEvent } from '../src/events/request-event.js';
import {
  errorText,
  localError,
  readApiError,
  validateDate,
  validateName,
  validatePostalCode,
  messageText,
  type ApplyResponse,
  type FieldMessage,
  type FlexitiApiError,
  type LookupResponse,
} from '../src/model/index.js';
import {
  APPLY_PERSONAS,
  SANDBOX_APPLICANT,
  SANDBOX_QUEBEC_APPLICANT,
  SANDBOX_SMS_CODE,
  SEED_ACCOUNTS,
} from '../src/server/sandbox/personas.js';
import { money, words, type Locale } from './i18n.js';

const ENDPOINT = '/api/flexiti';

// ── The cart ────────────────────────────────────────────────────────────────────────────────────────────────

const CART = [
  { key: 'itemTable', quantity: 1, unitPrice: 1199 },
  { key: 'itemChair', quantity: 4, unitPrice: 99 },
  { key: 'itemDelivery', quantity: 1, unitPrice: 49 },
] as const;
const TOTAL = CART.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);

// ── State ───────────────────────────────────────────────────────────────────────────────────────────────────

type Step = 'cart' | 'choose' | 'apply' | 'lookup' | 'plan' | 'verify' | 'receipt';
type Journey = 'new' | 'existing';
type LookupField = 'first_name' | 'last_name' | 'dob' | 'postal_code' | 'vcc_number';

/** The account the purchase goes on: from the approval (new customer) or the lookup (existing). */
interface Customer {
  customer_id: string;
  security_qid: LookupResponse['security_qid'];
  available_credit: number;
  offers: unknown;
}

interface Receipt {
  transactionId: string;
  planName: string;
  term: number | null;
  amount: number;
  payment?: number;
  creditLeft?: number;
}

/** One line of the events panel: what happened and how it ended. Never a request or response body. */
interface LoggedEvent {
  id: number;
  type: string;
  status: string;
}

const state = {
  locale: initialLocale(),
  step: 'cart' as Step,
  journey: undefined as Journey | undefined,
  formValues: undefined as unknown,
  applyOutcome: undefined as ResultStatus | undefined,
  customer: undefined as Customer | undefined,
  plan: undefined as PlanChoice | undefined,
  planError: null as FlexitiApiError | null,
  receipt: undefined as Receipt | undefined,
  lookup: {
    by: 'name' as 'name' | 'card',
    values: { first_name: '', last_name: '', dob: '', postal_code: '', vcc_number: '' } as Record<LookupField, string>,
    touched: new Set<LookupField>(),
    submitted: false,
    busy: false,
    error: undefined as FlexitiApiError | undefined,
  },
  events: [] as LoggedEvent[],
};

let pendingFocus: string | undefined;
let nextEventId = 1;

function initialLocale(): Locale {
  const asked = new URLSearchParams(location.search).get('lang') ?? document.documentElement.lang;
  return /^fr\b/i.test(asked) ? 'fr-CA' : 'en-CA';
}

// ── Talking to the handler ─────────────────────────────────────────────────────────────────────────────────

// The elements' requests: one call answers them all.
connect(document, { endpoint: ENDPOINT });

// The merchant's own calls (lookup, purchase) go to the same handler. POSTs carry customer data: never retried.
const api = ky.create({
  prefixUrl: new URL(`${ENDPOINT}/`, document.baseURI).href,
  credentials: 'same-origin',
  timeout: CONNECT_TIMEOUT_MS,
  retry: 0,
});

/** A failed call as the model's typed error, read once so the page and the element can both use it. */
async function toApiError(failure: unknown): Promise<FlexitiApiError> {
  if (failure instanceof HTTPError) {
    const text = await failure.response.text().catch(() => '');
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the reader falls back on the status.
    }
    return readApiError(failure.response.status, body);
  }
  if (failure instanceof TimeoutError) return localError('timeout');
  return localError('network_error');
}

async function post(route: 'lookup' | 'transactions', body: object): Promise<unknown> {
  const entry = logEvent(`POST ${ENDPOINT}/${route}`, '…');
  try {
    const response = await api.post(route, { json: body });
    settleEvent(entry, String(response.status));
    return await response.json();
  } catch (failure) {
    const error = await toApiError(failure);
    settleEvent(entry, error.status === undefined ? error.code : `${error.status} ${error.code}`);
    throw error;
  }
}

async function refreshFormValues(): Promise<void> {
  const lang = state.locale === 'fr-CA' ? 'fr' : 'en';
  const entry = logEvent(`GET ${ENDPOINT}/form-values`, '…');
  try {
    state.formValues = await loadFormValues({ endpoint: ENDPOINT, lang });
    settleEvent(entry, '200');
  } catch (failure) {
    const error = await toApiError(failure);
    settleEvent(entry, error.status === undefined ? error.code : `${error.status} ${error.code}`);
    // `<flexiti-apply>` shows its configuration message without form values; nothing else to do here.
  }
  update();
}

// ── Events panel ────────────────────────────────────────────────────────────────────────────────────────────

function logEvent(type: string, status: string): LoggedEvent {
  const entry = { id: nextEventId++, type, status };
  state.events = [...state.events.slice(-49), entry];
  update();
  return entry;
}

function settleEvent(entry: LoggedEvent, status: string): void {
  entry.status = status;
  update();
}

/** How an answered request ended: the HTTP status, or the error's code. */
async function answerStatus(answer: Promise<unknown>): Promise<string> {
  try {
    const value = await answer;
    return value instanceof Response ? String(value.status) : 'ok';
  } catch (failure) {
    if (failure instanceof HTTPError) return String(failure.response.status);
    const code = (failure as Partial<FlexitiApiError> | null)?.code;
    return typeof code === 'string' ? code : 'network_error';
  }
}

const REQUEST_EVENTS = [
  'flexiti-terms-request',
  'flexiti-apply-request',
  'flexiti-close-account-request',
  'flexiti-license-request',
  'flexiti-verify-request',
  'flexiti-verified',
] as const;

// Listening on window, after every listener on the page answered: the log sees the answer, never the request.
for (const type of REQUEST_EVENTS) {
  window.addEventListener(type, (event) => {
    const request = event as FlexitiRequestEvent<unknown>;
    const entry = logEvent(type, request.answered ? '…' : 'unanswered');
    if (request.answer) void answerStatus(request.answer).then((status) => settleEvent(entry, status));
  });
}
window.addEventListener('flexiti-result', (event) => logEvent('flexiti-result', event.detail.status));
window.addEventListener('flexiti-error', (event) => logEvent('flexiti-error', `${event.detail.type} ${event.detail.code}`));

// ── Actions ─────────────────────────────────────────────────────────────────────────────────────────────────

function goTo(step: Step): void {
  state.step = step;
  pendingFocus = `#${step}-heading`;
  update();
}

function setLocale(locale: Locale): void {
  if (state.locale === locale) return;
  state.locale = locale;
  applyLocale();
  void refreshFormValues();
}

function applyLocale(): void {
  // The elements follow <html lang>: one attribute switches the whole page.
  document.documentElement.lang = state.locale;
  document.title = words(state.locale).documentTitle;
  update();
}

function startNewCustomer(): void {
  state.journey = 'new';
  goTo('apply');
}

function startExistingCustomer(): void {
  state.journey = 'existing';
  goTo('lookup');
}

function fillSampleApplicant(province: 'ON' | 'QC'): void {
  const { tos_agreement: _consent, ...sample } = province === 'QC' ? SANDBOX_QUEBEC_APPLICANT : SANDBOX_APPLICANT;
  applyElement().prefill = { ...sample, amount_requested: TOTAL, language: state.locale };
}

function onApplyResult(event: FlexitiResultEvent): void {
  state.applyOutcome = event.detail.status;
  if (event.detail.status === 'approved') {
    const approval = event.detail.response as ApplyResponse;
    state.customer = {
      customer_id: String(approval.customer_id),
      // A new account is verified by a code sent to the phone or email it applied with.
      security_qid: [],
      available_credit: approval.available_credit,
      offers: approval.offer_types ?? offersOf(state.formValues),
    };
  }
  update();
}

function offersOf(formValues: unknown): unknown {
  return (formValues as { offer_types?: unknown } | undefined)?.offer_types;
}

function choosePlan(event: SubmitEvent): void {
  event.preventDefault();
  const picker = (event.target as HTMLFormElement).querySelector('flexiti-plan-picker') as FlexitiPlanPicker;
  // checkValidity() fires `invalid`, and the picker shows its own message.
  if (!picker.checkValidity() || !picker.value) {
    picker.focus();
    return;
  }
  state.plan = picker.value;
  state.planError = null;
  goTo('verify');
}

/** The code is known: post the purchase with it, and let the element show what goes wrong with the code. */
function onVerified(event: FlexitiVerifiedEvent): void {
  const plan = state.plan;
  if (!plan) return;
  const purchase = post('transactions', {
    transaction_type: plan.plan_id === '' ? 'regular_purchase' : 'promotional_purchase',
    ...(plan.plan_id === '' ? {} : { plan_id: plan.plan_id, term: plan.term }),
    amount: TOTAL,
    customer_id: event.detail.customer_id,
    verification_code: event.detail.verification_code,
    customer_confirmed: true,
  });
  event.detail.respondWith(purchase);
  purchase.then(
    (answer) => showReceipt(answer as Record<string, unknown>, plan),
    (error: FlexitiApiError) => {
      const aboutTheCode = error.code === 'wrong_verification_code' || error.code === 'verification_code_required';
      // The code step shows these; a refused plan or amount is for the plan step.
      if (!aboutTheCode && (error.type === 'declined' || /^plan_term/.test(error.code))) {
        state.planError = error;
        goTo('plan');
      }
    },
  );
}

function showReceipt(answer: Record<string, unknown>, plan: PlanChoice): void {
  const number = (value: unknown) => (value === undefined || value === '' ? undefined : Number(String(value).replace(/,/g, '')));
  state.receipt = {
    transactionId: String(answer['transaction_id'] ?? ''),
    planName: String(answer['plan_name'] || plan.plan_name),
    term: plan.term,
    amount: number(answer['promotional_amount']) ?? TOTAL,
    payment: number(answer['payment_value']),
    creditLeft: number(answer['balance_after_purchase']),
  };
  goTo('receipt');
}

function startOver(): void {
  state.journey = undefined;
  state.applyOutcome = undefined;
  state.customer = undefined;
  state.plan = undefined;
  state.planError = null;
  state.receipt = undefined;
  state.lookup = { ...state.lookup, values: { first_name: '', last_name: '', dob: '', postal_code: '', vcc_number: '' }, touched: new Set(), submitted: false, error: undefined };
  applyElement().reset();
  const picker = document.querySelector('flexiti-plan-picker');
  if (picker) picker.value = null;
  goTo('cart');
}

const applyElement = () => document.querySelector('flexiti-apply') as FlexitiApply;

// ── Lookup (the merchant's own form) ─────────────────────────────────────────────────────────────────────────

function lookupFields(): LookupField[] {
  return state.lookup.by === 'card' ? ['vcc_number'] : ['first_name', 'last_name', 'dob', 'postal_code'];
}

function lookupProblem(field: LookupField): FieldMessage | 'card' | undefined {
  const value = state.lookup.values[field];
  switch (field) {
    case 'first_name':
    case 'last_name': {
      const result = validateName(value);
      return result.ok ? undefined : result.error;
    }
    case 'dob': {
      const result = validateDate(value);
      return result.ok ? undefined : result.error;
    }
    case 'postal_code': {
      if (value.trim() === '') return undefined;
      const result = validatePostalCode(value);
      return result.ok ? undefined : result.error;
    }
    case 'vcc_number':
      return /^\d{16}$/.test(value.replace(/[\s-]/g, '')) ? undefined : 'card';
  }
}

function lookupErrorText(field: LookupField): string | undefined {
  if (!state.lookup.submitted && !state.lookup.touched.has(field)) return undefined;
  const problem = lookupProblem(field);
  if (!problem) return undefined;
  return problem === 'card' ? words(state.locale).cardInvalid : messageText(problem, state.locale);
}

async function submitLookup(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const lookup = state.lookup;
  if (lookup.busy) return;
  lookup.submitted = true;
  lookup.error = undefined;
  const invalid = lookupFields().find((field) => lookupProblem(field));
  if (invalid) {
    pendingFocus = `#lookup-${invalid}`;
    update();
    return;
  }
  const values = lookup.values;
  const lang = state.locale === 'fr-CA' ? 'fr' : 'en';
  const query =
    lookup.by === 'card'
      ? { vcc_number: values.vcc_number.replace(/[\s-]/g, ''), lang }
      : {
          lang,
          first_name: values.first_name.trim(),
          last_name: values.last_name.trim(),
          dob: values.dob.trim(),
          ...(values.postal_code.trim() ? { postal_code: values.postal_code.trim() } : {}),
        };
  lookup.busy = true;
  update();
  try {
    const found = (await post('lookup', query)) as LookupResponse;
    state.customer = {
      customer_id: String(found.customer_id),
      security_qid: found.security_qid,
      available_credit: Number(found.available_credit),
      offers: found.offer_types,
    };
    goTo('plan');
  } catch (failure) {
    lookup.error = failure as FlexitiApiError;
    pendingFocus = '#lookup-error';
  } finally {
    lookup.busy = false;
    update();
  }
}

function onLookupInput(field: LookupField, event: Event): void {
  state.lookup.values = { ...state.lookup.values, [field]: (event.target as HTMLInputElement).value };
  update();
}

function onLookupChange(field: LookupField): void {
  state.lookup.touched.add(field);
  update();
}

function setLookupBy(by: 'name' | 'card'): void {
  state.lookup.by = by;
  state.lookup.submitted = false;
  state.lookup.error = undefined;
  update();
}

// ── Rendering ───────────────────────────────────────────────────────────────────────────────────────────────

const root = document.querySelector('#app') as HTMLElement;

function update(): void {
  render(page(), root);
  if (pendingFocus) {
    const target = document.querySelector<HTMLElement>(pendingFocus);
    pendingFocus = undefined;
    target?.focus();
  }
}

function page(): TemplateResult {
  const w = words(state.locale);
  return html`
    <a class="skip-link" href="#checkout">${w.skipToCheckout}</a>
    <header>
      <div class="masthead">
      <h1 class="brand" translate="no">Maple &amp; Birch <span>${state.locale === 'fr-CA' ? 'Maison' : 'Home'}</span></h1>
      <div class="language" role="group" aria-label=${w.language}>
        ${(['en-CA', 'fr-CA'] as const).map(
          (locale) => html`<button
            type="button"
            lang=${locale}
            aria-pressed=${state.locale === locale ? 'true' : 'false'}
            @click=${() => setLocale(locale)}
          >
            ${locale === 'en-CA' ? 'English' : 'Français'}
          </button>`,
        )}
      </div>
      </div>
      <p class="banner">${w.banner}</p>
    </header>
    <div class="layout">
      <main id="checkout" tabindex="-1">
        ${cartStep()} ${chooseStep()} ${applyStep()} ${lookupStep()} ${planStep()} ${verifyStep()} ${receiptStep()}
      </main>
      <aside class="side">${eventsPanel()} ${personasPanel()}</aside>
    </div>
  `;
}

function stepSection(step: Step, heading: string, body: TemplateResult): TemplateResult {
  return html`<section class="step card" data-step=${step} aria-labelledby="${step}-heading" ?hidden=${state.step !== step}>
    <h2 id="${step}-heading" tabindex="-1">${heading}</h2>
    ${body}
  </section>`;
}

function orderTotal(): TemplateResult {
  const w = words(state.locale);
  return html`<p class="order-total">${w.total} <strong data-total>${money(TOTAL, state.locale)}</strong></p>`;
}

function cartStep(): TemplateResult {
  const w = words(state.locale);
  return stepSection(
    'cart',
    w.cartHeading,
    html`<table class="cart">
        <thead>
          <tr><th scope="col">${w.item}</th><th scope="col" class="num">${w.quantity}</th><th scope="col" class="num">${w.price}</th></tr>
        </thead>
        <tbody>
          ${CART.map(
            (line) => html`<tr>
              <th scope="row">${w[line.key]}</th>
              <td class="num">${line.quantity}</td>
              <td class="num">${money(line.quantity * line.unitPrice, state.locale)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr><th scope="row" colspan="2">${w.total}</th><td class="num"><strong data-total>${money(TOTAL, state.locale)}</strong></td></tr>
        </tfoot>
      </table>
      <div class="actions"><button type="button" class="primary pay" @click=${() => goTo('choose')}>${w.payWithFlexiti}</button></div>`,
  );
}

function chooseStep(): TemplateResult {
  const w = words(state.locale);
  return stepSection(
    'choose',
    w.chooseHeading,
    html`${orderTotal()}
      <p>${w.chooseLead}</p>
      <ul class="choices">
        <li>
          <button type="button" class="choice" aria-describedby="choose-new-hint" @click=${startNewCustomer}>${w.chooseNew}</button>
          <p class="hint" id="choose-new-hint">${w.chooseNewHint}</p>
        </li>
        <li>
          <button type="button" class="choice" aria-describedby="choose-existing-hint" @click=${startExistingCustomer}>${w.chooseExisting}</button>
          <p class="hint" id="choose-existing-hint">${w.chooseExistingHint}</p>
        </li>
      </ul>
      <div class="actions"><button type="button" @click=${() => goTo('cart')}>${w.backToCart}</button></div>`,
  );
}

function applyStep(): TemplateResult {
  const w = words(state.locale);
  const outcome = state.applyOutcome;
  return stepSection(
    'apply',
    w.applyHeading,
    html`${orderTotal()}
      ${outcome
        ? nothing
        : html`<div class="sample" role="group" aria-labelledby="sample-label">
            <span id="sample-label">${w.sampleApplicant}</span>
            <button type="button" @click=${() => fillSampleApplicant('ON')}>${w.sampleOntario}</button>
            <button type="button" @click=${() => fillSampleApplicant('QC')}>${w.sampleQuebec}</button>
          </div>`}
      <flexiti-apply .formValues=${state.formValues} .amount=${TOTAL} @flexiti-result=${onApplyResult}></flexiti-apply>
      <div class="actions">
        ${outcome === 'approved'
          ? html`<button type="button" class="primary" @click=${() => goTo('plan')}>${w.continueToPlan}</button>`
          : outcome === 'exists'
            ? html`<button type="button" class="primary" @click=${startExistingCustomer}>${w.findMyAccount}</button>`
            : outcome
              ? html`<button type="button" class="primary" @click=${startOver}>${w.otherPayment}</button>`
              : html`<button type="button" @click=${() => goTo('choose')}>${w.back}</button>`}
      </div>`,
  );
}

function lookupStep(): TemplateResult {
  const w = words(state.locale);
  const lookup = state.lookup;
  const field = (name: LookupField, label: string, hint: string | undefined, autocomplete: string, extra: { inputmode?: string } = {}) => {
    const error = lookupErrorText(name);
    const describedBy = [hint ? `lookup-${name}-hint` : '', error ? `lookup-${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for="lookup-${name}">${label}</label>
      ${hint ? html`<span class="hint" id="lookup-${name}-hint">${hint}</span>` : nothing}
      <input
        id="lookup-${name}"
        name=${name}
        autocomplete=${autocomplete}
        inputmode=${extra.inputmode ?? nothing}
        spellcheck="false"
        .value=${live(lookup.values[name])}
        ?disabled=${lookup.busy}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${(event: Event) => onLookupInput(name, event)}
        @change=${() => onLookupChange(name)}
      />
      ${error ? html`<p class="error" id="lookup-${name}-error">${error}</p>` : nothing}
    </div>`;
  };
  return stepSection(
    'lookup',
    w.lookupHeading,
    html`${orderTotal()}
      <form class="lookup" novalidate aria-labelledby="lookup-heading" aria-busy=${lookup.busy ? 'true' : 'false'} @submit=${submitLookup}>
        <fieldset class="by">
          <legend>${w.lookupBy}</legend>
          ${(['name', 'card'] as const).map(
            (by) => html`<label class="option">
              <input type="radio" name="lookup-by" .value=${by} .checked=${live(lookup.by === by)} ?disabled=${lookup.busy} @change=${() => setLookupBy(by)} />
              ${by === 'name' ? w.lookupByName : w.lookupByCard}
            </label>`,
          )}
        </fieldset>
        ${lookup.error
          ? html`<div class="alert" role="alert" id="lookup-error" tabindex="-1">
              <p><strong>${w.lookupFailed}</strong></p>
              <p>${errorText(lookup.error, state.locale)}</p>
            </div>`
          : nothing}
        ${lookup.by === 'card'
          ? field('vcc_number', w.cardNumber, w.cardHint, 'cc-number', { inputmode: 'numeric' })
          : html`<div class="row">
                ${field('first_name', w.firstName, undefined, 'given-name')} ${field('last_name', w.lastName, undefined, 'family-name')}
              </div>
              <div class="row">
                ${field('dob', w.dob, w.dobHint, 'bday', { inputmode: 'numeric' })} ${field('postal_code', w.postalCode, w.postalHint, 'postal-code')}
              </div>`}
        <p class="status" role="status">${lookup.busy ? w.lookupBusy : ''}</p>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${lookup.busy}>${w.lookupSubmit}</button>
          <button type="button" ?disabled=${lookup.busy} @click=${() => goTo('choose')}>${w.back}</button>
        </div>
      </form>`,
  );
}

function planStep(): TemplateResult {
  const w = words(state.locale);
  const customer = state.customer;
  return stepSection(
    'plan',
    w.planHeading,
    html`<dl class="figures">
        <div><dt>${w.planPurchase}</dt><dd data-total>${money(TOTAL, state.locale)}</dd></div>
        ${customer ? html`<div><dt>${w.planCredit}</dt><dd data-credit>${money(customer.available_credit, state.locale)}</dd></div>` : nothing}
      </dl>
      <form novalidate aria-labelledby="plan-heading" @submit=${choosePlan}>
        <flexiti-plan-picker
          name="plan"
          required
          .offers=${customer?.offers}
          .amount=${TOTAL}
          .error=${state.planError}
          @change=${(event: Event) => {
            state.planError = null;
            const choice = (event.target as FlexitiPlanPicker).value;
            logEvent('change', choice ? `plan ${choice.plan_id} · ${choice.term ?? '-'}` : 'none');
          }}
        ></flexiti-plan-picker>
        <div class="actions">
          <button type="submit" class="primary">${w.planContinue}</button>
          <button type="button" @click=${() => goTo(state.journey === 'new' ? 'apply' : 'lookup')}>${w.back}</button>
        </div>
      </form>`,
  );
}

function verifyStep(): TemplateResult {
  const w = words(state.locale);
  const plan = state.plan;
  const formats = state.journey === 'new' ? 'sms email' : 'sms email security_question merchant_override';
  // Leaving this step (to change the plan, or after the plan was refused) starts the verification over:
  // a code authorizes one purchase, for the plan it was asked for.
  const verifying = state.step === 'verify' || state.step === 'receipt';
  return stepSection(
    'verify',
    `${w.verifyHeading} ${money(TOTAL, state.locale)}`,
    html`${plan
        ? html`<p class="chosen-plan">
            ${w.receiptPlan}: <strong>${plan.plan_name}</strong>${plan.term ? html` · ${w.months(plan.term)}` : nothing}
          </p>`
        : nothing}
      ${state.journey === 'new' ? html`<p>${w.verifyNewCustomer}</p>` : nothing}
      <flexiti-verify .customer=${verifying ? state.customer : undefined} formats=${formats} @flexiti-verified=${onVerified}></flexiti-verify>
      <div class="actions"><button type="button" @click=${() => goTo('plan')}>${w.changePlan}</button></div>`,
  );
}

function receiptStep(): TemplateResult {
  const w = words(state.locale);
  const receipt = state.receipt;
  const row = (label: string, value: string | TemplateResult, key: string) => html`<div><dt>${label}</dt><dd data-receipt=${key}>${value}</dd></div>`;
  return stepSection(
    'receipt',
    w.receiptHeading,
    receipt
      ? html`<p>${w.receiptLead}</p>
          <dl class="receipt">
            ${row(w.receiptTransaction, receipt.transactionId, 'transaction')}
            ${row(w.receiptPlan, receipt.planName, 'plan')}
            ${receipt.term ? row(w.receiptTerm, w.months(receipt.term), 'term') : nothing}
            ${row(w.receiptAmount, money(receipt.amount, state.locale), 'amount')}
            ${receipt.payment !== undefined && Number.isFinite(receipt.payment) ? row(w.receiptPayment, money(receipt.payment, state.locale), 'payment') : nothing}
            ${receipt.creditLeft !== undefined && Number.isFinite(receipt.creditLeft) ? row(w.receiptCredit, money(receipt.creditLeft, state.locale), 'credit') : nothing}
          </dl>
          <div class="actions"><button type="button" class="primary" @click=${startOver}>${w.newOrder}</button></div>`
      : html``,
  );
}

function personasPanel(): TemplateResult {
  const w = words(state.locale);
  const seed = (id: string) => SEED_ACCOUNTS.find((account) => account.customer_id === id)!;
  const john = seed('43353');
  const outcomes = APPLY_PERSONAS.filter((persona) => ['Declined', 'Pending', 'Existing'].includes(persona.lastName))
    .map((persona) => persona.lastName)
    .join(', ');
  const account = (id: string, text: string, card = false) => {
    const person = seed(id);
    return html`<li>
      <strong translate="no">${person.first_name} ${person.last_name}</strong>
      <span class="meta">${w.personaBorn} <code>${person.dob}</code>${card ? html`, ${w.personaCard} <code>${person.vcc_number}</code>` : nothing}</span>
      <span>${text}</span>
    </li>`;
  };
  return html`<section class="card personas" aria-labelledby="personas-heading">
    <h2 id="personas-heading">${w.personasHeading}</h2>
    <ul>
      <li>${w.personaNewOntario}</li>
      <li>${w.personaNewQuebec}</li>
      <li>${w.personaOutcomes(outcomes)}</li>
      ${account('43353', w.personaJohn(john.security_answers['4'] ?? ''), true)}
      ${account('829825', w.personaMorley)}
      ${account('51001', w.personaFrozen)}
      ${account('51004', w.personaNoOverride)}
    </ul>
    <p><strong>${w.personasCode(SANDBOX_SMS_CODE)}</strong></p>
    <p class="hint">${w.fullDocs}</p>
  </section>`;
}

function eventsPanel(): TemplateResult {
  const w = words(state.locale);
  return html`<section class="card events" aria-labelledby="events-heading">
    <h2 id="events-heading">${w.eventsHeading}</h2>
    <p class="hint" id="events-hint">${w.eventsHint}</p>
    ${state.events.length === 0
      ? html`<p class="empty">${w.eventsEmpty}</p>`
      : html`<ol class="event-log" tabindex="0" aria-labelledby="events-heading" aria-describedby="events-hint">
          ${state.events.map(
            (entry) => html`<li data-event=${entry.type}>
              <code class="type">${entry.type}</code>
              <span class="status" data-status>${entry.status}</span>
            </li>`,
          )}
        </ol>`}
    <button type="button" ?disabled=${state.events.length === 0} @click=${() => {
      state.events = [];
      update();
    }}>${w.eventsClear}</button>
  </section>`;
}

applyLocale();
void refreshFormValues();
