/** Finding a customer (lookup, search, licence), proving who they are (verify), their purchases, closing. */
import { closeAccountRequestSchema, licenseRequestSchema, VERIFY_FORMATS } from '../../../model/index.js';
import { jsonResponse, type FlexitiFieldError } from '../../http.js';
import { decodeAamva } from '../aamva.js';
import { securityQuestionText, type SandboxLang } from '../form-values.js';
import { API_TEXT, unusableText } from '../messages.js';
import { SANDBOX_SMS_CODE, SECURITY_QUESTION_LOCK_MS, SECURITY_QUESTION_MAX_TRIES } from '../personas.js';
import { compactPostal, money, PAYMENT_TYPES, randomCode, sameText, unusable, type SandboxAccount } from '../state.js';
import {
  clientRoute,
  codeFail,
  fail,
  offersFor,
  readJsonBody,
  wrongInputs,
  type Route,
  type RouteContext,
} from './route.js';
import { apiLang } from '../../../model/locale.js';

const VERIFICATION_CODE_LIFETIME_MS = 30 * 60 * 1000;

function lookupQuestions(account: SandboxAccount, lang: SandboxLang) {
  return Object.keys(account.security_answers).map((id) => ({ id, text: securityQuestionText(id, lang) ?? '' }));
}

function lookup(context: RouteContext): Response {
  const query = context.url.searchParams;
  const lang = apiLang(query.get('lang'));
  const vcc = query.get('vcc_number')?.trim();
  let candidates: SandboxAccount[];
  if (vcc) {
    candidates = [...context.world.state.accounts.values()].filter(
      (account) => account.vcc_number === vcc.replace(/\s/g, ''),
    );
  } else {
    const missing = (['first_name', 'last_name', 'dob'] as const)
      .filter((name) => !query.get(name)?.trim())
      .map((param) => ({ param, msg: 'required', value: '' }));
    if (missing.length > 0) return wrongInputs(context, missing);
    const postal = compactPostal(query.get('postal_code') ?? '');
    candidates = [...context.world.state.accounts.values()].filter(
      (account) =>
        sameText(account.first_name, query.get('first_name') ?? '') &&
        sameText(account.last_name, query.get('last_name') ?? '') &&
        account.dob === query.get('dob')?.trim() &&
        (!postal || compactPostal(account.postal_code) === postal),
    );
  }
  if (candidates.length === 0) return fail(context, 409, 'not_found', API_TEXT.customerNotFound);
  const usable = candidates.filter((account) => !unusable(account));
  if (usable.length === 0) {
    const reason = candidates.some((account) => unusable(account) === 'user_not_active')
      ? 'user_not_active'
      : 'user_not_able_to_purchase';
    return fail(context, 409, reason, unusableText(reason));
  }
  // By name, the account with the highest open-to-buy.
  const account = usable.reduce((best, next) => (next.available_credit > best.available_credit ? next : best));
  return jsonResponse({
    available_credit: account.available_credit,
    account_number: Number(account.account_number),
    customer_id: Number(account.customer_id),
    security_qid: lookupQuestions(account, lang),
    address_1: account.address_1,
    ...(account.address_2 ? { address_2: account.address_2 } : {}),
    city: account.city,
    postal_code: compactPostal(account.postal_code),
    province: account.province,
    payment_protection: 0,
    risk_rating: account.risk_rating,
    offer_types: offersFor(lang),
    preferred_language: account.preferred_language.replace('-', '_').toUpperCase(),
  });
}

function search(context: RouteContext): Response {
  const query = context.url.searchParams;
  const missing = (['first_name', 'last_name', 'dob'] as const)
    .filter((name) => !query.get(name)?.trim())
    .map((param) => ({ param, msg: 'required', value: '' }));
  if (missing.length > 0) return wrongInputs(context, missing);
  const found = [...context.world.state.accounts.values()].filter(
    (account) =>
      sameText(account.first_name, query.get('first_name') ?? '') &&
      sameText(account.last_name, query.get('last_name') ?? '') &&
      account.dob === query.get('dob')?.trim(),
  );
  if (found.length === 0) return codeFail('not_found', 'not_found', 404);
  return jsonResponse(
    found.map((account) => ({
      customer_id: account.customer_id,
      account_status: account.account_status,
      account_status_reason_code: account.account_status_reason_code,
      tos: true,
      risk_rating: account.risk_rating,
      account_number: account.account_number,
      credit_limit: money(account.credit_limit),
      available_credit: money(account.available_credit),
      originating_merchant_id: account.originating_merchant_id,
      originating_merchant_name: account.originating_merchant_name,
      creation_date: account.creation_date,
      first_name: account.first_name,
      last_name: account.last_name,
      card_ending_in: account.card_ending_in,
      preferred_language: account.preferred_language,
    })),
  );
}

