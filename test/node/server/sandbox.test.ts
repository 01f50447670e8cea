/**
 * The sandbox behaves as seed 003 describes, and every documented persona reaches its outcome. Calls go
 * through the client over real HTTP, except where a test needs the raw wire (OAuth errors, field_errors values).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  APPLY_PERSONAS,
  buildAamva,
  createSandbox,
  decodeAamva,
  FlexitiClientError,
  LICENSE_PERSONAS,
  quebecDebtRatio,
  SANDBOX_APPLICANT,
  SANDBOX_CREDENTIALS,
  SANDBOX_QUEBEC_APPLICANT,
  SEED_ACCOUNTS,
  type TransactionRequestInput,
} from '../../../src/server/index.js';
import type { ApplyRequest } from '../../../src/model/index.js';
import { BASE_PATH, ONTARIO_LICENCE_FIELDS, clientFailure, fakeClock, openForSuite, startHarness } from './helpers.js';

const seed = JSON.parse(readFileSync(new URL('../../fixtures/seed-examples.json', import.meta.url), 'utf8')) as Record<
  string,
  Record<string, unknown>
>;
const personasDoc = readFileSync(new URL('../../../src/server/PERSONAS.md', import.meta.url), 'utf8');

const ontario = SANDBOX_APPLICANT as unknown as ApplyRequest;
const quebec = SANDBOX_QUEBEC_APPLICANT as unknown as ApplyRequest;

/** Raw body of a failed call, as Flexiti sent it (values removed by the client). */
function body(error: FlexitiClientError): Record<string, unknown> {
  return error.body as Record<string, unknown>;
}

const clock = fakeClock();
const harness = openForSuite(() => startHarness({ sandbox: { clock: clock.now }, client: { now: clock.now } }));

/** A call on the raw wire (not through the client), with a fresh bearer token for the demo merchant. */
async function rawCall(path: string, init: RequestInit = {}): Promise<Response> {
  const token = await fetch(`${harness.baseUrl}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      client_id: 'flexitidemo',
      client_secret: SANDBOX_CREDENTIALS.clientSecret,
      grant_type: 'client_credentials',
    }),
  }).then((response) => response.json() as Promise<{ access_token: string }>);
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token.access_token}`);
  return fetch(`${harness.baseUrl}/client-id/flexitidemo${path}`, { ...init, headers });
}

describe('sandbox: authentication', () => {
  const token = (form: Record<string, string>) =>
    fetch(`${harness.baseUrl}/oauth/token`, { method: 'POST', body: new URLSearchParams(form) }).then(
      async (response) => ({
        status: response.status,
        body: (await response.json()) as Record<string, unknown>,
      }),
    );
  const credentials = { client_id: SANDBOX_CREDENTIALS.clientId, client_secret: SANDBOX_CREDENTIALS.clientSecret };

  it('issues a bearer token for 1200 s with a refresh token', async () => {
    const { status, body } = await token({ ...credentials, grant_type: 'client_credentials' });
    assert.equal(status, 200);
    assert.equal(body['token_type'], 'bearer');
    assert.equal(body['expires_in'], 1200);
    assert.match(String(body['access_token']), /^[0-9a-f]{40}$/);
    assert.match(String(body['refresh_token']), /^[0-9a-f]{40}$/);
  });

  it('a wrong client id is 400 invalid_client "Invalid or missing client_id parameter"', async () => {
    assert.deepEqual(await token({ ...credentials, client_id: 'someoneelse', grant_type: 'client_credentials' }), {
      status: 400,
      body: { code: 400, error: 'invalid_client', error_description: 'Invalid or missing client_id parameter' },
    });
  });

  it('a wrong secret is 400 invalid_client "Client credentials are invalid"', async () => {
    assert.deepEqual(await token({ ...credentials, client_secret: 'nope', grant_type: 'client_credentials' }), {
      status: 400,
      body: { code: 400, error: 'invalid_client', error_description: 'Client credentials are invalid' },
    });
  });

  it('a missing grant type is 400 invalid_request', async () => {
    assert.deepEqual(await token(credentials), {
      status: 400,
      body: { code: 400, error: 'invalid_request', error_description: 'Invalid or missing grant_type parameter' },
    });
  });

  it('credentials in the query string are not accepted', async () => {
    const query = new URLSearchParams({ ...credentials, grant_type: 'client_credentials' });
    const response = await fetch(`${harness.baseUrl}/oauth/token?${query}`, { method: 'POST' });
    assert.equal(response.status, 400);
  });

  it('an unknown refresh token is 400 invalid_grant', async () => {
    const { status, body } = await token({
      ...credentials,
      grant_type: 'refresh_token',
      refresh_token: 'f'.repeat(40),
    });
    assert.equal(status, 400);
    assert.equal(body['error'], 'invalid_grant');
  });

  it('a refresh token works once', async () => {
    const first = await token({ ...credentials, grant_type: 'client_credentials' });
    const refreshed = await token({
      ...credentials,
      grant_type: 'refresh_token',
      refresh_token: String(first.body['refresh_token']),
    });
    assert.equal(refreshed.status, 200);
    const again = await token({
      ...credentials,
      grant_type: 'refresh_token',
      refresh_token: String(first.body['refresh_token']),
    });
    assert.equal(again.status, 400);
  });

  it('a call without a token is 401 invalid_token', async () => {
    const response = await fetch(`${harness.baseUrl}/client-id/flexitidemo/terms-and-conditions?province=ON`);
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), {
      code: 401,
      error: 'invalid_token',
      error_description: 'The access token provided is invalid.',
    });
  });

  it('a token used with another client id is 400 invalid_client', async () => {
    const { body } = await token({ ...credentials, grant_type: 'client_credentials' });
    const response = await fetch(`${harness.baseUrl}/client-id/otherclient/terms-and-conditions?province=ON`, {
      headers: { authorization: `Bearer ${String(body['access_token'])}` },
    });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as Record<string, unknown>)['error'], 'invalid_client');
  });

  it('any base URL works: routes are matched on the end of the path', async () => {
    const sandbox = createSandbox();
    const form = new URLSearchParams({ ...credentials, grant_type: 'client_credentials' });
    const response = await sandbox.fetch(
      new Request('https://anything.example/some/prefix/oauth/token', { method: 'POST', body: form }),
    );
    assert.equal(response.status, 200);
  });

  it('merchant login with a wrong password is 409 authentication_failure', async () => {
    const wrong = await startHarness({ client: { merchantPassword: 'guess' } });
    try {
      const error = await clientFailure(wrong.client.login());
      assert.equal(error.code, 'authentication_failure');
      assert.equal(error.type, 'auth');
    } finally {
      await wrong.close();
    }
  });
});

