/**
 * Financing plans as the POS API's `offer_types` describe them, read without a schema library (the promo
 * element ships in a few kilobytes), and what kind of plan each one is. No DOM.
 *
 * The API sends no rate and no fee, only `plan_name`, `plan_id`, `offer_category` and `term_options`. So the
 * kind of a plan is read from its category and its name (the rule `<flexiti-plan-picker>` and
 * `<flexiti-promo>` share):
 *
 * | kind | rule | seed plans | what can be shown |
 * | --- | --- | --- | --- |
 * | `no_interest` | `equal_billing` and the name says "No Interest" / "Interest-free" / "sans intérêt" (or the plan id is listed in `noInterestPlans`, which then decides alone) | 5 "Equal Payments, No Interest" | exact equal payments: amount ÷ term, to the cent |
 * | `interest` | any other `equal_billing` plan | 1 "90 Days Grace…Regular Interest", 2 "…Low Interest", 4 "…Regular Interest" | payments only with an APR from the merchant's agreement |
 * | `deferred` | `deferred_payment` and the name says "No Payments" / "sans paiement" | 6 "No Interest, No Payments (S.A.C.)", 7 "No Interest, No Payments" | no payments for the term |
 * | `deferred_minimum` | any other `deferred_payment` plan | 9 "No Interest, Minimum monthly payments" | minimum monthly payments for the term |
 * | `other` | any other category | — | the name and terms only |
 */
import { estimatePayments, toCents, type PaymentEstimate } from './installments.js';

export type PlanKind = 'no_interest' | 'interest' | 'deferred' | 'deferred_minimum' | 'other';

/** One plan of `offer_types`, checked: a non-empty id and name, terms ascending, whole, ≥ 1 and deduplicated. */
export interface OfferPlan {
  id: string;
  name: string;
  /** `offer_category` as sent, trimmed (`equal_billing`, `deferred_payment`…). */
  category: string;
  terms: number[];
  kind: PlanKind;
}

/** A plan name that says the plan charges no interest (English or French). */
export const NO_INTEREST_NAME = /\bno[\s-]+interest\b|\binterest[\s-]+free\b|\bsans\s+int[ée]r[êe]ts?\b/i;
/** A deferred plan's name that says no payments are due during the term (English or French). */
export const NO_PAYMENTS_NAME = /\bno[\s-]+payments?\b|\bsans\s+(?:aucun\s+)?(?:paiements?|versements?)\b/i;

/**
 * Whether a plan is a no-interest equal-payment plan: listed in `noInterestPlans` when that is given,
 * else an `equal_billing` plan whose name says so.
 */
export function isNoInterestPlan(
  plan: { id: string; name: string; category: string },
  noInterestPlans?: readonly string[],
): boolean {
  return noInterestPlans
    ? noInterestPlans.map(String).includes(plan.id)
    : plan.category === 'equal_billing' && NO_INTEREST_NAME.test(plan.name);
}

/** The kind of a plan (see the table at the top of this module). */
export function planKind(
  plan: { id: string; name: string; category: string },
  noInterestPlans?: readonly string[],
): PlanKind {
  if (isNoInterestPlan(plan, noInterestPlans)) return 'no_interest';
  if (plan.category === 'equal_billing') return 'interest';
  if (plan.category === 'deferred_payment') return NO_PAYMENTS_NAME.test(plan.name) ? 'deferred' : 'deferred_minimum';
  return 'other';
}

function readTerm(value: unknown): number | undefined {
  const term =
    typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(term) && term > 0 ? term : undefined;
}

function readId(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : '';
}

/**
 * Reads `offer_types` as the API sends them (ids and terms as numbers or strings). Entries without an id, a
 * name or a usable term, and repeats of an id, are left out and counted in `rejected`; a value that is not a
 * list counts as one rejected entry.
 */
export function readOfferPlans(
  offers: unknown,
  noInterestPlans?: readonly string[],
): { plans: OfferPlan[]; rejected: number } {
  if (offers === undefined || offers === null) return { plans: [], rejected: 0 };
  if (!Array.isArray(offers)) return { plans: [], rejected: 1 };
  const plans: OfferPlan[] = [];
  let rejected = 0;
  for (const entry of offers as unknown[]) {
    const offer = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const id = readId(offer.plan_id);
    const name = typeof offer.plan_name === 'string' ? offer.plan_name.trim() : '';
    const category = typeof offer.offer_category === 'string' ? offer.offer_category.trim() : '';
    const terms = Array.isArray(offer.term_options)
      ? [
          ...new Set(
            (offer.term_options as unknown[]).map(readTerm).filter((term): term is number => term !== undefined),
          ),
        ].sort((a, b) => a - b)
      : [];
    if (!id || !name || terms.length === 0 || plans.some((plan) => plan.id === id)) {
      rejected++;
      continue;
    }
    plans.push({ id, name, category, terms, kind: planKind({ id, name, category }, noInterestPlans) });
  }
  return { plans, rejected };
}

/** Annual percentage rates by `plan_id`, from the merchant's Flexiti agreement (percent: `9.99`). */
export type PlanRates = Readonly<Record<string, number>>;

/** A usable APR for a plan from `rates`, or `undefined`. */
export function planRate(rates: PlanRates | null | undefined, planId: string): number | undefined {
  const rate = rates && Object.hasOwn(rates, planId) ? Number(rates[planId]) : NaN;
  return Number.isFinite(rate) && rate >= 0 && rate < 100 ? rate : undefined;
}

