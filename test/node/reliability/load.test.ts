/**
 * The server under load, over real HTTP on 127.0.0.1: browser-side fetch → handler (served by `serveNode`) →
 * client → sandbox (served too). 200 concurrent applications are each recorded exactly once; 50 concurrent
 * calls that meet an expiring, expired or revoked token share one renewal (fake clock).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SANDBOX_APPLICANT, SANDBOX_SMS_CODE } from '../../../src/server/index.js';
import { fakeClock, grants } from '../server/helpers.js';
import { openStack, type Stack } from '../server/stack.js';
import { uniqueLetters } from './arbitraries.js';

/** A letters-only name unique to `index` (names accept letters, not digits). */
const uniqueName = (index: number) => `Load${uniqueLetters(index)}`;

/** The sandbox's example applicant with a unique first and last name, so none is a duplicate of another. */
const applicant = (index: number) => ({
  ...SANDBOX_APPLICANT,
  first_name: `Applicant${uniqueName(index)}`,
  last_name: `Concurrent${uniqueName(index)}`,
});

describe('server under load', () => {
  it('200 concurrent applications through the handler: each approved once, none lost, none duplicated', async (t) => {
    const stack = await openStack(t, {}, { amount: 750 });
    const { state } = stack.harness.sandbox;
    const accountsBefore = state.accounts.size;
    const count = 200;
    const responses = await Promise.all(
      Array.from({ length: count }, (_, index) => stack.post(`${stack.api}/apply`, applicant(index))),
    );
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as Array<{ status?: unknown }>;

    assert.deepEqual(
      responses.map((response) => response.status).filter((status) => status !== 200),
      [],
      'every application answered 200',
    );
    assert.ok(bodies.every((body) => body.status === 'approved'));

    // The sandbox saw each application exactly once (no retry of a POST), and created one account each.
    assert.equal(state.requests.filter((request) => request.route === 'apply').length, count);
    const approved = state.applications.filter((application) => application.outcome === 'approved');
    assert.equal(approved.length, count);
    assert.equal(new Set(approved.map((application) => application.customer_id)).size, count);
    assert.equal(state.accounts.size, accountsBefore + count);

    const lastNames = [...state.accounts.values()]
      .filter((account) => account.applied)
      .map((account) => account.last_name);
    assert.equal(new Set(lastNames).size, count, 'no applicant has two accounts');
    // One token for all of them.
    assert.deepEqual(grants(stack.harness.sent), ['client_credentials']);
  });

  it('200 concurrent checkouts through whole journeys (apply → code → purchase): each paid once, none lost or duplicated', async (t) => {
    const stack = await openStack(t, {}, { amount: 750 });
    const { state } = stack.harness.sandbox;
    const count = 200;
    const transactionsBefore = state.transactions.length;
    const journeys = Array.from({ length: count }, async (_, index) => {
      const { id } = await stack.flexiti.createCheckout({
        orderId: `journey-${index}`,
        amount: 100 + index,
        channel: 'online',
      });
      const approval = (await (await stack.post(`${stack.api}/apply`, applicant(10_000 + index), id)).json()) as {
        offer_types: Array<{ plan_id: string; term_options: number[] }>;
      };
      await (await stack.post(`${stack.api}/verify`, { format: 'sms' }, id)).arrayBuffer();
      const offer = approval.offer_types[0]!;
      const receipt = await stack.post(
        `${stack.api}/purchase`,
        { plan_id: offer.plan_id, term: offer.term_options[0], verification_code: SANDBOX_SMS_CODE },
        id,
      );
      return {
        id,
        index,
        status: receipt.status,
        receipt: (await receipt.json()) as { transaction_id?: string; amount?: number },
      };
    });
    const results = await Promise.all(journeys);
    assert.deepEqual(
      results.filter((result) => result.status !== 200).map((result) => result.receipt),
      [],
      'every purchase answered 200',
    );
    const posted = state.transactions.slice(transactionsBefore);
    assert.equal(posted.length, count, 'one transaction per checkout');
    assert.equal(new Set(posted.map((transaction) => transaction.customer_id)).size, count, 'each on its own customer');
    for (const result of results) {
      const truth = await stack.flexiti.getCheckout(result.id);
      assert.equal(truth?.status, 'purchased');
      assert.equal(truth?.transaction?.transactionId, result.receipt.transaction_id);
      assert.equal(result.receipt.amount, 100 + result.index, 'each paid its own checkout’s amount');
      const transaction = posted.find((candidate) => candidate.transaction_id === result.receipt.transaction_id);
      assert.equal(transaction?.amount, 100 + result.index);
      assert.equal(transaction?.customer_id, truth?.customerId);
    }
  });

  it('the same 200 sent again concurrently: each is customer_already_exists, and no account is added', async (t) => {
    const stack = await openStack(t, {}, { amount: 750 });
    const { state } = stack.harness.sandbox;
    const count = 200;
    await Promise.all(
      Array.from({ length: count }, (_, index) =>
        stack.post(`${stack.api}/apply`, applicant(index)).then((r) => r.arrayBuffer()),
      ),
    );
    const accountsAfterFirst = state.accounts.size;
    const again = await Promise.all(
      Array.from({ length: count }, (_, index) => stack.post(`${stack.api}/apply`, applicant(index))),
    );
    const codes = (await Promise.all(again.map((response) => response.json()))) as Array<{ error?: string }>;
    assert.deepEqual(new Set(codes.map((body) => body.error)), new Set(['customer_already_exists']));
    assert.equal(state.accounts.size, accountsAfterFirst);
    assert.equal(
      state.applications.filter((application) => application.outcome === 'customer_already_exists').length,
      count,
    );
  });
});

