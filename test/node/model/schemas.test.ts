import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyFieldErrors,
  applyRequestSchema,
  applyResponseSchema,
  closeAccountResponseSchema,
  customerTransactionsResponseSchema,
  flexitiErrorBodySchema,
  formValuesSchema,
  licenseResponseSchema,
  lookupQuerySchema,
  lookupResponseSchema,
  merchantLoginRequestSchema,
  merchantLoginResponseSchema,
  oauthErrorSchema,
  oauthTokenRequestSchema,
  oauthTokenResponseSchema,
  offerTypeSchema,
  paymentTransactionResponseSchema,
  purchaseTransactionResponseSchema,
  readApiError,
  searchResponseSchema,
  termsQuerySchema,
  transactionRequestSchema,
  transactionResponseSchema,
  verifyRequestSchema,
  verifyResponseSchema,
} from '../../../src/model/index.js';
import { seed, seeds } from './fixtures.js';

const LOGIN = 'POST /client-id/{client_id}/merchants/login';
const APPLY = 'POST /client-id/{client_id}/apply';
const LOOKUP = 'GET /client-id/{client_id}/customers/lookup';
const VERIFY = 'POST /client-id/{client_id}/customers/{customer_id}/verify';
const CUSTOMER_TRANSACTIONS = 'GET /client-id/{client_id}/customers/{customer_id}/transactions';
const SEARCH = 'GET /client-id/{client_id}/customers/search';
const LICENSE = 'POST /client-id/{client_id}/customers/driverslicense';
const CLOSE = 'POST /client-id/{client_id}/customers/close-account';
const TRANSACTIONS = 'POST /client-id/{client_id}/transactions';

// The schema for each success example; every other label is an error body.
const SUCCESS_SCHEMAS: Record<string, Record<string, { safeParse(value: unknown): { success: boolean } }>> = {
  'POST /oauth/token': { request: oauthTokenRequestSchema, response: oauthTokenResponseSchema },
  [LOGIN]: { request: merchantLoginRequestSchema, response: merchantLoginResponseSchema },
  [APPLY]: {
    '200 - Success - ROC applicant': applyResponseSchema,
    '200 - Success - QC applicant': applyResponseSchema,
  },
  [LOOKUP]: { response: lookupResponseSchema },
  [VERIFY]: {
    '200 - Success - Override': verifyResponseSchema,
    '200 - Success - SMS': verifyResponseSchema,
    '200 - Success - Email': verifyResponseSchema,
  },
  [CUSTOMER_TRANSACTIONS]: { '200 - Success': customerTransactionsResponseSchema },
  [SEARCH]: { '200 - Success': searchResponseSchema },
  [LICENSE]: { response: licenseResponseSchema },
  [CLOSE]: { '200 - Success': closeAccountResponseSchema },
  [TRANSACTIONS]: {
    '200 - Success - Promotional Purchase': purchaseTransactionResponseSchema,
    '200 - Success - Deposit': purchaseTransactionResponseSchema,
    '200 - Success - Regular Purchase': purchaseTransactionResponseSchema,
    '200 - Success - In-Store payment & Trade-in': paymentTransactionResponseSchema,
  },
};

describe('every seed 003 example parses with its schema', () => {
  for (const [endpoint, examples] of Object.entries(seeds)) {
    for (const [label, example] of Object.entries(examples)) {
      if (endpoint === APPLY && label === 'request') continue; // its SIN fails Luhn: tested below
      test(`${endpoint} → ${label}`, () => {
        const schema = SUCCESS_SCHEMAS[endpoint]?.[label];
        if (schema) {
          const result = schema.safeParse(example);
          assert.equal(result.success, true, JSON.stringify(result));
        } else {
          // An error body: it is one of the documented shapes, and the reader finds its code.
          assert.match(label, /^(400|401|409)\b/, 'a success example with no schema');
          assert.equal(flexitiErrorBodySchema.safeParse(example).success, true);
          const error = readApiError(Number(label.slice(0, 3)), example);
          assert.equal(error.code, (example as { error: string }).error || 'unknown');
        }
      });
    }
  }
});

describe('the seed apply request', () => {
  test('is rejected only for its SIN (123123123 fails Luhn)', () => {
    assert.deepEqual(applyFieldErrors(seed(APPLY, 'request')), [{ param: 'sin', msg: 'wrong format' }]);
  });

  test('parses with a valid SIN, unchanged', () => {
    const body = { ...seed(APPLY, 'request'), sin: '130692544' };
    const result = applyRequestSchema.safeParse(body);
    assert.equal(result.success, true);
    assert.deepEqual(result.data, body);
  });
});

