// The merchant's own script on a page without a build step: it uses only the elements' tags, properties and
// events (the CDN bundle or the autoloader registers them). Here the "server" is canned answers from the seed
// examples.
// ?lang=fr-CA shows the page in French; ?apply=approved|declined|field-errors|network picks the answer to
// POST /apply; ?terms=hostile answers the terms with markup that must not run or restyle anything.
const params = new URLSearchParams(location.search);
if (params.get('lang')) document.documentElement.lang = params.get('lang');

// Data for the answers arrives later; the listeners below are registered at once, before the elements connect.
const seed = fetch('/test/fixtures/seed-examples.json').then((response) => response.json());
const LOGIN = 'POST /client-id/{client_id}/merchants/login';
const applicant = {
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

const applyAnswers = {
  // A promise of the body, like a fetch to the merchant's server.
  approved: () =>
    seed.then((examples) => examples['POST /client-id/{client_id}/apply']['200 - Success - ROC applicant']),
  declined: () =>
    new Response(JSON.stringify({ error: 'application_declined', message: 'Declined.' }), { status: 409 }),
  'field-errors': () =>
    new Response(
      JSON.stringify({
        url: '/apply',
        message: '<b>It has been following errors:</b>',
        error: 'wrong_input',
        field_errors: [{ param: 'postal_code', msg: 'invalid', value: 'M5H 2N2' }],
      }),
      { status: 400 },
    ),
  network: () => Promise.reject(new TypeError('Failed to fetch')),
};

const hostileTerms = ({ province, lang }) => `<h2>Terms for ${province} (${lang})</h2>
  <p style="color: red; display: none">Read before you agree.</p>
  <img src="/nowhere.png" onerror="window.flexitiXss = 'img'">
  <script>window.flexitiXss = 'script'</script>
  <a href="javascript:window.flexitiXss='link'">a link</a>
  <style>p { display: none }</style>
  <p><strong>Quebec clause.</strong> <a href="https://example.com/terms">Full terms</a></p>`;
const plainTerms = ({ province, lang }) =>
  `<h2>Terms for ${province} (${lang})</h2><p>Read before you agree.</p><p><strong>Clause.</strong></p>`;
const termsHtml = params.get('terms') === 'hostile' ? hostileTerms : plainTerms;

const show = (id, value) => {
  document.getElementById(id).textContent = value === undefined ? '' : JSON.stringify(value);
};
const log = (entry) => {
  const item = document.createElement('li');
  item.textContent = JSON.stringify(entry);
  document.getElementById('log').append(item);
};

// The handler's answers on a checkout (docs/checkout-sessions.md), by request: a code the API returns stays on the
// server.
const answers = {
  'flexiti-terms-request': (request) => termsHtml(request),
  'flexiti-apply-request': () => applyAnswers[params.get('apply') ?? 'approved'](),
  'flexiti-verify-request': ({ format }) =>
    format === 'merchant_override' ? { status: 'verified' } : { status: 'code_sent', sent_to: 'sms' },
  'flexiti-purchase-request': (request) => {
    const { plan_id = '5', term = 12 } = request;
    show('purchase', request);
    return { status: 'purchased', transaction_id: '9001', plan_id, term, amount: 1299.99, card_last4: '8234' };
  },
};

// With the autoloader (test/cdn/autoload.test.ts serves this page with it in place of the eager entry), the
// page answers through its `connect`, imported from the script tag's own URL (one module, one copy): the
// handler's routes are a `fetch` giving the same answers, and each call is logged for the tests.
const loader = document.querySelector('script[src$="/flexiti-autoload.js"]');
const connected = loader ? await import(loader.src) : undefined;
const handlerOptions = { endpoint: '/api/flexiti', checkout: 'chk_test', fetch: handler };
window.handlerCalls = [];
async function handler(url, init) {
  const route = `${init.method} ${url.pathname.replace('/api/flexiti/', '')}`;
  window.handlerCalls.push({ route, checkout: new Headers(init.headers).get('x-flexiti-checkout') });
  if (route === 'GET form-values') return Response.json((await seed)[LOGIN].response.form_values);
  const request = route === 'GET terms' ? Object.fromEntries(url.searchParams) : init.body ? JSON.parse(init.body) : {};
  const answer = await answers[`flexiti-${route.split(' ')[1]}-request`]?.(request);
  if (answer === undefined) return new Response('{}', { status: 404 });
  if (answer instanceof Response) return answer;
  return typeof answer === 'string'
    ? new Response(answer, { headers: { 'content-type': 'text/html' } })
    : Response.json(answer);
}
if (connected) connected.connect(document, handlerOptions);
else {
  // Listeners on the document: the events bubble and are composed (the form's own <flexiti-terms> too).
  for (const [name, answer] of Object.entries(answers))
    document.addEventListener(name, (event) => event.detail.respondWith(answer(event.detail.request)));
}

document.addEventListener('flexiti-verified', (event) => show('verified', event.detail));
document.addEventListener('flexiti-result', (event) => show('result', event.detail.status));
document.addEventListener('flexiti-error', (event) =>
  log({ type: event.detail.type, code: event.detail.code, source: event.detail.source }),
);

const picker = document.querySelector('flexiti-plan-picker');
picker.addEventListener('change', () => show('choice', picker.value));
document.querySelector('flexiti-terms').addEventListener('change', (event) => show('consent', event.detail.consent));

// Properties can be set before or after the bundle registers the tags.
const examples = await seed;
const formValues = connected ? await connected.loadFormValues(handlerOptions) : examples[LOGIN].response.form_values;
picker.offers = formValues.offer_types;
// What the handler's lookup answers at a till whose staff may use the store override.
const lookup = examples['GET /client-id/{client_id}/customers/lookup'].response;
document.querySelector('flexiti-verify').customer = {
  security_qid: lookup.security_qid,
  methods: ['sms', 'email', 'security_question', 'merchant_override'],
  offer_types: lookup.offer_types,
};
const apply = document.querySelector('flexiti-apply');
apply.formValues = formValues;
apply.prefill = applicant;

document.documentElement.dataset.ready = 'true';
