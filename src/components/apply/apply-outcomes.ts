import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { type ApprovalResult, type FlexitiApiError, type Locale } from '../../model/index.js';
import { errorText } from '../../internal/message-text.js';
import { formatMoney } from '../../internal/format.js';
import type { Audience } from '../../internal/audience.js';

/** What the element shows once the application has an answer. */
export type OutcomeView =
  | { kind: 'approved'; response: ApprovalResult }
  | {
      kind: 'quebec';
      response: ApprovalResult;
      /** The customer asked to cancel and is confirming. */
      confirmingCancel: boolean;
      /** The close-account request is in flight. */
      closing: boolean;
      /** The close-account request failed: the choice stays open. */
      closeError?: FlexitiApiError;
    }
  | { kind: 'declined' | 'pending' | 'exists'; error: FlexitiApiError }
  | { kind: 'cancelled'; response: ApprovalResult };

export interface OutcomeHandlers {
  keep(): void;
  askCancel(): void;
  confirmCancel(): void;
  backFromCancel(): void;
}

/** Quebec's Consumer Protection Act threshold: above it the obligation is presumed excessive (OPC). */
export const DEBT_RATIO_THRESHOLD = 0.45;

/**
 * The debt ratio as a fraction. The seed shows `0` and documents no unit, so a value of 1 or less is read as a
 * fraction (0.52 → 52 %) and a larger one as a percentage (52 → 52 %).
 */
export function debtRatioFraction(ratio: number): number {
  return ratio <= 1 ? ratio : ratio / 100;
}