describe('normalization where the seed disagrees with itself', () => {
  test('term_options strings (QC apply, lookup) and numbers (login) both become numbers', () => {
    const qc = applyResponseSchema.parse(seed(APPLY, '200 - Success - QC applicant'));
    assert.deepEqual(qc.offer_types?.[0]?.term_options, [12, 18, 24, 36]);
    const login = merchantLoginResponseSchema.parse(seed(LOGIN, 'response'));
    assert.deepEqual(login.form_values.offer_types[0]?.term_options, [18, 36, 48, 72]);
    const lookup = lookupResponseSchema.parse(seed(LOOKUP, 'response'));
    assert.deepEqual(lookup.offer_types[0]?.term_options, [12, 18, 24, 36]);
  });

  test('unusable term options are dropped, never NaN', () => {
    const offer = offerTypeSchema.parse({
      plan_name: 'P',
      plan_id: 1,
      offer_category: 'equal_billing',
      term_options: ['6', 'x', '', 0, 12],
    });
    assert.deepEqual(offer.term_options, [6, 12]);
  });

  test('ids sent as numbers (apply, lookup) become strings, including a 16-digit card number', () => {
    const roc = applyResponseSchema.parse(seed(APPLY, '200 - Success - ROC applicant'));
    assert.deepEqual([roc.vcc_number, roc.account_number, roc.customer_id], ['6374980100408234', '20035156', '43353']);
    const lookup = lookupResponseSchema.parse(seed(LOOKUP, 'response'));
    assert.deepEqual([lookup.account_number, lookup.customer_id], ['20035156', '43353']);
    const purchase = purchaseTransactionResponseSchema.parse(
      seed(TRANSACTIONS, '200 - Success - Promotional Purchase'),
    );
    assert.equal(purchase.transaction_id, '167635');
    const login = merchantLoginResponseSchema.parse(seed(LOGIN, 'response'));
    assert.equal(login.merchant_id, '382');
  });

  test('amounts sent as strings ("1000.00", "1,200.05", "120.05000") become numbers', () => {
    const [account] = searchResponseSchema.parse(seed(SEARCH, '200 - Success'));
    assert.deepEqual([account?.credit_limit, account?.available_credit], [1000, 659.51]);
    const regular = purchaseTransactionResponseSchema.parse(seed(TRANSACTIONS, '200 - Success - Regular Purchase'));
    assert.equal(regular.payment_value, 1200.05);
    const payment = paymentTransactionResponseSchema.parse(
      seed(TRANSACTIONS, '200 - Success - In-Store payment & Trade-in'),
    );
    assert.equal(payment.total_amount, 120.05);
    const history = customerTransactionsResponseSchema.parse(seed(CUSTOMER_TRANSACTIONS, '200 - Success'));
    assert.deepEqual(
      history.transactions.map((t) => [t.transaction_balance, t.term]),
      [
        [1200.05, 3],
        [120.05, 3],
      ],
    );
  });

  test('a non-numeric amount is a parse error, never NaN', () => {
    assert.equal(
      applyResponseSchema.safeParse({
        ...seed<Record<string, unknown>>(APPLY, '200 - Success - ROC applicant'),
        credit_limit: 'n/a',
      }).success,
      false,
    );
  });

  test('QC approval keeps debt_ratio (0 included); ROC has none', () => {
    assert.equal(applyResponseSchema.parse(seed(APPLY, '200 - Success - QC applicant')).debt_ratio, 0);
    assert.equal(applyResponseSchema.parse(seed(APPLY, '200 - Success - ROC applicant')).debt_ratio, undefined);
  });

  test('verify: a numeric override code becomes a string; sent-to answers say where', () => {
    assert.deepEqual(verifyResponseSchema.parse(seed(VERIFY, '200 - Success - Override')), {
      verification_code: '2485',
    });
    assert.deepEqual(verifyResponseSchema.parse(seed(VERIFY, '200 - Success - SMS')), {
      verification_code: 'verification_sent_to_sms',
      sent_to: 'sms',
    });
    assert.deepEqual(verifyResponseSchema.parse(seed(VERIFY, '200 - Success - Email')), {
      verification_code: 'verification_sent_to_email',
      sent_to: 'email',
    });
    assert.equal(verifyResponseSchema.safeParse({ verification_code: 'something_else' }).success, false);
  });

  test('the four POST /transactions successes all parse with transactionResponseSchema', () => {
    for (const label of Object.keys(SUCCESS_SCHEMAS[TRANSACTIONS]!)) {
      assert.equal(transactionResponseSchema.safeParse(seed(TRANSACTIONS, label)).success, true, label);
    }
  });
});

