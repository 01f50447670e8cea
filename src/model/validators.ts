/**
 * Canadian field validators: raw user text in, normalized value (or a message key) out. Rules and sources are
 * in docs/reliability.md §1. No validator returns English text; every failure is a FieldMessage key.
 */
import type { FieldMessage } from './messages.js';
import { ageOn, compareIsoDates, parseIsoDate, type IsoDate } from './dates.js';
import { majorityAge, provincesForPostalCode } from './provinces.js';

/**
 * A validator's result. `warning` marks a value that is accepted but looks wrong (lenient phone checks).
 */
export type Validation<T> = { ok: true; value: T; warning?: FieldMessage } | { ok: false; error: FieldMessage };

const ok = <T>(value: T, warning?: FieldMessage): Validation<T> =>
  warning ? { ok: true, value, warning } : { ok: true, value };
const fail = <T>(key: string, params?: FieldMessage['params']): Validation<T> => ({
  ok: false,
  error: params ? { key, params } : { key },
});

/** True for undefined, null, and strings that are empty or only whitespace. */
export function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function asText(raw: unknown): string {
  return typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : '';
}

// Control characters, bidi overrides/isolates and other invisible formatting characters (Cc, Cf, line separators).
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** Free text (address, city, occupation…): trimmed, NFC-normalized, no control or bidi characters, length-limited. */
export function validateText(raw: unknown, maxLength: number): Validation<string> {
  const text = asText(raw).normalize('NFC').trim();
  if (text === '') return fail('required');
  if (INVISIBLE.test(text)) return fail('text.characters');
  if (text.length > maxLength) return fail('text.too_long', { max: maxLength });
  return ok(text);
}

export interface NameOptions {
  /** Longest accepted name in UTF-16 code units after NFC (Flexiti: first 80, last 130). Default 80. */
  maxLength?: number;
}

