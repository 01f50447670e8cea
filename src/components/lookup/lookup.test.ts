import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/flexiti-lookup.js';
import { setLocale } from '../../internal/locale.js';
import type { FlexitiLookup } from './lookup.js';
import { localError, readApiError, todayLocal, type Locale } from '../../model/index.js';
import { textNow } from '../../../test/texts.js';
import type { FlexitiErrorEvent, FlexitiLookupResultEvent } from '../../events/notifications.js';
import {
  $,
  answerRequests,
  disableAndSubmit,
  expectFocus,
  fieldErrorOf,
  settleBusy,
  text,
} from '../../../test/browser/dom.js';

// ── Seed answers (test/fixtures/seed-examples.json, generated from seed 003) ──

type Bodies = Record<string, unknown>;
let lookupSeeds: Bodies;

before(async () => {
  const seeds = (await (
    await fetch(new URL('../../../test/fixtures/seed-examples.json', import.meta.url))
  ).json()) as Record<string, Bodies>;
  lookupSeeds = seeds['GET /client-id/{client_id}/customers/lookup']!;
});

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const seed = (label: string) => json(lookupSeeds[label], Number(label.split(' ')[0]));
/** The contract's error shape (docs/checkout-sessions.md). */
const contractError = (status: number, error: string, extra: object = {}) =>
  json({ url: '/api/flexiti/lookup', message: error, error, ...extra }, status);

/** The contract's lookup answer. */
const ANSWER = {
  security_qid: [
    { id: '4', text: 'What is the name of your favourite childhood friend?' },
    { id: '5', text: 'What is the country of your ultimate dream vacation?' },
  ],
  methods: ['sms', 'email', 'security_question'],
  offer_types: [
    {
      plan_name: '90 Days Grace, Equal Payments Regular Interest',
      plan_id: '1',
      offer_category: 'equal_billing',
      term_options: ['12', '18'],
    },
  ],
};

// ── Mounting, answering, queries ──

async function mount({ lang = 'en-CA' as Locale, by = 'name' } = {}): Promise<FlexitiLookup> {
  await setLocale(lang);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}><flexiti-lookup by=${by}></flexiti-lookup></div>`,
  );
  const el = wrapper.querySelector('flexiti-lookup')!;
  await el.updateComplete;
  if (lang === 'fr-CA')
    await waitUntil(() => text($(el, 'h2')) === 'Trouver votre compte Flexiti', 'French did not load');
  return el;
}

type Answer = () => unknown;

/** Answers every lookup request with the next answer (the last one repeats); records the request bodies. */
const answer = (el: FlexitiLookup, ...answers: Answer[]) => answerRequests(el, 'flexiti-lookup-request', ...answers);

function results(el: FlexitiLookup): unknown[] {
  const details: unknown[] = [];
  el.addEventListener('flexiti-lookup-result', (event: FlexitiLookupResultEvent) => details.push(event.detail));
  return details;
}

const field = (el: FlexitiLookup, name: string) => $<HTMLInputElement>(el, `#${name}`)!;
const errorOf = fieldErrorOf;
const submit = (el: FlexitiLookup) => $<HTMLButtonElement>(el, 'button[type="submit"]')!;
const notice = (el: FlexitiLookup) => text($(el, '#notice'));
const status = (el: FlexitiLookup) => text($(el, '[role="status"]'));
const msgText = (key: string, locale: Locale = 'en-CA', params?: Record<string, string | number>) =>
  textNow({ key, params }, locale);

