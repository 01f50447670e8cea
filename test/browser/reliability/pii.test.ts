/**
 * PII in the browser, with the real elements: complete journeys (an application refused by the server for its
 * SIN — whose error echoes the SIN — then approved; a verification with a wrong then a right security answer; a
 * licence scan; a plan choice) leave no typed value in the URL, cookies, localStorage, sessionStorage,
 * IndexedDB, the console or any `flexiti-error` detail. The SIN, PIW and security answer appear in no event
 * (every event type, listened to on document in the capture phase) except the request that needs them.
 * The demo's journeys are checked the same way end to end in test/node/reliability/demo.test.ts.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, confirm, control, fillValid, mount, seedApply, settled, submitForm } from '../apply-harness.js';
import { chooseMethod, jsonResponse, mountPlanPicker, mountVerify, verifySettled } from './helpers.js';
import { ELEMENT_EVENT_TYPES } from '../../event-types.js';

const SIN_TYPED = '130 692 544';
const SIN = '130692544';
const PIW = 'Moonstone';
const ANSWER = 'Whisperwood';
const LICENCE_TEXT = 'ANSI 636012 DLDAQD61014070660905';

/** What the customer typed that identifies them (everything but the secrets). */
const IDENTITY = {
  first_name: 'Privatia',
  last_name: 'Secretson',
  dob: '1979-10-14',
  email: 'privatia.secretson@example.com',
  phone_number: '416 555 0163',
  address_1: '77 Hidden Lane',
  postal_code: 'M4C 1B5',
  occupation_title: 'Lighthouse keeper',
};
const SECRETS = [SIN, SIN_TYPED, PIW, ANSWER];
const TYPED = [...SECRETS, ...Object.values(IDENTITY), '4165550163', 'M4C1B5', LICENCE_TEXT];

/** Every event type a page can see: the standard ones (from the `on…` handlers) and ours. */
/** Types `value` into the field `name` with real keys, as a customer would, and sends the application. */
async function retypeAndSend(el: Awaited<ReturnType<typeof mount>>['el'], name: string, value: string): Promise<void> {
  control(el, name).value = '';
  control(el, name).focus();
  await sendKeys({ type: value });
  await submitForm(el);
  await confirm(el);
  await settled(el);
}

function allEventTypes(): string[] {
  const standard = new Set<string>();
  for (const target of [window, Document.prototype, HTMLElement.prototype, Element.prototype]) {
    for (let proto: object | null = target; proto; proto = Object.getPrototypeOf(proto)) {
      for (const key of Object.getOwnPropertyNames(proto)) if (key.startsWith('on')) standard.add(key.slice(2));
    }
  }
  return [...standard, ...ELEMENT_EVENT_TYPES, 'beforeinput'];
}

interface Seen {
  type: string;
  text: string;
}

/** Serializes what an event carries: its detail (request included), and an input event's data. */
function serialize(event: Event): string {
  const carried = { detail: (event as Event & { detail?: unknown }).detail, data: (event as InputEvent).data };
  try {
    return JSON.stringify(carried, (_key, value) => (typeof value === 'function' ? undefined : value)) ?? '';
  } catch {
    return String(carried.detail);
  }
}

function watchEvents(): { seen: Seen[]; stop(): void } {
  const seen: Seen[] = [];
  const listener = (event: Event) => seen.push({ type: event.type, text: serialize(event) });
  const types = [...new Set(allEventTypes())];
  for (const type of types) document.addEventListener(type, listener, { capture: true });
  return { seen, stop: () => types.forEach((type) => document.removeEventListener(type, listener, { capture: true })) };
}

