import { expect, fixture, html, waitUntil, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/flexiti-verify.js';
import { setLocale } from '../../internal/locale.js';
import type { FlexitiVerify } from './verify.js';
import { type Locale, type LookupResult } from '../../model/index.js';
import { textIn, textNow } from '../../../test/texts.js';
import type { FlexitiPurchaseRequestEvent, FlexitiVerifiedEvent } from '../../events/requests.js';
import type { FlexitiErrorEvent, FlexitiPurchaseResultEvent } from '../../events/notifications.js';
import {
  $,
  answerRequests,
  disableAndSubmit,
  expectFocus,
  fieldErrorOf,
  mountIn,
  settleBusy,
  text,
} from '../../../test/browser/dom.js';
import { fakeCooldownClock } from '../../../test/browser/fake-clock.js';

// ── Seed responses (test/fixtures/seed-examples.json, generated from seed 003) ──

type SeedBodies = Record<string, unknown>;
let verifySeeds: SeedBodies;
let purchaseSeeds: SeedBodies;
let lookup: LookupResult;

before(async () => {
  const seeds = (await (
    await fetch(new URL('../../../test/fixtures/seed-examples.json', import.meta.url))
  ).json()) as Record<string, SeedBodies>;
  verifySeeds = seeds['POST /client-id/{client_id}/customers/{customer_id}/verify']!;
  purchaseSeeds = seeds['POST /client-id/{client_id}/transactions']!;
  // The contract's lookup answer (what <flexiti-lookup> reports), with the seed's questions and plans.
  const seedLookup = seeds['GET /client-id/{client_id}/customers/lookup']!.response as Record<string, unknown>;
  lookup = {
    security_qid: seedLookup.security_qid,
    methods: [...ALL_METHODS],
    offer_types: seedLookup.offer_types,
  } as LookupResult;
});

const ALL_METHODS = ['sms', 'email', 'security_question', 'merchant_override'] as const;

/** The contract's verify answers (docs/checkout-sessions.md) for the seed's success examples. */
const CONTRACT_SUCCESS: Record<string, unknown> = {
  '200 - Success - SMS': { status: 'code_sent', sent_to: 'sms' },
  '200 - Success - Email': { status: 'code_sent', sent_to: 'email' },
  '200 - Success - Override': { status: 'verified' },
};

/** The contract's purchase receipt. */
const RECEIPT = {
  status: 'purchased',
  transaction_id: '167639',
  plan_id: '1',
  plan_name: '90 Days Grace, Equal Payments Regular Interest',
  term: 12,
  amount: 1695,
  payment_value: 141.25,
  apr: 0,
  card_last4: '8234',
};

/** A host answer built from a seed example: its label starts with the HTTP status ("409 - Account Not Found"). */
function seedAnswer(bodies: SeedBodies, label: string): () => Response {
  const body = bodies === verifySeeds && label in CONTRACT_SUCCESS ? CONTRACT_SUCCESS[label] : bodies[label];
  if (body === undefined) throw new Error(`no seed example "${label}"`);
  const status = Number(label.split(' ')[0]);
  return () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
const verifySeed = (label: string) => seedAnswer(verifySeeds, label);
const purchaseSeed = (label: string) => seedAnswer(purchaseSeeds, label);
const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

// ── Mounting and answering ──

interface MountOptions {
  lang?: Locale;
  formats?: string;
  cooldown?: number;
  customer?: unknown;
  /** Who the words address: these tests exercise every method, the store override included, so `in_store`. */
  channel?: 'online' | 'in_store';
}

async function mount({
  lang = 'en-CA',
  formats,
  cooldown = 0,
  customer = lookup,
  channel = 'in_store',
}: MountOptions = {}): Promise<FlexitiVerify> {
  const el = await mountIn<FlexitiVerify>(
    lang,
    'flexiti-verify',
    html`<flexiti-verify channel=${channel} .customer=${customer} formats=${formats ?? 'sms email security_question merchant_override'} resend-cooldown=${cooldown}></flexiti-verify>`,
  );
  if (lang === 'fr-CA')
    await waitUntil(
      () =>
        heading(el).textContent?.trim() !== '' && !/[Vv]erify|unavailable|Confirm your/.test(heading(el).textContent!),
      'French did not load',
    );
  return el;
}

type Answer = () => unknown;

/** Answers every `flexiti-verify-request` with the next answer (the last one repeats); records the requests. */
function answerVerify(el: FlexitiVerify, ...answers: Answer[]): Record<string, unknown>[] {
  return answerRequests(el, 'flexiti-verify-request', ...answers);
}

/**
 * Answers every `flexiti-purchase-request` with the next answer (the last one repeats; the receipt when none is
 * given) and records the requests.
 */
function answerPurchase(el: FlexitiVerify, ...answers: Answer[]): Record<string, unknown>[] {
  return answerRequests(el, 'flexiti-purchase-request', ...(answers.length === 0 ? [json(RECEIPT)] : answers));
}

/** Records `flexiti-verified` details (as JSON, to prove what they carry). */
function verifiedOf(el: FlexitiVerify): Record<string, unknown>[] {
  const details: Record<string, unknown>[] = [];
  el.addEventListener('flexiti-verified', (event: FlexitiVerifiedEvent) =>
    details.push(JSON.parse(JSON.stringify(event.detail))),
  );
  return details;
}

/** Answers verify requests with `answer` and purchases with the receipt; records all four streams. */
function answerAndRecord(el: FlexitiVerify, answer: Answer) {
  return {
    requests: answerVerify(el, answer),
    purchases: answerPurchase(el),
    verified: verifiedOf(el),
    receipts: receiptsOf(el),
  };
}

function receiptsOf(el: FlexitiVerify): unknown[] {
  const receipts: unknown[] = [];
  el.addEventListener('flexiti-purchase-result', (event: FlexitiPurchaseResultEvent) => receipts.push(event.detail));
  return receipts;
}

function errorsOf(el: FlexitiVerify): ErrorDetailRecord[] {
  const errors: ErrorDetailRecord[] = [];
  el.addEventListener('flexiti-error', (event: FlexitiErrorEvent) => errors.push({ ...event.detail }));
  return errors;
}
type ErrorDetailRecord = Record<string, unknown>;

// ── Queries ──

const heading = (el: FlexitiVerify) => $(el, 'h2')!;
const radio = (el: FlexitiVerify, value: string) => $<HTMLInputElement>(el, `input[type="radio"][value="${value}"]`);
const submit = (el: FlexitiVerify) => $<HTMLButtonElement>(el, 'button[type="submit"]')!;
const answerField = (el: FlexitiVerify) => $<HTMLInputElement>(el, '#security_answer')!;
const codeField = (el: FlexitiVerify) => $<HTMLInputElement>(el, '#verification_code')!;
const notice = (el: FlexitiVerify) => $(el, '#notice');
const buttonNamed = (el: FlexitiVerify, name: RegExp) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((button) => name.test(text(button)));

const settle = settleBusy;

/** Presses the step's submit button and waits for what it asked to settle. */
async function submitStep(el: FlexitiVerify): Promise<void> {
  submit(el).click();
  await settle(el);
}

async function choose(el: FlexitiVerify, format: string): Promise<void> {
  radio(el, format)!.click();
  await el.updateComplete;
  await submitStep(el);
}

/** Types with real key events into a field of the element. */
async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  await sendKeys({ type: value });
}

/** A real paste: copies `value` from a light-DOM textarea with Ctrl+C, then Ctrl+V into `input`. */
async function pasteInto(input: HTMLInputElement, value: string): Promise<void> {
  const source = document.createElement('textarea');
  source.value = value;
  document.body.append(source);
  source.focus();
  source.select();
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'c' });
  await sendKeys({ up: 'Control' });
  source.remove();
  input.focus();
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'v' });
  await sendKeys({ up: 'Control' });
}

async function toQuestion(el: FlexitiVerify, qid = '4', answer = 'Rex'): Promise<void> {
  await choose(el, 'security_question');
  radio(el, qid)!.click();
  await typeInto(answerField(el), answer);
}

