// A merchant's TypeScript, as it would use the package: type-checked by `npm run typecheck`, never run.
// Tags come from HTMLElementTagNameMap, events from GlobalEventHandlersEventMap (declared by the package).
import {
  FlexitiTermsChangeEvent,
  type ApplyRequest,
  type ErrorDetail,
  type FlexitiApply,
  type FlexitiPlanPicker,
  type FormValuesInput,
  type OfferTypeInput,
  type PlanChoice,
  type ResultStatus,
  type VerifiedDetail,
} from '../../src/index.js';
import type { FlexitiPlanPicker as PlanPickerClass } from '../../src/components/plan-picker/plan-picker.js';

declare const formValues: FormValuesInput; // the merchant's POST /merchants/login `form_values`
declare const offers: OfferTypeInput[]; // `offer_types`
declare function postToMyServer(path: string, body: unknown): Promise<Response>;
declare function log(...values: unknown[]): void;

// Tags resolve to the element classes, with no cast.
const apply = document.createElement('flexiti-apply');
const applyTyped: FlexitiApply = apply;
const picker = document.createElement('flexiti-plan-picker');
const pickerTyped: PlanPickerClass = picker;
const terms = document.createElement('flexiti-terms');
const verify = document.createElement('flexiti-verify');
const found: FlexitiPlanPicker | null = document.querySelector('flexiti-plan-picker');
log(applyTyped, pickerTyped, found);

// Properties.
apply.formValues = formValues;
apply.amount = 1299.99;
apply.province = 'QC';
apply.strictPhone = true;
picker.offers = offers;
picker.amount = 1299.99;
picker.allowRegular = true;
picker.required = true;
terms.province = 'ON';
terms.required = true;
verify.formats = ['sms', 'email'];
const choice: PlanChoice | null = picker.value;
const checked: boolean = terms.checked;
log(choice, checked, verify.step, apply.locale);

// Typed listeners: `e` is the event class, `e.detail` its detail.
apply.addEventListener('flexiti-apply-request', (e) => {
  const request: ApplyRequest = e.detail.request;
  e.detail.respondWith(postToMyServer('/flexiti/apply', request));
});
apply.addEventListener('flexiti-result', (e) => {
  const status: ResultStatus = e.detail.status;
  if (status === 'approved') log(e.detail.response);
});
apply.addEventListener('flexiti-error', (e) => {
  const detail: ErrorDetail = e.detail;
  log(detail.type, detail.code, detail.source);
});
verify.addEventListener('flexiti-verify-request', (e) => {
  e.detail.respondWith(postToMyServer('/flexiti/verify', e.detail.request));
});
verify.addEventListener('flexiti-purchase-request', (e) => {
  const code: string | undefined = e.detail.request.verification_code;
  e.detail.respondWith(postToMyServer('/flexiti/purchase', { ...e.detail.request, verification_code: code }));
});
verify.addEventListener('flexiti-verified', (e) => {
  const verified: VerifiedDetail = { format: e.detail.format, sent_to: e.detail.sent_to };
  log(verified.format);
});
verify.addEventListener('flexiti-purchase-result', (e) => log(e.detail.transaction_id, e.detail.card_last4));
terms.addEventListener('flexiti-terms-request', (e) => {
  const { province, lang } = e.detail.request;
  e.detail.respondWith(fetch(`/flexiti/terms?province=${province}&lang=${lang}`));
});
terms.addEventListener('change', (e) => {
  if (e instanceof FlexitiTermsChangeEvent) log(e.detail.consent?.terms_sha256);
});
// Listening on an ancestor works too: the events bubble and are composed.
document.addEventListener('flexiti-result', (e) => log(e.detail.status));

// Misuse is caught.
// @ts-expect-error `amount` is a number of dollars, not a string.
picker.amount = '1299.99';
// @ts-expect-error `flexiti-result` carries no request: only request events can be answered.
apply.addEventListener('flexiti-result', (e) => e.detail.respondWith({}));
apply.addEventListener('flexiti-result', (e) => {
  // @ts-expect-error 'approve' is not a ResultStatus ('approved' is).
  if (e.detail.status === 'approve') log(e);
});
// @ts-expect-error the tag is `flexiti-plan-picker`: an unknown tag is a plain HTMLElement, without `offers`.
document.createElement('flexiti-planpicker').offers = offers;
