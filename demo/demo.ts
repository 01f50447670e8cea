/**
 * A merchant's checkout on the Flexiti sandbox: what `npm start` serves, and what a merchant would write.
 *
 * The merchant's server creates one checkout per cart visit, for the cart's amount as it computes it
 * (`POST /demo/checkout` → `flexiti.createCheckout({orderId, amount, channel: 'online'})`, scripts/demo-backend.ts),
 * and the page mounts `<flexiti-checkout checkout="…" endpoint="/api/flexiti">`: the element does the whole
 * journey (new or existing customer, plan, verification, purchase, receipt). The page keeps only its own
 * concerns: the cart, the language switch, the events panel and the personas panel.
 *
 * Like a real store's checkout page, it survives a reload and follows the browser's Back button: the order (the
 * server's answer: ids and cart, nothing the customer typed) is kept in sessionStorage, so a reload reopens the
 * same checkout at the step the server knows; each step the checkout shows is a history entry, and Back calls
 * the checkout's `back()`.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import '../src/define/flexiti-checkout.js';
import type { FlexitiCheckout } from '../src/components/checkout/checkout.js';
import type { FlexitiRequestEvent } from '../src/events/request-event.js';
import type { CheckoutCompleteStatus } from '../src/events/checkout.js';
import { APPLY_PERSONAS, SANDBOX_SMS_CODE, SEED_ACCOUNTS } from '../src/server/sandbox/personas.js';
import { DEMO_CHECKOUT_PATH, DEMO_RESET_PATH, type DemoCheckout } from './cart.js';
import { apiLang, normalizeLocale } from '../src/model/locale.js';
import { money, words, type Locale } from './i18n.js';
import { freshApplicant } from './sample.js';

const ENDPOINT = '/api/flexiti';

/** One line of the events panel: what happened and how it ended. Never a request or response body. */
interface LoggedEvent {
  id: number;
  type: string;
  status: string;
}

const state = {
  locale: initialLocale(),
  /** The order and its checkout, as the merchant's server created them. */
  order: undefined as DemoCheckout | undefined,
  orderError: false,
  /** How the checkout ended, once it did. */
  outcome: undefined as CheckoutCompleteStatus | undefined,
  events: [] as LoggedEvent[],
  /** What the reset control last said (`resetting`, `done`, `failed`), until the next order. */
  reset: undefined as 'resetting' | 'done' | 'failed' | undefined,
};

/** Sample identities already filled in on this page: each click is a new person, approved every time. */
const usedSamples = new Set<string>();

let nextEventId = 1;

/**
 * `?lang=fr`, else the browser's language: the checkout is created in it (plan names, security questions and
 * terms come in the checkout's language), so a French-speaking customer gets French from the first request.
 */
function initialLocale(): Locale {
  return normalizeLocale(new URLSearchParams(location.search).get('lang') ?? navigator.language);
}

// ── The merchant's server: one checkout per cart visit ─────────────────────────────────────────────────────

/** The order this tab is paying, as the server created it (ids and cart only), so a reload reopens it. */
const ORDER_KEY = 'flexiti-demo-order';

function keptOrder(): DemoCheckout | undefined {
  try {
    const kept = JSON.parse(sessionStorage.getItem(ORDER_KEY) ?? 'null') as DemoCheckout | null;
    return kept && typeof kept.checkout === 'string' && kept.expiresAt > Date.now() ? kept : undefined;
  } catch {
    return undefined;
  }
}

function keepOrder(order: DemoCheckout | undefined): void {
  try {
    if (order) sessionStorage.setItem(ORDER_KEY, JSON.stringify(order));
    else sessionStorage.removeItem(ORDER_KEY);
  } catch {
    // Storage refused (private mode, quota): a reload then starts a new order, as before.
  }
}

async function createOrder(): Promise<void> {
  state.order = undefined;
  state.orderError = false;
  state.outcome = undefined;
  keepOrder(undefined);
  forgetTrail();
  const entry = logEvent(`POST ${DEMO_CHECKOUT_PATH}`, '…');
  try {
    const response = await fetch(`${DEMO_CHECKOUT_PATH}?lang=${apiLang(state.locale)}`, {
      method: 'POST',
      credentials: 'same-origin',
    });
    settleEvent(entry, String(response.status));
    if (!response.ok) throw new Error(String(response.status));
    state.order = (await response.json()) as DemoCheckout;
    keepOrder(state.order);
  } catch {
    if (entry.status === '…') settleEvent(entry, 'network_error');
    state.orderError = true;
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
    const response = (failure as { response?: unknown } | null)?.response;
    if (response instanceof Response) return String(response.status);
    const code = (failure as { code?: unknown } | null)?.code;
    return typeof code === 'string' ? code : 'network_error';
  }
}

const REQUEST_EVENTS = [
  'flexiti-checkout-request',
  'flexiti-form-values-request',
  'flexiti-terms-request',
  'flexiti-apply-request',
  'flexiti-close-account-request',
  'flexiti-license-request',
  'flexiti-lookup-request',
  'flexiti-verify-request',
  'flexiti-purchase-request',
] as const;

