import { css } from '@lit/reactive-element';

export const promoStyles = css`
  /*
   * One line reserved while the plans load (no layout shift). The default variant paints its own surface, so its
   * colours hold in both colour schemes; the text variant takes the page's font, colour and background.
   */
  :host {
    line-height: 1.5;
    min-height: 1lh;
  }
  :host(:state(empty)) {
    min-height: 0;
  }
  :host([variant='text']) {
    font: inherit;
    color: inherit;
    background: transparent;
    line-height: inherit;
  }
  .line {
    margin: 0;
    min-height: 1lh;
  }
  .learn-more {
    display: inline;
    min-height: 0;
    padding: 0 2px;
    margin: 0;
    border: 0;
    background: none;
    font: inherit;
    font-weight: 600;
    color: var(--_fx-primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .learn-more:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--_fx-focus);
  }
  :host([variant='text']) .learn-more {
    color: inherit;
    font-weight: inherit;
  }
`;
