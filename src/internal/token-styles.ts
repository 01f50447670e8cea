import { css } from '@lit/reactive-element';
import { lineTokenStyles } from './line-token-styles.js';

/** The other tokens (muted text, borders, errors, success, radius, spacing) and `.visually-hidden`. */
export const moreTokenStyles = css`
  :host {
    --_fx-on-primary: var(--flexiti-color-on-primary, #ffffff);
    --_fx-muted: var(--flexiti-color-muted, #4d5661);
    --_fx-border: var(--flexiti-color-border, #8a94a0);
    --_fx-error: var(--flexiti-color-error, #b3261e);
    --_fx-success: var(--flexiti-color-success, #1e6b34);
    --_fx-radius: var(--flexiti-radius, 6px);
    --_fx-space: var(--flexiti-spacing, 12px);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_fx-on-primary: var(--flexiti-color-on-primary, #0b1a2b);
      --_fx-muted: var(--flexiti-color-muted, #b7c0ca);
      --_fx-border: var(--flexiti-color-border, #7d8894);
      --_fx-error: var(--flexiti-color-error, #ffb4ab);
      --_fx-success: var(--flexiti-color-success, #8fd6a0);
    }
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
 * The design tokens every element shares (styles.ts adds the base rules: `baseStyles`). Sizes in px/em, never rem (host pages change the root
 * font size). Each token falls back to a default, so merchants set only what they change.
 * Legal text (terms, disclosures, amounts) uses `--flexiti-color-text` on `--flexiti-color-surface`,
 * whose defaults keep a 4.5:1 contrast in both schemes.
 *
 * `tokenStyles` (the tokens, colour scheme, `[hidden]`, box sizing, `.visually-hidden`) is a module of its own
 * so an element that needs no form rules (`<flexiti-promo>`, which must stay small) loads only this. It is two
 * sheets: `lineTokenStyles`, what one line of text with a button needs (the promo's own file carries only that),
 * and `moreTokenStyles`, the rest: the promo's dialog brings it when it loads. `lineTokenStyles` is in
 * line-token-styles.ts, so that the promo's file does not carry this module; the defaults are read from both.
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
  ${lineTokenStyles}
  ${moreTokenStyles}
`;
