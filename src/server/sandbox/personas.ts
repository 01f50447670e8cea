/**
 * The sandbox's test personas, as data: what a tester types to reach each outcome (like a payment provider's
 * test cards). `PERSONAS.md` renders the same tables for people; a test keeps the two in step.
 */
import type { PersonOnFile } from './aamva.js';

/** The fixed code the sandbox "sends" by SMS or email. */
export const SANDBOX_SMS_CODE = '2222';

/** Wrong security answers allowed before the method locks (`tries_exceed`), and how long the lock lasts. */
export const SECURITY_QUESTION_MAX_TRIES = 3;
export const SECURITY_QUESTION_LOCK_MS = 48 * 60 * 60 * 1000;

/** Minimum monthly payment of a revolving account, as a share of the credit limit (Quebec debt ratio input). */
export const MINIMUM_PAYMENT_RATE = 0.03;

/** Total in-store payments and trade-ins one account may post in 24 hours (`limit_payment_amount_24`). */
export const PAYMENT_LIMIT_24H = 10_000;

/** Credit the sandbox grants at most, whatever `amount_requested` says. */
export const MAX_APPROVED_CREDIT = 15_000;

/** One row of the apply table: the `last_name` that triggers an outcome. */
export interface ApplyPersona {
  /** `last_name` to send (case-insensitive); every other field must be valid. */
  lastName: string;
  /** HTTP status of the answer. */
  status: number;
  /** Flexiti's `error` code, absent on approval. */
  error?: string;
  /** What happens, for the documentation. */
  outcome: string;
}

export const APPLY_PERSONAS: readonly ApplyPersona[] = [
  { lastName: 'Declined', status: 409, error: 'application_declined', outcome: 'Declined' },
  { lastName: 'Declined-Two', status: 409, error: 'application_declined_2', outcome: 'Declined (second reason)' },
  { lastName: 'Declined-Three', status: 409, error: 'application_declined_3', outcome: 'Declined (third reason)' },
  { lastName: 'Pending', status: 409, error: 'application_marked_pending_1', outcome: 'Pending review' },
  {
    lastName: 'Pending-Two',
    status: 409,
    error: 'application_marked_pending_2',
    outcome: 'Pending (documents needed)',
  },
  { lastName: 'Existing', status: 409, error: 'customer_already_exists', outcome: 'Already a customer' },
  {
    lastName: 'Create-Error',
    status: 409,
    error: 'application_create_error',
    outcome: 'Creation error: outcome unknown, look the customer up before re-applying',
  },
];

/** A valid applicant (Ontario) to start from: change `last_name`, `province` or `amount_requested` to pick an outcome. */
export const SANDBOX_APPLICANT = {
  amount_requested: 5000,
  phone_number: '4165550142',
  email: 'avery.applicant@example.com',
  language: 'en-CA',
  salutation: 'ms',
  first_name: 'Avery',
  last_name: 'Applicant',
  dob: '1988-04-12',
  address_1: '55 University Ave',
  address_2: 'Suite 400',
  city: 'Toronto',
  province: 'ON',
  postal_code: 'M5J 2H7',
  govid_type: 'CADL',
  govid_issuedby: 'ON',
  govid_number: 'A12345678901234',
  govid_expiry: '2031-06-30',
  input_type: 'manual',
  personal_income: 60000,
  household_income: 85000,
  housing_type: 'Rent',
  occupation_id: 'FE',
  occupation_title: 'Baker',
  employer_name: 'Tasty Bakery',
  employer_phone: '4165550188',
  sin: '130692544',
  security_qid: '8',
  security_answer: 'Mrs Lavoie',
  piw: 'Cloud',
  tos_agreement: true,
} as const;

/** The Quebec version: `monthly_housing_expenses` is required and the approval carries `debt_ratio`. */
export const SANDBOX_QUEBEC_APPLICANT = {
  ...SANDBOX_APPLICANT,
  language: 'fr-CA',
  first_name: 'Camille',
  last_name: 'Applicant',
  email: 'camille.applicant@example.com',
  phone_number: '5145550142',
  employer_phone: '5145550188',
  address_1: '1000 rue Sherbrooke Ouest',
  address_2: 'Bureau 200',
  city: 'Montréal',
  province: 'QC',
  postal_code: 'H3A 3G4',
  govid_issuedby: 'QC',
  monthly_housing_expenses: 1200,
} as const;

