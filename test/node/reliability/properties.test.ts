/**
 * Property-based tests (fast-check): normalizers are idempotent and read every way a valid value is typed;
 * random valid applicants always become a request the sandbox approves; hostile error bodies, form_values,
 * offer_types and lookup responses never throw and never produce `undefined`/`NaN` text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  ERROR_TYPES,
  formValuesSchema,
  LOCALES,
  lookupResponseSchema,
  normalizeVerificationCode,
  offerTypeSchema,
  readApiError,
  todayLocal,
  validateApplyForm,
  validateEmail,
  validateMoney,
  validateName,
  validatePhone,
  validatePostalCode,
  validateSin,
  validateText,
  type FieldMessage,
} from '../../../src/model/index.js';
import { textIn } from '../../texts.js';
import { sandboxFormValues } from '../../../src/server/index.js';
import { fakeClock, openForSuite } from '../server/helpers.js';
import { startStack } from '../server/stack.js';
import {
  cents,
  errorBody,
  formValuesLike,
  hostileText,
  lookupLike,
  nanpPhone,
  offerType,
  personName,
  postalCodeFor,
  typedApplicant,
  typedMoney,
  typedName,
  typedPhone,
  typedPostalCode,
  typedSin,
  validSin,
} from './arbitraries.js';

const RUNS = { numRuns: 200 };

/** For 300 random inputs of `arbitrary`: `schema` parses or refuses each, never throws; `check` what it parsed. */
function whenParsed<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false } },
  arbitrary: fc.Arbitrary<unknown>,
  check: (parsed: T) => void,
): void {
  fc.assert(
    fc.property(arbitrary, (raw) => {
      const result = schema.safeParse(raw);
      if (result.success) check(result.data);
    }),
    { numRuns: 300 },
  );
}

/**
 * Text a customer may see never shows a programming artefact (`undefined`, `NaN`, `[object Object]`, an unfilled
 * `{placeholder}`), unless the API itself sent those characters (`source`, the body as JSON).
 */
function assertReadable(text: string, what: string, source = ''): void {
  assert.equal(typeof text, 'string', `${what} is a string`);
  assert.notEqual(text.trim(), '', `${what} is not empty`);
  for (const artefact of text.match(/\bundefined\b|\bNaN\b|\[object Object\]|\{\w+\}/g) ?? []) {
    assert.ok(source.includes(artefact), `${what} shows ${artefact}: ${JSON.stringify(text)}`);
  }
}

/** `validate(normalized)` gives `normalized` again: normalizing twice changes nothing. */
function assertIdempotent<T>(validate: (raw: unknown) => { ok: boolean; value?: T }, raw: unknown): void {
  const first = validate(raw);
  if (!first.ok) return;
  const second = validate(first.value);
  assert.equal(second.ok, true, `${JSON.stringify(first.value)} (from ${JSON.stringify(raw)}) is accepted again`);
  assert.deepEqual(second.value, first.value);
}

describe('normalizers are idempotent', () => {
  const anyInput = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 12 }), hostileText);

  it('postal codes: any input; and every typed form of a valid code gives the canonical A1A 1A1', async () => {
    fc.assert(
      fc.property(anyInput, (raw) => assertIdempotent((value) => validatePostalCode(value), raw)),
      RUNS,
    );
    const typed = fc
      .constantFrom('ON', 'QC', 'NU', 'BC', 'NL')
      .chain((province) =>
        postalCodeFor(province).chain((canonical) =>
          typedPostalCode(canonical).map((raw) => ({ province, canonical, raw })),
        ),
      );
    fc.assert(
      fc.property(typed, ({ province, canonical, raw }) => {
        assert.deepEqual(validatePostalCode(raw, province), { ok: true, value: canonical });
        assertIdempotent((value) => validatePostalCode(value, province), raw);
      }),
      RUNS,
    );
  });

  it('phone numbers: any input; and every typed form of a NANP number gives its 10 digits', async () => {
    fc.assert(
      fc.property(anyInput, (raw) => assertIdempotent((value) => validatePhone(value, { strict: true }), raw)),
      RUNS,
    );
    fc.assert(
      fc.property(anyInput, (raw) => assertIdempotent((value) => validatePhone(value), raw)),
      RUNS,
    );
    const typed = nanpPhone.chain((digits) => typedPhone(digits).map((raw) => ({ digits, raw })));
    fc.assert(
      fc.property(typed, ({ digits, raw }) => {
        // A valid number outside Canada's area codes is accepted with a warning: compare what is accepted.
        const result = validatePhone(raw, { strict: true });
        assert.deepEqual({ ok: result.ok, value: result.ok ? result.value : undefined }, { ok: true, value: digits });
      }),
      RUNS,
    );
  });

  it('SINs: any input; and every typed form of an issuable SIN gives its 9 digits', async () => {
    fc.assert(
      fc.property(anyInput, (raw) => assertIdempotent(validateSin, raw)),
      RUNS,
    );
    const typed = validSin.chain((digits) => typedSin(digits).map((raw) => ({ digits, raw })));
    fc.assert(
      fc.property(typed, ({ digits, raw }) => assert.deepEqual(validateSin(raw), { ok: true, value: digits })),
      RUNS,
    );
  });

  it('money: any input; every en-CA and fr-CA rendering of an amount reads back as that amount', async () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, fc.double(), fc.integer()), (raw) => assertIdempotent(validateMoney, raw)),
      RUNS,
    );
    const typed = cents(0, 9_999_999).chain((value) => typedMoney(value).map((raw) => ({ value, raw })));
    fc.assert(
      fc.property(typed, ({ value, raw }) => {
        const result = validateMoney(raw);
        assert.deepEqual(result, { ok: true, value }, `${JSON.stringify(raw)} reads as ${value}`);
        assertIdempotent(validateMoney, raw);
      }),
      RUNS,
    );
  });

  it('names: any input; and every typed form (padded, NFD) of a valid name gives its trimmed NFC form', async () => {
    fc.assert(
      fc.property(anyInput, (raw) => assertIdempotent((value) => validateName(value), raw)),
      RUNS,
    );
    const typed = personName.chain((name) => typedName(name).map((raw) => ({ name, raw })));
    fc.assert(
      fc.property(typed, ({ name, raw }) =>
        assert.deepEqual(validateName(raw), { ok: true, value: name.normalize('NFC') }),
      ),
      RUNS,
    );
  });

  it('free text, email and verification codes', async () => {
    fc.assert(
      fc.property(anyInput, (raw) => assertIdempotent((value) => validateText(value, 50), raw)),
      RUNS,
    );
    fc.assert(
      fc.property(fc.oneof(anyInput, fc.emailAddress()), (raw) => assertIdempotent(validateEmail, raw)),
      RUNS,
    );
    fc.assert(
      fc.property(anyInput, (raw) => {
        const once = normalizeVerificationCode(raw);
        assert.equal(normalizeVerificationCode(once), once);
      }),
      RUNS,
    );
  });
});

