import { css } from 'lit';

/** `<flexiti-lookup>`'s own rules; tokens and form basics come from `baseStyles`, the heading from `stepStyles`. */
export const lookupStyles = css`
  p {
    margin: 0;
  }
  .by {
    display: flex;
    flex-wrap: wrap;
    gap: 4px var(--_fx-space);
  }
  .option {
    display: inline-flex;
    align-items: center;
    gap: 10px;
    min-height: 2.75em;
  }
  .option input {
    margin: 0;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
    column-gap: var(--_fx-space);
  }
  #vcc_number {
    max-width: 22em;
    font-variant-numeric: tabular-nums;
  }
  #dob,
  #postal_code {
    max-width: 14em;
  }
  .status:empty {
    display: none;
  }
  .status {
    color: var(--_fx-muted);
    margin-block-start: var(--_fx-space);
  }
`;
