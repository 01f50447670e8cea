/**
 * The handler over real HTTP: browser → handler (served by the Node adapter) → client → sandbox (served too).
 * Routes, validation (400 field_errors without values), Flexiti's errors passed on, 404/405/413, non-JSON
 * bodies, gateway errors, and no stack traces or secrets in any answer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildAamva,
  createFlexitiClient,
  createFlexitiHandler,
  createSandbox,
  FlexitiClientError,
  SANDBOX_APPLICANT,
  SANDBOX_CREDENTIALS,
  type FlexitiClient,
} from '../../../src/server/index.js';
import { serveNode } from '../../../src/server/node.js';
import { localError, readApiError } from '../../../src/model/index.js';
import { answerOn, delayOn, openForSuite } from './helpers.js';
import { openStack, startStack } from './stack.js';

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

/** Every answer: no stack trace, no credentials. */
function assertClean(text: string): void {
  assert.doesNotMatch(text, /\bat .+\.(ts|js):\d+/);
  for (const secret of Object.values(SANDBOX_CREDENTIALS).filter((value) => value !== 'flexitidemo')) {
    assert.ok(!text.includes(secret), 'answer includes a credential');
  }
}

const JOHN = { first_name: 'John', last_name: 'Doe', dob: '1974-05-15' };

