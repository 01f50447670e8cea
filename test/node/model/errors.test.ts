import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  errorMessageKey,
  formatWait,
  localError,
  parseRetryAfter,
  readApiError,
  stripMarkup,
  type ErrorType,
  type FlexitiApiError,
} from '../../../src/model/index.js';
import { textIn } from '../../texts.js';
import { seeds } from './fixtures.js';

interface Expected {
  code: string;
  type: ErrorType;
  fields?: Record<string, string>;
}

const AUTH_EXAMPLES: Record<string, Expected> = {
  '401 - Unauthorized - Invalid Token': { code: 'invalid_token', type: 'auth' },
  // HTTP 401, but the body says 409 wrong_inputs: the body wins.
  '401 - Unauthorized - Invalid Token (2)': { code: 'wrong_inputs', type: 'validation' },
  '400 - Conflict - Invalid Client': { code: 'invalid_client', type: 'auth' },
  '400 - Conflict - Invalid client ID': { code: 'invalid_client', type: 'auth' },
  '400 - Conflict - Invalid grant type': { code: 'invalid_request', type: 'auth' },
};

// What the reader makes of every error example in seed 003.
const EXPECTED: Record<string, Record<string, Expected>> = {
  'GET /client-id/{client_id}/customers/lookup': {
    '409 - Customer Not Found': { code: 'not_found', type: 'not_found' },
    '409 - VCC Not Activated': { code: 'user_not_active', type: 'conflict' },
    '409 - Blocked VCC or Customer with a status other than "Normal"': {
      code: 'user_not_able_to_purchase',
      type: 'conflict',
    },
  },
  'POST /client-id/{client_id}/customers/{customer_id}/verify': {
    '409 - Account Not Found': { code: 'not_found', type: 'not_found' },
    '400 - SMS Not Found': { code: 'wrong_input', type: 'validation', fields: { email: 'field.invalid' } },
    '409 - Email Not Found': { code: 'wrong_input', type: 'validation', fields: { email: 'field.invalid' } },
    '409 - Email invalid': { code: 'wrong_input', type: 'validation', fields: { email: 'field.invalid' } },
    '409 - Secret Answer Mismatch': {
      code: 'secret_answer_mismatch',
      type: 'validation',
      fields: { security_answer: 'api.secret_answer_mismatch' },
    },
    '409 - Merchant Override Not Allowed': { code: 'merchant_override_is_not_allowed', type: 'implementation' },
    '409 - Wrong Email Format': { code: 'wrong_input', type: 'validation' },
    '409 - Wrong Personal Identification Word': {
      code: 'piw_mismatch',
      type: 'validation',
      fields: { piw: 'api.piw_mismatch' },
    },
  },
  'GET /client-id/{client_id}/customers/{customer_id}/transactions': {
    ...AUTH_EXAMPLES,
    '409 - Not Found': { code: 'no_returns_found', type: 'not_found' },
  },
  'GET /client-id/{client_id}/customers/search': {
    ...AUTH_EXAMPLES,
    '409 - Customer not found': { code: 'not_found', type: 'not_found' },
    '409 - User not able to Purchase': { code: 'user_not_able_to_purchase', type: 'conflict' },
  },
  'POST /client-id/{client_id}/customers/driverslicense': {
    ...AUTH_EXAMPLES,
    '409 - Not Supported': {
      code: "Driver License's not supported",
      type: 'validation',
      fields: { code: "api.Driver License's not supported" },
    },
    // No code at all: the status decides (409 → validation).
    '409 - Code parameter missing': { code: 'unknown', type: 'validation' },
  },
  'POST /client-id/{client_id}/transactions': {
    '409 - Wrong Verification Code': {
      code: 'wrong_verification_code',
      type: 'validation',
      fields: { verification_code: 'api.wrong_verification_code' },
    },
    '409 - MIssing Verification Code': {
      code: 'verification_code_required',
      type: 'validation',
      fields: { verification_code: 'api.verification_code_required' },
    },
    '409 - Incorrect Transaction type': { code: 'invalid_transaction_type', type: 'implementation' },
    '409 - Customer / Account / Transaction - Not Found': { code: 'not_found', type: 'not_found' },
    '409 - User Not Able to Purchase': { code: 'user_not_able_to_purchase', type: 'conflict' },
    '409 - Customer does not have enough credit': { code: 'not_enough_credit', type: 'declined' },
    '409 - Trade -In - Payment amount limit in 24 hours': { code: 'limit_payment_amount_24', type: 'declined' },
  },
};

