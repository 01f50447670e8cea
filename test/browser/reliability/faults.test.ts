/**
 * Faults in the browser with the real elements: a host answering slowly, twice, never, with HTML instead of JSON,
 * with truncated JSON, with 429 and Retry-After; an element removed and re-added mid-request; properties changed
 * mid-request. Each ends in a clear state (not busy, a message and a way on), with nothing typed lost and no
 * request sent again by itself. The network cut mid-journey in the demo is test/node/reliability/demo.test.ts.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DEFAULT_HOST_TIMEOUT_MS } from '../../../src/internal/host-request.js';
import '../../../src/define/flexiti-terms.js';
import type { FlexitiApply } from '../../../src/components/apply/apply.js';
import type { FlexitiTerms } from '../../../src/components/terms/terms.js';
import type { FlexitiVerify } from '../../../src/components/verify/verify.js';
import { text } from '../dom.js';
import { recordTimeouts, type PassingTime } from '../fake-clock.js';
import * as apply from '../apply-harness.js';
import { chooseMethod, jsonResponse, mountVerify, verifySettled } from './helpers.js';

/** Every named control's value: what the customer typed. */
function typed(el: FlexitiApply): Record<string, string> {
  return Object.fromEntries(
    [...apply.root(el).querySelectorAll<HTMLInputElement>('form [name]')]
      .filter((input) => input.type !== 'hidden')
      .map((input) => [input.name, input.value]),
  );
}

/** Fills a valid application and confirms it; resolves as soon as the request is out (the host may still hold it). */
async function sendApplication(el: FlexitiApply): Promise<Record<string, string>> {
  await apply.fillValid(el);
  const before = typed(el);
  await apply.submitForm(el);
  await apply.confirm(el);
  return before;
}

/** An application sent to a host that holds its answer; the approval to answer with, and what was typed. */
async function sendHeldApplication() {
  const approved = await apply.seedApply('200 - Success - ROC applicant');
  const answer = deferred();
  const { el, events } = await apply.mount({ onApply: () => answer.promise });
  const before = await sendApplication(el);
  return { approved, answer, el, events, before };
}

/** A `<flexiti-verify>` that asked for a code by text message from a host that holds its answer. */
async function sendHeldVerify() {
  const answer = deferred();
  const { el, wrapper } = await mountVerify(
    { customer_id: 43353, account_number: 1, available_credit: 1, security_qid: [] },
    () => answer.promise,
  );
  el.shadowRoot!.querySelector<HTMLInputElement>('input[value="sms"]')!.click();
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await el.updateComplete;
  return { answer, el, wrapper };
}

const isBusy = (el: FlexitiApply) => apply.$(el, '.root')?.getAttribute('aria-busy') === 'true';
const submitError = (el: FlexitiApply) => text(apply.$(el, '[part="submit-error"]'));
const results = (events: { type: string; detail: unknown }[]) =>
  events.filter((event) => event.type === 'flexiti-result');

/** A promise the test settles by hand: the host's answer still "on the wire". */
function deferred<T = unknown>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/**
 * Runs `body` with the elements' default host timeout (60 s) shortened to a few milliseconds: the elements have
 * no timeout property, so the default itself is what a host that never answers meets.
 */
async function withShortDefaultTimeout<T>(body: () => Promise<T>): Promise<T> {
  const realSetTimeout = window.setTimeout;
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) =>
    realSetTimeout(handler, delay === DEFAULT_HOST_TIMEOUT_MS ? 30 : delay, ...args)) as typeof window.setTimeout;
  try {
    return await body();
  } finally {
    window.setTimeout = realSetTimeout;
  }
}

