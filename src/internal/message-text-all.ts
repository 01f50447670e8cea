import type { FieldMessage, MessageKey } from '../model/messages.js';
import type { Audience } from './audience.js';
import { errorMessageText } from './message-text-errors.js';
import { fieldText } from './message-texts.js';

export { errorText } from './message-text-errors.js';

/**
 * The text of a message key (`sin.checksum`, `api.piw_mismatch`…) with its parameters filled in, in the page's
 * language: the validation texts, else {@link errorMessageText}; every text at hand (the package's public
 * `messageText`; the elements' own loads the error texts on demand). Call it in `render()` (not once when the error
 * happens), so the text follows a change of language. `audience` (the element's `audience`) picks the words for
 * who is there: "ask a store employee" at a till, what the customer can do online.
 */
export function messageText(message: FieldMessage | MessageKey, audience: Audience = 'online'): string {
  return fieldText(message, audience) ?? errorMessageText(message, audience);
}
