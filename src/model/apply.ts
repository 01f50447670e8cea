/**
 * The credit application (POST /apply): field descriptors, the request schema the server checks bodies with,
 * and `validateApplyForm`, which turns raw form text into that request or per-field message keys.
 *
 * Seed 003's required column is corrected where plainly wrong: address_1 required, address_2 optional, email
 * required. Decisions: household income below personal income is an error ('income.household_below_personal'),
 * because household income includes the applicant's own; `monthly_housing_expenses` is required for Quebec
 * and left out for every other province; government ID is optional as a group (type, issuer and number
 * together); an ID expiring today is still valid.
 */
import * as z from 'zod/mini';
import type { FieldMessage } from './messages.js';
import { normalizeLocale } from './locale.js';
import { lazy } from './lazy.js';
import { PROVINCES, normalizeProvince } from './provinces.js';
import type { FormValues } from './schemas.js';
import { APPLY_FIELD_NAMES, type ApplyFieldName } from './fields.js';
import { parseIsoDate, type IsoDate } from './dates.js';
import {
  isBlank,
  validateDob,
  validateEmail,
  validateGovIdExpiry,
  validateMoney,
  validateName,
  validatePhone,
  validatePostalCode,
  validateSin,
  validateText,
  type Validation,
} from './validators.js';

export const INPUT_TYPES = ['manual', 'scan'] as const;

/** How a field is entered; elements pick the control from it. */
export type ApplyFieldKind =
  | 'money' // dollars, en-CA or fr-CA form
  | 'tel'
  | 'email'
  | 'choice' // a select whose options come from `options`
  | 'name'
  | 'text'
  | 'date' // YYYY-MM-DD
  | 'postal'
  | 'sin'
  | 'secret' // security answer, PIW: paste allowed, never logged
  | 'checkbox'
  | 'hidden'; // set by the element (input_type)

export interface ApplyField {
  /** The POS API parameter, also the form control's `name`. */
  readonly name: ApplyFieldName;
  /** 'quebec': required when the province is QC, and not sent otherwise. */
  readonly required: boolean | 'quebec';
  /** Longest value accepted, in characters as typed (maxlength). */
  readonly maxLength?: number;
  readonly kind: ApplyFieldKind;
  /** Where the options come from: a `form_values` list, or a fixed list exported here. */
  readonly options?:
    'salutation' | 'province' | 'security_qid' | 'govid_type' | 'govid_issued_by' | 'language' | 'input_type';
  /** The autocomplete token (docs/reliability.md §2.4); 'off' for sensitive values. */
  readonly autocomplete: string;
  readonly inputMode?: 'numeric' | 'decimal' | 'tel' | 'email';
}

export { APPLY_FIELD_NAMES, type ApplyFieldName };

// Lengths: first 80 and last 130 are Flexiti's documented limits; postal code is "ASCII string (10)". The rest
// are common limits (254 for email per RFC 5321) chosen generously so real values always fit.
const LIMITS = {
  first_name: 80,
  middle_name: 80,
  last_name: 130,
  email: 254,
  address_1: 100,
  address_2: 100,
  city: 50,
  housing_type: 50,
  occupation_id: 20,
  occupation_title: 100,
  employer_name: 100,
  govid_number: 30,
  security_answer: 100,
  piw: 50,
} as const;