describe('sandbox: merchant login and terms', () => {
  it('lang=en returns exactly the seed’s form_values', async () => {
    const response = await harness.sandbox.fetch(
      new Request(`http://sandbox.test${BASE_PATH}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({
          client_id: 'flexitidemo',
          client_secret: SANDBOX_CREDENTIALS.clientSecret,
          grant_type: 'client_credentials',
        }),
      }),
    );
    const { access_token } = (await response.json()) as { access_token: string };
    const login = await harness.sandbox.fetch(
      new Request(`http://sandbox.test${BASE_PATH}/client-id/flexitidemo/merchants/login?lang=en`, {
        method: 'POST',
        headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ merchant_username: 'merchantonline', merchant_password: 'dice-manila-purism' }),
      }),
    );
    assert.deepEqual(await login.json(), seed['POST /client-id/{client_id}/merchants/login']!['response']);
  });

  it('lang=fr has the same options in the same order, with French labels', async () => {
    const [en, fr] = await Promise.all([harness.client.login({ lang: 'en' }), harness.client.login({ lang: 'fr' })]);
    for (const list of ['salutation', 'province', 'security_qid', 'govid_type'] as const) {
      assert.deepEqual(Object.keys(fr.form_values[list].options), Object.keys(en.form_values[list].options));
    }
    assert.deepEqual(
      Object.keys(fr.form_values.govid_issued_by.option_depends),
      Object.keys(en.form_values.govid_issued_by.option_depends),
    );
    assert.deepEqual(
      fr.form_values.offer_types.map((offer) => [offer.plan_id, offer.term_options]),
      en.form_values.offer_types.map((offer) => [offer.plan_id, offer.term_options]),
    );
    assert.equal(fr.form_values.security_qid.options['7'], 'Quel est le nom de la rue où vous avez grandi?');
    assert.equal(fr.form_values.govid_type.options['CADL'], 'Permis de conduire');
  });

  it('Quebec terms differ from the rest of Canada, with a bold compulsory clause and a table', async () => {
    const [quebecEn, ontarioEn] = await Promise.all([
      harness.client.terms({ province: 'QC', lang: 'en' }),
      harness.client.terms({ province: 'ON', lang: 'en' }),
    ]);
    assert.notEqual(quebecEn, ontarioEn);
    assert.match(quebecEn, /<h3><b>COMPULSORY CLAUSE/);
    assert.match(quebecEn, /<table>[\s\S]*<\/table>/);
    assert.match(quebecEn, /SANDBOX TEXT/);
    assert.doesNotMatch(ontarioEn, /COMPULSORY CLAUSE/);
  });

  it('terms come in French for lang=fr', async () => {
    const html = await harness.client.terms({ province: 'QC', lang: 'fr' });
    assert.match(html, /<b>CLAUSE OBLIGATOIRE/);
    assert.match(html, /TEXTE DU BAC À SABLE/);
  });

  it('terms for every other province are the rest-of-Canada terms', async () => {
    const [bc, nu] = await Promise.all([
      harness.client.terms({ province: 'BC', lang: 'en' }),
      harness.client.terms({ province: 'NU', lang: 'en' }),
    ]);
    assert.equal(bc, nu);
  });
});

