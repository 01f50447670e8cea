/**
 * `<flexiti-checkout>` on the demo, end to end, for what the other journeys don't cover: a customer who goes Back
 * twice and changes the plan (what was typed and the approval stay; the purchase is for the new plan), and the
 * new-customer journey in French on a 390×844 touch phone (no horizontal scrolling, axe clean). Each asserts the
 * sandbox recorded exactly one purchase, of the checkout's amount.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  applyAsSample,
  axeViolations,
  chooseNoInterestPlan,
  sharedBrowser,
  onePurchaseOfTheCheckout,
  openCheckoutFor,
  purchaseApproved,
  step,
  typeAndEnter,
} from './harness.js';

/** Whether the page scrolls sideways (content wider than the viewport). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('<flexiti-checkout> on the demo', () => {
  const browser = sharedBrowser();

  it('Back twice keeps the approval; the customer changes the plan and pays once, for the new plan', async (t) => {
    const { page, demo, pageErrors } = await openCheckoutFor(t, browser());
    const apply = await applyAsSample(page, {
      apply: 'Apply for a Flexiti account',
      sample: 'Ontario',
      review: /Review my application/,
      confirm: /Confirm and apply/,
    });
    await apply.getByRole('heading', { name: "You're approved" }).waitFor();
    await page.getByRole('button', { name: 'Continue to choose your plan' }).click();
    await chooseNoInterestPlan(page, 10);
    await step(page, 'verify').getByText('10 months').waitFor();

    // Back to the plan (the choice is still there), Back again to the approval.
    await step(page, 'verify').getByRole('button', { name: 'Back' }).click();
    const plan = step(page, 'plan');
    await plan.getByRole('heading', { name: 'Step 3 of 4 Choose how to pay' }).waitFor();
    assert.ok(
      await plan.getByRole('radio', { name: /^Equal Payments, No Interest, 10 months/ }).isChecked(),
      'the plan chosen is kept',
    );
    await plan.getByRole('button', { name: 'Back' }).click();
    await apply.getByRole('heading', { name: "You're approved" }).waitFor();
    assert.equal(demo.sandbox.state.applications.length, 1, 'going back does not apply again');

    await page.getByRole('button', { name: 'Continue to choose your plan' }).click();
    await plan
      .getByRole('radio', { name: /^90 Days Grace/ })
      .first()
      .check();
    await plan.getByRole('radio', { name: /^90 Days Grace, Equal Payments Regular Interest, 18 months/ }).check();
    await plan.getByRole('button', { name: 'Continue' }).click();
    const verify = step(page, 'verify').locator('flexiti-verify');
    await verify.getByRole('radio', { name: 'Get a code by text message' }).check();
    await verify.getByRole('button', { name: 'Continue' }).click();
    await typeAndEnter(verify.getByRole('textbox', { name: 'Verification code' }), '2222');
    const receipt = await purchaseApproved(page);
    assert.equal(await receipt.locator('[data-receipt="term"]').innerText(), '18 months');

    const purchase = onePurchaseOfTheCheckout(demo);
    assert.deepEqual({ plan: purchase.plan_id, term: Number(purchase.term) }, { plan: '1', term: 18 });
    assert.deepEqual(pageErrors, []);
  });

  it('a new customer in French on a 390×844 touch phone: apply, plan, code, receipt; no sideways scrolling, axe clean', async (t) => {
    const { page, demo, pageErrors } = await openCheckoutFor(t, browser(), { lang: 'fr-CA', phone: true });
    await page.getByRole('button', { name: 'Français' }).tap();
    await step(page, 'choose').getByRole('heading', { name: 'Étape 1 sur 4 Payer avec Flexiti' }).waitFor();
    assert.equal(await scrollsSideways(page), false, 'the first step fits the phone');
    assert.deepEqual(await axeViolations(page), [], 'the first step, in French, on a phone');
    const apply = await applyAsSample(page, {
      apply: 'Demander un compte Flexiti',
      sample: 'Ontario',
      review: /Vérifier ma demande|Réviser ma demande/,
      confirm: /Confirmer/,
    });
    await apply.locator('[part="amounts"]').waitFor();
    await page.getByRole('button', { name: 'Continuer pour choisir votre plan' }).tap();

    const plan = step(page, 'plan');
    await plan.getByRole('heading', { name: 'Étape 3 sur 4 Choisissez comment payer' }).waitFor();
    assert.equal(await scrollsSideways(page), false, 'the plan step fits the phone');
    await plan
      .getByRole('radio', { name: /^Versements égaux, sans intérêt/ })
      .first()
      .check();
    await plan.getByRole('radio', { name: /^Versements égaux, sans intérêt, 10 mois/ }).check();
    await plan.getByRole('button', { name: 'Continuer' }).tap();

    const verify = step(page, 'verify').locator('flexiti-verify');
    await step(page, 'verify')
      .getByRole('heading', { name: "Étape 4 sur 4 Confirmez qu'il s'agit bien de vous" })
      .waitFor();
    await verify.getByRole('radio').first().check();
    await verify.getByRole('button', { name: 'Continuer' }).tap();
    await typeAndEnter(verify.locator('#verification_code'), '2222');
    const receipt = step(page, 'receipt');
    await receipt.getByRole('heading', { name: 'Merci! Votre achat est approuvé' }).waitFor();
    assert.equal((await receipt.locator('[data-receipt="term"]').innerText()).trim(), '10 mois');
    assert.equal(await scrollsSideways(page), false, 'the receipt fits the phone');
    assert.deepEqual(await axeViolations(page), [], 'the receipt, in French, on a phone');
    onePurchaseOfTheCheckout(demo);
    assert.deepEqual(pageErrors, []);
  });
});