describe('random valid applicants', () => {
  const clock = fakeClock();
  const today = todayLocal(new Date(clock.now()));
  const stack = openForSuite(() => startStack({ sandbox: { clock: clock.now }, client: { now: clock.now } }));
  let serial = 0;

  it('always validate into a request the handler and the sandbox accept (approved), normalized as expected', async () => {
    const formValues = formValuesSchema.parse(sandboxFormValues('en'));
    const applicants = typedApplicant(formValues, today, () => serial++);
    let approved = 0;
    await fc.assert(
      fc.asyncProperty(applicants, async ({ values, expected }) => {
        const result = validateApplyForm(values, { today, formValues, strictPhone: true });
        assert.ok(
          result.ok,
          `valid applicant refused: ${JSON.stringify(!result.ok && result.fields)} for ${JSON.stringify(values)}`,
        );
        const { request } = result;
        for (const [key, value] of Object.entries(expected)) {
          assert.deepEqual((request as Record<string, unknown>)[key], value, `${key} normalized`);
        }
        const { id } = await stack.flexiti.createCheckout({
          orderId: `property-${serial}`,
          amount: request.amount_requested,
          channel: 'online',
        });
        const response = await fetch(`${stack.api}/apply`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-flexiti-checkout': id },
          body: JSON.stringify(request),
        });
        const body = (await response.json()) as Record<string, unknown>;
        assert.equal(response.status, 200, `sandbox refused ${JSON.stringify(request)}: ${JSON.stringify(body)}`);
        assert.equal(body['status'], 'approved');
        approved++;
      }),
      { numRuns: 100 },
    );
    assert.equal(
      approved,
      stack.harness.sandbox.state.applications.filter((application) => application.outcome === 'approved').length,
    );
  });
});

describe('hostile API data never throws and never shows undefined or NaN', () => {
  it('error bodies of any shape, with any status: a typed error with readable text in both languages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
        errorBody,
        async (status, body) => {
          const error = readApiError(status, body);
          assert.ok(ERROR_TYPES.includes(error.type), `type ${error.type}`);
          assert.equal(typeof error.code, 'string');
          assert.equal(typeof error.retryable, 'boolean');
          assert.equal(typeof error.message, 'string');
          // Tags are stripped (entities are decoded into text after that: the elements render it as text only).
          if (!JSON.stringify(body ?? null).includes('&'))
            assert.doesNotMatch(error.message, /<[a-z!/][^>]*>/i, 'message carries no tag');
          for (const locale of LOCALES) {
            const source = JSON.stringify(body ?? null);
            assertReadable(await textIn(error, locale), `errorText ${locale}`, source);
            for (const [field, message] of Object.entries(error.fields)) {
              assertReadable(await textIn(message as FieldMessage, locale), `field ${field} ${locale}`, source);
            }
          }
          // What an API echoed back (field_errors[].value) never survives into the error.
          const echoed = JSON.stringify(body ?? null).match(/"value":"([^"]{6,})"/)?.[1];
          if (echoed && !/^(wrong_inputs|general_error)$/.test(echoed)) {
            assert.ok(!JSON.stringify(error.fields).includes(echoed), 'no echoed value in the fields');
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('form_values of any shape: parsed or refused, never thrown; parsed labels are strings and terms are numbers', async () => {
    whenParsed(formValuesSchema, formValuesLike, (parsed) => {
      for (const list of ['salutation', 'province', 'security_qid', 'govid_type'] as const) {
        for (const label of Object.values(parsed[list].options)) assert.equal(typeof label, 'string');
      }
      for (const offer of parsed.offer_types) {
        for (const term of offer.term_options) assert.ok(Number.isFinite(term) && term > 0, `term ${term}`);
      }
    });
  });

  it('offer_types of any shape: term_options are positive whole numbers, never NaN', async () => {
    whenParsed(offerTypeSchema, offerType, (parsed) => {
      assert.equal(typeof parsed.plan_id, 'string');
      for (const term of parsed.term_options) assert.ok(Number.isInteger(term) && term > 0, `term ${term}`);
    });
  });

  it('lookup responses of any shape: parsed or refused; a parsed available_credit is a finite number', async () => {
    whenParsed(lookupResponseSchema, lookupLike, (parsed) => {
      assert.ok(Number.isFinite(parsed.available_credit), `available_credit ${parsed.available_credit}`);
      for (const question of parsed.security_qid) assert.equal(typeof question.text, 'string');
    });
  });
});