describe('sandbox: apply personas', () => {
  it('the example applicant is approved for the amount requested', async () => {
    const approval = await harness.client.apply({ ...ontario, first_name: 'Approved' });
    assert.equal(approval.credit_limit, 5000);
    assert.equal(approval.available_credit, 5000);
    assert.equal(approval.risk_rating, 'L');
  });

  it('approval is capped at 15 000 $', async () => {
    const approval = await harness.client.apply({ ...ontario, first_name: 'Bigspender', amount_requested: 40000 });
    assert.equal(approval.credit_limit, 15000);
  });

  for (const persona of APPLY_PERSONAS) {
    it(`last name "${persona.lastName}" → ${persona.status} ${persona.error}`, async () => {
      const error = await clientFailure(harness.client.apply({ ...ontario, last_name: persona.lastName }));
      assert.equal(error.status, persona.status);
      assert.equal(error.code, persona.error);
    });
  }

  it('declined personas are typed declined, pending ones pending, existing exists', async () => {
    assert.equal(
      (await clientFailure(harness.client.apply({ ...ontario, last_name: 'Declined-Three' }))).type,
      'declined',
    );
    assert.equal((await clientFailure(harness.client.apply({ ...ontario, last_name: 'pending-two' }))).type, 'pending');
    assert.equal((await clientFailure(harness.client.apply({ ...ontario, last_name: 'EXISTING' }))).type, 'exists');
  });

  it('terms not agreed → tos_agreement_required on the tos_agreement field', async () => {
    const error = await clientFailure(harness.client.apply({ ...ontario, tos_agreement: false as true }));
    assert.equal(error.code, 'tos_agreement_required');
    assert.ok('tos_agreement' in error.fields);
  });

  it('the same name and birth date as an existing account → customer_already_exists', async () => {
    const error = await clientFailure(
      harness.client.apply({ ...ontario, first_name: 'John', last_name: 'Doe', dob: '1974-05-15' }),
    );
    assert.equal(error.code, 'customer_already_exists');
  });

  it('applying twice → customer_already_exists the second time', async () => {
    const twin = { ...ontario, first_name: 'Twice', last_name: 'Applied' };
    await harness.client.apply(twin);
    assert.equal((await clientFailure(harness.client.apply(twin))).code, 'customer_already_exists');
  });

  it('Quebec approval carries debt_ratio (housing + minimum payment over monthly income) and offers', async () => {
    const approval = await harness.client.apply({ ...quebec, first_name: 'Ratio' });
    assert.equal(approval.debt_ratio, (1200 + 5000 * 0.03) / (60000 / 12));
    assert.equal(approval.debt_ratio, 0.27);
    assert.ok(approval.offer_types?.some((offer) => offer.plan_id === '5'));
  });

  it('Quebec high debt ratio persona → 0.5 (above the 45 % threshold)', async () => {
    const approval = await harness.client.apply({
      ...quebec,
      first_name: 'Stretched',
      personal_income: 30000,
      household_income: 30000,
      monthly_housing_expenses: 1100,
    });
    assert.equal(approval.debt_ratio, 0.5);
  });

  it('quebecDebtRatio rounds to 4 decimals', () => {
    // (1000 + 3 % of 3000) / (47 000 / 12) = 1090 / 3916.67 = 0.27829…
    assert.equal(quebecDebtRatio(1000, 3000, 47000), 0.2783);
  });

  it('an approved applicant can be looked up, verified and make a purchase', async () => {
    const person = { ...ontario, first_name: 'Newcustomer', last_name: 'Shopper', dob: '1990-06-01' };
    const approval = await harness.client.apply(person);
    const account = await harness.client.lookup({ first_name: 'newcustomer', last_name: 'SHOPPER', dob: '1990-06-01' });
    assert.equal(account.customer_id, approval.customer_id);
    assert.deepEqual(account.security_qid, [{ id: '8', text: 'What is the name of your first grade teacher?' }]);
    const verified = await harness.client.verify(approval.customer_id, {
      format: 'security_question',
      security_qid: '8',
      security_answer: ' mrs lavoie ',
    });
    const purchase = await harness.client.postTransaction({
      customer_id: approval.customer_id,
      amount: 1000,
      plan_id: '2',
      term: 6,
      verification_code: verified.verification_code,
    });
    assert.ok('balance_after_purchase' in purchase && purchase.balance_after_purchase === 4000);
  });

  it('a new Quebec account can be cancelled (closed)', async () => {
    const approval = await harness.client.apply({ ...quebec, first_name: 'Changed', last_name: 'Mind' });
    assert.deepEqual(await harness.client.closeAccount(approval.account_number), {});
    assert.equal(
      (await clientFailure(harness.client.lookup({ vcc_number: approval.vcc_number }))).code,
      'user_not_able_to_purchase',
    );
  });
});

