/**
 * Several server instances on one Redis (issue 14): a checkout made on one instance is used on another, limits
 * hold across instances, and a purchase raced from two instances posts exactly once. Against a real
 * redis-server started on a free port for this file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createFlexitiHandler, type CheckoutStore, type FlexitiHandler } from '../../../src/server/index.js';
import { createRedisStore } from '../../../src/server/redis.js';
import { serveNode, type NodeServer } from '../../../src/server/node.js';
import { startRedis, type RedisServer } from '../helpers/redis-server.js';
import { callRoute, firstOffer, JOHN_DOE } from './checkout-stack.js';
import { startHarness, type Harness } from './helpers.js';

interface Instance {
  handler: FlexitiHandler;
  server: NodeServer;
  store: CheckoutStore;
  api: string;
}

describe('checkout sessions on Redis, two instances', () => {
  let redis: RedisServer;
  let harness: Harness;
  let one: Instance;
  let two: Instance;
  const purchases: string[] = [];

  const instance = async (keyPrefix: string): Promise<Instance> => {
    const store = await createRedisStore({ url: redis.url, keyPrefix });
    const handler = createFlexitiHandler({
      client: harness.client,
      store,
      limits: { lookupsPerCustomer: { points: 1000, duration: 3600 } },
      onPurchase: (checkout) => void purchases.push(checkout.id),
    });
    const server = await serveNode(handler, { port: 0 });
    return { handler, server, store, api: `${server.url}/api/flexiti` };
  };

  before(async () => {
    redis = await startRedis();
    harness = await startHarness();
    const prefix = `test-${Date.now()}:`;
    one = await instance(prefix);
    two = await instance(prefix);
  });
  after(async () => {
    for (const { server, store } of [one, two]) {
      await server?.close();
      await store?.close();
    }
    await harness?.close();
    await redis?.stop();
  });

  it('a checkout made on one instance is found, bound and verified through the other', async () => {
    const { id } = await one.handler.createCheckout({ orderId: 'redis-1', amount: 75, channel: 'online' });
    const found = await callRoute(two.api, 'lookup', { checkout: id, body: JOHN_DOE });
    assert.equal(found.status, 200, found.text);
    const verified = await callRoute(one.api, 'verify', {
      checkout: id,
      body: { format: 'security_question', security_qid: '4', security_answer: 'Buddy' },
    });
    assert.deepEqual(verified.body, { status: 'verified' });
    assert.equal((await two.handler.getCheckout(id))?.status, 'verified');
  });

  it('a purchase raced from both instances (ten requests each) posts exactly once, and onPurchase runs once', async () => {
    const { id } = await one.handler.createCheckout({ orderId: 'redis-race', amount: 80, channel: 'online' });
    const found = await callRoute(one.api, 'lookup', { checkout: id, body: JOHN_DOE });
    await callRoute(two.api, 'verify', {
      checkout: id,
      body: { format: 'security_question', security_qid: '7', security_answer: 'Maple Street' },
    });
    const before = harness.sandbox.state.transactions.length;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        callRoute(index % 2 ? one.api : two.api, 'purchase', { checkout: id, body: firstOffer(found.body) }),
      ),
    );
    assert.deepEqual(
      answers.map((answer) => answer.status),
      Array(20).fill(200),
    );
    assert.equal(new Set(answers.map((answer) => answer.body['transaction_id'])).size, 1);
    assert.equal(harness.sandbox.state.transactions.length, before + 1);
    assert.deepEqual(
      purchases.filter((purchased) => purchased === id),
      [id],
    );
    assert.equal((await one.handler.getCheckout(id))?.status, 'purchased');
  });

  it('limits hold across instances: lookups alternating between them stop at the checkout’s five', async () => {
    const { id } = await two.handler.createCheckout({ orderId: 'redis-limits', amount: 80, channel: 'online' });
    const statuses: number[] = [];
    for (let index = 0; index < 6; index++) {
      const answer = await callRoute(index % 2 ? one.api : two.api, 'lookup', {
        checkout: id,
        body: { first_name: 'Nobody', last_name: 'Here', dob: '1970-01-01' },
      });
      statuses.push(answer.status);
    }
    assert.deepEqual(statuses, [409, 409, 409, 409, 409, 429]);
  });

  it('an unknown checkout id is 401 on both instances', async () => {
    for (const { api } of [one, two]) {
      const answer = await callRoute(api, 'checkout', { checkout: 'AAAAAAAAAAAAAAAAAAAAAA' });
      assert.equal(answer.status, 401);
    }
  });
});
