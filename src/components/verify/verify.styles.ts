import { css } from 'lit';

/** `<flexiti-verify>`'s own rules; tokens and form basics come from `baseStyles`, the heading from `stepStyles`. */
export const verifyStyles = css`
  p {
    margin: 0 0 var(--_fx-space);
  }
  .option {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 10px;
    align-items: start;
    padding-block: 6px;
  }
  .option input {
    margin: 0.15em 0 0;
  }
  .option .hint {
    grid-column: 2;
  }
  .option input:disabled + label {
    color: var(--_fx-muted);
  }
  .secret {
    display: flex;
    gap: 8px;
    align-items: stretch;
  }
  .secret input {
    flex: 1 1 auto;
    min-width: 0;
  }
  .secret button {
    flex: 0 0 auto;
  }
  #verification_code {
    max-width: 14em;
    letter-spacing: 0.15em;
    font-variant-numeric: tabular-nums;
  }
  .resend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px var(--_fx-space);
    margin-block-start: var(--_fx-space);
  }
  .notice p:last-child {
    margin-block-end: 0;
  }
  .verified h2 {
    color: var(--_fx-success);
  }
  .status:empty {
    display: none;
  }
  .status {
    color: var(--_fx-muted);
    margin-block-start: var(--_fx-space);
  }
`;
