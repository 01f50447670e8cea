/**
 * The sandbox's answers in Flexiti's own words (English, as the API sends them), and the `msg` words its
 * `field_errors` use. Not the elements' texts: those are the model's `messages.ts`.
 */
export const API_TEXT = {
  wrongInputs: 'Some inputs are wrong!',
  followingErrors: 'It has been following errors:',
  customerNotFound: 'Customer not found',
  accountNotFound: 'We’re sorry, account number can’t be found.',
  notActive:
    'Before proceeding with the purchase transaction, we need to activate your account. To activate your account or for more information visit my.flexiti.com.',
  notAbleToPurchase:
    'We’re sorry, we aren’t able to proceed with your request right now. If you were trying to process a transaction on an existing account, please call us at 1-877-259-3750. Otherwise, please check your internet connectivity or restart your device before trying again.',
  secretAnswerMismatch: 'The answer you provided did not match our records.',
  triesExceeded:
    'You have exceeded the number of attempts for this verification method. Please try again in 48 hours or use another method.',
  piwMismatch:
    'Please check the information you just entered. If the information is correct and you see this message again, please restart the Flexiti App or close and re-open your browser window. If this message continues to appear, please contact us at 1-877-259-3754 and we will be happy to assist you',
  noReturns:
    "<h1>There are no purchases available to return for this customer.</h1><p>If you’ve already processed a partial return and now want to return the remainder, please email service@flexitifinancial.com or call us at <strong class='no-break'>1-877-259-3754</strong></p>",
  notEnoughCredit: "We're sorry, there doesn't seem to be enough credit for this purchase amount.",
  authenticationFailure: 'Missing or wrong Merchant authentication parameters',
  tosRequired: 'You must read and agree to the terms and conditions to apply.',
  closeQuebecOnly: 'Only Quebec accounts can be closed through this endpoint.',
  apply: {
    application_declined: 'We’re sorry, we are unable to approve your application at this time.',
    application_declined_2: 'We’re sorry, we are unable to approve your application at this time.',
    application_declined_3: 'We’re sorry, we are unable to approve your application at this time.',
    application_marked_pending_1: 'Your application needs further review. We will contact you shortly.',
    application_marked_pending_2: 'Your application needs further review. Please have your identification ready.',
    customer_already_exists: 'It looks like you already have a Flexiti account.',
    application_create_error: 'There was an error creating the credit application.',
  } as Record<string, string>,
} as const;

/** The API's refusal of an account that is not active and normal, in its words. */
export function unusableText(reason: 'user_not_active' | 'user_not_able_to_purchase'): string {
  return reason === 'user_not_active' ? API_TEXT.notActive : API_TEXT.notAbleToPurchase;
}

/** A model validation key (`date.format`, `required`…) → the `msg` word Flexiti puts in `field_errors`. */
export function fieldErrorWord(key: string): string {
  if (key === 'required' || key === 'govid.incomplete') return 'required';
  if (key === 'text.too_long') return 'length';
  if (key === 'date.format' || key === 'date.invalid') return 'invalid_date_format';
  if (/\.(format|characters|checksum|number_format)$/.test(key)) return 'wrong format';
  return 'invalid';
}
