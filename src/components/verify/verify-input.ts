import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy } from '../../internal/field.js';

/** A step's text entry (the code, the secret answer): named by its id, never spell-checked. */
export interface EntryView {
  id: string;
  type: 'text' | 'password';
  inputmode?: 'numeric';
  autocomplete: string;
  autocapitalize?: 'off';
  value: string;
  busy: boolean;
  hint: string;
  error: string | undefined;
  onInput(event: InputEvent): void;
  onChange(): void;
}

/**
 * The entry's `<input>`: what was typed stays through re-renders (`live`), disabled while a request is out, and
 * described by its hint and its error.
 */
export function renderEntry(view: EntryView): TemplateResult {
  return html`<input
    id=${view.id}
    name=${view.id}
    type=${view.type}
    inputmode=${view.inputmode ?? nothing}
    autocomplete=${view.autocomplete}
    autocapitalize=${view.autocapitalize ?? nothing}
    spellcheck="false"
    .value=${live(view.value)}
    ?disabled=${view.busy}
    aria-invalid=${view.error ? 'true' : 'false'}
    aria-describedby=${describedBy(view.id, { hint: view.hint, message: view.error }) ?? nothing}
    @input=${view.onInput}
    @change=${view.onChange}
  />`;
}
