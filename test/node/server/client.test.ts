/**
 * The client against the sandbox over real HTTP (127.0.0.1, port 0): every method, OAuth caching, renewal
 * and replay, timeouts, schema checks, and which calls may retry.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildAamva,
  createFlexitiClient,
  SANDBOX_APPLICANT,
  SANDBOX_CREDENTIALS,
  SANDBOX_QUEBEC_APPLICANT,
} from '../../../src/server/index.js';
import { serveNode } from '../../../src/server/node.js';
import type { ApplyRequest } from '../../../src/model/index.js';
import {
  ONTARIO_LICENCE_FIELDS,
  clientFailure,
  delayOn,
  fakeClock,
  grants,
  answerOn,
  intercept,
  openForSuite,
  openHarness,
  rejection,
  sentTo,
  startHarness,
} from './helpers.js';

const applicant = SANDBOX_APPLICANT as unknown as ApplyRequest;
const ONTARIO_LICENCE = buildAamva('636012', { ...ONTARIO_LICENCE_FIELDS, DCG: 'CAN' });

describe('client: every method against the sandbox', () => {
  const harness = openForSuite(() => startHarness());

  it('login() returns the merchant and its form_values, in French for lang=fr', async () => {
    const en = await harness.client.login();
    assert.equal(en.merchant_name, 'European Restorations');
    assert.equal(en.form_values.province.options['QC'], 'Quebec');
    const fr = await harness.client.login({ lang: 'fr' });
    assert.equal(fr.form_values.province.options['QC'], 'Québec');
    assert.equal(
      sentTo(harness.sent, '/merchants/login').at(-1)?.path,
      `${new URL(harness.baseUrl).pathname}/client-id/flexitidemo/merchants/login`,
    );
  });

  it('terms() returns the HTML for the province and language', async () => {
    const html = await harness.client.terms({ province: 'QC', lang: 'fr' });
    assert.match(html, /CLAUSE OBLIGATOIRE/);
    assert.match(html, /<table>/);
  });

  it('apply() returns the approval with ids as strings and amounts as numbers', async () => {
    const approval = await harness.client.apply(applicant);
    assert.equal(typeof approval.customer_id, 'string');
    assert.equal(approval.credit_limit, 5000);
    assert.equal(approval.debt_ratio, undefined);
  });

  it('apply() for Quebec carries debt_ratio and offer_types', async () => {
    const approval = await harness.client.apply({
      ...SANDBOX_QUEBEC_APPLICANT,
      last_name: 'Quebecois',
    } as unknown as ApplyRequest);
    assert.equal(approval.debt_ratio, 0.27);
    assert.ok((approval.offer_types ?? []).length > 0);
  });

  it('lookup() by name returns the account with the most open-to-buy', async () => {
    const account = await harness.client.lookup({ first_name: 'David', last_name: 'Morley', dob: '1981-01-17' });
    assert.equal(account.customer_id, '829901');
    assert.deepEqual(
      account.security_qid.map((question) => question.id),
      ['5', '9'],
    );
  });

  it('lookup() by card number returns that card’s account', async () => {
    const account = await harness.client.lookup({ vcc_number: '6374980100408234' });
    assert.equal(account.customer_id, '43353');
  });

  it('search() lists every account of the person', async () => {
    const accounts = await harness.client.search({ first_name: 'David', last_name: 'Morley', dob: '1981-01-17' });
    assert.deepEqual(
      accounts.map((account) => [account.customer_id, account.account_status]),
      [
        ['829825', 'N'],
        ['829875', 'F'],
        ['829901', 'N'],
      ],
    );
    assert.equal(accounts[0]!.available_credit, 659.51);
  });

  it('verify() by merchant override returns a numeric code as a string', async () => {
    const verified = await harness.client.verify('43353', { format: 'merchant_override' });
    assert.match(verified.verification_code, /^\d{4}$/);
    assert.equal(verified.sent_to, undefined);
  });

  it('verify() by SMS reports where the code went', async () => {
    const verified = await harness.client.verify('43353', { format: 'sms' });
    assert.deepEqual(verified, { verification_code: 'verification_sent_to_sms', sent_to: 'sms' });
  });

  it('postTransaction() posts a promotional purchase with the SMS code', async () => {
    await harness.client.verify('43353', { format: 'sms' });
    const purchase = await harness.client.postTransaction({
      customer_id: '43353',
      amount: 300,
      plan_id: '5',
      term: 10,
      verification_code: '2222',
    });
    assert.ok('balance_after_purchase' in purchase);
    assert.equal(purchase.balance_after_purchase, 4700);
  });

  it('customerTransactions() lists the purchases', async () => {
    const { transactions } = await harness.client.customerTransactions('43353');
    assert.ok(
      transactions.some(
        (transaction) => transaction.transaction_id === '167637' && transaction.transaction_balance === 1200.05,
      ),
    );
  });

  it('decodeLicense() decodes an Ontario licence', async () => {
    const licence = await harness.client.decodeLicense(ONTARIO_LICENCE);
    assert.deepEqual(licence, {
      first_name: 'John',
      middle_name: 'Grey',
      last_name: 'Doe',
      dob: '1974-05-15',
      address_1: '55 UNIVERSITY AVE',
      city: 'TORONTO',
      province: 'ON',
      postal_code: 'M5J 2H7',
      govid_type: 'CADL',
      govid_issuedby: 'ON',
      govid_number: 'D61014070660905',
      govid_expiry: '2030-05-15',
    });
  });

  it('closeAccount() closes a Quebec account', async () => {
    assert.deepEqual(await harness.client.closeAccount('20051005'), {});
    assert.equal(harness.sandbox.state.accounts.get('51005')?.account_status, 'C');
  });

  it('sends a fresh 32-character x-reference-id with every call', async () => {
    const before = harness.sent.length;
    await harness.client.terms({ province: 'ON', lang: 'en' });
    await harness.client.terms({ province: 'ON', lang: 'en' });
    const ids = harness.sent.slice(before).map((request) => request.headers.get('x-reference-id'));
    assert.equal(ids.length, 2);
    for (const id of ids) assert.match(id ?? '', /^[0-9a-f]{32}$/);
    assert.notEqual(ids[0], ids[1]);
  });

  it('sends the OAuth grant as a form-encoded body with the client credentials', async () => {
    const tokenRequest = harness.sent.find((request) => request.form);
    assert.equal(tokenRequest?.headers.get('content-type'), 'application/x-www-form-urlencoded;charset=UTF-8');
    assert.equal(tokenRequest?.form?.get('client_id'), 'flexitidemo');
    assert.equal(tokenRequest?.form?.get('grant_type'), 'client_credentials');
  });

  it('a failure carries the model’s error, the reference id and Flexiti’s body without values', async () => {
    const error = await clientFailure(harness.client.apply({ ...applicant, sin: '123123123' }));
    assert.ok(error instanceof Error);
    assert.equal(error.type, 'validation');
    assert.equal(error.code, 'wrong_inputs');
    assert.equal(error.status, 409);
    assert.deepEqual(Object.keys(error.fields), ['sin']);
    assert.match(error.referenceId, /^[0-9a-f]{32}$/);
    assert.deepEqual((error.body as { field_errors: unknown[] }).field_errors, [{ param: 'sin', msg: 'wrong format' }]);
    assert.equal(error.message, 'Flexiti validation error: wrong_inputs (HTTP 409)');
  });

  it('a failure never names the customer or the credentials', async () => {
    const error = await clientFailure(
      harness.client.lookup({ first_name: 'Zoë', last_name: 'Unknownperson', dob: '1970-01-01' }),
    );
    assert.equal(error.type, 'not_found');
    const everything = `${error.message} ${error.stack} ${JSON.stringify(error)}`;
    for (const secret of [
      'Unknownperson',
      '1970-01-01',
      SANDBOX_CREDENTIALS.clientSecret,
      SANDBOX_CREDENTIALS.merchantPassword,
    ]) {
      assert.ok(!everything.includes(secret), `error text includes ${secret}`);
    }
  });

  it('nothing is written to the console, on success or failure', async () => {
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const original = methods.map((method) => console[method]);
    let calls = 0;
    for (const method of methods) console[method] = () => void calls++;
    try {
      await harness.client.lookup({ first_name: 'John', last_name: 'Doe', dob: '1974-05-15' });
      await rejection(harness.client.apply({ ...applicant, last_name: 'Declined' }));
      await rejection(harness.client.verify('99999999', { format: 'sms' }));
    } finally {
      methods.forEach((method, index) => (console[method] = original[index]!));
    }
    assert.equal(calls, 0);
  });

  it('an empty customer id is refused before any request', async () => {
    const before = harness.sent.length;
    const error = await clientFailure(harness.client.verify(' ', { format: 'sms' }));
    assert.equal(error.type, 'validation');
    assert.equal(harness.sent.length, before);
  });
});

describe('client: OAuth token cache', () => {
  it('reuses the token until 60 s before expires_in, then renews with the refresh token', async (t) => {
    const clock = fakeClock();
    const harness = await openHarness(t, { sandbox: { clock: clock.now }, client: { now: clock.now } });
    await harness.client.terms({ province: 'ON', lang: 'en' });
    clock.advance(1_139_000); // 1139 s: still more than 60 s left
    await harness.client.terms({ province: 'ON', lang: 'en' });
    assert.deepEqual(grants(harness.sent), ['client_credentials']);
    clock.advance(2_000); // 1141 s: inside the last minute
    await harness.client.terms({ province: 'ON', lang: 'en' });
    assert.deepEqual(grants(harness.sent), ['client_credentials', 'refresh_token']);
  });

  it('falls back to client_credentials when the token expired and cannot be refreshed', async (t) => {
    const clock = fakeClock();
    const harness = await openHarness(t, { sandbox: { clock: clock.now }, client: { now: clock.now } });
    await harness.client.terms({ province: 'ON', lang: 'en' });
    clock.advance(1_300_000); // past expires_in: the sandbox refuses the refresh token
    await harness.client.terms({ province: 'ON', lang: 'en' });
    assert.deepEqual(grants(harness.sent), ['client_credentials', 'refresh_token', 'client_credentials']);
    const tokenStatuses = harness.sandbox.state.requests
      .filter((request) => request.route === 'oauth/token')
      .map((request) => request.status);
    assert.deepEqual(tokenStatuses, [200, 400, 200]);
  });

  it('the sandbox refuses an expired access token with 401 invalid_token', async (t) => {
    const clock = fakeClock();
    const harness = await openHarness(t, { sandbox: { clock: clock.now } });
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'flexitidemo',
      client_secret: SANDBOX_CREDENTIALS.clientSecret,
    });
    const token = (await (await fetch(`${harness.baseUrl}/oauth/token`, { method: 'POST', body: form })).json()) as {
      access_token: string;
    };
    clock.advance(1_200_000);
    const response = await fetch(`${harness.baseUrl}/client-id/flexitidemo/terms-and-conditions?province=ON`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), {
      code: 401,
      error: 'invalid_token',
      error_description: 'The access token provided has expired',
    });
  });

  it('ten concurrent calls share one token request', async (t) => {
    const harness = await openHarness(t);
    const calls = Array.from({ length: 10 }, () => harness.client.terms({ province: 'ON', lang: 'en' }));
    await Promise.all(calls);
    assert.equal(grants(harness.sent).length, 1);
    assert.equal(
      harness.sandbox.state.requests.filter((request) => request.route === 'terms-and-conditions').length,
      10,
    );
  });

  it('ten concurrent calls after expiry share one renewal', async (t) => {
    const clock = fakeClock();
    const harness = await openHarness(t, { sandbox: { clock: clock.now }, client: { now: clock.now } });
    await harness.client.terms({ province: 'ON', lang: 'en' });
    clock.advance(1_150_000);
    await Promise.all(Array.from({ length: 10 }, () => harness.client.terms({ province: 'ON', lang: 'en' })));
    assert.deepEqual(grants(harness.sent), ['client_credentials', 'refresh_token']);
  });

  it('a 401 invalid_token renews once and replays the call once', async (t) => {
    const harness = await openHarness(t);
    await harness.client.terms({ province: 'ON', lang: 'en' });
    harness.sandbox.state.revokeTokens();
    const account = await harness.client.lookup({ vcc_number: '6374980100408234' });
    assert.equal(account.customer_id, '43353');
    assert.equal(sentTo(harness.sent, '/customers/lookup').length, 2);
    // The revoked refresh token fails, so the renewal falls back to client_credentials.
    assert.deepEqual(grants(harness.sent), ['client_credentials', 'refresh_token', 'client_credentials']);
    // The replay keeps the call's reference id.
    const [first, replay] = sentTo(harness.sent, '/customers/lookup');
    assert.equal(first!.headers.get('x-reference-id'), replay!.headers.get('x-reference-id'));
  });

  it('a POST rejected with 401 is replayed once too (it was never processed)', async (t) => {
    const harness = await openHarness(t);
    await harness.client.terms({ province: 'ON', lang: 'en' });
    harness.sandbox.state.revokeTokens();
    await harness.client.verify('43353', { format: 'email' });
    assert.equal(sentTo(harness.sent, '/verify').length, 2);
  });

  it('a second 401 is a configuration error (type auth), without a third attempt', async (t) => {
    const harness = await openHarness(t, {
      wrap: (sandbox) =>
        intercept(sandbox, (_request, path) =>
          path.endsWith('/oauth/token')
            ? undefined
            : Response.json(
                { code: 401, error: 'invalid_token', error_description: 'The access token provided is invalid.' },
                { status: 401 },
              ),
        ),
    });
    const error = await clientFailure(
      harness.client.search({ first_name: 'John', last_name: 'Doe', dob: '1974-05-15' }),
    );
    assert.equal(error.type, 'auth');
    assert.equal(error.code, 'invalid_token');
    assert.equal(error.status, 401);
    assert.equal(error.error.retryable, false);
    assert.equal(sentTo(harness.sent, '/customers/search').length, 2);
  });

  it('credentials the API refuses are a configuration error (type auth)', async (t) => {
    const harness = await openHarness(t, { client: { clientSecret: 'not-the-secret' } });
    const error = await clientFailure(harness.client.terms({ province: 'ON', lang: 'en' }));
    assert.equal(error.type, 'auth');
    assert.equal(error.code, 'invalid_client');
    assert.equal(error.status, 400);
    assert.ok(!JSON.stringify(error).includes('not-the-secret'));
    assert.equal(sentTo(harness.sent, '/terms-and-conditions').length, 0);
  });
});

describe('client: timeouts, schemas and retries', () => {
  it('a slow answer fails with timeout after the configured time', async (t) => {
    const harness = await openHarness(t, {
      client: { timeout: 150 },
      wrap: delayOn('/customers/search', 600),
    });
    const started = performance.now();
    const error = await clientFailure(
      harness.client.search({ first_name: 'John', last_name: 'Doe', dob: '1974-05-15' }),
    );
    assert.equal(error.type, 'network');
    assert.equal(error.code, 'timeout');
    assert.equal(error.status, undefined);
    assert.ok(performance.now() - started < 590, 'gave up before the slow answer arrived');
    // ky does not retry after a timeout, even for a GET.
    assert.equal(sentTo(harness.sent, '/customers/search').length, 1);
  });

  it('a per-call timeout overrides the client’s', async (t) => {
    const harness = await openHarness(t, {
      wrap: delayOn('/apply', 400),
    });
    const error = await clientFailure(harness.client.apply(applicant, { timeout: 100 }));
    assert.equal(error.code, 'timeout');
  });

  it('an answer that fails the schema is invalid_response', async (t) => {
    const harness = await openHarness(t, {
      wrap: answerOn('/customers/lookup', () => Response.json({ available_credit: 'plenty', customer_id: 43353 })),
    });
    const error = await clientFailure(harness.client.lookup({ vcc_number: '6374980100408234' }));
    assert.equal(error.type, 'server');
    assert.equal(error.code, 'invalid_response');
  });

  it('a 200 that is not JSON is invalid_response', async (t) => {
    const harness = await openHarness(t, {
      wrap: answerOn(
        '/merchants/login',
        () => new Response('<html>proxy login page</html>', { headers: { 'content-type': 'text/html' } }),
      ),
    });
    const error = await clientFailure(harness.client.login());
    assert.equal(error.code, 'invalid_response');
  });

  it('empty terms are invalid_response', async (t) => {
    const harness = await openHarness(t, {
      wrap: answerOn('/terms-and-conditions', () => new Response('')),
    });
    const error = await clientFailure(harness.client.terms({ province: 'ON', lang: 'en' }));
    assert.equal(error.code, 'invalid_response');
  });

  it('a POST answered 503 is not retried', async (t) => {
    const harness = await openHarness(t, {
      wrap: answerOn(['/apply', '/transactions'], () =>
        Response.json(
          { code: 503, error: 'general_error', error_description: 'busy' },
          { status: 503, headers: { 'retry-after': '0' } },
        ),
      ),
    });
    const applyError = await clientFailure(harness.client.apply(applicant));
    assert.equal(applyError.status, 503);
    assert.equal(applyError.type, 'server');
    await rejection(harness.client.postTransaction({ customer_id: '43353', amount: 10, verification_code: '2222' }));
    assert.equal(sentTo(harness.sent, '/apply').length, 1);
    assert.equal(sentTo(harness.sent, '/transactions').length, 1);
  });

  it('a GET answered 503 is retried once, and succeeds when the API recovers', async (t) => {
    let failures = 1;
    const harness = await openHarness(t, {
      wrap: (sandbox) =>
        intercept(sandbox, (_request, path) => {
          if (!path.endsWith('/customers/lookup') || failures === 0) return undefined;
          failures -= 1;
          return new Response('busy', { status: 503, headers: { 'retry-after': '0' } });
        }),
    });
    const account = await harness.client.lookup({ vcc_number: '6374980100408234' });
    assert.equal(account.customer_id, '43353');
    assert.equal(sentTo(harness.sent, '/customers/lookup').length, 2);
  });

  it('a GET gives up after one retry', async (t) => {
    const harness = await openHarness(t, {
      wrap: answerOn(
        '/terms-and-conditions',
        () => new Response('busy', { status: 503, headers: { 'retry-after': '0' } }),
      ),
    });
    const error = await clientFailure(harness.client.terms({ province: 'ON', lang: 'en' }));
    assert.equal(error.status, 503);
    assert.equal(sentTo(harness.sent, '/terms-and-conditions').length, 2);
  });

  it('an unreachable API is network_error', async () => {
    const server = await serveNode({ fetch: () => new Response('') }, { port: 0 });
    const url = server.url;
    await server.close();
    const client = createFlexitiClient({ baseUrl: url, ...SANDBOX_CREDENTIALS, timeout: 2000 });
    const error = await clientFailure(client.terms({ province: 'ON', lang: 'en' }));
    assert.equal(error.type, 'network');
    assert.equal(error.code, 'network_error');
  });
});
