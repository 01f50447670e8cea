/**
 * Checkout sessions over real HTTP, tried as an attacker would (issue 14; evidence in the security review):
 * the journeys a customer takes, then each attack on its own, with the answer it must get and what must not
 * have reached Flexiti.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SANDBOX_APPLICANT, SANDBOX_QUEBEC_APPLICANT, SANDBOX_SMS_CODE } from '../../../src/server/index.js';
import type { CheckoutState, CheckoutTransaction } from '../../../src/server/index.js';
import { CART_AMOUNT, firstOffer, JOHN_DOE, startCheckoutStack, type CheckoutStack } from './checkout-stack.js';
import { fakeClock } from './helpers.js';

const FORBIDDEN_KEYS = [
  'vcc_number',
  'account_number',
  'customer_id',
  'address_1',
  'address_2',
  'city',
  'postal_code',
  'province',
  'available_credit',
  'risk_rating',
  'verification_code',
  'preferred_language',
];

/** No identifier, address, credit or code anywhere in an answer the browser gets. */
function assertNoSecrets(body: unknown, allowCredit = false): void {
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (!(allowCredit && key === 'available_credit'))
          assert.ok(!FORBIDDEN_KEYS.includes(key), `answer carries ${key}`);
        walk(inner);
      }
    }
  };
  walk(body);
}

/** Limits across checkouts have their own tests; the other suites look the same people up many times. */
const SMALL_ORDER = 120.5;
const ROOMY = {
  lookupsPerCustomer: { points: 1000, duration: 3600 },
  codeSendsPerCustomer: { points: 1000, duration: 3600 },
};

/** `answer` is the handler's refusal: `status`, with `error` as the code. */
function assertRefused(answer: { status: number; body: Record<string, unknown> }, status: number, error: string): void {
  assert.equal(answer.status, status);
  assert.equal(answer.body['error'], error);
}

/** A checkout on `stack` with John Doe found and verified by his security question; what the lookup answered. */
async function johnVerified(
  stack: CheckoutStack,
  options: Parameters<CheckoutStack['checkout']>[0] = {},
  answer = { security_qid: '4', security_answer: 'Buddy' },
) {
  const checkout = await stack.checkout(options);
  const found = await stack.call('lookup', { checkout, body: JOHN_DOE });
  assert.equal(found.status, 200, found.text);
  const verified = await stack.call('verify', { checkout, body: { format: 'security_question', ...answer } });
  assert.equal(verified.status, 200, verified.text);
  return { checkout, found };
}