async function toCode(el: FlexitiVerify, format: 'sms' | 'email' = 'sms'): Promise<void> {
  await choose(el, format);
  expect(el.step).to.equal('code');
}

/** Reaches the code step, types `code` with real keys and submits it. */
async function sendCode(el: FlexitiVerify, code: string, format: 'sms' | 'email' = 'sms'): Promise<void> {
  await toCode(el, format);
  await typeInto(codeField(el), code);
  await submitStep(el);
}

/** Mounts, reaches the code step by SMS (or email) and sends `code`; the purchase request gets `answer`. */
async function purchaseWithCode(
  code: string,
  answer: Answer,
  { format = 'sms', ...options }: MountOptions & { format?: 'sms' | 'email' } = {},
): Promise<FlexitiVerify> {
  const el = await mount(options);
  answerVerify(el, verifySeed(format === 'sms' ? '200 - Success - SMS' : '200 - Success - Email'));
  answerPurchase(el, answer);
  await sendCode(el, code, format);
  return el;
}

/** Chooses `format` while the verify answer is held back; returns what releases it. */
async function chooseHeld(el: FlexitiVerify, format: string): Promise<(answer: unknown) => void> {
  let release!: (answer: unknown) => void;
  answerVerify(el, () => new Promise((resolve) => (release = resolve)));
  radio(el, format)!.click();
  await el.updateComplete;
  submit(el).click();
  await el.updateComplete;
  return release;
}

/** Presses Try again: the same code goes out a second time and the purchase completes. */
async function expectRetrySendsAgain(el: FlexitiVerify, purchases: Record<string, unknown>[], code: string) {
  buttonNamed(el, /Try again/)!.click();
  await settle(el);
  expect(purchases.map((request) => request.verification_code)).to.deep.equal([code, code]);
  expect(el.step).to.equal('purchased');
}

/** Answers the security question with the defaults and sends it. */
async function answerTheQuestion(el: FlexitiVerify): Promise<void> {
  await toQuestion(el);
  await submitStep(el);
}

/** A method to choose on step 1, or the steps to take. */
type Reach = string | ((el: FlexitiVerify) => Promise<void>);

/** Mounts with verify requests answered by `answer` (none: nobody answers) and takes the element through `reach`. */
async function mountAfter(answer: Answer | undefined, reach: Reach, options: MountOptions = {}) {
  const el = await mount(options);
  if (answer) answerVerify(el, answer);
  await (typeof reach === 'string' ? choose(el, reach) : reach(el));
  return el;
}

/** As `mountAfter` on a French page, checked accessible where each French test then reads its words. */
async function inFrenchAfter(answer: Answer | undefined, reach: Reach) {
  const el = await mountAfter(answer, reach, { lang: 'fr-CA' });
  await expect(el).to.be.accessible();
  return el;
}

// White space folded as `text()` reads the page (French puts a no-break space before colons).
// The elements here sit at a till (`channel` in_store, as `mount` does) unless a test says otherwise.
const api = (code: string, locale: Locale = 'en-CA') => textNow(`api.${code}`, locale, 'in_store').replace(/\s+/g, ' ');

// ── Tests ──

// Each test starts on an English page (one language per page; some tests switch it).
beforeEach(() => setLocale('en-CA'));