describe('sandbox: apply field_errors (one bad input each)', () => {
  const cases: Array<[string, Partial<Record<keyof ApplyRequest, unknown>>, string, string]> = [
    ['a SIN failing Luhn (the seed’s 123123123)', { sin: '123123123' }, 'sin', 'wrong format'],
    [
      'a postal code of another province (the seed’s A1A0H1 in Ontario)',
      { postal_code: 'A1A 0H1' },
      'postal_code',
      'invalid',
    ],
    ['an underage applicant (17 in Ontario)', { dob: '2008-06-01' }, 'dob', 'invalid'],
    ['an expired government ID (the seed’s 2020-12-12)', { govid_expiry: '2020-12-12' }, 'govid_expiry', 'invalid'],
    ['a phone that is not NANP (the seed’s 5551231231)', { phone_number: '5551231231' }, 'phone_number', 'invalid'],
    ['a date that does not exist', { dob: '1990-02-30' }, 'dob', 'invalid_date_format'],
    ['an email without a domain', { email: 'someone@' }, 'email', 'wrong format'],
    ['a security question not in form_values', { security_qid: '99' }, 'security_qid', 'invalid'],
    ['a negative income', { personal_income: -5 }, 'personal_income', 'invalid'],
    ['a first name of 81 characters', { first_name: 'A'.repeat(81) }, 'first_name', 'length'],
    ['a missing last name', { last_name: undefined }, 'last_name', 'required'],
  ];
  for (const [name, change, param, msg] of cases) {
    it(`${name} → field_errors ${param}: ${msg}`, async () => {
      const error = await clientFailure(harness.client.apply({ ...ontario, ...change } as ApplyRequest));
      assert.equal(error.status, 409);
      assert.equal(error.code, 'wrong_inputs');
      assert.deepEqual(body(error)['field_errors'], [{ param, msg }]);
      assert.ok(param in error.fields || error.error.otherFields.length > 0);
    });
  }

  it('a Quebec applicant without monthly_housing_expenses → field_errors monthly_housing_expenses: required', async () => {
    const { monthly_housing_expenses: _housing, ...rest } = quebec;
    const error = await clientFailure(harness.client.apply(rest as ApplyRequest));
    assert.deepEqual(body(error)['field_errors'], [{ param: 'monthly_housing_expenses', msg: 'required' }]);
  });

  it('Flexiti echoes field values, but never a SIN, PIW or security answer', async () => {
    const response = await rawCall('/apply', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...ontario, sin: '123123123', postal_code: 'A1A 0H1' }),
    });
    const answer = (await response.json()) as { field_errors: Array<{ param: string; value: string }> };
    assert.deepEqual(
      answer.field_errors.map(({ param, value }) => [param, value]),
      [
        ['sin', ''],
        ['postal_code', 'A1A 0H1'],
      ],
    );
  });
});

describe('sandbox: lookup and search personas', () => {
  it('John Doe by name, birth date and postal code (with or without the space)', async () => {
    const [spaced, compact] = await Promise.all([
      harness.client.lookup({ first_name: 'John', last_name: 'Doe', dob: '1974-05-15', postal_code: 'M5M 1M1' }),
      harness.client.lookup({ first_name: 'john', last_name: 'doe', dob: '1974-05-15', postal_code: 'm5m1m1' }),
    ]);
    assert.equal(spaced.customer_id, '43353');
    assert.equal(compact.customer_id, '43353');
    assert.equal(spaced.preferred_language, 'EN_CA');
  });

  it('a postal code that does not match → not_found', async () => {
    const error = await clientFailure(
      harness.client.lookup({ first_name: 'John', last_name: 'Doe', dob: '1974-05-15', postal_code: 'K1A 0B1' }),
    );
    assert.equal(error.code, 'not_found');
  });

  it('security questions come in the language asked for', async () => {
    const account = await harness.client.lookup({ vcc_number: '6374980120051005', lang: 'fr' });
    assert.deepEqual(account.security_qid, [{ id: '9', text: 'Quel est votre film préféré?' }]);
  });

  it('David Morley has three accounts: lookup returns the normal one with the most credit', async () => {
    const account = await harness.client.lookup({ first_name: 'David', last_name: 'Morley', dob: '1981-01-17' });
    assert.equal(account.customer_id, '829901');
    assert.equal(account.available_credit, 2450);
  });

  it('Fiona Frozen (status F) → user_not_able_to_purchase', async () => {
    const error = await clientFailure(
      harness.client.lookup({ first_name: 'Fiona', last_name: 'Frozen', dob: '1990-07-04' }),
    );
    assert.equal(error.code, 'user_not_able_to_purchase');
    assert.equal(error.type, 'conflict');
  });

  it('the frozen Morley card by number → user_not_able_to_purchase', async () => {
    assert.equal(
      (await clientFailure(harness.client.lookup({ vcc_number: '6374980116576457' }))).code,
      'user_not_able_to_purchase',
    );
  });

  it('Ian Inactive → user_not_active', async () => {
    const error = await clientFailure(
      harness.client.lookup({ first_name: 'Ian', last_name: 'Inactive', dob: '1985-11-30' }),
    );
    assert.equal(error.code, 'user_not_active');
  });

  it('an unknown card → not_found', async () => {
    assert.equal((await clientFailure(harness.client.lookup({ vcc_number: '6374980199999999' }))).code, 'not_found');
  });

  it('search lists every Morley account with its status, amounts as the seed writes them', async () => {
    const response = await rawCall('/customers/search?first_name=David&last_name=Morley&dob=1981-01-17');
    const accounts = (await response.json()) as Array<Record<string, unknown>>;
    const seedAccounts = seed['GET /client-id/{client_id}/customers/search']!['200 - Success'] as Array<
      Record<string, unknown>
    >;
    // The seed's two accounts, field for field (the sandbox adds a third).
    assert.deepEqual(accounts.slice(0, 2), seedAccounts);
  });

  it('search for nobody → not_found (409, body code 404)', async () => {
    const error = await clientFailure(
      harness.client.search({ first_name: 'No', last_name: 'Body', dob: '2000-01-01' }),
    );
    assert.equal(error.status, 409);
    assert.equal(error.code, 'not_found');
    assert.equal(body(error)['code'], 404);
  });
});