describe('checkout sessions: journeys', () => {
  let stack: CheckoutStack;
  const purchases: Array<{ checkout: CheckoutState; transaction: CheckoutTransaction }> = [];
  before(async () => {
    stack = await startCheckoutStack({
      limits: ROOMY,
      onPurchase: (checkout, transaction) => void purchases.push({ checkout, transaction }),
    });
  });
  after(() => stack.close());

  it('a new customer: apply → plan → text-message code → purchase of the checkout’s amount, once', async () => {
    const checkout = await stack.checkout({ orderId: 'order-new' });
    const approval = await stack.call('apply', { checkout, body: { ...SANDBOX_APPLICANT, amount_requested: 1 } });
    assert.equal(approval.status, 200, approval.text);
    assert.equal(approval.body['status'], 'approved');
    assert.match(String(approval.body['card_last4']), /^\d{4}$/);
    assert.equal(approval.body['closable'], false);
    assertNoSecrets(approval.body, true);
    assert.equal((await stack.handler.getCheckout(checkout))?.status, 'approved');

    const sent = await stack.call('verify', { checkout, body: { format: 'sms' } });
    assert.deepEqual(sent.body, { status: 'code_sent', sent_to: 'sms' });

    const choice = firstOffer(approval.body);
    const before = stack.harness.sandbox.state.transactions.length;
    const receipt = await stack.call('purchase', {
      checkout,
      body: { ...choice, verification_code: SANDBOX_SMS_CODE },
    });
    assert.equal(receipt.status, 200, receipt.text);
    assert.equal(receipt.body['status'], 'purchased');
    assert.equal(receipt.body['amount'], CART_AMOUNT);
    assert.equal(receipt.body['plan_id'], choice.plan_id);
    assert.equal(receipt.body['card_last4'], approval.body['card_last4']);
    assertNoSecrets(receipt.body);

    const posted = stack.harness.sandbox.state.transactions.slice(before);
    assert.equal(posted.length, 1);
    assert.equal(posted[0]!.amount, CART_AMOUNT);
    assert.equal(posted[0]!.transaction_type, 'promotional_purchase');

    const truth = await stack.handler.getCheckout(checkout);
    assert.equal(truth?.status, 'purchased');
    assert.equal(truth?.orderId, 'order-new');
    assert.equal(truth?.transaction?.transactionId, posted[0]!.transaction_id);
    assert.equal(truth?.customerId, posted[0]!.customer_id);
    const mine = purchases.filter((purchase) => purchase.checkout.id === checkout);
    assert.equal(mine.length, 1, 'onPurchase once');
    assert.equal(mine[0]!.transaction.amount, CART_AMOUNT);
  });

  it('an existing customer: lookup → plan → security question → purchase, the code never leaving the server', async () => {
    const checkout = await stack.checkout();
    const found = await stack.call('lookup', { checkout, body: JOHN_DOE });
    assert.equal(found.status, 200, found.text);
    assert.deepEqual(Object.keys(found.body).sort(), ['can_pay', 'methods', 'offer_types', 'security_qid']);
    assert.deepEqual(found.body['methods'], ['sms', 'email', 'security_question']);
    assertNoSecrets(found.body);

    const questions = found.body['security_qid'] as Array<{ id: string }>;
    const verified = await stack.call('verify', {
      checkout,
      body: {
        format: 'security_question',
        security_qid: questions.find((q) => q.id === '4')!.id,
        security_answer: 'buddy',
      },
    });
    assert.deepEqual(verified.body, { status: 'verified' });
    assert.equal((await stack.handler.getCheckout(checkout))?.status, 'verified');

    const receipt = await stack.call('purchase', { checkout, body: firstOffer(found.body) });
    assert.equal(receipt.status, 200, receipt.text);
    assert.equal(receipt.body['amount'], CART_AMOUNT);
    assert.equal((await stack.handler.getCheckout(checkout))?.customerId, '43353');
  });

  it('a Quebec approval can be cancelled once: the account this checkout opened is closed, and the checkout ends', async () => {
    const checkout = await stack.checkout({ lang: 'fr' });
    const approval = await stack.call('apply', { checkout, body: SANDBOX_QUEBEC_APPLICANT });
    assert.equal(approval.status, 200, approval.text);
    assert.equal(approval.body['closable'], true);
    assert.equal(typeof approval.body['debt_ratio'], 'number');
    const closed = await stack.call('close-account', { checkout, body: {} });
    assert.deepEqual(closed.body, { status: 'cancelled' });
    const truth = await stack.handler.getCheckout(checkout);
    assert.equal(truth?.status, 'cancelled');
    assert.equal(stack.harness.sandbox.state.accounts.get(truth!.customerId!)?.account_status, 'C');
    const again = await stack.call('close-account', { checkout, body: {} });
    assertRefused(again, 401, 'checkout_expired');
  });

  it('GET checkout tells the page its amount and state, nothing about the customer before a lookup', async () => {
    const checkout = await stack.checkout({ amount: 1299.99 });
    const view = await stack.call('checkout', { checkout });
    assert.equal(view.status, 200);
    assert.equal(view.body['amount'], 1299.99);
    assert.equal(view.body['currency'], 'CAD');
    assert.equal(view.body['status'], 'open');
    assert.equal(view.body['customer'], undefined);
  });

  it('GET checkout after a lookup tells a reloaded page where to resume: source, questions, plans, methods', async () => {
    const checkout = await stack.checkout();
    const found = await stack.call('lookup', { checkout, body: JOHN_DOE });
    const view = await stack.call('checkout', { checkout });
    assert.deepEqual(view.body['customer'], {
      verified: false,
      source: 'lookup',
      security_qid: found.body['security_qid'],
      can_pay: true,
    });
    assert.deepEqual(view.body['offer_types'], found.body['offer_types']);
    assert.deepEqual(view.body['methods'], found.body['methods']);
    assertNoSecrets(view.body);
  });

  it('GET checkout after an approval says the customer applied, with the card ending and no questions', async () => {
    const checkout = await stack.checkout();
    const approval = await stack.call('apply', {
      checkout,
      body: { ...SANDBOX_APPLICANT, first_name: 'Reloaded' },
    });
    assert.equal(approval.status, 200, approval.text);
    const view = await stack.call('checkout', { checkout });
    assert.equal(view.body['status'], 'approved');
    assert.deepEqual(view.body['customer'], {
      verified: false,
      source: 'apply',
      card_last4: approval.body['card_last4'],
    });
  });

  it('a repeated purchase answers the same receipt and posts nothing more', async () => {
    const { checkout, found } = await johnVerified(stack, {}, { security_qid: '7', security_answer: 'Maple Street' });
    const before = stack.harness.sandbox.state.transactions.length;
    const first = await stack.call('purchase', { checkout, body: firstOffer(found.body) });
    const second = await stack.call('purchase', { checkout, body: firstOffer(found.body) });
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(second.body, first.body);
    assert.equal(stack.harness.sandbox.state.transactions.length, before + 1);
  });

  it('ten purchases raced on one checkout post exactly one transaction, and all get its receipt', async () => {
    const { checkout, found } = await johnVerified(stack);
    const before = stack.harness.sandbox.state.transactions.length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => stack.call('purchase', { checkout, body: firstOffer(found.body) })),
    );
    assert.deepEqual(
      answers.map((answer) => answer.status),
      Array(10).fill(200),
    );
    assert.equal(new Set(answers.map((answer) => answer.body['transaction_id'])).size, 1);
    assert.equal(stack.harness.sandbox.state.transactions.length, before + 1);
  });
});

