// The merchant's own script on a page with the autoloading entry: it imports `connect` and `loadFormValues` from
// the same file as the page's script tag (one module, so one copy) and uses only the elements' tags, properties
// and events. `connect` calls the handler's routes; here a `fetch` with canned answers from the seed examples
// stands in for the merchant's server (docs/checkout-sessions.md), and logs each call for the tests.
const loaderUrl = document.querySelector('script[src$="/flexiti-autoload.js"]').src;
const { connect, loadFormValues } = await import(loaderUrl);

const seed = fetch('/test/fixtures/seed-examples.json').then((response) => response.json());
const json = (body) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const calls = [];
window.handlerCalls = calls;

/** The handler's routes as connect calls them: `${endpoint}/${route}`. */
async function handler(url, init) {
  const route = `${init.method} ${url.pathname.replace('/api/flexiti/', '')}`;
  calls.push({ route, checkout: new Headers(init.headers).get('x-flexiti-checkout') });
  const examples = await seed;
  const request = init.body ? JSON.parse(init.body) : undefined;
  switch (route) {
    case 'GET form-values':
      return json(examples['POST /client-id/{client_id}/merchants/login'].response.form_values);
    case 'GET terms':
      return new Response(
        `<h2>Terms for ${url.searchParams.get('province')} (${url.searchParams.get('lang')})</h2><p>Read before you agree.</p>`,
        { headers: { 'content-type': 'text/html' } },
      );
    case 'POST apply':
      return json(examples['POST /client-id/{client_id}/apply']['200 - Success - ROC applicant']);
    case 'POST verify':
      return json(
        request.format === 'merchant_override' ? { status: 'verified' } : { status: 'code_sent', sent_to: 'sms' },
      );
    case 'POST purchase':
      return json({
        status: 'purchased',
        transaction_id: '9001',
        plan_id: request.plan_id ?? '5',
        term: request.term ?? 12,
        amount: 1299.99,
        card_last4: '8234',
      });
    default:
      return new Response('{}', { status: 404 });
  }
}

const options = { endpoint: '/api/flexiti', checkout: 'chk_autoload', fetch: handler };
connect(document, options);

const show = (id, value) => {
  document.getElementById(id).textContent = value === undefined ? '' : JSON.stringify(value);
};
const log = (entry) => {
  const item = document.createElement('li');
  item.textContent = JSON.stringify(entry);
  document.getElementById('log').append(item);
};
document.addEventListener('flexiti-verified', (event) => show('verified', event.detail));
document.addEventListener('flexiti-result', (event) => show('result', event.detail.status));
document.addEventListener('flexiti-error', (event) =>
  log({ type: event.detail.type, code: event.detail.code, source: event.detail.source }),
);
const picker = document.querySelector('flexiti-plan-picker');
picker.addEventListener('change', () => show('choice', picker.value));
document.querySelector('flexiti-terms').addEventListener('change', (event) => show('consent', event.detail.consent));

// Properties are set whether or not the tags are defined yet: an element keeps them until it is.
const examples = await seed;
const formValues = await loadFormValues(options);
picker.offers = formValues.offer_types;
const lookup = examples['GET /client-id/{client_id}/customers/lookup'].response;
document.querySelector('flexiti-verify').customer = {
  security_qid: lookup.security_qid,
  methods: ['sms', 'email', 'security_question', 'merchant_override'],
  offer_types: lookup.offer_types,
};
const apply = document.querySelector('flexiti-apply');
apply.formValues = formValues;
apply.prefill = {
  amount_requested: 1200,
  salutation: 'ms',
  first_name: 'Ada',
  last_name: 'Tremblay',
  dob: '1985-04-12',
  email: 'ada.tremblay@example.com',
  phone_number: '4165550134',
  address_1: '100 Queen Street West',
  city: 'Toronto',
  province: 'ON',
  postal_code: 'M5H 2N2',
  housing_type: 'Rent',
  personal_income: 52000,
  household_income: 80000,
  occupation_id: 'FE',
  occupation_title: 'Baker',
  employer_name: 'Tasty Bakery',
  security_qid: '4',
  security_answer: 'Marie',
  piw: 'Cloud',
};
document.documentElement.dataset.definedAtReady = String(customElements.get('flexiti-apply') !== undefined);
document.documentElement.dataset.ready = 'true';
