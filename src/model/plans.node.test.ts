import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { amountFits, planCost, planFee, planKind, promoHeadline, readOfferPlans, SAME_AS_CASH } from './plans.js';
import { sandboxOffers } from '../server/sandbox/form-values.js';

const seed = JSON.parse(readFileSync(new URL('../../test/fixtures/seed-examples.json', import.meta.url), 'utf8'));
const seedOffers = seed['POST /client-id/{client_id}/merchants/login'].response.form_values.offer_types as unknown[];

describe('planKind: the rule for no-interest, interest and deferred plans', () => {
  it("reads every seed plan's kind from its category and name", () => {
    const kinds = Object.fromEntries(readOfferPlans(seedOffers).plans.map((plan) => [plan.id, plan.kind]));
    assert.deepEqual(kinds, {
      '1': 'interest',
      '2': 'interest',
      '4': 'interest',
      '5': 'no_interest',
      '6': 'deferred',
      '7': 'deferred',
      '9': 'deferred_minimum',
    });
  });

  it('reads the French sandbox names the same way', () => {
    const kinds = readOfferPlans(sandboxOffers('fr')).plans.map((plan) => plan.kind);
    assert.deepEqual(
      kinds,
      readOfferPlans(sandboxOffers('en')).plans.map((plan) => plan.kind),
    );
  });

  it('lets noInterestPlans decide alone when given', () => {
    assert.equal(
      planKind({ id: '2', name: 'Equal Payments, Low Interest', category: 'equal_billing' }, ['2']),
      'no_interest',
    );
    assert.equal(
      planKind({ id: '5', name: 'Equal Payments, No Interest', category: 'equal_billing' }, ['2']),
      'interest',
    );
  });

  it('calls an unknown category other', () => {
    assert.equal(planKind({ id: '8', name: 'Layaway, No Interest', category: 'layaway' }), 'other');
  });
});

describe('readOfferPlans', () => {
  it('takes ids and terms as numbers or strings, sorts and dedupes terms', () => {
    const { plans, rejected } = readOfferPlans([
      { plan_id: 3, plan_name: ' A ', offer_category: 'equal_billing', term_options: ['12', 6, 6, 'x', 0] },
    ]);
    assert.equal(rejected, 0);
    assert.deepEqual(plans, [{ id: '3', name: 'A', category: 'equal_billing', terms: [6, 12], kind: 'interest' }]);
  });

  it('leaves out an entry without an id, a name or a term, and a repeated id', () => {
    const { plans, rejected } = readOfferPlans([
      { plan_id: '', plan_name: 'A', offer_category: 'equal_billing', term_options: [3] },
      { plan_id: '1', plan_name: '', offer_category: 'equal_billing', term_options: [3] },
      { plan_id: '2', plan_name: 'B', offer_category: 'equal_billing', term_options: [] },
      { plan_id: '3', plan_name: 'C', offer_category: 'equal_billing', term_options: [3] },
      { plan_id: '3', plan_name: 'D', offer_category: 'equal_billing', term_options: [3] },
      null,
    ]);
    assert.deepEqual(
      plans.map((plan) => plan.name),
      ['C'],
    );
    assert.equal(rejected, 5);
  });

  it('counts a value that is not a list as one rejected entry, and nothing as none', () => {
    assert.deepEqual(readOfferPlans({ plan_id: '1' }), { plans: [], rejected: 1 });
    assert.deepEqual(readOfferPlans(undefined), { plans: [], rejected: 0 });
  });
});

describe('amountFits', () => {
  it('takes an amount within the inclusive bounds, compared in cents', () => {
    assert.equal(amountFits(100, { min: 100, max: 100 }), true);
    assert.equal(amountFits(99.99, { min: 100 }), false);
    assert.equal(amountFits(10_000.01, { max: 10_000 }), false);
  });

  it('refuses zero, a negative amount and what is not a number', () => {
    assert.equal(amountFits(0), false);
    assert.equal(amountFits(-5), false);
    assert.equal(amountFits(Number.NaN), false);
    assert.equal(amountFits('100'), false);
  });
});