describe('checkout sessions: the handle', () => {
  let stack: CheckoutStack;
  const clock = fakeClock(Date.now());
  before(async () => {
    stack = await startCheckoutStack({ now: clock.now });
  });
  after(() => stack.close());

  it('a request without x-flexiti-checkout is 401 checkout_required', async () => {
    const answer = await stack.call('lookup', { body: JOHN_DOE });
    assertRefused(answer, 401, 'checkout_required');
  });

  it('an unknown checkout id is 401 checkout_not_found', async () => {
    const answer = await stack.call('lookup', { checkout: 'AAAAAAAAAAAAAAAAAAAAAA', body: JOHN_DOE });
    assertRefused(answer, 401, 'checkout_not_found');
  });

  it('a malformed checkout id is 401 checkout_not_found, never a store error', async () => {
    const answer = await stack.call('lookup', { checkout: '../../etc/passwd', body: JOHN_DOE });
    assertRefused(answer, 401, 'checkout_not_found');
  });

  it('ids are 128 random bits: 1,000 of them are distinct 22-character base64url strings', async () => {
    const ids = await Promise.all(
      Array.from({ length: 1000 }, (_, index) =>
        stack.handler.createCheckout({ orderId: `o${index}`, amount: 10, channel: 'online' }),
      ),
    );
    assert.equal(new Set(ids.map(({ id }) => id)).size, 1000);
    for (const { id } of ids) assert.match(id, /^[A-Za-z0-9_-]{22}$/);
  });

  it('an expired checkout is 401 checkout_expired, and the merchant reads it as expired', async () => {
    const checkout = await stack.checkout({ ttlMs: 60_000 });
    clock.advance(60_001);
    const answer = await stack.call('lookup', { checkout, body: JOHN_DOE });
    assertRefused(answer, 401, 'checkout_expired');
    assert.equal((await stack.handler.getCheckout(checkout))?.status, 'expired');
  });

  it('createCheckout refuses a merchant’s bad input: negative amount, three decimals, unknown channel, empty order', async () => {
    for (const input of [
      { orderId: 'a', amount: -5, channel: 'online' },
      { orderId: 'a', amount: 10.005, channel: 'online' },
      { orderId: 'a', amount: 10, channel: 'phone' },
      { orderId: ' ', amount: 10, channel: 'online' },
      { orderId: 'a', amount: 10, channel: 'online', ttlMs: 48 * 60 * 60 * 1000 },
    ]) {
      await assert.rejects(
        stack.handler.createCheckout(input as never),
        { name: 'CheckoutInputError' },
        JSON.stringify(input),
      );
    }
  });

  it('getCheckout of an unknown or malformed id is undefined', async () => {
    assert.equal(await stack.handler.getCheckout('AAAAAAAAAAAAAAAAAAAAAA'), undefined);
    assert.equal(await stack.handler.getCheckout('nope'), undefined);
  });
});

