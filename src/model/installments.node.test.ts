import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { equalPaymentSplit, equalPayments, estimatePayments, toCents } from './installments.js';

const sumCents = (payments: number[]) => payments.reduce((total, payment) => total + toCents(payment), 0);

describe('equalPayments', () => {
  it('splits 1,299.99 over 40 months into 39 × 32.50 and a last 32.49, each checked', () => {
    const payments = equalPayments(1299.99, 40);
    assert.equal(payments.length, 40);
    payments.slice(0, 39).forEach((payment, index) => assert.equal(payment, 32.5, `payment ${index + 1}`));
    assert.equal(payments[39], 32.49);
    assert.equal(sumCents(payments), 129999);
  });

  it('splits an amount that divides evenly into identical payments', () => {
    assert.deepEqual(equalPayments(1200, 12), new Array(12).fill(100));
  });

  it('lets the last payment absorb a shortfall when the payments round down', () => {
    // 100 / 3 = 33.333… → 33.33, 33.33, 33.34
    assert.deepEqual(equalPayments(100, 3), [33.33, 33.33, 33.34]);
  });

  it('lets the last payment absorb an excess when the payments round up', () => {
    // 1000 / 6 = 166.666… → five of 166.67 and 166.65
    assert.deepEqual(equalPayments(1000, 6), [166.67, 166.67, 166.67, 166.67, 166.67, 166.65]);
  });

  it('works in cents, not floats: 0.30 over 3 months is three payments of 0.10', () => {
    assert.deepEqual(equalPayments(0.1 + 0.2, 3), [0.1, 0.1, 0.1]);
  });

  it('rounds an amount given with more than two decimals to the cent first', () => {
    assert.deepEqual(equalPayments(10.005, 1), [10.01]);
  });

  it('never leaves the last payment at zero or below when rounding up would: 0.13 over 8 months', () => {
    // Rounding 1.625 cents up to 2 would leave −1 cent for the last payment; rounding down leaves 6.
    assert.deepEqual(equalPayments(0.13, 8), [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.06]);
  });

  it('returns the whole amount for a one-month term', () => {
    assert.deepEqual(equalPayments(49.99, 1), [49.99]);
  });

  it('returns zero payments for a zero amount', () => {
    assert.deepEqual(equalPayments(0, 3), [0, 0, 0]);
  });

  it('rejects a negative amount', () => {
    assert.throws(() => equalPayments(-1, 3), RangeError);
  });

  it('rejects an amount that is not a finite number', () => {
    assert.throws(() => equalPayments(Number.NaN, 3), RangeError);
    assert.throws(() => equalPayments(Number.POSITIVE_INFINITY, 3), RangeError);
  });

  it('rejects a term of zero, a negative term and a fractional term', () => {
    assert.throws(() => equalPayments(100, 0), RangeError);
    assert.throws(() => equalPayments(100, -3), RangeError);
    assert.throws(() => equalPayments(100, 2.5), RangeError);
  });

  it('always adds up to the amount to the cent, with every payment but the last equal and none negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 120 }), (cents, term) => {
        const payments = equalPayments(cents / 100, term);
        assert.equal(payments.length, term);
        assert.equal(sumCents(payments), cents);
        assert.ok(
          payments.every((payment) => payment >= 0),
          'no negative payment',
        );
        assert.ok(
          payments.every((payment) => Math.abs(payment * 100 - toCents(payment)) < 1e-6),
          'whole cents',
        );
        assert.ok(payments.slice(0, -1).every((payment) => payment === payments[0]));
        // Each payment is the fair share to within a cent; the last is off by less than a cent per month.
        assert.ok(Math.abs(toCents(payments[0]!) - cents / term) <= 1);
        assert.ok(Math.abs(toCents(payments[term - 1]!) - cents / term) < term);
      }),
    );
  });
});

describe('equalPaymentSplit', () => {
  it('describes the split without building the whole schedule', () => {
    assert.deepEqual(equalPaymentSplit(1299.99, 40), { payment: 32.5, finalPayment: 32.49, count: 40 });
  });
});

describe('estimatePayments', () => {
  it('is the equal-payment split with no interest: 1,299.99 over 40 → 39 × 32.50 + 32.49, total 1,299.99, no cost', () => {
    assert.deepEqual(estimatePayments(1299.99, 40), {
      payment: 32.5,
      finalPayment: 32.49,
      count: 40,
      total: 1299.99,
      costOfBorrowing: 0,
      apr: 0,
    });
  });

  it('amortizes at an APR: 1,000 at 12 % over 12 months is 11 × 88.85 + 88.84, cost of borrowing 66.19', () => {
    assert.deepEqual(estimatePayments(1000, 12, 12), {
      payment: 88.85,
      finalPayment: 88.84,
      count: 12,
      total: 1066.19,
      costOfBorrowing: 66.19,
      apr: 12,
    });
  });

  it('never leaves the last payment at zero when the payment rounds up: 0.06 over 4 months at 29.99 %', () => {
    const estimate = estimatePayments(0.06, 4, 29.99);
    assert.ok(estimate.finalPayment > 0, `last payment ${estimate.finalPayment}`);
    assert.equal(toCents(estimate.payment) * 3 + toCents(estimate.finalPayment), toCents(estimate.total));
  });

  it('10 cents over 11 months at 19.48 %: the rounded interest is 0, and the last payment is still above zero', () => {
    const estimate = estimatePayments(0.1, 11, 19.48);
    assert.ok(estimate.finalPayment > 0, `last payment ${estimate.finalPayment}`);
    assert.equal(toCents(estimate.payment) * 10 + toCents(estimate.finalPayment), toCents(estimate.total));
    assert.equal(estimate.total, 0.1);
  });

  it('rejects a negative rate, a rate of 100 % or more, and a rate that is not a number', () => {
    assert.throws(() => estimatePayments(100, 3, -1), RangeError);
    assert.throws(() => estimatePayments(100, 3, 100), RangeError);
    assert.throws(() => estimatePayments(100, 3, Number.NaN), RangeError);
  });

  it('adds up exactly and never charges less than the amount, for any amount, term and rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 9999 }),
        (cents, term, basisPoints) => {
          const estimate = estimatePayments(cents / 100, term, basisPoints / 100);
          const total = toCents(estimate.payment) * (term - 1) + toCents(estimate.finalPayment);
          assert.equal(total, toCents(estimate.total));
          assert.equal(toCents(estimate.total) - cents, toCents(estimate.costOfBorrowing));
          assert.ok(estimate.costOfBorrowing >= 0);
          assert.ok(estimate.finalPayment > 0);
        },
      ),
    );
  });
});
