// The validator cases of docs/reliability.md §5 (#16–#38, #40, #42), one test each, asserting exact keys.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  normalizeVerificationCode,
  todayLocal,
  validateApplyForm,
  validateDate,
  validateDob,
  validateGovIdExpiry,
  validateMoney,
  validateName,
  validatePhone,
  validatePostalCode,
  validateSin,
  validateVerificationCode,
  APPLY_FIELDS,
  type Validation,
} from '../../../src/model/index.js';
import { typedApplication } from './fixtures.js';

const TODAY = '2026-05-15';

function value<T>(result: Validation<T>): T {
  assert.equal(result.ok, true, JSON.stringify(result));
  return (result as { value: T }).value;
}

function errorKey(result: Validation<unknown>): string {
  assert.equal(result.ok, false, JSON.stringify(result));
  return (result as { error: { key: string } }).error.key;
}

describe('names', () => {
  test("#16 names Zoë, O'Brien, O’Brien, Jean-François, Nguyễn are accepted and NFC-normalized", () => {
    for (const name of ['Zoë', "O'Brien", 'O’Brien', 'Jean-François', 'Nguyễn'])
      assert.equal(value(validateName(name)), name.normalize('NFC'));
    const decomposed = 'Nguyễn'.normalize('NFD');
    assert.equal(decomposed.length, 8);
    const normalized = value(validateName(decomposed));
    assert.equal(normalized.length, 6);
    assert.equal(normalized, 'Nguyễn'.normalize('NFC'));
  });

  test('#17 a name with an emoji or U+202E (right-to-left override) gets name.characters', () => {
    assert.equal(errorKey(validateName('Bob 😀')), 'name.characters');
    assert.equal(errorKey(validateName('Bob\u202Eevil')), 'name.characters');
  });

  test('#18 a padded name is trimmed; a whitespace-only name is required', () => {
    assert.equal(value(validateName('  Ann Marie  ')), 'Ann Marie');
    assert.equal(errorKey(validateName(' \t ')), 'required');
  });

  test('#19 first name 81 / last name 131 characters and a 10 kB paste get text.too_long with the limit', () => {
    assert.deepEqual(validateName('a'.repeat(81), { maxLength: 80 }), {
      ok: false,
      error: { key: 'text.too_long', params: { max: 80 } },
    });
    assert.deepEqual(validateName('a'.repeat(131), { maxLength: 130 }), {
      ok: false,
      error: { key: 'text.too_long', params: { max: 130 } },
    });
    assert.equal(value(validateName('a'.repeat(130), { maxLength: 130 })).length, 130);
    assert.equal(errorKey(validateName('a'.repeat(10_240), { maxLength: 80 })), 'text.too_long');
    const limits = Object.fromEntries(APPLY_FIELDS.map((field) => [field.name, field.maxLength]));
    assert.deepEqual([limits.first_name, limits.last_name], [80, 130]);
    const form = validateApplyForm(typedApplication({ first_name: 'a'.repeat(81), last_name: 'b'.repeat(131) }), {
      today: TODAY,
    });
    assert.deepEqual(form.ok ? {} : [form.fields.first_name, form.fields.last_name], [
      { key: 'text.too_long', params: { max: 80 } },
      { key: 'text.too_long', params: { max: 130 } },
    ]);
  });
});

describe('SIN', () => {
  test('#20 SIN 046 454 286 / 046-454-286 / 046454286 normalize alike, pass Luhn, and fail the first-digit rule (sin.not_issued)', () => {
    for (const sin of ['046 454 286', '046-454-286', '046454286'])
      assert.equal(errorKey(validateSin(sin)), 'sin.not_issued');
    // The same separators around a SIN that can be issued: all normalize to the 9 digits.
    for (const sin of ['130 692 544', '130-692-544', '130.692.544', '130692544'])
      assert.equal(value(validateSin(sin)), '130692544');
  });

  test('#21 SIN 046 454 287 and the seed 123123123 fail Luhn (sin.checksum)', () => {
    assert.equal(errorKey(validateSin('046 454 287')), 'sin.checksum');
    assert.equal(errorKey(validateSin('123123123')), 'sin.checksum');
  });

  test('#22 SIN 000000000 is rejected (sin.not_issued); 8 or 10 digits and letters are sin.format', () => {
    assert.equal(errorKey(validateSin('000000000')), 'sin.not_issued');
    assert.equal(errorKey(validateSin('13069254')), 'sin.format');
    assert.equal(errorKey(validateSin('1306925440')), 'sin.format');
    assert.equal(errorKey(validateSin('ABC DEF GHI')), 'sin.format');
  });

  test('#23 a blank SIN is allowed and left out of the request', () => {
    assert.deepEqual(validateSin(''), { ok: true, value: undefined });
    assert.deepEqual(validateSin('   '), { ok: true, value: undefined });
    const form = validateApplyForm(typedApplication({ sin: '  ' }), { today: TODAY });
    assert.equal(form.ok, true, JSON.stringify(form));
    assert.equal(form.ok && Object.hasOwn(form.request, 'sin'), false);
  });

  test('#24 SIN 918 640 897 (temporary resident, 9-series) is accepted', () => {
    assert.equal(value(validateSin('918 640 897')), '918640897');
  });
});