/** Where a seeded account starts; a copy goes into the sandbox state on creation. */
export interface SeedAccount extends PersonOnFile {
  customer_id: string;
  account_number: string;
  vcc_number: string;
  phone_number?: string;
  email?: string;
  preferred_language: 'en-CA' | 'fr-CA';
  /** The customer's own security questions (`security_qid` → answer). */
  security_answers: Record<string, string>;
  piw: string;
  account_status: 'N' | 'A' | 'F' | 'Z' | 'C';
  account_status_reason_code: string;
  /** False until the customer activates the account (`user_not_active`). */
  active: boolean;
  credit_limit: number;
  available_credit: number;
  risk_rating: string;
  originating_merchant_id: string;
  originating_merchant_name: string;
  /** Whether this account's merchant may verify by merchant override. */
  merchant_override: boolean;
  creation_date: string;
  card_ending_in: string;
  /** What the account already bought (for GET /customers/{id}/transactions). */
  transactions?: Array<{ transaction_id: string; amount: number; date: string; plan_name: string; term: string }>;
  /** For the documentation: what this account is for. */
  purpose: string;
}

const BASE_MERCHANT = { originating_merchant_id: '382', originating_merchant_name: 'European Restorations' };
const OTHER_MERCHANT = { originating_merchant_id: '11503', originating_merchant_name: 'Paris Jewellers' };

/** One person behind three accounts (lookup by name picks one, search lists all). */
const DAVID_MORLEY = {
  first_name: 'David',
  last_name: 'Morley',
  dob: '1981-01-17',
  address_1: '1200 Granville St',
  city: 'Vancouver',
  province: 'BC',
  postal_code: 'V6Z 1M6',
  phone_number: '6045550134',
  email: 'david.morley@example.com',
};
const MORLEY_SECRETS = { security_answers: { '5': 'Iceland', '9': 'Amelie' }, piw: 'River' };

