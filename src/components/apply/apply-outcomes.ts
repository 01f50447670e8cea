import { html, nothing, type TemplateResult } from 'lit/html.js';
import { msg } from '@lit/localize';
import { type ApprovalResult, type FlexitiApiError, type Locale } from '../../model/index.js';
import { errorText } from '../../internal/message-text-errors.js';
import { formatMoney } from '../../internal/format.js';
import type { Audience } from '../../internal/audience.js';

/** What the element shows once the application has an answer. */
export type OutcomeView =
  | { kind: 'approved'; response: ApprovalResult }
  /** Quebec: approved, with the debt-ratio disclosure and a keep-or-cancel choice (apply-quebec.ts). */
  | { kind: 'quebec'; response: ApprovalResult }
  | { kind: 'declined' | 'pending' | 'exists'; error: FlexitiApiError }
  | { kind: 'cancelled'; response: ApprovalResult };

export function amounts(response: ApprovalResult, locale: Locale, extra?: TemplateResult): TemplateResult {
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

export function heading(text: string): TemplateResult {
  return html`<h2 id="outcome-title" tabindex="-1">${text}</h2>`;
}

/** The outcome view (Quebec's has its own controller, apply-quebec.ts). Text from the API is bound as text, never as markup. */
export function renderOutcome(
  view: Exclude<OutcomeView, { kind: 'quebec' }>,
  locale: Locale,
  audience: Audience = 'online',
): TemplateResult {
  switch (view.kind) {
    case 'approved':
      return html`<section class="outcome approved" part="outcome" aria-labelledby="outcome-title" data-outcome="approved">
        ${heading(msg("You're approved", { id: 'apply.outcome.approved.title' }))}
        <p>${msg('Your new Flexiti account is ready to use for this purchase.', { id: 'apply.outcome.approved.body' })}</p>
        ${amounts(view.response, locale)}
      </section>`;
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