describe('promoHeadline for the seed plans', () => {
  const { plans } = readOfferPlans(seedOffers);

  for (const [amount, payment, last] of [
    [99.99, 2.5, 2.49],
    [1299.99, 32.5, 32.49],
    [15000, 375, 375],
  ] as const) {
    it(`${amount}: the no-interest plan's longest term, 40 months of ${payment} (last ${last})`, () => {
      const headline = promoHeadline(plans, amount);
      assert.equal(headline?.kind, 'no_interest');
      if (headline?.kind !== 'no_interest') return;
      assert.equal(headline.plan.id, '5');
      assert.equal(headline.estimate.count, 40);
      assert.equal(headline.estimate.payment, payment);
      assert.equal(headline.estimate.finalPayment, last);
    });
  }

  it('says no payments for 12 months when only deferred plans apply', () => {
    const headline = promoHeadline(
      plans.filter((plan) => plan.kind.startsWith('deferred')),
      1299.99,
    );
    assert.deepEqual(headline && headline.kind === 'deferred' && [headline.plan.id, headline.months], ['7', 12]);
  });

  it('says no interest for 18 months when only the minimum-payment plan applies', () => {
    const headline = promoHeadline(
      plans.filter((plan) => plan.id === '9'),
      1299.99,
    );
    assert.deepEqual(headline && headline.kind === 'deferred_minimum' && headline.months, 18);
  });

  it('gives interest plans without a rate no figure, and the lowest payment with one', () => {
    const interest = plans.filter((plan) => plan.kind === 'interest');
    assert.deepEqual(promoHeadline(interest, 1299.99), { kind: 'plans' });
    const headline = promoHeadline(interest, 1299.99, {}, { '2': 9.99 });
    assert.equal(headline?.kind, 'interest');
    if (headline?.kind !== 'interest') return;
    assert.deepEqual([headline.plan.id, headline.estimate.count, headline.estimate.apr], ['2', 60, 9.99]);
  });

  it('is null outside the merchant’s bounds or without plans', () => {
    assert.equal(promoHeadline(plans, 99.99, { min: 100 }), null);
    assert.equal(promoHeadline(plans, 15000, { max: 10000 }), null);
    assert.equal(promoHeadline([], 1299.99), null);
  });
});

describe('planCost: the cost of a plan and term with its APR and one-time fee', () => {
  it('1,000 at 12 % over 6 months: 172.55 a month, 35.28 of interest', () => {
    assert.deepEqual(planCost(1000, 6, 12), {
      payment: 172.55,
      finalPayment: 172.53,
      count: 6,
      total: 1035.28,
      costOfBorrowing: 35.28,
      apr: 12,
      fee: 0,
    });
  });

  it('a fee adds to the cost of borrowing and the total, never to the monthly payment', () => {
    const cost = planCost(1000, 6, 12, 25);
    assert.equal(cost.payment, 172.55);
    assert.equal(cost.costOfBorrowing, 60.28);
    assert.equal(cost.total, 1060.28);
  });

  it('no interest and a fee: the fee is the whole cost of borrowing, to the cent', () => {
    const cost = planCost(0.3, 3, 0, 0.1);
    assert.equal(cost.costOfBorrowing, 0.1);
    assert.equal(cost.total, 0.4);
  });

  it('refuses a fee that is negative or not a number', () => {
    for (const fee of [-1, Number.NaN, Infinity]) assert.throws(() => planCost(100, 3, 0, fee), RangeError);
  });

  it('planFee: 0 when the plan has none listed, undefined when the listed value is unusable', () => {
    assert.equal(planFee(undefined, '4'), 0);
    assert.equal(planFee({ '4': 25 }, '4'), 25);
    assert.equal(planFee({ '4': -1 }, '4'), undefined);
  });

  it('SAME_AS_CASH finds "(S.A.C.)" in a plan name', () => {
    assert.equal(SAME_AS_CASH.test('No Interest, No Payments (S.A.C.)'), true);
    assert.equal(SAME_AS_CASH.test('No Interest, No Payments'), false);
  });
});
