/**
 * Injection: every path by which API or host text reaches the DOM gets the whole XSS corpus (test/xss-corpus.ts).
 * For each path, no payload runs (the global flag stays unset, nothing loads `x`), none leaves markup (the shadow
 * tree has exactly the elements a harmless string gives, no inline handler, no script URL), and text meant to be
 * read is shown as the literal text it was.
 *
 * Terms HTML itself is sanitized, not escaped: its corpus run is src/components/terms/terms.test.ts
 * ("sanitizing"); here the terms are run once more nested inside `<flexiti-apply>`.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { XSS_CORPUS } from '../../xss-corpus.js';
import { validateName, validateText } from '../../../src/model/index.js';
import {
  $,
  agree,
  confirm,
  control,
  fillValid,
  mount,
  root,
  seedFormValues,
  settled,
  submitForm,
  terms,
} from '../apply-harness.js';
import {
  chooseMethod,
  deepText,
  injectedMarkup,
  jsonResponse,
  mountPlanPicker,
  mountVerify,
  payloadRequests,
  resetXss,
  settleAttacks,
  tagCounts,
  verifySettled,
  xssRan,
} from './helpers.js';

const BENIGN = 'Plain harmless words';
const vectors = XSS_CORPUS.map((vector) => vector.html);

/** What every path must end with: nothing ran or loaded, no markup anywhere in the shadow tree. */
async function expectInert(host: Element, what: string): Promise<void> {
  await settleAttacks();
  expect(xssRan(), `${what}: a payload ran`).to.equal(false);
  expect(injectedMarkup(host), `${what}: markup left in the shadow tree`).to.deep.equal([]);
  expect(payloadRequests(), `${what}: a payload loaded a resource`).to.deep.equal([]);
}

beforeEach(() => {
  resetXss();
  performance.clearResourceTimings();
});

describe('injection probes', () => {
  it('can fail: the same corpus parsed as HTML into a shadow root sets the flag, leaves markup and loads x', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    // The unsafe way, on purpose, to prove the checks notice it.
    shadow.innerHTML = vectors.join('');
    try {
      expect(injectedMarkup(host)).to.not.deep.equal([]);
      await waitUntil(
        () => xssRan() && payloadRequests().length > 0,
        'the unsafe probe neither ran nor loaded anything',
        { timeout: 3000 },
      );
    } finally {
      host.remove();
      // Late handlers of the probe must not leak into the next test.
      await new Promise((resolve) => setTimeout(resolve, 300));
      resetXss();
    }
  });
});

describe('injection: form_values labels in <flexiti-apply>', () => {
  it('every corpus vector as a salutation, security question, ID type, issuer, occupation and housing label is literal text', async () => {
    const benign = await seedFormValues();
    const hostile = await seedFormValues();
    const labels = (prefix: string) => Object.fromEntries(vectors.map((html, index) => [`${prefix}${index}`, html]));
    hostile.salutation.options = labels('s');
    hostile.security_qid.options = labels('');
    hostile.govid_type.options = { ...labels('CAX'), ...hostile.govid_type.options };
    for (const type of Object.keys(labels('CAX'))) hostile.govid_issued_by.option_depends[type] = labels('I');
    hostile.occupation_id = { options: labels('O') };
    hostile.housing_type = { options: labels('H') };
    // Province labels are keyed by province code: a vector for each of the 13.
    hostile.province.options = Object.fromEntries(
      Object.keys(hostile.province.options).map((code, index) => [code, vectors[index]!]),
    );

    const { el } = await mount({ formValues: hostile });
    control(el, 'govid_type').value = 'CAX0';
    control(el, 'govid_type').dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;

    for (const name of [
      'salutation',
      'security_qid',
      'govid_type',
      'govid_issuedby',
      'occupation_id',
      'housing_type',
    ]) {
      const shown = [...control(el, name).options].map((option) => option.textContent);
      for (const html of vectors) expect(shown, `${name} shows ${html} as text`).to.include(html);
    }
    const provinces = [...control(el, 'province').options].map((option) => option.textContent);
    for (const html of vectors.slice(0, 13)) expect(provinces).to.include(html);
    await expectInert(el, 'form_values labels');

    // The same form with harmless labels has the same elements, apart from the extra options.
    const { el: plain } = await mount({ formValues: benign });
    const counts = tagCounts(el);
    const plainCounts = tagCounts(plain);
    delete counts.option;
    delete plainCounts.option;
    expect(counts).to.deep.equal(plainCounts);
  });
});

