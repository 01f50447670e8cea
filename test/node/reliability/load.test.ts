/**
 * The server under load, over real HTTP on 127.0.0.1: browser-side fetch → handler (served by `serveNode`) →
 * client → sandbox (served too). 200 concurrent applications are each recorded exactly once; 50 concurrent
 * calls that meet an expiring, expired or revoked token share one renewal (fake clock).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFlexitiHandler, SANDBOX_APPLICANT } from '../../../src/server/index.js';
import { serveNode } from '../../../src/server/node.js';
import { fakeClock, grants, startHarness, type Harness } from '../server/helpers.js';

interface Stack {
  harness: Harness;
  api: string;
  close(): Promise<void>;
}

async function startStack(options: Parameters<typeof startHarness>[0] = {}): Promise<Stack> {
  const harness = await startHarness(options);
  const handler = await serveNode(createFlexitiHandler({ client: harness.client }), { port: 0 });
  return {
    harness,
    api: `${handler.url}/api/flexiti`,
    async close() {
      await handler.close();
      await harness.close();
    },
  };
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A letters-only name unique to `index` (names accept letters, not digits): 0 → "Aa", 27 → "Bb"… */
function uniqueName(index: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let rest = index;
  let name = '';
  do {
    name = letters[rest % 26] + name;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return `Load${name}`;
}

/** The sandbox's example applicant with a unique first and last name, so none is a duplicate of another. */
const applicant = (index: number) => ({ ...SANDBOX_APPLICANT, first_name: `Applicant${uniqueName(index)}`, last_name: `Concurrent${uniqueName(index)}` });

describe('server under load', () => {
  it('200 concurrent applications through the handler: each approved once, none lost, none duplicated', async () => {
    const stack = await startStack();
    try {
      const { state } = stack.harness.sandbox;
      const accountsBefore = state.accounts.size;
      const count = 200;
      const responses = await Promise.all(Array.from({ length: count }, (_, index) => post(`${stack.api}/apply`, applicant(index))));
      const bodies = (await Promise.all(responses.map((response) => response.json()))) as Array<{ customer_id?: unknown }>;

      assert.deepEqual(responses.map((response) => response.status).filter((status) => status !== 200), [], 'every application answered 200');
      const ids = bodies.map((body) => String(body.customer_id));
      assert.equal(new Set(ids).size, count, 'every answer names its own customer');

      // The sandbox saw each application exactly once (no retry of a POST), and created one account each.
      assert.equal(state.requests.filter((request) => request.route === 'apply').length, count);
      const approved = state.applications.filter((application) => application.outcome === 'approved');
      assert.equal(approved.length, count);
      assert.equal(new Set(approved.map((application) => application.customer_id)).size, count);
      assert.equal(state.accounts.size, accountsBefore + count);

      // Each applicant's answer points at the account made from that applicant's own data.
      for (let index = 0; index < count; index++) {
        const account = state.accounts.get(ids[index]!);
        assert.equal(account?.last_name, applicant(index).last_name, `answer ${index} belongs to its applicant`);
      }
      const lastNames = [...state.accounts.values()].filter((account) => account.applied).map((account) => account.last_name);
      assert.equal(new Set(lastNames).size, count, 'no applicant has two accounts');
      // One token for all of them.
      assert.deepEqual(grants(stack.harness.sent), ['client_credentials']);
    } finally {
      await stack.close();
    }
  });

  it('the same 200 sent again concurrently: each is customer_already_exists, and no account is added', async () => {
    const stack = await startStack();
    try {
      const { state } = stack.harness.sandbox;
      const count = 200;
      await Promise.all(Array.from({ length: count }, (_, index) => post(`${stack.api}/apply`, applicant(index)).then((r) => r.arrayBuffer())));
      const accountsAfterFirst = state.accounts.size;
      const again = await Promise.all(Array.from({ length: count }, (_, index) => post(`${stack.api}/apply`, applicant(index))));
      const codes = (await Promise.all(again.map((response) => response.json()))) as Array<{ error?: string }>;
      assert.deepEqual(new Set(codes.map((body) => body.error)), new Set(['customer_already_exists']));
      assert.equal(state.accounts.size, accountsAfterFirst);
      assert.equal(state.applications.filter((application) => application.outcome === 'customer_already_exists').length, count);
    } finally {
      await stack.close();
    }
  });
});

describe('50 concurrent calls during a token expiry share one renewal', () => {
  /** 50 calls of three kinds, as a busy store makes them: terms, lookups and new applications. */
  const fifty = (stack: Stack, round: number) =>
    Array.from({ length: 50 }, (_, index) => {
      if (index % 3 === 0) return fetch(`${stack.api}/terms?province=ON&lang=en`);
      if (index % 3 === 1) return post(`${stack.api}/lookup`, { first_name: 'John', last_name: 'Doe', dob: '1974-05-15', postal_code: 'M5M 1M1' });
      return post(`${stack.api}/apply`, applicant(round * 1000 + index));
    });

  async function statuses(responses: Promise<Response>[]): Promise<number[]> {
    return Promise.all(responses.map(async (pending) => {
      const response = await pending;
      await response.arrayBuffer();
      return response.status;
    }));
  }

  /** Token requests the sandbox answered, with their statuses. */
  const tokenStatuses = (stack: Stack) =>
    stack.harness.sandbox.state.requests.filter((request) => request.route === 'oauth/token').map((request) => request.status);

  it('inside the last minute of the token: one refresh_token grant for all 50', async () => {
    const clock = fakeClock();
    const stack = await startStack({ sandbox: { clock: clock.now }, client: { now: clock.now } });
    try {
      assert.deepEqual(await statuses(fifty(stack, 0)), Array(50).fill(200));
      assert.deepEqual(grants(stack.harness.sent), ['client_credentials'], 'one token for the first 50');
      clock.advance(1_150_000); // 1150 s of 1200: the client renews ahead of expiry
      assert.deepEqual(await statuses(fifty(stack, 1)), Array(50).fill(200));
      assert.deepEqual(grants(stack.harness.sent), ['client_credentials', 'refresh_token']);
      assert.deepEqual(tokenStatuses(stack), [200, 200]);
    } finally {
      await stack.close();
    }
  });

  it('after expiry (the refresh token is refused too): one renewal, refresh then client_credentials, for all 50', async () => {
    const clock = fakeClock();
    const stack = await startStack({ sandbox: { clock: clock.now }, client: { now: clock.now } });
    try {
      await statuses(fifty(stack, 0));
      clock.advance(1_300_000);
      assert.deepEqual(await statuses(fifty(stack, 1)), Array(50).fill(200));
      assert.deepEqual(grants(stack.harness.sent), ['client_credentials', 'refresh_token', 'client_credentials']);
      assert.deepEqual(tokenStatuses(stack), [200, 400, 200]);
    } finally {
      await stack.close();
    }
  });

  it('a token revoked by the API mid-traffic (401 invalid_token on all 50): one renewal, each call replayed once', async () => {
    const clock = fakeClock();
    const stack = await startStack({ sandbox: { clock: clock.now }, client: { now: clock.now } });
    try {
      await statuses(fifty(stack, 0));
      const { state } = stack.harness.sandbox;
      const requestsBefore = state.requests.length;
      state.revokeTokens();
      assert.deepEqual(await statuses(fifty(stack, 1)), Array(50).fill(200));
      // The revoked refresh token is refused, so the one renewal falls back to client_credentials.
      assert.deepEqual(grants(stack.harness.sent), ['client_credentials', 'refresh_token', 'client_credentials']);
      const later = state.requests.slice(requestsBefore).filter((request) => request.route !== 'oauth/token');
      assert.equal(later.filter((request) => request.status === 401).length, 50, 'each call met the revoked token once');
      assert.equal(later.filter((request) => request.status !== 401).length, 50, 'and was replayed exactly once');
    } finally {
      await stack.close();
    }
  });
});