async function verify(context: RouteContext): Promise<Response> {
  const account = context.world.state.accounts.get(context.params[1] ?? '');
  if (!account) return fail(context, 409, 'not_found', API_TEXT.accountNotFound);
  const body = await readJsonBody(context);
  if (body instanceof Response) return body;
  const format = body['format'];
  if (typeof format !== 'string' || !(VERIFY_FORMATS as readonly string[]).includes(format)) {
    return wrongInputs(
      context,
      [{ param: 'format', msg: format === undefined ? 'required' : 'invalid', value: String(format ?? '') }],
      'wrong_input',
    );
  }
  const refusal = unusable(account);
  if (refusal) return fail(context, 409, refusal, unusableText(refusal));
  if (typeof body['piw'] === 'string' && body['piw'].trim() !== '' && !sameText(body['piw'], account.piw)) {
    return fail(context, 409, 'piw_mismatch', API_TEXT.piwMismatch);
  }
  const issue = (code: string) => {
    account.verification = { code, expiresAt: context.now + VERIFICATION_CODE_LIFETIME_MS };
  };

  switch (format) {
    case 'merchant_override': {
      if (!account.merchant_override) {
        return fail(context, 409, 'merchant_override_is_not_allowed', 'merchant_override_is_not_allowed');
      }
      const code = randomCode();
      issue(code);
      return jsonResponse({ verification_code: Number(code) });
    }
    case 'sms': {
      if (!account.phone_number) {
        return fail(context, 400, 'wrong_input', API_TEXT.followingErrors, [
          { param: 'phone_number', msg: 'invalid', value: '' },
        ]);
      }
      issue(SANDBOX_SMS_CODE);
      return jsonResponse({ verification_code: 'verification_sent_to_sms' });
    }
    case 'email': {
      if (!account.email) return wrongInputs(context, [{ param: 'email', msg: 'invalid', value: '' }], 'wrong_input');
      issue(SANDBOX_SMS_CODE);
      return jsonResponse({ verification_code: 'verification_sent_to_email' });
    }
    default: {
      if (account.securityLockedUntil !== undefined && account.securityLockedUntil > context.now) {
        return fail(context, 409, 'tries_exceed', API_TEXT.triesExceeded);
      }
      const qid = String(body['security_qid'] ?? '').trim();
      const answer = typeof body['security_answer'] === 'string' ? body['security_answer'] : '';
      const missing: FlexitiFieldError[] = [];
      if (!qid) missing.push({ param: 'security_qid', msg: 'required', value: '' });
      if (!answer.trim()) missing.push({ param: 'security_answer', msg: 'required', value: '' });
      if (missing.length > 0) return wrongInputs(context, missing, 'wrong_input');
      if (!(qid in account.security_answers)) {
        return wrongInputs(context, [{ param: 'security_qid', msg: 'invalid', value: qid }], 'wrong_input');
      }
      if (!sameText(answer, account.security_answers[qid])) {
        account.securityFailures += 1;
        if (account.securityFailures >= SECURITY_QUESTION_MAX_TRIES) {
          account.securityLockedUntil = context.now + SECURITY_QUESTION_LOCK_MS;
          account.securityFailures = 0;
        }
        return fail(context, 409, 'secret_answer_mismatch', API_TEXT.secretAnswerMismatch);
      }
      account.securityFailures = 0;
      const code = randomCode();
      issue(code);
      return jsonResponse({ verification_code: Number(code) });
    }
  }
}

function customerTransactions(context: RouteContext): Response {
  const account = context.world.state.accounts.get(context.params[1] ?? '');
  if (!account) return fail(context, 409, 'not_found', API_TEXT.accountNotFound);
  const purchases = account.transactions.filter((t) => !PAYMENT_TYPES.includes(t.transaction_type));
  if (purchases.length === 0) return fail(context, 409, 'no_returns_found', API_TEXT.noReturns);
  return jsonResponse({
    transactions: [...purchases].reverse().map((t) => ({
      term: t.term === undefined ? '' : String(t.term),
      transaction_id: t.transaction_id,
      transaction_status: t.status,
      customer_name: `${account.last_name}, ${account.first_name}`,
      transaction_balance: money(t.amount),
      transaction_date: t.date,
      plan_name: t.plan_name,
    })),
  });
}

async function decodeLicense(context: RouteContext): Promise<Response> {
  const body = await readJsonBody(context);
  if (body instanceof Response) return body;
  const parsed = licenseRequestSchema.safeParse(body);
  if (!parsed.success) return fail(context, 409, '', API_TEXT.followingErrors);
  const decoded = decodeAamva(parsed.data.code);
  if (!decoded.ok) {
    return fail(
      context,
      409,
      decoded.reason === 'empty' ? '' : "Driver License's not supported",
      API_TEXT.followingErrors,
    );
  }
  return jsonResponse(decoded.license);
}

async function closeAccount(context: RouteContext): Promise<Response> {
  const body = await readJsonBody(context);
  if (body instanceof Response) return body;
  const parsed = closeAccountRequestSchema.safeParse(body);
  if (!parsed.success) return wrongInputs(context, [{ param: 'account_number', msg: 'required', value: '' }]);
  const account = [...context.world.state.accounts.values()].find(
    (candidate) => candidate.account_number === parsed.data.account_number,
  );
  if (!account) return fail(context, 409, 'not_found', API_TEXT.accountNotFound);
  if (account.province !== 'QC') return fail(context, 409, 'invalid_account', API_TEXT.closeQuebecOnly);
  account.account_status = 'C';
  account.account_status_reason_code = 'CCLS';
  account.available_credit = 0;
  return jsonResponse({});
}

export const customerRoutes: Route[] = [
  clientRoute('GET', 'customers/lookup', lookup),
  clientRoute('GET', 'customers/search', search),
  clientRoute('POST', 'customers/driverslicense', decodeLicense),
  clientRoute('POST', 'customers/close-account', closeAccount),
  clientRoute('POST', 'customers/{id}/verify', verify),
  clientRoute('GET', 'customers/{id}/transactions', customerTransactions),
];