describe('injection: plan names in <flexiti-plan-picker>', () => {
  it('every corpus vector as a plan name and a category heading is literal text', async () => {
    const offers = vectors.map((html, index) => ({
      plan_name: html,
      plan_id: String(index + 1),
      offer_category: html,
      term_options: [6, '12'],
    }));
    const el = await mountPlanPicker(offers);
    const shown = deepText(el);
    for (const html of vectors) expect(shown, `plan ${html}`).to.contain(html);
    await expectInert(el, 'plan names');
    const plain = await mountPlanPicker(
      vectors.map((_, index) => ({
        plan_name: `${BENIGN} ${index}`,
        plan_id: String(index + 1),
        offer_category: `${BENIGN} ${index}`,
        term_options: [6, '12'],
      })),
    );
    expect(tagCounts(el)).to.deep.equal(tagCounts(plain));
  });

  it('every corpus vector as the message of a host-set error is inert', async () => {
    const el = await mountPlanPicker([
      { plan_name: 'Plan', plan_id: '5', offer_category: 'equal_billing', term_options: [12] },
    ]);
    el.error = { error: 'never_seen_code', message: BENIGN };
    await el.updateComplete;
    const plainCounts = tagCounts(el);
    for (const html of vectors) {
      el.error = { error: 'never_seen_code', message: html };
      await el.updateComplete;
      expect(tagCounts(el), html).to.deep.equal(plainCounts);
    }
    await expectInert(el, 'plan-picker error');
  });
});

describe('injection: security questions and errors in <flexiti-verify>', () => {
  it('every corpus vector as one of the customer’s security questions is literal text', async () => {
    const customer = {
      customer_id: 43353,
      account_number: 1,
      available_credit: 1,
      security_qid: vectors.map((html, index) => ({ id: String(index + 1), text: html })),
    };
    const { el } = await mountVerify(customer);
    await chooseMethod(el, 'security_question');
    const shown = deepText(el);
    for (const html of vectors) expect(shown, `question ${html}`).to.contain(html);
    await expectInert(el, 'security questions');
    const { el: plain } = await mountVerify({
      ...customer,
      security_qid: vectors.map((_, index) => ({ id: String(index + 1), text: `${BENIGN} ${index}` })),
    });
    await chooseMethod(plain, 'security_question');
    expect(tagCounts(el)).to.deep.equal(tagCounts(plain));
  });

  it('every corpus vector as the message of an unknown verify error (and as an HTML error page) is inert', async function () {
    this.timeout(120_000);
    let message = BENIGN;
    let asHtmlPage = false;
    const { el, requests } = await mountVerify(
      { customer_id: 43353, account_number: 1, available_credit: 1, security_qid: [] },
      () =>
        asHtmlPage
          ? new Response(`<html><body>${message}</body></html>`, {
              status: 502,
              headers: { 'content-type': 'text/html' },
            })
          : jsonResponse({ url: '/verify', message, error: 'never_seen_code' }, 500),
    );
    /** Sends an SMS request again, by "Try again" when offered, else by choosing SMS again. */
    const sendAgain = async () => {
      const retry = [...el.shadowRoot!.querySelectorAll('button')].find((button) =>
        /try again/i.test(button.textContent ?? ''),
      );
      if (retry) {
        retry.click();
        await verifySettled(el);
      } else await chooseMethod(el, 'sms');
    };
    await chooseMethod(el, 'sms');
    expect(deepText(el)).to.contain(BENIGN);
    // A server error offers "Try again": every answer leaves the element in that same state.
    const plainCounts = tagCounts(el);
    for (const page of [false, true]) {
      asHtmlPage = page;
      for (const html of vectors) {
        message = html;
        await sendAgain();
        expect(tagCounts(el), html).to.deep.equal(plainCounts);
      }
    }
    expect(requests).to.have.length(1 + 2 * vectors.length);
    await expectInert(el, 'verify errors');
  });
});