describe('sandbox: verify personas', () => {
  it('merchant override → a four-digit code that is not 2222', async () => {
    const { verification_code } = await harness.client.verify('43353', { format: 'merchant_override' });
    assert.match(verification_code, /^\d{4}$/);
    assert.notEqual(verification_code, '2222');
  });

  it('Otto Nooverride: merchant override → merchant_override_is_not_allowed', async () => {
    const error = await clientFailure(harness.client.verify('51004', { format: 'merchant_override' }));
    assert.equal(error.code, 'merchant_override_is_not_allowed');
  });

  it('SMS → verification_sent_to_sms, and 2222 is the code', async () => {
    assert.equal((await harness.client.verify('51004', { format: 'sms' })).sent_to, 'sms');
    const purchase = await harness.client.postTransaction({
      customer_id: '51004',
      amount: 10,
      transaction_type: 'regular_purchase',
      verification_code: '2222',
    });
    assert.ok('transaction_id' in purchase);
  });

  it('email → verification_sent_to_email', async () => {
    assert.equal((await harness.client.verify('51003', { format: 'email' })).sent_to, 'email');
  });

  it('Nora Nophone: SMS → 400 wrong_input on phone_number', async () => {
    const error = await clientFailure(harness.client.verify('51003', { format: 'sms' }));
    assert.equal(error.status, 400);
    assert.equal(error.code, 'wrong_input');
    assert.deepEqual(body(error)['field_errors'], [{ param: 'phone_number', msg: 'invalid' }]);
  });

  it('Otto Nooverride: email → wrong_input on email', async () => {
    const error = await clientFailure(harness.client.verify('51004', { format: 'email' }));
    assert.deepEqual(body(error)['field_errors'], [{ param: 'email', msg: 'invalid' }]);
    assert.ok('email' in error.fields);
  });

  it('security question: the right answer, in any case and with spaces, → a code', async () => {
    const { verification_code } = await harness.client.verify('43353', {
      format: 'security_question',
      security_qid: '7',
      security_answer: '  MAPLE street ',
    });
    assert.match(verification_code, /^\d{4}$/);
  });

  it('security question: a wrong answer → secret_answer_mismatch on security_answer', async () => {
    const error = await clientFailure(
      harness.client.verify('43353', { format: 'security_question', security_qid: '4', security_answer: 'Rex' }),
    );
    assert.equal(error.code, 'secret_answer_mismatch');
    assert.ok('security_answer' in error.fields);
  });

  it('security question: a question that is not the customer’s → wrong_input on security_qid', async () => {
    const error = await clientFailure(
      harness.client.verify('43353', { format: 'security_question', security_qid: '9', security_answer: 'Amelie' }),
    );
    assert.deepEqual(body(error)['field_errors'], [{ param: 'security_qid', msg: 'invalid' }]);
  });

  it('security question: 3 wrong answers lock it (tries_exceed, even for the right answer) for 48 hours; SMS still works', async () => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      assert.equal(
        (
          await clientFailure(
            harness.client.verify('829825', {
              format: 'security_question',
              security_qid: '5',
              security_answer: 'Peru',
            }),
          )
        ).code,
        'secret_answer_mismatch',
      );
    }
    const locked = await clientFailure(
      harness.client.verify('829825', { format: 'security_question', security_qid: '5', security_answer: 'Iceland' }),
    );
    assert.equal(locked.code, 'tries_exceed');
    assert.equal((await harness.client.verify('829825', { format: 'sms' })).sent_to, 'sms');
    clock.advance(48 * 60 * 60 * 1000);
    const unlocked = await harness.client.verify('829825', {
      format: 'security_question',
      security_qid: '5',
      security_answer: 'Iceland',
    });
    assert.match(unlocked.verification_code, /^\d{4}$/);
  });

  it('a wrong personal identification word → piw_mismatch on piw', async () => {
    const error = await clientFailure(harness.client.verify('43353', { format: 'sms', piw: 'Thunder' }));
    assert.equal(error.code, 'piw_mismatch');
    assert.ok('piw' in error.fields);
  });

  it('an unknown customer → not_found', async () => {
    assert.equal((await clientFailure(harness.client.verify('12345', { format: 'sms' }))).code, 'not_found');
  });

  it('a frozen account → user_not_able_to_purchase', async () => {
    assert.equal(
      (await clientFailure(harness.client.verify('51001', { format: 'sms' }))).code,
      'user_not_able_to_purchase',
    );
  });
});

