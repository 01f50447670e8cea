// A browser app with a bundler: every browser entry point, by package name.
import { FlexitiApply, FlexitiPlanPicker, FlexitiResultEvent, VERSION, type PlanChoice } from 'flexiti-elements';
import { connect, loadFormValues, type ConnectOptions } from 'flexiti-elements/connect';
import { validatePostalCode } from 'flexiti-elements/model';
import * as cdn from 'flexiti-elements/cdn';
import * as autoload from 'flexiti-elements/autoload';
import manifest from 'flexiti-elements/custom-elements.json' with { type: 'json' };
import type { TermsStatus, VerifyStep } from 'flexiti-elements';

const apply: FlexitiApply = document.createElement('flexiti-apply');
apply.amount = 1644;
// @ts-expect-error amount is a number
apply.amount = '1644';
apply.addEventListener('flexiti-result', (event) => {
  const status: 'approved' | 'declined' | 'pending' | 'exists' | 'cancelled' = event.detail.status;
  return status;
});
document.addEventListener('flexiti-error', (event) => event.detail.code.toUpperCase());

const picker: FlexitiPlanPicker = document.createElement('flexiti-plan-picker');
const choice: PlanChoice | null = picker.value;

const options: ConnectOptions = { endpoint: '/api/flexiti' };
const disconnect: () => void = connect(document, options);
// loadFormValues answers what formValues takes.
apply.formValues = await loadFormValues(options);
// @ts-expect-error offers is the API's offer_types array
picker.offers = { offer_types: [] };
picker.offers = [
  { plan_name: 'No interest, 12 months', plan_id: '5', offer_category: 'equal_billing', term_options: ['12', 18] },
];

// The script-tag bundle has the same typed API.
const fromCdn: typeof FlexitiApply = cdn.FlexitiApply;
const connectFromCdn: typeof connect = cdn.connect;
// @ts-expect-error not exported
cdn.nothingHere;

// The autoloading entry: connect and the page's language, discover() for a shadow root, nothing heavier; its
// types still load the tag and event maps.
const connectFromAutoload: typeof connect = autoload.connect;
const discovered: Promise<void> = autoload.discover(document.createElement('div').attachShadow({ mode: 'open' }));
const localeSet: Promise<void> = autoload.setLocale('fr-CA');
const autoloadVersion: string = autoload.VERSION;
// @ts-expect-error the element classes are not in the loader (types only)
autoload.FlexitiApply;
const typedTag: autoload.FlexitiApply = document.createElement('flexiti-apply');

const version: string = VERSION;
const isResult: boolean = new Event('x') instanceof FlexitiResultEvent;
const postal = validatePostalCode('K1A 0B1');
const schema: string = manifest.schemaVersion;

export { choice, disconnect, fromCdn, connectFromCdn, version, isResult, postal, schema };
export { connectFromAutoload, discovered, localeSet, autoloadVersion, typedTag };

// The types of read-only state the elements expose.
export const termsStatus: TermsStatus = document.createElement('flexiti-terms').status;
export const verifyStep: VerifyStep = document.createElement('flexiti-verify').step;
// @ts-expect-error not a terms status
export const badStatus: TermsStatus = 'done';