describe('50 concurrent calls during a token expiry share one renewal', () => {
  /** 50 calls of three kinds, as a busy store makes them: terms, lookups and new applications. */
  const fifty = (stack: Stack, round: number) =>
    Array.from({ length: 50 }, (_, index) => {
      if (index % 3 === 0) return fetch(`${stack.api}/terms?province=ON&lang=en`);
      if (index % 3 === 1)
        return stack.post(`${stack.api}/lookup`, {
          first_name: 'John',
          last_name: 'Doe',
          dob: '1974-05-15',
          postal_code: 'M5M 1M1',
        });
      return stack.post(`${stack.api}/apply`, applicant(round * 1000 + index));
    });

  async function statuses(responses: Promise<Response>[]): Promise<number[]> {
    return Promise.all(
      responses.map(async (pending) => {
        const response = await pending;
        await response.arrayBuffer();
        return response.status;
      }),
    );
  }

  /** Token requests the sandbox answered, with their statuses. */
  const tokenStatuses = (stack: Stack) =>
    stack.harness.sandbox.state.requests
      .filter((request) => request.route === 'oauth/token')
      .map((request) => request.status);

  it('inside the last minute of the token: one refresh_token grant for all 50', async (t) => {
    const clock = fakeClock();
    const stack = await openStack(t, { sandbox: { clock: clock.now }, client: { now: clock.now } }, { amount: 750 });
    assert.deepEqual(await statuses(fifty(stack, 0)), Array(50).fill(200));
    assert.deepEqual(grants(stack.harness.sent), ['client_credentials'], 'one token for the first 50');
    clock.advance(1_150_000); // 1150 s of 1200: the client renews ahead of expiry
    assert.deepEqual(await statuses(fifty(stack, 1)), Array(50).fill(200));
    assert.deepEqual(grants(stack.harness.sent), ['client_credentials', 'refresh_token']);
    assert.deepEqual(tokenStatuses(stack), [200, 200]);
  });

  it('after expiry (the refresh token is refused too): one renewal, refresh then client_credentials, for all 50', async (t) => {
    const clock = fakeClock();
    const stack = await openStack(t, { sandbox: { clock: clock.now }, client: { now: clock.now } }, { amount: 750 });
    await statuses(fifty(stack, 0));
    clock.advance(1_300_000);
    assert.deepEqual(await statuses(fifty(stack, 1)), Array(50).fill(200));
    assert.deepEqual(grants(stack.harness.sent), ['client_credentials', 'refresh_token', 'client_credentials']);
    assert.deepEqual(tokenStatuses(stack), [200, 400, 200]);
  });

  it('a token revoked by the API mid-traffic (401 invalid_token): one renewal, each call that met it replayed once', async (t) => {
    const clock = fakeClock();
    const stack = await openStack(t, { sandbox: { clock: clock.now }, client: { now: clock.now } }, { amount: 750 });
    await statuses(fifty(stack, 0));
    const { state } = stack.harness.sandbox;
    const requestsBefore = state.requests.length;
    state.revokeTokens();
    assert.deepEqual(await statuses(fifty(stack, 1)), Array(50).fill(200));
    // The revoked refresh token is refused, so the one renewal falls back to client_credentials.
    assert.deepEqual(grants(stack.harness.sent), ['client_credentials', 'refresh_token', 'client_credentials']);
    const later = state.requests.slice(requestsBefore).filter((request) => request.route !== 'oauth/token');
    // The handler's checkout steps (store, limits) spread the 50 over a few ms: a call that reaches Flexiti after
    // the renewal never meets the revoked token. Every call succeeds once, and none meets it twice.
    const refused = later.filter((request) => request.status === 401).length;
    assert.ok(refused >= 1 && refused <= 50, `${refused} calls met the revoked token`);
    assert.equal(
      later.filter((request) => request.status !== 401).length,
      50,
      'each call answered once, replayed at most once',
    );
  });
});