export function formatPercent(fraction: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

function amounts(response: ApprovalResult, locale: Locale, extra?: TemplateResult): TemplateResult {
  return html`<dl class="amounts" part="amounts">
    <div>
      <dt>${msg('Available credit', { id: 'apply.outcome.available_credit' })}</dt>
      <dd>${formatMoney(response.available_credit, locale)}</dd>
    </div>
    <div>
      <dt>${msg('Credit limit', { id: 'apply.outcome.credit_limit' })}</dt>
      <dd>${formatMoney(response.credit_limit, locale)}</dd>
    </div>
    ${extra ?? nothing}
  </dl>`;
}

function heading(text: string): TemplateResult {
  return html`<h2 id="outcome-title" tabindex="-1">${text}</h2>`;
}

/** The outcome view. Text from the API is bound as text, never as markup. */
export function renderOutcome(
  view: OutcomeView,
  locale: Locale,
  on: OutcomeHandlers,
  audience: Audience = 'online',
): TemplateResult {
  switch (view.kind) {
    case 'approved':
      return html`<section class="outcome approved" part="outcome" aria-labelledby="outcome-title" data-outcome="approved">
        ${heading(msg("You're approved", { id: 'apply.outcome.approved.title' }))}
        <p>${msg('Your new Flexiti account is ready to use for this purchase.', { id: 'apply.outcome.approved.body' })}</p>
        ${amounts(view.response, locale)}
      </section>`;
    case 'quebec':
      return renderQuebec(view, locale, on, audience);
    case 'cancelled':
      return html`<section class="outcome cancelled" part="outcome" aria-labelledby="outcome-title" data-outcome="cancelled">
        ${heading(msg('Your account was cancelled', { id: 'apply.outcome.cancelled.title' }))}
        <p>${msg('Your new Flexiti account is closed. You can choose another way to pay for this purchase.', { id: 'apply.outcome.cancelled.body' })}</p>
      </section>`;
    case 'declined':
      return html`<section class="outcome declined" part="outcome" aria-labelledby="outcome-title" data-outcome="declined">
        ${heading(msg("Your application wasn't approved", { id: 'apply.outcome.declined.title' }))}
        <p>${errorText(view.error, audience)}</p>
        <p>${
          audience === 'in_store'
            ? msg('You can choose another way to pay for this purchase. A store employee can help.', {
                id: 'apply.outcome.declined.next',
              })
            : msg('You can choose another way to pay for this purchase.', { id: 'apply.outcome.declined.next_online' })
        }</p>
      </section>`;
    case 'pending':
      return html`<section class="outcome pending" part="outcome" aria-labelledby="outcome-title" data-outcome="pending">
        ${heading(msg('Your application is being reviewed', { id: 'apply.outcome.pending.title' }))}
        <p>${errorText(view.error, audience)}</p>
        <p>${msg('You don’t need to apply again.', { id: 'apply.outcome.pending.next' })}</p>
      </section>`;
    case 'exists':
      return html`<section class="outcome exists" part="outcome" aria-labelledby="outcome-title" data-outcome="exists">
        ${heading(msg('You already have a Flexiti account', { id: 'apply.outcome.exists.title' }))}
        <p>${errorText(view.error, audience)}</p>
        <p>${
          audience === 'in_store'
            ? msg('Ask a store employee to look up your account instead of applying again.', {
                id: 'apply.outcome.exists.next',
              })
            : msg('Look up your account as an existing Flexiti customer instead of applying again.', {
                id: 'apply.outcome.exists.next_online',
              })
        }</p>
      </section>`;
  }
}

function renderQuebec(
  view: Extract<OutcomeView, { kind: 'quebec' }>,
  locale: Locale,
  on: OutcomeHandlers,
  audience: Audience,
): TemplateResult {
  const ratio = view.response.debt_ratio;
  const fraction = ratio === undefined ? undefined : debtRatioFraction(ratio);
  const ratioText =
    fraction === undefined
      ? audience === 'in_store'
        ? msg('Not provided. Ask a store employee before you decide.', { id: 'apply.outcome.quebec.ratio_missing' })
        : msg('Not provided. Call Flexiti at 1-877-259-3750 before you decide.', {
            id: 'apply.outcome.quebec.ratio_missing_online',
          })
      : formatPercent(fraction, locale);
  const busy = view.closing;
  return html`<section class="outcome quebec" part="outcome" aria-labelledby="outcome-title" data-outcome="quebec" aria-busy=${busy ? 'true' : 'false'}>
    ${heading(msg("You're approved: please review your debt ratio", { id: 'apply.outcome.quebec.title' }))}
    ${amounts(
      view.response,
      locale,
      html`<div>
      <dt>${msg('Debt ratio', { id: 'apply.outcome.debt_ratio' })}</dt>
      <dd data-debt-ratio>${ratioText}</dd>
    </div>`,
    )}
    <p>${msg(
      'Your debt ratio is the share of your monthly income before taxes that goes to housing and credit payments, including the minimum payment on this new account if you used all of its credit.',
      { id: 'apply.outcome.quebec.explain' },
    )}</p>
    ${
      fraction !== undefined && fraction > DEBT_RATIO_THRESHOLD
        ? html`<p class="notice" data-ratio-warning><strong>${msg(
            str`Your debt ratio is above ${formatPercent(DEBT_RATIO_THRESHOLD, locale)}. Quebec's consumer protection office considers that credit at this level may be more than you can comfortably repay.`,
            { id: 'apply.outcome.quebec.high' },
          )}</strong></p>`
        : nothing
    }
    <p>${msg('You can keep this account, or cancel it now at no cost.', { id: 'apply.outcome.quebec.choice' })}</p>
    ${
      view.closeError
        ? html`<div class="submit-error" role="alert" id="close-error" tabindex="-1" part="submit-error">
          <p>${msg("We couldn't cancel your account.", { id: 'apply.outcome.quebec.cancel_failed' })} ${errorText(view.closeError, audience)}</p>
        </div>`
        : nothing
    }
    ${
      view.confirmingCancel
        ? html`<div class="notice" role="group" aria-labelledby="cancel-question">
          <p id="cancel-question" tabindex="-1"><strong>${msg(
            'Cancel your new Flexiti account? This cannot be undone, and you will not be able to use the account for this purchase.',
            { id: 'apply.outcome.quebec.confirm' },
          )}</strong></p>
          <div class="actions">
            <button type="button" class="primary" part="cancel-account-button" ?disabled=${busy} @click=${on.confirmCancel}>
              ${
                busy
                  ? msg('Cancelling your account…', { id: 'apply.outcome.quebec.cancelling' })
                  : msg('Yes, cancel my account', { id: 'apply.outcome.quebec.confirm_yes' })
              }
            </button>
            <button type="button" ?disabled=${busy} @click=${on.backFromCancel}>${msg('Go back', { id: 'apply.outcome.quebec.confirm_back' })}</button>
          </div>
        </div>`
        : html`<div class="actions">
          <button type="button" class="primary" part="keep-account-button" @click=${on.keep}>${msg('Keep my account', { id: 'apply.outcome.quebec.keep' })}</button>
          <button type="button" part="cancel-account-button" @click=${on.askCancel}>${msg('Cancel my account', { id: 'apply.outcome.quebec.cancel' })}</button>
        </div>`
    }
  </section>`;
}