const fieldKeys = (error: FlexitiApiError) =>
  Object.fromEntries(Object.entries(error.fields).map(([name, message]) => [name, message.key]));

describe('every error example in seed 003 through readApiError', () => {
  test('the table covers every non-200 example of the fixture', async () => {
    const inFixture = Object.entries(seeds).flatMap(([endpoint, examples]) =>
      Object.keys(examples)
        .filter((label) => /^[345]\d\d/.test(label))
        .map((label) => `${endpoint} → ${label}`),
    );
    const inTable = Object.entries(EXPECTED).flatMap(([endpoint, examples]) =>
      Object.keys(examples).map((label) => `${endpoint} → ${label}`),
    );
    assert.deepEqual(inTable.sort(), inFixture.sort());
  });

  for (const [endpoint, examples] of Object.entries(EXPECTED)) {
    for (const [label, expected] of Object.entries(examples)) {
      test(`${endpoint} → ${label}`, async () => {
        const status = Number(label.slice(0, 3));
        const error = readApiError(status, seeds[endpoint]![label]);
        assert.deepEqual(
          { code: error.code, type: error.type, fields: fieldKeys(error), status: error.status },
          { code: expected.code, type: expected.type, fields: expected.fields ?? {}, status },
        );
        assert.equal(/[<>]/.test(error.message), false, 'message is plain text');
      });
    }
  }
});

