import { expect, waitUntil } from '@open-wc/testing';
import type { FlexitiApply } from './apply.js';
import { deepActiveElement, text } from '../../../test/browser/dom.js';
import * as apply from '../../../test/browser/apply-harness.js';
import { APPROVAL } from '../../../test/browser/contract-answers.js';
import { recordTimeouts, type PassingTime } from '../../../test/browser/fake-clock.js';
import { DEFAULT_HOST_TIMEOUT_MS } from '../../internal/host-request.js';

const URL = '/flexiti/pos-api/v2/client-id/flexitidemo/apply';

/** An error answer in the seeds' shape: `{url, message, error}` with HTTP 409 unless told. */
const apiError =
  (error: string, message = '', status = 409, extra: object = {}) =>
  () =>
    new Response(JSON.stringify({ url: URL, message, error, ...extra }), {
      status,
      headers: { 'content-type': 'application/json' },
    });

const results = (events: { type: string; detail: unknown }[]) =>
  events
    .filter((event) => event.type === 'flexiti-result')
    .map((event) => event.detail as { status: string; response: any });

const outcomeText = (el: FlexitiApply) => text(apply.$(el, '[part="outcome"]'));
const submitErrorText = (el: FlexitiApply) => text(apply.$(el, '#submit-error'));

/** Every control's value, to prove nothing typed was lost. */
const formValues = (el: FlexitiApply) =>
  Object.fromEntries(
    [...apply.root(el).querySelectorAll<HTMLInputElement>('form [name]')].map((input) => [input.name, input.value]),
  );