/** Every apply field, in form order, with how it is entered and validated. */
export const APPLY_FIELDS: readonly ApplyField[] = [
  { name: 'amount_requested', required: true, maxLength: 16, kind: 'money', autocomplete: 'off', inputMode: 'decimal' },
  { name: 'salutation', required: true, kind: 'choice', options: 'salutation', autocomplete: 'honorific-prefix' },
  { name: 'first_name', required: true, maxLength: LIMITS.first_name, kind: 'name', autocomplete: 'given-name' },
  {
    name: 'middle_name',
    required: false,
    maxLength: LIMITS.middle_name,
    kind: 'name',
    autocomplete: 'additional-name',
  },
  { name: 'last_name', required: true, maxLength: LIMITS.last_name, kind: 'name', autocomplete: 'family-name' },
  { name: 'dob', required: true, maxLength: 10, kind: 'date', autocomplete: 'bday' },
  { name: 'language', required: false, kind: 'choice', options: 'language', autocomplete: 'language' },
  { name: 'email', required: true, maxLength: LIMITS.email, kind: 'email', autocomplete: 'email', inputMode: 'email' },
  { name: 'phone_number', required: true, maxLength: 20, kind: 'tel', autocomplete: 'tel-national', inputMode: 'tel' },
  { name: 'address_1', required: true, maxLength: LIMITS.address_1, kind: 'text', autocomplete: 'address-line1' },
  { name: 'address_2', required: false, maxLength: LIMITS.address_2, kind: 'text', autocomplete: 'address-line2' },
  { name: 'city', required: true, maxLength: LIMITS.city, kind: 'text', autocomplete: 'address-level2' },
  { name: 'province', required: true, kind: 'choice', options: 'province', autocomplete: 'address-level1' },
  { name: 'postal_code', required: true, maxLength: 10, kind: 'postal', autocomplete: 'postal-code' },
  { name: 'housing_type', required: true, maxLength: LIMITS.housing_type, kind: 'text', autocomplete: 'off' },
  {
    name: 'monthly_housing_expenses',
    required: 'quebec',
    maxLength: 16,
    kind: 'money',
    autocomplete: 'off',
    inputMode: 'decimal',
  },
  { name: 'personal_income', required: true, maxLength: 16, kind: 'money', autocomplete: 'off', inputMode: 'decimal' },
  { name: 'household_income', required: true, maxLength: 16, kind: 'money', autocomplete: 'off', inputMode: 'decimal' },
  { name: 'occupation_id', required: true, maxLength: LIMITS.occupation_id, kind: 'text', autocomplete: 'off' },
  {
    name: 'occupation_title',
    required: true,
    maxLength: LIMITS.occupation_title,
    kind: 'text',
    autocomplete: 'organization-title',
  },
  {
    name: 'employer_name',
    required: false,
    maxLength: LIMITS.employer_name,
    kind: 'text',
    autocomplete: 'organization',
  },
  {
    name: 'employer_phone',
    required: false,
    maxLength: 20,
    kind: 'tel',
    autocomplete: 'work tel-national',
    inputMode: 'tel',
  },
  { name: 'govid_type', required: false, kind: 'choice', options: 'govid_type', autocomplete: 'off' },
  { name: 'govid_issuedby', required: false, kind: 'choice', options: 'govid_issued_by', autocomplete: 'off' },
  { name: 'govid_number', required: false, maxLength: LIMITS.govid_number, kind: 'text', autocomplete: 'off' },
  { name: 'govid_expiry', required: false, maxLength: 10, kind: 'date', autocomplete: 'off' },
  { name: 'input_type', required: false, kind: 'hidden', options: 'input_type', autocomplete: 'off' },
  { name: 'sin', required: false, maxLength: 11, kind: 'sin', autocomplete: 'off', inputMode: 'numeric' },
  { name: 'security_qid', required: true, kind: 'choice', options: 'security_qid', autocomplete: 'off' },
  { name: 'security_answer', required: true, maxLength: LIMITS.security_answer, kind: 'secret', autocomplete: 'off' },
  { name: 'piw', required: true, maxLength: LIMITS.piw, kind: 'secret', autocomplete: 'off' },
  { name: 'tos_agreement', required: true, kind: 'checkbox', autocomplete: 'off' },
];

/** Government ID: optional as a group; if any of these is given, type, issuer and number are required. */
export const GOVID_FIELDS = ['govid_type', 'govid_issuedby', 'govid_number', 'govid_expiry'] as const;
const GOVID_REQUIRED = ['govid_type', 'govid_issuedby', 'govid_number'] as const;

const GOVID_NUMBER = /^[A-Za-z0-9][A-Za-z0-9 -]*$/;
const MAX_MONEY = 99_999_999.99;

// ── Request schema (normalized bodies; the server and sandbox check with it) ─────────────────────────────────

const fromValidation = (check: (value: string) => Validation<unknown>, msg: string) =>
  z.refine<string>((value) => check(value).ok && value === value.trim(), { params: { msg } });

const nameField = (max: number) =>
  z.string().check(
    z.minLength(1),
    z.maxLength(max),
    fromValidation((v) => validateName(v, { maxLength: max }), 'wrong format'),
  );
const textField = (max: number) =>
  z.string().check(
    z.minLength(1),
    z.maxLength(max),
    fromValidation((v) => validateText(v, max), 'wrong format'),
  );
const dateField = /* @__PURE__ */ lazy(() =>
  z.string().check(z.refine((v) => Array.isArray(parseIsoDate(v)), { params: { msg: 'invalid_date_format' } })),
);
const moneyField = /* @__PURE__ */ lazy(() =>
  z.number().check(
    z.gte(0),
    z.lte(MAX_MONEY),
    z.refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { params: { msg: 'wrong format' } }),
  ),
);
const phoneField = /* @__PURE__ */ lazy(() => z.string().check(z.regex(/^\d{10}$/)));
const choiceField = /* @__PURE__ */ lazy(() => z.string().check(z.minLength(1), z.maxLength(40)));