describe('seed 000 and 001 bodies', () => {
  test('seed 000 input error: param SIN, msg "wrong format" → sin: field.format', async () => {
    const error = readApiError(409, {
      url: '/flexiti/pos-api/v2.5/client-id/flexitidemo/apply',
      message: 'Some inputs are wrong!',
      error: 'wrong_inputs',
      field_errors: [{ param: 'SIN', msg: 'wrong format' }],
    });
    assert.deepEqual(
      [error.code, error.type, fieldKeys(error), error.message],
      ['wrong_inputs', 'validation', { sin: 'field.format' }, 'Some inputs are wrong!'],
    );
  });

  test('seed 000 input-error msgs: required, invalid_date_format, type, length, other', async () => {
    const error = readApiError(409, {
      error: 'wrong_inputs',
      field_errors: [
        { param: 'email', msg: 'required' },
        { param: 'dob', msg: 'invalid_date_format' },
        { param: 'personal_income', msg: 'type' },
        { param: 'first_name', msg: 'length' },
        { param: 'piw', msg: 'invalid' },
        { param: 'city', msg: 'something new' },
      ],
    });
    assert.deepEqual(fieldKeys(error), {
      email: 'required',
      dob: 'date.format',
      personal_income: 'field.type',
      first_name: 'field.length',
      piw: 'field.invalid',
      city: 'field.generic',
    });
  });

  // Seed 000/001 give codes with their HTTP status but no body; Flexiti sends them as {code, error, error_description}.
  const SEED_CODES: Array<[number, string, ErrorType, string?]> = [
    [400, 'invalid_token', 'auth'],
    [400, 'invalid_credentials', 'auth'],
    [400, 'invalid_client', 'auth'],
    [400, 'invalid_account', 'not_found'],
    [400, 'invalid_request', 'auth'],
    [400, 'not_found', 'not_found'],
    [401, 'Unauthorized', 'auth'],
    [403, 'insufficient_scope', 'auth'],
    [404, 'customer_identity_not_found', 'not_found'],
    [409, 'authentication_failure', 'auth'],
    [409, 'tos_agreement_required', 'validation', 'tos_agreement'],
    [409, 'customer_already_exists', 'exists'],
    [409, 'application_declined', 'declined'],
    [409, 'application_declined_2', 'declined'],
    [409, 'application_declined_3', 'declined'],
    [409, 'creditapp_id_not_found', 'not_found'],
    [409, 'application_marked_pending_1', 'pending'],
    [409, 'application_marked_pending_2', 'pending'],
    [409, 'application_create_error', 'server'],
    [409, 'user_not_able_to_preaut', 'conflict'],
    [409, 'refunds_limit_exceeded_amount', 'declined'],
    [409, 'invalid_role', 'implementation'],
    [409, 'general_error', 'server'],
    [409, 'not_verified', 'conflict'],
    [409, 'external_location_id_not_found', 'implementation'],
    [409, 'account_type_not_permitted', 'implementation'],
    [409, 'vcc_account_mismatch', 'validation', 'vcc_number'],
    [409, 'credit_exceeded', 'declined'],
    [409, 'auth_not_allowed', 'implementation'],
    [409, 'plan_term_not_set', 'implementation'],
    [409, 'plan_term_not_available', 'validation'],
    [409, 'tries_exceed', 'conflict'],
    [400, 'sms_not_valid_phone', 'validation'],
  ];
  for (const [status, code, type, field] of SEED_CODES) {
    test(`${status} ${code} → ${type}${field ? ` on ${field}` : ''}`, async () => {
      const error = readApiError(status, { code: status, error: code, error_description: code });
      assert.deepEqual([error.code, error.type, Object.keys(error.fields)], [code, type, field ? [field] : []]);
    });
  }

  test('application_create_error (unknown outcome) and declines are not retryable; general_error is', async () => {
    assert.equal(readApiError(409, { error: 'application_create_error' }).retryable, false);
    assert.equal(readApiError(409, { error: 'application_declined_2' }).retryable, false);
    assert.equal(readApiError(409, { error: 'general_error' }).retryable, true);
  });
});

describe('seed 002 (Finix) bodies', () => {
  test('BAD_REQUEST with its logref', async () => {
    const error = readApiError(400, {
      total: 1,
      _embedded: {
        errors: [
          {
            logref: 'd4ee0b6cdb67686f0c1ec0780e5b4296',
            message: 'Malformed request. ',
            code: 'BAD_REQUEST',
            _links: { self: { href: 'https://finix.sandbox-payments-api.com/merchants' } },
          },
        ],
      },
    });
    assert.deepEqual(
      [error.code, error.type, error.logref, error.message],
      ['BAD_REQUEST', 'implementation', 'd4ee0b6cdb67686f0c1ec0780e5b4296', 'Malformed request.'],
    );
  });

  test('a declined authorization reads failure_code and failure_message', async () => {
    const error = readApiError(402, {
      total: 1,
      _embedded: {
        errors: [
          {
            logref: '3fe8e6ab1e8cf44f',
            message:
              'Authorization AUst6ZdywPwe4fbYWrH1zTNJ was declined Cause: Authorization AUst6ZdywPwe4fbYWrH1zTNJ could not be submitted. Cause: Generic Decline',
            code: 'DECLINED',
            authorization: 'AUst6ZdywPwe4fbYWrH1zTNJ',
            failure_code: 'GENERIC_DECLINE',
            failure_message:
              'The card was declined for an unknown reason. The cardholder needs to contact their issuer for more information.',
          },
        ],
      },
    });
    assert.deepEqual(
      [error.code, error.type, error.retryable, error.logref],
      ['GENERIC_DECLINE', 'declined', false, '3fe8e6ab1e8cf44f'],
    );
    assert.match(error.message, /^The card was declined/);
  });

  const FINIX: Array<[number, string, ErrorType]> = [
    [400, 'BAD_REQUEST', 'implementation'],
    [401, 'UNKNOWN', 'auth'],
    [402, 'UPSTREAM_PROCESSOR_ERROR', 'server'],
    [402, 'DECLINED', 'declined'],
    [403, 'FORBIDDEN', 'auth'],
    [404, 'NOT_FOUND', 'not_found'],
    [405, 'METHOD_NOT_ALLOWED', 'implementation'],
    [406, 'NOT_ACCEPTABLE', 'implementation'],
    [409, 'CONFLICT', 'conflict'],
    [422, 'UNPROCESSABLE_ENTITY', 'conflict'],
    [422, 'INVALID_FIELD', 'validation'],
    [429, 'TOO_MANY_REQUESTS', 'rate_limited'],
    [500, 'SERVER_ERROR', 'server'],
  ];
  for (const [status, code, type] of FINIX) {
    test(`Finix ${status} ${code} → ${type}`, async () => {
      const error = readApiError(status, { total: 1, _embedded: { errors: [{ code, message: 'x y', logref: 'l' }] } });
      assert.deepEqual([error.code, error.type], [code, type]);
    });
  }

  test("Finix's UNKNOWN (bad API key) is not our local unknown", async () => {
    const error = readApiError(401, { total: 1, _embedded: { errors: [{ code: 'UNKNOWN' }] } });
    assert.equal(error.type, 'auth');
    assert.notEqual(await textIn(error, 'en-CA'), await textIn(localError('unknown'), 'en-CA'));
  });
});

