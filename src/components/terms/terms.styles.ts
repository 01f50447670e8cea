import { css } from 'lit';

/**
 * `<flexiti-terms>` on top of `baseStyles`: a bordered, scrollable reading region (legal text in
 * `--flexiti-color-text` on `--flexiti-color-surface`), then the agreement. The terms' own markup gets plain,
 * readable rules here; it never brings styles of its own (the sanitizer drops them).
 */
export const termsStyles = css`
  :host {
    --_fx-terms-max-height: var(--flexiti-terms-max-height, 20em);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px var(--_fx-space);
    margin-block-end: 8px;
  }
  .title {
    font-weight: 700;
    font-size: 1.05em;
  }
  .switch {
    min-height: 2.75em;
    padding: 0.25em 0.75em;
    font-weight: 600;
  }
  .region {
    max-height: var(--_fx-terms-max-height);
    overflow: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_fx-border);
    border-radius: var(--_fx-radius);
    padding: var(--_fx-space);
    color: var(--_fx-text);
    background: var(--_fx-surface);
    overflow-wrap: anywhere;
  }
  .region:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_fx-focus);
  }
  .content > :first-child {
    margin-block-start: 0;
  }
  .content h1,
  .content h2,
  .content h3,
  .content h4,
  .content h5,
  .content h6 {
    font-size: 1.05em;
    line-height: 1.3;
    margin: 1em 0 0.5em;
  }
  .content h1,
  .content h2 {
    font-size: 1.15em;
  }
  .content p,
  .content ul,
  .content ol,
  .content dl,
  .content blockquote {
    margin: 0 0 0.75em;
  }
  .content table {
    border-collapse: collapse;
    margin: 0 0 0.75em;
    max-width: 100%;
  }
  .content th,
  .content td {
    border: 1px solid var(--_fx-border);
    padding: 0.25em 0.5em;
    text-align: start;
    vertical-align: top;
  }
  .content a {
    color: var(--_fx-primary);
    text-decoration: underline;
  }
  .end {
    height: 1px;
  }
  .status {
    color: var(--_fx-muted);
    margin: 0;
  }
  .status:focus {
    outline: none;
  }
  .notice p {
    margin: 0 0 8px;
  }
  .notice p:last-of-type {
    margin-block-end: 0;
  }
  .agreement {
    margin-block-start: var(--_fx-space);
  }
  .agreement-row {
    display: flex;
    align-items: flex-start;
    gap: 10px;
  }
  .agreement-row input {
    flex: none;
    margin: 0.1em 0 0;
  }
  .agreement-row label {
    font-weight: 600;
  }
  .agreement-row input:disabled + label {
    color: var(--_fx-muted);
  }
  .agreement .hint,
  .agreement .error {
    margin: 4px 0 0;
    padding-inline-start: calc(1.25em + 10px);
  }
`;
