import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { FieldMessage, FlexitiApiError, VerifyFormat } from '../../model/index.js';
import type { Audience } from '../../internal/audience.js';
import { errorText, messageText } from '../../internal/message-text.js';
import type { FieldSlot, LockReason } from './verify-errors.js';

export type CodeChannel = 'sms' | 'email';

/** An error to show: from the host (mapped by the model), a validation key, or one of this element's own texts. */
export type Problem =
  | { kind: 'api'; error: FlexitiApiError; field?: FieldSlot }
  | { kind: 'message'; message: FieldMessage }
  | { kind: 'unavailable'; format: CodeChannel }
  /** The purchase may have gone through (the host's answer couldn't be read): say so, offer no resend. */
  | { kind: 'unconfirmed' };

/** What the polite live region says (rendered in the current locale). */
export type StatusKey = '' | 'busy' | 'purchasing' | 'resent_sms' | 'resent_email';

/** Flexiti's customer service, when an online customer has no way left to verify. */
export const FLEXITI_PHONE = '1-877-259-3750';

/** The words for a problem; `audience` picks them for who is there (a clerk at a till, the customer online). */
export function problemText(problem: Problem, audience: Audience): string {
  switch (problem.kind) {
    case 'unconfirmed':
      return msg(
        "Your purchase may have gone through. Don't pay again: check your order confirmation, or ask the store, before you try again.",
        { id: 'verify.unconfirmed.text' },
      );
    case 'message':
      return messageText(problem.message, audience);
    case 'unavailable':
      return problem.format === 'sms'
        ? msg("We can't send a text message to the phone number on file. Choose another way to verify.", {
            id: 'verify.error.sms_unavailable',
          })
        : msg("We can't send an email to the address on file. Choose another way to verify.", {
            id: 'verify.error.email_unavailable',
          });
    case 'api': {
      // The field's own message when the API named the field (`field_errors`), else the error's text.
      const fieldMessage = problem.field ? problem.error.fields[problem.field] : undefined;
      return fieldMessage ? messageText(fieldMessage) : errorText(problem.error, audience);
    }
  }
}

export function statusText(status: StatusKey): string {
  switch (status) {
    case 'busy':
      return msg('Please wait…', { id: 'verify.status.busy' });
    case 'purchasing':
      return msg('Completing your purchase…', { id: 'verify.status.purchasing' });
    case 'resent_sms':
      return msg('A new code was sent by text message.', { id: 'verify.status.resent_sms' });
    case 'resent_email':
      return msg('A new code was sent by email.', { id: 'verify.status.resent_email' });
    default:
      return '';
  }
}

export function formatLabel(format: VerifyFormat): string {
  switch (format) {
    case 'sms':
      return msg('Get a code by text message', { id: 'verify.format.sms' });
    case 'email':
      return msg('Get a code by email', { id: 'verify.format.email' });
    case 'security_question':
      return msg('Answer a security question', { id: 'verify.format.security_question' });
    case 'merchant_override':
      return msg('Store override (store employee)', { id: 'verify.format.merchant_override' });
  }
}

export function lockText(reason: LockReason): string {
  return reason === 'locked'
    ? msg('Locked after too many attempts.', { id: 'verify.format.locked' })
    : msg('Not available for this account.', { id: 'verify.format.unavailable' });
}

/** A message about the whole step, with "Try again" when repeating may help (`onRetry` given). */
export function renderNotice(
  notice: { problem: Problem; retry?: unknown } | undefined,
  busy: boolean,
  onRetry: () => void,
  audience: Audience,
): TemplateResult | typeof nothing {
  if (!notice) return nothing;
  return html`
    <div class="notice error-notice" part="notice" id="notice" tabindex="-1">
      <p>${problemText(notice.problem, audience)}</p>
      ${
        notice.retry
          ? html`<button type="button" ?disabled=${busy} @click=${onRetry}>${msg('Try again', { id: 'verify.retry' })}</button>`
          : nothing
      }
    </div>
  `;
}