describe('reading defensively (docs/reliability.md §5)', () => {
  test('#11 an API message with <h1>, <p>, <strong> becomes plain text', async () => {
    const body = seeds['GET /client-id/{client_id}/customers/{customer_id}/transactions']!['409 - Not Found'];
    assert.equal(
      readApiError(409, body).message,
      'There are no purchases available to return for this customer. If you’ve already processed a partial return and now want to return the remainder, please email service@flexitifinancial.com or call us at 1-877-259-3754',
    );
  });

  test('#12 an API message <img src=x onerror=alert(1)> is inert text, and an unknown code falls back to generic text', async () => {
    const error = readApiError(409, {
      error: 'mystery_code',
      message: '<img src=x onerror=alert(1)>Try&nbsp;again &amp; again',
    });
    assert.equal(error.message, 'Try\u00A0again & again'.replace(/\s+/g, ' '));
    assert.equal(await textIn(error, 'en-CA'), error.message);
    assert.equal(stripMarkup('<script>alert(1)</script><b>Bold</b> &lt;i&gt; &#233;t&#xE9;'), 'Bold <i> été');
  });

  test('#13 an unknown param goes to the summary; error_fields is read; a missing msg is generic', async () => {
    const error = readApiError(409, {
      message: 'Some inputs are wrong!',
      error: 'wrong_inputs',
      error_fields: [{ param: 'applicant.mystery_field', msg: 'required' }, { param: 'applicant.Email' }],
    });
    assert.deepEqual(fieldKeys(error), { email: 'field.generic' });
    assert.deepEqual(error.otherFields, ['mystery_field (required)']);
    assert.equal(
      await textIn(error, 'fr-CA'),
      'Certains renseignements ne sont pas valides. Vérifiez les champs indiqués et réessayez. Vérifiez aussi\u00a0: mystery_field (required).',
    );
  });

  test('#14 an echoed value (a SIN) is never kept, in fields, message or text', async () => {
    const error = readApiError(409, {
      error: 'wrong_inputs',
      message: 'Some inputs are wrong!',
      field_errors: [{ param: 'SIN', msg: 'wrong format', value: '046 454 286' }],
    });
    assert.deepEqual(fieldKeys(error), { sin: 'field.format' });
    for (const text of [JSON.stringify(error), await textIn(error, 'en-CA'), await textIn(error, 'fr-CA')]) {
      assert.equal(text.includes('046'), false);
    }
  });

  test('#15 a 409 whose body says 404 is not_found, even for a code we do not know', async () => {
    assert.equal(
      readApiError(409, { code: 404, error: 'not_found', error_description: 'not_found' }).type,
      'not_found',
    );
    assert.equal(readApiError(409, { code: 404, error: 'brand_new_code' }).type, 'not_found');
  });

  test('#52 a non-JSON body (a proxy HTML page) gives a generic error and no markup', async () => {
    const error = readApiError(502, '<html><body><h1>502 Bad Gateway</h1></body></html>');
    assert.deepEqual([error.code, error.type, error.retryable, error.message], ['unknown', 'server', true, '']);
    assert.equal(
      await textIn(error, 'fr-CA'),
      'Un problème est survenu de notre côté. Veuillez réessayer dans un moment.',
    );
  });

  test('a JSON body given as a string is parsed; null and undefined bodies are read from the status', async () => {
    assert.equal(readApiError(409, JSON.stringify({ error: 'piw_mismatch' })).code, 'piw_mismatch');
    assert.deepEqual([readApiError(404, null).type, readApiError(undefined, undefined).type], ['not_found', 'server']);
    assert.equal(readApiError(400, '{not json').type, 'validation');
  });

  test('unknown codes take their type from the status', async () => {
    const types = [400, 401, 403, 404, 409, 422, 429, 500, 503].map(
      (status) => readApiError(status, { error: 'brand_new_code' }).type,
    );
    assert.deepEqual(types, [
      'validation',
      'auth',
      'auth',
      'not_found',
      'validation',
      'validation',
      'rate_limited',
      'server',
      'server',
    ]);
    assert.deepEqual(
      [429, 503, 409].map((status) => readApiError(status, { error: 'brand_new_code' }).retryable),
      [true, true, false],
    );
  });

  test('params match case-insensitively, by last path segment, camelCase as snake_case', async () => {
    const error = readApiError(409, {
      error: 'wrong_inputs',
      field_errors: [
        { param: 'applicant.SIN', msg: 'invalid' },
        { param: 'firstName', msg: 'required' },
        { param: 'POSTAL_CODE', msg: 'wrong format' },
      ],
    });
    assert.deepEqual(fieldKeys(error), { sin: 'field.invalid', first_name: 'required', postal_code: 'field.format' });
  });
});

