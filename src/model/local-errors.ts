/**
 * Errors on our side of the API (no response, an unreadable one, nobody answering) and the error's shape: what
 * every element needs at once. Reading the API's error bodies (errors.ts) and the catalogue load with the texts.
 */
import type { CatalogueEntry, ErrorType } from './error-catalogue.js';
import { stripMarkup } from './markup.js';
import type { FieldMessage } from './messages.js';

export interface FlexitiApiError {
  type: ErrorType;
  /** The API's error code as sent (`secret_answer_mismatch`, Finix `DECLINED`…), or a local code. */
  code: string;
  /** The HTTP status, when there was a response. */
  status?: number;
  /** Messages for our field names (security_answer, piw, tos_agreement, verification_code, sin, …). */
  fields: Record<string, FieldMessage>;
  /** API parameters that name none of our fields (shown in the form-level summary). */
  otherFields: string[];
  retryable: boolean;
  /** Finix's request id, for support. */
  logref?: string;
  /** The API's message as plain text (markup stripped, entities decoded), or ''. */
  message: string;
  /**
   * For a 429: how many seconds to wait before trying again, from the body's `retry_after` or the
   * `Retry-After` header (see {@link parseRetryAfter}); `errorText` says it in words.
   */
  retryAfter?: number;
}

/**
 * The codes of errors on our side of the API, with what they are: the catalogue's local entries, kept apart so
 * an element can make one without loading the catalogue (its API error texts load on demand).
 */
export const LOCAL_ERRORS = {
  network_error: { type: 'network', retryable: true },
  timeout: { type: 'network', retryable: true },
  invalid_response: { type: 'server', retryable: true },
  // The host page's answer can't be read (a Response whose body it already read, a wrong type): a setup error,
  // never retried, since the request reached the server and may have taken effect.
  unreadable_answer: { type: 'implementation', retryable: false },
  no_handler: { type: 'implementation', retryable: false },
  unknown: { type: 'server', retryable: true },
} as const satisfies Record<string, CatalogueEntry>;

export type LocalErrorCode = keyof typeof LOCAL_ERRORS;

/** An error that happened on our side of the API (no response, an unreadable one, nobody answering). */
export function localError(code: LocalErrorCode, message = ''): FlexitiApiError {
  const entry = LOCAL_ERRORS[code];
  return {
    type: entry.type,
    code,
    fields: {},
    otherFields: [],
    retryable: entry.retryable,
    message: message ? stripMarkup(message) : '',
  };
}

export { isApiError } from './is-api-error.js';
