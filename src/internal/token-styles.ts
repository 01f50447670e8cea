import { css } from 'lit';

/**
 * The design tokens every element shares (styles.ts adds the base rules: `baseStyles`). Sizes in px/em, never rem (host pages change the root
 * font size). Each token falls back to a default, so merchants set only what they change.
 * Legal text (terms, disclosures, amounts) uses `--flexiti-color-text` on `--flexiti-color-surface`,
 * whose defaults keep a 4.5:1 contrast in both schemes.
 *
 * `tokenStyles` (the tokens, colour scheme, `[hidden]`, box sizing, `.visually-hidden`) is a module of its own
 * so an element that needs no form rules (`<flexiti-promo>`, which must stay small) loads only this.
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
    /* Solid, not translucent: a focus indicator needs 3:1 against what surrounds it (WCAG 2.2, 1.4.11). */
    --_fx-focus: var(--flexiti-focus-ring, 0 0 0 3px #0b5cad);
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
      --_fx-focus: var(--flexiti-focus-ring, 0 0 0 3px #7db7ff);
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
