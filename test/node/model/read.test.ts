// The readers the elements use (src/model/read.ts) against the zod schemas the server uses: the same answer on
// the seed's examples and on random, hostile inputs: accepted or not, the same normalized value, and the same
// first failing key.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  amountSchema,
  applyRequestSchema,
  applyResponseSchema,
  formValuesSchema,
  idSchema,
  licenseResponseSchema,
  offerTypeSchema,
  optionMapSchema,
  termSchema,
  validateApplyForm,
} from '../../../src/model/index.js';
import {
  amount,
  applyResponse,
  formValues,
  id,
  licenseResponse,
  offerType,
  optionMap,
  read,
  term,
  type Reader,
} from '../../../src/model/read.js';
import * as arbitrary from '../reliability/arbitraries.js';
import { seed, typedApplication } from './fixtures.js';

interface Schema {
  safeParse(input: unknown): { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[] }[] } };
}

/** The reader answers what the schema answers. */
function agree(reader: Reader<unknown>, schema: Schema, input: unknown): void {
  const expected = schema.safeParse(input);
  const actual = read(reader, input);
  assert.equal(actual.ok, expected.success, `accepted? ${JSON.stringify(input)}`);
  if (actual.ok) assert.deepStrictEqual(actual.value, expected.data, `value of ${JSON.stringify(input)}`);
  else
    assert.deepStrictEqual(actual.path, expected.error!.issues[0]!.path, `first failure in ${JSON.stringify(input)}`);
}

const LOGIN = 'POST /client-id/{client_id}/merchants/login';
const APPLY = 'POST /client-id/{client_id}/apply';
const LICENSE = 'POST /client-id/{client_id}/customers/driverslicense';

const RUNS = { numRuns: 500 };

describe('readers and schemas agree on the seed examples', () => {
  test('form_values and every plan in it', () => {
    const values = seed<{ form_values: { offer_types: unknown[] } }>(LOGIN, 'response').form_values;
    agree(formValues, formValuesSchema, values);
    for (const offer of values.offer_types) agree(offerType, offerTypeSchema, offer);
  });

  test('both apply approvals (ROC and Quebec)', () => {
    agree(applyResponse, applyResponseSchema, seed(APPLY, '200 - Success - ROC applicant'));
    agree(applyResponse, applyResponseSchema, seed(APPLY, '200 - Success - QC applicant'));
  });

  test('the decoded licence', () => {
    agree(licenseResponse, licenseResponseSchema, seed(LICENSE, 'response'));
  });
});

describe('readers and schemas agree on random inputs', () => {
  const scalar = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.constantFrom('', ' 12 ', '1,200.05', '$ 1 000.50', '120.05000', '-3', '0', '1e3', ' 007 ', 'NaN'),
    arbitrary.hostileText,
    arbitrary.anyJson,
  );

  test('ids, amounts and terms', () => {
    fc.assert(
      fc.property(scalar, (input) => {
        agree(id, idSchema, input);
        agree(amount, amountSchema, input);
        agree(term, termSchema, input);
      }),
      RUNS,
    );
  });

  test('option lists', () => {
    fc.assert(
      fc.property(fc.oneof(arbitrary.optionMap, arbitrary.anyJson), (input) =>
        agree(optionMap, optionMapSchema, input),
      ),
      RUNS,
    );
  });

  test('plans', () => {
    fc.assert(
      fc.property(arbitrary.offerType, (input) => agree(offerType, offerTypeSchema, input)),
      RUNS,
    );
  });

  test('form_values', () => {
    fc.assert(
      fc.property(arbitrary.formValuesLike, (input) => agree(formValues, formValuesSchema, input)),
      RUNS,
    );
  });

  test('apply approvals', () => {
    const approval = fc.record(
      {
        vcc_number: scalar,
        account_number: scalar,
        customer_id: scalar,
        available_credit: scalar,
        credit_limit: scalar,
        risk_rating: fc.oneof(arbitrary.hostileText, arbitrary.anyJson),
        offer_types: fc.oneof(fc.array(arbitrary.offerType, { maxLength: 3 }), arbitrary.anyJson),
        debt_ratio: scalar,
        extra: arbitrary.anyJson,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(approval, (input) => agree(applyResponse, applyResponseSchema, input)),
      RUNS,
    );
  });

  test('decoded licences', () => {
    const field = fc.oneof(arbitrary.hostileText, arbitrary.anyJson);
    const licence = fc.dictionary(
      fc.constantFrom('first_name', 'last_name', 'dob', 'province', 'postal_code', 'govid_number', 'other'),
      field,
    );
    fc.assert(
      fc.property(fc.oneof(licence, arbitrary.anyJson), (input) =>
        agree(licenseResponse, licenseResponseSchema, input),
      ),
      RUNS,
    );
  });
});

describe('validateApplyForm without a schema check', () => {
  const values = seed<{ form_values: unknown }>(LOGIN, 'response').form_values;
  const options = { today: '2026-06-01', formValues: formValuesSchema.parse(values) };

  test('what it builds from a typed application passes applyRequestSchema unchanged', () => {
    const result = validateApplyForm(typedApplication(), options);
    assert.ok(result.ok);
    const parsed = applyRequestSchema.safeParse(result.request);
    assert.ok(parsed.success);
    assert.deepStrictEqual(parsed.data, result.request);
  });

  test('every request it accepts from random applicants passes applyRequestSchema unchanged', () => {
    let serial = 0;
    fc.assert(
      fc.property(
        arbitrary.typedApplicant(options.formValues, options.today, () => serial++),
        ({ values }) => {
          const result = validateApplyForm(values, options);
          if (!result.ok) return;
          const parsed = applyRequestSchema.safeParse(result.request);
          assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
          assert.deepStrictEqual(parsed.data, result.request);
        },
      ),
      { numRuns: 200 },
    );
  });
});