describe('sandbox: purchases', () => {
  const sms = (customerId: string) => harness.client.verify(customerId, { format: 'sms' });
  /** A purchase with the code the sandbox sends by SMS. */
  const postWithCode = (request: Omit<TransactionRequestInput, 'verification_code'>) =>
    harness.client.postTransaction({ ...request, verification_code: '2222' } as TransactionRequestInput);

  it('a purchase decrements the available credit and is recorded once', async () => {
    await sms('43353');
    const before = harness.sandbox.state.accounts.get('43353')!.available_credit;
    const recorded = harness.sandbox.state.transactions.length;
    const purchase = await postWithCode({ customer_id: '43353', amount: 250.5, plan_id: '4', term: 18 });
    assert.ok('balance_after_purchase' in purchase);
    assert.equal(purchase.available_credit, before);
    assert.equal(purchase.balance_after_purchase, before - 250.5);
    assert.equal(harness.sandbox.state.accounts.get('43353')!.available_credit, before - 250.5);
    assert.equal(harness.sandbox.state.transactions.length, recorded + 1);
    assert.equal(harness.sandbox.state.transactions.at(-1)?.amount, 250.5);
    const { available_credit } = await harness.client.lookup({ vcc_number: '6374980100408234' });
    assert.equal(available_credit, before - 250.5);
  });

  it('the code is used up by the purchase → wrong_verification_code the second time', async () => {
    await sms('43353');
    await postWithCode({ account_number: '20035156', amount: 5, plan_id: '5', term: 3 });
    const error = await clientFailure(postWithCode({ account_number: '20035156', amount: 5, plan_id: '5', term: 3 }));
    assert.equal(error.code, 'wrong_verification_code');
    assert.ok('verification_code' in error.fields);
  });

  it('the same idempotency key twice posts once and answers the same', async () => {
    await sms('43353');
    const recorded = harness.sandbox.state.transactions.length;
    const request = { vcc_number: '6374980100408234', amount: 20, plan_id: '5', term: 6, verification_code: '2222' };
    const first = await harness.client.postTransaction(request, { idempotencyKey: 'order-1001' });
    const second = await harness.client.postTransaction(request, { idempotencyKey: 'order-1001' });
    assert.deepEqual(second, first);
    assert.equal(harness.sandbox.state.transactions.length, recorded + 1);
  });

  it('a wrong code → wrong_verification_code', async () => {
    await sms('43353');
    assert.equal(
      (
        await clientFailure(
          harness.client.postTransaction({
            customer_id: '43353',
            amount: 5,
            plan_id: '5',
            term: 3,
            verification_code: '1111',
          }),
        )
      ).code,
      'wrong_verification_code',
    );
  });

  it('no code → verification_code_required', async () => {
    const error = await clientFailure(harness.client.postTransaction({ customer_id: '43353', amount: 5 } as never));
    assert.equal(error.code, 'verification_code_required');
  });

  it('more than the available credit → not_enough_credit', async () => {
    await sms('829825');
    const error = await clientFailure(postWithCode({ customer_id: '829825', amount: 700, plan_id: '5', term: 3 }));
    assert.equal(error.code, 'not_enough_credit');
    assert.equal(error.type, 'declined');
  });

  it('plan 5 with a 12-month term (not offered) → plan_term_not_available', async () => {
    await sms('43353');
    const error = await clientFailure(postWithCode({ customer_id: '43353', amount: 50, plan_id: '5', term: 12 }));
    assert.equal(error.code, 'plan_term_not_available');
  });

  it('an unknown plan → plan_term_not_available', async () => {
    await sms('43353');
    assert.equal(
      (await clientFailure(postWithCode({ customer_id: '43353', amount: 50, plan_id: '3', term: 3 }))).code,
      'plan_term_not_available',
    );
  });

  it('payments over 10 000 $ in 24 hours → limit_payment_amount_24', async () => {
    await sms('829901');
    await postWithCode({ customer_id: '829901', amount: 6000, transaction_type: 'instore_payment' });
    await sms('829901');
    const error = await clientFailure(
      postWithCode({ customer_id: '829901', amount: 5000, transaction_type: 'tradein' }),
    );
    assert.equal(error.code, 'limit_payment_amount_24');
  });

  it('an in-store payment answers in the payment shape', async () => {
    await sms('51004');
    const payment = await postWithCode({ customer_id: '51004', amount: 120.05, transaction_type: 'instore_payment' });
    assert.ok('total_amount' in payment);
    assert.equal(payment.total_amount, 120.05);
    assert.equal(payment.customer_lname, 'Nooverride');
  });

  it('an unknown transaction type → invalid_transaction_type', async () => {
    await sms('43353');
    assert.equal(
      (await clientFailure(postWithCode({ customer_id: '43353', amount: 5, transaction_type: 'layaway' }))).code,
      'invalid_transaction_type',
    );
  });

  it('an unknown account → not_found (409, body code 404)', async () => {
    const error = await clientFailure(postWithCode({ customer_id: '999', amount: 5 }));
    assert.equal(error.status, 409);
    assert.equal(error.code, 'not_found');
  });

  it('a card of another account → vcc_account_mismatch', async () => {
    await sms('43353');
    assert.equal(
      (await clientFailure(postWithCode({ customer_id: '43353', vcc_number: '6374980120051004', amount: 5 }))).code,
      'vcc_account_mismatch',
    );
  });

  it('a frozen account → user_not_able_to_purchase; an inactive one → user_not_active', async () => {
    assert.equal(
      (await clientFailure(postWithCode({ customer_id: '51001', amount: 5 }))).code,
      'user_not_able_to_purchase',
    );
    assert.equal((await clientFailure(postWithCode({ customer_id: '51002', amount: 5 }))).code, 'user_not_active');
  });

  it('customer transactions list the purchases, newest first', async () => {
    const { transactions } = await harness.client.customerTransactions('43353');
    assert.ok(transactions.length >= 3);
    assert.equal(transactions.at(-1)?.transaction_id, '167636');
    assert.equal(transactions[0]!.customer_name, 'Doe, John');
    assert.match(transactions[0]!.transaction_date ?? '', /^\d{4}\/\d{2}\/\d{2}$/);
  });

  it('Louise Gagnon has no purchases → no_returns_found (plain text from an HTML message)', async () => {
    const error = await clientFailure(harness.client.customerTransactions('51005'));
    assert.equal(error.code, 'no_returns_found');
    assert.doesNotMatch(error.error.message, /</);
  });

  it('transactions of an unknown customer → not_found', async () => {
    assert.equal((await clientFailure(harness.client.customerTransactions('4242'))).code, 'not_found');
  });
});