/** What a one-line promotion says for an amount. */
export type PromoHeadline =
  /** A no-interest plan: the lowest monthly payment (its longest term). */
  | { kind: 'no_interest'; plan: OfferPlan; estimate: PaymentEstimate }
  /** No no-interest plan, a no-payment deferred plan: its longest deferral. */
  | { kind: 'deferred'; plan: OfferPlan; months: number }
  /** Only minimum-payment deferred plans whose name says "no interest": its longest term without interest. */
  | { kind: 'deferred_minimum'; plan: OfferPlan; months: number }
  /** Only interest plans, one with an APR: its lowest monthly payment, with the APR. */
  | { kind: 'interest'; plan: OfferPlan; estimate: PaymentEstimate }
  /** Plans apply but none can be put in figures. */
  | { kind: 'plans' };

/** Bounds the merchant sets on the amounts it promotes financing for, in dollars (inclusive). */
export interface AmountLimits {
  min?: number | null;
  max?: number | null;
}

/** Whether `amount` is a positive amount of dollars within `limits` (compared in cents). */
export function amountFits(amount: unknown, limits: AmountLimits = {}): amount is number {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) return false;
  const cents = toCents(amount);
  const { min, max } = limits;
  if (typeof min === 'number' && Number.isFinite(min) && cents < toCents(Math.max(min, 0))) return false;
  if (typeof max === 'number' && Number.isFinite(max) && max >= 0 && cents > toCents(max)) return false;
  return toCents(amount) > 0;
}

function longest(plans: OfferPlan[]): { plan: OfferPlan; term: number } | undefined {
  let best: { plan: OfferPlan; term: number } | undefined;
  for (const plan of plans) {
    const term = plan.terms[plan.terms.length - 1]!;
    if (!best || term > best.term) best = { plan, term };
  }
  return best;
}

/**
 * The promotion for `amount`: a no-interest plan's lowest monthly payment (the longest no-interest term, to the
 * cent, as {@link estimatePayments} computes it); else the longest no-payment deferral; else the longest
 * no-interest minimum-payment deferral; else, with an APR for an interest plan, its lowest monthly payment;
 * else `plans` when any plan applies. `null` when the amount is outside `limits` or there is no plan.
 */
export function promoHeadline(
  plans: readonly OfferPlan[],
  amount: unknown,
  limits: AmountLimits = {},
  rates?: PlanRates | null,
): PromoHeadline | null {
  if (plans.length === 0 || !amountFits(amount, limits)) return null;
  const of = (kind: PlanKind) => plans.filter((plan) => plan.kind === kind);
  const noInterest = longest(of('no_interest'));
  if (noInterest)
    return { kind: 'no_interest', plan: noInterest.plan, estimate: estimatePayments(amount, noInterest.term) };
  const deferred = longest(of('deferred'));
  if (deferred) return { kind: 'deferred', plan: deferred.plan, months: deferred.term };
  const minimum = longest(of('deferred_minimum').filter((plan) => NO_INTEREST_NAME.test(plan.name)));
  if (minimum) return { kind: 'deferred_minimum', plan: minimum.plan, months: minimum.term };
  let cheapest: { plan: OfferPlan; estimate: PaymentEstimate } | undefined;
  for (const plan of of('interest')) {
    const apr = planRate(rates, plan.id);
    if (apr === undefined) continue;
    for (const term of plan.terms) {
      const estimate = estimatePayments(amount, term, apr);
      if (!cheapest || estimate.payment < cheapest.estimate.payment) cheapest = { plan, estimate };
    }
  }
  return cheapest ? { kind: 'interest', ...cheapest } : { kind: 'plans' };
}

/** One-time fees by `plan_id` from the merchant's Flexiti agreement, in dollars (`{ "2": 49 }`). */
export type PlanFees = Readonly<Record<string, number>>;

/** A usable fee for a plan from `fees` (0 when none is listed), or `undefined` when the listed value is unusable. */
export function planFee(fees: PlanFees | null | undefined, planId: string): number | undefined {
  if (!fees || !Object.hasOwn(fees, planId)) return 0;
  const fee = Number(fees[planId]);
  return Number.isFinite(fee) && fee >= 0 ? fee : undefined;
}

/** What a plan and term cost: the payments at the plan's APR, plus its one-time fee in the cost and the total. */
export interface PlanCost extends PaymentEstimate {
  /** The one-time fee included in `costOfBorrowing` and `total`, in dollars (0: none). */
  fee: number;
}

/**
 * The cost of `amount` over `term` months on a plan: its monthly payments at `apr` (see {@link estimatePayments}),
 * with a one-time `fee` added to the cost of borrowing and the total (not to the monthly payment), in cents so the
 * sum is exact. Throws a `RangeError` as `estimatePayments` does, or for a fee that is not a finite number ≥ 0.
 */
export function planCost(amount: number, term: number, apr: number, fee = 0): PlanCost {
  if (typeof fee !== 'number' || !Number.isFinite(fee) || fee < 0) {
    throw new RangeError(`planCost: fee must be a finite number ≥ 0, got ${String(fee)}`);
  }
  const estimate = estimatePayments(amount, term, apr);
  const feeCents = toCents(fee);
  return {
    ...estimate,
    fee: feeCents / 100,
    total: (toCents(estimate.total) + feeCents) / 100,
    costOfBorrowing: (toCents(estimate.costOfBorrowing) + feeCents) / 100,
  };
}

/** A plan name's "(S.A.C.)": "same as cash", spelled out where it is shown. */
export const SAME_AS_CASH = /\bS\.A\.C\./;
