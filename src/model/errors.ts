/**
 * Reads every error body shape the seeds show into one typed error and its message key (the elements say it).
 * API text may contain HTML (seed 003's `no_returns_found`), so `message` is always plain text; field errors
 * never keep `value` (it can echo a SIN).
 */
import {
  ERROR_CATALOGUE,
  ERROR_TYPES,
  catalogueEntry,
  catalogueKey,
  type CatalogueEntry,
  type ErrorType,
} from './error-catalogue.js';
import { fieldName } from './fields.js';
import { parseJson } from './json.js';
import { localError, type FlexitiApiError, type LocalErrorCode } from './local-errors.js';
import { stripMarkup } from './markup.js';
import type { FieldMessage, Locale, MessageKey } from './messages.js';

export type { CatalogueEntry, ErrorType, FlexitiApiError, LocalErrorCode };
export { ERROR_CATALOGUE, ERROR_TYPES, catalogueEntry, fieldName, localError, stripMarkup };

type Body = Record<string, unknown>;
const isRecord = (value: unknown): value is Body =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Reads an error response: `{url, message, error, field_errors|error_fields}`, `{code, error, error_description}`,
 * OAuth errors, Finix's `{total, _embedded:{errors:[…]}}`, a JSON string, non-JSON text, or nothing. The body's
 * code outranks the HTTP status (a 409 whose body says `code: 404, error: not_found` is not_found).
 */
