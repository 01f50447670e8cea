/**
 * `<flexiti-promo>`'s details dialog: every plan for the amount, its terms and payments, and what Flexiti is.
 * Loaded on demand (the shopper points at, focuses or presses "Learn more"), with the template engine, so the line
 * itself stays small.
 */
// lit-html alone (lit/html.js): the element is a ReactiveElement and renders this part on its own.
import { html, nothing, render, type TemplateResult } from 'lit/html.js';
import { msg, str } from '@lit/localize';
import { estimatePayments } from '../../model/installments.js';
import { planRate, type OfferPlan, type PlanRates } from '../../model/plans.js';
import type { Locale } from '../../model/messages.js';
import { legalStyles } from '../../internal/legal-styles.js';
import { moreTokenStyles } from '../../internal/token-styles.js';
import { formatMoney, formatPercent } from '../../internal/format.js';
import { promoDialogStyles } from './promo-dialog.styles.js';

/**
 * The dialog's styles: the tokens the line does without, the legal-content rules that keep its figures readable
 * and its own rules.
 */
export const dialogStyles = [moreTokenStyles, legalStyles, promoDialogStyles];

export interface DialogView {
  plans: OfferPlan[];
  amount: number;
  rates: PlanRates | null;
  locale: Locale;
  /** The "Learn more" button: focus goes back to it when the dialog closes (Close, Escape, the backdrop). */
  opener: HTMLElement;
}

// The dialog's own behaviour lives here, in the file loaded on demand, so the line's file stays small.
const close = (event: Event) => (event.currentTarget as Element).closest('dialog')?.close();
/** A click on the dialog element itself (not its content) is a click on the backdrop. */
const closeOnBackdrop = (event: MouseEvent) => {
  if (event.target === event.currentTarget) close(event);
};

