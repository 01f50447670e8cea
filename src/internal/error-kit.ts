/**
 * What an element loads the first time it may show an API error: the error reader, the catalogue and their
 * texts (about a third of the shared code). error-texts.ts loads it; nothing imports it statically.
 */
export { errorMessageText, errorText, readErrorInput } from './message-text-errors.js';
export { parseRetryAfter, readApiError } from '../model/errors.js';
