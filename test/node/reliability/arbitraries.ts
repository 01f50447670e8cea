/**
 * fast-check arbitraries built from valid parts: Canadian applicants as a customer could type them (spacing,
 * case and separators vary; the values are always valid), and hostile API bodies. Shared by the node property
 * tests; nothing here touches the DOM.
 */
import fc from 'fast-check';
import { majorityAge, PROVINCES, type ProvinceCode } from '../../../src/model/index.js';
import type { SandboxFormValues } from '../../../src/server/sandbox/index.js';

// First letters of postal codes per province (Canada Post); X serves NT and NU.
const POSTAL_LETTERS: Record<ProvinceCode, string> = {
  NL: 'A',
  NS: 'B',
  PE: 'C',
  NB: 'E',
  QC: 'GHJ',
  ON: 'KLMNP',
  MB: 'R',
  SK: 'S',
  AB: 'T',
  BC: 'V',
  NT: 'X',
  NU: 'X',
  YT: 'Y',
};
/** Letters allowed in positions 3 and 5 (no D F I O Q U). */
const POSTAL_INNER = 'ABCEGHJKLMNPRSTVWXYZ';

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const pick = (chars: string) => fc.constantFrom(...chars.split(''));

/** A canonical postal code (`A1A 1A1`) that belongs to `province`. */
export const postalCodeFor = (province: ProvinceCode) =>
  fc.tuple(pick(POSTAL_LETTERS[province]), digit, pick(POSTAL_INNER), digit, pick(POSTAL_INNER), digit).map((parts) => {
    const code = parts.join('');
    return `${code.slice(0, 3)} ${code.slice(3)}`;
  });

/** The same postal code as a person may type it: any case, no/one space, a hyphen, padding. */
export const typedPostalCode = (canonical: string) =>
  fc
    .tuple(fc.constantFrom('', ' ', '-', '  '), fc.boolean(), fc.constantFrom('', ' ', '  '))
    .map(([separator, lower, pad]) => {
      const typed = `${canonical.slice(0, 3)}${separator}${canonical.slice(4)}`;
      return `${pad}${lower ? typed.toLowerCase() : typed}${pad}`;
    });

/** A valid NANP number (area code and exchange 2–9 first, never N11), 10 digits. */
export const nanpPhone = fc
  .tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 0, max: 9999 }))
  .filter(([area, exchange]) => String(area).slice(1) !== '11' && String(exchange).slice(1) !== '11')
  .map(([area, exchange, line]) => `${area}${exchange}${String(line).padStart(4, '0')}`);

/** A 10-digit number written the ways people write phone numbers. */
export const typedPhone = (digits: string) =>
  fc.constantFrom(
    digits,
    `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`,
    `+1 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`,
    `1-${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`,
    `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}`,
    ` ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)} `,
  );

function luhnCheckDigit(eight: string): string {
  for (let check = 0; check <= 9; check++) {
    const digits = `${eight}${check}`;
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let n = Number(digits[8 - i]);
      if (i % 2 === 1) {
        n *= 2;
        if (n > 9) n -= 9;
      }
      sum += n;
    }
    if (sum % 10 === 0) return String(check);
  }
  throw new Error('unreachable');
}

/** A SIN that can be issued: 9 digits, Luhn-valid, first digit 1–7 or 9. */
export const validSin = fc
  .tuple(fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '9'), fc.array(digit, { minLength: 7, maxLength: 7 }))
  .map(([first, rest]) => {
    const eight = `${first}${rest.join('')}`;
    return `${eight}${luhnCheckDigit(eight)}`;
  });

export const typedSin = (digits: string) =>
  fc.constantFrom(
    digits,
    `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`,
    `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`,
    ` ${digits} `,
  );

/** Whole cents between min and max dollars. */
export const cents = (min: number, max: number) =>
  fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((value) => value / 100);

/** An amount as typed in en-CA or fr-CA, with or without grouping, cents and a dollar sign. */
export const typedMoney = (value: number) =>
  fc.constantFrom(
    new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'CAD' }).format(value),
    new Intl.NumberFormat('fr-CA', { style: 'currency', currency: 'CAD' }).format(value),
    new Intl.NumberFormat('en-CA', { maximumFractionDigits: 2 }).format(value),
    new Intl.NumberFormat('fr-CA', { maximumFractionDigits: 2 }).format(value),
    new Intl.NumberFormat('en-CA', { useGrouping: false, maximumFractionDigits: 2 }).format(value),
    value.toFixed(2),
  );

