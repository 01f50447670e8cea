/**
 * Message keys. Validators and the error reader return keys and parameters, never text: the elements turn a key
 * into text with `msg()` in the page's language (src/internal/message-texts.ts), and the XLIFF holds the French.
 */
export { LOCALES, type Locale } from './locale.js';

/** A message key, e.g. 'required', 'sin.checksum', 'postal.province', 'api.secret_answer_mismatch'. */
export type MessageKey = string;

/** A message for one field: a key and the values its text interpolates (`max`, `age`…). */
export interface FieldMessage {
  key: MessageKey;
  params?: Record<string, string | number>;
}
