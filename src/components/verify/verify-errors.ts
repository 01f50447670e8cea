import type { FlexitiApiError, VerifyFormat } from '../../model/index.js';

/** Why a method can no longer be chosen for this customer. */
export type LockReason = 'locked' | 'unavailable';

/** A field of the flow an error can be shown on. */
export type FieldSlot = 'format' | 'security_qid' | 'security_answer' | 'verification_code';

/** What to do about a failed `POST verify`: where the customer can act on it. */
export type VerifyErrorAction =
  | {
      do: 'field';
      step: 'choose' | 'question';
      slot: Exclude<FieldSlot, 'verification_code'>;
      /** `api`: the error's own text; `unavailable`: "we can't send a code to what is on file". */
      show: 'api' | 'unavailable';
      /** The method tried can no longer be chosen (shown with the reason). */
      lock?: LockReason;
      /** The method tried is taken off the list. */
      remove?: true;
    }
  /** A message for the whole step, with "Try again" when repeating may help. */
  | { do: 'notice'; retry: boolean };

/** What to do about a failed `POST purchase`. */
export type PurchaseErrorAction =
  /** Back to the code field: the code typed is wrong or missing. */
  | { do: 'code' }
  /** The code or the verification no longer counts: back to step 1 to verify again, by any method. */
  | { do: 'verify_again' }
  /** The answer couldn't be read but the request reached the store's server: maybe charged, never resend. */
  | { do: 'unconfirmed' }
  | { do: 'notice'; retry: boolean };

/** Repeating may help: the error says so, or nobody answered yet (a host still loading). */
const retryable = (error: FlexitiApiError): boolean => error.retryable || error.code === 'no_handler';

/** Routes a failed `POST verify` for `format` (docs/reliability.md §3.4). */
export function verifyErrorAction(error: FlexitiApiError, format: VerifyFormat): VerifyErrorAction {
  switch (error.code) {
    case 'secret_answer_mismatch':
      return { do: 'field', step: 'question', slot: 'security_answer', show: 'api' };
    case 'merchant_override_is_not_allowed':
    case 'method_not_allowed':
      return { do: 'field', step: 'choose', slot: 'format', show: 'api', remove: true };
    case 'tries_exceed':
      return { do: 'field', step: 'choose', slot: 'format', show: 'api', lock: 'locked' };
    case 'sms_not_valid_phone':
      return { do: 'field', step: 'choose', slot: 'format', show: 'api', lock: 'unavailable' };
    case 'wrong_input':
    case 'wrong_inputs':
      if (format === 'security_question' && (error.fields.security_answer || error.fields.security_qid)) {
        const slot = error.fields.security_answer ? 'security_answer' : 'security_qid';
        return { do: 'field', step: 'question', slot, show: 'api' };
      }
      if (
        (format === 'sms' || format === 'email') &&
        Object.keys(error.fields).every((name) => name === 'email' || name === 'phone_number')
      ) {
        // The seed answers a missing or invalid phone or email on file this way (`field_errors` email/phone).
        return { do: 'field', step: 'choose', slot: 'format', show: 'unavailable', lock: 'unavailable' };
      }
      break;
  }
  return { do: 'notice', retry: retryable(error) };
}

/** Routes a failed `POST purchase`; `withCode`: it carried a code the customer typed (SMS or email). */
export function purchaseErrorAction(error: FlexitiApiError, withCode: boolean): PurchaseErrorAction {
  if (withCode && (error.code === 'wrong_verification_code' || error.code === 'verification_code_required')) {
    return { do: 'code' };
  }
  if (error.code === 'verification_void' || error.code === 'verification_required') return { do: 'verify_again' };
  if (error.code === 'unreadable_answer') return { do: 'unconfirmed' };
  return { do: 'notice', retry: retryable(error) };
}
