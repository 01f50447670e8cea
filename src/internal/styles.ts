import { css } from 'lit';

/**
 * Tokens and base rules every element shares (`baseStyles`). Sizes in px/em, never rem (host pages change the root
 * font size). Each token falls back to a default, so merchants set only what they change.
 * Legal text (terms, disclosures, amounts) uses `--flexiti-color-text` on `--flexiti-color-surface`,
 * whose defaults keep a 4.5:1 contrast in both schemes.
 *
 * The `@cssprop` lines below document these tokens once for every element (custom-elements.json, README);
 * their defaults are read from the CSS. Every `--flexiti-*` token used here must be listed.
 * @cssprop --flexiti-color-primary - Accent: primary buttons, links, checked options, focus.
 * @cssprop --flexiti-color-on-primary - Text on primary buttons.
 * @cssprop --flexiti-color-text - Body text, including legal text and amounts.
 * @cssprop --flexiti-color-muted - Hints and secondary text.
 * @cssprop --flexiti-color-surface - Background of the element, its fields and legal text.
 * @cssprop --flexiti-color-border - Field and option borders.
 * @cssprop --flexiti-color-error - Error messages and invalid borders.
 * @cssprop --flexiti-color-success - Success headings (approved, verified).
 * @cssprop --flexiti-radius - Corner radius of fields, buttons and options.
 * @cssprop --flexiti-spacing - Base space between fields and blocks.
 * @cssprop --flexiti-focus-ring - Focus indicator (a `box-shadow` value).
 * @cssprop --flexiti-font-family - Font family.
 * @cssprop --flexiti-font-size - Base font size (px or em; the elements never follow the page's rem).
 *
 * `tokenStyles` (the tokens, colour scheme, `[hidden]`, box sizing, `.visually-hidden`) and `legalStyles` are
 * also exported alone for elements that need no form rules (`<flexiti-promo>`, which must stay small).
 */
export const tokenStyles = css`
  :host {
    --_fx-primary: var(--flexiti-color-primary, #0b5cad);
    --_fx-on-primary: var(--flexiti-color-on-primary, #ffffff);
    --_fx-text: var(--flexiti-color-text, #1b1f24);
    --_fx-muted: var(--flexiti-color-muted, #4d5661);
    --_fx-surface: var(--flexiti-color-surface, #ffffff);
    --_fx-border: var(--flexiti-color-border, #8a94a0);
    --_fx-error: var(--flexiti-color-error, #b3261e);
    --_fx-success: var(--flexiti-color-success, #1e6b34);
    --_fx-radius: var(--flexiti-radius, 6px);
    --_fx-space: var(--flexiti-spacing, 12px);
    --_fx-focus: var(--flexiti-focus-ring, 0 0 0 3px rgba(11, 92, 173, 0.45));
    display: block;
    box-sizing: border-box;
    color: var(--_fx-text);
    background: var(--_fx-surface);
    font-family: var(--flexiti-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--flexiti-font-size, 16px);
    line-height: 1.45;
    text-align: start;
    min-width: 0;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_fx-primary: var(--flexiti-color-primary, #7db7ff);
      --_fx-on-primary: var(--flexiti-color-on-primary, #0b1a2b);
      --_fx-text: var(--flexiti-color-text, #eef1f4);
      --_fx-muted: var(--flexiti-color-muted, #b7c0ca);
      --_fx-surface: var(--flexiti-color-surface, #15191e);
      --_fx-border: var(--flexiti-color-border, #7d8894);
      --_fx-error: var(--flexiti-color-error, #ffb4ab);
      --_fx-success: var(--flexiti-color-success, #8fd6a0);
      --_fx-focus: var(--flexiti-focus-ring, 0 0 0 3px rgba(125, 183, 255, 0.55));
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/**
 * Legal content — terms, approved amounts, disclosures, payment estimates — kept readable whatever a theme sets.
 */
export const legalStyles = css`
  /*
   * Legal content — the terms, approved amounts, the Quebec debt-ratio disclosure, payment estimates — stays
   * readable whatever a theme sets (tokens, the host's own colour, ::part rules: !important in a shadow root
   * outranks them all). It keeps a contrast-safe pair of its own: with contrast-color(), the surface token made
   * opaque and black or white text, whichever contrasts more (at least 4.5:1 for any colour); without it, the
   * default pair of the colour scheme. Descendants inherit that colour (links stay underlined; alerts keep theirs).
   */
  :is([part~='region'], [part~='amounts'], [part~='estimate'], [data-outcome='quebec']) {
    background-color: #ffffff !important;
    color: #1b1f24 !important;
    opacity: 1 !important;
    visibility: visible !important;
    filter: none !important;
    text-shadow: none !important;
    font-size: max(1em, 13px) !important;
  }
  :is([part~='region'], [part~='amounts'], [part~='estimate'], [data-outcome='quebec'])
    :is(p, li, dt, dd, td, th, caption, span, strong, b, em, i, u, small, sub, sup, h1, h2, h3, h4, h5, h6, a, blockquote, div, dl, ol, ul, table):not([role='alert'], [role='alert'] *) {
    color: inherit !important;
    opacity: 1 !important;
    visibility: inherit !important;
    text-shadow: none !important;
  }
  :is([part~='region'], [part~='amounts'], [part~='estimate'], [data-outcome='quebec']) a {
    text-decoration: underline !important;
  }
  @media (prefers-color-scheme: dark) {
    :is([part~='region'], [part~='amounts'], [part~='estimate'], [data-outcome='quebec']) {
      background-color: #15191e !important;
      color: #eef1f4 !important;
    }
  }
  @supports (color: contrast-color(rgb(from red r g b / 1))) {
    :is([part~='region'], [part~='amounts'], [part~='estimate'], [data-outcome='quebec']) {
      --_fx-legal-surface: rgb(from var(--_fx-surface) r g b / 1);
      background-color: var(--_fx-legal-surface) !important;
      color: contrast-color(var(--_fx-legal-surface)) !important;
    }
    /* The choices a disclosure offers (Quebec: keep or cancel the account) stay readable too. */
    :is([part~='region'], [part~='amounts'], [part~='estimate'], [data-outcome='quebec']) button {
      background-color: var(--_fx-legal-surface) !important;
      color: contrast-color(var(--_fx-legal-surface)) !important;
      border-color: currentColor !important;
      opacity: 1 !important;
    }
    :is([part~='region'], [part~='amounts'], [part~='estimate'], [data-outcome='quebec']) button.primary {
      --_fx-legal-accent: rgb(from var(--_fx-primary) r g b / 1);
      background-color: var(--_fx-legal-accent) !important;
      color: contrast-color(var(--_fx-legal-accent)) !important;
      border-color: var(--_fx-legal-accent) !important;
    }
  }
`;

/** Everything shared: the tokens, form fields, buttons, notices and the legal-content rules. */
export const baseStyles = css`
  ${tokenStyles}
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
