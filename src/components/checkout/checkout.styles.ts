import { css } from 'lit';

/** `<flexiti-checkout>`'s own rules; tokens and form basics come from `baseStyles`, the heading from `stepStyles`. */
export const checkoutStyles = css`
  :host {
    max-width: var(--flexiti-checkout-max-width, 48em);
    padding: var(--flexiti-checkout-padding, 0);
  }
  section[hidden],
  [hidden] {
    display: none !important;
  }
  .progress {
    display: block;
    font-size: 0.8em;
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--_fx-muted);
    margin-block-end: 2px;
  }
  p {
    margin: 0 0 var(--_fx-space);
  }
  .amount {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
    margin-block-end: var(--_fx-space);
  }
  .choices {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: var(--_fx-space);
  }
  .choices button {
    width: 100%;
    text-align: start;
  }
  .choices .hint {
    display: block;
    margin-block-start: 4px;
  }
  dl.receipt {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: 6px var(--_fx-space);
    margin: 0 0 var(--_fx-space);
  }
  dl.receipt dt {
    font-weight: 600;
  }
  dl.receipt dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .chosen-plan {
    overflow-wrap: anywhere;
  }
  .ending a,
  [data-manage] a {
    color: var(--_fx-primary);
  }
  .status {
    min-height: 0;
  }
  @media (max-width: 360px) {
    dl.receipt {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