/** Types into a field as a person would, then leaves it (`change`). */
async function fill(el: FlexitiLookup, name: string, value: string): Promise<void> {
  const input = field(el, name);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** What the name fields hold: first name, last name, date of birth, postal code. */
const namesTyped = (el: FlexitiLookup) =>
  ['first_name', 'last_name', 'dob', 'postal_code'].map((name) => field(el, name).value);

async function fillName(
  el: FlexitiLookup,
  values: Partial<Record<'first_name' | 'last_name' | 'dob' | 'postal_code', string>> = {},
): Promise<void> {
  const all = { first_name: 'Jane', last_name: 'Doe', dob: '1990-01-01', postal_code: '', ...values };
  for (const [name, value] of Object.entries(all)) await fill(el, name, value);
}

/** Waits until the request is answered and the last render is done. */
async function settle(el: FlexitiLookup): Promise<void> {
  await settleBusy(el);
  await new Promise((resolve) => setTimeout(resolve));
}

async function send(el: FlexitiLookup): Promise<void> {
  submit(el).click();
  await settle(el);
}

/** A bad input: submitted, it shows its message on its field, marks it invalid, takes focus and sends nothing. */
async function expectRefused(el: FlexitiLookup, name: string, expected: string): Promise<void> {
  const requests = answer(el, json(ANSWER));
  await send(el);
  expect(requests, 'nothing is sent').to.have.length(0);
  expect(errorOf(el, name)).to.equal(expected);
  expect(field(el, name).getAttribute('aria-invalid')).to.equal('true');
  expect(field(el, name).getAttribute('aria-describedby')).to.contain(`${name}-message`);
  expect(text($(el, `#${name}-message`))).to.match(/^(Error:|Erreur :) /);
  expect(el.matches(':state(user-invalid)')).to.equal(true);
  expectFocus(el, field(el, name));
  await expect(el).to.be.accessible();
}

/** A lookup by name with `change` typed over the valid name: refused on `name` with `expected`. */
async function expectNameRefused(
  change: Parameters<typeof fillName>[1],
  name: string,
  expected: string,
): Promise<void> {
  const el = await mount();
  await fillName(el, change);
  await expectRefused(el, name, expected);
}

const nextYear = () => `${Number(todayLocal().slice(0, 4)) + 1}${todayLocal().slice(4)}`;
const yearsAgo = (years: number) => `${Number(todayLocal().slice(0, 4)) - years}${todayLocal().slice(4)}`;

// ── Tests ──

// Each test starts on an English page (one language per page; some tests switch it).
beforeEach(() => setLocale('en-CA'));

describe('<flexiti-lookup>', () => {
  describe('the form', () => {
    it('asks for name, date of birth and postal code by default, each field labelled, axe clean', async () => {
      const el = await mount();
      expect(text($(el, 'h2'))).to.equal('Find your Flexiti account');
      expect([...el.shadowRoot!.querySelectorAll('input[type="text"]')].map((input) => input.id)).to.deep.equal([
        'first_name',
        'last_name',
        'dob',
        'postal_code',
      ]);
      expect(text($(el, 'label[for="postal_code"]'))).to.equal('Postal code (optional)');
      expect(field(el, 'dob').getAttribute('aria-describedby')).to.equal('dob-hint');
      expect(field(el, 'first_name').autocomplete).to.equal('given-name');
      expect(field(el, 'dob').autocomplete).to.equal('bday');
      expect($(el, '[role="status"]')!.getAttribute('aria-live')).to.equal('polite');
      await expect(el).to.be.accessible();
    });

    it('asks for the card number with by="card", axe clean', async () => {
      const el = await mount({ by: 'card' });
      expect([...el.shadowRoot!.querySelectorAll('input[type="text"]')].map((input) => input.id)).to.deep.equal([
        'vcc_number',
      ]);
      expect(field(el, 'vcc_number').inputMode).to.equal('numeric');
      expect(field(el, 'vcc_number').autocomplete).to.equal('cc-number');
      await expect(el).to.be.accessible();
    });

    it('keeps what was typed in both ways when switching between name and card', async () => {
      const el = await mount();
      await fillName(el, { first_name: 'Zoë', postal_code: 'm5m1m1' });
      $<HTMLInputElement>(el, '#by-card')!.click();
      await el.updateComplete;
      expect(el.by).to.equal('card');
      await fill(el, 'vcc_number', '6374 9801 0040 8234');
      $<HTMLInputElement>(el, '#by-name')!.click();
      await el.updateComplete;
      expect(field(el, 'first_name').value).to.equal('Zoë');
      expect(field(el, 'postal_code').value).to.equal('M5M 1M1');
      $<HTMLInputElement>(el, '#by-card')!.click();
      await el.updateComplete;
      expect(field(el, 'vcc_number').value).to.equal('6374 9801 0040 8234');
    });

    it('shows an error once the field is left, not while typing', async () => {
      const el = await mount();
      const input = field(el, 'first_name');
      input.value = 'J4ne';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(errorOf(el, 'first_name'), 'while typing').to.equal('');
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect(errorOf(el, 'first_name')).to.equal(msgText('name.characters'));
      await fill(el, 'first_name', 'Jane');
      expect(errorOf(el, 'first_name'), 'corrected').to.equal('');
    });

    it('reset() clears everything typed, the messages and the result', async () => {
      const el = await mount();
      answer(el, json(ANSWER));
      await fillName(el);
      await send(el);
      expect(el.result).to.exist;
      el.reset();
      await el.updateComplete;
      expect(namesTyped(el)).to.deep.equal(['', '', '', '']);
      expect(el.result).to.equal(undefined);
      expect(status(el)).to.equal('');
    });
  });

  describe('bad input (each refused on its field, focus on the first)', () => {
    it('nothing typed: first name, last name and date of birth are required; postal code is not', async () => {
      const el = await mount();
      await expectRefused(el, 'first_name', msgText('required'));
      expect(errorOf(el, 'last_name')).to.equal(msgText('required'));
      expect(errorOf(el, 'dob')).to.equal(msgText('required'));
      expect(errorOf(el, 'postal_code')).to.equal('');
      expect(field(el, 'postal_code').getAttribute('aria-invalid')).to.equal('false');
    });

    it('a first name with digits', () =>
      expectNameRefused({ first_name: 'J4ne' }, 'first_name', msgText('name.characters')));

    it('a last name longer than 130 characters', () =>
      expectNameRefused({ last_name: 'a'.repeat(131) }, 'last_name', msgText('text.too_long', 'en-CA', { max: 130 })));

    it('a date of birth not written YYYY-MM-DD', () =>
      expectNameRefused({ dob: '31/05/1990' }, 'dob', msgText('date.format')));

    it('a date of birth that does not exist', () =>
      expectNameRefused({ dob: '1990-02-30' }, 'dob', msgText('date.invalid')));

    it('a date of birth in the future', () => expectNameRefused({ dob: nextYear() }, 'dob', msgText('dob.future')));

    it('a date of birth under 18 years ago', () =>
      expectNameRefused(
        { dob: yearsAgo(17) },
        'dob',
        'Flexiti account holders are at least 18 years old. Check the date of birth.',
      ));

    it('a postal code that is not Canadian', () =>
      expectNameRefused({ postal_code: '90210' }, 'postal_code', msgText('postal.format')));

    it('a card number of 15 digits', async () => {
      const el = await mount({ by: 'card' });
      await fill(el, 'vcc_number', '637498010040823');
      await expectRefused(el, 'vcc_number', msgText('vcc.format'));
    });

    it('a card number with letters', async () => {
      const el = await mount({ by: 'card' });
      await fill(el, 'vcc_number', '6374 9801 OO40 8234');
      await expectRefused(el, 'vcc_number', msgText('vcc.format'));
    });

    it('no card number', async () => {
      const el = await mount({ by: 'card' });
      await expectRefused(el, 'vcc_number', msgText('required'));
    });

    it('the first invalid field takes focus when several are wrong', async () => {
      const el = await mount();
      await fillName(el, { dob: 'soon', postal_code: '00000' });
      answer(el, json(ANSWER));
      await send(el);
      expectFocus(el, field(el, 'dob'));
      expect(errorOf(el, 'postal_code')).to.equal(msgText('postal.format'));
    });
  });

  describe('the request', () => {
    it('by name: the contract body, names trimmed, postal code normalized, the page language', async () => {
      const el = await mount();
      const requests = answer(el, json(ANSWER));
      await fillName(el, { first_name: '  Jane ', last_name: "O'Brien", dob: '1990-01-01', postal_code: 'm5m-1m1' });
      await send(el);
      expect(requests).to.deep.equal([
        { first_name: 'Jane', last_name: "O'Brien", dob: '1990-01-01', postal_code: 'M5M 1M1', lang: 'en' },
      ]);
    });

    it('by name without a postal code: the key is left out', async () => {
      const el = await mount();
      const requests = answer(el, json(ANSWER));
      await fillName(el);
      await send(el);
      expect(requests).to.deep.equal([{ first_name: 'Jane', last_name: 'Doe', dob: '1990-01-01', lang: 'en' }]);
    });

    it('by card: 16 digits without spaces or hyphens, shown grouped once the field is left', async () => {
      const el = await mount({ by: 'card' });
      const requests = answer(el, json(ANSWER));
      await fill(el, 'vcc_number', '6374-9801-0040-8234');
      expect(field(el, 'vcc_number').value).to.equal('6374 9801 0040 8234');
      await send(el);
      expect(requests).to.deep.equal([{ vcc_number: '6374980100408234', lang: 'en' }]);
    });

    it('sends one request for a double submit', async () => {
      const el = await mount();
      let release!: () => void;
      const requests = answer(el, () => new Promise((resolve) => (release = () => resolve(json(ANSWER)()))));
      await fillName(el);
      submit(el).click();
      submit(el).click();
      await el.updateComplete;
      expect(submit(el).getAttribute('aria-disabled')).to.equal('true');
      expect(field(el, 'first_name').readOnly, 'fields are read-only while looking').to.equal(true);
      expect(status(el)).to.equal('Looking for the account…');
      release();
      await settle(el);
      expect(requests).to.have.length(1);
    });
  });

  describe('found', () => {
    it('fires flexiti-lookup-result with the contract answer, says so, and keeps the form', async () => {
      const el = await mount();
      answer(el, json(ANSWER));
      const found = results(el);
      await fillName(el);
      await send(el);
      expect(found).to.have.length(1);
      expect(found[0]).to.deep.equal({
        security_qid: ANSWER.security_qid,
        methods: ['sms', 'email', 'security_question'],
        offer_types: [{ ...ANSWER.offer_types[0], term_options: [12, 18] }],
      });
      expect(el.result).to.deep.equal(found[0]);
      expect(status(el)).to.equal('Account found.');
      expect(field(el, 'first_name').value, 'kept for a Back').to.equal('Jane');
      await expect(el).to.be.accessible();
    });

    it('keeps no personal information from a raw POS API answer a host passed through', async () => {
      const el = await mount({ by: 'card' });
      answer(el, json(lookupSeeds.response));
      const found = results(el);
      await fill(el, 'vcc_number', '6374980100408234');
      await send(el);
      const detail = found[0] as Record<string, unknown>;
      expect(Object.keys(detail).sort()).to.deep.equal(['methods', 'offer_types', 'security_qid']);
      const serialized = JSON.stringify(detail);
      for (const secret of ['43353', '20035156', 'Anystreet', 'M5M1M1', 'available_credit', 'risk_rating']) {
        expect(serialized, secret).not.to.contain(secret);
      }
      expect(detail.methods, 'without methods: SMS, email and the questions on file').to.deep.equal([
        'sms',
        'email',
        'security_question',
      ]);
    });

    it('keeps only known methods, in order, and no security question without questions', async () => {
      const el = await mount();
      answer(
        el,
        json({
          ...ANSWER,
          security_qid: [],
          methods: ['merchant_override', 'carrier_pigeon', 'security_question', 'sms'],
        }),
      );
      const found = results(el);
      await fillName(el);
      await send(el);
      expect((found[0] as { methods: string[] }).methods).to.deep.equal(['sms', 'merchant_override']);
    });

    it('an unreadable answer is an error, reported without PII', async () => {
      const el = await mount();
      answer(el, json({ security_qid: 'nope' }));
      const errors: unknown[] = [];
      el.addEventListener('flexiti-error', (event: FlexitiErrorEvent) => errors.push({ ...event.detail }));
      const found = results(el);
      await fillName(el);
      await send(el);
      expect(found).to.have.length(0);
      expect(notice(el)).to.equal(textNow(localError('invalid_response'), 'en-CA'));
      expect(errors).to.deep.equal([{ type: 'server', code: 'invalid_response', source: 'flexiti-lookup' }]);
    });
  });

  describe('every lookup error, in words, nothing typed lost', () => {
    async function failWith(reply: Answer, lang: Locale = 'en-CA'): Promise<FlexitiLookup> {
      const el = await mount({ lang });
      answer(el, reply);
      await fillName(el, { postal_code: 'M5M 1M1' });
      await send(el);
      expectFocus(el, $(el, '#notice'));
      expect(namesTyped(el)).to.deep.equal(['Jane', 'Doe', '1990-01-01', 'M5M 1M1']);
      expect(el.result).to.equal(undefined);
      await expect(el).to.be.accessible();
      return el;
    }

    it('409 not_found (seed 003)', async () => {
      const el = await failWith(seed('409 - Customer Not Found'));
      expect(notice(el)).to.equal(msgText('api.not_found'));
    });

    it('409 user_not_active (seed 003): says how to activate the account', async () => {
      const el = await failWith(seed('409 - VCC Not Activated'));
      expect(notice(el)).to.equal(msgText('api.user_not_active'));
      expect(notice(el)).to.contain('my.flexiti.com');
    });

    it('409 user_not_able_to_purchase (seed 003): says whom to call', async () => {
      const el = await failWith(seed('409 - Blocked VCC or Customer with a status other than "Normal"'));
      expect(notice(el)).to.equal(msgText('api.user_not_able_to_purchase'));
      expect(notice(el)).to.contain('1-877-259-3750');
    });

    // The checkout session's own refusals: each says its message key's words in the notice.
    for (const [name, status, code] of [
      ['401 checkout_required', 401, 'checkout_required'],
      ['401 checkout_not_found: reload the page', 401, 'checkout_not_found'],
      ['401 checkout_expired: start again', 401, 'checkout_expired'],
      ['403 origin_not_allowed', 403, 'origin_not_allowed'],
      ['409 checkout_completed', 409, 'checkout_completed'],
    ] as const) {
      it(name, async () => {
        const el = await failWith(contractError(status, code));
        expect(notice(el)).to.equal(msgText(`api.${code}`));
      });
    }

    it('429 too_many_attempts with retry_after: "Wait 2 minutes"', async () => {
      const el = await failWith(contractError(429, 'too_many_attempts', { retry_after: 120 }));
      expect(notice(el).replace(/\u00a0/g, ' ')).to.equal(
        'Too many attempts. Wait 2 minutes, then try again. What you entered is still here.',
      );
    });

    it('429 with only a Retry-After header: "Wait 30 seconds"', async () => {
      const el = await failWith(
        () => new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '30' } }),
      );
      expect(notice(el).replace(/\u00a0/g, ' ')).to.equal(
        'Too many attempts. Wait 30 seconds, then try again. What you entered is still here.',
      );
    });

    it('429 in French: "Attendez 2 minutes"', async () => {
      const el = await failWith(contractError(429, 'too_many_attempts', { retry_after: 120 }), 'fr-CA');
      expect(notice(el).replace(/\u00a0/g, ' ')).to.equal(
        'Trop de tentatives. Attendez 2 minutes, puis réessayez. Vos renseignements sont conservés.',
      );
    });

    it('a network failure', async () => {
      const el = await failWith(() => Promise.reject(new TypeError('Failed to fetch')));
      expect(notice(el)).to.equal(textNow(localError('network_error'), 'en-CA'));
    });

    it('a server error (503)', async () => {
      const el = await failWith(() => new Response('busy', { status: 503 }));
      expect(notice(el)).to.equal(msgText('error.server'));
    });

    it('nobody answering the request', async () => {
      const el = await mount();
      await fillName(el);
      await send(el);
      expect(notice(el)).to.equal(textNow(localError('no_handler'), 'en-CA'));
      expectFocus(el, $(el, '#notice'));
    });

    it('API text is shown as text, never as markup', async () => {
      const el = await failWith(
        contractError(409, 'mystery', { message: '<img src=x onerror="window.hacked=1">Account <b>locked</b>' }),
      );
      expect($(el, '#notice img')).to.equal(null);
      expect($(el, '#notice b')).to.equal(null);
      expect(notice(el)).to.equal('Account locked');
      expect((window as { hacked?: number }).hacked).to.equal(undefined);
    });

    it('an error naming the card field (vcc_account_mismatch) shows on it, and goes once it is changed', async () => {
      const el = await mount({ by: 'card' });
      answer(el, contractError(400, 'vcc_account_mismatch'));
      await fill(el, 'vcc_number', '6374980100408234');
      await send(el);
      expect(errorOf(el, 'vcc_number')).to.equal(msgText('api.vcc_account_mismatch'));
      expect(field(el, 'vcc_number').getAttribute('aria-invalid')).to.equal('true');
      expectFocus(el, field(el, 'vcc_number'));
      expect($(el, '#notice')).to.equal(null);
      await expect(el).to.be.accessible();
      await fill(el, 'vcc_number', '6374980116575941');
      expect(errorOf(el, 'vcc_number')).to.equal('');
    });

    it('field_errors on the date of birth show on that field', async () => {
      const el = await mount();
      answer(
        el,
        json(
          {
            error: 'wrong_input',
            message: 'wrong_input',
            field_errors: [{ param: 'dob', msg: 'invalid_date_format' }],
          },
          400,
        ),
      );
      await fillName(el);
      await send(el);
      expect(errorOf(el, 'dob')).to.equal(msgText('date.format'));
      expectFocus(el, field(el, 'dob'));
    });

    it('flexiti-error carries the type and code only', async () => {
      const el = await mount();
      answer(el, seed('409 - VCC Not Activated'));
      const errors: unknown[] = [];
      el.addEventListener('flexiti-error', (event: FlexitiErrorEvent) => errors.push({ ...event.detail }));
      await fillName(el);
      await send(el);
      expect(errors).to.deep.equal([
        { type: 'conflict', code: 'user_not_active', status: 409, source: 'flexiti-lookup' },
      ]);
    });

    it('the next lookup clears the notice', async () => {
      const el = await mount();
      answer(el, seed('409 - Customer Not Found'), json(ANSWER));
      await fillName(el);
      await send(el);
      expect(notice(el)).not.to.equal('');
      await send(el);
      expect($(el, '#notice')).to.equal(null);
      expect(status(el)).to.equal('Account found.');
    });
  });

  describe('fr-CA', () => {
    it('labels, hints and errors in French, axe clean', async () => {
      const el = await mount({ lang: 'fr-CA' });
      expect(text($(el, 'label[for="first_name"]'))).to.equal('Prénom');
      expect(text($(el, 'label[for="postal_code"]'))).to.equal('Code postal (facultatif)');
      expect(text($(el, '#dob-hint'))).to.equal('AAAA-MM-JJ, par exemple 1990-05-31.');
      expect(text(submit(el))).to.equal('Trouver mon compte');
      await send(el);
      expect(errorOf(el, 'first_name')).to.equal(msgText('required', 'fr-CA'));
      await fill(el, 'postal_code', '12345');
      expect(errorOf(el, 'postal_code')).to.equal(msgText('postal.format', 'fr-CA'));
      await expect(el).to.be.accessible();
    });

    it('asks for the questions in French', async () => {
      const el = await mount({ lang: 'fr-CA', by: 'card' });
      const requests = answer(el, json(ANSWER));
      await fill(el, 'vcc_number', '6374980100408234');
      await send(el);
      expect(requests).to.deep.equal([{ vcc_number: '6374980100408234', lang: 'fr' }]);
      expect(status(el)).to.equal('Compte trouvé.');
    });

    it('a lookup error in French (user_not_active)', async () => {
      const el = await mount({ lang: 'fr-CA' });
      answer(el, seed('409 - VCC Not Activated'));
      await fillName(el);
      await send(el);
      expect(notice(el)).to.equal(textNow(readApiError(409, lookupSeeds['409 - VCC Not Activated']), 'fr-CA'));
      expect(notice(el)).to.contain('my.flexiti.com');
      await expect(el).to.be.accessible();
    });
  });

  describe('keyboard only', () => {
    it('by name: Tab through the fields, type, Enter looks up', async () => {
      const el = await mount();
      const requests = answer(el, json(ANSWER));
      const found = results(el);
      $<HTMLInputElement>(el, '#by-name')!.focus();
      await sendKeys({ press: 'Tab' });
      expectFocus(el, field(el, 'first_name'));
      await sendKeys({ type: 'Jane' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Doe' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '1990-01-01' });
      await sendKeys({ press: 'Tab' });
      expectFocus(el, field(el, 'postal_code'));
      await sendKeys({ type: 'k1a 0b1' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(requests).to.deep.equal([
        { first_name: 'Jane', last_name: 'Doe', dob: '1990-01-01', postal_code: 'K1A 0B1', lang: 'en' },
      ]);
      expect(found).to.have.length(1);
    });

    it('a date of birth typed as digits on a numeric keypad (19900101) is shown and sent as 1990-01-01', async () => {
      const el = await mount();
      const requests = answer(el, json(ANSWER));
      expect(field(el, 'dob').getAttribute('inputmode')).to.equal('numeric');
      await fill(el, 'first_name', 'Jane');
      await fill(el, 'last_name', 'Doe');
      await fill(el, 'dob', '19900101');
      expect(field(el, 'dob').value).to.equal('1990-01-01');
      await send(el);
      expect(requests).to.deep.equal([{ first_name: 'Jane', last_name: 'Doe', dob: '1990-01-01', lang: 'en' }]);
    });

    it('by card: arrow keys choose the way, Tab to the number, Enter with a bad number focuses it', async () => {
      const el = await mount();
      const requests = answer(el, json(ANSWER));
      $<HTMLInputElement>(el, '#by-name')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.by).to.equal('card');
      await sendKeys({ press: 'Tab' });
      expectFocus(el, field(el, 'vcc_number'));
      await sendKeys({ type: '6374 9801' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(requests).to.have.length(0);
      expectFocus(el, field(el, 'vcc_number'));
      expect(errorOf(el, 'vcc_number')).to.equal(msgText('vcc.format'));
      await sendKeys({ type: ' 0040 8234' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(requests).to.deep.equal([{ vcc_number: '6374980100408234', lang: 'en' }]);
    });

    it('Tab from the last field reaches the button', async () => {
      const el = await mount({ by: 'card' });
      field(el, 'vcc_number').focus();
      await sendKeys({ press: 'Tab' });
      expectFocus(el, submit(el));
    });
  });

  describe('public API: disabled and state', () => {
    it('disabled: reflected, every control disabled, and a submit sends nothing', async () => {
      const el = await mount();
      const requests = answer(el, json(ANSWER));
      await fillName(el);
      await disableAndSubmit(el);
      expect(requests).to.have.length(0);
      el.disabled = false;
      await el.updateComplete;
      await send(el);
      expect(requests).to.have.length(1);
    });

    it('state: form, then found, then form again once a field changes; custom states follow', async () => {
      const el = await mount();
      answer(el, json(ANSWER));
      expect(el.state).to.equal('form');
      expect(el.matches(':state(form)')).to.equal(true);
      await fillName(el);
      submit(el).click();
      await el.updateComplete;
      expect(el.state).to.equal('form');
      expect(el.matches(':state(busy)')).to.equal(true);
      await settle(el);
      expect(el.state).to.equal('found');
      expect(el.matches(':state(found)') && !el.matches(':state(form)') && !el.matches(':state(busy)')).to.equal(true);
      await fill(el, 'first_name', 'Janet');
      expect(el.state).to.equal('form');
    });
  });
});
