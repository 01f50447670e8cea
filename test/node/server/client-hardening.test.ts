/**
 * The client as an attacker or a broken upstream would meet it (issue 14, "Client hardening"): redirects are
 * never followed (a 307 on /oauth/token must not re-post the secret), only https leaves this machine, a GET
 * waits out at most a few seconds of `Retry-After`, and a refused merchant login is not retried on every call.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createFlexitiClient,
  FlexitiClientError,
  GET_RETRY_MAX_WAIT_MS,
  SANDBOX_CREDENTIALS,
} from '../../../src/server/index.js';
import { serveNode } from '../../../src/server/node.js';
import { clientFailure, grants, answerOn, onFakeClock, openHarness, rejection, sentTo } from './helpers.js';

describe('client hardening', () => {
  it('L1: a 307 on /oauth/token is not followed: the secret never reaches the other server', async () => {
    const stolen: string[] = [];
    const thief = await serveNode(
      {
        async fetch(request) {
          stolen.push(await request.text());
          return Response.json({ access_token: 'x', expires_in: 3600, token_type: 'bearer' });
        },
      },
      { port: 0 },
    );
    const redirecting = await serveNode(
      { fetch: () => new Response(null, { status: 307, headers: { location: `${thief.url}/steal` } }) },
      { port: 0 },
    );
    try {
      const client = createFlexitiClient({ baseUrl: `${redirecting.url}/pos-api`, ...SANDBOX_CREDENTIALS });
      await clientFailure(client.terms({ province: 'ON', lang: 'en' }));
      assert.deepEqual(stolen, [], 'nothing reached the redirect target');
    } finally {
      await redirecting.close();
      await thief.close();
    }
  });

  it('L1: a 302 on an API call is not followed either', async (t) => {
    const followed: string[] = [];
    const other = await serveNode(
      { fetch: (request) => (followed.push(request.url), new Response('{}')) },
      { port: 0 },
    );
    const harness = await openHarness(t, {
      wrap: answerOn(
        '/customers/lookup',
        () => new Response(null, { status: 302, headers: { location: `${other.url}/collect` } }),
      ),
    });
    t.after(() => other.close());
    await rejection(harness.client.lookup({ vcc_number: '6374980100408234' }));
    assert.deepEqual(followed, []);
  });

  it('only https reaches a remote host: http to another machine is refused when the client is made', () => {
    assert.throws(
      () => createFlexitiClient({ baseUrl: 'http://posapi.example.com/v2.5', ...SANDBOX_CREDENTIALS }),
      /https/,
    );
    assert.throws(() => createFlexitiClient({ baseUrl: 'not a url', ...SANDBOX_CREDENTIALS }), /URL/);
    assert.doesNotThrow(() =>
      createFlexitiClient({ baseUrl: 'https://posapi.example.com/v2.5', ...SANDBOX_CREDENTIALS }),
    );
    assert.doesNotThrow(() => createFlexitiClient({ baseUrl: 'http://127.0.0.1:8787/v2.5', ...SANDBOX_CREDENTIALS }));
  });

  it('M3: a GET answered Retry-After: 3600 is tried twice at most and fails, instead of holding the request for an hour', async (t) => {
    const harness = await openHarness(t, {
      inProcess: true,
      wrap: answerOn('/terms-and-conditions', () =>
        Response.json({ code: 429, error: 'TOO_MANY_REQUESTS' }, { status: 429, headers: { 'retry-after': '3600' } }),
      ),
      // Should the cap fail, the call would wait an hour: the client's own per-attempt timeout does not cover waits.
    });
    const started = Date.now();
    // On a fake clock: the capped wait costs fake time only; an uncapped one would hit the 120 s fake limit.
    const error = await onFakeClock(t, async () => {
      const failure = await rejection(harness.client.terms({ province: 'ON', lang: 'en' }));
      return { failure, waited: Date.now() - started };
    });
    assert.ok(error.failure instanceof FlexitiClientError);
    assert.equal(error.failure.status, 429);
    assert.equal(error.failure.retryAfter, '3600', 'the wait asked for is passed on to the caller');
    assert.equal(sentTo(harness.sent, '/terms-and-conditions').length, 2);
    assert.ok(GET_RETRY_MAX_WAIT_MS <= 5_000);
    assert.ok(error.waited <= GET_RETRY_MAX_WAIT_MS + 1_000, `waited ${error.waited} ms`);
  });

  it('L3: a refused merchant login is remembered: ten calls send one grant, not ten', async (t) => {
    const harness = await openHarness(t, { client: { clientSecret: 'wrong-secret-value' } });
    for (let index = 0; index < 10; index++) {
      const error = await clientFailure(harness.client.terms({ province: 'ON', lang: 'en' }));
      assert.equal(error.type, 'auth');
    }
    assert.deepEqual(grants(harness.sent), ['client_credentials']);
  });

  it('L3: after authFailureTtlMs the login is tried again', async (t) => {
    let now = Date.now();
    const harness = await openHarness(t, {
      client: { clientSecret: 'wrong-secret-value', now: () => now, authFailureTtlMs: 1000 },
    });
    await rejection(harness.client.terms({ province: 'ON', lang: 'en' }));
    now += 1001;
    await rejection(harness.client.terms({ province: 'ON', lang: 'en' }));
    assert.deepEqual(grants(harness.sent), ['client_credentials', 'client_credentials']);
  });
});
