import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { LookupResult } from '../../model/index.js';
import type { Audience } from '../../internal/audience.js';
import type { Announcement } from '../../internal/field-feedback.js';
import { describedBy, renderError, renderField, renderRadio } from '../../internal/field.js';
import { problemText, type Problem } from './verify-texts.js';
import { renderEntry } from './verify-input.js';

/** One of the customer's own security questions, and the answer (masked, with a "Show answer" toggle). */
export interface QuestionView {
  audience: Audience;
  busy: boolean;
  questions: LookupResult['security_qid'];
  chosen: string;
  answer: string;
  answerShown: boolean;
  qidError: Problem | undefined;
  answerError: Problem | undefined;
  /** `FieldFeedback.announcement`, so an error is heard again after a submit. */
  announce(id: string): Announcement;
  notice: TemplateResult | typeof nothing;
}

export interface QuestionHandlers {
  submit(event: SubmitEvent): void;
  choose(id: string): void;
  answerInput(event: InputEvent): void;
  answerChange(): void;
  toggleShown(): void;
  back(): void;
}

export function renderQuestion(view: QuestionView, on: QuestionHandlers): TemplateResult {
  const { busy, announce } = view;
  const qidError = view.qidError ? problemText(view.qidError, view.audience) : undefined;
  const answerError = view.answerError ? problemText(view.answerError, view.audience) : undefined;
  const answerHint = msg('You can paste your answer or fill it in with a password manager.', {
    id: 'verify.answer.hint',
  });
  return html`
    <form part="form" novalidate aria-labelledby="heading" aria-busy=${busy ? 'true' : 'false'} @submit=${on.submit}>
      <h2 id="heading" part="heading" tabindex="-1">${msg('Answer a security question', { id: 'verify.question.heading' })}</h2>
      ${view.notice}
      <fieldset aria-describedby=${describedBy('security_qid', { message: qidError }) ?? nothing}>
        <legend>${msg('Choose one of your security questions', { id: 'verify.question.legend' })}</legend>
        ${qidError ? renderError('security_qid', qidError, announce('security_qid')) : nothing}
        ${view.questions.map((question) =>
          renderRadio({
            name: 'security_qid',
            value: question.id,
            label: question.text,
            checked: view.chosen === question.id,
            disabled: busy,
            onChange: () => on.choose(question.id),
          }),
        )}
      </fieldset>
      ${renderField({
        id: 'security_answer',
        label: msg('Your answer', { id: 'verify.answer.label' }),
        hint: answerHint,
        error: answerError,
        announce: announce('security_answer'),
        control: html`<div class="secret">
          ${renderEntry({
            id: 'security_answer',
            type: view.answerShown ? 'text' : 'password',
            autocomplete: 'off',
            autocapitalize: 'off',
            value: view.answer,
            busy,
            hint: answerHint,
            error: answerError,
            onInput: on.answerInput,
            onChange: on.answerChange,
          })}
          <button
            type="button"
            aria-controls="security_answer"
            aria-pressed=${view.answerShown ? 'true' : 'false'}
            ?disabled=${busy}
            @click=${on.toggleShown}
          >
            ${msg('Show answer', { id: 'verify.answer.show' })}
          </button>
        </div>`,
      })}
      <div class="actions">
        <button class="primary" part="submit-button" type="submit" ?disabled=${busy}>
          ${msg('Verify', { id: 'verify.question.submit' })}
        </button>
        <button type="button" ?disabled=${busy} @click=${on.back}>
          ${msg('Choose another method', { id: 'verify.back' })}
        </button>
      </div>
    </form>
  `;
}