describe('sandbox: close account', () => {
  it('Louise Gagnon’s Quebec account closes, then lookups refuse it', async () => {
    const fresh = await startHarness();
    try {
      assert.deepEqual(await fresh.client.closeAccount('20051005'), {});
      assert.equal(
        (await clientFailure(fresh.client.lookup({ vcc_number: '6374980120051005' }))).code,
        'user_not_able_to_purchase',
      );
    } finally {
      await fresh.close();
    }
  });

  it('an Ontario account → invalid_account', async () => {
    assert.equal((await clientFailure(harness.client.closeAccount('20035156'))).code, 'invalid_account');
  });

  it('an unknown account → not_found', async () => {
    assert.equal((await clientFailure(harness.client.closeAccount('1'))).code, 'not_found');
  });
});

describe('sandbox: driver’s licence', () => {
  const ontarioLicence = ONTARIO_LICENCE_FIELDS;
  /** The licence decoded from `scanned`, which must decode. */
  const licenceIn = (scanned: string) => {
    const decoded = decodeAamva(scanned);
    assert.ok(decoded.ok);
    return decoded.license;
  };

  for (const persona of LICENSE_PERSONAS) {
    it(`${persona.jurisdiction} (${persona.iin}) → ${persona.outcome}`, async () => {
      const code = buildAamva(persona.iin, ontarioLicence);
      if (persona.outcome.startsWith('409')) {
        const error = await clientFailure(harness.client.decodeLicense(code));
        assert.equal(error.status, 409);
        assert.equal(body(error)['error'], "Driver License's not supported");
      } else {
        const licence = await harness.client.decodeLicense(code);
        assert.equal(licence.govid_type, 'CADL');
        assert.equal(licence.govid_issuedby, persona.outcome.match(/by (\w\w)/)![1]);
      }
    });
  }

  it('an empty code → 409 with error ""', async () => {
    const error = await clientFailure(harness.client.decodeLicense(''));
    assert.equal(error.status, 409);
    assert.equal(body(error)['error'], '');
  });

  it('text that is not a licence → not supported', async () => {
    assert.equal(
      body(await clientFailure(harness.client.decodeLicense('hello world')))['error'],
      "Driver License's not supported",
    );
  });

  it('decodes the older DAA full name and DCT given names', () => {
    const fromDaa = licenceIn(
      buildAamva('636028', { DAQ: '1234567', DAA: "O'BRIEN,SEAN,PATRICK", DBB: '19800229', DAK: 'V6Z 1M6' }, '03'),
    );
    assert.deepEqual([fromDaa.first_name, fromDaa.middle_name, fromDaa.last_name], ['Sean', 'Patrick', "O'Brien"]);
    assert.equal(fromDaa.govid_issuedby, 'BC');
    assert.equal(fromDaa.postal_code, 'V6Z 1M6');
    const fromDct = licenceIn(
      buildAamva('604432', { DAQ: '123456-789', DCS: 'TREMBLAY', DCT: 'JEAN-FRANÇOIS MARIE', DBB: '19850101' }, '04'),
    );
    assert.deepEqual(
      [fromDct.first_name, fromDct.middle_name, fromDct.govid_number],
      ['Jean-François', 'Marie', '123456789'],
    );
  });

  it('reads US-ordered dates (MMDDCCYY) and drops a NONE middle name', () => {
    const decoded = licenceIn(
      buildAamva('636012', { DAQ: 'X1', DCS: 'DOE', DAC: 'JANE', DAD: 'NONE', DBB: '05151974', DBA: '05152030' }),
    );
    assert.equal(decoded.dob, '1974-05-15');
    assert.equal(decoded.govid_expiry, '2030-05-15');
    assert.equal(decoded.middle_name, undefined);
  });

  it('still decodes when a scanner dropped the control characters and the offsets are wrong', () => {
    const scanned = buildAamva('636012', ontarioLicence)
      .replace(/^@\n\u001e\r/, '')
      .replace('DL0031', 'DL9999');
    const decoded = licenceIn(scanned);
    assert.equal(decoded.last_name, 'Doe');
  });

  it('a licence without a birth date is not supported', () => {
    const { DBB: _dob, ...rest } = ontarioLicence;
    assert.deepEqual(decodeAamva(buildAamva('636012', rest)), { ok: false, reason: 'unsupported' });
  });

  it('an impossible birth date (1974-02-30) is not supported', () => {
    assert.deepEqual(decodeAamva(buildAamva('636012', { ...ontarioLicence, DBB: '19740230' })), {
      ok: false,
      reason: 'unsupported',
    });
  });
});

