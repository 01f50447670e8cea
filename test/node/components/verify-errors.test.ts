import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { localError, readApiError, type FlexitiApiError } from '../../../src/model/index.js';
import { purchaseErrorAction, verifyErrorAction } from '../../../src/components/verify/verify-errors.js';

/** A Flexiti 409 body as the POS API sends it, read by the model as the element gets it. */
const api = (code: string, fieldErrors?: { param: string; msg: string }[], status = 409): FlexitiApiError =>
  readApiError(status, { error: code, ...(fieldErrors ? { field_errors: fieldErrors } : {}) });

/** The message on step 1's list of methods, and what becomes of the method. */
const onMethodList = (show: 'api' | 'unavailable', method: { remove: true } | { lock: 'locked' | 'unavailable' }) => ({
  do: 'field',
  step: 'choose',
  slot: 'format',
  show,
  ...method,
});

/** The API's message on a field of the security-question step. */
const onQuestionStep = (slot: 'security_answer' | 'security_qid') => ({
  do: 'field',
  step: 'question',
  slot,
  show: 'api',
});

describe('verify error routing: a failed POST verify', () => {
  test('a wrong security answer goes back to the answer field', () => {
    assert.deepEqual(
      verifyErrorAction(api('secret_answer_mismatch'), 'security_question'),
      onQuestionStep('security_answer'),
    );
  });

  test('an override the merchant may not use takes the method off the list', () => {
    assert.deepEqual(
      verifyErrorAction(api('merchant_override_is_not_allowed'), 'merchant_override'),
      onMethodList('api', { remove: true }),
    );
  });

  test('a method the server refuses for this customer is taken off the list', () => {
    assert.deepEqual(verifyErrorAction(api('method_not_allowed'), 'email'), onMethodList('api', { remove: true }));
  });

  test('too many tries locks the method', () => {
    assert.deepEqual(
      verifyErrorAction(api('tries_exceed'), 'security_question'),
      onMethodList('api', { lock: 'locked' }),
    );
  });

  test('a phone that cannot take text messages makes SMS unavailable', () => {
    assert.deepEqual(
      verifyErrorAction(api('sms_not_valid_phone'), 'sms'),
      onMethodList('api', { lock: 'unavailable' }),
    );
  });

  test('wrong_input naming the phone on file makes SMS unavailable, with its own words', () => {
    const error = api('wrong_input', [{ param: 'phone_number', msg: 'invalid' }]);
    assert.deepEqual(verifyErrorAction(error, 'sms'), onMethodList('unavailable', { lock: 'unavailable' }));
  });

  test('wrong_inputs naming the email on file makes email unavailable', () => {
    const error = api('wrong_inputs', [{ param: 'email', msg: 'invalid' }]);
    assert.deepEqual(verifyErrorAction(error, 'email'), onMethodList('unavailable', { lock: 'unavailable' }));
  });

  test('wrong_input naming the answer goes to the answer field, naming only the question to the questions', () => {
    const answer = api('wrong_input', [{ param: 'security_answer', msg: 'required' }]);
    assert.deepEqual(verifyErrorAction(answer, 'security_question'), onQuestionStep('security_answer'));
    const question = api('wrong_input', [{ param: 'security_qid', msg: 'invalid' }]);
    assert.deepEqual(verifyErrorAction(question, 'security_question'), onQuestionStep('security_qid'));
  });

  test('wrong_input naming no field, or another field, is a notice for the step', () => {
    assert.deepEqual(verifyErrorAction(api('wrong_input'), 'security_question'), { do: 'notice', retry: false });
    const other = api('wrong_input', [{ param: 'amount', msg: 'invalid' }]);
    assert.deepEqual(verifyErrorAction(other, 'sms'), { do: 'notice', retry: false });
  });

  test('a network failure, a timeout and a 5xx are a notice with Try again', () => {
    assert.deepEqual(verifyErrorAction(localError('network_error'), 'sms'), { do: 'notice', retry: true });
    assert.deepEqual(verifyErrorAction(localError('timeout'), 'email'), { do: 'notice', retry: true });
    assert.deepEqual(verifyErrorAction(readApiError(503, 'Service Unavailable'), 'sms'), {
      do: 'notice',
      retry: true,
    });
  });

  test('nobody answering (a host still loading) is a notice with Try again', () => {
    assert.deepEqual(verifyErrorAction(localError('no_handler'), 'security_question'), { do: 'notice', retry: true });
  });

  test('an expired checkout is a notice without Try again', () => {
    assert.deepEqual(verifyErrorAction(api('checkout_expired', undefined, 410), 'sms'), {
      do: 'notice',
      retry: false,
    });
  });
});

describe('verify error routing: a failed POST purchase', () => {
  test('a wrong or missing code goes back to the code field when a code was sent', () => {
    assert.deepEqual(purchaseErrorAction(api('wrong_verification_code'), true), { do: 'code' });
    assert.deepEqual(purchaseErrorAction(api('verification_code_required'), true), { do: 'code' });
  });

  test('without a code typed (security question, override), a code error is a notice', () => {
    assert.equal(purchaseErrorAction(api('wrong_verification_code'), false).do, 'notice');
  });

  test('a void code or a verification that no longer counts: verify again', () => {
    assert.deepEqual(purchaseErrorAction(api('verification_void'), true), { do: 'verify_again' });
    assert.deepEqual(purchaseErrorAction(api('verification_required'), false), { do: 'verify_again' });
  });

  test('an answer that could not be read: maybe charged, never resent', () => {
    assert.deepEqual(purchaseErrorAction(localError('unreadable_answer'), true), { do: 'unconfirmed' });
  });

  test('an unreadable receipt may be asked for again (the checkout answers a repeat with the same receipt)', () => {
    assert.deepEqual(purchaseErrorAction(localError('invalid_response'), false), { do: 'notice', retry: true });
  });

  test('not enough credit is a notice without Try again; a network failure one with it', () => {
    assert.deepEqual(purchaseErrorAction(api('not_enough_credit'), true), { do: 'notice', retry: false });
    assert.deepEqual(purchaseErrorAction(localError('network_error'), true), { do: 'notice', retry: true });
  });
});