describe('local errors and text', () => {
  test('local codes have their types', async () => {
    const local = (['network_error', 'timeout', 'invalid_response', 'no_handler', 'unknown'] as const).map((code) => {
      const error = localError(code);
      return [error.code, error.type, error.retryable];
    });
    assert.deepEqual(local, [
      ['network_error', 'network', true],
      ['timeout', 'network', true],
      ['invalid_response', 'server', true],
      ['no_handler', 'implementation', false],
      ['unknown', 'server', true],
    ]);
  });

  test('errorText: catalogue text first, in the locale', async () => {
    const error = readApiError(
      409,
      seeds['POST /client-id/{client_id}/customers/{customer_id}/verify']!['409 - Secret Answer Mismatch'],
    );
    assert.equal(
      await textIn(error, 'fr-CA'),
      'Cette réponse ne correspond pas à celle inscrite à votre dossier. Réessayez ou choisissez un autre mode de vérification.',
    );
    assert.equal(errorMessageKey(error), 'api.secret_answer_mismatch');
  });

  test('errorText: an unknown code whose message is only a code gets the generic text for its type', async () => {
    const error = readApiError(409, { error: 'mystery_code', message: 'mystery_code' });
    assert.equal(await textIn(error, 'en-CA'), 'Some information needs to be corrected. Check the form and try again.');
    assert.equal(errorMessageKey(error), 'error.validation');
  });
});