/** Sends the application again: "Try again" on the review step, or review and confirm from the form. */
async function sendAgain(el: Awaited<ReturnType<typeof mount>>['el']): Promise<void> {
  const retry = $<HTMLButtonElement>(el, '[data-retry]');
  if (retry) retry.click();
  else {
    if (!$(el, '[data-confirm]')) await submitForm(el);
    await confirm(el);
  }
  await settled(el);
}

/** Fills the form and sends it while the answer carries the benign text; the tags on screen then, to compare with. */
async function answeredBenign(el: Awaited<ReturnType<typeof mount>>['el']): Promise<ReturnType<typeof tagCounts>> {
  await fillValid(el);
  await sendAgain(el);
  expect(deepText(el)).to.contain(BENIGN);
  return tagCounts(el);
}

describe('injection: API messages in <flexiti-apply>', () => {
  for (const [where, status] of [
    ['the review step (a 500)', 500],
    ['the form summary (an unknown 409)', 409],
  ] as const) {
    it(`every corpus vector as the message of an unknown error, on ${where}, is inert and the customer can send again`, async function () {
      this.timeout(120_000);
      let message = BENIGN;
      const { el, requests } = await mount({
        onApply: () => jsonResponse({ url: '/apply', message, error: 'never_seen_code' }, status),
      });
      const plainCounts = await answeredBenign(el);
      for (const html of vectors) {
        message = html;
        await sendAgain(el);
        expect(tagCounts(el), html).to.deep.equal(plainCounts);
      }
      expect(requests('flexiti-apply-request')).to.have.length(1 + vectors.length);
      await expectInert(el, `apply errors (${status})`);
    });
  }

  it('every corpus vector as a field-error parameter, msg and echoed value is inert', async function () {
    this.timeout(120_000);
    let body: Record<string, unknown> = {};
    const { el } = await mount({ onApply: () => jsonResponse(body, 409) });
    await fillValid(el);
    body = {
      url: '/apply',
      message: 'Some inputs are wrong!',
      error: 'wrong_inputs',
      field_errors: [{ param: BENIGN, msg: BENIGN }],
    };
    await sendAgain(el);
    const plainCounts = tagCounts(el);
    for (const html of vectors) {
      body = {
        url: '/apply',
        message: html,
        error: 'wrong_inputs',
        field_errors: [{ param: html, msg: html, value: html }],
      };
      await sendAgain(el);
      expect($(el, '[part="error-summary"]'), 'the summary lists the unknown parameter').to.not.equal(null);
      expect(tagCounts(el), html).to.deep.equal(plainCounts);
    }
    await expectInert(el, 'apply field errors');
  });

  it('a decline the catalogue does not know shows its message as text on the outcome view', async function () {
    this.timeout(120_000);
    let message = BENIGN;
    const { el } = await mount({
      onApply: () => jsonResponse({ url: '/apply', message, error: 'application_declined_9' }, 409),
    });
    const plainCounts = await answeredBenign(el);
    for (const html of vectors) {
      message = html;
      // The next customer at a shared till: the same element, emptied.
      el.reset();
      await fillValid(el);
      await sendAgain(el);
      expect(tagCounts(el), html).to.deep.equal(plainCounts);
    }
    await expectInert(el, 'declined outcome');
  });
});

/** Harmless text for each prefilled field that fails (or passes) the field's validation the way `html` does. */
function harmlessTwin(html: string): Record<string, string> {
  const checks = {
    first_name: [validateName(html, { maxLength: 80 }), 80],
    last_name: [validateName(html, { maxLength: 130 }), 130],
    address_1: [validateText(html, 100), 100],
    city: [validateText(html, 50), 50],
    occupation_title: [validateText(html, 100), 100],
  } as const;
  return Object.fromEntries(
    Object.entries(checks).map(([name, [result, max]]) => {
      if (result.ok) return [name, 'Plain'];
      const twin: Record<string, string> = {
        'name.characters': 'Plain 1',
        'text.characters': 'Plain\u0001',
        'text.too_long': 'a'.repeat(max + 1),
      };
      return [name, twin[result.error.key] ?? ''];
    }),
  );
}

