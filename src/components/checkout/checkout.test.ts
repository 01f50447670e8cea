import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../define/flexiti-checkout.js';
import type { FlexitiCheckout } from './checkout.js';
import type { FlexitiApply } from '../apply/apply.js';
import type { FlexitiPlanPicker } from '../plan-picker/plan-picker.js';
import { setLocale } from '../../internal/locale.js';
import { connect } from '../../connect/index.js';
import { HOST_CONNECTED_EVENT } from '../../events/request-event.js';
import { applyWith, seedFormValues, setField, control, VALID } from '../../../test/browser/apply-harness.js';
import { $, deepActiveElement, enabledControls, text } from '../../../test/browser/dom.js';
import { APPROVAL, OFFERS } from '../../../test/browser/contract-answers.js';

// ── The fake host: answers the request events as the handler would (docs/checkout-sessions.md) ──

const AMOUNT = 1644;
const LOOKUP = {
  security_qid: [{ id: '4', text: 'What is the name of your first pet?' }],
  methods: ['sms', 'email', 'security_question'],
  offer_types: OFFERS,
};
const RECEIPT = {
  status: 'purchased',
  transaction_id: 'T-900',
  plan_id: '5',
  plan_name: 'Equal Payments, No Interest',
  term: 12,
  amount: AMOUNT,
  payment_value: 137,
  card_last4: '4242',
};
const errorBody =
  (status: number, error: string, extra: object = {}) =>
  () =>
    new Response(JSON.stringify({ url: '/x', message: error, error, ...extra }), {
      status,
      headers: { 'content-type': 'application/json' },
    });
const ok = (body: unknown) => () =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

type Answer = () => unknown;

interface HostOptions {
  checkout?: Answer;
  apply?: Answer[];
  close?: Answer;
  lookup?: Answer[];
  verify?: Answer[];
  purchase?: Answer[];
  lang?: string;
  /** Don't answer anything (for the self-connected element). */
  silent?: boolean;
  attributes?: Record<string, string>;
}

interface Mounted {
  el: FlexitiCheckout;
  wrapper: HTMLElement;
  /** Requests by event type, in order. */
  requests: Record<string, Record<string, unknown>[]>;
  /** Every non-request event's detail, by type (what the page sees). */
  seen: { type: string; detail: unknown }[];
}

const containers = new Set<HTMLElement>();
afterEach(() => {
  containers.forEach((container) => container.remove());
  containers.clear();
});

const NOTIFICATIONS = [
  'flexiti-checkout-step',
  'flexiti-checkout-complete',
  'flexiti-error',
  'flexiti-result',
  'flexiti-verified',
];

async function mount(options: HostOptions = {}): Promise<Mounted> {
  const container = document.createElement('div');
  containers.add(container);
  document.body.append(container);
  const wrapper = document.createElement('div');
  wrapper.lang = options.lang ?? 'en-CA';
  const requests: Mounted['requests'] = {};
  const seen: Mounted['seen'] = [];
  const next = (answers: Answer[] | undefined, fallback: Answer): Answer =>
    answers && answers.length > 1 ? answers.shift()! : (answers?.[0] ?? fallback);
  const answer = (type: string, pick: () => Answer | undefined) =>
    wrapper.addEventListener(type, (event) => {
      const detail = (
        event as CustomEvent & { detail: { request: Record<string, unknown>; respondWith(a: unknown): void } }
      ).detail;
      (requests[type] ??= []).push({ ...detail.request });
      if (options.silent) return;
      const chosen = pick();
      if (chosen) detail.respondWith(chosen());
    });
  answer(
    'flexiti-checkout-request',
    () =>
      options.checkout ??
      ok({ amount: AMOUNT, currency: 'CAD', channel: 'online', status: 'open', order_id: 'order-77' }),
  );
  answer('flexiti-form-values-request', () => () => seedFormValues());
  answer('flexiti-terms-request', () => () => `<div><h2>Terms</h2><p>Text.</p></div>`);
  answer('flexiti-apply-request', () => next(options.apply, ok(APPROVAL)));
  answer('flexiti-close-account-request', () => options.close ?? ok({ status: 'cancelled' }));
  answer('flexiti-lookup-request', () => next(options.lookup, ok(LOOKUP)));
  answer('flexiti-verify-request', () => next(options.verify, ok({ status: 'code_sent', sent_to: 'sms' })));
  answer('flexiti-purchase-request', () => next(options.purchase, ok(RECEIPT)));
  for (const type of NOTIFICATIONS) {
    wrapper.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
  }
  const el = document.createElement('flexiti-checkout');
  for (const [name, value] of Object.entries(options.attributes ?? {})) el.setAttribute(name, value);
  wrapper.append(el);
  container.append(wrapper);
  await setLocale(wrapper.lang);
  await el.updateComplete;
  return { el, wrapper, requests, seen };
}

const visibleStep = (el: FlexitiCheckout) => $(el, 'section[part~="step"]:not([hidden])')?.getAttribute('data-step');
const headingText = (el: FlexitiCheckout) => text($(el, 'section[part~="step"]:not([hidden]) h2'));
const applyEl = (el: FlexitiCheckout) => $<FlexitiApply>(el, 'flexiti-apply')!;
const pickerEl = (el: FlexitiCheckout) => $<FlexitiPlanPicker>(el, 'flexiti-plan-picker')!;
const verifyEl = (el: FlexitiCheckout) => $<HTMLElement & { updateComplete: Promise<boolean> }>(el, 'flexiti-verify')!;
const verifyRoot = (el: FlexitiCheckout) => verifyEl(el).shadowRoot!;

/** The verification methods `<flexiti-verify>` offers on the verify step, in order. */
async function verifyMethods(el: FlexitiCheckout): Promise<string[]> {
  await verifyEl(el).updateComplete;
  return [...verifyRoot(el).querySelectorAll<HTMLInputElement>('input[name="format"]')].map((input) => input.value);
}

