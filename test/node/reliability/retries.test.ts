/**
 * docs/reliability.md §5 cases #48 and #49 on the server side, over real HTTP: the client honours
 * `Retry-After` on a GET (capped) and gives up after one retry; a 429 on a POST is never retried, and the handler
 * passes it on to the browser as `rate_limited`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readApiError } from '../../../src/model/index.js';
import { createFlexitiHandler, FlexitiClientError, SANDBOX_APPLICANT } from '../../../src/server/index.js';
import { serveNode } from '../../../src/server/node.js';
import { clientFailure, answerOn, intercept, onFakeClock, openHarness, rejection, sentTo } from '../server/helpers.js';

const busy = (retryAfter: string) =>
  Response.json(
    { code: 503, error: 'general_error', error_description: 'busy' },
    { status: 503, headers: { 'retry-after': retryAfter } },
  );

describe('#48 GET terms answered 503 with Retry-After', () => {
  it('#48 GET terms returns 503 with Retry-After: 2: the client waits about 2 s before its retry, then succeeds', async (t) => {
    const attempts: number[] = [];
    const harness = await openHarness(t, {
      inProcess: true,
      wrap: (sandbox) =>
        intercept(sandbox, (_request, path) => {
          if (!path.endsWith('/terms-and-conditions')) return undefined;
          attempts.push(Date.now());
          return attempts.length === 1 ? busy('2') : undefined;
        }),
    });
    // On a fake clock: the 2 s are waited in fake time (about 100 ms of real time).
    const html = await onFakeClock(t, () => harness.client.terms({ province: 'ON', lang: 'en' }));
    assert.match(html, /<h\d|<p/i, 'the terms arrive after the retry');
    assert.equal(attempts.length, 2);
    // ky's own delay would be 300 ms: waiting about 2 s shows the header was honoured.
    assert.ok(attempts[1]! - attempts[0]! >= 2000, `waited ${attempts[1]! - attempts[0]!} ms`);
  });

  it('#48 a GET that stays 503 with Retry-After is tried at most twice (one retry), then fails as server', async (t) => {
    const harness = await openHarness(t, {
      inProcess: true,
      wrap: answerOn('/terms-and-conditions', () => busy('1')),
    });
    const error = await onFakeClock(t, () => rejection(harness.client.terms({ province: 'ON', lang: 'en' })));
    assert.ok(error instanceof FlexitiClientError);
    assert.equal(error.type, 'server');
    assert.equal(error.status, 503);
    assert.equal(sentTo(harness.sent, '/terms-and-conditions').length, 2);
  });
});

describe('#49 429 on a POST', () => {
  const tooMany = () =>
    Response.json(
      { code: 429, error: 'TOO_MANY_REQUESTS', error_description: 'Slow down' },
      { status: 429, headers: { 'retry-after': '0' } },
    );

  it('#49 the client never retries a POST answered 429, even with Retry-After, and reads it as rate_limited', async (t) => {
    const harness = await openHarness(t, {
      wrap: answerOn(['/apply', '/verify'], () => tooMany()),
    });
    const error = await clientFailure(harness.client.apply({ ...SANDBOX_APPLICANT }));
    assert.equal(error.type, 'rate_limited');
    assert.equal(error.status, 429);
    assert.equal(error.error.retryable, true, 'the customer may try again (by hand)');
    await rejection(harness.client.verify('43353', { format: 'sms' }));
    assert.equal(sentTo(harness.sent, '/apply').length, 1);
    assert.equal(sentTo(harness.sent, '/verify').length, 1);
    assert.equal(harness.sandbox.state.applications.length, 0, 'nothing reached the sandbox');
  });

  it('#49 the handler passes a 429 on to the browser, which reads it as rate_limited', async (t) => {
    const harness = await openHarness(t, {
      wrap: answerOn('/apply', () => tooMany()),
    });
    const flexiti = createFlexitiHandler({ client: harness.client });
    const { id } = await flexiti.createCheckout({ orderId: 'order-49', amount: 500, channel: 'online' });
    const handler = await serveNode(flexiti, { port: 0 });
    t.after(() => handler.close());
    const response = await fetch(`${handler.url}/api/flexiti/apply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-flexiti-checkout': id },
      body: JSON.stringify(SANDBOX_APPLICANT),
    });
    assert.equal(response.status, 429);
    const error = readApiError(response.status, await response.json());
    assert.equal(error.type, 'rate_limited');
    assert.equal(sentTo(harness.sent, '/apply').length, 1);
  });
});
