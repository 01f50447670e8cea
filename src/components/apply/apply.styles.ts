import { css } from 'lit';

/**
 * Layout of `<flexiti-apply>` on top of `baseStyles` (tokens, fields, buttons, dark scheme). Sizes in px/em
 * only; fields wrap into one column below about 30em, so the form works at 320 px wide.
 */
export const applyStyles = css`
  :host {
    --_fx-section-gap: var(--flexiti-section-gap, 24px);
    --_fx-heading-size: var(--flexiti-heading-font-size, 1.25em);
    max-width: var(--flexiti-apply-max-width, 48em);
    padding: var(--flexiti-apply-padding, 0);
  }
  h2 {
    font-size: var(--_fx-heading-size);
    line-height: 1.25;
    margin: 0 0 var(--_fx-space);
  }
  h3 {
    font-size: 1.05em;
    margin: 0 0 8px;
  }
  h2:focus,
  h3:focus,
  [tabindex='-1']:focus {
    outline: none;
  }
  h2:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 2px solid var(--_fx-primary);
    outline-offset: 2px;
  }
  p {
    margin: 0 0 var(--_fx-space);
  }
  form {
    margin: 0;
  }
  .section {
    border-top: 1px solid var(--_fx-border);
    padding-block-start: var(--_fx-space);
    margin-block-end: var(--_fx-section-gap);
  }
  .section > legend {
    font-size: var(--_fx-heading-size);
    padding: 0;
    margin-block-end: var(--_fx-space);
    float: left;
    width: 100%;
  }
  .section > legend h3 {
    font-size: inherit;
    margin: 0;
  }
  .section > legend + * {
    clear: both;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
    column-gap: var(--_fx-space);
  }
  /* Side by side, the controls line up even when only some fields have a hint: label, hint, control and
     message each take one row of a shared subgrid. */
  .row > .field {
    display: grid;
    grid-row: span 4;
    grid-template-rows: subgrid;
    row-gap: 4px;
    align-content: start;
  }
  .row > .field > label {
    grid-row: 1;
    align-self: end;
  }
  .row > .field > .hint:not(.warning) {
    grid-row: 2;
  }
  /* A control's size never depends on what it holds (width 100%, height one line plus padding, at least 2.75em):
     size containment says so, and a keystroke or a new option list then lays out the control alone, not the
     whole grid of fields again (about a quarter of the CPU of an ID type change, measured). One line is its
     intrinsic height, as without containment, should a theme lower the minimum. */
  .row > .field > :is(input, select) {
    grid-row: 3;
    contain: size layout;
    contain-intrinsic-size: 20ch 1lh;
  }
  .row > .field > .error,
  .row > .field > .warning {
    grid-row: 4;
  }
  .optional {
    font-weight: 400;
    color: var(--_fx-muted);
  }
  .intro {
    color: var(--_fx-muted);
  }
  .config-error,
  .error-summary,
  .submit-error {
    border: 2px solid var(--_fx-error);
    border-radius: var(--_fx-radius);
    padding: var(--_fx-space);
    margin-block: var(--_fx-space);
  }
  .error-summary h3 {
    font-size: var(--_fx-heading-size);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a {
    color: var(--_fx-error);
    font-weight: 600;
  }
  .field-config {
    color: var(--_fx-error);
    font-size: 0.875em;
  }
  dl.review-list {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 2px 0;
    margin: 0 0 var(--_fx-space);
  }
  dl.review-list dt {
    font-weight: 600;
    margin-block-start: 8px;
  }
  dl.review-list dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @media (min-width: 480px) {
    dl.review-list {
      grid-template-columns: minmax(8em, 14em) minmax(0, 1fr);
      gap: 6px var(--_fx-space);
    }
    dl.review-list dt {
      margin: 0;
    }
  }
  .review-section {
    margin-block-end: var(--_fx-space);
  }
  .amounts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10em), 1fr));
    gap: var(--_fx-space);
    margin: 0 0 var(--_fx-space);
  }
  .amounts div {
    border: 1px solid var(--_fx-border);
    border-radius: var(--_fx-radius);
    padding: var(--_fx-space);
  }
  .amounts dt {
    color: var(--_fx-muted);
    font-size: 0.875em;
  }
  .amounts dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
  }
  .outcome.approved h2,
  .outcome.cancelled h2 {
    color: var(--_fx-success);
  }
  .scan {
    margin-block-end: var(--_fx-section-gap);
  }
  .scan summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--_fx-primary);
    min-height: 2.75em;
    display: flex;
    align-items: center;
  }
  .camera {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 8px;
    margin-block-start: var(--_fx-space);
  }
  .camera video {
    width: 100%;
    max-height: 50vh;
    background: #000;
    border-radius: var(--_fx-radius);
  }
  .scan textarea {
    min-height: 6em;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
  }
  .checkbox-line {
    display: flex;
    gap: 8px;
    align-items: flex-start;
  }
  .busy-note {
    color: var(--_fx-muted);
  }
  @media (forced-colors: active) {
    .config-error,
    .error-summary,
    .submit-error {
      border-color: CanvasText;
    }
  }
`;
