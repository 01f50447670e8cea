/**
 * Property-based tests in the browser (fast-check, modest run counts): random `form_values`, `offer_types`,
 * lookup responses and error bodies set on the real elements never throw and never render `undefined`, `NaN` or
 * `[object Object]` (the whole shadow tree's text is scanned), and the element always stays usable.
 * The arbitraries are shared with the node property tests (test/node/reliability/arbitraries.ts).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { errorBody, formValuesLike, lookupLike, offerType } from '../../node/reliability/arbitraries.js';
import { $, confirm, fillValid, mount, settled, submitForm } from '../apply-harness.js';
import { deepText, injectedMarkup, jsonResponse, mountPlanPicker, mountVerify, verifySettled } from './helpers.js';
import type { FlexitiVerify } from '../../../src/components/verify/verify.js';

const RUNS = { numRuns: 60 };

/**
 * Everything given to each element so far: an element may keep showing earlier data on purpose (the plan
 * picker names the plan the customer chose after the host took it away), so an artefact is allowed only when
 * some data given to it held those characters.
 */
const given = new WeakMap<Element, string>();

/** `undefined`, `NaN` or `[object Object]` in the text, unless data given to the element had those characters. */
function artefacts(host: Element, source: unknown): string[] {
  const data = `${given.get(host) ?? ''}${JSON.stringify(source ?? null) ?? ''}`;
  given.set(host, data);
  return (deepText(host).match(/\bundefined\b|\bNaN\b|\[object Object\]/g) ?? []).filter(
    (artefact) => !data.includes(artefact),
  );
}

/** Uncaught errors and rejections while `body` runs (an element throwing in a render or an event handler). */
/** Checks `property` over `runs` random cases; no error or rejection may escape meanwhile. */
async function holdsWithoutUncaught<Ts extends [unknown, ...unknown[]]>(property: fc.IAsyncProperty<Ts>, runs = RUNS) {
  await withoutUncaught(() => fc.assert(property, runs));
}