const NAME_LETTERS = 'abcdefghijklmnopqrstuvwxyzéèêëàâçîïôûüœ';
const namePart = fc
  .array(pick(NAME_LETTERS), { minLength: 1, maxLength: 10 })
  .map((letters) => letters.join(''))
  .map((part) => part.charAt(0).toLocaleUpperCase('fr-CA') + part.slice(1));

/** A name with accents, apostrophes (' and ’), hyphens and spaces, like Zoë, O’Brien, Jean-François. */
export const personName = fc
  .tuple(namePart, fc.option(fc.tuple(fc.constantFrom('-', ' ', "'", '’'), namePart), { nil: undefined }))
  .map(([first, second]) => (second ? `${first}${second[0]}${second[1]}` : first));

/** A name as typed: sometimes padded, sometimes decomposed (NFD) by the keyboard. */
export const typedName = (name: string) =>
  fc
    .tuple(fc.constantFrom('', ' ', '  '), fc.boolean())
    .map(([pad, decomposed]) => `${pad}${decomposed ? name.normalize('NFD') : name}${pad}`);

/** Letters only, distinct for each index, so applicants never collide (a duplicate is `customer_already_exists`). */
export function uniqueLetters(index: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let rest = index;
  let text = '';
  do {
    text = letters[rest % 26] + text;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return text;
}

const addressText = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9éàç' .,#-]{0,38}$/).filter((text) => text.trim() !== '');

const emailAddress = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,12}$/),
    fc.option(fc.stringMatching(/^[a-z0-9]{1,8}$/), { nil: undefined }),
    fc.stringMatching(/^[a-z0-9]{1,12}$/),
    fc.constantFrom('ca', 'com', 'qc.ca'),
  )
  .map(([local, sub, domain, tld]) => `${local}${sub ? `.${sub}` : ''}@${domain}.${tld}`);

