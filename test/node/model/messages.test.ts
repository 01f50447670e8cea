import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { ERROR_CATALOGUE, ERROR_TYPES, LOCALES, catalogueEntry } from '../../../src/model/index.js';
import { API_TEXTS } from '../../../src/internal/api-texts.js';
import { FIELD_MESSAGE_TEXTS, MESSAGE_TEXTS } from '../../../src/internal/message-texts.js';
import { ERROR_MESSAGE_TEXTS } from '../../../src/internal/message-texts-errors.js';
import { errorMessageText } from '../../../src/internal/message-text-errors.js';
import { messageText } from '../../../src/internal/message-text-all.js';
import { textIn } from '../../texts.js';

/** Every key the elements can say: validation and general keys, and `api.<code>` for each catalogue code. */
const messageKeys = () => [...Object.keys(MESSAGE_TEXTS), ...Object.keys(ERROR_CATALOGUE).map((code) => `api.${code}`)];

// Every error code named in seeds 000, 001 and 003, Finix's codes and failure codes in seed 002, the codes the
// Flexiti docs add, and our local codes.
const SEED_000 = [
  'invalid_token',
  'invalid_credentials',
  'invalid_client',
  'invalid_account',
  'not_found',
  'invalid_request',
  'Unauthorized',
  'authentication_failure',
  'tos_agreement_required',
  'customer_already_exists',
  'application_declined',
  'application_declined_2',
  'application_declined_3',
  'creditapp_id_not_found',
  'application_marked_pending_1',
  'application_marked_pending_2',
  'application_create_error',
  'user_not_active',
  'user_not_able_to_purchase',
  'user_not_able_to_preaut',
  'secret_answer_mismatch',
  'merchant_override_is_not_allowed',
  'piw_mismatch',
  "Driver License's not supported",
  'wrong_verification_code',
  'verification_code_required',
  'invalid_transaction_type',
  'not_enough_credit',
  'limit_payment_amount_24',
  'refunds_limit_exceeded_amount',
  'wrong_inputs',
];
const SEED_001 = [
  'Insufficient scope: authorized scope is insufficient',
  'insufficient_scope',
  'invalid_role',
  'general_error',
  'not_verified',
  'external_location_id_not_found',
  'account_type_not_permitted',
  'vcc_account_mismatch',
  'customer_identity_not_found',
  'credit_exceeded',
  'auth_not_allowed',
  'plan_term_not_set',
  'plan_term_not_available',
];
const SEED_003 = ['wrong_input', 'no_returns_found'];
const SEED_002 = [
  'BAD_REQUEST',
  'UNKNOWN',
  'UPSTREAM_PROCESSOR_ERROR',
  'DECLINED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'NOT_ACCEPTABLE',
  'CONFLICT',
  'UNPROCESSABLE_ENTITY',
  'INVALID_FIELD',
  'TOO_MANY_REQUESTS',
  'SERVER_ERROR',
  'GENERIC_DECLINE',
];
const EXTRA = ['tries_exceed', 'sms_not_valid_phone'];
const LOCAL = ['network_error', 'timeout', 'invalid_response', 'no_handler', 'unknown'];

const generic = (locale: (typeof LOCALES)[number]) => textIn('field.generic', locale);

describe('error catalogue', () => {
  for (const code of [...SEED_000, ...SEED_001, ...SEED_003, ...SEED_002, ...EXTRA, ...LOCAL]) {
    test(`${code}: has a type and en-CA and fr-CA text`, async () => {
      const entry = catalogueEntry(code);
      assert.ok(entry, `no catalogue entry for ${code}`);
      assert.ok(ERROR_TYPES.includes(entry.type));
      const [en, fr] = [await textIn(`api.${code}`, 'en-CA'), await textIn(`api.${code}`, 'fr-CA')];
      assert.ok(en.trim().length > 10, 'English text');
      assert.ok(fr.trim().length > 10, 'French text');
      assert.notEqual(fr, en, 'the French text is a translation');
    });
  }

  test('every entry has its own text and a known type', () => {
    const incomplete = Object.entries(ERROR_CATALOGUE)
      .filter(([code, entry]) => !Object.hasOwn(API_TEXTS, code) || !ERROR_TYPES.includes(entry.type))
      .map(([code]) => code);
    assert.deepEqual(incomplete, []);
    assert.deepEqual(
      Object.keys(API_TEXTS).filter((code) => !Object.hasOwn(ERROR_CATALOGUE, code)),
      [],
      'no text without a catalogue entry',
    );
  });

  test('codes that name a field map to our field names', () => {
    const fields = Object.fromEntries(
      Object.entries(ERROR_CATALOGUE)
        .filter(([, e]) => e.field)
        .map(([code, e]) => [code, e.field]),
    );
    assert.deepEqual(fields, {
      tos_agreement_required: 'tos_agreement',
      secret_answer_mismatch: 'security_answer',
      piw_mismatch: 'piw',
      wrong_verification_code: 'verification_code',
      verification_code_required: 'verification_code',
      "Driver License's not supported": 'code',
      vcc_account_mismatch: 'vcc_number',
      plan_not_offered: 'plan_id',
    });
  });
});

