import { html, nothing, type TemplateResult } from 'lit/html.js';
import { msg, str } from '@lit/localize';
import { estimatePayments, toCents } from '../../model/installments.js';
import type { Locale } from '../../model/locale.js';
import {
  planCost,
  planFee,
  planKind,
  planRate,
  SAME_AS_CASH,
  type PlanCost,
  type PlanFees,
  type PlanKind,
  type PlanRates,
} from '../../model/plans.js';
import { formatMoney, formatPercent } from '../../internal/format.js';

/** What the estimates are made from: the picker's properties. */
export interface EstimateInputs {
  amount?: number;
  noInterestPlans?: string[];
  rates: PlanRates | null;
  fees: PlanFees | null;
  locale: Locale;
}

/** The chosen plan's words and figures beyond its terms' lengths. */
export interface PlanEstimates {
  /** What the plan is and what its figures assume; `undefined` for a plan only the general words fit. */
  hint?: string;
  /** What the plan name's "S.A.C." means, when it has one. */
  sameAsCash?: string;
  /** A term's monthly payment (with its cost, when known) or a deferred plan's note; `nothing` without one. */
  term(term: number): TemplateResult | typeof nothing;
}

/**
 * The chosen plan's estimates (loaded on demand: the first render lists plans only): each term's monthly payment,
 * with the APR, cost of borrowing and total when the merchant's agreement gives them, and the plan in plain words.
 */
export function planEstimates(
  plan: { id: string; name: string; category: string; terms: number[] },
  inputs: EstimateInputs,
): PlanEstimates {
  const { locale } = inputs;
  const money = (amount: number) => formatMoney(amount, locale);
  const given = typeof inputs.amount === 'string' ? Number(inputs.amount) : inputs.amount;
  const cents = typeof given === 'number' && Number.isFinite(given) && given > 0 ? toCents(given) : null;
  const kind = planKind(plan, inputs.noInterestPlans);

  /**
   * A term's cost in figures: with the plan's APR (or a no-interest plan, 0 %) and fee when the merchant gave
   * them; a no-interest plan with nothing given keeps its plain estimate (`undefined` here). Deferred plans: never.
   */
  const costOf = (term: number): PlanCost | undefined => {
    const listed = (table: Readonly<Record<string, number>> | null) => !!table && Object.hasOwn(table, plan.id);
    if (cents === null || kind === 'deferred' || kind === 'deferred_minimum') return undefined;
    const apr = kind === 'no_interest' ? 0 : planRate(inputs.rates, plan.id);
    const fee = planFee(inputs.fees, plan.id);
    if (apr === undefined || fee === undefined) return undefined;
    if (kind === 'no_interest' && !listed(inputs.rates) && !listed(inputs.fees)) return undefined;
    return planCost(cents / 100, term, apr, fee);
  };

  const monthly = ({ payment, finalPayment }: { payment: number; finalPayment: number }): string => {
    const each = money(payment);
    const last = money(finalPayment);
    return payment === finalPayment
      ? msg(str`${each} a month`, { id: 'plan-picker.estimate.monthly' })
      : msg(str`${each} a month, last payment ${last}`, { id: 'plan-picker.estimate.monthly_last' });
  };

  const words = (text: string | TemplateResult, part = 'estimate'): TemplateResult =>
    html`<span class="visually-hidden">, </span><span class="estimate" part=${part}>${text}</span>`;

  const costed = costOf(plan.terms[0]!) !== undefined;
  const amount = cents === null ? '' : money(cents / 100);
  const hint = costed
    ? msg(
        str`Estimated for a purchase of ${amount}, with the rate and fees from the store's Flexiti agreement. Your payments are confirmed before you pay.`,
        { id: 'plan-picker.estimate.hint_costed' },
      )
    : cents !== null && kind === 'no_interest'
      ? msg(
          str`Estimated for a purchase of ${amount} with no interest. Any fees and your payments are confirmed when the purchase is made.`,
          { id: 'plan-picker.estimate.hint' },
        )
      : kindWords(kind);
  const sameAsCash = SAME_AS_CASH.test(plan.name)
    ? msg('S.A.C. means "same as cash": pay the full amount before the term ends and you pay no interest.', {
        id: 'plan-picker.sac',
      })
    : undefined;

  return {
    hint,
    sameAsCash,
    term(term) {
      const cost = costOf(term);
      if (cost) {
        // Monthly payment, cost of borrowing, total and APR: what the customer commits to, before choosing.
        const borrowing = money(cost.costOfBorrowing);
        const total = money(cost.total);
        const apr = formatPercent(cost.apr, locale);
        return words(
          html`<span data-monthly>${monthly(cost)}</span>
            <span class="cost" data-cost
              >${msg(str`APR ${apr}, cost of borrowing ${borrowing}, total ${total}`, {
                id: 'plan-picker.estimate.cost',
              })}</span
            >`,
        );
      }
      if (cents !== null && kind === 'no_interest') return words(monthly(estimatePayments(cents / 100, term)));
      if (kind === 'deferred')
        return words(msg(str`No payments for ${term} months`, { id: 'plan-picker.estimate.deferred' }), 'term-note');
      return nothing;
    },
  };
}

/** Plain words for a plan whose cost can't be put in figures: what it is, and that the rate comes before paying. */
function kindWords(kind: PlanKind): string | undefined {
  switch (kind) {
    case 'deferred':
      return msg(
        'No payments during the term you choose: your monthly payments start when it ends. The rate is confirmed before you pay.',
        { id: 'plan-picker.kind.deferred' },
      );
    case 'deferred_minimum':
      return msg('Only minimum monthly payments during the term you choose. The rate is confirmed before you pay.', {
        id: 'plan-picker.kind.deferred_minimum',
      });
    case 'interest':
      return msg('Monthly payments with interest. The rate is confirmed before you pay.', {
        id: 'plan-picker.kind.interest',
      });
    default:
      return undefined;
  }
}
