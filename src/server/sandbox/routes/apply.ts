/** The terms an applicant reads and the application itself (POST /apply), with the personas' outcomes. */
import { applyFieldErrors, normalizeProvince, todayLocal, validateApplyForm } from '../../../model/index.js';
import { htmlResponse, jsonResponse, type FlexitiFieldError } from '../../http.js';
import { SANDBOX_MERCHANT } from '../form-values.js';
import { API_TEXT, fieldErrorWord } from '../messages.js';
import { APPLY_PERSONAS, MAX_APPROVED_CREDIT, MINIMUM_PAYMENT_RATE } from '../personas.js';
import { sameText, usDate, type SandboxAccount } from '../state.js';
import { sandboxTerms } from '../terms.js';
import { fail, offersFor, readJsonBody, wrongInputs, type Route, type RouteContext } from './route.js';
import { apiLang } from '../../../model/locale.js';

/** Never echoed back in `field_errors`. */
const SECRET_PARAMS = ['sin', 'piw', 'security_answer'];

/**
 * Quebec debt ratio (CPA Reg. 61.0.4, simplified): monthly housing costs plus the minimum payment of the new
 * account at its full limit, over gross monthly income. A fraction (0.27 = 27 %), 4 decimals.
 */
export function quebecDebtRatio(monthlyHousing: number, creditLimit: number, annualIncome: number): number {
  const monthlyIncome = annualIncome / 12;
  if (!(monthlyIncome > 0)) return 1;
  const ratio = (monthlyHousing + creditLimit * MINIMUM_PAYMENT_RATE) / monthlyIncome;
  return Math.round(ratio * 10_000) / 10_000;
}

function terms(context: RouteContext): Response {
  const rawProvince = context.url.searchParams.get('province');
  const province = normalizeProvince(rawProvince ?? '');
  if (!province) {
    return wrongInputs(context, [
      { param: 'province', msg: rawProvince ? 'invalid' : 'required', value: rawProvince ?? '' },
    ]);
  }
  return htmlResponse(sandboxTerms(province, apiLang(context.url.searchParams.get('lang'))));
}

async function apply(context: RouteContext): Promise<Response> {
  const { world } = context;
  const { state } = world;
  const body = await readJsonBody(context);
  if (body instanceof Response) return body;
  // Structure first, in Flexiti's words (the schema the handler checks with too)…
  const fieldErrors: FlexitiFieldError[] = applyFieldErrors(body).filter((error) => error.param !== 'tos_agreement');
  // …then what needs the calendar and the option lists: age of majority, ID expiry, postal code ↔ province,
  // NANP phone numbers, choices among form_values.
  const validation = validateApplyForm(body, {
    today: todayLocal(new Date(context.now)),
    strictPhone: true,
    formValues: world.formValuesEn,
  });
  if (!validation.ok) {
    for (const [param, message] of Object.entries(validation.fields)) {
      if (param !== 'tos_agreement' && !fieldErrors.some((error) => error.param === param)) {
        fieldErrors.push({ param, msg: fieldErrorWord(message.key) });
      }
    }
  }
  if (fieldErrors.length > 0) {
    // Flexiti echoes what was sent; the sandbox does too, except secrets (the handler strips `value` anyway).
    const echo = (param: string) => (SECRET_PARAMS.includes(param) ? '' : String(body[param] ?? ''));
    return wrongInputs(
      context,
      fieldErrors.map((error) => ({ ...error, value: echo(error.param) })),
    );
  }
  if (body['tos_agreement'] !== true || !validation.ok) {
    state.applications.push({ at: context.now, outcome: 'tos_agreement_required' });
    return fail(context, 409, 'tos_agreement_required', API_TEXT.tosRequired);
  }
  const application = validation.request;
  const persona = APPLY_PERSONAS.find((p) => sameText(p.lastName, application.last_name));
  const duplicate = [...state.accounts.values()].some(
    (account) =>
      sameText(account.first_name, application.first_name) &&
      sameText(account.last_name, application.last_name) &&
      account.dob === application.dob,
  );
  const errorCode = persona?.error ?? (duplicate ? 'customer_already_exists' : undefined);
  if (errorCode) {
    state.applications.push({ at: context.now, outcome: errorCode });
    return fail(context, persona?.status ?? 409, errorCode, API_TEXT.apply[errorCode] ?? errorCode);
  }

  const creditLimit = Math.min(Math.floor(application.amount_requested), MAX_APPROVED_CREDIT);
  const serial = world.nextCustomer();
  const customerId = String(serial);
  const account: SandboxAccount = {
    customer_id: customerId,
    account_number: String(20000000 + serial),
    vcc_number: `63749801${String(serial).padStart(8, '0')}`,
    first_name: application.first_name,
    last_name: application.last_name,
    dob: application.dob,
    address_1: application.address_1 ?? '',
    ...(application.address_2 ? { address_2: application.address_2 } : {}),
    city: application.city,
    province: application.province,
    postal_code: application.postal_code,
    phone_number: application.phone_number,
    ...(application.email ? { email: application.email } : {}),
    preferred_language: application.language === 'fr-CA' ? 'fr-CA' : 'en-CA',
    security_answers: { [application.security_qid]: application.security_answer },
    piw: application.piw,
    account_status: 'N',
    account_status_reason_code: 'NNOR',
    active: true,
    credit_limit: creditLimit,
    available_credit: creditLimit,
    risk_rating: 'L',
    originating_merchant_id: SANDBOX_MERCHANT.merchant_id,
    originating_merchant_name: SANDBOX_MERCHANT.merchant_name,
    merchant_override: true,
    creation_date: usDate(context.now),
    card_ending_in: String(serial).padStart(8, '0').slice(-4),
    transactions: [],
    securityFailures: 0,
    applied: true,
  };
  state.accounts.set(customerId, account);
  state.applications.push({ at: context.now, outcome: 'approved', customer_id: customerId });

  const approval: Record<string, unknown> = {
    vcc_number: Number(account.vcc_number),
    account_number: Number(account.account_number),
    customer_id: serial,
    available_credit: creditLimit,
    credit_limit: creditLimit,
    risk_rating: account.risk_rating,
  };
  if (application.province === 'QC') {
    approval['offer_types'] = offersFor(apiLang(application.language));
    approval['debt_ratio'] = quebecDebtRatio(
      application.monthly_housing_expenses ?? 0,
      creditLimit,
      application.personal_income,
    );
  }
  return jsonResponse(approval);
}

export const applyRoutes: Route[] = [
  {
    name: 'terms-and-conditions',
    method: 'GET',
    pattern: /\/client-id\/([^/]+)\/terms-and-conditions$/,
    authenticated: true,
    handle: terms,
  },
  { name: 'apply', method: 'POST', pattern: /\/client-id\/([^/]+)\/apply$/, authenticated: true, handle: apply },
];
