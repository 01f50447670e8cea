/** The demo's own server routes: the reset exists in development only and puts the sandbox back to its seed. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDemoBackend, DEMO_CHECKOUT_PATH, DEMO_RESET_PATH } from '../../scripts/demo-backend.js';
import { SEED_ACCOUNTS } from '../../src/server/sandbox/index.js';

const post = (path: string) => new Request(`http://demo.test${path}`, { method: 'POST' });

describe('demo backend', () => {
  it('without allowReset (the hosted demo) there is no reset route, and the page is told so', async () => {
    const backend = createDemoBackend();
    assert.equal(backend.handles(DEMO_RESET_PATH), false);
    const order = (await (await backend.fetch(post(DEMO_CHECKOUT_PATH))).json()) as { canReset: boolean };
    assert.equal(order.canReset, false);
  });

  it('with allowReset, POST /demo/reset puts the seed back and forgets the orders', async () => {
    const backend = createDemoBackend({ allowReset: true });
    const order = (await (await backend.fetch(post(DEMO_CHECKOUT_PATH))).json()) as { canReset: boolean };
    assert.equal(order.canReset, true);
    backend.sandbox.state.accounts.get('43353')!.available_credit = 0;
    backend.sandbox.state.accounts.delete(SEED_ACCOUNTS[1]!.customer_id);

    const answer = await backend.fetch(post(DEMO_RESET_PATH));
    assert.equal(answer.status, 200);
    assert.equal(backend.sandbox.state.accounts.size, SEED_ACCOUNTS.length);
    const john = SEED_ACCOUNTS.find((account) => account.customer_id === '43353')!;
    assert.equal(backend.sandbox.state.accounts.get('43353')!.available_credit, john.available_credit);
    assert.equal(backend.orders.size, 0);
  });

  it('the reset answers only POST', async () => {
    const backend = createDemoBackend({ allowReset: true });
    backend.sandbox.state.accounts.get('43353')!.available_credit = 0;
    const answer = await backend.fetch(new Request(`http://demo.test${DEMO_RESET_PATH}`));
    assert.equal(answer.status, 405);
    assert.equal(backend.sandbox.state.accounts.get('43353')!.available_credit, 0);
  });
});
