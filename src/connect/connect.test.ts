import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/flexiti-verify.js';
import type { FlexitiVerify } from '../components/verify/verify.js';
import { connect, loadFormValues, type ConnectOptions } from './index.js';
import { FlexitiApplyRequestEvent, FlexitiTermsRequestEvent, FlexitiVerifyRequestEvent } from '../events/requests.js';
import type { FlexitiRequestEvent } from '../events/request-event.js';
import { errorText, localError, readApiError, type ApplyRequest, type LookupResponse } from '../model/index.js';
import { createFlexitiClient } from '../server/client.js';
import { createFlexitiHandler } from '../server/handler.js';
import { createSandbox, SANDBOX_APPLICANT, type Sandbox } from '../server/sandbox/index.js';

// The real handler on the real sandbox, in the page: connect's requests are answered at the network
// boundary (ky's `fetch` option), so each test sees exactly what went over the wire and what came back.

interface Call {
  method: string;
  path: string;
  search: string;
  body: unknown;
}

interface Harness {
  sandbox: Sandbox;
  calls: Call[];
  options: ConnectOptions;
}

/** `fail` replaces the handler for the calls it answers (a failing network or server). */
function harness(fail?: (request: Request) => Response | Promise<Response> | undefined): Harness {
  const sandbox = createSandbox();
  const client = createFlexitiClient({
    baseUrl: 'https://pos-api.sandbox.invalid/flexiti/pos-api/v2',
    ...sandbox.credentials,
    fetch: (request) => sandbox.fetch(request),
  });
  const handler = createFlexitiHandler({ client, basePath: '/api/flexiti' });
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.clone().text();
    calls.push({ method: request.method, path: url.pathname, search: url.search, body: text ? JSON.parse(text) : undefined });
    const failure = fail?.(request);
    return failure ? failure : handler.fetch(request);
  };
  return { sandbox, calls, options: { endpoint: '/api/flexiti', ky: { fetch } } };
}

