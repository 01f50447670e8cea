// lit-html alone, not 'lit': an on-demand chunk that renders errors (licence-camera.ts) keeps the shared chunk whole.
import { html, nothing, type TemplateResult } from 'lit/html.js';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import type { Announcement } from './field-feedback.js';
import { msg } from '@lit/localize';

/**
 * The hidden "Error:" a screen reader hears before a field's error, so the message is not taken for a hint
 * (one message id for every element).
 */
export function errorPrefix(): TemplateResult {
  return html`<span class="visually-hidden">${msg('Error:', { id: 'field.error_prefix' })} </span>`;
}

/** The ids a control's `aria-describedby` lists: its hint, then its message, each when shown (else undefined). */
export function describedBy(id: string, shown: { hint?: unknown; message?: unknown }): string | undefined {
  return [shown.hint ? `${id}-hint` : '', shown.message ? `${id}-message` : ''].filter(Boolean).join(' ') || undefined;
}

/**
 * A control's error, `${id}-message` (as `describedBy` lists it), with the hidden "Error:" first. With
 * `announce` (`FieldFeedback.announcement(id)`) it is a new node at each submit attempt, an alert when its control
 * kept focus, so the same text is heard again.
 */
export function renderError(id: string, error: string, announce?: Announcement): TemplateResult {
  const message = html`<span class="error" id="${id}-message" part="error" role=${announce?.alert ? 'alert' : nothing}
    >${errorPrefix()}${error}</span
  >`;
  return html`${keyed(announce?.attempt ?? 0, message)}`;
}

export interface FieldView {
  /** The control's id: the hint is `${id}-hint`, the message `${id}-message` (see `describedBy`). */
  id: string;
  label: TemplateResult | string;
  /** A mark after the label, such as "(optional)" (in the label, so it is part of the control's name). */
  optional?: string;
  hint?: TemplateResult | string;
  /** The control, rendered by the element (its own attributes), with `aria-describedby` from `describedBy`. */
  control: TemplateResult;
  /** The error shown now (`FieldFeedback.show` decides when); wins over the warning. */
  error?: string;
  /** `FieldFeedback.announcement(id)`: the error is heard again after a submit attempt (see `renderError`). */
  announce?: Announcement;
  /** A warning: shown as a hint, not an error. */
  warning?: string;
  /** The field's `data-field`, for hosts' styles and tests. */
  name?: string;
}

/** One field: label, hint, control, then its error (with the hidden "Error:") or warning, all tied by id. */
export function renderField(view: FieldView): TemplateResult {
  const { id, hint, error, warning } = view;
  return html`<div class="field" part="field" data-field=${view.name ?? nothing}>
    <label for=${id} part="label"
      >${view.label}${view.optional ? html` <span class="optional">${view.optional}</span>` : nothing}</label
    >
    ${hint ? html`<span class="hint" id="${id}-hint" part="hint">${hint}</span>` : nothing}
    ${view.control}
    ${
      error
        ? renderError(id, error, view.announce)
        : warning
          ? html`<span class="hint warning" id="${id}-message" part="hint">${warning}</span>`
          : nothing
    }
  </div>`;
}

export interface RadioView {
  /** The group's `name`; the input's id is `${name}-${value}`. */
  name: string;
  value: string;
  label: TemplateResult | string;
  checked: boolean;
  disabled: boolean;
  /** A line under the label (why the option is not available), `${id}-hint`, tied by `aria-describedby`. */
  hint?: TemplateResult | string;
  onChange: () => void;
}

/** One radio option of a group: the input, its label after it (the touch-target rule), then its hint. */
export function renderRadio(view: RadioView): TemplateResult {
  const id = `${view.name}-${view.value}`;
  return html`<div class="option">
    <input
      type="radio"
      id=${id}
      name=${view.name}
      .value=${view.value}
      .checked=${live(view.checked)}
      ?disabled=${view.disabled}
      aria-describedby=${view.hint ? `${id}-hint` : nothing}
      @change=${view.onChange}
    />
    <label for=${id}>${view.label}</label>
    ${view.hint ? html`<span class="hint" id="${id}-hint">${view.hint}</span>` : nothing}
  </div>`;
}
