/**
 * Every event the elements dispatch (the events of custom-elements.json), and the form events a field fires:
 * the tests that listen to everything a page could see (PII never in an event) listen to these and to every
 * standard event type.
 */
export const ELEMENT_EVENT_TYPES: readonly string[] = [
  'flexiti-apply-request',
  'flexiti-close-account-request',
  'flexiti-license-request',
  'flexiti-verify-request',
  'flexiti-terms-request',
  'flexiti-result',
  'flexiti-error',
  'flexiti-verified',
  'flexiti-lookup-request',
  'flexiti-lookup-result',
  'flexiti-purchase-request',
  'flexiti-purchase-result',
  'flexiti-checkout-request',
  'flexiti-form-values-request',
  'flexiti-checkout-step',
  'flexiti-checkout-complete',
  'change',
  'input',
];