/** Dispatches a request event from `target` and returns its answer, read the way the elements read it. */
async function ask(target: EventTarget, event: FlexitiRequestEvent<unknown>): Promise<{ status: number; body: unknown }> {
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

describe('connect()', () => {
  let host: HTMLElement;

  beforeEach(async () => {
    host = await fixture<HTMLElement>(html`<div></div>`);
  });

  afterEach(() => {
    disconnects.splice(0).forEach((disconnect) => disconnect());
    document.documentElement.lang = 'en';
  });

  it('answers a terms request with GET /terms?province&lang and the terms HTML', async () => {
    const { calls, options } = harness();
    connected(document, options);
    const answer = await ask(host, new FlexitiTermsRequestEvent({ province: 'QC', lang: 'fr' }));
    expect(calls).to.deep.equal([{ method: 'GET', path: '/api/flexiti/terms', search: '?province=QC&lang=fr', body: undefined }]);
    expect(answer.status).to.equal(200);
    expect(answer.body).to.be.a('string').and.match(/Québec|Quebec/);
  });

  it('answers an apply request with POST /apply carrying exactly the request, and the approval', async () => {
    const { calls, options, sandbox } = harness();
    connected(document, options);
    const answer = await ask(host, new FlexitiApplyRequestEvent(applicant));
    expect(calls.map(({ method, path }) => `${method} ${path}`)).to.deep.equal(['POST /api/flexiti/apply']);
    expect(calls[0]!.body).to.deep.equal(JSON.parse(JSON.stringify(applicant)));
    expect(answer.status).to.equal(200);
    const approval = answer.body as { customer_id: number; credit_limit: number };
    expect(approval.credit_limit).to.equal(SANDBOX_APPLICANT.amount_requested);
    expect(sandbox.state.applications.map((entry) => entry.outcome)).to.deep.equal(['approved']);
  });

  it('passes a decline on as a rejection whose body the elements read as the typed error', async () => {
    const { options } = harness();
    connected(document, options);
    const answer = await ask(host, new FlexitiApplyRequestEvent({ ...applicant, last_name: 'Declined' }));
    expect(answer.status).to.equal(409);
    const error = readApiError(answer.status, answer.body);
    expect(error.type).to.equal('declined');
    expect(error.code).to.equal('application_declined');
  });

  it('answers a verify request with POST /verify, customer id in the body for the handler', async () => {
    const { calls, options } = harness();
    connected(document, options);
    const answer = await ask(host, new FlexitiVerifyRequestEvent({ customer_id: '43353', format: 'sms' }));
    expect(calls[0]).to.deep.include({ method: 'POST', path: '/api/flexiti/verify' });
    expect(calls[0]!.body).to.deep.equal({ customer_id: '43353', format: 'sms' });
    expect(answer.status).to.equal(200);
    expect(answer.body).to.deep.include({ verification_code: 'verification_sent_to_sms' });
  });

  it('never retries a POST, even on a 503', async () => {
    const { calls, options } = harness((request) => (request.method === 'POST' ? new Response('busy', { status: 503 }) : undefined));
    connected(document, options);
    const answer = await ask(host, new FlexitiApplyRequestEvent(applicant));
    expect(answer.status).to.equal(503);
    expect(calls).to.have.length(1);
  });

  it("retries a GET on ky's defaults when the server is briefly unavailable", async () => {
    let failures = 1;
    const { calls, options } = harness(() => (failures-- > 0 ? new Response('busy', { status: 503 }) : undefined));
    connected(document, options);
    const answer = await ask(host, new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' }));
    expect(calls.map((call) => call.path)).to.deep.equal(['/api/flexiti/terms', '/api/flexiti/terms']);
    expect(answer.status).to.equal(200);
  });

  it('leaves an event alone when a listener closer to the element already answered it', async () => {
    const { calls, options } = harness();
    connected(document, options);
    host.addEventListener('flexiti-terms-request', (event) => event.detail.respondWith('<p>From the page</p>'), { once: true });
    const event = new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' });
    host.dispatchEvent(event);
    expect(await event.answer).to.equal('<p>From the page</p>');
    expect(calls).to.have.length(0);
  });

  it('answers only under its root, and stops answering once disconnected', async () => {
    const { calls, options } = harness();
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
    const { calls, options } = harness();
    connected(document, { ...options, endpoint: '/api/flexiti/' });
    await ask(host, new FlexitiTermsRequestEvent({ province: 'ON', lang: 'en' }));
    expect(calls[0]!.path).to.equal('/api/flexiti/terms');
  });

  describe('with <flexiti-verify>', () => {
    async function lookedUp(options: ConnectOptions): Promise<LookupResponse> {
      const fetch = options.ky!.fetch!;
      const response = await fetch(new Request(new URL('/api/flexiti/lookup', location.href), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ vcc_number: '6374980100408234' }),
      }));
      return (await response.json()) as LookupResponse;
    }

    async function mount(options: ConnectOptions): Promise<FlexitiVerify> {
      const customer = await lookedUp(options);
      const el = await fixture<FlexitiVerify>(html`<flexiti-verify resend-cooldown="0" .customer=${customer}></flexiti-verify>`);
      connected(document, options);
      return el;
    }

    const shadow = (el: FlexitiVerify) => el.shadowRoot!;

    async function chooseQuestion(el: FlexitiVerify): Promise<void> {
      shadow(el).querySelector<HTMLInputElement>('#format-security_question')!.click();
      shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => shadow(el).querySelector('#security_answer'), 'the question step');
      shadow(el).querySelector<HTMLInputElement>('input[name="security_qid"]')!.click();
    }

    it('shows the sandbox\'s wrong-answer error on the answer field', async () => {
      const { options } = harness();
      const el = await mount(options);
      await chooseQuestion(el);
      shadow(el).querySelector<HTMLInputElement>('#security_answer')!.focus();
      await sendKeys({ type: 'Not it' });
      await sendKeys({ press: 'Enter' });
      const shownError = () => shadow(el).querySelector('#security_answer-error')?.textContent?.trim();
      await waitUntil(shownError, 'the answer error');
      expect(shownError()).to.equal(errorText(readApiError(409, { error: 'secret_answer_mismatch', message: '' }), 'en-CA'));
      expect(shadow(el).querySelector('#security_answer')!.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('shows a network failure as the element\'s retryable notice, in French too', async () => {
      const { options } = harness((request) => {
        if (new URL(request.url).pathname.endsWith('/verify')) throw new TypeError('Failed to fetch');
        return undefined;
      });
      const el = await mount(options);
      el.lang = 'fr-CA';
      await el.updateComplete;
      shadow(el).querySelector<HTMLInputElement>('#format-sms')!.click();
      shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => shadow(el).querySelector('#notice'), 'the notice');
      const notice = shadow(el).querySelector('#notice')!;
      expect(notice.textContent).to.include(errorText(localError('network_error'), 'fr-CA'));
      expect(notice.querySelector('button')).to.exist;
      await expect(el).to.be.accessible();
    });
  });
});

describe('loadFormValues()', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it("loads the form values in the page's language with GET /form-values", async () => {
    const { calls, options } = harness();
    document.documentElement.lang = 'fr-CA';
    const values = (await loadFormValues(options)) as { province: { options: Record<string, string> } };
    expect(calls).to.deep.equal([{ method: 'GET', path: '/api/flexiti/form-values', search: '?lang=fr', body: undefined }]);
    expect(values.province.options['QC']).to.equal('Québec');
  });

  it('takes an explicit language', async () => {
    const { calls, options } = harness();
    const values = (await loadFormValues({ ...options, lang: 'en' })) as { province: { options: Record<string, string> } };
    expect(calls[0]!.search).to.equal('?lang=en');
    expect(values.province.options['QC']).to.equal('Quebec');
  });

  it('rejects with the HTTP error when the handler fails', async () => {
    const { options } = harness(() => new Response(JSON.stringify({ error: 'general_error' }), { status: 400 }));
    let failure: unknown;
    await loadFormValues(options).catch((error: unknown) => (failure = error));
    expect((failure as { response?: Response }).response?.status).to.equal(400);
  });
});