async function withoutUncaught(body: () => Promise<void>): Promise<void> {
  const uncaught: string[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(String(event.message));
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await body();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  expect(uncaught, 'uncaught errors').to.deep.equal([]);
}

describe('properties: random data on the real elements', () => {
  it('<flexiti-apply> with random form_values: the form or the configuration message, never undefined or NaN', async function () {
    this.timeout(60_000);
    const { el } = await mount();
    await holdsWithoutUncaught(
      fc.asyncProperty(formValuesLike, async (formValues) => {
        el.formValues = formValues as never; // any JSON-like shape, on purpose
        await el.updateComplete;
        expect(artefacts(el, formValues)).to.deep.equal([]);
        expect(injectedMarkup(el)).to.deep.equal([]);
        // Always one of the two: a usable form, or the message saying it is not available.
        expect(Boolean($(el, 'form')) || Boolean($(el, '[part="config-error"]'))).to.equal(true);
      }),
    );
  });

  it('<flexiti-plan-picker> with random offer_types and amounts: plans or "no plans", never undefined or NaN', async function () {
    this.timeout(60_000);
    const el = await mountPlanPicker([]);
    const amount = fc.oneof(
      fc.constant(undefined),
      fc.double({ min: -10, max: 1e7 }),
      fc.integer({ min: 0, max: 100_000 }),
      fc.constant(Number.NaN),
    );
    await holdsWithoutUncaught(
      fc.asyncProperty(
        fc.oneof(fc.array(offerType, { maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })),
        amount,
        async (offers, value) => {
          el.offers = offers as never; // any JSON, on purpose
          el.amount = value;
          await el.updateComplete;
          expect(artefacts(el, offers)).to.deep.equal([]);
          // Picking the first plan and term on offer works whatever the data.
          const radio = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]');
          radio?.click();
          await el.updateComplete;
          el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]?.click();
          await el.updateComplete;
          expect(artefacts(el, offers)).to.deep.equal([]);
        },
      ),
    );
  });

  it('<flexiti-plan-picker> with random error bodies set by the host: readable text, never undefined or NaN', async function () {
    this.timeout(60_000);
    const el = await mountPlanPicker([
      { plan_name: 'Plan', plan_id: '5', offer_category: 'equal_billing', term_options: [6, 12] },
    ]);
    await holdsWithoutUncaught(
      fc.asyncProperty(errorBody, async (body) => {
        el.error = body as never; // any error body, on purpose
        await el.updateComplete;
        expect(artefacts(el, body)).to.deep.equal([]);
        expect(injectedMarkup(el)).to.deep.equal([]);
      }),
    );
  });

  it('<flexiti-verify> with random lookup responses as the customer: step 1 or the configuration message, never undefined or NaN', async function () {
    this.timeout(60_000);
    const { el } = await mountVerify(null, () => jsonResponse({ verification_code: 1234 }));
    await holdsWithoutUncaught(
      fc.asyncProperty(lookupLike, async (customer) => {
        el.customer = customer as unknown as FlexitiVerify['customer'];
        await el.updateComplete;
        expect(artefacts(el, customer)).to.deep.equal([]);
        const question = el.shadowRoot!.querySelector<HTMLInputElement>(
          'input[type="radio"][value="security_question"]',
        );
        if (question && !question.disabled) {
          question.click();
          await el.updateComplete;
          el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
          await el.updateComplete;
          expect(artefacts(el, customer)).to.deep.equal([]);
        }
        expect(injectedMarkup(el)).to.deep.equal([]);
      }),
    );
  });

  it('<flexiti-verify> with random error bodies and statuses from the host: a readable message and a way on', async function () {
    this.timeout(60_000);
    let answer: () => unknown = () => undefined;
    const { el } = await mountVerify(
      { customer_id: 43353, account_number: 1, available_credit: 1, security_qid: [] },
      () => answer(),
    );
    const status = fc.integer({ min: 400, max: 599 });
    let customerId = 50000;
    await holdsWithoutUncaught(
      fc.asyncProperty(errorBody, status, async (body, code) => {
        answer = () => jsonResponse(body ?? null, code);
        // Back to step 1 for a fresh request: another customer (other questions) starts the flow over.
        el.customer = {
          security_qid: [{ id: String(customerId++), text: 'Your first pet?' }],
          methods: ['sms', 'email'],
          offer_types: [],
        };
        await el.updateComplete;
        const sms = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"][value="sms"]');
        if (!sms || sms.disabled) return;
        sms.click();
        await el.updateComplete;
        el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
        await verifySettled(el);
        expect(artefacts(el, body)).to.deep.equal([]);
        expect(injectedMarkup(el)).to.deep.equal([]);
        expect(deepText(el).trim()).to.not.equal('');
      }),
      { numRuns: 50 },
    );
  });

  it('<flexiti-apply> with random error bodies and statuses from the host: a readable message, nothing lost', async function () {
    this.timeout(90_000);
    let answer: () => unknown = () => undefined;
    const { el } = await mount({ onApply: () => answer() });
    const status = fc.integer({ min: 400, max: 599 });
    await holdsWithoutUncaught(
      fc.asyncProperty(errorBody, status, async (body, code) => {
        answer = () => jsonResponse(body ?? null, code);
        el.reset();
        await fillValid(el);
        await submitForm(el);
        await confirm(el);
        await settled(el);
        expect(artefacts(el, body)).to.deep.equal([]);
        expect(injectedMarkup(el)).to.deep.equal([]);
        // A way on: a final outcome, Try again, or the form with the server's messages.
        const wayOn =
          $(el, '[part="outcome"]') || $(el, '[data-retry]') || $(el, '[data-edit]') || $(el, '[part="error-summary"]');
        expect(wayOn, `no way on after ${code} ${JSON.stringify(body)}`).to.not.equal(null);
      }),
      { numRuns: 50 },
    );
  });
});