describe('postal code', () => {
  test('#25 postal code " k1a-0b1 " and "K1A0B1" normalize to K1A 0B1', () => {
    assert.equal(value(validatePostalCode(' k1a-0b1 ')), 'K1A 0B1');
    assert.equal(value(validatePostalCode('K1A0B1')), 'K1A 0B1');
  });

  test('#26 postal codes W1A 1A1, D1A 1A1, K1O 1A1 get postal.format', () => {
    for (const code of ['W1A 1A1', 'D1A 1A1', 'K1O 1A1'])
      assert.equal(errorKey(validatePostalCode(code)), 'postal.format', code);
  });

  test('#27 postal code A1A 0H1 with province QC (the seed) gets postal.province; without the check it passes', () => {
    assert.equal(errorKey(validatePostalCode('A1A 0H1', 'QC')), 'postal.province');
    assert.equal(value(validatePostalCode('A1A 0H1', 'NL')), 'A1A 0H1');
    assert.equal(value(validatePostalCode('A1A 0H1')), 'A1A 0H1');
    const form = validateApplyForm(
      typedApplication({ province: 'QC', postal_code: 'A1A 0H1', monthly_housing_expenses: '900' }),
      {
        today: TODAY,
        checkPostalProvince: false,
      },
    );
    assert.equal(form.ok, true, JSON.stringify(form));
  });
});

describe('phone', () => {
  test('#28 pasted phone (555) 123-1231 → 5551231231: strict gets phone.invalid, lenient accepts with a phone.invalid warning', () => {
    assert.equal(errorKey(validatePhone('(555) 123-1231', { strict: true })), 'phone.invalid');
    assert.deepEqual(validatePhone('(555) 123-1231'), {
      ok: true,
      value: '5551231231',
      warning: { key: 'phone.invalid' },
    });
  });

  test('#29 phone +1 416 555 0199 and 1-416-555-0199 → 4165550199', () => {
    assert.deepEqual(validatePhone('+1 416 555 0199', { strict: true }), { ok: true, value: '4165550199' });
    assert.deepEqual(validatePhone('1-416-555-0199', { strict: true }), { ok: true, value: '4165550199' });
  });

  test('a valid number with an area code outside Canada is accepted, even in strict mode, with a warning', () => {
    assert.deepEqual(validatePhone('212 555 0199', { strict: true }), {
      ok: true,
      value: '2125550199',
      warning: { key: 'phone.area_not_canadian' },
    });
    assert.deepEqual(validatePhone('212 555 0199'), {
      ok: true,
      value: '2125550199',
      warning: { key: 'phone.area_not_canadian' },
    });
  });

  test('a Canadian area code, new overlays included, has no warning', () => {
    for (const phone of ['416 555 0199', '263 555 0199', '742 555 0199', '600 555 0199']) {
      assert.deepEqual(validatePhone(phone, { strict: true }), { ok: true, value: phone.replace(/ /g, '') }, phone);
    }
  });

  test('#30 strict phone 911 555 1234, 416 911 1234 and employer 1231231231 get phone.invalid', () => {
    for (const phone of ['911 555 1234', '416 911 1234', '1231231231'])
      assert.equal(errorKey(validatePhone(phone, { strict: true })), 'phone.invalid', phone);
    const form = validateApplyForm(typedApplication({ employer_phone: '1231231231' }), {
      today: TODAY,
      strictPhone: true,
    });
    assert.deepEqual(form.ok ? undefined : form.fields.employer_phone, { key: 'phone.invalid' });
  });
});