/**
 * A normalized POST /apply body (what `validateApplyForm` produces): amounts as numbers, phone as 10 digits,
 * postal code `A1A 1A1` (or `A1A1A1`), SIN as 9 digits passing Luhn, dates `YYYY-MM-DD`, `tos_agreement: true`.
 * Cross-field rules: Quebec needs `monthly_housing_expenses` and no other province sends it; the government-ID
 * group is all-or-nothing; household income is at least personal income.
 */
export const applyRequestSchema = /* @__PURE__ */ lazy(() =>
  z
    .object({
      amount_requested: moneyField.check(z.positive()),
      phone_number: phoneField,
      email: z.string().check(z.maxLength(LIMITS.email), fromValidation(validateEmail, 'wrong format')),
      language: z.optional(z.enum(['en-CA', 'fr-CA'])),
      salutation: choiceField,
      first_name: nameField(LIMITS.first_name),
      middle_name: z.optional(nameField(LIMITS.middle_name)),
      last_name: nameField(LIMITS.last_name),
      dob: dateField,
      address_1: textField(LIMITS.address_1),
      address_2: z.optional(textField(LIMITS.address_2)),
      city: textField(LIMITS.city),
      province: z.enum(PROVINCES),
      postal_code: z.string().check(
        z.maxLength(10),
        fromValidation((v) => validatePostalCode(v), 'wrong format'),
      ),
      govid_type: z.optional(choiceField),
      govid_issuedby: z.optional(choiceField),
      govid_number: z.optional(z.string().check(z.maxLength(LIMITS.govid_number), z.regex(GOVID_NUMBER))),
      govid_expiry: z.optional(dateField),
      input_type: z.optional(z.enum(INPUT_TYPES)),
      personal_income: moneyField,
      household_income: moneyField,
      monthly_housing_expenses: z.optional(moneyField),
      housing_type: textField(LIMITS.housing_type),
      occupation_id: textField(LIMITS.occupation_id),
      occupation_title: textField(LIMITS.occupation_title),
      employer_name: z.optional(textField(LIMITS.employer_name)),
      employer_phone: z.optional(phoneField),
      sin: z.optional(
        z.string().check(
          z.refine(
            (v) => {
              const sin = validateSin(v);
              return sin.ok && sin.value === v;
            },
            { params: { msg: 'wrong format' } },
          ),
        ),
      ),
      security_qid: choiceField,
      security_answer: z.string().check(z.minLength(1), z.maxLength(LIMITS.security_answer)),
      piw: z.string().check(z.minLength(1), z.maxLength(LIMITS.piw)),
      tos_agreement: z.literal(true),
    })
    .check(
      z.superRefine((body, ctx) => {
        const issue = (path: string, msg: string) =>
          ctx.issues.push({ code: 'custom', message: msg, path: [path], input: undefined, params: { msg } });
        if (body.province === 'QC' && body.monthly_housing_expenses === undefined)
          issue('monthly_housing_expenses', 'required');
        if (body.province !== 'QC' && body.monthly_housing_expenses !== undefined)
          issue('monthly_housing_expenses', 'invalid');
        if (GOVID_FIELDS.some((key) => body[key] !== undefined)) {
          for (const key of GOVID_REQUIRED) if (body[key] === undefined) issue(key, 'required');
        }
        if (body.household_income < body.personal_income) issue('household_income', 'invalid');
      }),
    ),
);
export type ApplyRequest = z.output<typeof applyRequestSchema>;

/** One Flexiti `field_errors` entry (never with `value`: it would echo what was sent). */
export interface ApiFieldError {
  param: string;
  msg: string;
}

/**
 * Checks `body` with `schema` and answers in Flexiti's `field_errors` vocabulary (`required`, `wrong format`,
 * `invalid_date_format`, `type`, `length`, `invalid`), one entry per parameter, never with the value.
 * Empty when the body is valid. A schema check can name its word in `params.msg`.
 */
export function schemaFieldErrors(schema: z.ZodMiniType, body: unknown): ApiFieldError[] {
  const result = schema.safeParse(body);
  if (result.success) return [];
  const errors = new Map<string, string>();
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  for (const issue of result.error.issues) {
    if (issue.path.length === 0) {
      errors.set('body', 'type');
      continue;
    }
    const param = String(issue.path[0]);
    if (errors.has(param)) continue;
    const missing = record[param] === undefined || record[param] === null || record[param] === '';
    errors.set(param, flexitiMsg(issue, missing));
  }
  return [...errors].map(([param, msg]) => ({ param, msg }));
}

