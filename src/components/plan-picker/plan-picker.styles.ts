import { css } from 'lit';

export const planPickerStyles = css`
  .picker > legend {
    font-size: 1.125em;
    margin-block-end: calc(var(--_fx-space) / 2);
    padding: 0;
  }
  .group {
    margin-block-end: var(--_fx-space);
  }
  .group > legend {
    color: var(--_fx-muted);
    font-size: 0.875em;
    text-transform: none;
    padding: 0;
    margin-block-end: 4px;
  }
  .option {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 4px 0.625em;
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    margin-block-end: 6px;
    border: 1px solid var(--_fx-border);
    border-radius: var(--_fx-radius);
    cursor: pointer;
    font-weight: 400;
  }
  .option:has(input:checked) {
    border-color: var(--_fx-primary);
    box-shadow: inset 0 0 0 1px var(--_fx-primary);
  }
  .option:has(input:disabled) {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .option input {
    margin: 0;
    flex: none;
  }
  .option-text {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 0.625em;
    flex: 1 1 12em;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .plan-name {
    font-weight: 600;
  }
  .plan-terms {
    color: var(--_fx-muted);
  }
  .terms {
    margin: 0 0 var(--_fx-space) 0;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_fx-primary);
  }
  .terms > legend {
    font-size: 0.9375em;
    padding: 0;
    margin-block-end: 4px;
  }
  .terms .hint {
    margin: 0 0 6px 0;
  }
  .term-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11em, 1fr));
    gap: 0 6px;
  }
  .estimate {
    font-variant-numeric: tabular-nums;
    color: var(--_fx-text);
  }
  .notice {
    margin-block: 0 var(--_fx-space);
  }
  .notice:empty,
  .notice.live:empty {
    display: none;
  }
  .error-notice {
    color: var(--_fx-error);
    font-weight: 600;
  }
  .error {
    margin: 0 0 var(--_fx-space) 0;
  }
`;