// Here rather than in internal/format.ts, beside the other formats: the dialog is its only user, and a module
// the promo's line shares with its dialog goes whole into the line's file.
/** `3, 6 or 8` (en-CA: `3, 6, or 8`; fr-CA: `3, 6 ou 8`): numbers as the locale lists alternatives. */
function formatAlternatives(values: readonly number[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(values.map(String));
}

const months = (count: number) =>
  count === 1 ? msg('1 month', { id: 'promo.month.one' }) : msg(str`${count} months`, { id: 'promo.month.other' });

function aprText(apr: number, locale: Locale): string {
  const rate = formatPercent(apr, locale);
  return msg(str`Annual percentage rate (APR): ${rate}.`, { id: 'promo.apr' });
}

/** Every term of an equal-payment plan: its monthly payment (and last), cost of borrowing and total. */
function renderTable(plan: OfferPlan, amount: number, apr: number, locale: Locale): TemplateResult {
  const money = (value: number) => formatMoney(value, locale);
  return html`<table>
    <caption class="visually-hidden">${msg(str`Payments for ${plan.name}`, { id: 'promo.table.caption' })}</caption>
    <thead>
      <tr>
        <th scope="col">${msg('Term', { id: 'promo.table.term' })}</th>
        <th scope="col">${msg('Monthly payment', { id: 'promo.table.payment' })}</th>
        <th scope="col">${msg('Cost of borrowing', { id: 'promo.table.cost' })}</th>
        <th scope="col">${msg('Total', { id: 'promo.table.total' })}</th>
      </tr>
    </thead>
    <tbody>
      ${plan.terms.map((term) => {
        const estimate = estimatePayments(amount, term, apr);
        const each = money(estimate.payment);
        const last = money(estimate.finalPayment);
        return html`<tr>
          <th scope="row">${months(term)}</th>
          <td>${estimate.payment === estimate.finalPayment ? each : msg(str`${each}, last payment ${last}`, { id: 'promo.table.last' })}</td>
          <td>${money(estimate.costOfBorrowing)}</td>
          <td>${money(estimate.total)}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

/** One plan: what kind of plan it is, in plain words, and its payments where they can be worked out. */
function renderPlan(plan: OfferPlan, view: DialogView): TemplateResult {
  const { amount, locale } = view;
  const terms = formatAlternatives(plan.terms, locale);
  const apr = planRate(view.rates, plan.id);
  let body: TemplateResult;
  switch (plan.kind) {
    case 'no_interest':
      body = html`<p>${msg('Equal monthly payments, no interest.', { id: 'promo.kind.no_interest' })}</p>
        ${renderTable(plan, amount, 0, locale)}`;
      break;
    case 'interest':
      body =
        apr === undefined
          ? html`<p>
              ${msg('Equal monthly payments with interest.', { id: 'promo.kind.interest' })}
              ${msg(str`Terms: ${terms} months.`, { id: 'promo.terms' })}
              ${msg('The rate, your payments and the cost of borrowing are confirmed before you pay.', { id: 'promo.kind.interest.no_rate' })}
            </p>`
          : html`<p>${msg('Equal monthly payments with interest.', { id: 'promo.kind.interest' })} ${aprText(apr, locale)}</p>
              ${renderTable(plan, amount, apr, locale)}`;
      break;
    case 'deferred':
      body = html`<p>
        ${msg(str`No payments for ${terms} months; payments start after that period.`, { id: 'promo.kind.deferred' })}
        ${
          /\bS\.A\.C\.?/i.test(plan.name)
            ? msg(
                'S.A.C. means “same as cash”: pay the full amount within that period and it costs what paying cash would.',
                { id: 'promo.kind.sac' },
              )
            : nothing
        }
        ${apr === undefined ? nothing : aprText(apr, locale)}
        ${msg('What you pay after that period, and any interest, is confirmed before you pay.', { id: 'promo.kind.deferred.after' })}
      </p>`;
      break;
    case 'deferred_minimum':
      body = html`<p>
        ${msg(str`Minimum monthly payments for ${terms} months.`, { id: 'promo.kind.deferred_minimum' })}
        ${apr === undefined ? nothing : aprText(apr, locale)}
        ${msg('The minimum payment, what you pay after that period and any interest are confirmed before you pay.', {
          id: 'promo.kind.deferred_minimum.after',
        })}
      </p>`;
      break;
    default:
      body = html`<p>
        ${msg(str`Terms: ${terms} months.`, { id: 'promo.terms' })}
        ${msg('Your payments for this plan are confirmed before you pay.', { id: 'promo.kind.other' })}
      </p>`;
  }
  return html`<li part="plan">
    <h3>${plan.name}</h3>
    <div part="estimate">${body}</div>
  </li>`;
}

/** The native `<dialog>`, labelled by its heading (which takes focus when it opens). */
function dialogTemplate(view: DialogView): TemplateResult {
  const price = formatMoney(view.amount, view.locale);
  // The click only closes on the backdrop; the native <dialog> closes on Escape, and the close button is a button.
  // eslint-disable-next-line lit-a11y/click-events-have-key-events
  return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${() => view.opener.focus()} @click=${closeOnBackdrop}>
    <div class="dialog-body">
      <h2 id="dialog-title" part="dialog-heading" tabindex="-1">${msg('Pay over time with Flexiti', { id: 'promo.dialog.title' })}</h2>
      <p>${msg(str`Plans offered for a purchase of ${price}:`, { id: 'promo.dialog.intro' })}</p>
      <ul class="plans">
        ${view.plans.map((plan) => renderPlan(plan, view))}
      </ul>
      <p class="note">
        ${msg('Payments shown are estimates. Your plan, rate, payments and any fees are confirmed before you pay.', {
          id: 'promo.dialog.estimates',
        })}
      </p>
      <h3>${msg('What is Flexiti?', { id: 'promo.about.title' })}</h3>
      <p>
        ${msg(
          'Flexiti is a Canadian financing company. If you are approved, you get a Flexiti credit account to pay for your purchases at this store over time. You apply when you pay and get an answer in minutes. Financing is subject to credit approval.',
          { id: 'promo.about.text' },
        )}
      </p>
      <div class="actions">
        <button type="button" class="close" part="close" @click=${close}>${msg('Close', { id: 'promo.close' })}</button>
      </div>
    </div>
  </dialog>`;
}

/**
 * Renders the dialog at the end of `root` (the promo's shadow root, after its line), or removes it (`null`: the
 * promo shows nothing). `host` is the element, for the listeners' `this`.
 */
export function renderDialog(view: DialogView | null, root: HTMLElement | DocumentFragment, host: HTMLElement): void {
  render(view ? dialogTemplate(view) : nothing, root as HTMLElement, { host });
}

/** Opens the rendered dialog with focus on its heading, so a screen reader starts at the top and Tab reaches Close. */
export function openDialog(root: HTMLElement | DocumentFragment): void {
  const dialog = root.querySelector('dialog');
  if (!dialog || dialog.open) return;
  dialog.showModal();
  dialog.querySelector<HTMLElement>('h2')?.focus();
}
