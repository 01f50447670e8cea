/**
 * Answers in the contract's shape (docs/checkout-sessions.md) that the browser tests share: the plans offered and
 * an approval as the handler returns it (no card number, account number or customer id).
 */

export const OFFERS = [
  {
    plan_id: '5',
    plan_name: 'Equal Payments, No Interest',
    offer_category: 'equal_billing',
    term_options: [6, 10, 12],
  },
  {
    plan_id: '1',
    plan_name: '90 Days Grace, Equal Payments Regular Interest',
    offer_category: 'equal_billing',
    term_options: [12, 24],
  },
];

export const APPROVAL = {
  status: 'approved',
  available_credit: 5000,
  credit_limit: 5000,
  offer_types: OFFERS,
  card_last4: '4242',
  closable: false,
};
