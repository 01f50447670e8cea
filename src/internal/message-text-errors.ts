import { catalogueKey } from '../model/error-catalogue.js';
import { errorMessageKey, formatWait, readApiError, type FlexitiApiError } from '../model/errors.js';
import { isApiError } from '../model/local-errors.js';
import type { FieldMessage, MessageKey } from '../model/messages.js';
import { API_TEXTS } from './api-texts.js';
import type { Audience } from './audience.js';
import { renderedLocale } from './locale.js';
import { generalText } from './message-texts-errors.js';

/**
 * The text of a key an error is shown with (`api.piw_mismatch`, `error.server`…), like `messageText` but without
 * the validation texts. Any other key gives "Check this field.", never the key itself.
 */
export function errorMessageText(message: FieldMessage | MessageKey, audience: Audience = 'online'): string {
  const { key, params = {} } = typeof message === 'string' ? { key: message } : message;
  const code = key.startsWith('api.') ? catalogueKey(key.slice(4)) : undefined;
  const text = code !== undefined && Object.hasOwn(API_TEXTS, code) ? API_TEXTS[code]! : generalText(key);
  return text(params, audience);
}

/**
 * Customer-facing text for an error: the catalogue's text for its code, else the API's plain message, else a
 * generic text for its type; with parameters that name none of our fields listed after it. A rate limit with a
 * known wait says how long: "Too many attempts. Wait 2 minutes, then try again. …".
 */
export function errorText(error: FlexitiApiError, audience: Audience = 'online'): string {
  if (error.type === 'rate_limited' && error.retryAfter !== undefined && error.retryAfter > 0) {
    return errorMessageText({
      key: 'rate_limited.wait',
      params: { wait: formatWait(error.retryAfter, renderedLocale()) },
    });
  }
  const key = errorMessageKey(error);
  // A message that is only a code (`merchant_override_is_not_allowed`, `not_found`) is not text for a person.
  const readable = error.message !== '' && !/^[\w.]+$/.test(error.message);
  const text = key.startsWith('api.') || !readable ? errorMessageText(key, audience) : error.message;
  if (error.otherFields.length === 0) return text;
  return `${text} ${errorMessageText({ key: 'error.other_fields', params: { fields: error.otherFields.join(', ') } })}`;
}

/**
 * An error a host hands an element (`<flexiti-plan-picker>`'s `error`): a read error as it is, a bare code
 * (`'not_enough_credit'`) or an error body read like the API's; nothing (null, '') is no error.
 */
export function readErrorInput(input: unknown): FlexitiApiError | null {
  if (input === null || input === undefined || input === '') return null;
  if (isApiError(input)) return input;
  return readApiError(undefined, typeof input === 'string' ? { error: input } : input);
}
