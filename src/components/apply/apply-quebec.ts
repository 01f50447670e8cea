import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { ReactiveController } from 'lit';
import { msg, str } from '@lit/localize';
import type { ApprovalResult, FlexitiApiError, Locale } from '../../model/index.js';
import { FlexitiCloseAccountRequestEvent } from '../../events/requests.js';
import { errorText } from '../../internal/message-text-errors.js';
import type { HostOutcome, HostRequestController } from '../../internal/host-request.js';
import type { FocusController } from '../../internal/focus.js';
import type { FlexitiElement } from '../../internal/flexiti-element.js';
import { amounts, heading } from './apply-outcomes.js';

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

export interface QuebecChoiceOptions {
  requests: HostRequestController;
  focus: FocusController;
  /** Puts text in the element's polite live region. */
  announce(text: string): void;
  /** The customer decided: kept the account (`approved`) or cancelled it. */
  decided(status: 'approved' | 'cancelled', response: ApprovalResult): void;
}

/**
 * Quebec's approval: the debt-ratio disclosure, then the customer keeps the new account or cancels it (a second
 * question confirms the cancel, and the close-account request runs from here). Nothing is final until they choose.
 */
export class QuebecChoice implements ReactiveController {
  /** The customer asked to cancel and is confirming. */
  confirmingCancel = false;
  /** The close-account request is in flight. */
  closing = false;
  /** The close-account request failed: the choice stays open. */
  closeError?: FlexitiApiError;
  private response?: ApprovalResult;

  constructor(
    private readonly host: FlexitiElement,
    private readonly options: QuebecChoiceOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** A new Quebec approval: the choice starts open. */
  start(response: ApprovalResult): void {
    this.response = response;
    this.confirmingCancel = false;
    this.closing = false;
    this.closeError = undefined;
    this.host.requestUpdate();
  }

  private readonly keep = (): void => {
    if (!this.response || this.closing) return;
    this.options.decided('approved', this.response);
  };

  private readonly askCancel = (): void => {
    this.confirmingCancel = true;
    this.host.requestUpdate();
    void this.options.focus.after('#cancel-question');
  };

  private readonly backFromCancel = (): void => {
    if (this.closing) return;
    this.confirmingCancel = false;
    this.host.requestUpdate();
    void this.options.focus.after('[part="keep-account-button"]');
  };

  private readonly confirmCancel = async (): Promise<void> => {
    const response = this.response;
    if (!response || this.closing) return;
    let outcome: HostOutcome | undefined;
    await this.options.requests.run(async () => {
      this.closing = true;
      this.closeError = undefined;
      this.options.announce(msg('Cancelling your account…', { id: 'apply.status.cancelling' }));
      // The checkout knows which account its own approval opened: the request names none.
      outcome = await this.options.requests.send(new FlexitiCloseAccountRequestEvent({}));
      this.options.announce('');
      this.closing = false;
    });
    if (!outcome) return;
    if (outcome.ok) {
      this.options.decided('cancelled', response);
      return;
    }
    this.confirmingCancel = false;
    this.closeError = outcome.error;
    this.host.requestUpdate();
    await this.options.focus.after('#close-error');
  };

  /** The disclosure and the choice. Text from the API is bound as text, never as markup. */
  render(response: ApprovalResult): TemplateResult {
    const ratio = response.debt_ratio;
    const fraction = ratio === undefined ? undefined : debtRatioFraction(ratio);
    const ratioText =
      fraction === undefined
        ? this.host.audience === 'in_store'
          ? msg('Not provided. Ask a store employee before you decide.', { id: 'apply.outcome.quebec.ratio_missing' })
          : msg('Not provided. Call Flexiti at 1-877-259-3750 before you decide.', {
              id: 'apply.outcome.quebec.ratio_missing_online',
            })
        : formatPercent(fraction, this.host.locale);
    const busy = this.closing;
    return html`<section class="outcome quebec" part="outcome" aria-labelledby="outcome-title" data-outcome="quebec" aria-busy=${busy ? 'true' : 'false'}>
      ${heading(msg("You're approved: please review your debt ratio", { id: 'apply.outcome.quebec.title' }))}
      ${amounts(
        response,
        this.host.locale,
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
              str`Your debt ratio is above ${formatPercent(DEBT_RATIO_THRESHOLD, this.host.locale)}. Quebec's consumer protection office considers that credit at this level may be more than you can comfortably repay.`,
              { id: 'apply.outcome.quebec.high' },
            )}</strong></p>`
          : nothing
      }
      <p>${msg('You can keep this account, or cancel it now at no cost.', { id: 'apply.outcome.quebec.choice' })}</p>
      ${
        this.closeError
          ? html`<div class="submit-error" role="alert" id="close-error" tabindex="-1" part="submit-error">
            <p>${msg("We couldn't cancel your account.", { id: 'apply.outcome.quebec.cancel_failed' })} ${errorText(this.closeError, this.host.audience)}</p>
          </div>`
          : nothing
      }
      ${
        this.confirmingCancel
          ? html`<div class="notice" role="group" aria-labelledby="cancel-question">
            <p id="cancel-question" tabindex="-1"><strong>${msg(
              'Cancel your new Flexiti account? This cannot be undone, and you will not be able to use the account for this purchase.',
              { id: 'apply.outcome.quebec.confirm' },
            )}</strong></p>
            <div class="actions">
              <button type="button" class="primary" part="cancel-account-button" ?disabled=${busy} @click=${this.confirmCancel}>
                ${
                  busy
                    ? msg('Cancelling your account…', { id: 'apply.outcome.quebec.cancelling' })
                    : msg('Yes, cancel my account', { id: 'apply.outcome.quebec.confirm_yes' })
                }
              </button>
              <button type="button" ?disabled=${busy} @click=${this.backFromCancel}>${msg('Go back', { id: 'apply.outcome.quebec.confirm_back' })}</button>
            </div>
          </div>`
          : html`<div class="actions">
            <button type="button" class="primary" part="keep-account-button" @click=${this.keep}>${msg('Keep my account', { id: 'apply.outcome.quebec.keep' })}</button>
            <button type="button" part="cancel-account-button" @click=${this.askCancel}>${msg('Cancel my account', { id: 'apply.outcome.quebec.cancel' })}</button>
          </div>`
      }
    </section>`;
  }
}
