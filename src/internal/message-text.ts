import type { FieldMessage, MessageKey } from '../model/messages.js';
import type { Audience } from './audience.js';
import { errorMessageText } from './error-texts.js';
import { fieldText } from './message-texts.js';

export { errorText } from './error-texts.js';
export { askForHelp } from './message-texts-errors.js';

/**
 * What elements show a message key with (`sin.checksum`, `api.piw_mismatch`…): the validation texts, else the
 * error texts, which load on demand (error-texts.ts). Call it in `render()`, so the text follows a change of
 * language. An unknown key gives "Check this field.", never the key itself.
 */
export function messageText(message: FieldMessage | MessageKey, audience: Audience = 'online'): string {
  return fieldText(message, audience) ?? errorMessageText(message, audience);
}