// Listening on window, after every listener on the page answered: the log sees the answer, never the request.
for (const type of REQUEST_EVENTS) {
  window.addEventListener(type, (event) => {
    const request = event as FlexitiRequestEvent<unknown>;
    const entry = logEvent(type, request.answered ? '…' : 'unanswered');
    if (request.answer) void answerStatus(request.answer).then((status) => settleEvent(entry, status));
  });
}
window.addEventListener('flexiti-checkout-step', (event) =>
  logEvent(
    'flexiti-checkout-step',
    event.detail.ending ? `${event.detail.step} ${event.detail.ending}` : event.detail.step,
  ),
);
// ── Browser history: each step of the checkout is an entry, so Back goes to the previous step ─────────────

/** The steps this page pushed, by history position (holes where an entry came from before a reload). */
const trail: string[] = [];
let position = -1;
/** The page itself moved the history (the checkout's own Back button): the next popstate is its echo. */
let echoPending = false;
/** The checkout is stepping back because the browser did: its step events are not new entries. */
let followingBrowser = false;

interface HistoryMark {
  checkout: string;
  position: number;
}

const markOf = (value: unknown): HistoryMark | undefined => {
  const mark = value as Partial<HistoryMark> | null;
  return typeof mark?.checkout === 'string' && typeof mark.position === 'number' ? (mark as HistoryMark) : undefined;
};

function forgetTrail(): void {
  trail.length = 0;
  position = -1;
}

function followStep(step: string): void {
  const checkout = state.order?.checkout;
  if (step === 'loading' || followingBrowser || !checkout) return;
  if (position < 0) {
    // The first step of this checkout: this entry (a reload keeps its position among the entries before it).
    const mark = markOf(history.state);
    position = mark?.checkout === checkout ? mark.position : 0;
    trail[position] = step;
    history.replaceState({ checkout, position } satisfies HistoryMark, '');
    return;
  }
  if (trail[position] === step) return;
  if (position > 0 && trail[position - 1] === step) {
    // The checkout's own Back button: the browser's history steps back with it.
    position -= 1;
    echoPending = true;
    history.back();
    return;
  }
  position += 1;
  trail.splice(position, Infinity, step);
  history.pushState({ checkout, position } satisfies HistoryMark, '');
}

window.addEventListener('popstate', (event) => {
  if (echoPending) {
    echoPending = false;
    return;
  }
  const mark = markOf(event.state);
  const element = document.querySelector<FlexitiCheckout>('flexiti-checkout');
  if (!mark || !element || mark.checkout !== state.order?.checkout) return;
  if (mark.position > position) {
    // Forward: the checkout cannot redo a step by itself; the history returns to where the checkout is.
    echoPending = true;
    history.go(position - mark.position);
    return;
  }
  followingBrowser = true;
  try {
    while (position > mark.position) {
      const before = element.currentStep;
      element.back();
      if (element.currentStep === before) break;
      position -= 1;
      trail[position] = element.currentStep;
    }
  } finally {
    followingBrowser = false;
  }
  if (position > mark.position) {
    // No way back from here (a receipt, an ending): an entry for where the checkout still is.
    const step = element.currentStep;
    position = mark.position + 1;
    trail.splice(position, Infinity, step);
    history.pushState({ checkout: mark.checkout, position } satisfies HistoryMark, '');
  }
});

window.addEventListener('flexiti-checkout-step', (event) => {
  followStep(event.detail.step);
  // An expired checkout cannot be reopened: the next reload starts a new order.
  if (event.detail.ending === 'expired') keepOrder(undefined);
});

window.addEventListener('flexiti-checkout-complete', (event) => {
  logEvent('flexiti-checkout-complete', event.detail.status);
  state.outcome = event.detail.status;
  update();
});
window.addEventListener('flexiti-result', (event) => logEvent('flexiti-result', event.detail.status));
window.addEventListener('flexiti-error', (event) =>
  logEvent('flexiti-error', `${event.detail.type} ${event.detail.code}`),
);

// ── Actions ─────────────────────────────────────────────────────────────────────────────────────────────────

function setLocale(locale: Locale): void {
  if (state.locale === locale) return;
  state.locale = locale;
  applyLocale();
}

function applyLocale(): void {
  // The elements follow <html lang>: one attribute switches the whole page.
  document.documentElement.lang = state.locale;
  document.title = words(state.locale).documentTitle;
  update();
}

/**
 * The personas panel's shortcut: a sample applicant for the customer to check and send, a new person each
 * click, so it is approved every time (the sandbox refuses the same name and birth date twice).
 */
function fillSampleApplicant(province: 'ON' | 'QC'): void {
  const checkout = document.querySelector<FlexitiCheckout>('flexiti-checkout');
  if (checkout) checkout.prefill = { ...freshApplicant(province, usedSamples), language: state.locale };
}

async function newOrder(): Promise<void> {
  state.reset = undefined;
  await createOrder();
  document.querySelector<HTMLElement>('#cart-heading')?.focus();
}