export function readApiError(status: number | undefined, body: unknown): FlexitiApiError {
  const parsed = parseBody(body);
  if (isRecord(parsed) && isRecord(parsed._embedded) && Array.isArray(parsed._embedded.errors)) {
    return readFinix(status, parsed._embedded.errors);
  }
  if (isRecord(parsed)) return readFlexiti(status, parsed);
  // A plain-text body: keep a short sentence; an HTML page (a proxy's error page) says nothing useful.
  const text = typeof parsed === 'string' && !/[<>]/.test(parsed) && parsed.trim().length <= 200 ? parsed : '';
  return build(status, '', undefined, { message: text });
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  const trimmed = body.trim();
  if (!/^[{[]/.test(trimmed)) return trimmed;
  const parsed = parseJson(trimmed);
  return parsed.ok ? parsed.value : '';
}

function readFlexiti(status: number | undefined, body: Body): FlexitiApiError {
  // `error` is usually the code; some services nest `{error: {code, message}}`.
  const nested = isRecord(body.error) ? body.error : undefined;
  const code = (str(nested?.code) ?? str(body.error) ?? '').trim();
  const bodyStatus = httpStatus(body.code) ?? httpStatus(body.status);
  const message = str(nested?.message) ?? str(body.message) ?? str(body.error_description) ?? '';
  const fieldErrors = [body.field_errors, body.error_fields].find(Array.isArray) as unknown[] | undefined;
  const fields: Record<string, FieldMessage> = {};
  const otherFields: string[] = [];
  for (const item of fieldErrors ?? []) {
    if (!isRecord(item)) continue;
    const name = fieldName(item.param);
    if (name) fields[name] ??= { key: fieldMessageKey(item.msg) };
    else if (typeof item.param === 'string')
      otherFields.push(
        `${plainParam(item.param.split('.').pop()!)}${typeof item.msg === 'string' ? ` (${plainParam(item.msg)})` : ''}`,
      );
  }
  const error = build(status, code, bodyStatus, { message, fields, otherFields });
  const retryAfter = seconds(body.retry_after);
  if (retryAfter !== undefined) error.retryAfter = retryAfter;
  return error;
}

/** A non-negative whole number of seconds (a number or a numeric string), else undefined. */
function seconds(value: unknown): number | undefined {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isFinite(number) && number >= 0 && number <= 31_536_000 ? Math.ceil(number) : undefined;
}

/**
 * Reads an HTTP `Retry-After` header: delta-seconds (`120`) or an HTTP date, as seconds from `now`.
 * Unreadable or absent: undefined.
 */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const delta = seconds(header);
  if (delta !== undefined) return delta;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * A wait in words for the locale, rounded up to a unit a person reads: `45 seconds`, `2 minutes`, `1 hour`
 * (`45 secondes`, `2 minutes`, `1 heure`).
 */
export function formatWait(totalSeconds: number, locale: Locale): string {
  const secondsLeft = Math.max(1, Math.ceil(totalSeconds));
  const [value, unit] =
    secondsLeft < 60
      ? [secondsLeft, 'second']
      : secondsLeft < 90 * 60
        ? [Math.ceil(secondsLeft / 60), 'minute']
        : [Math.ceil(secondsLeft / 3600), 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

function readFinix(status: number | undefined, errors: unknown[]): FlexitiApiError {
  const records = errors.filter(isRecord);
  const first = records[0] ?? {};
  // For declines Finix deprecates `code` in favour of `failure_code`.
  const code = (str(first.failure_code) ?? str(first.code) ?? '').trim();
  const message = str(first.failure_message) ?? str(first.message) ?? '';
  const fields: Record<string, FieldMessage> = {};
  const otherFields: string[] = [];
  for (const error of records) {
    if (typeof error.field !== 'string') continue;
    const name = fieldName(error.field);
    if (name) fields[name] ??= { key: 'field.invalid' };
    else otherFields.push(plainParam(error.field));
  }
  return build(status, code, undefined, { message, fields, otherFields, logref: str(first.logref) });
}

function build(
  status: number | undefined,
  code: string,
  bodyStatus: number | undefined,
  parts: { message: string; fields?: Record<string, FieldMessage>; otherFields?: string[]; logref?: string },
): FlexitiApiError {
  const key = code ? catalogueKey(code) : undefined;
  const entry = key !== undefined ? ERROR_CATALOGUE[key] : undefined;
  const fields = { ...parts.fields };
  // The code names the problem more precisely than a generic `field_errors` msg (`invalid`) for the same field.
  if (entry?.field) fields[entry.field] = { key: `api.${key}` };
  const otherFields = parts.otherFields ?? [];
  const effectiveStatus = bodyStatus ?? status;
  const hasFieldErrors = Object.keys(fields).length > 0 || otherFields.length > 0;
  const type = entry?.type ?? (hasFieldErrors ? 'validation' : typeFromStatus(effectiveStatus));
  const error: FlexitiApiError = {
    type,
    code: code || 'unknown',
    fields,
    otherFields,
    retryable: entry?.retryable ?? (effectiveStatus === undefined || effectiveStatus === 429 || effectiveStatus >= 500),
    message: stripMarkup(parts.message),
  };
  if (status !== undefined) error.status = status;
  if (parts.logref) error.logref = parts.logref;
  return error;
}

function httpStatus(value: unknown): number | undefined {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : NaN;
  return number >= 400 && number <= 599 ? number : undefined;
}

function typeFromStatus(status: number | undefined): ErrorType {
  if (status === undefined) return 'server';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'validation';
}

/** The message key for a `field_errors[].msg`. */
function fieldMessageKey(msg: unknown): MessageKey {
  const text =
    typeof msg === 'string'
      ? msg
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_')
      : '';
  switch (text) {
    case 'wrong_format':
    case 'format':
      return 'field.format';
    case 'required':
    case 'missing':
      return 'required';
    case 'invalid':
      return 'field.invalid';
    case 'invalid_date_format':
      return 'date.format';
    case 'type':
      return 'field.type';
    case 'length':
      return 'field.length';
    default:
      return 'field.generic';
  }
}

/** A parameter name or msg shown in a summary: plain, short, no markup. */
function plainParam(text: string): string {
  return stripMarkup(text).slice(0, 60);
}

/** The message key for an error: its catalogue entry's 'api.<code>', or the generic 'error.<type>'. */
export function errorMessageKey(error: FlexitiApiError): MessageKey {
  const key = catalogueKey(error.code);
  return key !== undefined && key !== 'unknown' ? `api.${key}` : `error.${error.type}`;
}