describe('checkout sessions: attacks (each fails today on a plain proxy)', () => {
  let stack: CheckoutStack;
  before(async () => {
    stack = await startCheckoutStack({ limits: ROOMY });
  });
  after(() => stack.close());

  /** John Doe, verified, on a small order (his credit lasts the whole suite). */
  const verifiedJohn = (options: Parameters<CheckoutStack['checkout']>[0] = {}) =>
    johnVerified(stack, { amount: SMALL_ORDER, ...options });
  const transactionsSent = () => stack.harness.sent.filter((request) => request.path.endsWith('/transactions')).length;
  const verifiesSent = () => stack.harness.sent.filter((request) => request.path.endsWith('/verify')).length;

  it('C1: merchant override on an online checkout is 403 method_not_allowed, and Flexiti is never asked', async () => {
    const checkout = await stack.checkout();
    await stack.call('lookup', { checkout, body: JOHN_DOE });
    const before = verifiesSent();
    const answer = await stack.call('verify', { checkout, body: { format: 'merchant_override' } });
    assertRefused(answer, 403, 'method_not_allowed');
    assert.equal(verifiesSent(), before);
  });

  it('C1: a verify before any lookup or approval is 409 customer_not_bound', async () => {
    const checkout = await stack.checkout();
    const answer = await stack.call('verify', { checkout, body: { format: 'sms' } });
    assertRefused(answer, 409, 'customer_not_bound');
  });

  it('C1: a customer_id in the verify body is refused (400 on customer_id), never used', async () => {
    const checkout = await stack.checkout();
    await stack.call('lookup', { checkout, body: JOHN_DOE });
    const before = verifiesSent();
    const answer = await stack.call('verify', { checkout, body: { format: 'sms', customer_id: '43354' } });
    assert.equal(answer.status, 400);
    assert.deepEqual(
      (answer.body['field_errors'] as Array<{ param: string }>).map((field) => field.param),
      ['customer_id'],
    );
    assert.equal(verifiesSent(), before);
  });

  it('C1: a purchase before verification is 409 verification_required, nothing posted', async () => {
    const checkout = await stack.checkout();
    const found = await stack.call('lookup', { checkout, body: JOHN_DOE });
    const before = transactionsSent();
    const answer = await stack.call('purchase', { checkout, body: firstOffer(found.body) });
    assertRefused(answer, 409, 'verification_required');
    assert.equal(transactionsSent(), before);
  });

  it('C1: a purchase on a checkout with no customer is 409 customer_not_bound', async () => {
    const checkout = await stack.checkout();
    const answer = await stack.call('purchase', {
      checkout,
      body: { plan_id: '1', term: 12, verification_code: '2222' },
    });
    assertRefused(answer, 409, 'customer_not_bound');
  });

  it('C1: the security-question code stays on the server: the verify answer has no code', async () => {
    const checkout = await stack.checkout();
    await stack.call('lookup', { checkout, body: JOHN_DOE });
    const answer = await stack.call('verify', {
      checkout,
      body: { format: 'security_question', security_qid: '4', security_answer: 'Buddy' },
    });
    assert.doesNotMatch(answer.text, /verification_code|\d{4,}/);
  });

  it('C2: an amount in the purchase body is ignored: the checkout’s amount is posted', async () => {
    const { checkout, found } = await verifiedJohn();
    const answer = await stack.call('purchase', { checkout, body: { ...firstOffer(found.body), amount: 1 } });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body['amount'], SMALL_ORDER);
    assert.equal(stack.harness.sandbox.state.transactions.at(-1)!.amount, SMALL_ORDER);
  });

  it('C2: a transaction_type in the purchase body is ignored: a promotional purchase is posted, credit is not raised', async () => {
    const { checkout, found } = await verifiedJohn();
    const creditBefore = stack.harness.sandbox.state.accounts.get('43353')!.available_credit;
    const answer = await stack.call('purchase', {
      checkout,
      body: { ...firstOffer(found.body), transaction_type: 'instore_payment' },
    });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(stack.harness.sandbox.state.transactions.at(-1)!.transaction_type, 'promotional_purchase');
    assert.ok(stack.harness.sandbox.state.accounts.get('43353')!.available_credit < creditBefore);
  });

  it('C2: the apply body’s amount_requested is replaced by the checkout’s amount', async () => {
    const checkout = await stack.checkout({ amount: 2500 });
    const answer = await stack.call('apply', {
      checkout,
      body: { ...SANDBOX_APPLICANT, first_name: 'Amanda', amount_requested: 15000 },
    });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body['credit_limit'], 2500);
  });

  it('C2: a plan Flexiti does not offer is 400 plan_not_offered on plan_id, nothing posted', async () => {
    const { checkout } = await verifiedJohn();
    const before = transactionsSent();
    const answer = await stack.call('purchase', { checkout, body: { plan_id: '99999', term: 12 } });
    assertRefused(answer, 400, 'plan_not_offered');
    assert.deepEqual(
      (answer.body['field_errors'] as Array<{ param: string }>).map((field) => field.param),
      ['plan_id'],
    );
    assert.equal(transactionsSent(), before);
  });

  it('C2: a term the plan does not offer is 400 plan_not_offered on term', async () => {
    const { checkout, found } = await verifiedJohn();
    const answer = await stack.call('purchase', {
      checkout,
      body: { plan_id: firstOffer(found.body).plan_id, term: 997 },
    });
    assert.equal(answer.status, 400);
    assert.deepEqual(
      (answer.body['field_errors'] as Array<{ param: string }>).map((field) => field.param),
      ['term'],
    );
  });

  it('C2: a plan the merchant left out of `plans` is neither offered nor accepted', async () => {
    const offered = firstOffer((await stack.call('lookup', { checkout: await stack.checkout(), body: JOHN_DOE })).body);
    const all = (await stack.call('lookup', { checkout: await stack.checkout(), body: JOHN_DOE })).body[
      'offer_types'
    ] as Array<{ plan_id: string }>;
    const other = all.find((offer) => offer.plan_id !== offered.plan_id)!;
    const { checkout, found } = await verifiedJohn({ plans: [{ plan_id: other.plan_id }] });
    assert.deepEqual(
      (found.body['offer_types'] as Array<{ plan_id: string }>).map((offer) => offer.plan_id),
      [other.plan_id],
    );
    const answer = await stack.call('purchase', { checkout, body: offered });
    assertRefused(answer, 400, 'plan_not_offered');
  });

  it('H1: a lookup answers no address, credit, account number, status or card number', async () => {
    const checkout = await stack.checkout();
    const answer = await stack.call('lookup', { checkout, body: { vcc_number: '6374980100408234' } });
    assert.equal(answer.status, 200, answer.text);
    assertNoSecrets(answer.body);
    assert.doesNotMatch(answer.text, /Anystreet|Toronto|M5M|20035156|43353|5000/);
  });

  it('H1: an approval answers no card number, account number or customer id', async () => {
    const checkout = await stack.checkout();
    const answer = await stack.call('apply', { checkout, body: { ...SANDBOX_APPLICANT, first_name: 'Brigitte' } });
    assert.equal(answer.status, 200, answer.text);
    assertNoSecrets(answer.body, true);
    const account = stack.harness.sandbox.state.accounts.get((await stack.handler.getCheckout(checkout))!.customerId!)!;
    assert.ok(!answer.text.includes(account.vcc_number));
    assert.ok(!answer.text.includes(account.account_number));
  });

  it('H2: close-account on an existing customer’s (looked-up) account is 409 not_closable, nothing closed', async () => {
    const checkout = await stack.checkout();
    await stack.call('lookup', { checkout, body: JOHN_DOE });
    const answer = await stack.call('close-account', { checkout, body: { account_number: '20035156' } });
    assertRefused(answer, 409, 'not_closable');
    assert.equal(stack.harness.sandbox.state.accounts.get('43353')!.active, true);
  });

  it('H2: close-account on an Ontario approval (no debt ratio) is 409 not_closable', async () => {
    const checkout = await stack.checkout();
    await stack.call('apply', { checkout, body: { ...SANDBOX_APPLICANT, first_name: 'Chantal' } });
    const answer = await stack.call('close-account', { checkout, body: {} });
    assertRefused(answer, 409, 'not_closable');
  });

  it('H2: close-account before any approval is 409 customer_not_bound', async () => {
    const answer = await stack.call('close-account', { checkout: await stack.checkout(), body: {} });
    assertRefused(answer, 409, 'customer_not_bound');
  });

  for (const route of ['transactions', 'search', 'customers/43353/transactions', 'customers/lookup']) {
    it(`H2: the raw route ${route} is not on the browser surface (404)`, async () => {
      const checkout = await stack.checkout();
      const get = await stack.call(route, { checkout });
      const post = await stack.call(route, {
        checkout,
        body: { customer_id: '43353', amount: 1, verification_code: '1' },
      });
      assert.equal(get.status, 404);
      assert.equal(post.status, 404);
    });
  }

  it('M1: a browser-chosen x-idempotency-key is never passed to Flexiti', async () => {
    const { checkout, found } = await verifiedJohn();
    await stack.call('purchase', {
      checkout,
      body: firstOffer(found.body),
      headers: { 'x-idempotency-key': 'victim-order-1' },
    });
    const posted = stack.harness.sent.filter((request) => request.path.endsWith('/transactions')).at(-1)!;
    assert.equal(posted.headers.get('x-idempotency-key'), `flexiti-checkout-${checkout}-0`);
  });

  for (const [name, route] of [
    ['a trailing slash', 'close-account/'],
    ['an encoded letter', '%63lose-account'],
    ['an encoded hyphen', 'close%2Daccount'],
    ['a double slash', '/close-account'],
    ['an encoded slash', 'customers%2F43353%2Ftransactions'],
    ['upper case', 'CLOSE-ACCOUNT'],
  ] as const) {
    it(`M2: ${name} (${route}) is 404, never an alias of a route`, async () => {
      const answer = await stack.call(route, { checkout: await stack.checkout(), body: {} });
      assertRefused(answer, 404, 'route_not_found');
    });
  }

  it('L2: a bad percent-escape in the path is 400, never 500', async () => {
    const answer = await stack.call('%E0%A4%A', { checkout: await stack.checkout(), body: {} });
    assertRefused(answer, 400, 'bad_request');
  });

  it('a cross-origin page (Origin) is 403 origin_not_allowed before anything else runs', async () => {
    const checkout = await stack.checkout();
    const before = stack.harness.sent.length;
    const answer = await stack.call('lookup', {
      checkout,
      body: JOHN_DOE,
      headers: { origin: 'https://evil.example' },
    });
    assertRefused(answer, 403, 'origin_not_allowed');
    assert.equal(stack.harness.sent.length, before);
  });

  it('a cross-site request without Origin (Sec-Fetch-Site: cross-site) is 403', async () => {
    const answer = await stack.call('lookup', {
      checkout: await stack.checkout(),
      body: JOHN_DOE,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    assert.equal(answer.status, 403);
  });

  it('the handler’s own origin is allowed', async () => {
    const answer = await stack.call('lookup', {
      checkout: await stack.checkout(),
      body: JOHN_DOE,
      headers: { origin: new URL(stack.api).origin, 'sec-fetch-site': 'same-origin' },
    });
    assert.equal(answer.status, 200, answer.text);
  });

  it('a second application on a checkout that already has its customer is 409 already_applied', async () => {
    const checkout = await stack.checkout();
    await stack.call('apply', { checkout, body: { ...SANDBOX_APPLICANT, first_name: 'Denise' } });
    const answer = await stack.call('apply', { checkout, body: { ...SANDBOX_APPLICANT, first_name: 'Estelle' } });
    assertRefused(answer, 409, 'already_applied');
  });

  it('after the purchase, verify and lookup are 409 checkout_completed', async () => {
    const { checkout, found } = await verifiedJohn();
    assert.equal((await stack.call('purchase', { checkout, body: firstOffer(found.body) })).status, 200);
    for (const [route, body] of [
      ['lookup', JOHN_DOE],
      ['verify', { format: 'sms' }],
    ] as const) {
      const answer = await stack.call(route, { checkout, body });
      assert.equal(answer.status, 409, route);
      assert.equal(answer.body['error'], 'checkout_completed', route);
    }
  });

  it('a new lookup (another person) drops what was verified for the previous one', async () => {
    const { checkout, found } = await verifiedJohn();
    const other = await stack.call('lookup', {
      checkout,
      body: { first_name: 'David', last_name: 'Morley', dob: '1981-01-17' },
    });
    assert.equal(other.status, 200, other.text);
    const answer = await stack.call('purchase', { checkout, body: firstOffer(found.body) });
    assertRefused(answer, 409, 'verification_required');
  });
});