describe('<flexiti-verify>', () => {
  it('should pass accessibility tests (choose step, en-CA and fr-CA)', async () => {
    await expect(await mount()).to.be.accessible();
    await expect(await mount({ lang: 'fr-CA' })).to.be.accessible();
  });

  describe('step 1: choosing a method', () => {
    it('offers the customer methods by default (online: no store override), with a polite live region', async () => {
      const el = await fixture<FlexitiVerify>(html`<flexiti-verify .customer=${lookup}></flexiti-verify>`);
      const values = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="format"]')].map(
        (input) => input.value,
      );
      expect(values).to.deep.equal(['sms', 'email', 'security_question']);
      const status = $(el, '[role="status"]')!;
      expect(status.getAttribute('aria-live')).to.equal('polite');
      expect(text(heading(el))).to.equal('Confirm your identity');
      expect(text($(el, 'legend'))).to.equal('How would you like to verify?');
    });

    it('reads `formats` as a space or comma list and ignores unknown methods', async () => {
      const el = await mount({ formats: 'email, sms,carrier-pigeon' });
      const values = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="format"]')].map(
        (input) => input.value,
      );
      expect(values).to.deep.equal(['email', 'sms']);
      el.formats = ['merchant_override'];
      await el.updateComplete;
      expect(radio(el, 'merchant_override')!.checked, 'the only method is preselected').to.equal(true);
      expect(radio(el, 'sms') == null, 'radio(el, "sms") is absent').to.equal(true);
    });

    it("offers only the customer's methods: no override unless the checkout lists it", async () => {
      const el = await mount({ customer: { ...lookup, methods: ['sms', 'email', 'security_question'] } });
      const values = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="format"]')].map(
        (input) => input.value,
      );
      expect(values).to.deep.equal(['sms', 'email', 'security_question']);
      await expect(el).to.be.accessible();
    });

    it('offers SMS only when the checkout says so (no phone on file: no SMS)', async () => {
      const el = await mount({ customer: { ...lookup, methods: ['email'] } });
      const values = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="format"]')].map(
        (input) => input.value,
      );
      expect(values).to.deep.equal(['email']);
      expect(radio(el, 'email')!.checked, 'the only method is preselected').to.equal(true);
    });

    it("the merchant's `formats` still narrows the customer's methods", async () => {
      const el = await mount({ formats: 'email merchant_override' });
      const values = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="format"]')].map(
        (input) => input.value,
      );
      expect(values).to.deep.equal(['email', 'merchant_override']);
    });

    it("takes flexiti-lookup-result's detail as it is, and ignores anything else a host adds", async () => {
      const el = await mount({ customer: { ...lookup, customer_id: '43353', account_number: '20035156' } });
      const requests = answerVerify(el, verifySeed('200 - Success - SMS'));
      await choose(el, 'sms');
      expect(requests).to.deep.equal([{ format: 'sms' }]);
    });

    it('method_not_allowed (403): that method disappears, the others stay', async () => {
      const el = await mountAfter(
        json({ error: 'method_not_allowed', message: 'method_not_allowed' }, 403),
        'merchant_override',
      );
      expect(radio(el, 'merchant_override') == null, 'the override is gone').to.equal(true);
      expect(fieldErrorOf(el, 'format')).to.equal(api('method_not_allowed'));
      expectFocus(el, radio(el, 'sms'));
      await expect(el).to.be.accessible();
    });

    it('429 on a code send: how long to wait, the choice kept, Try again', async () => {
      const el = await mount({ lang: 'fr-CA' });
      const requests = answerVerify(
        el,
        json({ error: 'too_many_attempts', retry_after: 45 }, 429),
        verifySeed('200 - Success - SMS'),
      );
      await choose(el, 'sms');
      expect(text($(el, '#notice p')).replace(/\u00a0/g, ' ')).to.equal(
        'Trop de tentatives. Attendez 45 secondes, puis réessayez. Vos renseignements sont conservés.',
      );
      expect(radio(el, 'sms')!.checked).to.equal(true);
      await expect(el).to.be.accessible();
      buttonNamed(el, /Réessayer/)!.click();
      await settle(el);
      expect(requests).to.have.length(2);
      expect(el.step).to.equal('code');
    });

    it('checkout_expired (401): said in words, no retry', async () => {
      const el = await mountAfter(json({ error: 'checkout_expired', message: 'checkout_expired' }, 401), 'email');
      expect(text($(el, '#notice p'))).to.equal(api('checkout_expired'));
      expect(buttonNamed(el, /Try again/) == null, 'no retry').to.equal(true);
    });

    it('does not offer the security question to a customer with none on file', async () => {
      const el = await mount({ customer: { ...lookup, security_qid: [] } });
      expect(radio(el, 'security_question') == null, 'radio(el, "security_question") is absent').to.equal(true);
      expect(radio(el, 'sms') != null, 'radio(el, "sms") is present').to.equal(true);
    });

    it('asks for a choice when Continue is pressed with none', async () => {
      const el = await mount();
      const requests = answerVerify(el, verifySeed('200 - Success - SMS'));
      await submitStep(el);
      expect(requests).to.have.length(0);
      expect(fieldErrorOf(el, 'format')).to.equal(textNow('choice.invalid', 'en-CA'));
      expect($(el, 'form fieldset')!.getAttribute('aria-describedby')).to.contain('format-message');
      expect(text($(el, '#format-message'))).to.equal(`Error: ${textNow('choice.invalid', 'en-CA')}`);
      expectFocus(el, radio(el, 'sms'));
      radio(el, 'email')!.click();
      await el.updateComplete;
      expect(fieldErrorOf(el, 'format'), 'the error goes once a method is chosen').to.equal('');
    });

    it('shows a configuration message at once without a customer, and for an unusable one', async () => {
      const empty = await fixture<FlexitiVerify>(html`<flexiti-verify></flexiti-verify>`);
      expect(text(heading(empty))).to.equal('Verification unavailable');
      expect(text($(empty, '.notice p'))).to.equal(textNow('error.implementation', 'en-CA'));
      await expect(empty).to.be.accessible();

      const el = await mount();
      const errors = errorsOf(el);
      // A host's script can set any shape; nothing checked it before it reached the element.
      el.customer = { security_qid: 'nope' } as unknown as LookupResult;
      await el.updateComplete;
      expect(text(heading(el))).to.equal('Verification unavailable');
      expect(errors).to.deep.equal([{ type: 'implementation', code: 'invalid_customer', source: 'flexiti-verify' }]);
    });

    it('shows the configuration message in French', async () => {
      const el = await mount({ lang: 'fr-CA', customer: null });
      expect(text(heading(el))).to.equal('Vérification non disponible');
      expect(text($(el, '.notice p'))).to.equal(textNow('error.implementation', 'fr-CA', 'in_store'));
      await expect(el).to.be.accessible();
    });

    it('an unreadable resend-cooldown falls back to 30 seconds', async () => {
      const el = await fixture<FlexitiVerify>(
        html`<flexiti-verify .customer=${lookup} resend-cooldown="soon"></flexiti-verify>`,
      );
      answerVerify(el, verifySeed('200 - Success - SMS'));
      await toCode(el);
      expect(text($(el, '#resend-wait'))).to.equal('You can ask for a new code in 30 s.');
    });
  });

  describe('SMS and email', () => {
    it('SMS start to finish: request, code step, the code goes to the purchase, flexiti-verified without it', async () => {
      const el = await mount();
      el.plan = { plan_id: '1', term: 12 };
      const { requests, purchases, verified, receipts } = answerAndRecord(el, verifySeed('200 - Success - SMS'));
      await choose(el, 'sms');
      expect(requests).to.deep.equal([{ format: 'sms' }]);
      expect(el.step).to.equal('code');
      expect(text(heading(el))).to.equal('Enter the verification code');
      expectFocus(el, heading(el));
      expect(heading(el).getAttribute('tabindex')).to.equal('-1');
      expect(text($(el, '#code-sent'))).to.equal('We sent a code by text message to the phone number on file.');
      const field = codeField(el);
      expect(field.name).to.equal('verification_code');
      expect(field.type).to.equal('text');
      expect(field.getAttribute('autocomplete')).to.equal('one-time-code');
      expect(field.getAttribute('inputmode')).to.equal('numeric');
      expect(
        el.shadowRoot!.querySelectorAll('input:not([type="radio"])'),
        'one field, never one box per digit',
      ).to.have.length(1);
      await typeInto(field, '2222');
      await submitStep(el);
      expect(purchases).to.deep.equal([{ plan_id: '1', term: 12, verification_code: '2222' }]);
      expect(verified).to.deep.equal([{ format: 'sms', sent_to: 'sms' }]);
      expect(receipts).to.deep.equal([RECEIPT]);
      expect(el.step).to.equal('purchased');
      expect(text(heading(el))).to.equal('Purchase complete');
      expectFocus(el, heading(el));
    });

    it('email start to finish', async () => {
      const el = await mount();
      const { requests, purchases, verified } = answerAndRecord(el, verifySeed('200 - Success - Email'));
      await choose(el, 'email');
      expect(requests).to.deep.equal([{ format: 'email' }]);
      expect(text($(el, '#code-sent'))).to.equal('We sent a code by email to the address on file.');
      await typeInto(codeField(el), '123456');
      await submitStep(el);
      expect(purchases, 'no plan set: the host adds it').to.deep.equal([{ verification_code: '123456' }]);
      expect(verified).to.deep.equal([{ format: 'email', sent_to: 'email' }]);
      expect(el.step).to.equal('purchased');
    });

    it('#42: a pasted " 2 2 2 2 " is accepted as 2222', async () => {
      const el = await mount();
      answerVerify(el, verifySeed('200 - Success - SMS'));
      const verified = answerPurchase(el);
      await toCode(el);
      await pasteInto(codeField(el), ' 2 2 2 2 ');
      expect(codeField(el).value, 'the paste went in as pasted').to.equal(' 2 2 2 2 ');
      codeField(el).dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(codeField(el).value, 'shown as it will be sent').to.equal('2222');
      await submitStep(el);
      expect(verified[0]).to.include({ verification_code: '2222' });
    });

    it('a code with a letter gets the format message on its field, and nothing is sent', async () => {
      const el = await mount();
      answerVerify(el, verifySeed('200 - Success - SMS'));
      const verified = answerPurchase(el);
      await sendCode(el, '22a2');
      expect(verified).to.have.length(0);
      expect(codeField(el).getAttribute('aria-invalid')).to.equal('true');
      expect(codeField(el).getAttribute('aria-describedby')).to.contain('verification_code-message');
      expect(fieldErrorOf(el, 'verification_code')).to.equal('Enter the code you received, using digits only.');
      expectFocus(el, codeField(el));
      expect(codeField(el).value, 'what was typed stays').to.equal('22a2');
    });

    it('says the same error again on a second submit: a new alert node, "Error:" first, user-invalid', async () => {
      const el = await mount();
      answerVerify(el, verifySeed('200 - Success - SMS'));
      await toCode(el);
      await typeInto(codeField(el), '22a2');
      submit(el).click();
      await settle(el);
      const first = $(el, '#verification_code-message')!;
      expect(text(first)).to.equal('Error: Enter the code you received, using digits only.');
      expect(first.getAttribute('role')).to.equal('alert');
      expect(el.matches(':state(user-invalid)')).to.equal(true);
      submit(el).click();
      await settle(el);
      const second = $(el, '#verification_code-message')!;
      expect(second === first, 'a new node, so a screen reader hears it again').to.equal(false);
      expect(text(second)).to.equal(text(first));
      codeField(el).select();
      await sendKeys({ type: '2222' });
      await el.updateComplete;
      expect(el.matches(':state(user-invalid)')).to.equal(false);
    });

    it('an empty code gets the required message', async () => {
      const el = await mountAfter(verifySeed('200 - Success - SMS'), toCode);
      await submitStep(el);
      expect(fieldErrorOf(el, 'verification_code')).to.equal(textNow('required', 'en-CA'));
    });

    it('the code format message in French', async () => {
      const el = await mount({ lang: 'fr-CA' });
      answerVerify(el, verifySeed('200 - Success - SMS'));
      await toCode(el);
      expect(text(heading(el))).to.equal('Entrez le code de vérification');
      await typeInto(codeField(el), '12');
      await submitStep(el);
      expect(fieldErrorOf(el, 'verification_code')).to.equal('Entrez le code reçu, en chiffres seulement.');
    });

    it('offers a new code only after the cooldown, shown without a live announcement each second', async () => {
      const clock = fakeCooldownClock();
      try {
        const el = await mount({ cooldown: 2 });
        const requests = answerVerify(el, verifySeed('200 - Success - SMS'));
        await toCode(el);
        const resend = buttonNamed(el, /Send a new code/)!;
        expect(resend.disabled).to.equal(true);
        expect(text($(el, '#resend-wait'))).to.equal('You can ask for a new code in 2 s.');
        expect(resend.getAttribute('aria-describedby')).to.equal('resend-wait');
        expect($(el, '#resend-wait')!.closest('[aria-live]') == null, 'the countdown is not in a live region').to.equal(
          true,
        );
        expect(text($(el, '[role="status"]'))).to.equal('');
        clock.advance(1000);
        await el.updateComplete;
        expect(text($(el, '#resend-wait'))).to.equal('You can ask for a new code in 1 s.');
        expect(buttonNamed(el, /Send a new code/)!.disabled, 'still disabled with a second left').to.equal(true);
        clock.advance(1000);
        await el.updateComplete;
        expect(buttonNamed(el, /Send a new code/)!.disabled, 'resend stayed disabled').to.equal(false);
        expect($(el, '#resend-wait') == null, '$(el, "#resend-wait") is absent').to.equal(true);
        await typeInto(codeField(el), '99');
        buttonNamed(el, /Send a new code/)!.click();
        await settle(el);
        expect(requests).to.deep.equal([{ format: 'sms' }, { format: 'sms' }]);
        expect(text($(el, '[role="status"]'))).to.equal('A new code was sent by text message.');
        expectFocus(el, codeField(el));
        expect(codeField(el).value, 'what was typed stays').to.equal('99');
        expect(buttonNamed(el, /Send a new code/)!.disabled, 'a new cooldown started').to.equal(true);
      } finally {
        clock.restore();
      }
    });

    it('resend-cooldown defaults to 30 seconds', async () => {
      const el = await fixture<FlexitiVerify>(html`<flexiti-verify .customer=${lookup}></flexiti-verify>`);
      expect(el.resendCooldown).to.equal(30);
      answerVerify(el, verifySeed('200 - Success - Email'));
      await toCode(el, 'email');
      expect(text($(el, '#resend-wait'))).to.equal('You can ask for a new code in 30 s.');
    });

    it('"Choose another method" goes back to step 1 with focus on its heading', async () => {
      const el = await mountAfter(verifySeed('200 - Success - SMS'), toCode);
      buttonNamed(el, /Choose another method/)!.click();
      await el.updateComplete;
      expect(el.step).to.equal('choose');
      expectFocus(el, heading(el));
      expect(radio(el, 'email')!.disabled).to.equal(false);
    });

    it('should pass accessibility tests in the code step (en-CA and fr-CA)', async () => {
      for (const lang of ['en-CA', 'fr-CA'] as const) {
        const el = await mount({ lang, cooldown: 30 });
        answerVerify(el, verifySeed('200 - Success - SMS'));
        await toCode(el);
        await expect(el).to.be.accessible();
      }
    });
  });

  describe('merchant override and security question', () => {
    it('override: {status: verified} moves straight on to the purchase, without a code step', async () => {
      const el = await mount();
      el.plan = { plan_id: '1', term: 24 };
      const { requests, purchases, verified } = answerAndRecord(el, verifySeed('200 - Success - Override'));
      await choose(el, 'merchant_override');
      expect(requests).to.deep.equal([{ format: 'merchant_override' }]);
      expect(verified).to.deep.equal([{ format: 'merchant_override' }]);
      expect(purchases, 'no code: the server keeps it').to.deep.equal([{ plan_id: '1', term: 24 }]);
      expect($(el, '#verification_code') == null, 'no code step').to.equal(true);
      expect(el.step).to.equal('purchased');
      expectFocus(el, heading(el));
    });

    it('security question start to finish, with the question text rendered as text only', async () => {
      const customer = {
        ...lookup,
        security_qid: [
          { id: '4', text: 'What is the name of your favourite childhood friend?' },
          { id: '9', text: '<b>Favourite</b> movie? <img src=x onerror=alert(1)>' },
        ],
      };
      const el = await mount({ customer });
      const { requests, purchases, verified } = answerAndRecord(el, json({ status: 'verified' }));
      await choose(el, 'security_question');
      expect(el.step).to.equal('question');
      expect(text(heading(el))).to.equal('Answer a security question');
      expectFocus(el, heading(el));
      expect(requests, 'nothing is sent before the answer').to.have.length(0);
      const label = $(el, 'label[for="security_qid-9"]')!;
      expect(label.textContent).to.contain('<b>Favourite</b> movie? <img src=x onerror=alert(1)>');
      expect(label.querySelector('b, img') == null, 'label.querySelector("b, img") is absent').to.equal(true);
      radio(el, '9')!.click();
      await typeInto(answerField(el), 'Casablanca');
      await submitStep(el);
      expect(requests).to.deep.equal([
        { format: 'security_question', security_qid: '9', security_answer: 'Casablanca' },
      ]);
      expect(verified).to.deep.equal([{ format: 'security_question' }]);
      expect(purchases).to.deep.equal([{}]);
      expect(el.step).to.equal('purchased');
    });

    it('the answer field: secret by default with a show toggle, paste and password managers allowed', async () => {
      const el = await mount();
      await choose(el, 'security_question');
      const field = answerField(el);
      expect(field.name).to.equal('security_answer');
      expect(field.type).to.equal('password');
      expect(field.getAttribute('autocomplete')).to.equal('off');
      expect(field.hasAttribute('maxlength'), 'a long paste is never cut silently').to.equal(false);
      await pasteInto(field, 'Mr. Whiskers');
      expect(field.value).to.equal('Mr. Whiskers');
      const toggle = buttonNamed(el, /Show answer/)!;
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      toggle.click();
      await el.updateComplete;
      expect(answerField(el).type).to.equal('text');
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(answerField(el).value).to.equal('Mr. Whiskers');
    });

    it('asks for the question and the answer before sending', async () => {
      const el = await mount();
      const requests = answerVerify(el, json({ status: 'verified' }));
      await choose(el, 'security_question');
      await submitStep(el);
      expect(requests).to.have.length(0);
      expect(fieldErrorOf(el, 'security_qid')).to.equal(textNow('choice.invalid', 'en-CA'));
      expect(fieldErrorOf(el, 'security_answer')).to.equal(textNow('required', 'en-CA'));
      expectFocus(el, radio(el, '4'));
    });

    it('an answer over 100 characters gets the length message', async () => {
      const el = await mount();
      await toQuestion(el, '4', 'x'.repeat(101));
      await submitStep(el);
      expect(fieldErrorOf(el, 'security_answer')).to.equal('Use 100 characters or fewer.');
      expectFocus(el, answerField(el));
    });

    it('should pass accessibility tests in the question step (en-CA and fr-CA)', async () => {
      for (const lang of ['en-CA', 'fr-CA'] as const) {
        const el = await mount({ lang });
        await choose(el, 'security_question');
        await expect(el).to.be.accessible();
      }
    });

    it('should pass accessibility tests in the verified and purchased steps (en-CA and fr-CA)', async () => {
      for (const lang of ['en-CA', 'fr-CA'] as const) {
        const el = await mount({ lang });
        answerVerify(el, verifySeed('200 - Success - Override'));
        let release!: () => void;
        answerPurchase(el, () => new Promise((resolve) => (release = () => resolve(json(RECEIPT)()))));
        radio(el, 'merchant_override')!.click();
        await el.updateComplete;
        submit(el).click();
        await waitUntil(() => el.step === 'verified', 'the verified step');
        await el.updateComplete;
        expect(text($(el, '[role="status"]'))).to.equal(
          lang === 'fr-CA' ? 'Achat en cours…' : 'Completing your purchase…',
        );
        await expect(el).to.be.accessible();
        release();
        await settle(el);
        expect(el.step).to.equal('purchased');
        await expect(el).to.be.accessible();
      }
      expect(text($(document.querySelector('flexiti-verify')!, 'h2'))).to.equal('Achat terminé');
    });
  });

  describe('words for who is there (channel)', () => {
    it('online: addresses the customer, and offers no store override', async () => {
      const el = await mount({ channel: 'online' });
      expect(text(heading(el))).to.equal('Confirm your identity');
      expect(radio(el, 'merchant_override')).to.equal(null);
      expect(radio(el, 'sms')).to.exist;
      expect(el.shadowRoot!.textContent).not.to.match(/store employee|the customer/i);
      await expect(el).to.be.accessible();
    });

    it('in_store: addresses the clerk, with the store override', async () => {
      const el = await mount({ channel: 'in_store' });
      expect(text(heading(el))).to.equal("Verify the customer's identity");
      expect(radio(el, 'merchant_override')).to.exist;
    });

    it("the element's own channel attribute overrides an ancestor's", async () => {
      const el = await mount({ channel: 'in_store' });
      el.setAttribute('channel', 'online');
      await el.updateComplete;
      expect(text(heading(el))).to.equal('Confirm your identity');
      expect(radio(el, 'merchant_override')).to.equal(null);
    });

    it('fr-CA online: « Confirmez votre identité »', async () => {
      const el = await mount({ channel: 'online', lang: 'fr-CA' });
      expect(text(heading(el))).to.equal('Confirmez votre identité');
    });
  });

  describe('the purchase (flexiti-purchase-request)', () => {
    it('success ends the flow with the receipt, whitelisted', async () => {
      const el = await mount();
      answerVerify(el, verifySeed('200 - Success - SMS'));
      answerPurchase(
        el,
        json({ ...RECEIPT, account_number: '20035156', vcc_number: '6374980100408234', customer_id: '43353' }),
      );
      const receipts = receiptsOf(el);
      await sendCode(el, '2222');
      expect(el.step).to.equal('purchased');
      expect(receipts).to.deep.equal([RECEIPT]);
      expect(JSON.stringify(receipts)).not.to.match(/20035156|6374980100408234|43353/);
    });

    it('wrong_verification_code brings the customer back to the code field with the error', async () => {
      const el = await mount();
      answerVerify(el, verifySeed('200 - Success - SMS'));
      const purchases = answerPurchase(
        el,
        json(
          {
            error: 'wrong_verification_code',
            message: 'wrong_verification_code',
            field_errors: [{ param: 'verification_code', msg: 'invalid' }],
          },
          400,
        ),
        json(RECEIPT),
      );
      const verified = verifiedOf(el);
      await sendCode(el, '1111');
      expect(el.step).to.equal('code');
      expect(verified, 'not verified by a wrong code').to.have.length(0);
      expect(fieldErrorOf(el, 'verification_code')).to.equal(api('wrong_verification_code'));
      expect(codeField(el).getAttribute('aria-invalid')).to.equal('true');
      expectFocus(el, codeField(el));
      expect(codeField(el).value).to.equal('1111');
      await expect(el).to.be.accessible();
      codeField(el).select();
      await sendKeys({ type: '2222' });
      expect(fieldErrorOf(el, 'verification_code'), 'the error goes when the code is edited').to.equal('');
      await submitStep(el);
      expect(purchases.map((request) => request.verification_code)).to.deep.equal(['1111', '2222']);
      expect(el.step).to.equal('purchased');
    });

    it('wrong_verification_code as seed 003 sends it (409) is on the code field too', async () => {
      const el = await purchaseWithCode('1111', purchaseSeed('409 - Wrong Verification Code'));
      expect(fieldErrorOf(el, 'verification_code')).to.equal(api('wrong_verification_code'));
    });

    it('verification_code_required brings the customer back to the code field', async () => {
      const el = await purchaseWithCode('4444', purchaseSeed('409 - MIssing Verification Code'), { format: 'email' });
      expect(el.step).to.equal('code');
      expect(fieldErrorOf(el, 'verification_code')).to.equal(api('verification_code_required'));
      expectFocus(el, codeField(el));
    });

    it('wrong_verification_code in French', async () => {
      const el = await purchaseWithCode('1111', json({ error: 'wrong_verification_code' }, 400), { lang: 'fr-CA' });
      expect(fieldErrorOf(el, 'verification_code')).to.equal(api('wrong_verification_code', 'fr-CA'));
      expect(api('wrong_verification_code', 'fr-CA')).to.not.equal(
        await textIn('api.wrong_verification_code', 'en-CA'),
      );
    });

    it('verification_void: back to step 1 for a new code, the old code forgotten', async () => {
      const el = await purchaseWithCode(
        '9999',
        json({ error: 'verification_void', message: 'verification_void' }, 409),
      );
      expect(el.step).to.equal('choose');
      expect(fieldErrorOf(el, 'format')).to.equal(api('verification_void'));
      expectFocus(el, radio(el, 'sms'));
      expect(radio(el, 'sms')!.disabled, 'SMS may send a new code').to.equal(false);
      await expect(el).to.be.accessible();
      await choose(el, 'sms');
      expect(codeField(el).value).to.equal('');
    });

    it('verification_void in French', async () => {
      const el = await purchaseWithCode('9999', json({ error: 'verification_void' }, 409), { lang: 'fr-CA' });
      expect(fieldErrorOf(el, 'format')).to.equal(api('verification_void', 'fr-CA'));
    });

    it('429 on the purchase: how long to wait, the code kept, Try again', async () => {
      const el = await mount();
      answerVerify(el, verifySeed('200 - Success - SMS'));
      const purchases = answerPurchase(
        el,
        json({ error: 'too_many_attempts', message: 'Too many', retry_after: 90 }, 429, { 'retry-after': '90' }),
        json(RECEIPT),
      );
      await sendCode(el, '2222');
      expect(el.step).to.equal('code');
      expect(text($(el, '#notice p')).replace(/\u00a0/g, ' ')).to.equal(
        'Too many attempts. Wait 2 minutes, then try again. What you entered is still here.',
      );
      expect(codeField(el).value).to.equal('2222');
      expectFocus(el, notice(el));
      await expect(el).to.be.accessible();
      await expectRetrySendsAgain(el, purchases, '2222');
    });

    it('a decline after a security question: said on the verified step, no retry', async () => {
      const el = await mount();
      answerVerify(el, json({ status: 'verified' }));
      answerPurchase(el, json({ error: 'not_enough_credit', message: 'not_enough_credit' }, 409));
      const receipts = receiptsOf(el);
      await toQuestion(el, '4', 'Rex');
      await submitStep(el);
      expect(el.step).to.equal('verified');
      expect(text($(el, '#notice p'))).to.equal(api('not_enough_credit'));
      expect(buttonNamed(el, /Try again/) == null, 'no retry of a decline').to.equal(true);
      expectFocus(el, notice(el));
      expect(receipts).to.have.length(0);
      expect(el.shadowRoot!.innerHTML, 'the answer is forgotten').to.not.contain('Rex');
      await expect(el).to.be.accessible();
    });

    it('plan_not_offered: said in words, and reported in flexiti-error for the host to change the plan', async () => {
      const el = await mount();
      el.plan = { plan_id: '99', term: 12 };
      const errors = errorsOf(el);
      answerVerify(el, verifySeed('200 - Success - Override'));
      answerPurchase(
        el,
        json(
          {
            error: 'plan_not_offered',
            message: 'plan_not_offered',
            field_errors: [{ param: 'plan_id', msg: 'invalid' }],
          },
          400,
        ),
      );
      await choose(el, 'merchant_override');
      expect(text($(el, '#notice p'))).to.equal(api('plan_not_offered'));
      expect(errors).to.deep.equal([
        { type: 'validation', code: 'plan_not_offered', status: 400, source: 'flexiti-verify' },
      ]);
    });

    it('verification_required: back to step 1', async () => {
      const el = await mount();
      answerVerify(el, verifySeed('200 - Success - Override'));
      answerPurchase(el, json({ error: 'verification_required' }, 409));
      await choose(el, 'merchant_override');
      expect(el.step).to.equal('choose');
      expect(fieldErrorOf(el, 'format')).to.equal(api('verification_required'));
    });

    it('a network failure of the purchase offers a retry that sends the same code again', async () => {
      const el = await mount();
      answerVerify(el, verifySeed('200 - Success - SMS'));
      const purchases = answerPurchase(el, () => Promise.reject(new TypeError('Failed to fetch')), json(RECEIPT));
      await sendCode(el, '2222');
      expect(el.step).to.equal('code');
      expect(text($(el, '#notice p'))).to.equal(api('network_error'));
      expectFocus(el, notice(el));
      await expectRetrySendsAgain(el, purchases, '2222');
    });

    it('a Response the host also read (a charge that went through): "may have gone through", no resend', async () => {
      const el = await mount();
      const errors = errorsOf(el);
      const receipts = receiptsOf(el);
      answerVerify(el, verifySeed('200 - Success - SMS'));
      const purchases: unknown[] = [];
      el.addEventListener('flexiti-purchase-request', (event: FlexitiPurchaseRequestEvent) => {
        purchases.push(event.detail.request);
        // The README trap: the host passes the fetch() answer and reads the same Response itself.
        const answer = Promise.resolve(json(RECEIPT)());
        event.detail.respondWith(answer);
        void answer.then((response) => response.json());
      });
      const original = console.error;
      const logged: string[] = [];
      console.error = (message: unknown) => void logged.push(String(message));
      try {
        await sendCode(el, '2222');
      } finally {
        console.error = original;
      }
      expect(el.step).to.equal('verified');
      expect(text(heading(el))).to.equal("We couldn't confirm your purchase");
      expect(text($(el, '#notice p'))).to.contain("Your purchase may have gone through. Don't pay again");
      expect(text($(el, '#notice p'))).not.to.contain("couldn't connect");
      expectFocus(el, notice(el));
      expect(buttonNamed(el, /Try again/), 'no resend').to.equal(undefined);
      expect(codeField(el), 'no code form to submit again').to.equal(null);
      expect(purchases).to.have.length(1);
      expect(receipts).to.have.length(0);
      expect(errors.map((error) => [error.type, error.code])).to.deep.equal([['implementation', 'unreadable_answer']]);
      expect(logged.some((line) => line.includes('response.clone()'))).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('a purchase answered with the wrong type (a string): the same, never retried', async () => {
      const el = await mount();
      answerVerify(el, verifySeed('200 - Success - Override'));
      const original = console.error;
      console.error = () => {};
      let purchases: Record<string, unknown>[];
      try {
        purchases = answerPurchase(el, () => JSON.stringify(RECEIPT));
        await choose(el, 'merchant_override');
        await settle(el);
      } finally {
        console.error = original;
      }
      expect(text(heading(el))).to.equal("We couldn't confirm your purchase");
      expect(buttonNamed(el, /Try again/)).to.equal(undefined);
      expect(purchases).to.have.length(1);
    });

    it('an unreadable receipt: an error with a retry (the checkout answers a repeat with the same receipt)', async () => {
      const el = await mount();
      const errors = errorsOf(el);
      answerVerify(el, verifySeed('200 - Success - Override'));
      const purchases = answerPurchase(el, json({ transaction_id: 1 }), json(RECEIPT));
      await choose(el, 'merchant_override');
      expect(el.step).to.equal('verified');
      expect(text($(el, '#notice p'))).to.equal(api('invalid_response'));
      expect(errors.map((error) => error.code)).to.deep.equal(['invalid_response']);
      buttonNamed(el, /Try again/)!.click();
      await settle(el);
      expect(purchases).to.deep.equal([{}, {}]);
      expect(el.step).to.equal('purchased');
    });
  });

  describe('errors of the verify section', () => {
    it('account not found: a message, no retry', async () => {
      const el = await mountAfter(verifySeed('409 - Account Not Found'), 'sms');
      expect(el.step).to.equal('choose');
      expect(text($(el, '#notice p'))).to.equal(api('not_found'));
      expect(buttonNamed(el, /Try again/) == null, 'buttonNamed(el, /Try again/) is absent').to.equal(true);
      expectFocus(el, notice(el));
      await expect(el).to.be.accessible();
    });

    it('account not found in French', async () => {
      const el = await inFrenchAfter(verifySeed('409 - Account Not Found'), 'sms');
      expect(text($(el, '#notice p'))).to.equal(api('not_found', 'fr-CA'));
    });

    it('SMS not found (400 wrong_input): SMS is no longer offered, the others are', async () => {
      const el = await mountAfter(verifySeed('400 - SMS Not Found'), 'sms');
      expect(el.step).to.equal('choose');
      expect(radio(el, 'sms')!.disabled).to.equal(true);
      expect(text($(el, '#format-sms-hint'))).to.equal('Not available for this account.');
      expect(fieldErrorOf(el, 'format')).to.equal(
        "We can't send a text message to the phone number on file. Choose another way to verify.",
      );
      expect(radio(el, 'email')!.disabled).to.equal(false);
      expectFocus(el, radio(el, 'email'));
      await expect(el).to.be.accessible();
    });

    for (const label of ['409 - Email Not Found', '409 - Email invalid', '409 - Wrong Email Format']) {
      it(`${label}: email is no longer offered, the others are`, async () => {
        const el = await mount();
        answerVerify(el, verifySeed(label));
        await choose(el, 'email');
        expect(radio(el, 'email')!.disabled).to.equal(true);
        expect(fieldErrorOf(el, 'format')).to.equal(
          "We can't send an email to the address on file. Choose another way to verify.",
        );
        expect(radio(el, 'sms')!.disabled).to.equal(false);
        expectFocus(el, radio(el, 'sms'));
      });
    }

    it('an unusable email in French', async () => {
      const el = await inFrenchAfter(verifySeed('409 - Email Not Found'), 'email');
      expect(fieldErrorOf(el, 'format')).to.equal(
        "Nous ne pouvons pas envoyer de courriel à l'adresse inscrite au dossier. Choisissez un autre mode de vérification.",
      );
      expect(text($(el, '#format-email-hint'))).to.equal('Non offert pour ce compte.');
    });

    it('sms_not_valid_phone: SMS is no longer offered, with the catalogue message', async () => {
      const el = await mountAfter(json({ message: 'Not a valid phone', error: 'sms_not_valid_phone' }, 400), 'sms');
      expect(radio(el, 'sms')!.disabled).to.equal(true);
      expect(fieldErrorOf(el, 'format')).to.equal(api('sms_not_valid_phone'));
      expectFocus(el, radio(el, 'email'));
    });

    it('sms_not_valid_phone in French', async () => {
      const el = await inFrenchAfter(json({ message: 'Not a valid phone', error: 'sms_not_valid_phone' }, 400), 'sms');
      expect(fieldErrorOf(el, 'format')).to.equal(api('sms_not_valid_phone', 'fr-CA'));
    });

    it('secret_answer_mismatch: on the answer field, with no hint at the stored answer', async () => {
      const el = await mount();
      const requests = answerVerify(el, verifySeed('409 - Secret Answer Mismatch'));
      await toQuestion(el, '5', 'Franse');
      await submitStep(el);
      expect(requests).to.have.length(1);
      expect(el.step).to.equal('question');
      const error = fieldErrorOf(el, 'security_answer');
      expect(error).to.equal(api('secret_answer_mismatch'));
      expect(error).to.not.match(/France|Franse|starts|begins|letters/i);
      expect(answerField(el).getAttribute('aria-invalid')).to.equal('true');
      expect(answerField(el).getAttribute('aria-describedby')).to.contain('security_answer-message');
      expectFocus(el, answerField(el));
      expect(answerField(el).value, 'kept so a typo can be fixed').to.equal('Franse');
      expect(radio(el, '5')!.checked).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('secret_answer_mismatch in French', async () => {
      const el = await inFrenchAfter(verifySeed('409 - Secret Answer Mismatch'), answerTheQuestion);
      expect(fieldErrorOf(el, 'security_answer')).to.equal(api('secret_answer_mismatch', 'fr-CA'));
    });

    it('wrong_input naming the answer: the message goes on the answer field', async () => {
      const el = await mount();
      answerVerify(
        el,
        json(
          {
            message: 'Some inputs are wrong!',
            error: 'wrong_input',
            field_errors: [{ param: 'security_answer', msg: 'required', value: '' }],
          },
          409,
        ),
      );
      await toQuestion(el);
      await submitStep(el);
      expect(el.step).to.equal('question');
      expect(fieldErrorOf(el, 'security_answer')).to.equal(textNow('required', 'en-CA'));
      expectFocus(el, answerField(el));
    });

    it('piw_mismatch: a message for the step, what was typed is kept', async () => {
      const el = await mount();
      answerVerify(el, verifySeed('409 - Wrong Personal Identification Word'));
      await toQuestion(el, '4', 'Rex');
      await submitStep(el);
      expect(el.step).to.equal('question');
      expect(text($(el, '#notice p'))).to.equal(api('piw_mismatch'));
      expect(text($(el, '#notice p'))).to.not.contain('restart the Flexiti App');
      expectFocus(el, notice(el));
      expect(answerField(el).value).to.equal('Rex');
    });

    it('piw_mismatch in French', async () => {
      const el = await inFrenchAfter(verifySeed('409 - Wrong Personal Identification Word'), answerTheQuestion);
      expect(text($(el, '#notice p'))).to.equal(api('piw_mismatch', 'fr-CA'));
    });

    it('merchant_override_is_not_allowed: the override disappears for this customer', async () => {
      const el = await mountAfter(verifySeed('409 - Merchant Override Not Allowed'), 'merchant_override');
      expect(radio(el, 'merchant_override') == null, 'radio(el, "merchant_override") is absent').to.equal(true);
      expect(fieldErrorOf(el, 'format')).to.equal(api('merchant_override_is_not_allowed'));
      expect(fieldErrorOf(el, 'format')).to.not.equal('merchant_override_is_not_allowed');
      expectFocus(el, radio(el, 'sms'));
      await expect(el).to.be.accessible();
    });

    it('merchant_override_is_not_allowed in French', async () => {
      const el = await inFrenchAfter(verifySeed('409 - Merchant Override Not Allowed'), 'merchant_override');
      expect(fieldErrorOf(el, 'format')).to.equal(api('merchant_override_is_not_allowed', 'fr-CA'));
    });

    it('tries_exceed on the security question: that method is locked, SMS and email offered', async () => {
      const el = await mountAfter(json({ message: 'Too many tries', error: 'tries_exceed' }, 409), answerTheQuestion);
      expect(el.step).to.equal('choose');
      expect(radio(el, 'security_question')!.disabled).to.equal(true);
      expect(text($(el, '#format-security_question-hint'))).to.equal('Locked after too many attempts.');
      expect(fieldErrorOf(el, 'format')).to.equal(api('tries_exceed'));
      expect(radio(el, 'sms')!.disabled).to.equal(false);
      expect(radio(el, 'email')!.disabled).to.equal(false);
      expectFocus(el, radio(el, 'sms'));
      await expect(el).to.be.accessible();
    });

    it('tries_exceed on a resend: SMS is locked and the customer is back at step 1', async () => {
      const el = await mount();
      answerVerify(el, verifySeed('200 - Success - SMS'), json({ error: 'tries_exceed', message: '' }, 409));
      await toCode(el);
      buttonNamed(el, /Send a new code/)!.click();
      await settle(el);
      expect(el.step).to.equal('choose');
      expect(radio(el, 'sms')!.disabled).to.equal(true);
      expectFocus(el, radio(el, 'email'));
    });

    it('tries_exceed in French', async () => {
      const el = await inFrenchAfter(json({ error: 'tries_exceed' }, 409), 'sms');
      expect(fieldErrorOf(el, 'format')).to.equal(api('tries_exceed', 'fr-CA'));
      expect(text($(el, '#format-sms-hint'))).to.equal('Bloqué après trop de tentatives.');
    });

    it('every method locked: says so and Continue is disabled', async () => {
      const el = await mount({ formats: 'sms email' });
      answerVerify(el, json({ error: 'tries_exceed' }, 409));
      await choose(el, 'sms');
      await choose(el, 'email');
      expect(text($(el, '#format-none'))).to.equal(
        'No other way to verify is left for this customer. Please ask a store employee for help.',
      );
      expect(submit(el).disabled).to.equal(true);
    });

    it('a network failure: retry, and the answer typed is still there', async () => {
      const el = await mount();
      const requests = answerVerify(
        el,
        () => Promise.reject(new TypeError('Failed to fetch')),
        json({ status: 'verified' }),
      );
      const verified = verifiedOf(el);
      answerPurchase(el);
      await toQuestion(el, '4', 'Rex');
      await submitStep(el);
      expect(el.step).to.equal('question');
      expect(text($(el, '#notice p'))).to.equal(api('network_error'));
      expectFocus(el, notice(el));
      expect(answerField(el).value).to.equal('Rex');
      expect(radio(el, '4')!.checked).to.equal(true);
      await expect(el).to.be.accessible();
      buttonNamed(el, /Try again/)!.click();
      await settle(el);
      expect(requests).to.have.length(2);
      expect(requests[1]).to.deep.equal(requests[0]);
      expect(verified).to.deep.equal([{ format: 'security_question' }]);
    });

    it('a network failure in French', async () => {
      const el = await inFrenchAfter(() => Promise.reject(new TypeError('Failed to fetch')), 'email');
      expect(text($(el, '#notice p'))).to.equal(api('network_error', 'fr-CA'));
      expect(text(buttonNamed(el, /Réessayer/))).to.equal('Réessayer');
    });

    it('a 5xx: retry offered, nothing lost, no automatic second request', async () => {
      const el = await mount();
      const requests = answerVerify(el, json({}, 500), verifySeed('200 - Success - Email'));
      await choose(el, 'email');
      expect(requests).to.have.length(1);
      expect(text($(el, '#notice p'))).to.equal(textNow('error.server', 'en-CA'));
      expect(radio(el, 'email')!.checked).to.equal(true);
      buttonNamed(el, /Try again/)!.click();
      await settle(el);
      expect(requests).to.have.length(2);
      expect(el.step).to.equal('code');
    });

    it('a 5xx in French', async () => {
      const el = await inFrenchAfter(json({}, 503), 'sms');
      expect(text($(el, '#notice p'))).to.equal(textNow('error.server', 'fr-CA'));
    });

    it('nobody answering: the configuration message at once, never a spinner', async () => {
      const el = await mount();
      const errors = errorsOf(el);
      radio(el, 'sms')!.click();
      await el.updateComplete;
      submit(el).click();
      await el.updateComplete;
      await aTimeout(0);
      await el.updateComplete;
      expect($(el, '[aria-busy="true"]') == null, 'nothing is busy').to.equal(true);
      expect(text($(el, '#notice p'))).to.equal(api('no_handler'));
      expect(errors.map(({ type, code, source }) => ({ type, code, source }))).to.deep.equal([
        { type: 'implementation', code: 'no_handler', source: 'flexiti-verify' },
      ]);
      expect(buttonNamed(el, /Try again/) != null, 'the host may attach its listener later').to.equal(true);
    });

    it('nobody answering in French', async () => {
      const el = await inFrenchAfter(undefined, 'sms');
      expect(text($(el, '#notice p'))).to.equal(api('no_handler', 'fr-CA'));
    });

    it('an unexpected success body is an error, and a code in it is never used', async () => {
      const el = await mount();
      const errors = errorsOf(el);
      const verified = verifiedOf(el);
      const purchases = answerPurchase(el);
      answerVerify(el, json({ verification_code: 2169 }));
      await choose(el, 'sms');
      expect(verified).to.have.length(0);
      expect(purchases).to.have.length(0);
      expect(text($(el, '#notice p'))).to.equal(api('invalid_response'));
      expect(errors.map((error) => error.code)).to.deep.equal(['invalid_response']);
    });
  });

  describe('busy state and double submit', () => {
    it('while waiting: aria-busy, controls disabled, "Please wait…" announced politely', async () => {
      const el = await mount();
      const release = await chooseHeld(el, 'sms');
      expect($(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
      expect(submit(el).disabled).to.equal(true);
      expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')].every((input) => input.disabled)).to.equal(
        true,
      );
      expect(text($(el, '[role="status"]'))).to.equal('Please wait…');
      release(verifySeed('200 - Success - SMS')());
      await settle(el);
      expect(el.step).to.equal('code');
      expect(text($(el, '[role="status"]'))).to.equal('');
    });

    it('custom states follow the step and the request in flight', async () => {
      const el = await mount();
      const states = () => ['choose', 'code', 'busy'].filter((name) => el.matches(`:state(${name})`));
      expect(states()).to.deep.equal(['choose']);
      const release = await chooseHeld(el, 'sms');
      expect(states()).to.deep.equal(['choose', 'busy']);
      release(verifySeed('200 - Success - SMS')());
      await settle(el);
      expect(states()).to.deep.equal(['code']);
    });

    it('a double click sends one request', async () => {
      const el = await mount();
      const requests = answerVerify(el, verifySeed('200 - Success - SMS'));
      radio(el, 'sms')!.click();
      await el.updateComplete;
      submit(el).click();
      await submitStep(el);
      expect(requests).to.have.length(1);
    });

    it('a double Enter on the code sends one purchase', async () => {
      const el = await mount();
      answerVerify(el, verifySeed('200 - Success - SMS'));
      const verified = answerPurchase(el, () => new Promise((resolve) => setTimeout(() => resolve(RECEIPT), 50)));
      await toCode(el);
      await typeInto(codeField(el), '2222');
      const form = $<HTMLFormElement>(el, 'form')!;
      form.requestSubmit();
      form.requestSubmit();
      await settle(el);
      expect(verified).to.have.length(1);
      expect(el.step).to.equal('purchased');
    });
  });

  describe('keyboard only', () => {
    it('SMS: Tab, Space, Enter, type the code, Enter', async () => {
      const el = await mount();
      answerVerify(el, verifySeed('200 - Success - SMS'));
      const verified = answerPurchase(el);
      await sendKeys({ press: 'Tab' });
      expectFocus(el, radio(el, 'sms'));
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      expectFocus(el, submit(el));
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expectFocus(el, heading(el));
      await sendKeys({ press: 'Tab' });
      expectFocus(el, codeField(el));
      await sendKeys({ type: '2222' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(verified).to.deep.equal([{ verification_code: '2222' }]);
      expect(el.step).to.equal('purchased');
      expectFocus(el, heading(el));
    });

    it('security question: arrows to the method, pick a question, answer, submit', async () => {
      const el = await mount();
      const requests = answerVerify(el, json({ status: 'verified' }));
      answerPurchase(el);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(radio(el, 'security_question')!.checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expectFocus(el, heading(el));
      await sendKeys({ press: 'Tab' });
      expectFocus(el, radio(el, '4'));
      await sendKeys({ press: 'ArrowDown' });
      expect(radio(el, '5')!.checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expectFocus(el, answerField(el));
      await sendKeys({ type: 'Paris' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(requests[0]).to.deep.equal({ format: 'security_question', security_qid: '5', security_answer: 'Paris' });
      expect(el.step).to.equal('purchased');
    });
  });

  describe('customer changes and privacy', () => {
    it('a different customer mid-flow starts over at step 1; a stale answer is ignored', async () => {
      const el = await mount();
      let release!: (value: unknown) => void;
      const requests = answerVerify(
        el,
        verifySeed('200 - Success - SMS'),
        () => new Promise((resolve) => (release = resolve)),
      );
      const verified = verifiedOf(el);
      answerPurchase(el);
      await toCode(el);
      buttonNamed(el, /Choose another method/)!.click();
      await el.updateComplete;
      await toQuestion(el, '4', 'Rex');
      submit(el).click();
      await el.updateComplete;
      el.customer = { ...lookup, security_qid: [{ id: '7', text: 'What is the name of the street you grew up on?' }] };
      await el.updateComplete;
      expect(el.step).to.equal('choose');
      expect($(el, '[aria-busy="true"]') == null, 'nothing is busy').to.equal(true);
      expect(submit(el).disabled).to.equal(false);
      release({ status: 'verified' });
      await aTimeout(10);
      await el.updateComplete;
      expect(verified, 'the old customer is never reported verified').to.have.length(0);
      expect(el.step).to.equal('choose');
      await choose(el, 'security_question');
      expect(answerField(el).value, 'nothing of the previous customer is kept').to.equal('');
      expect(radio(el, '7')!.checked, 'the only question is preselected').to.equal(true);
      expect(requests.map((request) => request.format)).to.deep.equal(['sms', 'security_question']);
    });

    it('the same customer assigned again (a re-render) keeps the step', async () => {
      const el = await mountAfter(verifySeed('200 - Success - SMS'), toCode);
      await typeInto(codeField(el), '22');
      el.customer = { ...lookup };
      await el.updateComplete;
      expect(el.step).to.equal('code');
      expect(codeField(el).value).to.equal('22');
    });

    it('reset() starts over at step 1 for the same customer, keeping what the API refused', async () => {
      const el = await mount();
      answerVerify(el, verifySeed('409 - Merchant Override Not Allowed'), verifySeed('200 - Success - SMS'));
      answerPurchase(el);
      await choose(el, 'merchant_override');
      await choose(el, 'sms');
      await typeInto(codeField(el), '2222');
      await submitStep(el);
      expect(el.step).to.equal('purchased');
      el.reset();
      await el.updateComplete;
      expect(el.step).to.equal('choose');
      expect(radio(el, 'sms')!.checked).to.equal(false);
      expect(radio(el, 'merchant_override') == null, 'the override stays removed for this customer').to.equal(true);
    });

    it('never puts the security answer in flexiti-verified, flexiti-purchase-request or flexiti-error', async () => {
      const el = await mount();
      const errors = errorsOf(el);
      const verified = verifiedOf(el);
      const purchases = answerPurchase(el);
      answerVerify(el, verifySeed('409 - Secret Answer Mismatch'), json({ status: 'verified' }));
      const secret = 'Correct-Horse-Battery';
      await toQuestion(el, '4', secret);
      await submitStep(el);
      expect(errors).to.have.length(1);
      answerField(el).select();
      await sendKeys({ type: secret });
      await submitStep(el);
      expect(verified).to.have.length(1);
      for (const detail of [...errors, ...verified, ...purchases].map((detail) => JSON.stringify(detail))) {
        expect(detail).to.not.contain(secret);
      }
      expect(verified[0]).to.have.keys(['format']);
      expect(el.step).to.equal('purchased');
      expect(el.shadowRoot!.innerHTML).to.not.contain(secret);
    });
  });

  describe('public API: disabled and state', () => {
    it('disabled: reflected, every control disabled, and a submit sends nothing', async () => {
      const el = await mount();
      const requests = answerVerify(el, verifySeed('200 - Success - SMS'));
      radio(el, 'sms')!.click();
      await el.updateComplete;
      await disableAndSubmit(el);
      expect(requests).to.have.length(0);
      expect(el.step).to.equal('choose');
      el.disabled = false;
      await el.updateComplete;
      submit(el).click();
      await settle(el);
      expect(requests).to.deep.equal([{ format: 'sms' }]);
    });

    it('state: each step through the journey, with its custom state; misconfigured without a customer', async () => {
      const el = await mount();
      el.plan = { plan_id: '1', term: 12 };
      answerVerify(el, verifySeed('200 - Success - SMS'));
      answerPurchase(el);
      expect(el.state).to.equal('choose');
      expect(el.matches(':state(choose)')).to.equal(true);
      await toCode(el);
      expect(el.state).to.equal('code');
      expect(el.matches(':state(code)') && !el.matches(':state(choose)')).to.equal(true);
      await typeInto(codeField(el), '2222');
      submit(el).click();
      await settle(el);
      expect(el.state).to.equal('purchased');
      expect(el.matches(':state(purchased)') && !el.matches(':state(code)')).to.equal(true);
      el.customer = null;
      await el.updateComplete;
      expect(el.state).to.equal('misconfigured');
      expect(el.matches(':state(misconfigured)') && !el.matches(':state(purchased)')).to.equal(true);
    });
  });
});