describe('faults: a host answering slowly', () => {
  let time: PassingTime;
  beforeEach(() => (time = recordTimeouts()));
  afterEach(() => time.restore());

  it('<flexiti-apply> stays busy and announces it, keeps everything, then shows the approval', async () => {
    const { approved, answer, el, events, before } = await sendHeldApplication();
    time.pass(1500);
    await el.updateComplete;
    expect(isBusy(el), 'busy while waiting').to.equal(true);
    expect(apply.$<HTMLButtonElement>(el, '[data-confirm]')?.disabled, 'confirm disabled while waiting').to.equal(true);
    expect(text(apply.$(el, '[role="status"]'))).to.contain('Sending your application');
    expect(typed(el)).to.deep.equal(before);
    answer.resolve(approved);
    await apply.settled(el);
    expect(apply.outcomeKind(el)).to.equal('approved');
    expect(results(events)).to.have.length(1);
  });

  it('<flexiti-verify> stays busy, then moves on to the code step', async () => {
    const { answer, el } = await sendHeldVerify();
    time.pass(1500);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]'), 'busy while waiting').to.not.equal(null);
    answer.resolve(jsonResponse({ verification_code: 'verification_sent_to_sms' }));
    await verifySettled(el);
    expect(el.step).to.equal('code');
  });
});

describe('faults: a host answering twice', () => {
  it('two listeners: the first answer counts, the second respondWith throws, and there is one result', async () => {
    const approved = await apply.seedApply('200 - Success - ROC applicant');
    const { el, events } = await apply.mount({ onApply: () => approved });
    const refusals: unknown[] = [];
    // A second listener further up (a second copy of the glue code, say) answers too.
    document.addEventListener(
      'flexiti-apply-request',
      (event) => {
        try {
          event.detail.respondWith(jsonResponse({ error: 'application_declined', message: 'No' }, 409));
        } catch (error) {
          refusals.push(error);
        }
      },
      { once: true },
    );
    await sendApplication(el);
    await apply.settled(el);
    expect(refusals).to.have.length(1);
    expect((refusals[0] as DOMException).name).to.equal('InvalidStateError');
    expect(apply.outcomeKind(el)).to.equal('approved');
    expect(results(events).map((event) => (event.detail as { status: string }).status)).to.deep.equal(['approved']);
  });

  it('an answer given again after the event (a late callback) throws and changes nothing', async () => {
    const approved = await apply.seedApply('200 - Success - ROC applicant');
    let late: (() => void) | undefined;
    const { el, events } = await apply.mount();
    el.addEventListener('flexiti-apply-request', (event) => {
      event.detail.respondWith(approved);
      late = () => event.detail.respondWith(jsonResponse({ error: 'application_declined' }, 409));
    });
    await sendApplication(el);
    await apply.settled(el);
    expect(late).to.throw(DOMException);
    await aTimeout(50);
    expect(apply.outcomeKind(el)).to.equal('approved');
    expect(results(events)).to.have.length(1);
  });
});

describe('faults: a host that never answers', () => {
  it('<flexiti-apply> gives up after the default timeout: outcome unknown, no resend offered, nothing typed lost', async () => {
    const { el, requests, events } = await apply.mount({ onApply: () => new Promise(() => {}) });
    await withShortDefaultTimeout(async () => {
      const before = await sendApplication(el);
      await apply.settled(el);
      expect(typed(el)).to.deep.equal(before);
    });
    expect(text(apply.$(el, '[data-unknown-outcome]'))).to.contain(
      "We don't know whether your application went through",
    );
    // It may have reached Flexiti: no Try again, Confirm or way back to a second submit.
    expect(apply.$(el, '[data-retry]')).to.equal(null);
    expect(apply.$(el, '[data-confirm]')).to.equal(null);
    expect(events.find((event) => event.type === 'flexiti-error')!.detail).to.deep.include({ code: 'timeout' });
    await aTimeout(300);
    expect(requests('flexiti-apply-request')).to.have.length(1);
    expect(apply.control(el, 'first_name').value).to.equal(apply.VALID.first_name);
    await expect(el).to.be.accessible();
  });

  it('<flexiti-verify> gives up after the default timeout with a retry, the answer still typed', async () => {
    const { el, requests } = await mountVerify(
      {
        customer_id: 43353,
        account_number: 1,
        available_credit: 1,
        security_qid: [{ id: '4', text: 'Your first pet?' }],
      },
      () => new Promise(() => {}),
    );
    await chooseMethod(el, 'security_question');
    el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"][value="4"]')!.click();
    const answer = el.shadowRoot!.querySelector<HTMLInputElement>('#security_answer')!;
    answer.value = 'Rex';
    answer.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    await withShortDefaultTimeout(async () => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await verifySettled(el);
    });
    const notice = el.shadowRoot!.querySelector('#notice');
    expect(notice, 'a notice').to.not.equal(null);
    expect(
      [...el.shadowRoot!.querySelectorAll('button')].some((button) => /try again/i.test(button.textContent ?? '')),
    ).to.equal(true);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#security_answer')!.value).to.equal('Rex');
    expect(requests).to.have.length(1);
  });

  it('<flexiti-terms> gives up after the default timeout: unavailable with Retry, agreement cannot be ticked', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-CA"></div>`);
    wrapper.addEventListener('flexiti-terms-request', (event) => event.detail.respondWith(new Promise(() => {})));
    const terms = document.createElement('flexiti-terms') as FlexitiTerms;
    await withShortDefaultTimeout(async () => {
      terms.setAttribute('province', 'ON');
      wrapper.append(terms);
      await waitUntil(() => terms.status !== 'loading' && terms.status !== 'idle', 'terms stayed loading');
    });
    expect(terms.status).to.not.equal('shown');
    const box = terms.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]');
    expect(box === null || box.disabled, 'the agreement cannot be ticked').to.equal(true);
    expect(
      [...terms.shadowRoot!.querySelectorAll('button')].some((button) =>
        /retry|try again/i.test(button.textContent ?? ''),
      ),
    ).to.equal(true);
  });
});

