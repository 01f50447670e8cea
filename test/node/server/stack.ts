/**
 * The handler over real HTTP in front of a harness: browser-side fetch → handler (served by `serveNode`) →
 * client → sandbox. One test client makes every call, so the attempt limits are roomy here: they have their own
 * tests (checkout.test.ts).
 */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { createFlexitiHandler, type FlexitiHandler } from '../../../src/server/index.js';
import { serveNode, type NodeServer } from '../../../src/server/node.js';
import { startHarness, type Harness } from './helpers.js';

export interface Stack {
  harness: Harness;
  flexiti: FlexitiHandler;
  handler: NodeServer;
  api: string;
  /** POSTs as the page does, on a new checkout unless `checkout` names one. */
  post(url: string, body: unknown, checkout?: string): Promise<Response>;
  /** A new checkout's id. */
  checkout(): Promise<string>;
  /** A checkout with the customer found by `lookup` bound to it. */
  bound(lookup: Record<string, string>): Promise<string>;
  close(): Promise<void>;
}

export interface StackOptions {
  maxBodyBytes?: number;
  /** The amount of each new checkout. */
  amount?: number;
}

const ROOMY = { points: 100_000, duration: 60 };

export async function startStack(
  options: Parameters<typeof startHarness>[0] = {},
  { maxBodyBytes, amount = 100 }: StackOptions = {},
): Promise<Stack> {
  const harness = await startHarness(options);
  const flexiti = createFlexitiHandler({
    client: harness.client,
    limits: { requestsPerClient: ROOMY, lookupsPerCustomer: ROOMY, codeSendsPerCustomer: ROOMY },
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
  });
  const handler = await serveNode(flexiti, { port: 0 });
  const api = `${handler.url}/api/flexiti`;
  let orders = 0;
  const checkout = async () =>
    (await flexiti.createCheckout({ orderId: `order-${++orders}`, amount, channel: 'online' })).id;
  const post = async (url: string, body: unknown, id?: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-flexiti-checkout': id ?? (await checkout()) },
      body: JSON.stringify(body),
    });
  return {
    harness,
    flexiti,
    handler,
    api,
    post,
    checkout,
    async bound(lookup) {
      const id = await checkout();
      const found = await post(`${api}/lookup`, lookup, id);
      assert.equal(found.status, 200, await found.clone().text());
      return id;
    },
    async close() {
      await handler.close();
      await harness.close();
    },
  };
}

/** {@link startStack}, closed when the test `t` ends (pass or fail). */
export async function openStack(t: TestContext, ...options: Parameters<typeof startStack>): Promise<Stack> {
  const stack = await startStack(...options);
  t.after(() => stack.close());
  return stack;
}