describe('<flexiti-apply> outcomes', () => {
  it('state: misconfigured without formValues, then form, review and outcome, with matching custom states', async () => {
    const missing = await apply.mount({ noFormValues: true });
    expect(missing.el.state).to.equal('misconfigured');
    expect(missing.el.matches(':state(misconfigured)')).to.equal(true);
    const approved = await apply.seedApply('200 - Success - ROC applicant');
    const { el } = await apply.mount({ onApply: () => approved });
    expect(el.state).to.equal('form');
    await apply.fillValid(el);
    await apply.submitForm(el);
    expect(el.state).to.equal('review');
    expect(el.matches(':state(review)')).to.equal(true);
    await apply.confirm(el);
    await apply.settled(el);
    expect(el.state).to.equal('outcome');
    expect(el.matches(':state(outcome)') && !el.matches(':state(review)')).to.equal(true);
  });

  describe('approved', () => {
    it('shows the available credit and limit in en-CA currency and reports approved', async () => {
      const approved = await apply.seedApply('200 - Success - ROC applicant');
      const { el, events } = await apply.mount({ onApply: () => approved });
      await apply.applyWith(el);
      expect(apply.outcomeKind(el)).to.equal('approved');
      expect(text(apply.$(el, '#outcome-title'))).to.equal("You're approved");
      expect(deepActiveElement()).to.equal(apply.$(el, '#outcome-title'));
      expect([...apply.root(el).querySelectorAll('.amounts dd')].map(text)).to.deep.equal(['$5,000.00', '$5,000.00']);
      const [result] = results(events);
      expect(result!.status).to.equal('approved');
      // The seed's raw POS API answer went through the host: only the approval's whitelist reaches the event.
      expect(result!.response).to.deep.equal({
        status: 'approved',
        available_credit: 5000,
        credit_limit: 5000,
        offer_types: [],
        card_last4: '8234',
        closable: false,
      });
      expect(JSON.stringify(result)).not.to.match(/6374980100408234|20035156|43353|risk_rating/);
      await expect(el).to.be.accessible();
    });

    it("reports the contract's approval as it is: amounts, plans, card's last four digits", async () => {
      const { el, events } = await apply.mount({ onApply: () => APPROVAL });
      await apply.applyWith(el);
      expect(apply.outcomeKind(el)).to.equal('approved');
      expect(results(events)[0]!.response).to.deep.equal(APPROVAL);
    });

    it('an answer with a card number but no amounts is unreadable, never an approval', async () => {
      const { el, events } = await apply.mount({ onApply: () => ({ vcc_number: '6374980100408234' }) });
      await apply.applyWith(el);
      expect(apply.outcomeKind(el)).to.not.equal('approved');
      expect(results(events)).to.have.length(0);
    });

    it('formats the amounts the fr-CA way', async () => {
      const approved = { ...(await apply.seedApply('200 - Success - ROC applicant')), available_credit: 1234.5 };
      const { el } = await apply.mount({ lang: 'fr-CA', onApply: () => approved });
      await apply.applyWith(el);
      expect([...apply.root(el).querySelectorAll('.amounts dd')].map((dd) => dd.textContent!.trim())).to.deep.equal([
        '1\u00A0234,50\u00A0$',
        '5\u00A0000,00\u00A0$',
      ]);
      expect(text(apply.$(el, '#outcome-title'))).to.equal('Votre demande est approuvée');
      await expect(el).to.be.accessible();
    });

    it('reset() starts a new, empty application for the next customer', async () => {
      const approved = await apply.seedApply('200 - Success - ROC applicant');
      const { el } = await apply.mount({ amount: 750, onApply: () => approved });
      await apply.applyWith(el);
      el.reset();
      await el.updateComplete;
      expect(apply.outcomeKind(el)).to.equal(null);
      expect(apply.$<HTMLFormElement>(el, 'form')!.hidden).to.equal(false);
      expect(apply.control(el, 'first_name').value).to.equal('');
      expect(apply.control(el, 'amount_requested').value).to.equal('750');
      expect(apply.$(el, '.error')).to.equal(null);
    });

    it('forgets what was typed once the outcome is final', async () => {
      const approved = await apply.seedApply('200 - Success - ROC applicant');
      const { el } = await apply.mount({ onApply: () => approved });
      await apply.applyWith(el);
      expect(apply.control(el, 'sin').value).to.equal('');
      expect(apply.control(el, 'piw').value).to.equal('');
    });
  });

  describe('Quebec approval', () => {
    const quebec = {
      province: 'QC',
      city: 'Montréal',
      postal_code: 'H2X 1Y4',
      phone_number: '514 555 0199',
      monthly_housing_expenses: '1200',
    };

    it('shows the debt ratio with the available credit, explains it, and offers keep or cancel', async () => {
      const approved = await apply.seedApply('200 - Success - QC applicant');
      const { el, events } = await apply.mount({ onApply: () => approved });
      await apply.applyWith(el, quebec);
      expect(apply.outcomeKind(el)).to.equal('quebec');
      expect(text(apply.$(el, '[data-debt-ratio]'))).to.equal('0%');
      expect(text(apply.$(el, '.amounts'))).to.contain('$5,000.00');
      expect(outcomeText(el)).to.contain('share of your monthly income before taxes');
      expect(apply.$(el, '[data-ratio-warning]')).to.equal(null);
      expect(apply.$(el, '[part="keep-account-button"]')).to.exist;
      expect(apply.$(el, '[part="cancel-account-button"]')).to.exist;
      expect(results(events)).to.have.length(0); // no outcome until the customer chooses
      await expect(el).to.be.accessible();
    });

    it('a Quebec applicant approved without a debt ratio still gets the choice, with the ratio marked missing', async () => {
      const approved = await apply.seedApply('200 - Success - ROC applicant');
      const { el, events } = await apply.mount({ onApply: () => approved });
      await apply.applyWith(el, quebec);
      expect(apply.outcomeKind(el)).to.equal('quebec');
      expect(text(apply.$(el, '[data-debt-ratio]'))).to.equal(
        'Not provided. Call Flexiti at 1-877-259-3750 before you decide.',
      );
      expect(results(events)).to.have.length(0);
    });

    it('warns above the 45 % threshold', async () => {
      const approved = { ...(await apply.seedApply('200 - Success - QC applicant')), debt_ratio: 0.52 };
      const { el } = await apply.mount({ lang: 'fr-CA', onApply: () => approved });
      await apply.applyWith(el, quebec);
      expect(apply.$(el, '[data-debt-ratio]')!.textContent!.trim()).to.match(/^52[\u00A0\u202F]%$/);
      expect(apply.$(el, '[data-ratio-warning]')!.textContent).to.match(/dépasse 45[\u00A0\u202F]%/);
      await expect(el).to.be.accessible();
    });

    it('keeping the account reports approved', async () => {
      const approved = await apply.seedApply('200 - Success - QC applicant');
      const { el, events, requests } = await apply.mount({ onApply: () => approved });
      await apply.applyWith(el, quebec);
      apply.$<HTMLButtonElement>(el, '[part="keep-account-button"]')!.click();
      await el.updateComplete;
      expect(apply.outcomeKind(el)).to.equal('approved');
      expect(results(events).map((result) => result.status)).to.deep.equal(['approved']);
      expect(requests('flexiti-close-account-request')).to.have.length(0);
    });

    it('cancelling asks for confirmation, sends close-account with {}, and reports cancelled', async () => {
      const approved = await apply.seedApply('200 - Success - QC applicant');
      const { el, events, requests } = await apply.mount({ onApply: () => approved, onClose: () => ({}) });
      await apply.applyWith(el, quebec);
      apply.$<HTMLButtonElement>(el, '[part="cancel-account-button"]')!.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(apply.$(el, '#cancel-question'));
      expect(requests('flexiti-close-account-request')).to.have.length(0);
      apply.$<HTMLButtonElement>(el, '[part="cancel-account-button"]')!.click();
      await apply.settled(el);
      expect(
        requests('flexiti-close-account-request'),
        'the checkout knows the account: the request names none',
      ).to.deep.equal([{}]);
      expect(apply.outcomeKind(el)).to.equal('cancelled');
      expect(results(events).map((result) => result.status)).to.deep.equal(['cancelled']);
    });

    it('a failed cancel shows the error and keeps the choice open', async () => {
      const approved = await apply.seedApply('200 - Success - QC applicant');
      const { el, events } = await apply.mount({
        onApply: () => approved,
        onClose: () => Promise.reject(new TypeError('Failed to fetch')),
      });
      await apply.applyWith(el, quebec);
      apply.$<HTMLButtonElement>(el, '[part="cancel-account-button"]')!.click();
      await el.updateComplete;
      apply.$<HTMLButtonElement>(el, '[part="cancel-account-button"]')!.click();
      await apply.settled(el);
      expect(apply.outcomeKind(el)).to.equal('quebec');
      expect(text(apply.$(el, '#close-error'))).to.contain("We couldn't cancel your account.");
      expect(text(apply.$(el, '#close-error'))).to.contain("We couldn't connect.");
      expect(apply.$(el, '[part="keep-account-button"]')).to.exist;
      expect(apply.$(el, '[part="cancel-account-button"]')).to.exist;
      expect(results(events)).to.have.length(0);
    });
  });

  describe('declined, pending, existing customer', () => {
    for (const code of ['application_declined', 'application_declined_2', 'application_declined_3']) {
      it(`${code}: a declined view and a declined result`, async () => {
        const { el, events } = await apply.mount({ onApply: apiError(code, 'Declined') });
        await apply.applyWith(el);
        expect(apply.outcomeKind(el)).to.equal('declined');
        expect(text(apply.$(el, '#outcome-title'))).to.equal("Your application wasn't approved");
        expect(outcomeText(el)).to.contain("We're sorry, we can't approve your application at this time.");
        expect(results(events).map((result) => [result.status, result.response.code])).to.deep.equal([
          ['declined', code],
        ]);
        await expect(el).to.be.accessible();
      });
    }

    for (const code of ['application_marked_pending_1', 'application_marked_pending_2']) {
      it(`${code}: a pending view and a pending result`, async () => {
        const { el, events } = await apply.mount({ onApply: apiError(code) });
        await apply.applyWith(el);
        expect(apply.outcomeKind(el)).to.equal('pending');
        expect(outcomeText(el)).to.contain('Flexiti will contact you with a decision soon.');
        expect(results(events).map((result) => result.status)).to.deep.equal(['pending']);
      });
    }

    it('customer_already_exists: an existing-customer view and an exists result', async () => {
      const { el, events } = await apply.mount({ onApply: apiError('customer_already_exists') });
      await apply.applyWith(el);
      expect(apply.outcomeKind(el)).to.equal('exists');
      expect(text(apply.$(el, '#outcome-title'))).to.equal('You already have a Flexiti account');
      expect(results(events).map((result) => result.status)).to.deep.equal(['exists']);
    });

    it('the declined view is accessible in fr-CA', async () => {
      const { el } = await apply.mount({ lang: 'fr-CA', onApply: apiError('application_declined') });
      await apply.applyWith(el);
      expect(text(apply.$(el, '#outcome-title'))).to.equal("Votre demande n'a pas été approuvée");
      await expect(el).to.be.accessible();
    });
  });

  describe('field errors from the server', () => {
    it("the seed's wrong_inputs body puts its message on the SIN, with everything typed kept", async () => {
      const { el, events } = await apply.mount({
        onApply: apiError('wrong_inputs', 'Some inputs are wrong!', 409, {
          field_errors: [{ param: 'SIN', msg: 'wrong format', value: '130692544' }],
        }),
      });
      await apply.fillValid(el);
      const before = formValues(el);
      await apply.submitForm(el);
      await apply.confirm(el);
      await apply.settled(el);
      expect(apply.$<HTMLFormElement>(el, 'form')!.hidden).to.equal(false);
      expect(apply.errorOf(el, 'sin')).to.equal("This isn't in the expected format. Check what you entered.");
      expect(el.matches(':state(user-invalid)')).to.equal(true);
      expect(deepActiveElement()).to.equal(apply.control(el, 'sin'));
      expect(text(apply.$(el, '[part="error-summary"]'))).to.contain("Some information isn't valid.");
      expect(formValues(el)).to.deep.equal(before);
      expect(apply.terms(el).checked).to.equal(true);
      expect(results(events)).to.have.length(0);
      expect(JSON.stringify(events.filter((event) => event.type !== 'flexiti-apply-request'))).not.to.contain(
        '130692544',
      );
      await expect(el).to.be.accessible();
      // The message goes once the customer changes the field.
      apply.control(el, 'sin').value = '918 640 897';
      apply.control(el, 'sin').dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(apply.errorOf(el, 'sin')).to.equal('');
      expect(el.matches(':state(user-invalid)'), 'no error shown any more').to.equal(false);
    });

    for (const [msg, expected] of [
      ['wrong format', "This isn't in the expected format. Check what you entered."],
      ['required', 'This field is required.'],
      ['invalid_date_format', 'Enter the date year first, as YYYY-MM-DD or YYYYMMDD, for example 1990-05-31.'],
      ['type', "This value isn't the right kind. Check what you entered."],
      ['length', 'This is too long or too short. Check what you entered.'],
    ]) {
      it(`field error "${msg}" shows on its field`, async () => {
        const { el } = await apply.mount({
          onApply: apiError('wrong_inputs', 'Some inputs are wrong!', 409, { field_errors: [{ param: 'dob', msg }] }),
        });
        await apply.applyWith(el);
        expect(apply.errorOf(el, 'dob')).to.equal(expected);
      });
    }

    it('tos_agreement_required puts the message on the terms', async () => {
      const { el } = await apply.mount({
        onApply: apiError('tos_agreement_required', 'Terms and Conditions missing or not agreed'),
      });
      await apply.applyWith(el);
      expect(text(apply.terms(el).shadowRoot!.querySelector('#agreement-message'))).to.contain(
        'To apply, you must agree to the terms and conditions.',
      );
      expect(text(apply.$(el, '[part="error-summary"]'))).to.contain('Terms and conditions');
    });

    it('a parameter that names no field goes to the summary as plain text', async () => {
      const { el } = await apply.mount({
        onApply: apiError('wrong_inputs', '<b>Some inputs are wrong!</b>', 409, {
          field_errors: [{ param: 'merchant_ref', msg: 'invalid' }],
        }),
      });
      await apply.applyWith(el);
      const summary = apply.$(el, '[part="error-summary"]')!;
      expect(text(summary)).to.contain('merchant_ref (invalid)');
      expect(summary.querySelector('b')).to.equal(null);
    });
  });

  describe('words for who is there (channel)', () => {
    it('exists, online: look up your account; in_store: ask a store employee', async () => {
      const exists = () =>
        new Response(JSON.stringify({ url: URL, message: 'exists', error: 'customer_already_exists' }), {
          status: 409,
        });
      const online = await apply.mount({ onApply: exists });
      await apply.applyWith(online.el);
      expect(outcomeText(online.el)).to.contain('Look up your account as an existing Flexiti customer');
      expect(outcomeText(online.el)).not.to.contain('store employee');
      const store = await apply.mount({ onApply: exists, channel: 'in_store' });
      await apply.applyWith(store.el);
      expect(outcomeText(store.el)).to.contain('Ask a store employee to look up your account');
    });
  });

  describe('failures that keep the review open', () => {
    let time: PassingTime;
    beforeEach(() => (time = recordTimeouts()));
    afterEach(() => time.restore());

    it('network failure: a message and a retry button, nothing lost, never an automatic resend', async () => {
      let calls = 0;
      const approved = await apply.seedApply('200 - Success - ROC applicant');
      const { el, events, requests } = await apply.mount({
        onApply: () => (++calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : approved),
      });
      await apply.applyWith(el);
      expect(submitErrorText(el)).to.contain("We couldn't connect. Your information is still here");
      expect(deepActiveElement()).to.equal(apply.$(el, '#submit-error'));
      time.pass(DEFAULT_HOST_TIMEOUT_MS);
      await el.updateComplete;
      expect(requests('flexiti-apply-request')).to.have.length(1);
      expect(apply.control(el, 'first_name').value).to.equal(apply.VALID.first_name);
      await expect(el).to.be.accessible();
      apply.$<HTMLButtonElement>(el, '[data-retry]')!.click();
      await apply.settled(el);
      expect(requests('flexiti-apply-request')).to.have.length(2);
      expect(apply.outcomeKind(el)).to.equal('approved');
      expect(results(events)).to.have.length(1);
    });

    it('a 500, then a retry answered 200, gives exactly one result', async () => {
      let calls = 0;
      const approved = await apply.seedApply('200 - Success - ROC applicant');
      const { el, events } = await apply.mount({
        onApply: () => (++calls === 1 ? new Response('<html>Internal Server Error</html>', { status: 500 }) : approved),
      });
      await apply.applyWith(el);
      expect(submitErrorText(el)).to.contain('Please try again in a moment.');
      expect(submitErrorText(el)).not.to.contain('<html>');
      apply.$<HTMLButtonElement>(el, '[data-retry]')!.click();
      await apply.settled(el);
      expect(results(events).map((result) => result.status)).to.deep.equal(['approved']);
    });

    /** An unknown outcome: one message, never "Nothing has been sent yet", no button that applies again. */
    const expectUnknownOutcome = (el: FlexitiApply) => {
      const review = text(apply.$(el, '[part="review"]'));
      expect(text(apply.$(el, '[data-unknown-outcome]'))).to.contain(
        "We don't know whether your application went through",
      );
      expect(review).not.to.contain('Nothing has been sent yet');
      expect(review).not.to.contain("couldn't connect");
      expect(apply.$(el, '[data-retry]'), 'no Try again').to.equal(null);
      expect(apply.$(el, '[data-confirm]'), 'no Confirm').to.equal(null);
      expect(apply.$(el, '[data-edit]'), 'no way back to a second submit').to.equal(null);
      expect(deepActiveElement()).to.equal(apply.$(el, '#submit-error'));
    };

    it('a timeout: the outcome is unknown, and nothing invites a second application', async () => {
      const timeout = Object.assign(new Error('Request timed out'), { name: 'TimeoutError' });
      const { el, requests } = await apply.mount({ onApply: () => Promise.reject(timeout) });
      await apply.applyWith(el);
      expectUnknownOutcome(el);
      time.pass(DEFAULT_HOST_TIMEOUT_MS);
      await el.updateComplete;
      expect(requests('flexiti-apply-request')).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('application_create_error: the outcome is unknown, said once', async () => {
      const { el } = await apply.mount({
        onApply: apiError('application_create_error', 'There was an error creating the Credit Application'),
      });
      await apply.applyWith(el);
      expectUnknownOutcome(el);
      expect(text(apply.$(el, '#submit-error')).match(/We (don't know|couldn't confirm) whether/g)).to.have.length(1);
    });

    it('a 200 that is not an approval is an unknown outcome, never shown as approved', async () => {
      const { el, events } = await apply.mount({ onApply: () => ({ hello: 'world' }) });
      await apply.applyWith(el);
      expect(apply.outcomeKind(el)).to.equal(null);
      expectUnknownOutcome(el);
      expect(
        events.some(
          (event) => event.type === 'flexiti-error' && (event.detail as { code: string }).code === 'invalid_response',
        ),
      ).to.equal(true);
    });

    it('a Response the host also read: an unknown outcome (it may have applied), never a network failure', async () => {
      const approved = await apply.seedApply('200 - Success - ROC applicant');
      const original = console.error;
      const logged: string[] = [];
      console.error = (message: unknown) => void logged.push(String(message));
      let el: FlexitiApply;
      let events: { type: string; detail: unknown }[];
      let requests: (type: string) => unknown[];
      try {
        ({ el, events, requests } = await apply.mount({
          onApply: () => {
            const response = Response.json(approved);
            void response.json();
            return response;
          },
        }));
        await apply.applyWith(el);
      } finally {
        console.error = original;
      }
      expectUnknownOutcome(el);
      expect(requests('flexiti-apply-request')).to.have.length(1);
      expect(results(events)).to.have.length(0);
      expect(logged.some((line) => line.includes('response.clone()'))).to.equal(true);
    });

    it('401 invalid_token: the store could not connect', async () => {
      const { el } = await apply.mount({
        onApply: () =>
          new Response(
            JSON.stringify({
              code: 401,
              error: 'invalid_token',
              error_description: 'The access token provided is invalid.',
            }),
            { status: 401 },
          ),
      });
      await apply.applyWith(el);
      expect(submitErrorText(el)).to.contain('The store could not connect to Flexiti.');
    });

    it('nobody answering the request shows a configuration message at once', async () => {
      const { el, events } = await apply.mount();
      await apply.fillValid(el);
      await apply.submitForm(el);
      await apply.confirm(el);
      await apply.settled(el);
      expect(submitErrorText(el)).to.contain("This form isn't connected to the store's system yet.");
      expect(apply.$(el, '[data-retry]')).to.equal(null);
      expect(events.find((event) => event.type === 'flexiti-error')!.detail).to.deep.include({
        type: 'implementation',
        code: 'no_handler',
      });
    });

    it('"Change my answers" after a failure returns to the form with everything kept', async () => {
      const { el } = await apply.mount({ onApply: () => Promise.reject(new TypeError('Failed to fetch')) });
      await apply.fillValid(el);
      const before = formValues(el);
      await apply.submitForm(el);
      await apply.confirm(el);
      await apply.settled(el);
      apply.$<HTMLButtonElement>(el, '[data-edit]')!.click();
      await waitUntil(() => !apply.$<HTMLFormElement>(el, 'form')!.hidden);
      expect(formValues(el)).to.deep.equal(before);
    });
  });
});