describe('checkout sessions: merchant override at a till', () => {
  it('in_store and authorized: offered, verified without a code reaching the page, purchase posted', async () => {
    const seen: string[] = [];
    const stack = await startCheckoutStack({
      authorize: (request, action) => {
        seen.push(action);
        return request.headers.get('x-staff') === 'yes';
      },
    });
    try {
      const checkout = await stack.checkout({ channel: 'in_store' });
      const found = await stack.call('lookup', { checkout, body: JOHN_DOE, headers: { 'x-staff': 'yes' } });
      assert.ok((found.body['methods'] as string[]).includes('merchant_override'));
      const verified = await stack.call('verify', {
        checkout,
        body: { format: 'merchant_override' },
        headers: { 'x-staff': 'yes' },
      });
      assert.deepEqual(verified.body, { status: 'verified' });
      const receipt = await stack.call('purchase', { checkout, body: firstOffer(found.body) });
      assert.equal(receipt.status, 200, receipt.text);
      assert.ok(seen.includes('merchant_override'));
    } finally {
      await stack.close();
    }
  });

  it('in_store but authorize says no: 403 method_not_allowed, and the method is not offered', async () => {
    const stack = await startCheckoutStack({ authorize: () => false });
    try {
      const checkout = await stack.checkout({ channel: 'in_store' });
      const found = await stack.call('lookup', { checkout, body: JOHN_DOE });
      assert.ok(!(found.body['methods'] as string[]).includes('merchant_override'));
      const answer = await stack.call('verify', { checkout, body: { format: 'merchant_override' } });
      assertRefused(answer, 403, 'method_not_allowed');
    } finally {
      await stack.close();
    }
  });

  it('in_store without an authorize hook: refused', async () => {
    const stack = await startCheckoutStack();
    try {
      const checkout = await stack.checkout({ channel: 'in_store' });
      await stack.call('lookup', { checkout, body: JOHN_DOE });
      const answer = await stack.call('verify', { checkout, body: { format: 'merchant_override' } });
      assert.equal(answer.status, 403);
    } finally {
      await stack.close();
    }
  });
});

