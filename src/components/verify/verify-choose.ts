import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { VerifyFormat } from '../../model/index.js';
import type { Audience } from '../../internal/audience.js';
import type { Announcement } from '../../internal/field-feedback.js';
import { describedBy, renderError, renderRadio } from '../../internal/field.js';
import type { LockReason } from './verify-errors.js';
import { FLEXITI_PHONE, formatLabel, lockText, problemText, type Problem } from './verify-texts.js';

/** Step 1: which method, among those shown (a locked one stays shown, disabled, with its reason). */
export interface ChooseView {
  busy: boolean;
  audience: Audience;
  shown: readonly VerifyFormat[];
  chosen: VerifyFormat | undefined;
  locked: ReadonlyMap<VerifyFormat, LockReason>;
  /** No method is left that can be chosen. */
  noneLeft: boolean;
  error: Problem | undefined;
  /** `FieldFeedback.announcement`, so an error is heard again after a submit. */
  announce(id: string): Announcement;
  notice: TemplateResult | typeof nothing;
}

export interface ChooseHandlers {
  submit(event: SubmitEvent): void;
  choose(format: VerifyFormat): void;
}

export function renderChoose(view: ChooseView, on: ChooseHandlers): TemplateResult {
  const { busy, noneLeft } = view;
  const error = view.error ? problemText(view.error, view.audience) : undefined;
  const described = [describedBy('format', { message: error }), noneLeft ? 'format-none' : '']
    .filter(Boolean)
    .join(' ');
  return html`
    <form part="form" novalidate aria-labelledby="heading" aria-busy=${busy ? 'true' : 'false'} @submit=${on.submit}>
      <h2 id="heading" part="heading" tabindex="-1">${
        view.audience === 'in_store'
          ? msg("Verify the customer's identity", { id: 'verify.choose.heading' })
          : msg('Confirm your identity', { id: 'verify.choose.heading_online' })
      }</h2>
      ${view.notice}
      <fieldset aria-describedby=${described || nothing}>
        <legend>${msg('How would you like to verify?', { id: 'verify.choose.legend' })}</legend>
        ${error ? renderError('format', error, view.announce('format')) : nothing}
        ${
          noneLeft
            ? html`<p class="hint" id="format-none">${
                view.audience === 'in_store'
                  ? msg('No other way to verify is left for this customer. Please ask a store employee for help.', {
                      id: 'verify.choose.none_left',
                    })
                  : msg(
                      str`No other way to verify is left. Call Flexiti at ${FLEXITI_PHONE}, or choose another way to pay.`,
                      { id: 'verify.choose.none_left_online' },
                    )
              }</p>`
            : nothing
        }
        ${view.shown.map((format) => renderOption(format, view, on))}
      </fieldset>
      <div class="actions">
        <button class="primary" part="submit-button" type="submit" ?disabled=${busy || noneLeft}>
          ${msg('Continue', { id: 'verify.choose.submit' })}
        </button>
      </div>
    </form>
  `;
}

function renderOption(format: VerifyFormat, view: ChooseView, on: ChooseHandlers): TemplateResult {
  const lock = view.locked.get(format);
  return renderRadio({
    name: 'format',
    value: format,
    label: formatLabel(format),
    checked: view.chosen === format,
    disabled: view.busy || lock !== undefined,
    hint: lock ? lockText(lock) : undefined,
    onChange: () => on.choose(format),
  });
}
