import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Audience } from '../../internal/audience.js';
import type { Announcement } from '../../internal/field-feedback.js';
import { renderField } from '../../internal/field.js';
import { problemText, type CodeChannel, type Problem } from './verify-texts.js';
import { renderEntry } from './verify-input.js';

/** The code sent by text message or email, with "send a new code" once the cooldown is over. */
export interface CodeView {
  audience: Audience;
  busy: boolean;
  channel: CodeChannel | undefined;
  code: string;
  error: Problem | undefined;
  /** `FieldFeedback.announcement`, so an error is heard again after a submit. */
  announce(id: string): Announcement;
  /** Seconds before a new code may be asked for (0: now). */
  resendIn: number;
  notice: TemplateResult | typeof nothing;
}

export interface CodeHandlers {
  submit(event: SubmitEvent): void;
  codeInput(event: InputEvent): void;
  codeChange(): void;
  resend(): void;
  back(): void;
}

export function renderCode(view: CodeView, on: CodeHandlers): TemplateResult {
  const { busy } = view;
  const error = view.error ? problemText(view.error, view.audience) : undefined;
  const hint = msg('Digits only. You can paste the code.', { id: 'verify.code.hint' });
  const waiting = view.resendIn > 0;
  const seconds = view.resendIn;
  return html`
    <form part="form" novalidate aria-labelledby="heading" aria-busy=${busy ? 'true' : 'false'} @submit=${on.submit}>
      <h2 id="heading" part="heading" tabindex="-1">${msg('Enter the verification code', { id: 'verify.code.heading' })}</h2>
      <p id="code-sent">
        ${
          view.channel === 'email'
            ? msg('We sent a code by email to the address on file.', { id: 'verify.code.sent_email' })
            : msg('We sent a code by text message to the phone number on file.', { id: 'verify.code.sent_sms' })
        }
      </p>
      ${view.notice}
      ${renderField({
        id: 'verification_code',
        label: msg('Verification code', { id: 'verify.code.label' }),
        hint,
        error,
        announce: view.announce('verification_code'),
        control: renderEntry({
          id: 'verification_code',
          type: 'text',
          inputmode: 'numeric',
          autocomplete: 'one-time-code',
          value: view.code,
          busy,
          hint,
          error,
          onInput: on.codeInput,
          onChange: on.codeChange,
        }),
      })}
      <div class="actions">
        <button class="primary" part="submit-button" type="submit" ?disabled=${busy}>
          ${msg('Verify', { id: 'verify.code.submit' })}
        </button>
      </div>
      <div class="resend">
        <button
          type="button"
          id="resend"
          ?disabled=${busy || waiting}
          aria-describedby=${waiting ? 'resend-wait' : nothing}
          @click=${on.resend}
        >
          ${msg('Send a new code', { id: 'verify.code.resend' })}
        </button>
        ${
          waiting
            ? html`<span class="hint" id="resend-wait">
              ${msg(str`You can ask for a new code in ${seconds} s.`, { id: 'verify.code.resend_wait' })}
            </span>`
            : nothing
        }
        <button type="button" ?disabled=${busy} @click=${on.back}>
          ${msg('Choose another method', { id: 'verify.back' })}
        </button>
      </div>
    </form>
  `;
}