// docs/checkout-sessions.md, "Errors": every code the merchant's handler answers, as the elements read it.
const CHECKOUT_ERRORS: Array<{
  status: number;
  code: string;
  type: ErrorType;
  field?: string;
  en: RegExp;
  fr: RegExp;
}> = [
  {
    status: 401,
    code: 'checkout_required',
    type: 'implementation',
    en: /isn't linked to a checkout.*another way to pay/,
    fr: /n'est liée à aucune commande.*autre mode de paiement/,
  },
  {
    status: 401,
    code: 'checkout_not_found',
    type: 'auth',
    en: /couldn't find this checkout\. Reload the page/,
    fr: /Rechargez la page/,
  },
  {
    status: 401,
    code: 'checkout_expired',
    type: 'auth',
    en: /expired\. Please start again from your cart/,
    fr: /a expiré.*panier/,
  },
  {
    status: 403,
    code: 'origin_not_allowed',
    type: 'implementation',
    en: /isn't allowed to use this store's Flexiti checkout/,
    fr: /n'est pas autorisée/,
  },
  {
    status: 403,
    code: 'method_not_allowed',
    type: 'conflict',
    en: /Choose another way to verify/,
    fr: /Choisissez un autre mode de vérification/,
  },
  {
    status: 409,
    code: 'customer_not_bound',
    type: 'conflict',
    en: /Go back a step/,
    fr: /Revenez à l'étape précédente/,
  },
  {
    status: 409,
    code: 'verification_required',
    type: 'conflict',
    en: /verify your identity before completing the purchase/,
    fr: /confirmer votre identité/,
  },
  { status: 409, code: 'checkout_completed', type: 'conflict', en: /already complete/, fr: /déjà terminé/ },
  {
    status: 409,
    code: 'not_closable',
    type: 'conflict',
    en: /can't be cancelled here.*1-877-259-3750/,
    fr: /ne peut pas être annulé ici.*1\u00a0877\u00a0259-3750/,
  },
  {
    status: 400,
    code: 'plan_not_offered',
    type: 'validation',
    field: 'plan_id',
    en: /Choose another one/,
    fr: /Choisissez-en une autre/,
  },
  {
    status: 400,
    code: 'wrong_verification_code',
    type: 'validation',
    field: 'verification_code',
    en: /This code is incorrect/,
    fr: /Ce code est incorrect/,
  },
  {
    status: 409,
    code: 'verification_void',
    type: 'conflict',
    en: /no longer works\. Verify again to get a new code/,
    fr: /ne fonctionne plus.*nouveau code/,
  },
  {
    status: 409,
    code: 'already_applied',
    type: 'conflict',
    en: /already for a new Flexiti account/,
    fr: /déjà liée à un nouveau compte/,
  },
  {
    status: 409,
    code: 'purchase_in_progress',
    type: 'conflict',
    en: /still being processed.*won't be charged twice/,
    fr: /toujours en traitement.*deux fois/,
  },
  {
    status: 400,
    code: 'bad_request',
    type: 'implementation',
    en: /couldn't be read.*another way to pay/,
    fr: /n'a pas pu être lue/,
  },
  { status: 413, code: 'payload_too_large', type: 'implementation', en: /too large/, fr: /trop volumineuse/ },
  {
    status: 429,
    code: 'too_many_attempts',
    type: 'rate_limited',
    en: /Too many attempts\. Wait a moment.*still here/,
    fr: /Trop de tentatives.*conservés/,
  },
];