describe('dates', () => {
  test('#31 a date of birth in the future gets dob.future', () => {
    assert.equal(errorKey(validateDob('2026-05-16', 'ON', TODAY)), 'dob.future');
  });

  test('#32 an applicant turning 18 today is underage in BC (19) and accepted in ON', () => {
    assert.deepEqual(validateDob('2008-05-15', 'BC', TODAY), {
      ok: false,
      error: { key: 'dob.underage', params: { age: 19 } },
    });
    assert.equal(value(validateDob('2008-05-15', 'ON', TODAY)), '2008-05-15');
    assert.equal(errorKey(validateDob('2008-05-16', 'ON', TODAY)), 'dob.underage');
  });

  test('#33 dates 2023-02-30 and 1990-13-01 get date.invalid (never rolled over); 1990-2-3 gets date.format', () => {
    assert.equal(errorKey(validateDate('2023-02-30')), 'date.invalid');
    assert.equal(errorKey(validateDate('1990-13-01')), 'date.invalid');
    assert.equal(errorKey(validateDate('1990-2-3')), 'date.format');
    assert.equal(errorKey(validateDob('2023-02-30', 'ON', TODAY)), 'date.invalid');
  });

  test('#34 DOB 2004-02-29 is accepted, and today is the local calendar date, not UTC (Vancouver near midnight)', () => {
    assert.equal(value(validateDob('2004-02-29', 'BC', TODAY)), '2004-02-29');
    const previousTz = process.env.TZ;
    process.env.TZ = 'America/Vancouver';
    try {
      // 07:30 UTC on 1 March is 23:30 on 28 February in Vancouver (UTC−8).
      const nearMidnight = new Date(Date.UTC(2023, 2, 1, 7, 30));
      assert.equal(nearMidnight.toISOString().slice(0, 10), '2023-03-01');
      assert.equal(todayLocal(nearMidnight), '2023-02-28');
      // Born 2004-02-29: still 18 in Vancouver's 28 February 2023, so underage in BC (19) and accepted in AB.
      assert.equal(errorKey(validateDob('2004-02-29', 'BC', todayLocal(nearMidnight))), 'dob.underage');
      assert.equal(value(validateDob('2004-02-29', 'AB', todayLocal(nearMidnight))), '2004-02-29');
    } finally {
      if (previousTz === undefined) delete process.env.TZ;
      else process.env.TZ = previousTz;
    }
  });

  test('#35 a government ID that expired (seed 2020-12-12) gets govid.expired; expiring today is still valid', () => {
    assert.equal(errorKey(validateGovIdExpiry('2020-12-12', TODAY)), 'govid.expired');
    assert.equal(errorKey(validateGovIdExpiry('2026-05-14', TODAY)), 'govid.expired');
    assert.equal(value(validateGovIdExpiry(TODAY, TODAY)), TODAY);
  });
});

describe('money', () => {
  test('#36 income -5 gets money.negative; abc, 1e6 and 0x10 get money.format', () => {
    assert.equal(errorKey(validateMoney('-5')), 'money.negative');
    for (const text of ['abc', '1e6', '0x10']) assert.equal(errorKey(validateMoney(text)), 'money.format', text);
  });

  test('#37 income empty or spaces only is required, not 0', () => {
    assert.equal(errorKey(validateMoney('')), 'required');
    assert.equal(errorKey(validateMoney('   ')), 'required');
    assert.equal(errorKey(validateMoney('\u00A0')), 'required');
  });

  test('#38 income 1,234.56 (en), 1 234,56 with U+0020/U+00A0/U+202F (fr) and 1 234,56 $ all give 1234.56', () => {
    for (const text of [
      '1,234.56',
      '1 234,56',
      '1\u00A0234,56',
      '1\u202F234,56',
      '1\u00A0234,56\u00A0$',
      '1 234,56 $',
      '$1,234.56',
      '1234,56',
    ]) {
      assert.equal(value(validateMoney(text)), 1234.56, JSON.stringify(text));
    }
  });
});

describe('application rules', () => {
  test('#39 household income below personal income gets income.household_below_personal', () => {
    const form = validateApplyForm(typedApplication({ personal_income: '60 000', household_income: '50 000' }), {
      today: TODAY,
    });
    assert.deepEqual(form.ok ? undefined : form.fields, {
      household_income: { key: 'income.household_below_personal' },
    });
  });

  test('#40 a QC applicant who leaves housing cost empty gets required; optional (and not sent) for ON', () => {
    const qc = validateApplyForm(
      typedApplication({ province: 'QC', postal_code: 'H2X 1Y4', monthly_housing_expenses: ' ' }),
      { today: TODAY },
    );
    assert.deepEqual(qc.ok ? undefined : qc.fields, { monthly_housing_expenses: { key: 'required' } });
    const on = validateApplyForm(typedApplication({ monthly_housing_expenses: '' }), { today: TODAY });
    assert.equal(on.ok, true, JSON.stringify(on));
    assert.equal(on.ok && Object.hasOwn(on.request, 'monthly_housing_expenses'), false);
  });
});

describe('verification code', () => {
  test('#42 a verification code pasted as " 2 2 2 2 " has its spaces stripped and is accepted', () => {
    assert.equal(normalizeVerificationCode(' 2 2 2 2 '), '2222');
    assert.deepEqual(validateVerificationCode(' 2 2 2 2 '), { ok: true, value: '2222' });
    assert.equal(errorKey(validateVerificationCode('22a2')), 'verification_code.format');
  });
});
