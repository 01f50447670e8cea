import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  APPLY_FIELDS,
  APPLY_FIELD_NAMES,
  applyFieldErrors,
  applyRequestSchema,
  formValuesSchema,
  validateApplyForm,
  type ApplyRequest,
} from '../../../src/model/index.js';
import { seed, typedApplication } from './fixtures.js';

const TODAY = '2026-05-15';
const formValues = formValuesSchema.parse(
  seed<{ form_values: unknown }>('POST /client-id/{client_id}/merchants/login', 'response').form_values,
);

function fieldsOf(values: Record<string, unknown>, options: Partial<Parameters<typeof validateApplyForm>[1]> = {}) {
  const result = validateApplyForm(values, { today: TODAY, ...options });
  assert.equal(result.ok, false, 'expected field errors');
  return result.ok ? {} : result.fields;
}

function requestOf(
  values: Record<string, unknown>,
  options: Partial<Parameters<typeof validateApplyForm>[1]> = {},
): ApplyRequest {
  const result = validateApplyForm(values, { today: TODAY, ...options });
  assert.equal(result.ok, true, JSON.stringify(result));
  return (result as { request: ApplyRequest }).request;
}

/** A valid normalized body, as validateApplyForm produces it. */
const validBody = (): ApplyRequest => requestOf(typedApplication());

describe('APPLY_FIELDS', () => {
  test('lists every apply parameter once, in form order, with the corrected required column', () => {
    assert.deepEqual(
      APPLY_FIELDS.map((field) => field.name),
      [...APPLY_FIELD_NAMES],
    );
    const required = Object.fromEntries(APPLY_FIELDS.map((field) => [field.name, field.required]));
    assert.deepEqual(
      [
        required.address_1,
        required.address_2,
        required.email,
        required.middle_name,
        required.sin,
        required.monthly_housing_expenses,
      ],
      [true, false, true, false, false, 'quebec'],
    );
  });

  test('every text-like field has a maxLength; secrets and government ids have autocomplete off', () => {
    for (const field of APPLY_FIELDS) {
      if (!['choice', 'checkbox', 'hidden'].includes(field.kind)) assert.ok(field.maxLength, field.name);
      if (['sin', 'secret'].includes(field.kind) || field.name.startsWith('govid_'))
        assert.equal(field.autocomplete, 'off', field.name);
    }
  });
});

describe('validateApplyForm', () => {
  test('turns a typed Ontario application into the normalized request, blanks left out', () => {
    assert.deepEqual(
      requestOf(typedApplication({ middle_name: ' ', address_2: '', sin: '130 692 544', language: 'fr' })),
      {
        amount_requested: 5000,
        salutation: 'mr',
        first_name: 'John',
        last_name: 'Doe',
        dob: '1990-01-01',
        language: 'fr-CA',
        email: 'john.doe@example.com',
        phone_number: '4165550199',
        address_1: '123 Any Street',
        city: 'Toronto',
        province: 'ON',
        postal_code: 'M5V 2T6',
        housing_type: 'Rent',
        personal_income: 55000,
        household_income: 80000,
        occupation_id: 'FE',
        occupation_title: 'Baker',
        sin: '130692544',
        security_qid: '8',
        security_answer: 'Horse',
        piw: 'Cloud',
        tos_agreement: true,
      },
    );
  });

  test('a Quebec application sends monthly_housing_expenses as a number', () => {
    const request = requestOf(
      typedApplication({ province: 'QC', postal_code: 'H2X 1Y4', monthly_housing_expenses: '1 250,50 $' }),
    );
    assert.equal(request.monthly_housing_expenses, 1250.5);
  });

  test('an empty form reports every required field (and nothing optional)', () => {
    const fields = fieldsOf({});
    const required = APPLY_FIELDS.filter((field) => field.required === true).map((field) => field.name);
    assert.deepEqual(Object.keys(fields).sort(), [...required].sort());
    assert.equal(fields.tos_agreement?.key, 'tos.required');
    assert.equal(fields.first_name?.key, 'required');
  });

  test('terms not agreed gets tos.required', () => {
    assert.deepEqual(fieldsOf(typedApplication({ tos_agreement: false })), { tos_agreement: { key: 'tos.required' } });
  });

  test('an amount of 0 gets money.positive', () => {
    assert.deepEqual(fieldsOf(typedApplication({ amount_requested: '0,00' })), {
      amount_requested: { key: 'money.positive' },
    });
  });

  test('an email without a domain gets email.format', () => {
    assert.deepEqual(fieldsOf(typedApplication({ email: 'john@' })), { email: { key: 'email.format' } });
  });

  test('government ID is all-or-nothing: a number alone marks type and issuer govid.incomplete', () => {
    assert.deepEqual(fieldsOf(typedApplication({ govid_number: 'D6101' })), {
      govid_type: { key: 'govid.incomplete' },
      govid_issuedby: { key: 'govid.incomplete' },
    });
  });

  test('a complete government ID is sent; an expired one gets govid.expired', () => {
    const id = {
      govid_type: 'CADL',
      govid_issuedby: 'ON',
      govid_number: 'D6101-40706-60905',
      govid_expiry: '2030-05-15',
      input_type: 'manual',
    };
    const request = requestOf(typedApplication(id), { formValues });
    assert.deepEqual(
      [request.govid_type, request.govid_issuedby, request.govid_number, request.govid_expiry, request.input_type],
      ['CADL', 'ON', 'D6101-40706-60905', '2030-05-15', 'manual'],
    );
    assert.deepEqual(fieldsOf(typedApplication({ ...id, govid_expiry: '2020-12-12' })), {
      govid_expiry: { key: 'govid.expired' },
    });
  });

  test('with form_values, choices must be offered: an Ontario health card issuer gets choice.invalid', () => {
    const fields = fieldsOf(
      typedApplication({ salutation: 'dr', govid_type: 'CAHC', govid_issuedby: 'ON', govid_number: '1234' }),
      { formValues },
    );
    assert.deepEqual(fields, { salutation: { key: 'choice.invalid' }, govid_issuedby: { key: 'choice.invalid' } });
  });

  test('an unknown province gets choice.invalid; legacy PQ reads as QC', () => {
    assert.deepEqual(fieldsOf(typedApplication({ province: 'ZZ' })), { province: { key: 'choice.invalid' } });
    assert.equal(
      requestOf(typedApplication({ province: 'PQ', postal_code: 'H2X 1Y4', monthly_housing_expenses: '900' })).province,
      'QC',
    );
  });

  test('a non-NANP phone number is an error, even without strictPhone; a US number only a warning', () => {
    const bad = validateApplyForm(typedApplication({ phone_number: '555-123-1231' }), { today: TODAY });
    assert.equal(bad.ok, false);
    const us = validateApplyForm(typedApplication({ phone_number: '212-555-0123' }), { today: TODAY });
    assert.equal(us.ok, true);
    assert.deepEqual(us.warnings, { phone_number: { key: 'phone.area_not_canadian' } });
  });

  test('what it produces passes applyRequestSchema', () => {
    assert.deepEqual(applyFieldErrors(validBody()), []);
  });
});