/**
 * `schemaFieldErrors` for an apply body. A missing or false `tos_agreement` is reported as `required`
 * (the API answers it with the `tos_agreement_required` code).
 */
export function applyFieldErrors(body: unknown): ApiFieldError[] {
  return schemaFieldErrors(applyRequestSchema, body);
}

function flexitiMsg(issue: z.core.$ZodIssue, missing: boolean): string {
  if (missing) return 'required';
  const named = (issue as { params?: { msg?: unknown } }).params?.msg;
  if (typeof named === 'string') return named;
  switch (issue.code) {
    case 'invalid_type':
      return 'type';
    case 'too_big':
    case 'too_small':
      return issue.origin === 'string' ? 'length' : 'invalid';
    case 'invalid_format':
      return 'wrong format';
    case 'invalid_value':
      return issue.path[0] === 'tos_agreement' ? 'required' : 'invalid';
    default:
      return 'invalid';
  }
}

// ── validateApplyForm (raw form text → request) ──────────────────────────────────────────────────────────────

export interface ApplyFormOptions {
  /** Today on the customer's calendar, `YYYY-MM-DD` (use `todayLocal()`): age and ID expiry are relative to it. */
  today: IsoDate;
  /** Reject phone numbers that are not valid NANP numbers (default false: accept with a warning). */
  strictPhone?: boolean;
  /** Check that the postal code belongs to the province (default true; staff can override a real mismatch). */
  checkPostalProvince?: boolean;
  /** When given, choices must be among its options (salutation, province, security_qid, govid type/issuer). */
  formValues?: FormValues;
}

export type ApplyFormResult =
  | { ok: true; request: ApplyRequest; warnings: Record<string, FieldMessage> }
  | { ok: false; fields: Record<string, FieldMessage>; warnings: Record<string, FieldMessage> };

/**
 * Validates the apply form as typed: every field is checked (not just the first error) and the result is either
 * the normalized request (optional blanks left out) or a message key per field name.
 */