describe('messageText', () => {
  // <flexiti-plan-picker> renders no field, so it carries only the texts an error is shown with
  // (errorMessageText); every element that renders fields uses messageText. Both must say the same for an error.
  test('an error key says the same through errorMessageText as through messageText, in both audiences', () => {
    const params = { wait: '2 minutes', fields: 'x_param' };
    const errorKeys = [
      ...Object.keys(ERROR_MESSAGE_TEXTS),
      ...Object.keys(ERROR_CATALOGUE).map((code) => `api.${code}`),
    ];
    for (const key of errorKeys)
      for (const audience of ['online', 'in_store'] as const)
        assert.equal(errorMessageText({ key, params }, audience), messageText({ key, params }, audience), key);
    assert.deepEqual(
      Object.keys(FIELD_MESSAGE_TEXTS).filter((key) => Object.hasOwn(ERROR_MESSAGE_TEXTS, key)),
      [],
      'a key has one text',
    );
  });

  test('the brief example: sin.checksum in both languages', async () => {
    assert.equal(await textIn('sin.checksum', 'en-CA'), "This SIN isn't valid. Check the 9 digits.");
    assert.equal(await textIn({ key: 'sin.checksum' }, 'fr-CA'), "Ce NAS n'est pas valide. Vérifiez les 9 chiffres.");
  });

  test('every key it knows resolves to its own text in both locales, with the same placeholders', async () => {
    const problems: string[] = [];
    const params = { max: 80, age: 19, wait: '2 minutes', fields: 'x_param' };
    for (const key of messageKeys()) {
      const en = await textIn({ key, params }, 'en-CA');
      const fr = await textIn({ key, params }, 'fr-CA');
      if (key !== 'field.generic' && (en === (await generic('en-CA')) || fr === (await generic('fr-CA'))))
        problems.push(`${key}: falls back to generic`);
      if (en === fr) problems.push(`${key}: French equals English`);
      for (const value of Object.values(params))
        if (en.includes(String(value)) !== fr.includes(String(value))) problems.push(`${key}: placeholders differ`);
    }
    assert.deepEqual(problems, []);
  });

  test('every message key written in the model source, and every error type, is known', () => {
    const dir = new URL('../../../src/model/', import.meta.url);
    const source = readdirSync(dir)
      .filter((file) => file.endsWith('.ts') && !file.includes('.test.'))
      .map((file) => readFileSync(new URL(file, dir), 'utf8'))
      .join('\n');
    const written = new Set([...source.matchAll(/'((?:[a-z_]+\.)+[a-z_]+)'/g)].map((match) => match[1]!));
    written.add('required');
    for (const type of ERROR_TYPES) written.add(`error.${type}`);
    const known = new Set(messageKeys());
    assert.deepEqual(
      [...written].filter((key) => !known.has(key)),
      [],
    );
    assert.ok(written.size > 40, `found ${written.size} keys`);
  });

  test('params are filled in', async () => {
    assert.equal(await textIn({ key: 'text.too_long', params: { max: 80 } }, 'en-CA'), 'Use 80 characters or fewer.');
    assert.equal(
      await textIn({ key: 'dob.underage', params: { age: 19 } }, 'fr-CA'),
      'Vous devez avoir au moins 19 ans pour faire une demande dans votre province.',
    );
  });

  test('api.<code> keys resolve through the catalogue, case as sent', async () => {
    assert.equal(await textIn('api.PIW_MISMATCH', 'en-CA'), await textIn('api.piw_mismatch', 'en-CA'));
    assert.equal(await textIn('api.UNKNOWN', 'fr-CA'), await textIn('api.invalid_client', 'fr-CA'));
    assert.notEqual(await textIn('api.UNKNOWN', 'fr-CA'), await textIn('api.unknown', 'fr-CA'));
  });

  test('an unknown key never shows the key itself', async () => {
    assert.equal(await textIn('no.such.key', 'fr-CA'), 'Vérifiez ce champ.');
    assert.equal(await textIn('api.no_such_code', 'en-CA'), 'Check this field.');
    assert.equal(await textIn('toString', 'en-CA'), 'Check this field.');
  });
});
