import { html, type TemplateResult, type nothing } from 'lit';
import { msg } from '@lit/localize';
import { messageText } from '../../internal/message-text.js';
import type { Audience } from '../../internal/audience.js';

/** After the verification: the purchase being posted, done, failed (its notice) or unconfirmed. */
export interface DoneView {
  busy: boolean;
  purchased: boolean;
  /** The purchase may have gone through: the heading says it couldn't be confirmed. */
  unconfirmed: boolean;
  /** The notice of a failed purchase, if any. */
  notice: TemplateResult | typeof nothing | undefined;
}

export function renderDone(view: DoneView): TemplateResult {
  const { purchased } = view;
  return html`
    <section class="verified" aria-labelledby="heading" aria-busy=${view.busy ? 'true' : 'false'}>
      <h2 id="heading" part="heading" tabindex="-1">
        ${
          purchased
            ? msg('Purchase complete', { id: 'verify.purchased.heading' })
            : view.unconfirmed
              ? msg("We couldn't confirm your purchase", { id: 'verify.unconfirmed.heading' })
              : msg('Identity verified', { id: 'verify.verified.heading' })
        }
      </h2>
      ${
        purchased
          ? html`<p>${msg('Thank you. Your purchase went through.', { id: 'verify.purchased.text' })}</p>`
          : view.notice !== undefined
            ? view.notice
            : html`<p>${msg('Thank you. We are completing your purchase.', { id: 'verify.verified.text' })}</p>`
      }
    </section>
  `;
}

/** No usable customer, or no method allowed at all: a configuration problem, shown at once. */
export function renderUnavailable(audience: Audience): TemplateResult {
  return html`
    <div class="notice error-notice" part="notice">
      <h2 id="heading" part="heading" tabindex="-1">${msg('Verification unavailable', { id: 'verify.unavailable.heading' })}</h2>
      <p>${messageText('error.implementation', audience)}</p>
    </div>
  `;
}
