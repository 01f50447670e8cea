/**
 * The API error catalogue's customer-facing texts (`api.<code>` keys), through `msg()` like every other string.
 * They load with the error reader the first time an element may show an API error (error-texts.ts), so a page
 * downloads them only then.
 */
import { msg } from '@lit/localize';
import { withHelp, type Text } from './message-texts-errors.js';

const storeAuth = withHelp(() => msg('The store could not connect to Flexiti.', { id: 'api.store_auth' }));
const applicationDeclined = () =>
  msg("We're sorry, we can't approve your application at this time.", { id: 'api.application_declined' });
const applicationPending = () =>
  msg('Your application needs a closer look. Flexiti will contact you with a decision soon.', {
    id: 'api.application_pending',
  });
const wrongInput = () =>
  msg("Some information isn't valid. Check the highlighted fields and try again.", { id: 'api.wrong_input' });
const planTermNotAvailable = () =>
  msg("This plan or term isn't available for this purchase. Choose another one.", {
    id: 'api.plan_term_not_available',
  });
const serverError = () =>
  msg('Something went wrong at Flexiti. Please try again in a moment.', { id: 'api.server_error' });
const badRequest = withHelp(() => msg("The request couldn't be read.", { id: 'api.bad_request' }));
const cardDeclined = () =>
  msg("We're sorry, this payment was declined. Please contact your card issuer or use another payment method.", {
    id: 'api.card_declined',
  });
const notSupported = withHelp(() => msg("This request isn't supported.", { id: 'api.not_supported' }));