export function validateApplyForm(values: Record<string, unknown>, options: ApplyFormOptions): ApplyFormResult {
  const { today, strictPhone = false, checkPostalProvince = true, formValues } = options;
  const fields: Record<string, FieldMessage> = {};
  const warnings: Record<string, FieldMessage> = {};
  const request: Record<string, unknown> = {};
  const raw = (name: ApplyFieldName) => values[name];

  const take = <T>(name: ApplyFieldName, result: Validation<T>) => {
    if (!result.ok) {
      fields[name] = result.error;
      return undefined;
    }
    if (result.warning) warnings[name] = result.warning;
    if (result.value !== undefined) request[name] = result.value;
    return result.value;
  };
  const optional = <T>(name: ApplyFieldName, validate: () => Validation<T>) =>
    isBlank(raw(name)) ? undefined : take(name, validate());
  const choice = (name: ApplyFieldName, allowed?: Record<string, string>) => {
    const value =
      typeof raw(name) === 'string'
        ? (raw(name) as string).trim()
        : typeof raw(name) === 'number'
          ? String(raw(name))
          : '';
    if (value === '') return take(name, { ok: false, error: { key: 'required' } });
    if (allowed && !Object.hasOwn(allowed, value)) return take(name, { ok: false, error: { key: 'choice.invalid' } });
    return take(name, { ok: true, value });
  };

  const amount = take('amount_requested', validateMoney(raw('amount_requested')));
  if (amount === 0) fields.amount_requested = { key: 'money.positive' };

  choice('salutation', formValues?.salutation.options);
  take('first_name', validateName(raw('first_name'), { maxLength: LIMITS.first_name }));
  optional('middle_name', () => validateName(raw('middle_name'), { maxLength: LIMITS.middle_name }));
  take('last_name', validateName(raw('last_name'), { maxLength: LIMITS.last_name }));

  // Province first: the age of majority and the postal-code letter depend on it.
  let province: string | undefined;
  if (isBlank(raw('province'))) fields.province = { key: 'required' };
  else {
    province = normalizeProvince(raw('province'));
    const offered = formValues?.province.options;
    if (!province || (offered && !Object.hasOwn(offered, province))) {
      fields.province = { key: 'choice.invalid' };
      province = undefined;
    }
  }

  take('dob', validateDob(raw('dob'), province, today));
  optional('language', () => ({ ok: true as const, value: normalizeLocale(raw('language')) }));
  take('email', validateEmail(raw('email')));
  take('phone_number', validatePhone(raw('phone_number'), { strict: strictPhone }));
  take('address_1', validateText(raw('address_1'), LIMITS.address_1));
  optional('address_2', () => validateText(raw('address_2'), LIMITS.address_2));
  take('city', validateText(raw('city'), LIMITS.city));
  if (province) request.province = province;
  take('postal_code', validatePostalCode(raw('postal_code'), checkPostalProvince ? province : undefined));
  take('housing_type', validateText(raw('housing_type'), LIMITS.housing_type));
  if (province === 'QC') take('monthly_housing_expenses', validateMoney(raw('monthly_housing_expenses')));

  const personal = take('personal_income', validateMoney(raw('personal_income')));
  const household = take('household_income', validateMoney(raw('household_income')));
  if (personal !== undefined && household !== undefined && household < personal) {
    fields.household_income = { key: 'income.household_below_personal' };
  }

  take('occupation_id', validateText(raw('occupation_id'), LIMITS.occupation_id));
  take('occupation_title', validateText(raw('occupation_title'), LIMITS.occupation_title));
  optional('employer_name', () => validateText(raw('employer_name'), LIMITS.employer_name));
  optional('employer_phone', () => validatePhone(raw('employer_phone'), { strict: strictPhone }));

  validateGovId(values, today, formValues, fields, request);
  optional('input_type', () => {
    const value = String(raw('input_type')).trim();
    return (INPUT_TYPES as readonly string[]).includes(value)
      ? { ok: true as const, value }
      : { ok: false as const, error: { key: 'choice.invalid' } };
  });

  optional('sin', () => validateSin(raw('sin')));
  choice('security_qid', formValues?.security_qid.options);
  take('security_answer', validateSecret(raw('security_answer'), LIMITS.security_answer));
  take('piw', validateSecret(raw('piw'), LIMITS.piw));

  const tos = raw('tos_agreement');
  if (tos === true || tos === 'true' || tos === 'on') request.tos_agreement = true;
  else fields.tos_agreement = { key: 'tos.required' };

  if (Object.keys(fields).length > 0) return { ok: false, fields, warnings };
  // No schema check here: the browser path carries no zod. The server checks the body with applyRequestSchema,
  // and test/node/model/read.test.ts holds every request this builds to that schema.
  return { ok: true, request: request as ApplyRequest, warnings };
}

/** Security answer and PIW: kept exactly as typed apart from trimming (they are compared with what is on file). */
function validateSecret(raw: unknown, maxLength: number): Validation<string> {
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (value === '') return { ok: false, error: { key: 'required' } };
  if (value.length > maxLength) return { ok: false, error: { key: 'text.too_long', params: { max: maxLength } } };
  return { ok: true, value };
}

function validateGovId(
  values: Record<string, unknown>,
  today: IsoDate,
  formValues: FormValues | undefined,
  fields: Record<string, FieldMessage>,
  request: Record<string, unknown>,
): void {
  if (GOVID_FIELDS.every((key) => isBlank(values[key]))) return;
  for (const key of GOVID_REQUIRED) if (isBlank(values[key])) fields[key] = { key: 'govid.incomplete' };

  const type = isBlank(values.govid_type) ? undefined : String(values.govid_type).trim();
  if (type !== undefined) {
    if (formValues && !Object.hasOwn(formValues.govid_type.options, type))
      fields.govid_type = { key: 'choice.invalid' };
    else request.govid_type = type;
  }
  const issuer = isBlank(values.govid_issuedby) ? undefined : String(values.govid_issuedby).trim();
  if (issuer !== undefined) {
    const issuers = type !== undefined ? formValues?.govid_issued_by.option_depends[type] : undefined;
    if (formValues && (!issuers || !Object.hasOwn(issuers, issuer))) fields.govid_issuedby = { key: 'choice.invalid' };
    else request.govid_issuedby = issuer;
  }
  if (!isBlank(values.govid_number)) {
    const number = validateText(values.govid_number, LIMITS.govid_number);
    if (!number.ok) fields.govid_number = number.error;
    else if (!GOVID_NUMBER.test(number.value)) fields.govid_number = { key: 'govid.number_format' };
    else request.govid_number = number.value;
  }
  if (!isBlank(values.govid_expiry)) {
    const expiry = validateGovIdExpiry(values.govid_expiry, today);
    if (!expiry.ok) fields.govid_expiry = expiry.error;
    else request.govid_expiry = expiry.value;
  }
}