describe('checkout-session errors (docs/checkout-sessions.md)', () => {
  for (const { status, code, type, field, en, fr } of CHECKOUT_ERRORS) {
    test(`${status} ${code}: ${type}${field ? ` on ${field}` : ''}, in words in en-CA and fr-CA`, async () => {
      const error = readApiError(status, { url: '/api/flexiti/x', message: code, error: code });
      assert.equal(error.code, code);
      assert.equal(error.type, type);
      assert.equal(error.status, status);
      if (field) assert.deepEqual(error.fields, { [field]: { key: `api.${code}` } });
      else assert.deepEqual(error.fields, {});
      assert.equal(errorMessageKey(error), `api.${code}`);
      assert.match(await textIn(error, 'en-CA'), en);
      assert.match(await textIn(error, 'fr-CA'), fr);
      assert.doesNotMatch(await textIn(error, 'fr-CA'), new RegExp(code));
    });
  }

  test('plan_not_offered with field_errors on term keeps the term field too', async () => {
    const error = readApiError(400, {
      error: 'plan_not_offered',
      message: 'plan_not_offered',
      field_errors: [{ param: 'term', msg: 'invalid' }],
    });
    assert.deepEqual(Object.keys(error.fields).sort(), ['plan_id', 'term']);
  });

  test('only a purchase in progress and too_many_attempts may be retried; the other checkout codes may not', async () => {
    const retryable = CHECKOUT_ERRORS.filter(({ status, code }) => readApiError(status, { error: code }).retryable).map(
      ({ code }) => code,
    );
    assert.deepEqual(retryable, ['purchase_in_progress', 'too_many_attempts']);
  });
});

describe('429: the wait in words', () => {
  // Intl puts a no-break space between number and unit (U+00A0 in fr-CA): compared as plain spaces.
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
  const limited = (retryAfter: unknown) =>
    readApiError(429, { error: 'too_many_attempts', message: 'Too many', retry_after: retryAfter });

  test('retry_after in the body is read as seconds', async () => {
    assert.equal(limited(120).retryAfter, 120);
    assert.equal(limited('45').retryAfter, 45);
    assert.equal(limited(2.2).retryAfter, 3);
  });

  test('an unreadable retry_after is ignored (negative, text, absurdly long)', async () => {
    assert.equal(limited(-5).retryAfter, undefined);
    assert.equal(limited('soon').retryAfter, undefined);
    assert.equal(limited(1e12).retryAfter, undefined);
    assert.equal(
      plain(await textIn(limited('soon'), 'en-CA')),
      'Too many attempts. Wait a moment, then try again. What you entered is still here.',
    );
  });

  test('seconds under a minute, in English and French', async () => {
    assert.equal(
      plain(await textIn(limited(45), 'en-CA')),
      'Too many attempts. Wait 45 seconds, then try again. What you entered is still here.',
    );
    assert.equal(
      plain(await textIn(limited(45), 'fr-CA')),
      'Trop de tentatives. Attendez 45 secondes, puis réessayez. Vos renseignements sont conservés.',
    );
  });

  test('one second and one minute are singular', async () => {
    assert.equal(plain(formatWait(1, 'en-CA')), '1 second');
    assert.equal(plain(formatWait(60, 'en-CA')), '1 minute');
    assert.equal(plain(formatWait(60, 'fr-CA')), '1 minute');
  });

  test('minutes are rounded up: 61 s is 2 minutes; an hour is 60 minutes', async () => {
    assert.equal(
      plain(await textIn(limited(61), 'en-CA')),
      'Too many attempts. Wait 2 minutes, then try again. What you entered is still here.',
    );
    assert.equal(plain(formatWait(3600, 'fr-CA')), '60 minutes');
  });

  test('past an hour and a half, hours', async () => {
    assert.equal(plain(formatWait(3 * 3600, 'en-CA')), '3 hours');
    assert.equal(plain(formatWait(3 * 3600, 'fr-CA')), '3 heures');
  });

  test('Retry-After as delta-seconds or an HTTP date', async () => {
    assert.equal(parseRetryAfter('30'), 30);
    assert.equal(
      parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 2, 0)).toUTCString(), Date.UTC(2026, 0, 1, 0, 0, 0)),
      120,
    );
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.UTC(2026, 0, 1)), 0);
    assert.equal(parseRetryAfter('later'), undefined);
    assert.equal(parseRetryAfter(null), undefined);
  });

  test('another rate limit with a wait (Finix TOO_MANY_REQUESTS) says it too', async () => {
    const error = readApiError(429, { error: 'TOO_MANY_REQUESTS', retry_after: 10 });
    assert.match(await textIn(error, 'en-CA'), /Wait 10 seconds/);
  });
});
