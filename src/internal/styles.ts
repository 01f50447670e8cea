import { css } from 'lit';
import { legalStyles } from './legal-styles.js';
import { tokenStyles } from './token-styles.js';

// The tokens (documented in token-styles.ts) and the legal-content rules live in their own modules, so an
// element that needs only them (`<flexiti-promo>`) loads nothing else.
export { legalStyles, tokenStyles };

/** Everything shared: the tokens, form fields, buttons, notices and the legal-content rules. */
export const baseStyles = css`
  ${tokenStyles}
  /* Around all of an element's controls, so \`disabled\` disables them at once; it draws no box of its own. */
  fieldset.controls {
    display: contents;
  }
  /* Fieldsets group without a box of their own; each element adds its spacing. */
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
  }
  /* What takes focus after a step changes (a heading, a notice: tabindex="-1") shows a ring for keyboard focus only. */
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    box-shadow: var(--_fx-focus);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    margin-block-end: var(--_fx-space);
    min-width: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  .hint {
    color: var(--_fx-muted);
    font-size: 0.875em;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_fx-text);
    background: var(--_fx-surface);
    border: 1px solid var(--_fx-border);
    border-radius: var(--_fx-radius);
    padding: 0.5em 0.625em;
    min-height: 2.75em;
    width: 100%;
    max-width: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25em;
    min-height: 1.25em;
    height: 1.25em;
    accent-color: var(--_fx-primary);
  }
  /* A radio's or checkbox's label is part of its target (a click on it chooses): at least 24 px tall (WCAG 2.2,
     2.5.8), 44 px under a finger. In px: the rule's measure is CSS pixels, whatever the font size. */
  input[type='checkbox'] + label,
  input[type='radio'] + label {
    min-height: 24px;
  }
  @media (pointer: coarse) {
    input[type='checkbox'] + label,
    input[type='radio'] + label {
      min-height: 44px;
    }
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible,
  [tabindex]:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_fx-focus);
  }
  [aria-invalid='true'] {
    border-color: var(--_fx-error);
    border-width: 2px;
  }
  .error {
    display: block;
    color: var(--_fx-error);
    font-size: 0.875em;
    font-weight: 600;
  }
  .error:empty {
    display: none;
  }
  button {
    font: inherit;
    cursor: pointer;
    min-height: 2.75em;
    padding: 0.5em 1.1em;
    border-radius: var(--_fx-radius);
    border: 1px solid var(--_fx-primary);
    background: var(--_fx-surface);
    color: var(--_fx-primary);
    font-weight: 600;
  }
  button.primary {
    background: var(--_fx-primary);
    color: var(--_fx-on-primary);
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fx-space);
    margin-block-start: var(--_fx-space);
  }
  .notice {
    border: 1px solid var(--_fx-border);
    border-radius: var(--_fx-radius);
    padding: var(--_fx-space);
    margin-block: var(--_fx-space);
  }
  .notice.error-notice {
    border-color: var(--_fx-error);
  }

  ${legalStyles}
`;

/**
 * The elements that show one step at a time (lookup, verify, checkout): the step's heading and its groups of
 * choices. The heading's size follows `--flexiti-heading-font-size`.
 */
export const stepStyles = css`
  h2 {
    font-size: var(--flexiti-heading-font-size, 1.25em);
    line-height: 1.3;
    margin: 0 0 var(--_fx-space);
  }
  fieldset {
    margin: 0 0 var(--_fx-space);
  }
  legend {
    margin-block-end: 8px;
  }
`;