describe('injection: customer data from the host and from a licence scan in <flexiti-apply>', () => {
  it('every corpus vector prefilled as a customer’s name and address stays a field value, never markup', async function () {
    this.timeout(60_000);
    const { el } = await mount();
    for (const html of vectors) {
      // The same fields filled with harmless text that is valid or invalid exactly where the vector is (its
      // field errors are the element's own messages), so both renderings must have the same elements.
      el.prefill = harmlessTwin(html);
      await el.updateComplete;
      const plainCounts = tagCounts(el);
      // A host that changes its prefill: the fields nobody typed in follow it.
      el.prefill = { first_name: html, last_name: html, address_1: html, city: html, occupation_title: html };
      await el.updateComplete;
      expect(control(el, 'first_name').value, 'the name is kept as given').to.equal(html);
      expect(control(el, 'address_1').value, 'the address is kept as given').to.equal(html);
      expect(tagCounts(el), html).to.deep.equal(plainCounts);
    }
    await expectInert(el, 'prefill');
  });

  it('a corpus vector accepted as an address is shown on the review step as literal text', async function () {
    this.timeout(60_000);
    // Addresses are free text: markup characters are allowed in them, so the review must show them as typed.
    const accepted = vectors.filter((html) => html.length <= 50 && !/[\u0000-\u001f]/.test(html));
    expect(accepted.length).to.be.greaterThan(20);
    const { el } = await mount();
    for (const html of accepted) {
      el.reset();
      await fillValid(el, { address_1: html, city: html });
      await submitForm(el);
      const review = $(el, '[part="review"]');
      expect(review, `review shown for ${html}`).to.not.equal(null);
      expect(review!.textContent).to.contain(html.trim());
      expect(injectedMarkup(el), html).to.deep.equal([]);
      $<HTMLButtonElement>(el, '[data-edit]')!.click();
      await el.updateComplete;
    }
    await expectInert(el, 'review');
  });

  it('every corpus vector in a decoded licence fills the fields as text only', async function () {
    this.timeout(120_000);
    let decoded: Record<string, string> = {};
    const { el } = await mount({ channel: 'in_store', onLicense: () => decoded });
    for (const html of vectors) {
      decoded = { first_name: html, last_name: html, address_1: html, city: html, govid_number: html };
      const filledBefore = control(el, 'address_1').value;
      const details = $<HTMLDetailsElement>(el, '[part="scan"]')!;
      details.open = true;
      const textarea = $<HTMLTextAreaElement>(el, '#scan-code')!;
      textarea.value = 'PDF417 TEXT';
      textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      $<HTMLButtonElement>(el, '[data-use-scan]')!.click();
      await settled(el);
      if (html.trim() !== '' && html.trim() !== filledBefore)
        expect(control(el, 'address_1').value, 'filled as text').to.equal(html.trim());
    }
    await expectInert(el, 'licence scan');
    expect(root(el).querySelectorAll('form').length).to.equal(1);
  });
});

describe('injection: terms HTML nested in <flexiti-apply>', () => {
  it('the whole corpus as one terms document, inside the apply form, runs nothing and leaves the agreement usable', async () => {
    const { el, wrapper } = await mount();
    // A listener closer to the element than the harness's answers first.
    el.addEventListener('flexiti-terms-request', (event) => {
      event.detail.respondWith(`<h2>Terms</h2>${vectors.join('\n')}<p>End of terms.</p>`);
      event.stopPropagation();
    });
    await fillValid(el, { province: 'QC', monthly_housing_expenses: '1200', postal_code: 'H3A 3G4' }).catch(
      () => undefined,
    );
    await waitUntil(() => terms(el).status === 'shown', 'terms not shown');
    await expectInert(el, 'nested terms');
    expect(terms(el).shadowRoot!.querySelector('input[type="checkbox"]'), 'the agreement is there').to.not.equal(null);
    await agree(el).catch(() => undefined);
    expect(wrapper.querySelectorAll('script').length).to.equal(0);
  });
});
