import { css } from 'lit';

/** `<flexiti-lookup>`'s own rules; tokens and form basics come from `baseStyles`. */
export const lookupStyles = css`
  h2 {
    font-size: 1.25em;
    line-height: 1.3;
    margin: 0 0 var(--_fx-space);
  }
  h2:focus,
  .notice:focus {
    outline: none;
  }
  h2:focus-visible,
  .notice:focus-visible {
    box-shadow: var(--_fx-focus);
  }
  p {
    margin: 0;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 var(--_fx-space);
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 8px;
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
