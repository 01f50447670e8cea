/**
 * Equal-payment arithmetic for no-interest plans, in whole cents so that no payment is ever off by a
 * floating-point hair (0.1 + 0.2). The POS API gives no interest rate or fee schedule, so only a
 * no-interest equal-payment plan can be estimated exactly; everything else is the API's to say.
 */

/** How an amount splits into equal monthly payments: `count - 1` payments of `payment`, then `finalPayment`. */
export interface EqualPaymentSplit {
  /** Each payment but the last, in dollars (two decimals). */
  payment: number;
  /** The last payment, in dollars: it absorbs the rounding, so the payments add up to the amount exactly. */
  finalPayment: number;
  /** How many payments (the term in months). */
  count: number;
}

/** Dollars to whole cents, without float noise: 1299.99 * 100 is 129998.99999999999. */
export function toCents(amount: number): number {
  return Math.round(Number((amount * 100).toPrecision(15)));
}

/**
 * Splits `amount` (dollars) into `term` monthly payments: each payment is the amount ÷ term rounded to
 * the nearest cent, and the last one takes what is left (1,299.99 over 40 → 39 × 32.50 + 32.49). When
 * rounding up would leave the last payment at zero or below (a few cents over many months), the payments
 * round down instead, so the last one is never zero or negative.
 * Throws a `RangeError` for an amount that is not a finite number ≥ 0 or a term that is not a whole number ≥ 1.
 */
export function equalPaymentSplit(amount: number, term: number): EqualPaymentSplit {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`equalPaymentSplit: amount must be a finite number ≥ 0, got ${String(amount)}`);
  }
  if (typeof term !== 'number' || !Number.isSafeInteger(term) || term < 1) {
    throw new RangeError(`equalPaymentSplit: term must be a whole number ≥ 1, got ${String(term)}`);
  }
  const cents = toCents(amount);
  let each = Math.round(cents / term);
  if (cents - each * (term - 1) <= 0 && cents > 0) each = Math.floor(cents / term);
  const last = cents - each * (term - 1);
  return { payment: each / 100, finalPayment: last / 100, count: term };
}

/**
 * Every payment of `amount` (dollars) over `term` months, in dollars: equal payments rounded to the cent,
 * the last one absorbing the rounding (see {@link equalPaymentSplit}). Their sum in cents is the amount's.
 */
export function equalPayments(amount: number, term: number): number[] {
  const { payment, finalPayment, count } = equalPaymentSplit(amount, term);
  const payments = new Array<number>(count).fill(payment);
  payments[count - 1] = finalPayment;
  return payments;
}

/** A plan's payments for one term: {@link equalPaymentSplit}'s figures with what they add up to. */
export interface PaymentEstimate extends EqualPaymentSplit {
  /** Everything paid over the term, in dollars. */
  total: number;
  /** `total` minus the amount, in dollars: 0 without interest. */
  costOfBorrowing: number;
  /** The annual percentage rate the estimate assumed (0: no interest). */
  apr: number;
}

/**
 * The monthly payments of `amount` (dollars) over `term` months at `apr` percent a year (0, the default: a
 * no-interest plan, exactly {@link equalPaymentSplit}). With interest, the payment is the usual annuity
 * (amount × r ÷ (1 − (1 + r)^−term), r = apr ÷ 1200) rounded to the cent; each month's interest is rounded to
 * the cent, and the last payment pays off what is left, so the figures add up exactly. Fees are not included:
 * the POS API sends none. Throws a `RangeError` for an amount, term or rate out of range.
 */
export function estimatePayments(amount: number, term: number, apr = 0): PaymentEstimate {
  if (typeof apr !== 'number' || !Number.isFinite(apr) || apr < 0 || apr >= 100) {
    throw new RangeError(`estimatePayments: apr must be a percentage in [0, 100), got ${String(apr)}`);
  }
  const split = equalPaymentSplit(amount, term);
  const cents = toCents(amount);
  if (apr === 0 || cents === 0) return { ...split, total: cents / 100, costOfBorrowing: 0, apr };
  const rate = apr / 1200;
  const exact = (cents * rate) / (1 - (1 + rate) ** -term);
  const lastFor = (each: number) => {
    let balance = cents;
    for (let month = 1; month < term; month++) balance += Math.round(balance * rate) - each;
    return balance + Math.round(balance * rate);
  };
  let each = Math.round(exact);
  let last = lastFor(each);
  // As with equal payments: a few cents over many months never leave the last payment at zero or below (the
  // rounded interest of a tiny balance can be 0, so lowering the payment by one cent may not be enough).
  if (last <= 0) last = lastFor((each = Math.floor(exact)));
  while (last <= 0 && each > 0) last = lastFor(--each);
  const total = each * (term - 1) + last;
  return {
    payment: each / 100,
    finalPayment: last / 100,
    count: term,
    total: total / 100,
    costOfBorrowing: (total - cents) / 100,
    apr,
  };
}
