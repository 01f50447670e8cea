/**
 * What the page learns about cost and credit before any code (issue 20): each plan's APR and fee from the merchant's
 * agreement, and whether the customer found can pay this checkout's amount (yes or no, never the credit).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { JOHN_DOE, startCheckoutStack, type CheckoutStack } from './checkout-stack.js';

describe('checkout: plan costs and credit shortfall over HTTP', () => {
  let stack: CheckoutStack;
  before(async () => {
    stack = await startCheckoutStack({ planCosts: { '2': { apr: 9.99 }, '4': { apr: 29.99, fee: 25 } } });
  });
  after(() => stack.close());

  it("GET checkout gives the handler's plan rates and fees", async () => {
    const checkout = await stack.checkout();
    const view = await stack.call('checkout', { checkout });
    assert.equal(view.status, 200);
    assert.deepEqual(view.body['plan_rates'], { '2': 9.99, '4': 29.99 });
    assert.deepEqual(view.body['plan_fees'], { '4': 25 });
  });

  it("a checkout's plans[].apr and fee override the handler's", async () => {
    const checkout = await stack.checkout({
      plans: [
        { plan_id: '4', apr: 19.99 },
        { plan_id: '5', fee: 10 },
      ],
    });
    const view = await stack.call('checkout', { checkout });
    assert.deepEqual(view.body['plan_rates'], { '2': 9.99, '4': 19.99 });
    assert.deepEqual(view.body['plan_fees'], { '4': 25, '5': 10 });
  });

  it('without any, GET checkout says nothing about rates', async () => {
    const plain = await startCheckoutStack();
    try {
      const view = await plain.call('checkout', { checkout: await plain.checkout() });
      assert.equal(view.body['plan_rates'], undefined);
      assert.equal(view.body['plan_fees'], undefined);
    } finally {
      await plain.close();
    }
  });

  it('an APR of 100 or more, or a negative fee, is refused in createCheckout', async () => {
    for (const plan of [
      { plan_id: '4', apr: 100 },
      { plan_id: '4', apr: -1 },
      { plan_id: '4', fee: -5 },
    ]) {
      await assert.rejects(stack.checkout({ plans: [plan] }), { name: 'CheckoutInputError' }, JSON.stringify(plan));
    }
  });

  it("an unusable rate in the handler's planCosts is refused when a checkout is created", async () => {
    const broken = await startCheckoutStack({ planCosts: { '4': { apr: Number.NaN } } });
    try {
      await assert.rejects(broken.checkout(), { name: 'CheckoutInputError' });
    } finally {
      await broken.close();
    }
  });

  it('lookup: can_pay true when the available credit covers the amount, and no credit figure', async () => {
    const checkout = await stack.checkout({ amount: 1644 });
    const found = await stack.call('lookup', { checkout, body: JOHN_DOE });
    assert.equal(found.status, 200);
    assert.equal(found.body['can_pay'], true);
    assert.ok(!/available_credit|credit_limit|5000/.test(found.text), found.text);
  });

  it('lookup: can_pay false when the amount is more than the available credit', async () => {
    const checkout = await stack.checkout({ amount: 5000.01 });
    const found = await stack.call('lookup', { checkout, body: JOHN_DOE });
    assert.equal(found.status, 200);
    assert.equal(found.body['can_pay'], false);
    assert.ok(!/available_credit|5000/.test(found.text), found.text);
  });

  it('lookup: exactly the available credit can pay (compared in cents)', async () => {
    const checkout = await stack.checkout({ amount: 5000 });
    const found = await stack.call('lookup', { checkout, body: JOHN_DOE });
    assert.equal(found.body['can_pay'], true);
  });

  it('GET checkout after a lookup repeats can_pay false for a reloaded page, and no credit figure', async () => {
    const checkout = await stack.checkout({ amount: 6000 });
    await stack.call('lookup', { checkout, body: JOHN_DOE });
    const view = await stack.call('checkout', { checkout });
    assert.equal(view.status, 200);
    assert.equal((view.body['customer'] as Record<string, unknown>)['can_pay'], false);
    assert.ok(!/available_credit|credit_limit|5000/.test(view.text), view.text);
  });

  it('GET checkout after a lookup that can pay says can_pay true', async () => {
    const checkout = await stack.checkout({ amount: 1644 });
    await stack.call('lookup', { checkout, body: JOHN_DOE });
    const view = await stack.call('checkout', { checkout });
    assert.equal((view.body['customer'] as Record<string, unknown>)['can_pay'], true);
  });
});