describe('faults: a host answering with something that is not the JSON expected', () => {
  for (const [label, body] of [
    [
      'an HTML page (a proxy’s) with status 200',
      () =>
        new Response('<!doctype html><html><body><h1>Gateway</h1><img src=x onerror=window.__xss=1></body></html>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        }),
    ],
    [
      'truncated JSON',
      () =>
        new Response('{"vcc_number":6374980100408234,"customer_id":43', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    ],
    ['an empty body', () => new Response('', { status: 200 })],
  ] as const) {
    it(`<flexiti-apply> reads ${label} as an unknown outcome: no markup, nothing lost, no resend`, async () => {
      const { el, events } = await apply.mount({ onApply: body });
      const before = await sendApplication(el);
      await apply.settled(el);
      expect(apply.outcomeKind(el), 'never shown as approved').to.equal(null);
      expect(text(apply.$(el, '[data-unknown-outcome]'))).to.contain("We don't know whether");
      expect(apply.$(el, '[part="submit-error"] h1, [part="submit-error"] img')).to.equal(null);
      expect(submitError(el)).to.not.contain('Gateway');
      expect(
        events.some(
          (event) => event.type === 'flexiti-error' && (event.detail as { code: string }).code === 'invalid_response',
        ),
      ).to.equal(true);
      expect(typed(el)).to.deep.equal(before);
      expect(apply.$(el, '[data-retry]')).to.equal(null);
      expect((window as unknown as { __xss?: unknown }).__xss).to.equal(undefined);
    });
  }

  it('<flexiti-verify> reads truncated JSON and an HTML page as an error with Try again', async () => {
    let answer: () => Response = () => new Response('{"verification_code":"verif', { status: 200 });
    const { el, requests } = await mountVerify(
      { customer_id: 43353, account_number: 1, available_credit: 1, security_qid: [] },
      () => answer(),
    );
    await chooseMethod(el, 'sms');
    expect(el.step).to.equal('choose');
    expect(el.shadowRoot!.querySelector('#notice')).to.not.equal(null);
    answer = () =>
      new Response('<html><h1>Bad gateway</h1></html>', { status: 502, headers: { 'content-type': 'text/html' } });
    const retry = [...el.shadowRoot!.querySelectorAll('button')].find((button) =>
      /try again/i.test(button.textContent ?? ''),
    );
    if (retry) retry.click();
    else await chooseMethod(el, 'sms');
    await verifySettled(el);
    expect(el.shadowRoot!.querySelector('#notice h1')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('#notice'))).to.not.contain('Bad gateway');
    expect(requests).to.have.length(2);
  });
});

describe('faults: 429 with Retry-After', () => {
  let time: PassingTime;
  beforeEach(() => (time = recordTimeouts()));
  afterEach(() => time.restore());

  const tooMany = () =>
    jsonResponse({ code: 429, error: 'TOO_MANY_REQUESTS', error_description: 'Slow down' }, 429, {
      'retry-after': '1',
    });

  it('<flexiti-apply>: how long to wait (Retry-After) in words, nothing lost, no automatic retry even after it has passed', async () => {
    const approved = await apply.seedApply('200 - Success - ROC applicant');
    let calls = 0;
    const { el, requests, events } = await apply.mount({ onApply: () => (++calls === 1 ? tooMany() : approved) });
    const before = await sendApplication(el);
    await apply.settled(el);
    expect(submitError(el).replace(/\u00a0/g, ' ')).to.contain(
      'Too many attempts. Wait 1 second, then try again. What you entered is still here.',
    );
    expect(typed(el)).to.deep.equal(before);
    time.pass(1500);
    await el.updateComplete;
    expect(requests('flexiti-apply-request'), 'never resent by itself').to.have.length(1);
    apply.$<HTMLButtonElement>(el, '[data-retry]')!.click();
    await apply.settled(el);
    expect(apply.outcomeKind(el)).to.equal('approved');
    expect(results(events)).to.have.length(1);
  });

  it('<flexiti-apply> in French: « Trop de tentatives »', async () => {
    const { el } = await apply.mount({ lang: 'fr-CA', onApply: tooMany });
    await waitUntil(() => /Demande/.test(text(apply.$(el, 'h2'))), 'French did not load');
    await apply.fillValid(el);
    await apply.submitForm(el);
    apply.$<HTMLButtonElement>(el, '[data-confirm]')!.click();
    await apply.settled(el);
    expect(submitError(el).replace(/\u00a0/g, ' ')).to.contain(
      'Trop de tentatives. Attendez 1 seconde, puis réessayez. Vos renseignements sont conservés.',
    );
  });

  it('<flexiti-verify>: the rate-limit message with a retry, no automatic second request', async () => {
    const { el, requests } = await mountVerify(
      { customer_id: 43353, account_number: 1, available_credit: 1, security_qid: [] },
      tooMany,
    );
    await chooseMethod(el, 'sms');
    expect(text(el.shadowRoot!.querySelector('#notice'))).to.contain('Too many attempts');
    time.pass(1500);
    await el.updateComplete;
    expect(requests).to.have.length(1);
  });
});

describe('faults: an element removed and re-added mid-request', () => {
  it('<flexiti-apply> moved to another place while the host answers: shows the outcome once re-added, one result', async () => {
    const approved = await apply.seedApply('200 - Success - ROC applicant');
    const answer = deferred();
    const { el, wrapper } = await apply.mount({ onApply: () => answer.promise });
    const heard: Event[] = [];
    el.addEventListener('flexiti-result', (event) => heard.push(event));
    await sendApplication(el);
    el.remove();
    answer.resolve(approved);
    await aTimeout(50);
    const elsewhere = await fixture<HTMLDivElement>(html`<div lang="en-CA"></div>`);
    elsewhere.append(el);
    await apply.settled(el);
    expect(apply.outcomeKind(el)).to.equal('approved');
    expect(heard, 'one result, heard on the element').to.have.length(1);
    expect(wrapper.contains(el)).to.equal(false);
  });

  it('<flexiti-apply> removed during a failing request and re-added: not busy, the error and everything typed are there', async () => {
    const answer = deferred();
    const { el, wrapper } = await apply.mount({ onApply: () => answer.promise });
    const before = await sendApplication(el);
    el.remove();
    answer.reject(new TypeError('Failed to fetch'));
    await aTimeout(50);
    wrapper.append(el);
    await apply.settled(el);
    expect(isBusy(el)).to.equal(false);
    expect(submitError(el)).to.contain("We couldn't connect");
    expect(typed(el)).to.deep.equal(before);
    apply.$<HTMLButtonElement>(el, '[data-edit]')!.click();
    await el.updateComplete;
    expect(typed(el)).to.deep.equal(before);
  });

  it('<flexiti-verify> removed mid-request and re-added: continues to the code step', async () => {
    const { answer, el, wrapper } = await sendHeldVerify();
    el.remove();
    answer.resolve(jsonResponse({ verification_code: 'verification_sent_to_sms' }));
    await aTimeout(50);
    wrapper.append(el);
    await verifySettled(el);
    expect(el.step).to.equal('code');
  });

  it('<flexiti-terms> removed while loading and re-added: shows the terms, agreement usable', async () => {
    const answer = deferred<string>();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-CA"></div>`);
    let asked = 0;
    wrapper.addEventListener('flexiti-terms-request', (event) => {
      asked++;
      event.detail.respondWith(asked === 1 ? answer.promise : '<p>Terms, again.</p>');
    });
    const terms = document.createElement('flexiti-terms') as FlexitiTerms;
    terms.setAttribute('province', 'ON');
    wrapper.append(terms);
    await terms.updateComplete;
    terms.remove();
    answer.resolve('<p>Terms of the first answer.</p>');
    await aTimeout(50);
    wrapper.append(terms);
    await waitUntil(() => terms.status === 'shown', 'terms not shown after re-adding');
    expect(terms.shadowRoot!.textContent).to.match(/Terms/);
    expect(asked).to.be.at.most(2);
  });
});

describe('faults: properties changed mid-request', () => {
  it('<flexiti-apply>: new formValues, amount, province and prefill while waiting change nothing typed, and the answer still lands', async () => {
    const { approved, answer, el, events, before } = await sendHeldApplication();
    const changed = await apply.seedFormValues();
    changed.salutation.options = { ...changed.salutation.options, dr: 'Dr.' };
    el.formValues = changed;
    el.amount = 9999;
    el.province = 'QC';
    el.prefill = { first_name: 'Someone', last_name: 'Else', city: 'Montréal' };
    await el.updateComplete;
    expect(isBusy(el)).to.equal(true);
    expect(typed(el), 'the host’s new defaults never replace what was typed').to.deep.equal(before);
    answer.resolve(approved);
    await apply.settled(el);
    expect(apply.outcomeKind(el)).to.equal('approved');
    expect(results(events)).to.have.length(1);
    expect(
      (results(events)[0]!.detail as { response: { available_credit: number } }).response.available_credit,
    ).to.equal(Number(approved.available_credit));
  });

  it('<flexiti-apply>: changes while a failing request is out keep what was typed for the retry', async () => {
    const answer = deferred();
    const { el, requests } = await apply.mount({ onApply: () => answer.promise });
    const before = await sendApplication(el);
    el.prefill = { first_name: 'Someone', address_1: '1 Other Road' };
    el.amount = 42;
    el.formValues = await apply.seedFormValues();
    await el.updateComplete;
    answer.reject(new TypeError('Failed to fetch'));
    await apply.settled(el);
    apply.$<HTMLButtonElement>(el, '[data-edit]')!.click();
    await el.updateComplete;
    expect(typed(el)).to.deep.equal(before);
    await apply.submitForm(el);
    await apply.confirm(el);
    expect((requests('flexiti-apply-request').at(-1) as Record<string, unknown>).first_name).to.equal(
      apply.VALID.first_name,
    );
  });

  it('<flexiti-apply>: formValues taken away mid-request (null) shows the configuration message, and its return restores what was typed', async () => {
    const answer = deferred();
    const { el } = await apply.mount({ onApply: () => answer.promise });
    const before = await sendApplication(el);
    el.formValues = null;
    await el.updateComplete;
    expect(apply.$(el, '[part="config-error"]')).to.not.equal(null);
    answer.reject(new TypeError('Failed to fetch'));
    await aTimeout(50);
    el.formValues = await apply.seedFormValues();
    await apply.settled(el);
    const edit = apply.$<HTMLButtonElement>(el, '[data-edit]');
    if (edit) {
      edit.click();
      await el.updateComplete;
    }
    expect(typed(el)).to.deep.equal(before);
  });

  it('<flexiti-verify>: the same customer re-assigned mid-request (a framework re-render) keeps the flow', async () => {
    const answer = deferred();
    const customer = { customer_id: 43353, account_number: 1, available_credit: 1, security_qid: [] };
    const { el } = await mountVerify(customer, () => answer.promise);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="sms"]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    el.customer = { ...customer } as unknown as FlexitiVerify['customer'];
    el.formats = ['sms', 'email'];
    await el.updateComplete;
    answer.resolve(jsonResponse({ verification_code: 'verification_sent_to_sms' }));
    await verifySettled(el);
    expect(el.step).to.equal('code');
  });
});