/** Development only: the sandbox back to its seed (John Doe's credit, no applied accounts), then a new order. */
async function resetSandbox(): Promise<void> {
  state.reset = 'resetting';
  update();
  const entry = logEvent(`POST ${DEMO_RESET_PATH}`, '…');
  try {
    const response = await fetch(DEMO_RESET_PATH, { method: 'POST', credentials: 'same-origin' });
    settleEvent(entry, String(response.status));
    if (!response.ok) throw new Error(String(response.status));
  } catch {
    if (entry.status === '…') settleEvent(entry, 'network_error');
    state.reset = 'failed';
    update();
    return;
  }
  usedSamples.clear();
  await createOrder();
  state.reset = 'done';
  update();
}

// ── Rendering ───────────────────────────────────────────────────────────────────────────────────────────────

const root = document.querySelector('#app') as HTMLElement;

function update(): void {
  render(page(), root);
}

function page(): TemplateResult {
  const w = words(state.locale);
  return html`
    <header>
      <a class="skip-link" href="#checkout">${w.skipToCheckout}</a>
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
      <main id="checkout" tabindex="-1">${cartSection()} ${checkoutSection()}</main>
      <aside class="side">${eventsPanel()} ${personasPanel()}</aside>
    </div>
  `;
}

function cartSection(): TemplateResult {
  const w = words(state.locale);
  const order = state.order;
  return html`<section class="step card" data-step="cart" aria-labelledby="cart-heading">
    <h2 id="cart-heading" tabindex="-1">${w.cartHeading}</h2>
    ${
      order
        ? html`<table class="cart">
          <thead>
            <tr><th scope="col">${w.item}</th><th scope="col" class="num">${w.quantity}</th><th scope="col" class="num">${w.price}</th></tr>
          </thead>
          <tbody>
            ${order.cart.lines.map(
              (line) => html`<tr>
                <th scope="row">${w[line.key]}</th>
                <td class="num">${line.quantity}</td>
                <td class="num">${money(line.quantity * line.unitPrice, state.locale)}</td>
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr><th scope="row" colspan="2">${w.total}</th><td class="num"><strong data-total>${money(order.cart.total, state.locale)}</strong></td></tr>
          </tfoot>
        </table>
        <p class="hint">${w.orderNumber} <span data-order translate="no">${order.orderId}</span></p>`
        : state.orderError
          ? html`<div class="alert" role="alert">
            <p>${w.orderFailed}</p>
            <button type="button" @click=${() => void createOrder()}>${w.tryAgain}</button>
          </div>`
          : html`<p role="status">${w.orderLoading}</p>`
    }
  </section>`;
}

function checkoutSection(): TemplateResult | typeof nothing {
  const order = state.order;
  if (!order) return nothing;
  const w = words(state.locale);
  return html`<section class="card" aria-label=${w.checkoutLabel}>
    <flexiti-checkout checkout=${order.checkout} endpoint=${ENDPOINT} order-id=${order.orderId}></flexiti-checkout>
    ${
      state.outcome
        ? html`<div class="actions">
          ${state.outcome !== 'purchased' ? html`<p>${w.otherPaymentNote}</p>` : nothing}
          <button type="button" class="primary" data-new-order @click=${() => void newOrder()}>${w.newOrder}</button>
        </div>`
        : nothing
    }
  </section>`;
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
    <div class="sample" role="group" aria-labelledby="sample-label">
      <span id="sample-label">${w.sampleApplicant}</span>
      <button type="button" @click=${() => fillSampleApplicant('ON')}>${w.sampleOntario}</button>
      <button type="button" @click=${() => fillSampleApplicant('QC')}>${w.sampleQuebec}</button>
    </div>
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
    ${
      state.order?.canReset
        ? html`<div class="reset">
          <button type="button" data-reset ?disabled=${state.reset === 'resetting'} @click=${() => void resetSandbox()}>${w.resetSandbox}</button>
          <p role="status" class="hint">${state.reset === 'done' ? w.resetDone : state.reset === 'failed' ? w.resetFailed : ''}</p>
        </div>`
        : nothing
    }
  </section>`;
}

function eventsPanel(): TemplateResult {
  const w = words(state.locale);
  return html`<section class="card events" aria-labelledby="events-heading">
    <h2 id="events-heading">${w.eventsHeading}</h2>
    <p class="hint" id="events-hint">${w.eventsHint}</p>
    ${
      state.events.length === 0
        ? html`<p class="empty">${w.eventsEmpty}</p>`
        : html`<ol class="event-log" tabindex="0" aria-labelledby="events-heading" aria-describedby="events-hint">
          ${state.events.map(
            (entry) => html`<li data-event=${entry.type}>
              <code class="type">${entry.type}</code>
              <span class="status" data-status>${entry.status}</span>
            </li>`,
          )}
        </ol>`
    }
    <button type="button" ?disabled=${state.events.length === 0} @click=${() => {
      state.events = [];
      update();
    }}>${w.eventsClear}</button>
  </section>`;
}

applyLocale();
const kept = keptOrder();
if (kept) {
  // A reload: the same order and checkout; the checkout shows the step its server knows.
  state.order = kept;
  update();
} else void createOrder();