async function atStep(el: FlexitiCheckout, step: string): Promise<void> {
  await waitUntil(() => visibleStep(el) === step, `expected step ${step}, saw ${visibleStep(el)}`);
  await el.updateComplete;
}

async function click(el: FlexitiCheckout, selector: string): Promise<void> {
  const button = $<HTMLButtonElement>(el, `section:not([hidden]) ${selector}`);
  if (!button) throw new Error(`no ${selector} in step ${visibleStep(el)}`);
  button.click();
  await el.updateComplete;
}

/** Focus is on the shown step's heading. */
/** What `flexiti-checkout-complete` told the page, in order. */
const completions = (seen: Mounted['seen']) =>
  seen.filter((e) => e.type === 'flexiti-checkout-complete').map((e) => e.detail as { status: string });

/** The checkout ended: its "ended" step shown, its heading focused, `words` in it, accessible. */
async function expectEnded(el: FlexitiCheckout, words: string): Promise<void> {
  await atStep(el, 'ended');
  await focusOnHeading(el);
  expect(text($(el, '[data-step="ended"]'))).to.contain(words);
  await expect(el).to.be.accessible();
}

async function focusOnHeading(el: FlexitiCheckout): Promise<void> {
  await waitUntil(
    () => deepActiveElement() === $(el, 'section:not([hidden]) h2'),
    `focus is on ${deepActiveElement()?.outerHTML.slice(0, 80)}`,
  );
}

async function approveNewCustomer(el: FlexitiCheckout, overrides: Record<string, string> = {}): Promise<void> {
  await click(el, '[data-choice="new"]');
  await atStep(el, 'apply');
  await waitUntil(() => applyEl(el).formValues !== undefined, 'form values were not loaded');
  await applyEl(el).updateComplete;
  // The checkout's amount is the application's.
  expect(control(applyEl(el), 'amount_requested').value.replace(/[^\d.]/g, '')).to.match(/^1644(\.00)?$/);
  await applyWith(applyEl(el), { amount_requested: String(AMOUNT), ...overrides });
}

async function choosePlan(el: FlexitiCheckout, planId = '5', term = 12): Promise<void> {
  await atStep(el, 'plan');
  const picker = pickerEl(el);
  await picker.updateComplete;
  picker.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${planId}"]`)!.click();
  await picker.updateComplete;
  picker
    .shadowRoot!.querySelector<HTMLInputElement>(
      `input[name$="term"][value="${term}"], input[type="radio"][value="${term}"]`,
    )!
    .click();
  await picker.updateComplete;
  await click(el, '[data-continue]');
}

