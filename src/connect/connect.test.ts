import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/flexiti-verify.js';
import '../define/flexiti-lookup.js';
import '../define/flexiti-apply.js';
import type { FlexitiVerify } from '../components/verify/verify.js';
import type { FlexitiLookup } from '../components/lookup/lookup.js';
import { CHECKOUT_HEADER, GET_RETRIES, connect, loadCheckout, loadFormValues, type ConnectOptions } from './index.js';
import {
  FlexitiApplyRequestEvent,
  FlexitiCloseAccountRequestEvent,
  FlexitiLookupRequestEvent,
  FlexitiPurchaseRequestEvent,
  FlexitiTermsRequestEvent,
  FlexitiVerifyRequestEvent,
} from '../events/requests.js';
import { HOST_CONNECTED_EVENT, type FlexitiRequestEvent } from '../events/request-event.js';
import { FlexitiCheckoutRequestEvent } from '../events/checkout.js';
import { localError, readApiError, type ApplyRequest, type LookupResult } from '../model/index.js';
import { textIn, textNow } from '../../test/texts.js';
import { setLocale } from '../internal/locale.js';
import { createFlexitiClient } from '../server/client.js';
import { createFlexitiHandler, type FlexitiHandler } from '../server/handler.js';
import {
  createSandbox,
  SANDBOX_APPLICANT,
  SANDBOX_QUEBEC_APPLICANT,
  SANDBOX_SMS_CODE,
  type Sandbox,
} from '../server/sandbox/index.js';

// The real handler on the real sandbox, in the page, on a real checkout: connect's requests are answered at the
// network boundary (connect's `fetch` option), so each test sees exactly what went over the wire and what came back.

interface Call {
  method: string;
  path: string;
  search: string;
  body: unknown;
  checkout: string | null;
}

interface Harness {
  sandbox: Sandbox;
  handler: FlexitiHandler;
  calls: Call[];
  checkout: string;
  options: ConnectOptions;
}

const AMOUNT = 1695;

/** `fail` replaces the handler for the calls it answers (a failing network or server). */
async function harness(
  fail?: (request: Request) => Response | Promise<Response> | undefined,
  checkoutInput: Partial<Parameters<FlexitiHandler['createCheckout']>[0]> = {},
): Promise<Harness> {
  const sandbox = createSandbox();
  const client = createFlexitiClient({
    baseUrl: 'https://pos-api.sandbox.invalid/flexiti/pos-api/v2',
    ...sandbox.credentials,
    fetch: (request) => sandbox.fetch(request),
  });
  const handler = createFlexitiHandler({ client, basePath: '/api/flexiti' });
  const { id: checkout } = await handler.createCheckout({
    orderId: 'order-1',
    amount: AMOUNT,
    channel: 'online',
    ...checkoutInput,
  });
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.clone().text();
    calls.push({
      method: request.method,
      path: url.pathname,
      search: url.search,
      body: text ? JSON.parse(text) : undefined,
      checkout: request.headers.get(CHECKOUT_HEADER),
    });
    const failure = fail?.(request);
    return failure ? failure : handler.fetch(request);
  };
  return { sandbox, handler, calls, checkout, options: { endpoint: '/api/flexiti', checkout, fetch } };
}

