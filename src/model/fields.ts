/** Field names the elements use: the POS API parameters each form control fills. */

export const APPLY_FIELD_NAMES = [
  'amount_requested',
  'salutation',
  'first_name',
  'middle_name',
  'last_name',
  'dob',
  'language',
  'email',
  'phone_number',
  'address_1',
  'address_2',
  'city',
  'province',
  'postal_code',
  'housing_type',
  'monthly_housing_expenses',
  'personal_income',
  'household_income',
  'occupation_id',
  'occupation_title',
  'employer_name',
  'employer_phone',
  'govid_type',
  'govid_issuedby',
  'govid_number',
  'govid_expiry',
  'input_type',
  'sin',
  'security_qid',
  'security_answer',
  'piw',
  'tos_agreement',
] as const;
export type ApplyFieldName = (typeof APPLY_FIELD_NAMES)[number];

/** Customer data a host already has, by POST /apply field name (`<flexiti-apply>`'s and the checkout's `prefill`). */
export type ApplyPrefill = Partial<Record<ApplyFieldName, string | number>>;

/** Parameters of the other calls the elements make (verify, licence scan, close account, transactions). */
const OTHER_FIELD_NAMES = [
  'format',
  'customer_id',
  'verification_code',
  'code',
  'account_number',
  'vcc_number',
  'plan_id',
  'term',
  'amount',
  'transaction_type',
] as const;

export const KNOWN_FIELD_NAMES: ReadonlySet<string> = new Set<string>([...APPLY_FIELD_NAMES, ...OTHER_FIELD_NAMES]);

// Other spellings seen or likely in `field_errors[].param` (after lower-casing and camelCase → snake_case).
const FIELD_ALIASES: Record<string, string> = {
  phone: 'phone_number',
  telephone: 'phone_number',
  date_of_birth: 'dob',
  dateofbirth: 'dob',
  birth_date: 'dob',
  postal: 'postal_code',
  postalcode: 'postal_code',
  address: 'address_1',
  address1: 'address_1',
  address2: 'address_2',
  govid_issued_by: 'govid_issuedby',
  tos: 'tos_agreement',
  terms: 'tos_agreement',
  secret_answer: 'security_answer',
  security_question: 'security_qid',
  vcc: 'vcc_number',
  social_insurance_number: 'sin',
  email_address: 'email',
};

/**
 * Our field name for an API `param`: case-insensitive, last segment of a dotted path (`applicant.SIN` → `sin`),
 * camelCase read as snake_case, a few aliases. Undefined when it names no field the elements have.
 */
export function fieldName(param: unknown): string | undefined {
  if (typeof param !== 'string') return undefined;
  const last = param
    .trim()
    .split('.')
    .pop()!
    .replace(/\[[^\]]*\]/g, '');
  const snake = last.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  const name = FIELD_ALIASES[snake] ?? snake;
  return KNOWN_FIELD_NAMES.has(name) ? name : undefined;
}
