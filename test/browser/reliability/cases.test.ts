/**
 * docs/reliability.md §5 cases that no element's own tests cover, each named by its number. The full map of
 * the 57 cases to their tests is test/reliability/CASES.md.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { readApiError } from '../../../src/model/index.js';
import { textNow } from '../../texts.js';
import { deepActiveElement, text } from '../dom.js';
import * as apply from '../apply-harness.js';
import { chooseMethod, jsonResponse, mountVerify, verifySettled } from './helpers.js';

const apiText = (code: string, status = 409) => textNow(readApiError(status, { error: code, message: '' }), 'en-CA');

describe('docs/reliability.md §5 cases not covered elsewhere', () => {
  it('#1 formValues without govid_type: the configuration message, no crash, and a flexiti-error with type and code only', async () => {
    const formValues = await apply.seedFormValues();
    delete formValues.govid_type;
    const { el, events } = await apply.mount({ formValues, prefill: { first_name: 'Zoë', sin: '130692544' } });
    expect(text(apply.$(el, '[part="config-error"] h2'))).to.equal('The application form is not available');
    expect(apply.$(el, 'form')).to.equal(null);
    const errors = events.filter((event) => event.type === 'flexiti-error');
    expect(errors).to.have.length(1);
    expect(Object.keys(errors[0]!.detail as object).sort()).to.deep.equal(['code', 'source', 'type']);
    expect(JSON.stringify(errors[0]!.detail)).to.not.match(/Zoë|130692544/);
    await expect(el).to.be.accessible();
  });

  it('#2 extra unknown keys are ignored and options keep an unusual order (reversed, numeric-looking keys last)', async () => {
    const formValues = await apply.seedFormValues();
    formValues.surprise = { options: { x: 'Unexpected' } };
    formValues.salutation.extra = 'ignored';
    formValues.salutation.options = Object.fromEntries(
      Object.entries(formValues.salutation.options as Record<string, string>).reverse(),
    );
    formValues.govid_type.options = Object.fromEntries(
      Object.entries(formValues.govid_type.options as Record<string, string>).reverse(),
    );
    const { el } = await apply.mount({ formValues });
    const shown = (name: string) =>
      [...apply.control(el, name).options].filter((option) => option.value !== '').map((option) => option.value);
    expect(shown('salutation')).to.deep.equal(Object.keys(formValues.salutation.options));
    expect(shown('govid_type')).to.deep.equal(Object.keys(formValues.govid_type.options));
    expect(apply.root(el).textContent).to.not.contain('Unexpected');
    // Security question ids are numeric strings: a JavaScript object would sort them; the given order is kept
    // as far as the JSON object allows (integer-like keys ascending, which is also how the API sends them).
    expect(shown('security_qid')).to.deep.equal(Object.keys(formValues.security_qid.options));
  });

  describe('#51 each 409 code of §3.4 gets its mapped behaviour (the ones no element test covers)', () => {
    it('#51 general_error on apply: "try again later" with Try again, nothing lost', async () => {
      const { el } = await apply.mount({
        onApply: () => jsonResponse({ code: 409, error: 'general_error', error_description: 'general_error' }, 409),
      });
      await apply.fillValid(el);
      await apply.submitForm(el);
      await apply.confirm(el);
      await apply.settled(el);
      expect(text(apply.$(el, '[part="submit-error"]'))).to.contain(apiText('general_error'));
      expect(apply.$(el, '[data-retry]')).to.not.equal(null);
      expect(apply.control(el, 'first_name').value).to.equal(apply.VALID.first_name);
    });

    for (const code of ['invalid_role', 'external_location_id_not_found', 'account_type_not_permitted']) {
      it(`#51 ${code} on apply: a store configuration message, no Try again (retrying cannot help)`, async () => {
        const { el } = await apply.mount({
          onApply: () => jsonResponse({ url: '/apply', message: code, error: code }, 409),
        });
        await apply.fillValid(el);
        await apply.submitForm(el);
        await apply.confirm(el);
        await apply.settled(el);
        expect(text(apply.$(el, '[part="submit-error"]'))).to.contain(apiText(code));
        expect(apiText(code)).to.match(/store/i);
        expect(apply.$(el, '[data-retry]')).to.equal(null);
        expect(apply.control(el, 'last_name').value).to.equal(apply.VALID.last_name);
      });
    }

    it('#51 not_verified on the purchase: "verify again", and the customer can go back to the methods', async () => {
      const { el } = await mountVerify(
        { customer_id: 43353, account_number: 1, available_credit: 1, security_qid: [] },
        () => jsonResponse({ verification_code: 'verification_sent_to_sms' }),
      );
      el.addEventListener('flexiti-purchase-request', (event) =>
        event.detail.respondWith(jsonResponse({ url: '/transactions', message: '', error: 'not_verified' }, 409)),
      );
      await chooseMethod(el, 'sms');
      const code = el.shadowRoot!.querySelector<HTMLInputElement>('#verification_code')!;
      code.value = '2222';
      code.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await verifySettled(el);
      expect(text(el.shadowRoot!.querySelector('#notice'))).to.contain(apiText('not_verified'));
      const back = [...el.shadowRoot!.querySelectorAll('button')].find((button) =>
        /another method/i.test(button.textContent ?? ''),
      );
      expect(back, 'a way back to the methods').to.not.equal(undefined);
      back!.click();
      await verifySettled(el);
      expect(el.step).to.equal('choose');
    });
  });

  it('#56 a screen-reader user submits with 3 errors: focus on the first, each tied to its field, listed once in the summary, not announced by a live region', async () => {
    const { el } = await apply.mount();
    await apply.fillValid(el, { postal_code: 'W1A 1A1', phone_number: '12', sin: '046 454 287' });
    await apply.submitForm(el);
    const links = [...apply.root(el).querySelectorAll<HTMLAnchorElement>('[part="error-summary"] a')];
    // In form order: the address section comes before the contact section.
    expect(links.map((link) => link.hash)).to.deep.equal(['#postal_code', '#phone_number', '#sin']);
    expect(text(apply.$(el, '#summary-title'))).to.equal('There are 3 problems to fix');
    expect(deepActiveElement()).to.equal(apply.control(el, 'postal_code'));
    for (const name of ['phone_number', 'postal_code', 'sin']) {
      const field = apply.control(el, name);
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      const message = apply.root(el).getElementById(`${name}-message`)!;
      expect(field.getAttribute('aria-describedby')!.split(' ')).to.include(message.id);
      // Announced once: the message is read with its field, not pushed again by an alert or live region.
      expect(message.closest('[role="alert"], [aria-live]')).to.equal(null);
      expect(links.filter((link) => link.hash === `#${name}`)).to.have.length(1);
    }
    expect(text(apply.$(el, '[role="status"]'))).to.not.contain(apply.errorOf(el, 'sin'));
    expect(apply.root(el).querySelectorAll('[aria-invalid="true"]')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  describe('#57 browser autofill inside the shadow root (Chromium; Firefox and WebKit are not run here)', () => {
    /** What Chromium's autofill does to a field: sets the value and fires input and change, with no key events. */
    function autofill(input: HTMLInputElement | HTMLSelectElement, value: string): void {
      input.value = value;
      input.dispatchEvent(
        new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText' }),
      );
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }

    it('#57 autofilled fields are read, normalized and validated like typed ones, in one pass over the form', async () => {
      const { el, requests } = await apply.mount({ onApply: () => undefined });
      await apply.setField(el, 'province', 'ON');
      // Every field the browser's autofill profile can fill, by its autocomplete token, all at once.
      const profile: Record<string, string> = {
        'honorific-prefix': 'ms',
        'given-name': 'Zoë',
        'family-name': "O'Brien",
        bday: '1990-05-31',
        email: 'zoe@example.com',
        'tel-national': '(416) 555-0199',
        'address-line1': '123 Main Street',
        'address-level2': 'Toronto',
        'postal-code': 'm5v2t6',
      };
      for (const [token, value] of Object.entries(profile)) {
        const field = apply.root(el).querySelector<HTMLInputElement>(`[autocomplete="${token}"]`);
        expect(field, `a field with autocomplete="${token}"`).to.not.equal(null);
        expect(field!.closest('form'), `${token} is inside the form`).to.not.equal(null);
        expect(field!.name && field!.id, `${token} has a name and an id`).to.be.ok;
        autofill(field!, value);
      }
      await el.updateComplete;
      for (const [name, value] of Object.entries(apply.VALID)) {
        if (
          [
            'first_name',
            'last_name',
            'dob',
            'email',
            'phone_number',
            'address_1',
            'city',
            'postal_code',
            'salutation',
            'province',
          ].includes(name)
        )
          continue;
        await apply.setField(el, name, value);
      }
      await el.updateComplete;
      await waitUntil(
        () => (el.shadowRoot!.querySelector('flexiti-terms') as unknown as { status: string }).status === 'shown',
      );
      (
        el.shadowRoot!.querySelector('flexiti-terms')!.shadowRoot!.querySelector('#agreement') as HTMLInputElement
      ).click();
      await apply.submitForm(el);
      expect(apply.$(el, '[part="error-summary"]'), 'no errors after autofill').to.equal(null);
      await apply.confirm(el);
      const request = requests('flexiti-apply-request')[0] as Record<string, unknown>;
      expect(request).to.include({
        first_name: 'Zoë',
        last_name: "O'Brien",
        phone_number: '4165550199',
        postal_code: 'M5V 2T6',
        dob: '1990-05-31',
      });
    });

    it('#57 an autofilled bad value gets its message at once, like a typed one', async () => {
      const { el } = await apply.mount();
      await apply.setField(el, 'province', 'ON');
      autofill(apply.control(el, 'postal_code'), 'W1A 1A1');
      autofill(apply.control(el, 'email'), 'not-an-email');
      await el.updateComplete;
      expect(apply.errorOf(el, 'postal_code')).to.not.equal('');
      expect(apply.errorOf(el, 'email')).to.not.equal('');
      expect(apply.control(el, 'postal_code').getAttribute('aria-invalid')).to.equal('true');
    });

    it('#41 #57 a password manager filling the security answer and PIW (no key events) is accepted', async () => {
      const { el, requests } = await apply.mount({ onApply: () => undefined });
      await apply.fillValid(el, { security_answer: 'x', piw: 'y' });
      autofill(apply.control(el, 'security_answer'), 'Filled by the manager');
      autofill(apply.control(el, 'piw'), 'ManagerWord');
      await el.updateComplete;
      await apply.submitForm(el);
      await apply.confirm(el);
      expect(requests('flexiti-apply-request')[0]).to.include({
        security_answer: 'Filled by the manager',
        piw: 'ManagerWord',
      });
    });

    it('#57 the one-time code in <flexiti-verify> takes an autofilled SMS code (autocomplete="one-time-code")', async () => {
      const { el } = await mountVerify(
        { customer_id: 43353, account_number: 1, available_credit: 1, security_qid: [] },
        () => jsonResponse({ verification_code: 'verification_sent_to_sms' }),
      );
      const verified: string[] = [];
      el.addEventListener('flexiti-purchase-request', (event) => {
        verified.push(event.detail.request.verification_code!);
        event.detail.respondWith(
          jsonResponse({ status: 'purchased', transaction_id: '1', plan_id: '1', term: 12, amount: 100 }),
        );
      });
      await chooseMethod(el, 'sms');
      const code = el.shadowRoot!.querySelector<HTMLInputElement>('[autocomplete="one-time-code"]')!;
      expect(code, 'one field with autocomplete="one-time-code"').to.not.equal(null);
      autofill(code, ' 2222 ');
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await verifySettled(el);
      expect(verified).to.deep.equal(['2222']);
    });
  });
});