export const SEED_ACCOUNTS: readonly SeedAccount[] = [
  {
    purpose: 'Normal account: every verification method works; has purchases',
    customer_id: '43353',
    account_number: '20035156',
    vcc_number: '6374980100408234',
    first_name: 'John',
    last_name: 'Doe',
    dob: '1974-05-15',
    address_1: '123 Anystreet Ave',
    address_2: 'Suite 100',
    city: 'Toronto',
    province: 'ON',
    postal_code: 'M5M 1M1',
    phone_number: '4165550123',
    email: 'john.doe@example.com',
    preferred_language: 'en-CA',
    security_answers: { '4': 'Buddy', '7': 'Maple Street' },
    piw: 'Cloud',
    account_status: 'N',
    account_status_reason_code: 'NNOR',
    active: true,
    credit_limit: 5000,
    available_credit: 5000,
    risk_rating: 'L',
    ...BASE_MERCHANT,
    merchant_override: true,
    creation_date: '03/02/2019',
    card_ending_in: '8234',
    transactions: [
      { transaction_id: '167636', amount: 120.05, date: '2019/04/14', plan_name: 'EMP - No Interest', term: '3' },
      { transaction_id: '167637', amount: 1200.05, date: '2019/04/14', plan_name: 'EMP - No Interest', term: '3' },
    ],
  },
  {
    purpose: 'Several accounts: lookup returns the normal one with the most credit; search lists all three',
    customer_id: '829825',
    account_number: '116574819',
    vcc_number: '6374980116575941',
    ...DAVID_MORLEY,
    preferred_language: 'fr-CA',
    ...MORLEY_SECRETS,
    account_status: 'N',
    account_status_reason_code: 'NNOR',
    active: true,
    credit_limit: 1000,
    available_credit: 659.51,
    risk_rating: 'H',
    ...OTHER_MERCHANT,
    merchant_override: true,
    creation_date: '01/17/2019',
    card_ending_in: '5941',
  },
  {
    purpose: 'Second Morley account, frozen (never returned by lookup)',
    customer_id: '829875',
    account_number: '116574860',
    vcc_number: '6374980116576457',
    ...DAVID_MORLEY,
    preferred_language: 'en-CA',
    ...MORLEY_SECRETS,
    account_status: 'F',
    account_status_reason_code: 'FLCK',
    active: true,
    credit_limit: 1000,
    available_credit: 847,
    risk_rating: 'Y',
    ...OTHER_MERCHANT,
    merchant_override: true,
    creation_date: '01/22/2019',
    card_ending_in: '6457',
  },
  {
    purpose: 'Third Morley account: the highest open-to-buy, what lookup by name returns',
    customer_id: '829901',
    account_number: '116574901',
    vcc_number: '6374980116574901',
    ...DAVID_MORLEY,
    preferred_language: 'en-CA',
    ...MORLEY_SECRETS,
    account_status: 'N',
    account_status_reason_code: 'NNOR',
    active: true,
    credit_limit: 3000,
    available_credit: 2450,
    risk_rating: 'M',
    ...BASE_MERCHANT,
    merchant_override: true,
    creation_date: '06/03/2021',
    card_ending_in: '4901',
  },
  {
    purpose: 'Frozen account: lookup and purchases → user_not_able_to_purchase',
    customer_id: '51001',
    account_number: '20051001',
    vcc_number: '6374980120051001',
    first_name: 'Fiona',
    last_name: 'Frozen',
    dob: '1990-07-04',
    address_1: '10 Jasper Ave',
    city: 'Edmonton',
    province: 'AB',
    postal_code: 'T5J 1N5',
    phone_number: '7805550111',
    email: 'fiona.frozen@example.com',
    preferred_language: 'en-CA',
    security_answers: { '6': 'Rush' },
    piw: 'Stone',
    account_status: 'F',
    account_status_reason_code: 'FLCK',
    active: true,
    credit_limit: 2000,
    available_credit: 1800,
    risk_rating: 'Y',
    ...BASE_MERCHANT,
    merchant_override: true,
    creation_date: '09/12/2020',
    card_ending_in: '1001',
  },
  {
    purpose: 'Account never activated: lookup and purchases → user_not_active',
    customer_id: '51002',
    account_number: '20051002',
    vcc_number: '6374980120051002',
    first_name: 'Ian',
    last_name: 'Inactive',
    dob: '1985-11-30',
    address_1: '200 Main St',
    city: 'Winnipeg',
    province: 'MB',
    postal_code: 'R3C 1A6',
    phone_number: '2045550112',
    email: 'ian.inactive@example.com',
    preferred_language: 'en-CA',
    security_answers: { '8': 'Mr Singh' },
    piw: 'Maple',
    account_status: 'N',
    account_status_reason_code: 'NNOR',
    active: false,
    credit_limit: 1500,
    available_credit: 1500,
    risk_rating: 'L',
    ...BASE_MERCHANT,
    merchant_override: true,
    creation_date: '02/01/2024',
    card_ending_in: '1002',
  },
  {
    purpose: 'No phone on file: verify by SMS → wrong_input (field_errors on phone_number); email works',
    customer_id: '51003',
    account_number: '20051003',
    vcc_number: '6374980120051003',
    first_name: 'Nora',
    last_name: 'Nophone',
    dob: '1979-02-28',
    address_1: '5 Spring Garden Rd',
    city: 'Halifax',
    province: 'NS',
    postal_code: 'B3J 1E1',
    email: 'nora.nophone@example.com',
    preferred_language: 'en-CA',
    security_answers: { '4': 'Ruby' },
    piw: 'Harbour',
    account_status: 'N',
    account_status_reason_code: 'NNOR',
    active: true,
    credit_limit: 2500,
    available_credit: 2500,
    risk_rating: 'L',
    ...BASE_MERCHANT,
    merchant_override: true,
    creation_date: '05/05/2022',
    card_ending_in: '1003',
  },
  {
    purpose:
      'Opened at a merchant without override: merchant_override → merchant_override_is_not_allowed; no email on file',
    customer_id: '51004',
    account_number: '20051004',
    vcc_number: '6374980120051004',
    first_name: 'Otto',
    last_name: 'Nooverride',
    dob: '1969-09-09',
    address_1: '300 Albert St',
    city: 'Regina',
    province: 'SK',
    postal_code: 'S4P 3C8',
    phone_number: '3065550113',
    preferred_language: 'en-CA',
    security_answers: { '7': 'Elm Road' },
    piw: 'Prairie',
    account_status: 'N',
    account_status_reason_code: 'NNOR',
    active: true,
    credit_limit: 4000,
    available_credit: 4000,
    risk_rating: 'L',
    ...OTHER_MERCHANT,
    merchant_override: false,
    creation_date: '10/10/2023',
    card_ending_in: '1004',
  },
  {
    purpose: 'Quebec account (French): close-account works; no purchases yet → no_returns_found',
    customer_id: '51005',
    account_number: '20051005',
    vcc_number: '6374980120051005',
    first_name: 'Louise',
    last_name: 'Gagnon',
    dob: '1992-03-21',
    address_1: '1000 rue Sherbrooke Ouest',
    city: 'Montréal',
    province: 'QC',
    postal_code: 'H3A 3G4',
    phone_number: '5145550114',
    email: 'louise.gagnon@example.com',
    preferred_language: 'fr-CA',
    security_answers: { '9': 'Les Invasions barbares' },
    piw: 'Fleuve',
    account_status: 'N',
    account_status_reason_code: 'NNOR',
    active: true,
    credit_limit: 3000,
    available_credit: 3000,
    risk_rating: 'L',
    ...BASE_MERCHANT,
    merchant_override: true,
    creation_date: '07/14/2024',
    card_ending_in: '1005',
  },
];

/** Licence scans a tester can paste into the decode endpoint (see `buildAamva`). */
export const LICENSE_PERSONAS = [
  { iin: '636012', jurisdiction: 'Ontario', outcome: 'Decoded (CADL issued by ON)' },
  { iin: '604428', jurisdiction: 'Quebec', outcome: 'Decoded (CADL issued by QC)' },
  { iin: '636014', jurisdiction: 'California (United States)', outcome: "409 Driver License's not supported" },
] as const;