/** Dispatches a request event from `target` and returns its answer, read the way the elements read it. */
async function ask(
  target: EventTarget,
  event: FlexitiRequestEvent<unknown>,
): Promise<{ status: number; body: unknown }> {
  target.dispatchEvent(event);
  expect(event.answered, 'the event was answered').to.equal(true);
  try {
    const response = (await event.answer) as Response;
    return { status: response.status, body: await readBody(response) };
  } catch (failure) {
    const response = (failure as { response?: Response }).response;
    if (!response) throw failure;
    return { status: response.status, body: await readBody(response) };
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  return (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
}

const applicant = SANDBOX_APPLICANT as unknown as ApplyRequest;
const disconnects: Array<() => void> = [];
const connected = (root: Document | Element, options: ConnectOptions) => {
  const disconnect = connect(root, options);
  disconnects.push(disconnect);
  return disconnect;
};

/** The routes the browser may call (docs/checkout-sessions.md); raw transactions and search are not among them. */
const BROWSER_ROUTES = [
  'terms',
  'form-values',
  'checkout',
  'apply',
  'close-account',
  'license',
  'lookup',
  'verify',
  'purchase',
];

describe('connect()', () => {
  let host: HTMLElement;

  beforeEach(async () => {
    host = await fixture<HTMLElement>(html`<div></div>`);
  });

  afterEach(() => {
    disconnects.splice(0).forEach((disconnect) => disconnect());
    document.documentElement.lang = 'en';
  });

  it('answers a terms request with the public GET /terms?province&lang, without the checkout', async () => {
    const { calls, options } = await harness();
    connected(document, options);
    const answer = await ask(host, new FlexitiTermsRequestEvent({ province: 'QC', lang: 'fr' }));
    expect(calls).to.deep.equal([
      { method: 'GET', path: '/api/flexiti/terms', search: '?province=QC&lang=fr', body: undefined, checkout: null },
    ]);
    expect(answer.status).to.equal(200);
    expect(answer.body)
      .to.be.a('string')
      .and.match(/Québec|Quebec/);
  });

  it("answers an apply request with POST /apply on the checkout, and the approval without the card's number", async () => {
    const { calls, options, sandbox, checkout } = await harness();
    connected(document, options);
    const answer = await ask(host, new FlexitiApplyRequestEvent(applicant));
    expect(calls.map(({ method, path, checkout: sent }) => `${method} ${path} ${sent}`)).to.deep.equal([
      `POST /api/flexiti/apply ${checkout}`,
    ]);
    expect(calls[0]!.body).to.deep.equal(JSON.parse(JSON.stringify(applicant)));
    expect(answer.status).to.equal(200);
    const approval = answer.body as Record<string, unknown>;
    expect(approval).to.include({ status: 'approved' });
    expect(approval.card_last4).to.match(/^\d{4}$/);
    for (const secret of ['vcc_number', 'account_number', 'customer_id'])
      expect(approval, secret).not.to.have.property(secret);
    expect(sandbox.state.applications.map((entry) => entry.outcome)).to.deep.equal(['approved']);
  });

  it('passes a decline on as a rejection whose body the elements read as the typed error', async () => {
    const { options } = await harness();
    connected(document, options);
    const answer = await ask(host, new FlexitiApplyRequestEvent({ ...applicant, last_name: 'Declined' }));
    expect(answer.status).to.equal(409);
    const error = readApiError(answer.status, answer.body);
    expect(error.type).to.equal('declined');
    expect(error.code).to.equal('application_declined');
  });

  it('answers a lookup request with POST /lookup on the checkout: questions, methods and plans, no PII', async () => {
    const { calls, options, checkout } = await harness();
    connected(document, options);
    const answer = await ask(host, new FlexitiLookupRequestEvent({ vcc_number: '6374980100408234', lang: 'en' }));
    expect(calls).to.deep.equal([
      {
        method: 'POST',
        path: '/api/flexiti/lookup',
        search: '',
        body: { vcc_number: '6374980100408234', lang: 'en' },
        checkout,
      },
    ]);
    expect(answer.status).to.equal(200);
    const found = answer.body as LookupResult;
    expect(Object.keys(found).sort()).to.deep.equal(['can_pay', 'methods', 'offer_types', 'security_qid']);
    expect(found.methods).to.deep.equal(['sms', 'email', 'security_question']);
    // Whether the credit covers the checkout's amount: a yes or no, never the credit itself.
    expect(found.can_pay).to.be.a('boolean');
    expect(JSON.stringify(found)).not.to.match(/43353|20035156|Anystreet|available_credit/);
  });

  it('answers a verify request with POST /verify on the checkout: the code is sent, never answered', async () => {
    const { calls, options, checkout } = await harness();
    connected(document, options);
    await ask(host, new FlexitiLookupRequestEvent({ vcc_number: '6374980100408234' }));
    const answer = await ask(host, new FlexitiVerifyRequestEvent({ format: 'sms' }));
    expect(calls[1]).to.deep.equal({
      method: 'POST',
      path: '/api/flexiti/verify',
      search: '',
      body: { format: 'sms' },
      checkout,
    });
    expect(answer.status).to.equal(200);
    expect(answer.body).to.deep.equal({ status: 'code_sent', sent_to: 'sms' });
  });

  it("answers a purchase request with POST /purchase on the checkout: the checkout's amount, the receipt", async () => {
    const { calls, options, checkout, handler } = await harness();
    connected(document, options);
    const found = (await ask(host, new FlexitiLookupRequestEvent({ vcc_number: '6374980100408234' })))
      .body as LookupResult;
    await ask(host, new FlexitiVerifyRequestEvent({ format: 'sms' }));
    const offer = found.offer_types[0]!;
    const request = { plan_id: offer.plan_id, term: offer.term_options[0]!, verification_code: SANDBOX_SMS_CODE };
    const answer = await ask(host, new FlexitiPurchaseRequestEvent(request));
    expect(calls[2]).to.deep.equal({
      method: 'POST',
      path: '/api/flexiti/purchase',
      search: '',
      body: request,
      checkout,
    });
    expect(answer.status).to.equal(200);
    expect(answer.body).to.include({
      status: 'purchased',
      amount: AMOUNT,
      plan_id: offer.plan_id,
      term: offer.term_options[0],
    });
    expect((await handler.getCheckout(checkout))?.status).to.equal('purchased');
  });

  it('a wrong code on the purchase comes back as wrong_verification_code on the code field', async () => {
    const { options } = await harness();
    connected(document, options);
    const found = (await ask(host, new FlexitiLookupRequestEvent({ vcc_number: '6374980100408234' })))
      .body as LookupResult;
    await ask(host, new FlexitiVerifyRequestEvent({ format: 'email' }));
    const offer = found.offer_types[0]!;
    const answer = await ask(
      host,
      new FlexitiPurchaseRequestEvent({
        plan_id: offer.plan_id,
        term: offer.term_options[0]!,
        verification_code: '1111',
      }),
    );
    const error = readApiError(answer.status, answer.body);
    expect(error.code).to.equal('wrong_verification_code');
    expect(Object.keys(error.fields)).to.include('verification_code');
  });

  it("close-account posts {} whatever the request says: the handler closes only this checkout's own Quebec approval", async () => {
    const { calls, options, checkout } = await harness();
    connected(document, options);
    const approval = await ask(host, new FlexitiApplyRequestEvent(SANDBOX_QUEBEC_APPLICANT as unknown as ApplyRequest));
    expect(approval.body).to.include({ closable: true });
    const answer = await ask(host, new FlexitiCloseAccountRequestEvent({ account_number: '20035156' } as never));
    expect(calls[1]).to.deep.equal({
      method: 'POST',
      path: '/api/flexiti/close-account',
      search: '',
      body: {},
      checkout,
    });
    expect(answer).to.deep.equal({ status: 200, body: { status: 'cancelled' } });
  });

  it('without a checkout, the handler answers 401 checkout_required, which the elements say in words', async () => {
    const { options, calls } = await harness();
    connected(document, { ...options, checkout: undefined });
    const answer = await ask(host, new FlexitiLookupRequestEvent({ vcc_number: '6374980100408234' }));
    expect(calls[0]!.checkout).to.equal(null);
    expect(answer.status).to.equal(401);
    const error = readApiError(answer.status, answer.body);
    expect(error.code).to.equal('checkout_required');
    expect(await textIn(error, 'fr-CA')).to.match(/n'est liée à aucune commande/);
  });

  it('an unknown checkout is 401 checkout_not_found', async () => {
    const { options } = await harness();
    connected(document, { ...options, checkout: 'AAAAAAAAAAAAAAAAAAAAAA' });
    const answer = await ask(host, new FlexitiVerifyRequestEvent({ format: 'sms' }));
    expect(answer.status).to.equal(401);
    expect(readApiError(answer.status, answer.body).code).to.equal('checkout_not_found');
  });

  it('never retries a POST, even on a 503', async () => {
    const { calls, options } = await harness((request) =>
      request.method === 'POST' ? new Response('busy', { status: 503 }) : undefined,
    );
    connected(document, options);
    const answer = await ask(host, new FlexitiPurchaseRequestEvent({ plan_id: '1', term: 12 }));
    expect(answer.status).to.equal(503);
    expect(calls).to.have.length(1);
  });

  it('retries a GET when the server is briefly unavailable', async () => {
    let failures = 1;
    const { calls, options } = await harness(() =>
      failures-- > 0 ? new Response('busy', { status: 503 }) : undefined,
    );
    connected(document, options);
    const answer = await ask(host, new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' }));
    expect(calls.map((call) => call.path)).to.deep.equal(['/api/flexiti/terms', '/api/flexiti/terms']);
    expect(answer.status).to.equal(200);
  });

  it('leaves an event alone when a listener closer to the element already answered it', async () => {
    const { calls, options } = await harness();
    connected(document, options);
    host.addEventListener('flexiti-terms-request', (event) => event.detail.respondWith('<p>From the page</p>'), {
      once: true,
    });
    const event = new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' });
    host.dispatchEvent(event);
    expect(await event.answer).to.equal('<p>From the page</p>');
    expect(calls).to.have.length(0);
  });

  it('announces itself on window once its listeners are in place, so elements that asked too early ask again', async () => {
    const { options } = await harness();
    let answeredWhenAnnounced: boolean | undefined;
    const onConnected = () => {
      const event = new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' });
      host.dispatchEvent(event);
      answeredWhenAnnounced = event.answered;
    };
    window.addEventListener(HOST_CONNECTED_EVENT, onConnected, { once: true });
    connected(document, options);
    expect(answeredWhenAnnounced).to.equal(true);
  });

  it('answers only under its root, and stops answering once disconnected', async () => {
    const { calls, options } = await harness();
    const inside = document.createElement('p');
    host.append(inside);
    const disconnect = connected(inside, options);

    const outsideEvent = new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' });
    host.dispatchEvent(outsideEvent);
    expect(outsideEvent.answered, 'an event outside the root').to.equal(false);

    const insideEvent = new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' });
    inside.dispatchEvent(insideEvent);
    expect(insideEvent.answered, 'an event inside the root').to.equal(true);
    await insideEvent.answer;

    disconnect();
    const afterEvent = new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' });
    inside.dispatchEvent(afterEvent);
    expect(afterEvent.answered, 'an event after disconnecting').to.equal(false);
    expect(calls).to.have.length(1);
  });

  it('resolves a relative endpoint against the page, with or without a trailing slash', async () => {
    const { calls, options } = await harness();
    connected(document, { ...options, endpoint: '/api/flexiti/' });
    await ask(host, new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' }));
    expect(calls[0]!.path).to.equal('/api/flexiti/terms');
  });

  it("keeps the host's own headers (a CSRF token) next to the checkout's", async () => {
    const { options, checkout } = await harness();
    const seen: Array<[string | null, string | null]> = [];
    const fetch = options.fetch!;
    connected(document, {
      ...options,
      headers: { 'x-csrf-token': 'token-1' },
      fetch: (input, init) => {
        const request = new Request(input, init);
        seen.push([request.headers.get('x-csrf-token'), request.headers.get(CHECKOUT_HEADER)]);
        return fetch(request);
      },
    });
    await ask(host, new FlexitiVerifyRequestEvent({ format: 'sms' }));
    expect(seen).to.deep.equal([['token-1', checkout]]);
  });

  describe('retries: a GET is asked again, a POST never', () => {
    const busy = () => new Response('busy', { status: 503 });
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));

    it('a GET after a network failure: asked again, and answered', async () => {
      let failures = 1;
      const { calls, options } = await harness(() => (failures-- > 0 ? offline() : undefined));
      connected(document, options);
      const answer = await ask(host, new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' }));
      expect(answer.status).to.equal(200);
      expect(calls.filter((call) => call.path === '/api/flexiti/terms')).to.have.length(2);
    });

    it('a GET that keeps failing: three attempts, then the 503 reaches the element', async () => {
      const { calls, options } = await harness(busy);
      connected(document, options);
      const answer = await ask(host, new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' }));
      expect(answer.status).to.equal(503);
      expect(calls.filter((call) => call.path === '/api/flexiti/terms')).to.have.length(1 + GET_RETRIES);
    });

    it('a GET answered 404 is not asked again', async () => {
      const { calls, options } = await harness(() => new Response('{}', { status: 404 }));
      connected(document, options);
      const answer = await ask(host, new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' }));
      expect(answer.status).to.equal(404);
      expect(calls).to.have.length(1);
    });

    it('a GET answered 429 with a long Retry-After is not asked again: the element shows the wait', async () => {
      const { calls, options } = await harness(
        () => new Response('{}', { status: 429, headers: { 'retry-after': '60' } }),
      );
      connected(document, options);
      const answer = await ask(host, new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' }));
      expect(answer.status).to.equal(429);
      expect(calls).to.have.length(1);
    });

    it('a GET answered 429 with Retry-After: 0 is asked again', async () => {
      let failures = 1;
      const { calls, options } = await harness(() =>
        failures-- > 0 ? new Response('{}', { status: 429, headers: { 'retry-after': '0' } }) : undefined,
      );
      connected(document, options);
      const answer = await ask(host, new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' }));
      expect(answer.status).to.equal(200);
      expect(calls).to.have.length(2);
    });

    it("<flexiti-checkout>'s GET of the checkout is asked again once at most", async () => {
      const { calls, options } = await harness(busy);
      connected(document, options);
      const answer = await ask(host, new FlexitiCheckoutRequestEvent());
      expect(answer.status).to.equal(503);
      expect(calls).to.have.length(2);
    });

    it('a POST after a network failure is not sent again: the failure reaches the element', async () => {
      const { calls, options } = await harness((request) => (request.method === 'POST' ? offline() : undefined));
      connected(document, options);
      const event = new FlexitiApplyRequestEvent(applicant);
      host.dispatchEvent(event);
      let failure: unknown;
      await event.answer!.catch((error: unknown) => (failure = error));
      expect(failure).to.be.instanceOf(TypeError);
      expect(calls).to.have.length(1);
    });

    it('a POST answered 429 with Retry-After: 0 is not sent again', async () => {
      const { calls, options } = await harness((request) =>
        request.method === 'POST' ? new Response('{}', { status: 429, headers: { 'retry-after': '0' } }) : undefined,
      );
      connected(document, options);
      const answer = await ask(host, new FlexitiLookupRequestEvent({ vcc_number: '4111111111111111' }));
      expect(answer.status).to.equal(429);
      expect(calls).to.have.length(1);
    });

    it('a call that takes longer than `timeout` rejects with a TimeoutError and is not asked again', async () => {
      const { calls, options } = await harness(
        (request) =>
          new Promise<Response>((_, reject) =>
            request.signal.addEventListener('abort', () => reject(request.signal.reason)),
          ),
      );
      connected(document, { ...options, timeout: 50 });
      const event = new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' });
      host.dispatchEvent(event);
      let failure: unknown;
      await event.answer!.catch((error: unknown) => (failure = error));
      expect((failure as Error).name).to.equal('TimeoutError');
      expect(calls).to.have.length(1);
    });
  });

  describe('with the elements: lookup, verify, purchase', () => {
    const shadow = (el: HTMLElement) => el.shadowRoot!;
    const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

    async function settle(el: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
      await el.updateComplete;
      await waitUntil(() => !shadow(el).querySelector('[aria-busy="true"]'), 'stayed busy');
      await el.updateComplete;
    }

    async function lookUp(el: FlexitiLookup, card = '6374980100408234'): Promise<void> {
      const field = shadow(el).querySelector<HTMLInputElement>('#vcc_number')!;
      field.value = card;
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await settle(el);
    }

    it('a whole journey through connect: lookup by card, SMS code, purchase; only browser routes called', async () => {
      const { options, calls, handler, checkout } = await harness();
      connected(document, options);
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <flexiti-lookup by="card"></flexiti-lookup>
        <flexiti-verify resend-cooldown="0"></flexiti-verify>
      </div>`);
      const lookup = wrapper.querySelector('flexiti-lookup')!;
      const verify = wrapper.querySelector('flexiti-verify')!;
      const receipts: unknown[] = [];
      verify.addEventListener('flexiti-purchase-result', (event) => receipts.push(event.detail));
      lookup.addEventListener('flexiti-lookup-result', (event) => {
        verify.customer = event.detail;
        const offer = event.detail.offer_types[0]!;
        verify.plan = { plan_id: offer.plan_id, term: offer.term_options[0]! };
      });
      await lookUp(lookup);
      await verify.updateComplete;
      shadow(verify).querySelector<HTMLInputElement>('#format-sms')!.click();
      shadow(verify).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => shadow(verify).querySelector('#verification_code'), 'the code step');
      shadow(verify).querySelector<HTMLInputElement>('#verification_code')!.focus();
      await sendKeys({ type: SANDBOX_SMS_CODE });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => verify.step === 'purchased', 'purchased');
      expect(receipts).to.have.length(1);
      expect(receipts[0]).to.include({ status: 'purchased', amount: AMOUNT });
      expect((await handler.getCheckout(checkout))?.status).to.equal('purchased');
      expect(
        calls.every((call) => call.checkout === checkout),
        'every call on the checkout',
      ).to.equal(true);
      for (const call of calls) expect(BROWSER_ROUTES, call.path).to.include(call.path.replace('/api/flexiti/', ''));
      expect(calls.map((call) => call.path.replace('/api/flexiti/', ''))).to.deep.equal([
        'lookup',
        'verify',
        'purchase',
      ]);
    });

    it('the sixth lookup on one checkout is refused (429): the element says how long to wait, the card stays', async () => {
      const { options } = await harness();
      connected(document, options);
      const lookup = await fixture<FlexitiLookup>(html`<flexiti-lookup by="card"></flexiti-lookup>`);
      for (let attempt = 0; attempt < 5; attempt++) await lookUp(lookup, '6374980100000000');
      expect(text(shadow(lookup).querySelector('#notice'))).to.equal(
        textNow(readApiError(409, { error: 'not_found' }), 'en-CA'),
      );
      await lookUp(lookup, '6374980100408234');
      expect(text(shadow(lookup).querySelector('#notice')).replace(/\u00a0/g, ' ')).to.match(
        /^Too many attempts\. Wait \d+ (minutes?|seconds?|hours?), then try again\. What you entered is still here\.$/,
      );
      expect(shadow(lookup).querySelector<HTMLInputElement>('#vcc_number')!.value).to.equal('6374980100408234');
      await expect(lookup).to.be.accessible();
    });

    it("shows the handler's wrong-answer error on verify's answer field", async () => {
      const { options } = await harness();
      connected(document, options);
      const found = (await ask(host, new FlexitiLookupRequestEvent({ vcc_number: '6374980100408234' })))
        .body as LookupResult;
      const el = await fixture<FlexitiVerify>(
        html`<flexiti-verify resend-cooldown="0" .customer=${found}></flexiti-verify>`,
      );
      shadow(el).querySelector<HTMLInputElement>('#format-security_question')!.click();
      shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => shadow(el).querySelector('#security_answer'), 'the question step');
      shadow(el).querySelector<HTMLInputElement>('input[name="security_qid"]')!.click();
      shadow(el).querySelector<HTMLInputElement>('#security_answer')!.focus();
      await sendKeys({ type: 'Not it' });
      await sendKeys({ press: 'Enter' });
      // Without the hidden "Error:" the message starts with.
      const shownError = () =>
        shadow(el)
          .querySelector('#security_answer-message')
          ?.textContent?.replace(/\s+/g, ' ')
          .trim()
          .replace(/^Error: /, '');
      await waitUntil(shownError, 'the answer error');
      expect(shownError()).to.equal(
        textNow(readApiError(409, { error: 'secret_answer_mismatch', message: '' }), 'en-CA'),
      );
      expect(shadow(el).querySelector('#security_answer')!.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it("shows a network failure as verify's retryable notice, in French too", async () => {
      const { options } = await harness((request) => {
        if (new URL(request.url).pathname.endsWith('/verify')) throw new TypeError('Failed to fetch');
        return undefined;
      });
      connected(document, options);
      const found = (await ask(host, new FlexitiLookupRequestEvent({ vcc_number: '6374980100408234' })))
        .body as LookupResult;
      await setLocale('fr-CA');
      const el = await fixture<FlexitiVerify>(
        html`<flexiti-verify resend-cooldown="0" .customer=${found}></flexiti-verify>`,
      );
      await el.updateComplete;
      shadow(el).querySelector<HTMLInputElement>('#format-sms')!.click();
      shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => shadow(el).querySelector('#notice'), 'the notice');
      const notice = shadow(el).querySelector('#notice')!;
      expect(notice.textContent).to.include(textNow(localError('network_error'), 'fr-CA'));
      expect(notice.querySelector('button')).to.exist;
      await expect(el).to.be.accessible();
      await setLocale('en-CA');
    });
  });
});

describe('loadCheckout()', () => {
  it('loads the checkout the page may see with GET /checkout on the checkout', async () => {
    const { calls, options, checkout } = await harness();
    const seen = (await loadCheckout(options)) as Record<string, unknown>;
    expect(calls).to.deep.equal([
      { method: 'GET', path: '/api/flexiti/checkout', search: '', body: undefined, checkout },
    ]);
    expect(seen).to.include({ amount: AMOUNT, currency: 'CAD', channel: 'online', status: 'open' });
  });
});

describe('loadFormValues()', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it("loads the form values in the page's language with GET /form-values", async () => {
    const { calls, options } = await harness();
    document.documentElement.lang = 'fr-CA';
    const values = (await loadFormValues(options)) as { province: { options: Record<string, string> } };
    expect(calls).to.deep.equal([
      { method: 'GET', path: '/api/flexiti/form-values', search: '?lang=fr', body: undefined, checkout: null },
    ]);
    expect(values.province.options['QC']).to.equal('Québec');
  });

  it('takes an explicit language', async () => {
    const { calls, options } = await harness();
    const values = (await loadFormValues({ ...options, lang: 'en' })) as {
      province: { options: Record<string, string> };
    };
    expect(calls[0]!.search).to.equal('?lang=en');
    expect(values.province.options['QC']).to.equal('Quebec');
  });

  it('rejects with the HTTP error when the handler fails', async () => {
    const { options } = await harness(() => new Response(JSON.stringify({ error: 'general_error' }), { status: 400 }));
    let failure: unknown;
    await loadFormValues(options).catch((error: unknown) => (failure = error));
    expect((failure as { response?: Response }).response?.status).to.equal(400);
  });
});
