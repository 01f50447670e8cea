// The merchant's own script on a page without a build step: it uses only the elements' tags, properties and
// events (the CDN bundle registered them). Here the "server" is canned answers from the seed examples.
// ?lang=fr-CA shows the page in French; ?apply=approved|declined|field-errors|network picks the answer to
// POST /apply; ?terms=hostile answers the terms with markup that must not run or restyle anything.
const params = new URLSearchParams(location.search);
if (params.get('lang')) document.documentElement.lang = params.get('lang');

// Data for the answers arrives later; the listeners below are registered at once, before the elements connect.
const seed = fetch('/test/fixtures/seed-examples.json').then((response) => response.json());
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

// Listeners on the document: the events bubble and are composed (the form's own <flexiti-terms> too).
document.addEventListener('flexiti-terms-request', (event) =>
  event.detail.respondWith(termsHtml(event.detail.request)),
);
document.addEventListener('flexiti-apply-request', (event) => {
  event.detail.respondWith(applyAnswers[params.get('apply') ?? 'approved']());
});
// The handler's answers on a checkout (docs/checkout-sessions.md): a code the API returns stays on the server.
document.addEventListener('flexiti-verify-request', (event) => {
  const { format } = event.detail.request;
  event.detail.respondWith(
    format === 'merchant_override' ? { status: 'verified' } : { status: 'code_sent', sent_to: 'sms' },
  );
});
document.addEventListener('flexiti-purchase-request', (event) => {
  const { plan_id = '5', term = 12 } = event.detail.request;
  show('purchase', event.detail.request);
  event.detail.respondWith({
    status: 'purchased',
    transaction_id: '9001',
    plan_id,
    term,
    amount: 1299.99,
    card_last4: '8234',
  });
});
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
const formValues = examples['POST /client-id/{client_id}/merchants/login'].response.form_values;
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
