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