// Letters with their accents (combining marks stay after NFC for letters like ễ decomposed in some input methods),
// apostrophes ' and ’, hyphens, spaces and periods; at least one letter.
const NAME = /^[\p{L}\p{M}'’\-. ]+$/u;

/** A person's name: `Zoë`, `O'Brien`, `O’Brien`, `Jean-François`, `Nguyễn`. Trimmed and NFC-normalized. */
export function validateName(raw: unknown, { maxLength = 80 }: NameOptions = {}): Validation<string> {
  const name = asText(raw).normalize('NFC').trim();
  if (name === '') return fail('required');
  if (!NAME.test(name) || !/\p{L}/u.test(name)) return fail('name.characters');
  if (name.length > maxLength) return fail('text.too_long', { max: maxLength });
  return ok(name);
}

/**
 * Social Insurance Number (optional). Blank is allowed and gives `undefined` (leave the key out of the request).
 * Spaces, hyphens and dots are dropped; the 9 digits must pass Luhn; no SIN starts with 0 or 8 (so 000 000 000
 * and the textbook 046 454 286 fail with 'sin.not_issued'); 9-series (temporary residents) are accepted.
 */
export function validateSin(raw: unknown): Validation<string | undefined> {
  if (isBlank(raw)) return ok(undefined);
  const digits = asText(raw).replace(/[\s.-]/g, '');
  if (!/^\d{9}$/.test(digits)) return fail('sin.format');
  if (!luhn(digits)) return fail('sin.checksum');
  if (digits[0] === '0' || digits[0] === '8') return fail('sin.not_issued');
  return ok(digits);
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

// D F I O Q U never appear; W and Z never first (Canada Post).
const POSTAL_CODE = /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$/;

/**
 * Canadian postal code, normalized to `A1A 1A1`. With a province, the first letter must belong to it
 * ('postal.province'); callers that let staff override the mismatch pass no province.
 */
export function validatePostalCode(raw: unknown, province?: string): Validation<string> {
  const compact = asText(raw).toUpperCase().replace(/[\s-]/g, '');
  if (compact === '') return fail('required');
  if (!POSTAL_CODE.test(compact)) return fail('postal.format');
  const normalized = `${compact.slice(0, 3)} ${compact.slice(3)}`;
  if (province && !provincesForPostalCode(normalized).includes(province as never)) return fail('postal.province');
  return ok(normalized);
}

export interface PhoneOptions {
  /** Strict: a number that is not a valid NANP number is an error. Lenient (default): accepted with a warning. */
  strict?: boolean;
}

/**
 * North American phone number, normalized to 10 digits: non-digits are dropped, then a leading 1 of an 11-digit
 * number (`+1`, `1-`). NANP: area code and exchange start with 2–9 and are never N11 (211, 911…).
 */
export function validatePhone(raw: unknown, { strict = false }: PhoneOptions = {}): Validation<string> {
  if (isBlank(raw)) return fail('required');
  let digits = asText(raw).replace(/\D/g, '');
  if (digits.length === 11 && digits[0] === '1') digits = digits.slice(1);
  if (digits.length !== 10) return fail('phone.format');
  if (!isNanp(digits)) return strict ? fail('phone.invalid') : ok(digits, { key: 'phone.invalid' });
  // New area codes keep arriving (overlays): an unknown one is a warning, never an error.
  return CANADIAN_AREA_CODES.has(digits.slice(0, 3)) ? ok(digits) : ok(digits, { key: 'phone.area_not_canadian' });
}

/** Canadian area codes (docs/reliability.md §1.3: geographic codes as of 2026, plus non-geographic 600). */
const CANADIAN_AREA_CODES = new Set(
  (
    '204 226 236 249 250 263 289 306 343 354 365 367 368 382 403 416 418 428 431 437 438 450 468 474 506 514 519 ' +
    '548 579 581 584 587 600 604 613 639 647 672 683 705 709 742 753 778 780 782 807 819 825 867 873 879 902 905'
  ).split(' '),
);

function isNanp(digits: string): boolean {
  const validPart = (part: string) => /^[2-9]\d\d$/.test(part) && part.slice(1) !== '11';
  return validPart(digits.slice(0, 3)) && validPart(digits.slice(3, 6));
}

/** Email address: trimmed, one @, a dotted domain, no spaces; 254 characters at most. */
export function validateEmail(raw: unknown): Validation<string> {
  const email = asText(raw).trim();
  if (email === '') return fail('required');
  if (email.length > 254) return fail('text.too_long', { max: 254 });
  const match = /^([^\s@]+)@([^\s@]+)$/.exec(email);
  if (!match || INVISIBLE.test(email)) return fail('email.format');
  const [, local, domain] = match as unknown as [string, string, string];
  const labels = domain.split('.');
  const validDomain =
    labels.length >= 2 && labels.every((label) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u.test(label));
  const validLocal = local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
  return validDomain && validLocal && /\p{L}/u.test(labels.at(-1)!) ? ok(email) : fail('email.format');
}

/** A calendar date typed as `YYYY-MM-DD` (what `<input type=date>` gives). Never rolled over. */
export function validateDate(raw: unknown): Validation<IsoDate> {
  const text = asText(raw).trim();
  if (text === '') return fail('required');
  const parsed = parseIsoDate(text);
  if (parsed === 'format') return fail('date.format');
  if (parsed === 'invalid') return fail('date.invalid');
  return ok(text);
}

/** Oldest plausible applicant, to catch a mistyped year (1890 for 1990). */
const MAX_AGE = 120;

/**
 * Date of birth: a real date, not after `today`, and at least the age of majority in `province` on the local
 * calendar (`today` comes from `todayLocal()`): 18 in AB MB ON PE QC SK, 19 elsewhere.
 */
export function validateDob(raw: unknown, province: string | undefined, today: IsoDate): Validation<IsoDate> {
  const date = validateDate(raw);
  if (!date.ok) return date;
  if (compareIsoDates(date.value, today) > 0) return fail('dob.future');
  const age = ageOn(date.value, today);
  const majority = majorityAge(province);
  if (age < majority) return fail('dob.underage', { age: majority });
  if (age > MAX_AGE) return fail('dob.too_old');
  return ok(date.value);
}

/**
 * Government ID expiry date. A date before `today` is expired; an ID expiring today is still valid today
 * (documents are valid through their expiry date).
 */
export function validateGovIdExpiry(raw: unknown, today: IsoDate): Validation<IsoDate> {
  const date = validateDate(raw);
  if (!date.ok) return date;
  if (compareIsoDates(date.value, today) < 0) return fail('govid.expired');
  return ok(date.value);
}

/** Largest amount accepted (keeps cents exact in a double). */
const MAX_MONEY = 99_999_999.99;

const GROUP_SPACES = '[ \\u00A0\\u202F]';
// en-CA: 1,234.56 / 1234.56; fr-CA: 1 234,56 (space, no-break space or narrow no-break space) / 1234,56.
// A comma followed by exactly three digits is a thousands separator (money has at most two decimals).
const MONEY_FORMS = [
  new RegExp(`^(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?$`),
  new RegExp(`^(\\d{1,3}(?:${GROUP_SPACES}\\d{3})+|\\d+)(?:[.,](\\d{1,2}))?$`),
];

/**
 * An amount in dollars typed in en-CA or fr-CA form (`1,234.56`, `1 234,56`, `$` before or after), or a
 * finite non-negative number. Empty or spaces-only is 'required' (never 0); `-5`, `abc`, `1e6`, `0x10` fail.
 */
export function validateMoney(raw: unknown): Validation<number> {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('money.format');
    if (raw < 0) return fail('money.negative');
    if (raw > MAX_MONEY) return fail('money.too_large');
    const cents = Math.round(raw * 100);
    return Math.abs(cents - raw * 100) < 1e-6 ? ok(cents / 100) : fail('money.format');
  }
  if (typeof raw !== 'string' || raw.trim() === '') return fail('required');
  let text = raw.trim();
  if (/^[-−]/.test(text.replace(/^\$\s*/, ''))) return fail('money.negative');
  text = text.replace(/^\$[ \u00A0\u202F]*/, '').replace(/[ \u00A0\u202F]*\$$/, '');
  for (const form of MONEY_FORMS) {
    const match = form.exec(text);
    if (!match) continue;
    const whole = match[1]!.replace(/[^\d]/g, '');
    const value = Number(`${whole}.${match[2] ?? '0'}`);
    if (value > MAX_MONEY) return fail('money.too_large');
    return ok(value);
  }
  return fail('money.format');
}

/**
 * A Flexiti card number (`vcc_number`) as typed or pasted (`6374 9801 0040 8234`): spaces, hyphens and dots
 * dropped, then exactly 16 digits. No Luhn check: Flexiti's card numbers (the sandbox's among them) don't all
 * carry a Luhn check digit, and a wrong number is answered `not_found` anyway.
 */
export function validateCardNumber(raw: unknown): Validation<string> {
  const digits = asText(raw).replace(/[\s.-]/g, '');
  if (digits === '') return fail('required');
  return /^\d{16}$/.test(digits) ? ok(digits) : fail('vcc.format');
}

/** A verification code as typed or pasted (` 2 2 2 2 `): whitespace and hyphens dropped. */
export function normalizeVerificationCode(raw: unknown): string {
  return asText(raw).replace(/[\s-]/g, '');
}

/** A verification code: 4 to 8 digits after `normalizeVerificationCode`. */
export function validateVerificationCode(raw: unknown): Validation<string> {
  const code = normalizeVerificationCode(raw);
  if (code === '') return fail('required');
  return /^\d{4,8}$/.test(code) ? ok(code) : fail('verification_code.format');
}
