import { css } from '@lit/reactive-element';

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
