import { css } from '@lit/reactive-element';

/** The details dialog's own rules, adopted when the dialog module loads (the line does without them). */
export const promoDialogStyles = css`
  dialog {
    color: var(--_fx-text);
    background: var(--_fx-surface);
    border: 1px solid var(--_fx-border);
    border-radius: var(--_fx-radius);
    padding: 0;
    width: min(36em, calc(100vw - 2em));
    max-height: calc(100dvh - 2em);
    font-family: var(--flexiti-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--flexiti-font-size, 16px);
    line-height: 1.45;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  h2:focus {
    outline: none;
  }
  .dialog-body {
    padding: calc(var(--_fx-space) * 1.5);
  }
  h2 {
    font-size: 1.25em;
    margin: 0 0 var(--_fx-space);
  }
  h3 {
    font-size: 1em;
    margin: var(--_fx-space) 0 4px;
  }
  p {
    margin: 0 0 var(--_fx-space);
  }
  .plans {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .plans > li {
    border-block-start: 1px solid var(--_fx-border);
    padding-block: 4px var(--_fx-space);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9375em;
  }
  th,
  td {
    text-align: start;
    padding: 4px 0.5em 4px 0;
    border-block-end: 1px solid var(--_fx-border);
    vertical-align: top;
  }
  td {
    font-variant-numeric: tabular-nums;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_fx-focus);
  }
  .close {
    min-height: 2.75em;
    padding: 0.5em 1.1em;
    border: 1px solid var(--_fx-primary);
    border-radius: var(--_fx-radius);
    background: var(--_fx-primary);
    color: var(--_fx-on-primary);
    font-weight: 600;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    margin-block-start: var(--_fx-space);
  }
  .note {
    color: var(--_fx-muted);
    font-size: 0.875em;
  }
`;