describe('sandbox: reset', () => {
  it('puts the seeded accounts and balances back and forgets applications, purchases and idempotency keys', async () => {
    const own = await startHarness();
    try {
      await own.client.apply(ontario);
      await own.client.verify('43353', { format: 'sms' });
      const request = { customer_id: '43353', amount: 40, plan_id: '5', term: 6, verification_code: '2222' };
      await own.client.postTransaction(request, { idempotencyKey: 'reset-1' });
      const seeded = SEED_ACCOUNTS.find((account) => account.customer_id === '43353')!;
      assert.equal(own.sandbox.state.accounts.get('43353')!.available_credit, seeded.available_credit - 40);

      own.sandbox.state.reset();

      const state = own.sandbox.state;
      assert.equal(state.accounts.size, SEED_ACCOUNTS.length);
      assert.equal(state.accounts.get('43353')!.available_credit, seeded.available_credit);
      assert.deepEqual([state.transactions.length, state.applications.length], [0, 0]);
      // The same applicant is approved again, under a new id: no id names two accounts.
      const again = await own.client.apply(ontario);
      assert.ok('customer_id' in again);
      assert.equal(String(again.customer_id), '60002');
      // The idempotency key is forgotten: the same request after a new code posts again.
      await own.client.verify('43353', { format: 'sms' });
      await own.client.postTransaction(request, { idempotencyKey: 'reset-1' });
      assert.equal(state.transactions.length, 1);
    } finally {
      await own.close();
    }
  });

  it('keeps the issued tokens: a connected client goes on without signing in again', async () => {
    const own = await startHarness();
    try {
      await own.client.lookup({ vcc_number: '6374980100408234' });
      const tokens = own.sandbox.state.tokens.size;
      own.sandbox.state.reset();
      await own.client.lookup({ vcc_number: '6374980100408234' });
      assert.equal(own.sandbox.state.tokens.size, tokens);
    } finally {
      await own.close();
    }
  });
});

describe('sandbox: state and documentation', () => {
  it('records every request by route name, without paths or bodies', () => {
    const records = harness.sandbox.state.requests;
    assert.ok(records.length > 50);
    assert.ok(records.every((record) => Object.keys(record).join() === 'method,route,status'));
    assert.ok(!JSON.stringify(records).includes('Doe'));
  });

  it('an unknown path is 404 and a wrong method 405', async () => {
    const sandbox = createSandbox();
    assert.equal((await sandbox.fetch(new Request('http://s.test/client-id/x/refunds'))).status, 404);
    const wrongMethod = await sandbox.fetch(new Request('http://s.test/client-id/x/apply'));
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.headers.get('allow'), 'POST');
  });

  it('PERSONAS.md lists every apply persona with its code', () => {
    for (const persona of APPLY_PERSONAS) {
      assert.match(
        personasDoc,
        new RegExp(`\\| \`${persona.lastName}\` \\| ${persona.status} \\| \`${persona.error}\` \\|`),
      );
    }
  });

  it('PERSONAS.md lists every seeded account with its ids and purpose', () => {
    for (const account of SEED_ACCOUNTS) {
      const row = `| ${account.customer_id} / ${account.account_number} / ${account.vcc_number} | ${account.purpose} |`;
      assert.ok(personasDoc.includes(row), `missing row for ${account.customer_id}`);
      assert.ok(
        personasDoc.includes(`${account.first_name} ${account.last_name} (${account.province}) | ${account.dob}`),
      );
      for (const [qid, answer] of Object.entries(account.security_answers))
        assert.ok(personasDoc.includes(`${qid} → \`${answer}\``));
    }
  });

  it('PERSONAS.md lists every licence persona', () => {
    for (const persona of LICENSE_PERSONAS) assert.ok(personasDoc.includes(persona.iin));
  });

  it('the example applicants use valid data (real-format SIN, matching postal codes, NANP phones)', async () => {
    const { applyFieldErrors, validateApplyForm } = await import('../../../src/model/index.js');
    for (const applicant of [SANDBOX_APPLICANT, SANDBOX_QUEBEC_APPLICANT]) {
      assert.deepEqual(applyFieldErrors(applicant), []);
      const form = validateApplyForm(applicant, { today: '2026-03-10', strictPhone: true });
      assert.ok(form.ok, JSON.stringify(!form.ok && form.fields));
    }
  });
});