function watchConsole(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const methods = [
    'log',
    'info',
    'warn',
    'error',
    'debug',
    'trace',
    'dir',
    'dirxml',
    'table',
    'group',
    'groupCollapsed',
  ] as const;
  const originals = methods.map((method) => [method, console[method]] as const);
  for (const method of methods) {
    (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
      lines.push(
        args
          .map((arg) => {
            try {
              return typeof arg === 'string' ? arg : JSON.stringify(arg);
            } catch {
              return String(arg);
            }
          })
          .join(' '),
      );
  }
  return {
    lines,
    restore: () =>
      originals.forEach(([method, original]) => ((console as unknown as Record<string, unknown>)[method] = original)),
  };
}

const containing = (text: string, values: readonly string[]) =>
  values.filter((value) => text.toLowerCase().includes(value.toLowerCase()));

async function storageSnapshot(): Promise<string> {
  const databases = (await indexedDB.databases()).map((database) => database.name);
  const dump = (storage: Storage) =>
    Object.fromEntries(
      Array.from({ length: storage.length }, (_, index) => [storage.key(index), storage.getItem(storage.key(index)!)]),
    );
  return JSON.stringify({
    url: location.href,
    cookie: document.cookie,
    local: dump(localStorage),
    session: dump(sessionStorage),
    databases,
    title: document.title,
  });
}

describe('PII in the browser: complete journeys with the real elements', () => {
  it('leave nothing typed in the URL, cookies, storage, IndexedDB, console or flexiti-error; secrets only in their request', async function () {
    this.timeout(30_000);
    const before = await storageSnapshot();
    const events = watchEvents();
    const output = watchConsole();
    try {
      // ── Apply: the server first refuses the SIN (echoing it, as Flexiti does), then approves ──
      const approved = await seedApply('200 - Success - ROC applicant');
      let answer: unknown = jsonResponse(
        {
          url: '/apply',
          message: 'Some inputs are wrong!',
          error: 'wrong_inputs',
          field_errors: [{ param: 'SIN', msg: 'wrong format', value: SIN }],
        },
        409,
      );
      const { el } = await mount({
        channel: 'in_store',
        onApply: () => answer,
        onLicense: () => ({ first_name: IDENTITY.first_name, last_name: IDENTITY.last_name }),
      });

      // A licence scan first: its text goes only into the licence request.
      $<HTMLDetailsElement>(el, '[part="scan"]')!.open = true;
      const scan = $<HTMLTextAreaElement>(el, '#scan-code')!;
      scan.focus();
      await sendKeys({ type: LICENCE_TEXT });
      $<HTMLButtonElement>(el, '[data-use-scan]')!.click();
      await settled(el);

      await fillValid(el, { ...IDENTITY, sin: SIN_TYPED, piw: PIW, security_answer: ANSWER });
      // Type the secrets once more with real keys, as a customer would.
      await retypeAndSend(el, 'piw', PIW);
      expect(control(el, 'sin').value, 'the refused SIN is still there to correct').to.contain('130');
      answer = approved;
      // The customer retypes the SIN the server refused (its error stays until the field changes).
      await retypeAndSend(el, 'sin', SIN_TYPED);
      expect($(el, '[part="outcome"]')?.getAttribute('data-outcome')).to.equal('approved');

      // ── Verify by security question: a wrong answer, then the right one ──
      let verifyAnswer: unknown = jsonResponse(
        {
          url: '/verify',
          message: 'The answer you provided did not match our records.',
          error: 'secret_answer_mismatch',
        },
        409,
      );
      const { el: verify } = await mountVerify(
        {
          customer_id: 43353,
          account_number: 20035156,
          available_credit: 5000,
          security_qid: [{ id: '4', text: 'Your first pet?' }],
        },
        () => verifyAnswer,
      );
      verify.addEventListener('flexiti-purchase-request', (event) =>
        event.detail.respondWith({
          status: 'purchased',
          transaction_id: '1',
          plan_id: '5',
          term: 12,
          amount: 100,
          card_last4: '8234',
        }),
      );
      await chooseMethod(verify, 'security_question');
      verify.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"][value="4"]')!.click();
      const answerField = verify.shadowRoot!.querySelector<HTMLInputElement>('#security_answer')!;
      answerField.focus();
      await sendKeys({ type: 'Not it' });
      verify.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await verifySettled(verify);
      verifyAnswer = jsonResponse({ status: 'verified' });
      answerField.focus();
      answerField.select();
      await sendKeys({ type: ANSWER });
      verify.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await verifySettled(verify);
      await waitUntil(() => verify.step === 'purchased', 'not purchased');

      // ── A plan choice ──
      const picker = await mountPlanPicker([
        { plan_name: 'Equal payments', plan_id: '5', offer_category: 'equal_billing', term_options: [6, 12] },
      ]);
      picker.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
      await picker.updateComplete;
    } finally {
      events.stop();
      output.restore();
    }

    const seen = events.seen;
    // The journeys happened, and the checks below look at real traffic.
    const requestTypes = new Set(seen.map((event) => event.type));
    for (const type of [
      'flexiti-apply-request',
      'flexiti-verify-request',
      'flexiti-license-request',
      'flexiti-verified',
      'flexiti-purchase-request',
      'flexiti-purchase-result',
      'flexiti-result',
      'flexiti-error',
    ]) {
      expect(requestTypes.has(type), `saw ${type}`).to.equal(true);
    }
    expect(
      seen
        .filter((event) => event.type === 'flexiti-apply-request')
        .some((event) => event.text.includes(SIN) && event.text.includes(PIW)),
      'the apply request carries the SIN and PIW',
    ).to.equal(true);
    expect(
      seen.filter((event) => event.type === 'flexiti-verify-request').some((event) => event.text.includes(ANSWER)),
      'the verify request carries the answer',
    ).to.equal(true);

    // Secrets: only in the request that needs them.
    const needs: Record<string, readonly string[]> = {
      'flexiti-apply-request': [SIN, PIW, ANSWER],
      'flexiti-verify-request': [ANSWER],
    };
    for (const event of seen) {
      const allowed = needs[event.type] ?? [];
      const leaked = containing(event.text, SECRETS).filter(
        (value) => !allowed.includes(value) && !(value === SIN_TYPED && allowed.includes(SIN)),
      );
      expect(leaked, `${event.type} carries ${leaked.join(', ')}`).to.deep.equal([]);
    }
    expect(
      seen
        .filter((event) => event.type === 'flexiti-license-request')
        .every((event) => containing(event.text, SECRETS).length === 0),
    ).to.equal(true);
    // flexiti-error: type and code only, never anything typed.
    for (const event of seen.filter((event) => event.type === 'flexiti-error')) {
      expect(containing(event.text, TYPED), `flexiti-error ${event.text}`).to.deep.equal([]);
      expect(Object.keys(JSON.parse(event.text).detail).sort()).to.satisfy((keys: string[]) =>
        keys.every((key) => ['code', 'source', 'status', 'type'].includes(key)),
      );
    }
    // Nothing kept or written anywhere else.
    const after = await storageSnapshot();
    expect(after).to.equal(before);
    expect(containing(after, TYPED)).to.deep.equal([]);
    expect(containing(output.lines.join('\n'), TYPED), 'console').to.deep.equal([]);
  });
});