describe('checkout sessions: attempt limits (H3)', () => {
  let stack: CheckoutStack;
  before(async () => {
    stack = await startCheckoutStack({ limits: ROOMY });
  });
  after(() => stack.close());

  const assertLimited = (answer: { status: number; headers: Headers; body: Record<string, unknown> }) => {
    assertRefused(answer, 429, 'too_many_attempts');
    const seconds = Number(answer.headers.get('retry-after'));
    assert.ok(seconds >= 1, 'Retry-After in seconds');
    assert.equal(answer.body['retry_after'], seconds);
  };

  it('a sixth lookup on one checkout is 429 with Retry-After, and Flexiti is not asked', async () => {
    const checkout = await stack.checkout();
    for (let index = 0; index < 5; index++) {
      const answer = await stack.call('lookup', {
        checkout,
        body: { first_name: 'Nobody', last_name: `Here`, dob: `1970-01-0${index + 1}` },
      });
      assert.equal(answer.status, 409);
    }
    const before = stack.harness.sent.length;
    assertLimited(await stack.call('lookup', { checkout, body: JOHN_DOE }));
    assert.equal(stack.harness.sent.length, before);
  });

  it('a fourth text message on one checkout is 429: no flood of codes to a stranger', async () => {
    const checkout = await stack.checkout();
    await stack.call('lookup', { checkout, body: { first_name: 'Nora', last_name: 'Nophone', dob: '1979-02-28' } });
    await stack.call('lookup', { checkout, body: JOHN_DOE });
    for (let index = 0; index < 3; index++)
      assert.equal((await stack.call('verify', { checkout, body: { format: 'email' } })).status, 200);
    assertLimited(await stack.call('verify', { checkout, body: { format: 'sms' } }));
  });

  it('a third security answer after two wrong ones is 429, and Flexiti is not asked', async () => {
    const checkout = await stack.checkout();
    await stack.call('lookup', { checkout, body: { vcc_number: '6374980100408234' } });
    for (let index = 0; index < 2; index++) {
      const wrong = await stack.call('verify', {
        checkout,
        body: { format: 'security_question', security_qid: '4', security_answer: `Rex${index}` },
      });
      assert.equal(wrong.body['error'], 'secret_answer_mismatch');
    }
    const before = stack.harness.sent.length;
    assertLimited(
      await stack.call('verify', {
        checkout,
        body: { format: 'security_question', security_qid: '4', security_answer: 'Buddy' },
      }),
    );
    assert.equal(stack.harness.sent.length, before);
  });

  it('wrong codes: 400 wrong_verification_code four times, the fifth voids the code (409), the right one then no longer works', async () => {
    const checkout = await stack.checkout();
    const approval = await stack.call('apply', { checkout, body: { ...SANDBOX_APPLICANT, first_name: 'Fabienne' } });
    await stack.call('verify', { checkout, body: { format: 'sms' } });
    const choice = firstOffer(approval.body);
    for (let index = 0; index < 4; index++) {
      const wrong = await stack.call('purchase', { checkout, body: { ...choice, verification_code: `100${index}` } });
      assert.equal(wrong.status, 400, wrong.text);
      assert.equal(wrong.body['error'], 'wrong_verification_code');
    }
    const fifth = await stack.call('purchase', { checkout, body: { ...choice, verification_code: '1009' } });
    assertRefused(fifth, 409, 'verification_void');
    const right = await stack.call('purchase', { checkout, body: { ...choice, verification_code: SANDBOX_SMS_CODE } });
    assertRefused(right, 409, 'verification_required');
    // A new code, then the right one: the purchase goes through, posted once.
    await stack.call('verify', { checkout, body: { format: 'sms' } });
    const paid = await stack.call('purchase', { checkout, body: { ...choice, verification_code: SANDBOX_SMS_CODE } });
    assert.equal(paid.status, 200, paid.text);
  });

  it('per client: past requestsPerClient, a client is 429 on every checkout', async () => {
    const limited = await startCheckoutStack({ limits: { requestsPerClient: { points: 3, duration: 60 } } });
    try {
      const checkout = await limited.checkout();
      for (let index = 0; index < 3; index++) assert.equal((await limited.call('checkout', { checkout })).status, 200);
      assertLimited(await limited.call('checkout', { checkout: await limited.checkout() }));
    } finally {
      await limited.close();
    }
  });

  it('per customer: lookups of one person across many checkouts are limited (walking checkouts does not help)', async () => {
    const limited = await startCheckoutStack({ limits: { lookupsPerCustomer: { points: 2, duration: 3600 } } });
    try {
      for (let index = 0; index < 2; index++)
        assert.equal(
          (await limited.call('lookup', { checkout: await limited.checkout(), body: JOHN_DOE })).status,
          200,
        );
      assertLimited(
        await limited.call('lookup', {
          checkout: await limited.checkout(),
          body: { ...JOHN_DOE, first_name: ' JOHN ' },
        }),
      );
    } finally {
      await limited.close();
    }
  });

  it('per customer: codes sent to one customer across checkouts are limited', async () => {
    const limited = await startCheckoutStack({ limits: { codeSendsPerCustomer: { points: 2, duration: 3600 } } });
    try {
      for (let index = 0; index < 2; index++) {
        const checkout = await limited.checkout();
        await limited.call('lookup', { checkout, body: JOHN_DOE });
        assert.equal((await limited.call('verify', { checkout, body: { format: 'sms' } })).status, 200);
      }
      const checkout = await limited.checkout();
      await limited.call('lookup', { checkout, body: JOHN_DOE });
      assertLimited(await limited.call('verify', { checkout, body: { format: 'sms' } }));
    } finally {
      await limited.close();
    }
  });
});
