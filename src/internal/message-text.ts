import type { FieldMessage, MessageKey } from '../model/messages.js';
import type { Audience } from './audience.js';
import { errorMessageText } from './message-text-errors.js';
import { FIELD_MESSAGE_TEXTS } from './message-texts.js';

export { askForHelp, errorText } from './message-text-errors.js';

/**
 * The text of a message key (`sin.checksum`, `api.piw_mismatch`…) with its parameters filled in, in the page's
 * language. Call it in `render()` (not once when the error happens), so the text follows a change of language.
 * An unknown key gives "Check this field.", never the key itself. `audience` (the element's `audience`) picks the
 * words for who is there: "ask a store employee" at a till, what the customer can do online.
 */
export function messageText(message: FieldMessage | MessageKey, audience: Audience = 'online'): string {
  const { key, params = {} } = typeof message === 'string' ? { key: message } : message;
  return Object.hasOwn(FIELD_MESSAGE_TEXTS, key)
    ? FIELD_MESSAGE_TEXTS[key]!(params, audience)
    : errorMessageText(message, audience);
}
