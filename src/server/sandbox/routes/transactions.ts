/** POST /transactions: purchases, deposits and payments, with idempotency keys as Flexiti honours them. */
import { transactionRequestSchema } from '../../../model/index.js';
import { jsonResponse } from '../../http.js';
import { sandboxOffers } from '../form-values.js';
import { API_TEXT, unusableText } from '../messages.js';
import { PAYMENT_LIMIT_24H } from '../personas.js';
import {
  PAYMENT_TYPES,
  round2,
  money,
  slashDate,
  TRANSACTION_TYPES,
  unusable,
  type SandboxTransaction,
  type TransactionType,
} from '../state.js';
import { clientRoute, codeFail, readJsonBody, wrongInputs, type Route, type RouteContext } from './route.js';

const REGULAR_APR = 29.99;

async function postTransaction(context: RouteContext): Promise<Response> {
  const { state, idempotent } = context.world;
  const body = await readJsonBody(context);
  if (body instanceof Response) return body;
  const idempotencyKey = context.request.headers.get('x-idempotency-key');
  const previous = idempotencyKey ? idempotent.get(idempotencyKey) : undefined;
  if (previous) return jsonResponse(previous.body, previous.status);

  const parsed = transactionRequestSchema.safeParse(body);
  if (!parsed.success) {
    const params = parsed.error.issues.map((issue) => String(issue.path[0] ?? 'customer_id'));
    if (params.every((param) => param === 'verification_code')) {
      return codeFail('verification_code_required', 'verification_code_required');
    }
    return wrongInputs(
      context,
      [...new Set(params)].map((param) => ({
        param,
        msg: body[param] === undefined ? 'required' : 'wrong format',
        value: String(body[param] ?? ''),
      })),
    );
  }
  const request = parsed.data;
  const type = (request.transaction_type ?? 'promotional_purchase') as TransactionType;
  if (!TRANSACTION_TYPES.includes(type)) return codeFail('invalid_transaction_type', 'invalid_transaction_type');
  if (request.amount === undefined || !(request.amount > 0)) {
    return wrongInputs(context, [
      {
        param: 'amount',
        msg: request.amount === undefined ? 'required' : 'wrong format',
        value: String(body['amount'] ?? ''),
      },
    ]);
  }
  const amount = round2(request.amount);

  const identified = [request.customer_id, request.account_number, request.vcc_number]
    .filter((id): id is string => !!id)
    .map((id) => state.findAccount(id));
  const account = identified[0];
  if (!account || identified.some((other) => other === undefined)) return codeFail('not_found', 'not_found', 404);
  if (identified.some((other) => other !== account)) return codeFail('vcc_account_mismatch', 'vcc_account_mismatch');
  const refusal = unusable(account);
  if (refusal) return codeFail(refusal, unusableText(refusal));

  const verification = account.verification;
  if (!verification || verification.expiresAt <= context.now || verification.code !== request.verification_code) {
    return codeFail('wrong_verification_code', 'wrong_verification_code');
  }

  let plan: { plan_id: string; plan_name: string } | undefined;
  if (type === 'promotional_purchase') {
    const offer = sandboxOffers('en').find((candidate) => candidate.plan_id === request.plan_id);
    if (!offer || request.term === undefined || !offer.term_options.includes(request.term)) {
      return codeFail('plan_term_not_available', 'plan_term_not_available');
    }
    plan = offer;
  }

  const isPayment = PAYMENT_TYPES.includes(type);
  if (isPayment) {
    const since = context.now - 24 * 60 * 60 * 1000;
    const paidToday = account.transactions
      .filter((t) => PAYMENT_TYPES.includes(t.transaction_type) && t.at > since)
      .reduce((sum, t) => sum + t.amount, 0);
    if (paidToday + amount > PAYMENT_LIMIT_24H) return codeFail('limit_payment_amount_24', '');
  } else if (amount > account.available_credit) {
    return codeFail('not_enough_credit', API_TEXT.notEnoughCredit);
  }

  const before = account.available_credit;
  account.available_credit = isPayment
    ? round2(Math.min(account.credit_limit, before + amount))
    : round2(before - amount);
  account.verification = undefined;
  const transaction: SandboxTransaction = {
    transaction_id: context.world.nextTransaction(),
    customer_id: account.customer_id,
    account_number: account.account_number,
    transaction_type: type,
    amount,
    ...(plan ? { plan_id: plan.plan_id } : {}),
    plan_name: plan?.plan_name ?? (isPayment ? type : 'Regular Purchase'),
    ...(plan && request.term !== undefined ? { term: request.term } : {}),
    status: request.hold_authorization ? 'Authorized' : request.customer_confirmed === false ? 'Pending' : 'Posted',
    date: slashDate(context.now),
    at: context.now,
  };
  account.transactions.push(transaction);
  state.transactions.push(transaction);

  const answer = isPayment
    ? {
        transaction_id: transaction.transaction_id,
        customer_name: account.first_name,
        customer_lname: account.last_name,
        total_amount: amount.toFixed(5),
        verified: true,
      }
    : purchaseAnswer(transaction, before, account.available_credit, request.customer_confirmed ?? true);
  if (idempotencyKey) idempotent.set(idempotencyKey, { status: 200, body: answer });
  return jsonResponse(answer);
}

function purchaseAnswer(transaction: SandboxTransaction, before: number, after: number, customerConfirmed: boolean) {
  const avsBlock = {
    first_name: 0,
    last_name: 0,
    dob: 0,
    address_1: 0,
    address_2: 0,
    city: 0,
    postal_code: 0,
    province: 0,
  };
  const account_avs = { billing_information: { ...avsBlock }, shipping_information: { ...avsBlock } };
  if (transaction.plan_id !== undefined && transaction.term !== undefined) {
    return {
      annual_fee: 0,
      payment_protection: false,
      transaction_id: Number(transaction.transaction_id),
      available_credit: before,
      plan_name: transaction.plan_name,
      admin_fee: 0,
      balance_after_purchase: after,
      payment_value: money(transaction.amount / transaction.term),
      promotional_amount: transaction.amount,
      customer_confirmed: customerConfirmed,
      plan_id: transaction.plan_id,
      term: String(transaction.term),
      account_avs,
    };
  }
  return {
    payment_protection: false,
    transaction_id: Number(transaction.transaction_id),
    apr: REGULAR_APR,
    available_credit: before,
    term: '',
    admin_fee: 0,
    balance_after_purchase: after,
    payment_value: transaction.amount.toLocaleString('en-CA', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    promotional_amount: transaction.amount,
    air: REGULAR_APR,
    customer_confirmed: customerConfirmed,
    plan_id: transaction.transaction_type === 'deposit' ? '0' : '',
    verified: true,
    account_avs,
  };
}

export const transactionRoutes: Route[] = [clientRoute('POST', 'transactions', postTransaction)];