describe('applyRequestSchema and applyFieldErrors (Flexiti field_errors vocabulary)', () => {
  test('housing cost sent for Ontario is invalid; missing for Quebec is required', () => {
    assert.deepEqual(applyFieldErrors({ ...validBody(), monthly_housing_expenses: 900 }), [
      { param: 'monthly_housing_expenses', msg: 'invalid' },
    ]);
    assert.deepEqual(applyFieldErrors({ ...validBody(), province: 'QC', postal_code: 'H2X 1Y4' }), [
      { param: 'monthly_housing_expenses', msg: 'required' },
    ]);
  });

  test('missing required parameters are required; tos_agreement false is required', () => {
    const { email: _email, ...body } = validBody();
    assert.deepEqual(applyFieldErrors({ ...body, tos_agreement: false }), [
      { param: 'email', msg: 'required' },
      { param: 'tos_agreement', msg: 'required' },
    ]);
  });

  test('format, date, type and length problems use the API words', () => {
    assert.deepEqual(
      applyFieldErrors({
        ...validBody(),
        phone_number: '555-123',
        dob: '2023-02-30',
        amount_requested: '5000',
        first_name: 'a'.repeat(81),
      }),
      [
        { param: 'amount_requested', msg: 'type' },
        { param: 'phone_number', msg: 'wrong format' },
        { param: 'first_name', msg: 'length' },
        { param: 'dob', msg: 'invalid_date_format' },
      ],
    );
  });

  test('a partial government ID requires the rest of the group', () => {
    assert.deepEqual(applyFieldErrors({ ...validBody(), govid_number: 'D6101' }), [
      { param: 'govid_type', msg: 'required' },
      { param: 'govid_issuedby', msg: 'required' },
    ]);
  });

  test('never echoes a value (a rejected SIN stays out of the errors)', () => {
    const errors = applyFieldErrors({ ...validBody(), sin: '046454287' });
    assert.deepEqual(errors, [{ param: 'sin', msg: 'wrong format' }]);
    assert.equal(JSON.stringify(errors).includes('046454287'), false);
    const issues = applyRequestSchema.safeParse({ ...validBody(), sin: '046454287' }).error?.issues ?? [];
    assert.equal(JSON.stringify(issues).includes('046454287'), false);
  });

  test('a body that is not an object is reported, not thrown', () => {
    assert.deepEqual(applyFieldErrors(null), [{ param: 'body', msg: 'type' }]);
  });
});