const isoDate = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** A birth date that makes the applicant at least the age of majority of `province` on `today`, and under 90. */
export const dobFor = (province: ProvinceCode, today: string) => {
  const year = Number(today.slice(0, 4));
  return fc
    .tuple(
      fc.integer({ min: majorityAge(province) + 1, max: 89 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([age, month, day]) => isoDate(year - age, month, day));
};

/** A date between tomorrow-ish (next year) and ten years on. */
export const futureDate = (today: string) => {
  const year = Number(today.slice(0, 4));
  return fc
    .tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([ahead, month, day]) => isoDate(year + ahead, month, day));
};

/** The lists of form_values the applicant's choices come from (the sandbox's shape, offers aside). */
export type FormValuesLike = Omit<SandboxFormValues, 'offer_types'>;

/**
 * The apply form's raw values as a customer could type them, every one valid, with choices taken from
 * `formValues`. `index` makes the name unique.
 */
export function typedApplicant(formValues: FormValuesLike, today: string, index: () => number) {
  const provinces = PROVINCES.filter((code) => Object.hasOwn(formValues.province.options, code));
  const govidTypes = Object.keys(formValues.govid_type.options).filter(
    (type) => Object.keys(formValues.govid_issued_by.option_depends[type] ?? {}).length > 0,
  );
  return fc.constantFrom(...provinces).chain((province) =>
    fc
      .record({
        province: fc.constantFrom(province, province.toLowerCase()),
        postal: postalCodeFor(province).chain((canonical) =>
          typedPostalCode(canonical).map((typed) => ({ canonical, typed })),
        ),
        salutation: fc.constantFrom(...Object.keys(formValues.salutation.options)),
        first_name: personName.chain(typedName),
        middle_name: fc.option(personName.chain(typedName), { nil: undefined }),
        last_name: personName,
        dob: dobFor(province, today),
        language: fc.option(fc.constantFrom('en-CA', 'fr-CA'), { nil: undefined }),
        email: emailAddress,
        phone: nanpPhone.chain((digits) => typedPhone(digits).map((typed) => ({ digits, typed }))),
        address_1: addressText,
        address_2: fc.option(addressText, { nil: undefined }),
        city: addressText,
        amount: cents(1, 20_000).chain((value) => typedMoney(value).map((typed) => ({ value, typed }))),
        personal: cents(0, 250_000),
        householdExtra: cents(0, 250_000),
        incomeForm: fc.integer({ min: 0, max: 5 }),
        housing: cents(0, 5_000).chain((value) => typedMoney(value).map((typed) => ({ value, typed }))),
        housing_type: fc.constantFrom('Rent', 'Own', 'Parents', 'Other'),
        occupation_id: fc.constantFrom('FE', 'SE', 'RE', 'ST'),
        occupation_title: addressText,
        employer_name: fc.option(addressText, { nil: undefined }),
        employer_phone: fc.option(nanpPhone.chain(typedPhone), { nil: undefined }),
        govid: fc.option(
          fc.constantFrom(...govidTypes).chain((type) =>
            fc.record({
              type: fc.constant(type),
              issuer: fc.constantFrom(...Object.keys(formValues.govid_issued_by.option_depends[type]!)),
              number: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 -]{0,20}$/).map((text) => text.trim()),
              expiry: fc.option(futureDate(today), { nil: undefined }),
            }),
          ),
          { nil: undefined },
        ),
        sin: fc.option(
          validSin.chain((digits) => typedSin(digits).map((typed) => ({ digits, typed }))),
          { nil: undefined },
        ),
        security_qid: fc.constantFrom(...Object.keys(formValues.security_qid.options)),
        security_answer: fc.string({ minLength: 1, maxLength: 60 }).filter((text) => text.trim() !== ''),
        piw: fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== ''),
        tos: fc.constantFrom(true, 'on', 'true'),
      })
      .map((parts) => {
        const household = Math.round((parts.personal + parts.householdExtra) * 100) / 100;
        const money = (value: number) =>
          [
            value.toFixed(2),
            new Intl.NumberFormat('en-CA', { maximumFractionDigits: 2 }).format(value),
            new Intl.NumberFormat('fr-CA', { maximumFractionDigits: 2 }).format(value),
            new Intl.NumberFormat('fr-CA', { style: 'currency', currency: 'CAD' }).format(value),
            new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'CAD' }).format(value),
            value,
          ][parts.incomeForm]!;
        const values: Record<string, unknown> = {
          amount_requested: parts.amount.typed,
          salutation: parts.salutation,
          first_name: parts.first_name,
          middle_name: parts.middle_name,
          // Unique, and never one of the sandbox's outcome personas (Declined, Pending…).
          last_name: `${parts.last_name}-Prop${uniqueLetters(index())}`,
          dob: parts.dob,
          language: parts.language,
          email: parts.email,
          phone_number: parts.phone.typed,
          address_1: parts.address_1,
          address_2: parts.address_2,
          city: parts.city,
          province: parts.province,
          postal_code: parts.postal.typed,
          housing_type: parts.housing_type,
          personal_income: money(parts.personal),
          household_income: money(household),
          occupation_id: parts.occupation_id,
          occupation_title: parts.occupation_title,
          employer_name: parts.employer_name,
          employer_phone: parts.employer_phone,
          sin: parts.sin?.typed,
          security_qid: parts.security_qid,
          security_answer: parts.security_answer,
          piw: parts.piw,
          tos_agreement: parts.tos,
        };
        if (province === 'QC') values.monthly_housing_expenses = parts.housing.typed;
        if (parts.govid) {
          values.govid_type = parts.govid.type;
          values.govid_issuedby = parts.govid.issuer;
          values.govid_number = parts.govid.number;
          values.govid_expiry = parts.govid.expiry;
        }
        return {
          values,
          expected: {
            province,
            postal_code: parts.postal.canonical,
            phone_number: parts.phone.digits,
            sin: parts.sin?.digits,
            amount_requested: parts.amount.value,
            personal_income: parts.personal,
            household_income: household,
            monthly_housing_expenses: province === 'QC' ? parts.housing.value : undefined,
          },
        };
      }),
  );
}

/** Strings that break naïve code: markup, template syntax, `undefined`-looking text, control and bidi characters. */
export const hostileText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '<img src=x onerror=window.__xss=1>',
    '<b>bold</b>',
    '${x}',
    '{{x}}',
    '__proto__',
    'constructor',
    'toString',
    '\u202Eevil',
    '\u0000',
    'NaN-ish',
    'null',
  ),
);

