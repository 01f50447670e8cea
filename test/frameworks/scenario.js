// The one scenario every framework app must pass, against the built package (dist/, through the package's
// own `exports`). Each app renders the same three elements from its framework's state:
//   <flexiti-apply>        formValues (a property) — reports `flexiti-error` when given unusable lists
//   <flexiti-plan-picker>  offers (a property), amount — reports its `change` (the app shows `value`)
//   <flexiti-terms>        province — asks for the terms: the app answers with `detail.respondWith(html)`;
//                          reports the customer's agreement with `change` (the app shows the consent)
// and shows what it received in <output> elements, so the test reads the framework's own rendering.
// Plain JavaScript, bundled by esbuild before the run (web-test-runner.frameworks.config.mjs): React is CommonJS.
import { expect } from '@esm-bundle/chai';
import seed from '../fixtures/seed-examples.json';

export const formValues = seed['POST /client-id/{client_id}/merchants/login'].response.form_values;
export const offers = formValues.offer_types;

/** The terms the app's server would send; the heading tells the test the app's answer is on screen. */
export function termsHtml({ province, lang }) {
  return `<h2>Terms for ${province} (${lang})</h2><p>Read before you agree.</p>`;
}

export async function waitFor(check, message, timeout = 5000) {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const shadow = (el, selector) => el.shadowRoot?.querySelector(selector) ?? null;
const text = (node) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * `mount(container)` renders the framework's app into `container` and resolves to
 * `{ breakFormValues(): Promise<void>, unmount(): void }`: `breakFormValues` changes the app's state so
 * that `formValues` becomes `{}` (the framework re-renders; the element must follow without remounting).
 */
export function runScenario(framework, mount) {
  describe(`${framework}: properties, events and respondWith`, () => {
    let container;
    let app;

    beforeEach(async () => {
      container = document.createElement('div');
      container.lang = 'en-CA';
      document.body.append(container);
      app = await mount(container);
      await waitFor(() => container.querySelector('flexiti-terms'), 'the app did not render');
    });

    afterEach(() => {
      app.unmount();
      container.remove();
    });

    it('sets formValues as a property and the application form renders from it', async () => {
      const apply = container.querySelector('flexiti-apply');
      // Booleans only: a failing chai comparison that prints DOM nodes or React internals stalls the runner.
      expect(customElements.get('flexiti-apply') === apply.constructor, 'flexiti-apply is registered').to.equal(true);
      expect(apply.formValues).to.deep.equal(formValues);
      expect(
        apply.hasAttribute('formvalues') || apply.hasAttribute('formValues'),
        'not stringified into an attribute',
      ).to.equal(false);
      await apply.updateComplete;
      expect(shadow(apply, 'form[part~="form"]') !== null, 'the form is rendered').to.equal(true);
      expect(shadow(apply, '[part~="config-error"]') === null, 'no configuration error').to.equal(true);
      const province = shadow(apply, 'select[name="province"]');
      expect([...province.options].map((option) => option.value)).to.include.members(['ON', 'QC']);
      expect(container.querySelector('output[name="errors"]').textContent).to.equal('');
    });

    it("sets offers as a property and receives the plan picker's change", async () => {
      const picker = container.querySelector('flexiti-plan-picker');
      expect(picker.offers).to.deep.equal(offers);
      await picker.updateComplete;
      const plans = picker.shadowRoot.querySelectorAll('input[name="plan"]');
      expect(plans.length).to.equal(offers.length);
      plans[0].click();
      await picker.updateComplete;
      const term = await waitFor(() => shadow(picker, 'input[name="term"]'), 'no term radios');
      term.click();
      const output = container.querySelector('output[name="choice"]');
      await waitFor(() => output.textContent !== '', 'the app did not receive change');
      expect(JSON.parse(output.textContent)).to.deep.include({
        plan_id: offers[0].plan_id,
        term: Number(offers[0].term_options[0]),
      });
    });

    it('answers flexiti-terms-request through respondWith and receives the consent', async () => {
      const terms = container.querySelector('flexiti-terms');
      const requests = container.querySelector('output[name="terms-requests"]');
      await waitFor(() => requests.textContent !== '', 'the app did not receive flexiti-terms-request');
      expect(JSON.parse(requests.textContent)).to.deep.equal([{ province: 'ON', lang: 'en' }]);
      await waitFor(() => terms.status === 'shown', `the terms were not shown (status ${terms.status})`);
      await terms.updateComplete;
      expect(text(shadow(terms, '[part~="region"]'))).to.include('Terms for ON (en)');
      shadow(terms, 'input[type="checkbox"]').click();
      const consent = container.querySelector('output[name="consent"]');
      await waitFor(() => consent.textContent !== '', 'the app did not receive the consent');
      expect(JSON.parse(consent.textContent)).to.deep.include({ province: 'ON', lang: 'en' });
      expect(terms.checked).to.equal(true);
    });

    it('follows a property change from the framework and reports flexiti-error to it', async () => {
      const apply = container.querySelector('flexiti-apply');
      await app.breakFormValues();
      const errors = container.querySelector('output[name="errors"]');
      await waitFor(() => errors.textContent !== '', 'the app did not receive flexiti-error');
      expect(JSON.parse(errors.textContent)).to.deep.equal([
        { type: 'implementation', code: 'invalid_form_values', source: 'flexiti-apply' },
      ]);
      expect(container.querySelector('flexiti-apply') === apply, 'the same element, not a remount').to.equal(true);
      await apply.updateComplete;
      expect(shadow(apply, '[part~="config-error"]') !== null, 'the configuration error is shown').to.equal(true);
    });
  });
}
