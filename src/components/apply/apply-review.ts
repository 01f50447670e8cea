import { html, nothing, type TemplateResult } from 'lit/html.js';
import { msg, str } from '@lit/localize';
import type { ApplyFieldName, ApplyRequest, FlexitiApiError, Locale } from '../../model/index.js';
import type { Audience } from '../../internal/audience.js';
import { errorText } from '../../internal/message-text-errors.js';
import { formatMoney } from '../../internal/format.js';
import { MONEY_FIELDS, SECTIONS, SELECT_FIELDS, fieldLabel, sectionTitle, type SectionId } from './apply-fields.js';

/** Local codes that leave the application's fate unknown: the request may have reached Flexiti. */
const UNKNOWN_OUTCOME_CODES = new Set(['timeout', 'application_create_error', 'invalid_response', 'unreadable_answer']);

/** Flexiti's customer service, for an application whose outcome is unknown. */
const FLEXITI_PHONE = '1-877-259-3750';

/** What the review step shows: the validated request, and the last failed attempt to send it. */
export interface ReviewView {
  request: ApplyRequest;
  error?: FlexitiApiError;
  /** The application request is in flight. */
  busy: boolean;
  locale: Locale;
  /** Who the words address (the element's `audience`). */
  audience: Audience;
  /** The label of the option `code` of a select field, for the request being reviewed. */
  optionLabel(name: ApplyFieldName, code: string): string | undefined;
}

export interface ReviewHandlers {
  confirm(): void;
  edit(): void;
}

/** The review step: every answer as it will be sent, secrets masked, then Confirm (or Try again, or nothing). */
export function renderReview(view: ReviewView, on: ReviewHandlers): TemplateResult {
  const { error, busy } = view;
  // The application may have reached Flexiti: never "nothing has been sent", never a button that applies again.
  const unknownOutcome = error !== undefined && UNKNOWN_OUTCOME_CODES.has(error.code);
  const canRetry = error !== undefined && error.type !== 'implementation' && !unknownOutcome;
  return html`<section class="review" part="review" aria-labelledby="review-title">
      <h2 id="review-title" tabindex="-1">${msg('Check your application', { id: 'apply.review.title' })}</h2>
      ${
        unknownOutcome
          ? nothing
          : html`<p data-intro>${msg('Nothing has been sent yet. Check your information, then confirm to apply. Applying is a request for credit.', { id: 'apply.review.intro' })}</p>`
      }
      ${
        error
          ? html`<div class="submit-error" part="submit-error" id="submit-error" tabindex="-1" data-code=${error.code}>
            ${
              unknownOutcome
                ? html`<p data-unknown-outcome>${msg(
                    str`We don't know whether your application went through, so don't apply again. Look up your account as an existing Flexiti customer: if the application went through, your account will be found. Or call Flexiti at ${FLEXITI_PHONE}.`,
                    { id: 'apply.review.unknown_outcome_no_resend' },
                  )}</p>`
                : html`<p>${errorText(error, view.audience)}</p>`
            }
            ${
              canRetry
                ? html`<button type="button" data-retry ?disabled=${busy} @click=${on.confirm}>${msg('Try again', { id: 'apply.review.retry' })}</button>`
                : nothing
            }
          </div>`
          : nothing
      }
      ${SECTIONS.map((section) => renderReviewSection(section.id, section.fields, view))}
      <div class="actions">
        ${
          unknownOutcome
            ? nothing
            : html`<button type="button" ?disabled=${busy} @click=${on.edit} data-edit>${msg('Change my answers', { id: 'apply.review.edit' })}</button>`
        }
        ${
          (error && canRetry) || unknownOutcome
            ? nothing
            : html`<button type="button" class="primary" part="submit-button" data-confirm ?disabled=${busy} @click=${on.confirm}>
              ${busy ? msg('Sending your application…', { id: 'apply.status.sending' }) : msg('Confirm and apply', { id: 'apply.review.confirm' })}
            </button>`
        }
      </div>
      ${busy ? html`<p class="busy-note">${msg('Please wait: this can take up to a minute.', { id: 'apply.review.wait' })}</p>` : nothing}
    </section>`;
}

function renderReviewSection(
  id: SectionId,
  fields: readonly ApplyFieldName[],
  view: ReviewView,
): TemplateResult | typeof nothing {
  const shown = fields.filter((name) => name !== 'monthly_housing_expenses' || view.request.province === 'QC');
  if (shown.length === 0) return nothing;
  return html`<div class="review-section">
      <h3>${sectionTitle(id)}</h3>
      <dl class="review-list">
        ${shown.map((name) => html`<dt>${fieldLabel(name)}</dt><dd data-review=${name}>${reviewValue(name, view)}</dd>`)}
      </dl>
    </div>`;
}

function reviewValue(name: ApplyFieldName, view: ReviewView): TemplateResult | string {
  const value = (view.request as Record<string, unknown>)[name];
  if (value === undefined || value === '') return msg('Not provided', { id: 'apply.review.not_provided' });
  if (name === 'tos_agreement') return msg('I agree to the terms and conditions', { id: 'apply.review.agreed' });
  if (name === 'sin') {
    const last = String(value).slice(-3);
    return html`<span aria-hidden="true">••• ••• ${last}</span><span class="visually-hidden">${msg(str`Ending in ${last}`, { id: 'apply.review.sin_masked' })}</span>`;
  }
  if (name === 'security_answer' || name === 'piw') {
    // Secrets that later prove who the customer is: never shown in clear on a screen others may see.
    return html`<span aria-hidden="true">••••••</span><span class="visually-hidden">${msg('Hidden', { id: 'apply.review.secret_hidden' })}</span>`;
  }
  if (MONEY_FIELDS.has(name) && typeof value === 'number') return formatMoney(value, view.locale);
  if (name === 'phone_number' || name === 'employer_phone') {
    const digits = String(value);
    return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
  }
  if (SELECT_FIELDS.has(name)) return view.optionLabel(name, String(value)) ?? String(value);
  return String(value);
}