async function sendSmsCode(el: FlexitiCheckout, code: string): Promise<void> {
  await atStep(el, 'verify');
  const verify = verifyEl(el);
  await verify.updateComplete;
  const sms = verifyRoot(el).querySelector<HTMLInputElement>('#format-sms');
  if (sms) sms.click();
  await verify.updateComplete;
  verifyRoot(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
  await waitUntil(() => verifyRoot(el).querySelector('#verification_code'), 'no code field');
  await typeCode(el, code);
}

async function typeCode(el: FlexitiCheckout, code: string): Promise<void> {
  const verify = verifyEl(el);
  const input = verifyRoot(el).querySelector<HTMLInputElement>('#verification_code')!;
  input.value = code;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await verify.updateComplete;
  verifyRoot(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
  await verify.updateComplete;
}

const lookupEl = (el: FlexitiCheckout) => $<HTMLElement & { updateComplete: Promise<boolean> }>(el, 'flexiti-lookup')!;

/** Types a name and date of birth into `<flexiti-lookup>` and sends it; the fake host answers. */
async function lookUp(
  el: FlexitiCheckout,
  values: Record<string, string> = { first_name: 'John', last_name: 'Doe', dob: '1980-01-01' },
): Promise<void> {
  await click(el, '[data-choice="existing"]');
  await atStep(el, 'lookup');
  const lookup = lookupEl(el);
  await lookup.updateComplete;
  for (const [name, value] of Object.entries(values)) {
    const input = lookup.shadowRoot!.querySelector<HTMLInputElement>(`#${name}`)!;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await lookup.updateComplete;
  }
  lookup.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await lookup.updateComplete;
}

// Each test starts on an English page (one language per page; some tests switch it).
beforeEach(() => setLocale('en-CA'));

describe('<flexiti-checkout>', () => {
  describe('loading the checkout', () => {
    it('asks the host for the checkout and shows step 1 with its amount, without taking focus', async () => {
      const { el, requests, seen } = await mount();
      await atStep(el, 'choose');
      expect(requests['flexiti-checkout-request']).to.have.length(1);
      expect(headingText(el)).to.equal('Step 1 of 4 Pay with Flexiti');
      expect(text($(el, 'section:not([hidden]) [data-amount]'))).to.equal('$1,644.00');
      expect(deepActiveElement()).to.not.equal($(el, '#choose-heading'));
      expect(seen.filter((e) => e.type === 'flexiti-checkout-step').map((e) => e.detail)).to.deep.equal([
        { step: 'choose', total: 4, index: 1 },
      ]);
      await expect(el).to.be.accessible();
    });

    it('shows a failed load in words with Try again, then goes on', async () => {
      const answers = [
        () => Promise.reject(new TypeError('Failed to fetch')),
        ok({ amount: 100, channel: 'online', status: 'open' }),
      ];
      const { el } = await mount({ checkout: () => answers.shift()!() });
      await waitUntil(() => $(el, '[part="notice"]'), 'no notice');
      expect(headingText(el)).to.equal("We couldn't load this checkout");
      await expect(el).to.be.accessible();
      await click(el, '[part="notice"] button');
      await atStep(el, 'choose');
      expect(text($(el, 'section:not([hidden]) [data-amount]'))).to.equal('$100.00');
    });

    it('loads when a host connects after the page loaded (a framework hydrating late), once', async () => {
      const { el, wrapper, requests } = await mount({ silent: true });
      await waitUntil(() => $(el, '[part="notice"]'), 'no notice while nobody answers');
      expect(requests['flexiti-checkout-request']).to.have.length(1);
      wrapper.addEventListener('flexiti-checkout-request', (event) =>
        event.detail.respondWith(ok({ amount: 250, channel: 'online', status: 'open' })()),
      );
      window.dispatchEvent(new Event(HOST_CONNECTED_EVENT));
      await atStep(el, 'choose');
      expect(text($(el, 'section:not([hidden]) [data-amount]'))).to.equal('$250.00');
      window.dispatchEvent(new Event(HOST_CONNECTED_EVENT));
      await el.updateComplete;
      expect(requests['flexiti-checkout-request']).to.have.length(2, 'asked once more, not on every announcement');
    });

    it('an unknown or expired checkout (401) ends in words: start again', async () => {
      const { el, seen } = await mount({ checkout: errorBody(401, 'checkout_expired') });
      await atStep(el, 'ended');
      expect($(el, '[data-step="ended"]')!.getAttribute('data-ending')).to.equal('expired');
      expect(text($(el, '[data-step="ended"]'))).to.contain('Reload the page to start again');
      expect(completions(seen)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('another checkout (the next order) starts afresh: nothing of the previous customer is kept', async () => {
      const amounts = [
        ok({ amount: AMOUNT, channel: 'online', status: 'open' }),
        ok({ amount: 300, channel: 'online', status: 'open' }),
      ];
      const { el, requests } = await mount({ checkout: () => amounts.shift()!(), attributes: { checkout: 'first' } });
      await atStep(el, 'choose');
      await click(el, '[data-choice="new"]');
      await atStep(el, 'apply');
      await waitUntil(() => applyEl(el).formValues !== undefined);
      await setField(applyEl(el), 'first_name', 'Zoë');
      el.setAttribute('checkout', 'second');
      await atStep(el, 'choose');
      expect(requests['flexiti-checkout-request']).to.have.length(2);
      expect(text($(el, 'section:not([hidden]) [data-amount]'))).to.equal('$300.00');
      expect($(el, 'flexiti-apply')).to.equal(null);
    });

    it('a reload after a lookup resumes at the plan, with the plans, methods and questions the server kept', async () => {
      const { el, requests, seen } = await mount({
        checkout: ok({
          amount: AMOUNT,
          channel: 'online',
          status: 'open',
          customer: { verified: false, source: 'lookup', security_qid: LOOKUP.security_qid },
          offer_types: OFFERS,
          methods: LOOKUP.methods,
        }),
      });
      await atStep(el, 'plan');
      expect(deepActiveElement()).to.not.equal($(el, '#plan-heading'));
      expect(seen.filter((e) => e.type === 'flexiti-checkout-step').map((e) => e.detail)).to.deep.equal([
        { step: 'plan', total: 4, index: 3 },
      ]);
      await choosePlan(el, '1', 12);
      await atStep(el, 'verify');
      expect(await verifyMethods(el)).to.deep.equal(['sms', 'email', 'security_question']);
      expect(requests['flexiti-lookup-request']).to.equal(undefined);
    });

    it('a reload after a lookup whose credit falls short says so again before any plan or code; Back: the lookup', async () => {
      const { el, requests, seen } = await mount({
        checkout: ok({
          amount: AMOUNT,
          channel: 'online',
          status: 'open',
          customer: { verified: false, source: 'lookup', security_qid: LOOKUP.security_qid, can_pay: false },
          offer_types: OFFERS,
          methods: LOOKUP.methods,
        }),
      });
      await atStep(el, 'ended');
      expect($(el, '[data-step="ended"]')!.getAttribute('data-ending')).to.equal('insufficient_credit');
      expect(text($(el, '[data-step="ended"]'))).to.contain('no code was sent');
      expect(deepActiveElement()).to.not.equal($(el, '#ended-heading'));
      expect($(el, 'flexiti-plan-picker')).to.equal(null);
      expect(completions(seen)).to.have.length(0);
      await expect(el).to.be.accessible();
      await click(el, '[data-back]');
      await atStep(el, 'lookup');
      expect(requests['flexiti-verify-request']).to.equal(undefined);
    });

    it('a reload after an approval resumes at the plan with no Back to an empty application', async () => {
      const { el, requests } = await mount({
        checkout: ok({
          amount: AMOUNT,
          channel: 'online',
          status: 'approved',
          customer: { verified: false, source: 'apply', card_last4: '4242' },
          offer_types: OFFERS,
        }),
      });
      await atStep(el, 'plan');
      expect($(el, 'section[data-step="plan"] [data-back]'), 'no Back button').to.equal(null);
      el.back();
      await el.updateComplete;
      expect(visibleStep(el), 'back() stays').to.equal('plan');
      expect($(el, 'flexiti-apply'), 'no application form').to.equal(null);
      expect(requests['flexiti-form-values-request'], 'no form values for a form never shown').to.equal(undefined);
      await expect(el).to.be.accessible();
      // Further on, Back still works: from the code to the plan.
      await choosePlan(el);
      await atStep(el, 'verify');
      expect(await verifyMethods(el)).to.deep.equal(['sms', 'email']);
      await click(el, '[data-back]');
      await atStep(el, 'plan');
    });

    it('an open checkout with no customer bound starts at step 1, even when plans are listed', async () => {
      const { el } = await mount({
        checkout: ok({ amount: AMOUNT, channel: 'online', status: 'open', offer_types: OFFERS }),
      });
      await atStep(el, 'choose');
    });

    it('a checkout already purchased shows its receipt', async () => {
      const { el } = await mount({
        checkout: ok({ amount: AMOUNT, channel: 'online', status: 'purchased', receipt: RECEIPT }),
      });
      await atStep(el, 'receipt');
      expect(text($(el, '[data-receipt="transaction"]'))).to.equal('T-900');
    });
  });

  describe('new customer', () => {
    it('apply → plan → code → purchase → receipt, focus on each heading, and the complete event', async () => {
      const { el, requests, seen } = await mount();
      await atStep(el, 'choose');
      await approveNewCustomer(el);
      expect(requests['flexiti-form-values-request']).to.deep.equal([{ lang: 'en' }]);
      expect(requests['flexiti-apply-request']![0]!.amount_requested).to.equal(AMOUNT);
      await waitUntil(() => $(el, 'section:not([hidden]) [data-continue]'), 'no Continue after the approval');
      await expect(el).to.be.accessible();
      await click(el, '[data-continue]');
      await atStep(el, 'plan');
      await focusOnHeading(el);
      expect(headingText(el)).to.equal('Step 3 of 4 Choose how to pay');
      await expect(el).to.be.accessible();
      await choosePlan(el, '5', 12);
      await atStep(el, 'verify');
      await focusOnHeading(el);
      expect(headingText(el)).to.equal("Step 4 of 4 Confirm it's you");
      // A new account: a code by SMS or email only.
      await verifyEl(el).updateComplete;
      expect(
        [...verifyRoot(el).querySelectorAll('input[name="format"]')].map((i) => (i as HTMLInputElement).value),
      ).to.deep.equal(['sms', 'email']);
      await expect(el).to.be.accessible();
      await sendSmsCode(el, '2222');
      await atStep(el, 'receipt');
      await focusOnHeading(el);
      expect(requests['flexiti-purchase-request']).to.deep.equal([
        { plan_id: '5', term: 12, verification_code: '2222' },
      ]);
      expect(text($(el, '[data-receipt="plan"]'))).to.equal('Equal Payments, No Interest');
      expect(text($(el, '[data-receipt="term"]'))).to.equal('12 months');
      expect(text($(el, '[data-receipt="payment"]'))).to.equal('$137.00');
      expect(text($(el, '[data-receipt="amount"]'))).to.equal('$1,644.00');
      expect(text($(el, '[data-receipt="card"]'))).to.equal('Ending in 4242');
      await expect(el).to.be.accessible();
      const complete = completions(seen);
      expect(complete).to.deep.equal([{ orderId: 'order-77', status: 'purchased', transaction_id: 'T-900' }]);
      const steps = seen
        .filter((e) => e.type === 'flexiti-checkout-step')
        .map((e) => (e.detail as { step: string }).step);
      expect(steps).to.deep.equal(['choose', 'apply', 'plan', 'verify', 'receipt']);
    });

    it('before any code: a confirmation with amount, plan, term, payment, cost, APR and first payment date', async () => {
      const { el } = await mount({
        checkout: ok({
          amount: AMOUNT,
          currency: 'CAD',
          channel: 'online',
          status: 'open',
          order_id: 'order-77',
          plan_rates: { '4': 12 },
          plan_fees: { '4': 25 },
        }),
        apply: [
          ok({
            ...APPROVAL,
            offer_types: [
              ...APPROVAL.offer_types,
              {
                plan_id: '4',
                plan_name: 'Equal Payments, Regular Interest',
                offer_category: 'equal_billing',
                term_options: [6, 12],
              },
            ],
          }),
        ],
      });
      await atStep(el, 'choose');
      await approveNewCustomer(el);
      await click(el, '[data-continue]');
      await atStep(el, 'plan');
      expect(pickerEl(el).rates).to.deep.equal({ '4': 12 });
      expect(pickerEl(el).fees).to.deep.equal({ '4': 25 });
      await choosePlan(el, '4', 6);
      await atStep(el, 'verify');
      const confirm = (key: string) => text($(el, `[data-confirm="${key}"]`));
      expect(confirm('amount')).to.equal('$1,644.00');
      expect(confirm('plan')).to.equal('Equal Payments, Regular Interest');
      expect(confirm('term')).to.equal('6 months');
      expect(confirm('payment')).to.equal('$283.67');
      expect(confirm('cost')).to.equal('$83.02');
      expect(confirm('total')).to.equal('$1,727.02');
      expect(confirm('apr')).to.equal('12%');
      const next = new Date();
      next.setDate(1);
      next.setMonth(next.getMonth() + 1);
      expect(confirm('first-payment')).to.contain(new Intl.DateTimeFormat('en-CA', { month: 'long' }).format(next));
      // Nothing was sent before the customer saw it.
      expect(verifyRoot(el).querySelector('#verification_code')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('without a rate: the confirmation says the APR is confirmed before paying, and invents no payment', async () => {
      const { el } = await mount();
      await atStep(el, 'choose');
      await approveNewCustomer(el);
      await click(el, '[data-continue]');
      await choosePlan(el, '1', 24);
      await atStep(el, 'verify');
      expect(text($(el, '[data-confirm="apr"]'))).to.equal('Confirmed before you pay');
      expect($(el, '[data-confirm="payment"]')).to.equal(null);
    });

    it('the receipt: APR, first payment, card ending and where to manage the account', async () => {
      const { el } = await mount({ purchase: [ok({ ...RECEIPT, apr: 0 })] });
      await atStep(el, 'choose');
      await approveNewCustomer(el);
      await click(el, '[data-continue]');
      await choosePlan(el, '5', 12);
      await atStep(el, 'verify');
      await sendSmsCode(el, '2222');
      await atStep(el, 'receipt');
      expect(text($(el, '[data-receipt="apr"]'))).to.equal('0%');
      expect(text($(el, '[data-receipt="first-payment"]'))).to.match(/\d{4}/);
      expect(text($(el, '[data-receipt="card"]'))).to.equal('Ending in 4242');
      expect(text($(el, '[data-manage]'))).to.contain('my.flexiti.com');
      await expect(el).to.be.accessible();
    });

    it('Back keeps everything typed in the application, and the same element', async () => {
      const { el } = await mount();
      await atStep(el, 'choose');
      await click(el, '[data-choice="new"]');
      await atStep(el, 'apply');
      await focusOnHeading(el);
      expect(headingText(el)).to.equal('Step 2 of 4 New customer');
      await waitUntil(() => applyEl(el).formValues !== undefined);
      const apply = applyEl(el);
      await apply.updateComplete;
      await expect(el).to.be.accessible();
      await setField(apply, 'first_name', 'Zoë');
      await setField(apply, 'city', 'Toronto');
      await click(el, '[data-back]');
      await atStep(el, 'choose');
      await focusOnHeading(el);
      await click(el, '[data-choice="new"]');
      await atStep(el, 'apply');
      expect(applyEl(el)).to.equal(apply);
      expect(control(apply, 'first_name').value).to.equal('Zoë');
      expect(control(apply, 'city').value).to.equal('Toronto');
    });

    it('Back from the code to the plan keeps the plan; a different plan starts the verification over', async () => {
      const { el, requests } = await mount();
      await atStep(el, 'choose');
      await approveNewCustomer(el);
      await click(el, '[data-continue]');
      await choosePlan(el, '1', 24);
      await atStep(el, 'verify');
      expect(text($(el, '[data-confirm="term"]'))).to.equal('24 months');
      await click(el, '[data-back]');
      await atStep(el, 'plan');
      expect(pickerEl(el).value).to.include({ plan_id: '1', term: 24 });
      await click(el, '[data-back]');
      await atStep(el, 'apply');
      await click(el, '[data-continue]');
      await atStep(el, 'plan');
      expect(pickerEl(el).value).to.include({ plan_id: '1', term: 24 });
      await choosePlan(el, '5', 6);
      await sendSmsCode(el, '2222');
      await atStep(el, 'receipt');
      expect(requests['flexiti-purchase-request']).to.deep.equal([
        { plan_id: '5', term: 6, verification_code: '2222' },
      ]);
    });

    it('a wrong code is shown on the code field; the right one then buys once', async () => {
      const { el, requests } = await mount({
        purchase: [
          errorBody(400, 'wrong_verification_code', {
            field_errors: [{ field: 'verification_code', message: 'wrong' }],
          }),
          ok(RECEIPT),
        ],
      });
      await atStep(el, 'choose');
      await approveNewCustomer(el);
      await click(el, '[data-continue]');
      await choosePlan(el);
      await sendSmsCode(el, '1111');
      await waitUntil(
        () => text(verifyRoot(el).querySelector('#verification_code-message')) !== '',
        'no error on the code',
      );
      expect(visibleStep(el)).to.equal('verify');
      expect(verifyRoot(el).querySelector('#verification_code')!.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
      await typeCode(el, '2222');
      await atStep(el, 'receipt');
      expect(requests['flexiti-purchase-request']!.map((r) => r.verification_code)).to.deep.equal(['1111', '2222']);
    });

    it('too many wrong codes: the code is void, the customer chooses again with the reason shown', async () => {
      const { el } = await mount({ purchase: [errorBody(409, 'verification_void')] });
      await atStep(el, 'choose');
      await approveNewCustomer(el);
      await click(el, '[data-continue]');
      await choosePlan(el);
      await sendSmsCode(el, '1111');
      // `<flexiti-verify>` goes back to the choice of method, with the reason on it.
      await waitUntil(() => verifyRoot(el).querySelector('input[name="format"]'), 'verify did not start over');
      await waitUntil(() => text(verifyRoot(el).querySelector('#format-message')) !== '', 'no reason shown');
      expect(visibleStep(el)).to.equal('verify');
      await expect(el).to.be.accessible();
    });

    it('a plan the server refuses brings the customer back to the plan with the reason', async () => {
      const { el } = await mount({
        purchase: [errorBody(400, 'plan_not_offered', { field_errors: [{ field: 'plan_id', message: 'no' }] })],
      });
      await atStep(el, 'choose');
      await approveNewCustomer(el);
      await click(el, '[data-continue]');
      await choosePlan(el);
      await sendSmsCode(el, '2222');
      await atStep(el, 'plan');
      await waitUntil(() => pickerEl(el).shadowRoot!.querySelector('[part~="error"]'), 'no error on the picker');
      await expect(el).to.be.accessible();
    });

    it('a declined purchase (not enough credit) ends in words: pay another way', async () => {
      const { el, seen } = await mount({ purchase: [errorBody(400, 'not_enough_credit')] });
      await atStep(el, 'choose');
      await approveNewCustomer(el);
      await click(el, '[data-continue]');
      await choosePlan(el);
      await sendSmsCode(el, '2222');
      await expectEnded(el, 'Choose another way to pay for this order.');
      expect($(el, '[data-step="ended"]')!.getAttribute('data-ending')).to.equal('purchase_declined');
      expect(completions(seen)).to.deep.equal([{ orderId: 'order-77', status: 'declined' }]);
    });

    it('a declined application ends in words, once', async () => {
      const { el, seen } = await mount({ apply: [errorBody(409, 'application_declined')] });
      await atStep(el, 'choose');
      await approveNewCustomer(el);
      await expectEnded(el, 'Choose another way to pay for this order.');
      expect(headingText(el)).to.equal("Your application wasn't approved");
      expect(completions(seen)).to.deep.equal([{ orderId: 'order-77', status: 'declined' }]);
    });

    it('a pending application ends in words: no need to apply again', async () => {
      const { el, seen } = await mount({ apply: [errorBody(409, 'application_marked_pending_1')] });
      await atStep(el, 'choose');
      await approveNewCustomer(el);
      await atStep(el, 'ended');
      expect(headingText(el)).to.equal('Your application is being reviewed');
      expect(text($(el, '[data-step="ended"]'))).to.contain('To finish this order now, choose another way to pay.');
      expect(completions(seen).map((complete) => complete.status)).to.deep.equal(['pending']);
    });

    it('an existing customer who applied is offered to find the account', async () => {
      const { el } = await mount({ apply: [errorBody(409, 'customer_already_exists')] });
      await atStep(el, 'choose');
      await approveNewCustomer(el);
      await waitUntil(() => $(el, 'section:not([hidden]) [data-find-account]'), 'no Find my account');
      await click(el, '[data-find-account]');
      await atStep(el, 'lookup');
      await focusOnHeading(el);
    });

    it('Quebec: cancel the new account ends in words; keep goes on to the plan', async () => {
      const quebec = { ...APPROVAL, debt_ratio: 0.25, closable: true };
      const { el, requests, seen } = await mount({ apply: [ok(quebec)] });
      await atStep(el, 'choose');
      await approveNewCustomer(el, {
        province: 'QC',
        city: 'Montréal',
        postal_code: 'H2X 1Y4',
        phone_number: '514 555 0199',
        monthly_housing_expenses: '900',
      });
      const apply = applyEl(el);
      await waitUntil(() => apply.shadowRoot!.querySelector('[part="cancel-account-button"]'), 'no Quebec choice');
      expect($(el, 'section:not([hidden]) [data-continue]')).to.equal(null);
      await expect(el).to.be.accessible();
      apply.shadowRoot!.querySelector<HTMLButtonElement>('[part="cancel-account-button"]')!.click();
      await apply.updateComplete;
      apply.shadowRoot!.querySelector<HTMLButtonElement>('[part="cancel-account-button"]')!.click();
      await atStep(el, 'ended');
      expect(requests['flexiti-close-account-request']).to.have.length(1);
      expect(headingText(el)).to.equal('Your account was cancelled');
      expect(completions(seen).map((complete) => complete.status)).to.deep.equal(['cancelled']);
      await expect(el).to.be.accessible();
    });
  });

  describe("words for who is there: the checkout's channel", () => {
    const toVerify = async (el: FlexitiCheckout) => {
      await atStep(el, 'choose');
      await lookUp(el);
      await atStep(el, 'plan');
      await choosePlan(el, '5', 12);
      await atStep(el, 'verify');
      await verifyEl(el).updateComplete;
    };
    const verifyHeading = (el: FlexitiCheckout) => text(verifyRoot(el).querySelector('h2'));

    it('online (from the server): the verification addresses the customer', async () => {
      const { el } = await mount();
      await toVerify(el);
      expect(verifyHeading(el)).to.equal('Confirm your identity');
    });

    it('in_store (from the server): it addresses the clerk', async () => {
      const { el } = await mount({
        checkout: ok({ amount: AMOUNT, currency: 'CAD', channel: 'in_store', status: 'open', order_id: 'o' }),
      });
      await toVerify(el);
      expect(verifyHeading(el)).to.equal("Verify the customer's identity");
    });

    it("the page's channel attribute overrides the server's wording (not what the server allows)", async () => {
      const { el } = await mount({
        attributes: { channel: 'online' },
        checkout: ok({ amount: AMOUNT, currency: 'CAD', channel: 'in_store', status: 'open', order_id: 'o' }),
      });
      await toVerify(el);
      expect(verifyHeading(el)).to.equal('Confirm your identity');
    });
  });

  describe('credit shortfall, before any code', () => {
    it('a lookup answering can_pay false ends in words before the plan; Back tries another account', async () => {
      const { el, requests, seen } = await mount({ lookup: [ok({ ...LOOKUP, can_pay: false })] });
      await atStep(el, 'choose');
      await lookUp(el);
      await atStep(el, 'ended');
      await focusOnHeading(el);
      expect(headingText(el)).to.equal("Your Flexiti credit doesn't cover this purchase");
      const body = text($(el, 'section[data-step="ended"]'));
      expect(body).to.contain('less than $1,644.00');
      expect(body).to.contain('no code was sent');
      expect(requests['flexiti-verify-request'], 'no code').to.equal(undefined);
      expect(requests['flexiti-purchase-request']).to.equal(undefined);
      expect(completions(seen)).to.have.length(0);
      await expect(el).to.be.accessible();
      await click(el, '[data-back]');
      await atStep(el, 'lookup');
    });

    it('can_pay true goes on to the plan as before', async () => {
      const { el } = await mount({ lookup: [ok({ ...LOOKUP, can_pay: true })] });
      await atStep(el, 'choose');
      await lookUp(el);
      await atStep(el, 'plan');
    });
  });

  describe('existing customer', () => {
    it("lookup → plan with the lookup's plans → verify with its methods → purchase", async () => {
      const { el, requests } = await mount();
      await atStep(el, 'choose');
      await lookUp(el);
      await atStep(el, 'plan');
      expect(requests['flexiti-lookup-request']).to.have.length(1);
      await focusOnHeading(el);
      await choosePlan(el, '1', 12);
      await atStep(el, 'verify');
      expect(await verifyMethods(el)).to.deep.equal(['sms', 'email', 'security_question']);
      await sendSmsCode(el, '2222');
      await atStep(el, 'receipt');
      expect(requests['flexiti-purchase-request']).to.deep.equal([
        { plan_id: '1', term: 12, verification_code: '2222' },
      ]);
    });

    it('a wrong security answer is shown on its field; the right one buys with no code from the page', async () => {
      const { el, requests } = await mount({
        verify: [
          errorBody(409, 'secret_answer_mismatch', { field_errors: [{ field: 'security_answer', message: 'no' }] }),
          ok({ status: 'verified' }),
        ],
      });
      await atStep(el, 'choose');
      await lookUp(el);
      await choosePlan(el, '5', 10);
      await atStep(el, 'verify');
      const verify = verifyEl(el);
      await verify.updateComplete;
      verifyRoot(el).querySelector<HTMLInputElement>('#format-security_question')!.click();
      await verify.updateComplete;
      verifyRoot(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
      await waitUntil(() => verifyRoot(el).querySelector('#security_answer'), 'no answer field');
      const answerWith = async (value: string) => {
        const input = verifyRoot(el).querySelector<HTMLInputElement>('#security_answer')!;
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await verify.updateComplete;
        verifyRoot(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
        await verify.updateComplete;
      };
      await answerWith('Rex');
      await waitUntil(
        () => verifyRoot(el).querySelector('#security_answer')?.getAttribute('aria-invalid') === 'true',
        'the wrong answer is not marked',
      );
      expect(requests['flexiti-purchase-request']).to.equal(undefined);
      await expect(el).to.be.accessible();
      await answerWith('Buddy');
      await atStep(el, 'receipt');
      expect(requests['flexiti-verify-request']!.map((r) => r.security_answer)).to.deep.equal(['Rex', 'Buddy']);
      expect(requests['flexiti-purchase-request']).to.deep.equal([{ plan_id: '5', term: 10 }]);
    });

    it('no store override on an online checkout, even if the lookup named it', async () => {
      const { el } = await mount({ lookup: [ok({ ...LOOKUP, methods: ['sms', 'merchant_override'] })] });
      await atStep(el, 'choose');
      await lookUp(el);
      await choosePlan(el);
      await atStep(el, 'verify');
      await verifyEl(el).updateComplete;
      expect(
        [...verifyRoot(el).querySelectorAll('input[name="format"]')].map((i) => (i as HTMLInputElement).value),
      ).to.deep.equal(['sms']);
    });

    it("a frozen account ends in words with Flexiti's number; Back returns to the lookup", async () => {
      const { el } = await mount({ lookup: [errorBody(409, 'user_not_able_to_purchase')] });
      await atStep(el, 'choose');
      await click(el, '[data-choice="existing"]');
      await atStep(el, 'lookup');
      await focusOnHeading(el);
      expect(headingText(el)).to.equal('Step 2 of 4 Existing customer');
      await lookupEl(el).updateComplete;
      await expect(el).to.be.accessible();
      await click(el, '[data-back]');
      await atStep(el, 'choose');
      await lookUp(el);
      const lookup = lookupEl(el);
      await atStep(el, 'ended');
      await focusOnHeading(el);
      expect($(el, '[data-step="ended"]')!.getAttribute('data-ending')).to.equal('frozen');
      expect($(el, '[data-step="ended"] a[href^="tel:"]')).to.not.equal(null);
      expect(text($(el, '[data-step="ended"]'))).to.contain('Choose another way to pay for this order.');
      await expect(el).to.be.accessible();
      await click(el, '[data-back]');
      await atStep(el, 'lookup');
      expect(lookupEl(el)).to.equal(lookup);
      // What was typed is still there.
      expect(lookup.shadowRoot!.querySelector<HTMLInputElement>('#first_name')!.value).to.equal('John');
    });

    it('an account not activated ends in words: activate, or pay another way', async () => {
      const { el } = await mount({ lookup: [errorBody(409, 'user_not_active')] });
      await atStep(el, 'choose');
      await lookUp(el);
      await atStep(el, 'ended');
      expect(headingText(el)).to.equal("Your account isn't activated yet");
      expect(text($(el, '[data-step="ended"]'))).to.contain('my.flexiti.com');
    });
  });

  describe('French', () => {
    it('every step speaks Canadian French', async () => {
      const { el, requests } = await mount({ lang: 'fr-CA' });
      await atStep(el, 'choose');
      expect(headingText(el)).to.equal('Étape 1 sur 4 Payer avec Flexiti');
      expect(text($(el, 'section:not([hidden]) [data-amount]'))).to.equal('1 644,00 $');
      await expect(el).to.be.accessible();
      await approveNewCustomer(el);
      expect(requests['flexiti-form-values-request']).to.deep.equal([{ lang: 'fr' }]);
      await click(el, '[data-continue]');
      await atStep(el, 'plan');
      expect(headingText(el)).to.equal('Étape 3 sur 4 Choisissez comment payer');
      await choosePlan(el);
      await atStep(el, 'verify');
      expect(headingText(el)).to.equal("Étape 4 sur 4 Confirmez qu'il s'agit bien de vous");
      await sendSmsCode(el, '2222');
      await atStep(el, 'receipt');
      expect(headingText(el)).to.equal('Merci! Votre achat est approuvé');
      expect(text($(el, '[data-receipt="term"]'))).to.equal('12 mois');
      expect(text($(el, '[data-receipt="card"]'))).to.equal('Se terminant par 4242');
      await expect(el).to.be.accessible();
    });

    it('a frozen account ends in French', async () => {
      const { el } = await mount({ lang: 'fr-CA', lookup: [errorBody(409, 'user_not_able_to_purchase')] });
      await atStep(el, 'choose');
      await lookUp(el, { first_name: 'Jean', last_name: 'Tremblay', dob: '1980-01-01' });
      await atStep(el, 'ended');
      expect(headingText(el)).to.equal('Ce compte ne peut pas servir à des achats pour le moment');
      expect(text($(el, '[data-step="ended"]'))).to.contain(
        'Choisissez un autre mode de paiement pour cette commande.',
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('layout', () => {
    it('fits 320 px and stays accessible in the dark scheme, first step to receipt', async () => {
      await setViewport({ width: 320, height: 640 });
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const { el } = await mount();
        await atStep(el, 'choose');
        const fits = () => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= 320;
        expect(fits(), 'the first step fits 320 px').to.equal(true);
        await expect(el).to.be.accessible();
        await approveNewCustomer(el);
        await click(el, '[data-continue]');
        await choosePlan(el);
        await sendSmsCode(el, '2222');
        await atStep(el, 'receipt');
        expect(fits(), 'the receipt fits 320 px').to.equal(true);
        await expect(el).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
        await setViewport({ width: 800, height: 600 });
      }
    });
  });

  describe('privacy', () => {
    it("the page's events carry no personal information and no code", async () => {
      const { el, seen } = await mount();
      await atStep(el, 'choose');
      await approveNewCustomer(el);
      await click(el, '[data-continue]');
      await choosePlan(el);
      await sendSmsCode(el, '2222');
      await atStep(el, 'receipt');
      const mine = seen.filter((e) => e.type.startsWith('flexiti-checkout'));
      const all = JSON.stringify(mine.map((e) => e.detail));
      for (const secret of [
        VALID.first_name!,
        VALID.last_name!,
        VALID.dob!,
        VALID.sin!.replace(/ /g, ''),
        VALID.email!,
        '2222',
        '4242',
      ]) {
        expect(all, secret).to.not.contain(secret);
      }
    });
  });

  describe('connected', () => {
    let realFetch: typeof fetch;
    beforeEach(() => (realFetch = window.fetch));
    afterEach(() => (window.fetch = realFetch));

    it('with checkout and endpoint, every request goes to the handler with x-flexiti-checkout', async () => {
      const seenRequests: { url: string; checkout: string | null }[] = [];
      window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        seenRequests.push({ url: new URL(request.url).pathname, checkout: request.headers.get('x-flexiti-checkout') });
        return new Response(JSON.stringify({ amount: 250, currency: 'CAD', channel: 'online', status: 'open' }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      };
      const { el } = await mount({
        silent: true,
        attributes: { checkout: 'abcDEF0123456789abcDEF', endpoint: '/api/flexiti' },
      });
      await atStep(el, 'choose');
      expect(seenRequests).to.deep.equal([{ url: '/api/flexiti/checkout', checkout: 'abcDEF0123456789abcDEF' }]);
      expect(text($(el, 'section:not([hidden]) [data-amount]'))).to.equal('$250.00');
      // The application's form values: a public GET in the page's language.
      await click(el, '[data-choice="new"]');
      await waitUntil(() => seenRequests.length === 2, 'no form-values request');
      expect(seenRequests[1]).to.deep.equal({ url: '/api/flexiti/form-values', checkout: null });
    });

    it('inside a page that called connect(document, {endpoint, checkout}), without attributes', async () => {
      const seenRequests: { url: string; checkout: string | null }[] = [];
      window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        seenRequests.push({ url: new URL(request.url).pathname, checkout: request.headers.get('x-flexiti-checkout') });
        return new Response(JSON.stringify({ amount: 99.5, currency: 'CAD', channel: 'online', status: 'open' }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      };
      const disconnect = connect(document, { endpoint: '/shop/flexiti', checkout: 'PageCheckout0123456789' });
      try {
        const { el } = await mount({ silent: true });
        await atStep(el, 'choose');
        expect(seenRequests).to.deep.equal([{ url: '/shop/flexiti/checkout', checkout: 'PageCheckout0123456789' }]);
        expect(text($(el, 'section:not([hidden]) [data-amount]'))).to.equal('$99.50');
      } finally {
        disconnect();
      }
    });
  });

  describe('public API: disabled and state', () => {
    it('disabled: its own buttons disabled, forwarded to each step, and the lookup sends nothing', async () => {
      const { el, requests } = await mount();
      await atStep(el, 'choose');
      await click(el, '[data-choice="existing"]');
      await atStep(el, 'lookup');
      el.disabled = true;
      await el.updateComplete;
      expect(el.hasAttribute('disabled')).to.equal(true);
      expect(enabledControls(el)).to.deep.equal([]);
      const lookup = lookupEl(el) as ReturnType<typeof lookupEl> & { disabled: boolean };
      expect(lookup.disabled).to.equal(true);
      await lookup.updateComplete;
      lookup.shadowRoot!.querySelector('form')!.requestSubmit();
      await lookup.updateComplete;
      expect(requests['flexiti-lookup-request']).to.equal(undefined);
      el.disabled = false;
      await el.updateComplete;
      expect(lookup.disabled).to.equal(false);
      await click(el, '[data-back]');
      await atStep(el, 'choose');
      await lookUp(el);
      await atStep(el, 'plan');
      el.disabled = true;
      await el.updateComplete;
      expect(pickerEl(el).disabled).to.equal(true);
      await pickerEl(el).updateComplete;
      expect(pickerEl(el).shadowRoot!.querySelector('input[name="plan"]')!.matches(':disabled')).to.equal(true);
    });

    it('state: each step through the journey, with its custom state', async () => {
      const { el } = await mount();
      const states: string[] = [];
      el.addEventListener('flexiti-checkout-step', () => void el.updateComplete.then(() => states.push(el.state)));
      await atStep(el, 'choose');
      expect(el.state).to.equal('choose');
      expect(el.matches(':state(choose)') && !el.matches(':state(loading)')).to.equal(true);
      await lookUp(el);
      await atStep(el, 'plan');
      await choosePlan(el, '1', 12);
      await atStep(el, 'verify');
      await sendSmsCode(el, '2222');
      await atStep(el, 'receipt');
      await el.updateComplete;
      expect(el.state).to.equal('receipt');
      expect(el.matches(':state(receipt)') && !el.matches(':state(verify)')).to.equal(true);
      expect(states).to.include.members(['lookup', 'plan', 'verify', 'receipt']);
    });
  });
});