/** Any JSON-ish value an API could send where an object was expected. */
export const anyJson = fc.jsonValue({ maxDepth: 3 });

/** Error bodies in the shapes the seeds show, with hostile or missing parts, and plain junk. */
export const errorBody = fc.oneof(
  fc.record(
    {
      url: hostileText,
      message: fc.oneof(hostileText, anyJson),
      error: fc.oneof(
        hostileText,
        fc.constantFrom(
          'wrong_inputs',
          'tries_exceed',
          'application_declined',
          'secret_answer_mismatch',
          'not_found',
          'general_error',
        ),
        anyJson,
      ),
      field_errors: fc.oneof(
        fc.array(
          fc.record(
            {
              param: fc.oneof(hostileText, anyJson),
              msg: fc.oneof(hostileText, anyJson),
              value: fc.oneof(hostileText, anyJson),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 4 },
        ),
        anyJson,
      ),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      code: fc.oneof(fc.integer(), hostileText),
      error: fc.oneof(hostileText, anyJson),
      error_description: fc.oneof(hostileText, anyJson),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      total: fc.oneof(fc.integer(), anyJson),
      _embedded: fc.oneof(
        fc.record(
          {
            errors: fc.array(
              fc.record(
                { code: hostileText, message: hostileText, logref: hostileText, failure_code: hostileText },
                { requiredKeys: [] },
              ),
              { maxLength: 3 },
            ),
          },
          { requiredKeys: [] },
        ),
        anyJson,
      ),
    },
    { requiredKeys: [] },
  ),
  anyJson,
  hostileText,
  fc.constant(undefined),
);

/** Option maps with hostile labels and keys. */
export const optionMap = fc.dictionary(hostileText, hostileText, { maxKeys: 6 });

/** `offer_types` entries as an API could send them: terms as numbers, strings, junk. */
export const offerType = fc.record(
  {
    plan_name: fc.oneof(hostileText, anyJson),
    plan_id: fc.oneof(fc.integer({ min: 0, max: 999 }), hostileText, anyJson),
    offer_category: fc.oneof(fc.constantFrom('equal_billing', 'deferred_payment', 'no_interest'), hostileText, anyJson),
    term_options: fc.oneof(
      fc.array(
        fc.oneof(
          fc.integer({ min: -5, max: 120 }),
          fc.integer({ min: 1, max: 60 }).map(String),
          hostileText,
          fc.double(),
          anyJson,
        ),
        { maxLength: 6 },
      ),
      anyJson,
    ),
  },
  { requiredKeys: [] },
);

/** A `form_values` object with every part possibly missing, empty, hostile or of the wrong type. */
export const formValuesLike = fc.record(
  {
    salutation: fc.oneof(fc.record({ options: optionMap }), anyJson),
    province: fc.oneof(fc.record({ options: optionMap }), anyJson),
    security_qid: fc.oneof(fc.record({ options: optionMap }), anyJson),
    govid_type: fc.oneof(fc.record({ options: optionMap }), anyJson),
    govid_issued_by: fc.oneof(
      fc.record({ option_depends: fc.dictionary(hostileText, optionMap, { maxKeys: 4 }) }),
      anyJson,
    ),
    offer_types: fc.oneof(fc.array(offerType, { maxLength: 4 }), anyJson),
    extra: anyJson,
  },
  { requiredKeys: [] },
);

/** A lookup response with every field possibly missing, of the wrong type or hostile. */
export const lookupLike = fc.record(
  {
    available_credit: fc.oneof(
      fc.double(),
      fc.integer(),
      hostileText,
      fc.constantFrom('1,200.05', '1000.00', '120.05000'),
    ),
    account_number: fc.oneof(fc.integer({ min: 0 }), hostileText),
    customer_id: fc.oneof(fc.integer({ min: 0 }), hostileText),
    security_qid: fc.oneof(
      fc.array(fc.record({ id: fc.oneof(fc.integer(), hostileText), text: hostileText }, { requiredKeys: [] }), {
        maxLength: 4,
      }),
      anyJson,
    ),
    address_1: hostileText,
    city: hostileText,
    postal_code: hostileText,
    province: hostileText,
    offer_types: fc.oneof(fc.array(offerType, { maxLength: 3 }), anyJson),
    preferred_language: hostileText,
  },
  { requiredKeys: [] },
);