/** The API error catalogue's text, by code as the catalogue spells it (`api.<code>` message keys). */
export const API_TEXTS: Readonly<Record<string, Text>> = {
  invalid_token: storeAuth,
  invalid_credentials: storeAuth,
  invalid_client: storeAuth,
  invalid_request: storeAuth,
  unauthorized: storeAuth,
  authentication_failure: storeAuth,
  insufficient_scope: storeAuth,
  UNKNOWN: storeAuth,
  FORBIDDEN: storeAuth,
  invalid_role: withHelp(() =>
    msg("This store's Flexiti account isn't set up for this service.", { id: 'api.invalid_role' }),
  ),
  external_location_id_not_found: withHelp(() =>
    msg("This store location isn't registered with Flexiti.", { id: 'api.external_location_id_not_found' }),
  ),
  account_type_not_permitted: withHelp(() =>
    msg("This store can't accept this type of Flexiti account.", { id: 'api.account_type_not_permitted' }),
  ),
  auth_not_allowed: withHelp(() =>
    msg("This store isn't set up to pre-authorize purchases.", { id: 'api.auth_not_allowed' }),
  ),
  plan_term_not_set: withHelp(() =>
    msg("This financing option isn't set up for this store.", { id: 'api.plan_term_not_set' }),
  ),
  invalid_transaction_type: withHelp(() =>
    msg("This type of transaction isn't available.", { id: 'api.invalid_transaction_type' }),
  ),
  merchant_override_is_not_allowed: () =>
    msg("This store can't verify customers with a store override. Choose another way to verify.", {
      id: 'api.merchant_override_is_not_allowed',
    }),
  tos_agreement_required: () =>
    msg('To apply, you must agree to the terms and conditions.', { id: 'api.tos_agreement_required' }),
  customer_already_exists: () =>
    msg('You already have a Flexiti account. You can use it for this purchase.', { id: 'api.customer_already_exists' }),
  application_declined: applicationDeclined,
  application_declined_2: applicationDeclined,
  application_declined_3: applicationDeclined,
  application_marked_pending_1: applicationPending,
  application_marked_pending_2: applicationPending,
  creditapp_id_not_found: () =>
    msg("We couldn't find this credit application. Please start a new application.", {
      id: 'api.creditapp_id_not_found',
    }),
  // Looking up the account says whether it was opened: at a till the employee does it, online the customer.
  application_create_error: (_params, audience) =>
    audience === 'in_store'
      ? msg(
          "We couldn't confirm whether your application went through. Before applying again, ask a store employee to look up your account.",
          { id: 'api.application_create_error' },
        )
      : msg(
          "We couldn't confirm whether your application went through. Before applying again, look up your account as an existing Flexiti customer.",
          { id: 'api.application_create_error_online' },
        ),
  not_found: () =>
    msg("We couldn't find a Flexiti account with this information. Check it and try again.", { id: 'api.not_found' }),
  invalid_account: () =>
    msg("We couldn't find this account. Check the account number and try again.", { id: 'api.invalid_account' }),
  customer_identity_not_found: () =>
    msg("We couldn't confirm the identity. Please verify again.", {
      id: 'api.customer_identity_not_found',
    }),
  no_returns_found: () =>
    msg(
      'There are no purchases available to return for this customer. If you already processed a partial return, contact Flexiti at 1-877-259-3754.',
      { id: 'api.no_returns_found' },
    ),
  user_not_active: () =>
    msg('Your account must be activated before you can make a purchase. To activate it, visit my.flexiti.com.', {
      id: 'api.user_not_active',
    }),
  user_not_able_to_purchase: () =>
    msg("We're sorry, this account can't be used for purchases right now. Please call Flexiti at 1-877-259-3750.", {
      id: 'api.user_not_able_to_purchase',
    }),
  user_not_able_to_preaut: () =>
    msg(
      "We're sorry, this account can't be used to authorize a purchase right now. Please call Flexiti at 1-877-259-3750.",
      { id: 'api.user_not_able_to_preaut' },
    ),
  secret_answer_mismatch: () =>
    msg("This answer doesn't match our records. Try again, or choose another way to verify.", {
      id: 'api.secret_answer_mismatch',
    }),
  piw_mismatch: () =>
    msg("This personal identification word doesn't match our records. Try again, or choose another way to verify.", {
      id: 'api.piw_mismatch',
    }),
  tries_exceed: () =>
    msg(
      'Too many incorrect attempts. For your security, this method is locked for now. Get a code by text message or email instead.',
      { id: 'api.tries_exceed' },
    ),
  sms_not_valid_phone: () =>
    msg("We can't send a text message to the phone number on file. Get the code by email instead.", {
      id: 'api.sms_not_valid_phone',
    }),
  wrong_verification_code: () =>
    msg('This code is incorrect. Check it and try again.', { id: 'api.wrong_verification_code' }),
  verification_code_required: () => msg('Enter the verification code.', { id: 'api.verification_code_required' }),
  not_verified: () => msg('The verification is no longer valid. Please verify again.', { id: 'api.not_verified' }),
  "Driver License's not supported": () =>
    msg("This driver's licence can't be read. Enter your information by hand instead.", {
      id: 'api.driver_licenses_not_supported',
    }),
  vcc_account_mismatch: () =>
    msg("This card number doesn't belong to this account. Check the card number.", { id: 'api.vcc_account_mismatch' }),
  wrong_input: wrongInput,
  wrong_inputs: wrongInput,
  INVALID_FIELD: wrongInput,
  not_enough_credit: () =>
    msg("There isn't enough available credit for this purchase amount. Try a smaller amount.", {
      id: 'api.not_enough_credit',
    }),
  credit_exceeded: () =>
    msg('This amount, with interest, is more than the available credit. Try a smaller amount.', {
      id: 'api.credit_exceeded',
    }),
  limit_payment_amount_24: () =>
    msg('Payments on this account are limited to $10,000 per day. Try a smaller amount, or try again tomorrow.', {
      id: 'api.limit_payment_amount_24',
    }),
  refunds_limit_exceeded_amount: () =>
    msg('This refund is more than the amount that can be refunded on this account.', {
      id: 'api.refunds_limit_exceeded_amount',
    }),
  plan_term_not_available: planTermNotAvailable,
  plan_not_offered: planTermNotAvailable,
  general_error: serverError,
  UPSTREAM_PROCESSOR_ERROR: serverError,
  SERVER_ERROR: serverError,
  BAD_REQUEST: badRequest,
  bad_request: badRequest,
  DECLINED: cardDeclined,
  GENERIC_DECLINE: cardDeclined,
  NOT_FOUND: () => msg("We couldn't find what you were looking for.", { id: 'api.finix_not_found' }),
  METHOD_NOT_ALLOWED: notSupported,
  NOT_ACCEPTABLE: notSupported,
  CONFLICT: () =>
    msg("This request can't be completed in its current state. Please try again later.", { id: 'api.conflict' }),
  UNPROCESSABLE_ENTITY: () =>
    msg("This request couldn't be completed. Please try again later.", { id: 'api.unprocessable_entity' }),
  TOO_MANY_REQUESTS: () => msg('Too many attempts. Wait a moment, then try again.', { id: 'api.too_many_requests' }),
  checkout_required: withHelp(() =>
    msg("This payment page isn't linked to a checkout.", { id: 'api.checkout_required' }),
  ),
  checkout_not_found: () =>
    msg("We couldn't find this checkout. Reload the page to start again.", { id: 'api.checkout_not_found' }),
  checkout_expired: () =>
    msg('This checkout has expired. Please start again from your cart.', { id: 'api.checkout_expired' }),
  origin_not_allowed: withHelp(() =>
    msg("This page isn't allowed to use this store's Flexiti checkout.", { id: 'api.origin_not_allowed' }),
  ),
  method_not_allowed: () =>
    msg("This way to verify isn't available here. Choose another way to verify.", { id: 'api.method_not_allowed' }),
  customer_not_bound: () =>
    msg('We need to find your Flexiti account first. Go back a step and try again.', { id: 'api.customer_not_bound' }),
  verification_required: () =>
    msg('Please verify your identity before completing the purchase.', { id: 'api.verification_required' }),
  checkout_completed: () =>
    msg('This purchase is already complete. There is nothing more to do.', { id: 'api.checkout_completed' }),
  not_closable: () =>
    msg("This account can't be cancelled here. Please call Flexiti at 1-877-259-3750.", { id: 'api.not_closable' }),
  verification_void: () =>
    msg('After too many incorrect codes, this code no longer works. Verify again to get a new code.', {
      id: 'api.verification_void',
    }),
  already_applied: () =>
    msg(
      'This checkout is already for a new Flexiti account. Continue with that account, or start again from your cart.',
      { id: 'api.already_applied' },
    ),
  purchase_in_progress: () =>
    msg("Your purchase is still being processed. Wait a moment, then try again: it won't be charged twice.", {
      id: 'api.purchase_in_progress',
    }),
  payload_too_large: withHelp(() => msg('The request is too large.', { id: 'api.payload_too_large' })),
  too_many_attempts: () =>
    msg('Too many attempts. Wait a moment, then try again. What you entered is still here.', {
      id: 'api.too_many_attempts',
    }),
  network_error: () =>
    msg("We couldn't connect. Your information is still here: check your internet connection, then try again.", {
      id: 'api.network_error',
    }),
  timeout: () =>
    msg('This is taking too long. Your information is still here. Check your connection, then try again.', {
      id: 'api.timeout',
    }),
  invalid_response: () =>
    msg('We received an unexpected answer. Please try again in a moment.', { id: 'api.invalid_response' }),
  unreadable_answer: () => msg("We couldn't read the store's answer.", { id: 'api.unreadable_answer' }),
  no_handler: withHelp(() => msg("This form isn't connected to the store's system yet.", { id: 'api.no_handler' })),
  unknown: () => msg('Something went wrong. Please try again in a moment.', { id: 'api.unknown' }),
};
