/**
 * New customers at the demo checkout, end to end: the real server (which creates the checkout for the cart's
 * amount), the real handler and sandbox, `<flexiti-checkout>` in Chromium. Ontario applicant typed by hand
 * (approved, wrong code then right code, pays once); a declined applicant; a Quebec applicant in French who sees
 * the debt ratio and keeps the account; one who cancels it. Each asserts the sandbox recorded exactly one purchase
 * of the checkout's amount, or none.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quebecDebtRatio, SANDBOX_QUEBEC_APPLICANT } from '../../src/server/sandbox/index.js';
import {
  agreeToTerms,
  axeViolations,
  chooseNoInterestPlan,
  sharedBrowser,
  loggedEvents,
  onePurchaseOfTheCheckout,
  openCheckoutFor,
  purchaseApproved,
  startApplication,
  step,
  theOrder,
  typeAndEnter,
  typeApplication,
  type Applicant,
} from './harness.js';

const TOTAL = 1644;

const ontario: Applicant = {
  salutation: 'ms',
  first_name: 'Maya',
  last_name: 'Singh',
  dob: '1987-09-23',
  address_1: '250 Yonge St',
  city: 'Toronto',
  province: 'ON',
  postal_code: 'M5B 2L7',
  phone_number: '416 555 0177',
  email: 'maya.singh@example.com',
  personal_income: '72,000',
  household_income: '98,000',
  housing_type: 'Rent',
  occupation_id: 'FE',
  occupation_title: 'Nurse',
  security_qid: '7',
  security_answer: 'Queen Street',
  piw: 'Lantern',
};

describe('new customer at the checkout', () => {
  const browser = sharedBrowser();

  it('Ontario: applies by typing, is approved, picks a plan, enters a wrong code, then the right one, pays once', async (t) => {
    const { page, demo, pageErrors } = await openCheckoutFor(t, browser());
    assert.equal(theOrder(demo).amount, TOTAL, "the server's cart");
    assert.deepEqual(await axeViolations(page), [], 'the first step has no accessibility violations');
    const apply = await startApplication(page);
    await typeApplication(apply, ontario);
    await apply.getByRole('button', { name: 'Review my application' }).click();
    await apply.getByRole('heading', { name: 'Check your application' }).waitFor();
    await apply.getByRole('button', { name: 'Confirm and apply' }).click();

    await apply.getByRole('heading', { name: "You're approved" }).waitFor();
    assert.match(await apply.locator('[part="amounts"]').innerText(), /\$1,644\.00/, 'the credit granted is shown');
    const application = demo.sandbox.state.applications.at(-1);
    assert.equal(application?.outcome, 'approved');
    const account = demo.sandbox.state.accounts.get(application!.customer_id!)!;
    assert.equal(account.last_name, 'Singh');
    assert.equal(account.province, 'ON');

    await page.getByRole('button', { name: 'Continue to choose your plan' }).click();
    await step(page, 'plan').getByRole('heading', { name: 'Step 3 of 4 Choose how to pay' }).waitFor();
    await chooseNoInterestPlan(page, 10);

    const verify = step(page, 'verify').locator('flexiti-verify');
    await step(page, 'verify').getByText('Equal Payments, No Interest').waitFor();
    await verify.getByRole('radio', { name: 'Get a code by text message' }).check();
    await verify.getByRole('button', { name: 'Continue' }).click();
    const code = verify.getByRole('textbox', { name: 'Verification code' });
    await typeAndEnter(code, '1111');
    await verify.getByText('This code is incorrect').waitFor();
    assert.equal(await code.getAttribute('aria-invalid'), 'true', 'the wrong code is marked on its field');
    assert.equal(demo.sandbox.state.transactions.length, 0, 'nothing was bought with a wrong code');

    await code.fill('');
    await typeAndEnter(code, '2222');
    const receipt = await purchaseApproved(page);
    assert.equal(await receipt.locator('[data-receipt="plan"]').innerText(), 'Equal Payments, No Interest');
    assert.equal(await receipt.locator('[data-receipt="term"]').innerText(), '10 months');
    assert.equal(await receipt.locator('[data-receipt="amount"]').innerText(), '$1,644.00');
    assert.equal(
      await receipt.locator('[data-receipt="card"]').innerText(),
      `Ending in ${account.vcc_number.slice(-4)}`,
    );

    const purchase = onePurchaseOfTheCheckout(demo);
    assert.deepEqual(
      { customer: purchase.customer_id, plan: purchase.plan_id, term: Number(purchase.term) },
      { customer: application!.customer_id, plan: '5', term: 10 },
    );
    assert.equal(await receipt.locator('[data-receipt="transaction"]').innerText(), purchase.transaction_id);
    const posts = demo.sandbox.state.requests.filter((request) => request.route === 'transactions');
    assert.deepEqual(
      posts.map((request) => request.status),
      [409, 200],
      'the wrong code, then one purchase',
    );

    const events = await loggedEvents(page);
    for (const expected of [
      'flexiti-checkout-request 200',
      'flexiti-apply-request 200',
      'flexiti-result approved',
      'flexiti-verify-request 200',
      'flexiti-purchase-request 400',
      'flexiti-purchase-request 200',
      'flexiti-checkout-complete purchased',
    ]) {
      assert.ok(events.includes(expected), `the events panel lists "${expected}" (got ${events.join(' | ')})`);
    }
    const panel = await page.locator('.events').innerText();
    for (const secret of [
      'Maya',
      'Singh',
      '0177',
      'maya.singh',
      'Queen Street',
      'Lantern',
      '1987-09-23',
      '2222',
      '1111',
    ]) {
      assert.ok(!panel.includes(secret), `the events panel never shows what the customer typed (${secret})`);
    }
    assert.deepEqual(await axeViolations(page), [], 'the receipt has no accessibility violations');
    assert.deepEqual(pageErrors, []);
  });

  it('a declined applicant is told so and what to do next, and nothing is bought', async (t) => {
    const { page, demo, pageErrors } = await openCheckoutFor(t, browser());
    const apply = await startApplication(page);
    await page.getByRole('button', { name: 'Ontario' }).click();
    const lastName = apply.locator('[name="last_name"]');
    await lastName.fill('');
    await lastName.pressSequentially('Declined');
    await agreeToTerms(apply);
    await apply.getByRole('button', { name: 'Review my application' }).click();
    await apply.getByRole('button', { name: 'Confirm and apply' }).click();

    const ended = step(page, 'ended');
    await ended.getByRole('heading', { name: "Your application wasn't approved" }).waitFor();
    await ended.getByText('Choose another way to pay for this order.').waitFor();
    assert.deepEqual(
      demo.sandbox.state.applications.map((entry) => entry.outcome),
      ['application_declined'],
    );
    const events = await loggedEvents(page);
    assert.ok(events.includes('flexiti-result declined'), events.join(' | '));
    assert.ok(events.includes('flexiti-checkout-complete declined'), events.join(' | '));
    assert.deepEqual(await axeViolations(page), [], 'the decline has no accessibility violations');
    assert.equal(demo.sandbox.state.transactions.length, 0, 'nothing was bought');
    assert.equal(
      demo.sandbox.state.accounts.size,
      [...demo.sandbox.state.accounts.values()].filter((a) => !a.applied).length,
      'no account was opened',
    );
    await page.getByRole('button', { name: 'Start a new order' }).waitFor();
    assert.deepEqual(pageErrors, []);
  });

  it('Quebec, in French: sees the debt ratio, keeps the account and pays once', async (t) => {
    const { page, demo, pageErrors } = await openCheckoutFor(t, browser());
    await page.getByRole('button', { name: 'Français' }).click();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr-CA');
    await page.getByRole('button', { name: 'Demander un compte Flexiti' }).click();
    const apply = step(page, 'apply').locator('flexiti-apply');
    await page.getByRole('button', { name: 'Québec' }).click();
    await agreeToTerms(apply);
    await apply.getByRole('button', { name: /Vérifier ma demande|Réviser ma demande/ }).click();
    await apply.getByRole('button', { name: /Confirmer/ }).click();

    const ratio = apply.locator('[data-debt-ratio]');
    await ratio.waitFor();
    // (1200 $ of housing + 3 % of the 1644 $ limit) ÷ (60 000 $ ÷ 12), as the sandbox computes it, in French.
    const expected = new Intl.NumberFormat('fr-CA', { style: 'percent', maximumFractionDigits: 1 }).format(
      quebecDebtRatio(
        SANDBOX_QUEBEC_APPLICANT.monthly_housing_expenses,
        TOTAL,
        SANDBOX_QUEBEC_APPLICANT.personal_income,
      ),
    );
    assert.equal(await ratio.innerText(), expected, 'the debt ratio is shown, in French');
    assert.deepEqual(await axeViolations(page), [], 'the disclosure has no accessibility violations');
    await apply.locator('[part="keep-account-button"]').click();
    await page.getByRole('button', { name: 'Continuer pour choisir votre plan' }).click();

    const plan = step(page, 'plan');
    await plan
      .getByRole('radio', { name: /^Sans intérêt, paiements mensuels minimaux/ })
      .first()
      .check();
    await plan.getByRole('radio', { name: 'Sans intérêt, paiements mensuels minimaux, 12 mois', exact: true }).check();
    await plan.getByRole('button', { name: 'Continuer' }).click();

    const verify = step(page, 'verify').locator('flexiti-verify');
    await verify.getByRole('radio').first().check();
    await verify.getByRole('button', { name: 'Continuer' }).click();
    await typeAndEnter(verify.locator('#verification_code'), '2222');
    await step(page, 'receipt').getByRole('heading', { name: 'Merci! Votre achat est approuvé' }).waitFor();
    assert.equal(
      await step(page, 'receipt')
        .locator('[data-receipt="amount"]')
        .innerText()
        .then((t) => t.replace(/\s/g, ' ')),
      '1 644,00 $',
    );

    const application = demo.sandbox.state.applications.at(-1)!;
    assert.equal(application.outcome, 'approved');
    const account = demo.sandbox.state.accounts.get(application.customer_id!)!;
    assert.equal(account.province, 'QC');
    assert.equal(account.account_status, 'N', 'the account was kept');
    assert.equal(onePurchaseOfTheCheckout(demo).customer_id, application.customer_id);
    assert.deepEqual(pageErrors, []);
  });

  it('Quebec: cancelling the new account closes it, ends in words, and buys nothing', async (t) => {
    const { page, demo, pageErrors } = await openCheckoutFor(t, browser());
    const apply = await startApplication(page);
    await page.getByRole('button', { name: 'Quebec' }).click();
    await agreeToTerms(apply);
    await apply.getByRole('button', { name: 'Review my application' }).click();
    await apply.getByRole('button', { name: 'Confirm and apply' }).click();
    await apply.locator('[data-debt-ratio]').waitFor();
    await apply.locator('[part="cancel-account-button"]').click();
    await apply.getByRole('button', { name: 'Yes, cancel my account' }).click();

    const ended = step(page, 'ended');
    await ended.getByRole('heading', { name: 'Your account was cancelled' }).waitFor();
    await ended.getByText('Choose another way to pay for this order.').waitFor();
    const application = demo.sandbox.state.applications.at(-1)!;
    assert.equal(
      demo.sandbox.state.accounts.get(application.customer_id!)!.account_status,
      'C',
      'the account is closed',
    );
    const events = await loggedEvents(page);
    assert.ok(events.includes('flexiti-close-account-request 200'), events.join(' | '));
    assert.ok(events.includes('flexiti-checkout-complete cancelled'), events.join(' | '));
    assert.equal(demo.sandbox.state.transactions.length, 0, 'nothing was bought');
    assert.deepEqual(await axeViolations(page), [], 'the ending has no accessibility violations');
    assert.deepEqual(pageErrors, []);
  });
});
