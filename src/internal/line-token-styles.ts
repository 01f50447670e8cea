import { css } from '@lit/reactive-element';

// Part of the design tokens documented in token-styles.ts (`tokenStyles` is this and `moreTokenStyles`). A module
// of its own so that `<flexiti-promo>`'s file carries only these; its dialog brings the rest when it loads.

/** The tokens one line of text with a link-like button needs: accent, text, surface, focus ring, font. */
export const lineTokenStyles = css`
  :host {
    --_fx-primary: var(--flexiti-color-primary, #0b5cad);
    --_fx-text: var(--flexiti-color-text, #1b1f24);
    --_fx-surface: var(--flexiti-color-surface, #ffffff);
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
      --_fx-text: var(--flexiti-color-text, #eef1f4);
      --_fx-surface: var(--flexiti-color-surface, #15191e);
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
`;