describe('handler: routes', () => {
  const stack = openForSuite(() => startStack());

  it('GET /form-values?lang=fr returns French form_values', async () => {
    const response = await fetch(`${stack.api}/form-values?lang=fr`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const values = await json(response);
    assert.equal((values['province'] as { options: Record<string, string> }).options['QC'], 'Québec');
  });

  it('GET /form-values is cached per language', async () => {
    const logins = () =>
      stack.harness.sandbox.state.requests.filter((request) => request.route === 'merchants/login').length;
    await fetch(`${stack.api}/form-values?lang=fr`);
    const afterFrench = logins();
    await fetch(`${stack.api}/form-values?lang=fr`);
    assert.equal(logins(), afterFrench);
    const english = await json(await fetch(`${stack.api}/form-values?lang=en`));
    assert.equal((english['province'] as { options: Record<string, string> }).options['QC'], 'Quebec');
    assert.equal(logins(), afterFrench + 1);
  });

  it('GET /form-values reads lang by the one language rule: fr* is French, anything else English', async () => {
    const french = await json(await fetch(`${stack.api}/form-values?lang=french`));
    const german = await json(await fetch(`${stack.api}/form-values?lang=de`));
    const english = await json(await fetch(`${stack.api}/form-values?lang=en`));
    assert.deepEqual(german, english);
    assert.notDeepEqual(french, english);
  });

  it('GET /terms returns the Quebec terms as inert HTML', async () => {
    const response = await fetch(`${stack.api}/terms?province=QC&lang=en`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(await response.text(), /COMPULSORY CLAUSE/);
  });

  it('GET /terms for Ontario in French returns the rest-of-Canada terms', async () => {
    const html = await (await fetch(`${stack.api}/terms?province=ON&lang=fr`)).text();
    assert.match(html, /reste du Canada/);
  });

  it('GET /terms without a province is 400 province required', async () => {
    const response = await fetch(`${stack.api}/terms?lang=en`);
    assert.equal(response.status, 400);
    assert.deepEqual(await json(response), {
      url: '/api/flexiti/terms',
      message: 'Some inputs are wrong!',
      error: 'wrong_inputs',
      field_errors: [{ param: 'province', msg: 'required' }],
    });
  });

  it('GET /terms with an unknown province is 400 province invalid', async () => {
    const response = await fetch(`${stack.api}/terms?province=XX`);
    assert.deepEqual((await json(response))['field_errors'], [{ param: 'province', msg: 'invalid' }]);
  });

  it('POST /apply approves a valid applicant', async () => {
    const response = await stack.post(`${stack.api}/apply`, SANDBOX_APPLICANT);
    assert.equal(response.status, 200);
    const approval = await json(response);
    assert.equal(approval['status'], 'approved');
    assert.equal(approval['credit_limit'], 100, 'the checkout’s amount, not the body’s');
    assert.match(String(approval['card_last4']), /^\d{4}$/);
    assert.equal(approval['customer_id'], undefined);
  });

  it('POST /apply with a bad SIN is 400 on sin, without echoing it', async () => {
    const response = await stack.post(`${stack.api}/apply`, { ...SANDBOX_APPLICANT, sin: '123123123' });
    assert.equal(response.status, 400);
    const text = await response.text();
    assert.ok(!text.includes('123123123'));
    assert.deepEqual(JSON.parse(text)['field_errors'], [{ param: 'sin', msg: 'wrong format' }]);
    assert.equal(stack.harness.sandbox.state.applications.length, 1, 'nothing was sent to Flexiti');
  });

  it('POST /apply without required fields lists each as required', async () => {
    const { first_name: _first, email: _email, ...rest } = SANDBOX_APPLICANT;
    const body = await json(await stack.post(`${stack.api}/apply`, rest));
    assert.deepEqual(body['field_errors'], [
      { param: 'email', msg: 'required' },
      { param: 'first_name', msg: 'required' },
    ]);
  });

  it('POST /apply without the terms agreement is 400 on tos_agreement', async () => {
    const body = await json(await stack.post(`${stack.api}/apply`, { ...SANDBOX_APPLICANT, tos_agreement: false }));
    assert.deepEqual(body['field_errors'], [{ param: 'tos_agreement', msg: 'required' }]);
  });

  it('POST /apply passes Flexiti’s decline on with its status and our url', async () => {
    const response = await stack.post(`${stack.api}/apply`, { ...SANDBOX_APPLICANT, last_name: 'Declined' });
    assert.equal(response.status, 409);
    const body = await json(response);
    assert.equal(body['error'], 'application_declined');
    assert.equal(body['url'], '/api/flexiti/apply');
    assert.equal(readApiError(response.status, body).type, 'declined');
  });

  it('POST /lookup by name answers the questions, methods and offers, and binds the customer', async () => {
    const body = await json(
      await stack.post(`${stack.api}/lookup`, {
        first_name: 'John',
        last_name: 'Doe',
        dob: '1974-05-15',
        postal_code: 'M5M 1M1',
      }),
    );
    assert.deepEqual(
      (body['security_qid'] as { id: string }[]).map((question) => question.id),
      ['4', '7'],
    );
    assert.deepEqual(body['methods'], ['sms', 'email', 'security_question']);
    assert.equal(body['customer_id'], undefined);
  });

  it('POST /lookup by card number finds the card’s holder', async () => {
    const body = await json(await stack.post(`${stack.api}/lookup`, { vcc_number: '6374980116574901' }));
    assert.ok((body['offer_types'] as unknown[]).length > 0);
    assert.equal(stack.harness.sandbox.state.requests.at(-1)?.route, 'customers/lookup');
  });

  it('POST /lookup with lang fr returns the security questions in French', async () => {
    const english = await json(await stack.post(`${stack.api}/lookup`, { vcc_number: '6374980116574901', lang: 'en' }));
    const french = await json(await stack.post(`${stack.api}/lookup`, { vcc_number: '6374980116574901', lang: 'fr' }));
    const questions = (body: Record<string, unknown>) => body['security_qid'] as { id: string; text: string }[];
    assert.deepEqual(
      questions(french).map((q) => q.id),
      questions(english).map((q) => q.id),
    );
    assert.notDeepEqual(
      questions(french).map((q) => q.text),
      questions(english).map((q) => q.text),
    );
    assert.match(questions(french)[0]!.text, /^(Quel|Quelle|Dans|Comment|Qui|Où)/);
  });

  it('POST /lookup with neither a card nor a name is 400', async () => {
    const response = await stack.post(`${stack.api}/lookup`, { first_name: 'John' });
    assert.equal(response.status, 400);
    assert.deepEqual((await json(response))['field_errors'], [{ param: 'vcc_number', msg: 'required' }]);
  });

  it('POST /lookup for nobody passes Flexiti’s not_found on, without the query in url', async () => {
    const response = await stack.post(`${stack.api}/lookup`, {
      first_name: 'Nobody',
      last_name: 'Here',
      dob: '1970-01-01',
    });
    assert.equal(response.status, 409);
    const text = await response.text();
    assert.ok(!text.includes('Nobody'));
    assert.equal(JSON.parse(text)['error'], 'not_found');
  });

  it('POST /verify by SMS answers where the code went', async () => {
    const checkout = await stack.bound(JOHN);
    const body = await json(await stack.post(`${stack.api}/verify`, { format: 'sms' }, checkout));
    assert.deepEqual(body, { status: 'code_sent', sent_to: 'sms' });
  });

  it('POST /verify by security question without an answer is 400 on security_answer', async () => {
    const body = await json(
      await stack.post(
        `${stack.api}/verify`,
        { format: 'security_question', security_qid: '4' },
        await stack.bound(JOHN),
      ),
    );
    assert.deepEqual(body['field_errors'], [{ param: 'security_answer', msg: 'required' }]);
  });

  it('POST /verify with an unknown format is 400 on format', async () => {
    const body = await json(
      await stack.post(`${stack.api}/verify`, { format: 'carrier_pigeon' }, await stack.bound(JOHN)),
    );
    assert.deepEqual(body['field_errors'], [{ param: 'format', msg: 'invalid' }]);
  });

  it('POST /verify for a customer without a phone passes Flexiti’s 400 on, without values', async () => {
    const response = await stack.post(
      `${stack.api}/verify`,
      { format: 'sms' },
      await stack.bound({ first_name: 'Nora', last_name: 'Nophone', dob: '1979-02-28' }),
    );
    assert.equal(response.status, 400);
    const body = await json(response);
    assert.deepEqual(body['field_errors'], [{ param: 'phone_number', msg: 'invalid' }]);
    assert.equal(readApiError(400, body).fields['phone_number']?.key, 'field.invalid');
  });

  it('POST /verify with a wrong security answer passes secret_answer_mismatch on', async () => {
    const response = await stack.post(
      `${stack.api}/verify`,
      { format: 'security_question', security_qid: '4', security_answer: 'Rex' },
      await stack.bound(JOHN),
    );
    assert.equal(response.status, 409);
    const error = readApiError(response.status, await json(response));
    assert.equal(error.code, 'secret_answer_mismatch');
    assert.ok('security_answer' in error.fields);
  });

  it('POST /license decodes a licence', async () => {
    const code = buildAamva('604428', {
      DAQ: 'G1234-150692-02',
      DCS: 'GAGNON',
      DAC: 'LOUISE',
      DBB: '19920321',
      DBA: '20320321',
      DAG: '1000 RUE SHERBROOKE O',
      DAI: 'MONTREAL',
      DAJ: 'QC',
      DAK: 'H3A3G4',
    });
    const body = await json(await stack.post(`${stack.api}/license`, { code }));
    assert.equal(body['govid_issuedby'], 'QC');
    assert.equal(body['first_name'], 'Louise');
  });

  it('POST /license without a code is 400 required', async () => {
    const body = await json(await stack.post(`${stack.api}/license`, { code: '' }));
    assert.deepEqual(body['field_errors'], [{ param: 'code', msg: 'required' }]);
  });

  it('POST /license for a US licence passes "Driver License\'s not supported" on', async () => {
    const code = buildAamva('636014', { DAQ: 'D1234567', DCS: 'DOE', DAC: 'JANE', DBB: '05151974', DBA: '05152030' });
    const response = await stack.post(`${stack.api}/license`, { code });
    assert.equal(response.status, 409);
    assert.equal((await json(response))['error'], "Driver License's not supported");
  });

  it('an unknown route is 404', async () => {
    const response = await fetch(`${stack.api}/refunds`);
    assert.equal(response.status, 404);
    assert.equal((await json(response))['error'], 'route_not_found');
  });

  it('a path outside basePath is 404', async () => {
    assert.equal((await fetch(`${stack.handler.url}/somewhere/else`)).status, 404);
  });

  it('GET on a POST route is 405 with Allow: POST', async () => {
    const response = await fetch(`${stack.api}/apply`);
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST');
    assert.equal((await json(response))['error'], 'method_not_allowed');
  });

  it('POST on a GET route is 405 with Allow: GET', async () => {
    const response = await stack.post(`${stack.api}/terms`, {});
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET');
  });

  it('a body over the limit is 413', async () => {
    const response = await stack.post(`${stack.api}/license`, { code: 'x'.repeat(40 * 1024) });
    assert.equal(response.status, 413);
    assert.equal((await json(response))['error'], 'payload_too_large');
  });

  it('a streamed body over the limit (no content-length) is 413', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(8 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${stack.api}/apply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-flexiti-checkout': await stack.checkout() },
      body,
      duplex: 'half',
    } as RequestInit);
    assert.equal(response.status, 413);
  });

  it('a body that is not JSON is 400 bad_request', async () => {
    const response = await fetch(`${stack.api}/apply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-flexiti-checkout': await stack.checkout() },
      body: '{"first_name": ',
    });
    assert.equal(response.status, 400);
    assert.equal((await json(response))['error'], 'bad_request');
  });

  it('a JSON array is 400 bad_request', async () => {
    const response = await stack.post(`${stack.api}/lookup`, [1, 2]);
    assert.equal(response.status, 400);
  });

  it('a body sent as a form (not application/json) is 400 bad_request', async () => {
    const response = await fetch(`${stack.api}/lookup`, {
      method: 'POST',
      headers: { 'x-flexiti-checkout': await stack.checkout() },
      body: new URLSearchParams({ vcc_number: '6374980100408234' }),
    });
    assert.equal(response.status, 400);
    assert.equal((await json(response))['error'], 'bad_request');
  });
});

describe('handler: failures the browser cannot fix', () => {
  it('refused credentials are 502 with the code, never the secret', async (t) => {
    const stack = await openStack(t, { client: { clientSecret: 'wrong-secret-value' } });
    const response = await fetch(`${stack.api}/terms?province=ON`);
    assert.equal(response.status, 502);
    const text = await response.text();
    assert.ok(!text.includes('wrong-secret-value'));
    assertClean(text);
    const error = readApiError(response.status, JSON.parse(text));
    assert.equal(error.code, 'invalid_client');
    assert.equal(error.type, 'auth');
  });

  it('a Flexiti timeout is 504 timeout', async (t) => {
    const stack = await openStack(t, {
      client: { timeout: 100 },
      wrap: delayOn('/apply', 400),
    });
    const response = await stack.post(`${stack.api}/apply`, SANDBOX_APPLICANT);
    assert.equal(response.status, 504);
    assert.equal(readApiError(504, await json(response)).code, 'timeout');
  });

  it("Flexiti's 429 reaches the page with its status, body and Retry-After", async (t) => {
    const stack = await openStack(t, {
      wrap: answerOn('/apply', () =>
        Response.json(
          { code: 429, error: 'TOO_MANY_REQUESTS', error_description: 'Slow down' },
          { status: 429, headers: { 'retry-after': '7' } },
        ),
      ),
    });
    const response = await stack.post(`${stack.api}/apply`, SANDBOX_APPLICANT);
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '7');
    assert.equal(readApiError(429, await json(response)).type, 'rate_limited');
  });

  it('an unreadable Flexiti answer is 502 invalid_response', async (t) => {
    const stack = await openStack(t, {
      wrap: answerOn('/customers/lookup', () => Response.json({ unexpected: true })),
    });
    const response = await stack.post(`${stack.api}/lookup`, {
      first_name: 'John',
      last_name: 'Doe',
      dob: '1974-05-15',
    });
    assert.equal(response.status, 502);
    assert.equal((await json(response))['error'], 'invalid_response');
  });

  it('Flexiti unreachable is 502 network_error', async () => {
    const dead = await serveNode({ fetch: () => new Response('') }, { port: 0 });
    await dead.close();
    const client = createFlexitiClient({ baseUrl: dead.url, ...SANDBOX_CREDENTIALS });
    const handler = createFlexitiHandler({ client });
    const response = await handler.fetch(new Request('http://shop.test/api/flexiti/form-values'));
    assert.equal(response.status, 502);
    assert.equal((await json(response))['error'], 'network_error');
  });

  it('a 5xx from Flexiti keeps its status', async (t) => {
    const stack = await openStack(t, {
      wrap: answerOn('/verify', () =>
        Response.json({ code: 500, error: 'general_error', error_description: 'general_error' }, { status: 500 }),
      ),
    });
    const response = await stack.post(`${stack.api}/verify`, { format: 'sms' }, await stack.bound(JOHN));
    assert.equal(response.status, 500);
    assert.equal((await json(response))['error'], 'general_error');
  });

  it('a bug in the merchant’s client is 500 without its message or stack', async () => {
    const broken = {
      lookup: () => Promise.reject(new Error('boom: database password is hunter2')),
    } as unknown as FlexitiClient;
    const handler = createFlexitiHandler({ client: broken });
    const { id } = await handler.createCheckout({ orderId: 'order', amount: 10, channel: 'online' });
    const response = await handler.fetch(
      new Request('http://shop.test/api/flexiti/lookup', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-flexiti-checkout': id },
        body: '{"vcc_number":"1"}',
      }),
    );
    assert.equal(response.status, 500);
    const text = await response.text();
    assert.ok(!text.includes('hunter2'));
    assertClean(text);
    assert.equal(JSON.parse(text).error, 'general_error');
  });

  it('a failed form-values load is not cached', async () => {
    let fail = true;
    const client = {
      login: () =>
        fail
          ? Promise.reject(new FlexitiClientError(localError('network_error'), '0'.repeat(32)))
          : Promise.resolve({ merchant_name: 'M', merchant_id: '1', form_values: { ok: true } }),
    } as unknown as FlexitiClient;
    const handler = createFlexitiHandler({ client });
    const first = await handler.fetch(new Request('http://shop.test/api/flexiti/form-values'));
    assert.equal(first.status, 502);
    fail = false;
    const second = await handler.fetch(new Request('http://shop.test/api/flexiti/form-values'));
    assert.equal(second.status, 200);
  });

  it('form_values expire after the cache lifetime', async () => {
    let now = 0;
    let logins = 0;
    const client = {
      login: () => Promise.resolve({ merchant_name: 'M', merchant_id: '1', form_values: { version: ++logins } }),
    } as unknown as FlexitiClient;
    const handler = createFlexitiHandler({ client, formValuesTtlMs: 1000, now: () => now });
    const read = async () => json(await handler.fetch(new Request('http://shop.test/api/flexiti/form-values')));
    assert.deepEqual(await read(), { version: 1 });
    now = 999;
    assert.deepEqual(await read(), { version: 1 });
    now = 1000;
    assert.deepEqual(await read(), { version: 2 });
  });

  it('runs in one process too: the client’s fetch can be the sandbox’s', async () => {
    const sandbox = createSandbox();
    const client = createFlexitiClient({
      baseUrl: 'http://sandbox.invalid/pos-api',
      ...SANDBOX_CREDENTIALS,
      fetch: (request) => sandbox.fetch(request),
    });
    const handler = createFlexitiHandler({ client, lang: 'fr' });
    const response = await handler.fetch(new Request('http://shop.test/api/flexiti/terms?province=QC'));
    assert.match(await response.text(), /CLAUSE OBLIGATOIRE/);
  });

  it('a custom basePath moves every route', async (t) => {
    const stack = await openStack(t);
    const handler = await serveNode(
      createFlexitiHandler({ client: stack.harness.client, basePath: '/checkout/flexiti/' }),
      { port: 0 },
    );
    t.after(() => handler.close());
    assert.equal((await fetch(`${handler.url}/checkout/flexiti/terms?province=ON`)).status, 200);
    assert.equal((await fetch(`${handler.url}/api/flexiti/terms?province=ON`)).status, 404);
  });

  it('maxBodyBytes is configurable', async (t) => {
    const stack = await openStack(t, {}, { maxBodyBytes: 64 });
    const response = await stack.post(`${stack.api}/lookup`, {
      first_name: 'John',
      last_name: 'Doe',
      dob: '1974-05-15',
      postal_code: 'M5M 1M1',
    });
    assert.equal(response.status, 413);
  });
});