describe('form_values', () => {
  const login = () => seed<{ form_values: Record<string, unknown> }>(LOGIN, 'response');

  test('option maps keep the order given (string keys)', () => {
    const values = formValuesSchema.parse(login().form_values);
    assert.deepEqual(Object.keys(values.salutation.options), ['mr', 'ms', 'mrs', 'mss']);
    assert.deepEqual(Object.keys(values.govid_type.options).slice(0, 3), ['CADL', 'CAHC', 'CAPID']);
    const reordered = { ...login().form_values, province: { options: { QC: 'Québec', AB: 'Alberta', ON: 'Ontario' } } };
    assert.deepEqual(Object.keys(formValuesSchema.parse(reordered).province.options), ['QC', 'AB', 'ON']);
  });

  test('option_depends gives the issuers of each ID type (no Ontario health card)', () => {
    const values = formValuesSchema.parse(login().form_values);
    assert.deepEqual(values.govid_issued_by.option_depends.CAP, { CANADA: 'Canada' });
    assert.equal(Object.hasOwn(values.govid_issued_by.option_depends.CAHC!, 'ON'), false);
  });

  test('extra keys are ignored', () => {
    const values = formValuesSchema.parse({ ...login().form_values, surprise: { options: { a: 'b' } } });
    assert.equal(Object.hasOwn(values, 'surprise'), false);
  });

  test('missing province or govid_type is a parse error (a configuration error for the element)', () => {
    const { province: _p, ...withoutProvince } = login().form_values;
    assert.equal(formValuesSchema.safeParse(withoutProvince).success, false);
    const { govid_type: _g, ...withoutType } = login().form_values;
    assert.equal(formValuesSchema.safeParse(withoutType).success, false);
    assert.equal(formValuesSchema.safeParse(null).success, false);
  });

  test('missing offer_types defaults to an empty list', () => {
    const { offer_types: _o, ...rest } = login().form_values;
    assert.deepEqual(formValuesSchema.parse(rest).offer_types, []);
  });
});

describe('request schemas', () => {
  test('oauth: refresh_token grant needs a refresh_token', () => {
    const base = { client_id: 'flexitidemo', client_secret: 's' };
    assert.equal(oauthTokenRequestSchema.safeParse({ ...base, grant_type: 'refresh_token' }).success, false);
    assert.equal(
      oauthTokenRequestSchema.safeParse({ ...base, grant_type: 'refresh_token', refresh_token: 'r' }).success,
      true,
    );
  });

  test('oauth error bodies parse', () => {
    const body = seed(CUSTOMER_TRANSACTIONS, '401 - Unauthorized - Invalid Token');
    assert.deepEqual(oauthErrorSchema.parse(body), body);
  });

  test('terms query: province code and lang normalized (fr-CA → fr, PQ → QC)', () => {
    assert.deepEqual(termsQuerySchema.parse({ province: 'PQ', lang: 'fr-CA' }), { province: 'QC', lang: 'fr' });
    assert.deepEqual(termsQuerySchema.parse({ province: 'on', lang: 'en' }), { province: 'ON', lang: 'en' });
    assert.equal(termsQuerySchema.safeParse({ province: 'XX', lang: 'en' }).success, false);
    // The one language rule: any fr* tag is French, anything else English (never a refusal).
    assert.deepEqual(termsQuerySchema.parse({ province: 'QC', lang: 'de' }), { province: 'QC', lang: 'en' });
    assert.deepEqual(termsQuerySchema.parse({ province: 'QC', lang: 'french' }), { province: 'QC', lang: 'fr' });
  });

  test('lookup query: a card number, or first name + last name + date of birth', () => {
    assert.equal(lookupQuerySchema.safeParse({ vcc_number: '6374980100408234' }).success, true);
    assert.equal(
      lookupQuerySchema.safeParse({ first_name: 'John', last_name: 'Doe', dob: '1990-01-01' }).success,
      true,
    );
    assert.equal(lookupQuerySchema.safeParse({ first_name: 'John', last_name: 'Doe' }).success, false);
  });

  test('verify: security_question needs security_qid and security_answer', () => {
    assert.equal(verifyRequestSchema.safeParse({ customer_id: 43353, format: 'sms' }).success, true);
    assert.equal(
      verifyRequestSchema.safeParse({ customer_id: '43353', format: 'security_question', security_qid: '4' }).success,
      false,
    );
    assert.deepEqual(
      verifyRequestSchema.parse({
        customer_id: 43353,
        format: 'security_question',
        security_qid: 4,
        security_answer: 'Horse',
      }),
      { customer_id: '43353', format: 'security_question', security_qid: '4', security_answer: 'Horse' },
    );
    assert.equal(verifyRequestSchema.safeParse({ customer_id: '1', format: 'carrier_pigeon' }).success, false);
  });

  test('transactions: verification_code required; an account identifier required; ids and amounts normalized', () => {
    assert.deepEqual(
      transactionRequestSchema.parse({
        customer_id: 43353,
        plan_id: 5,
        term: '6',
        amount: '1,200.05',
        verification_code: 2485,
      }),
      { customer_id: '43353', plan_id: '5', term: 6, amount: 1200.05, verification_code: '2485' },
    );
    assert.equal(transactionRequestSchema.safeParse({ customer_id: '1' }).success, false);
    assert.equal(transactionRequestSchema.safeParse({ amount: 5, verification_code: '2222' }).success, false);
  });
});
