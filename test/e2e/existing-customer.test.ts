/**
 * Existing customers at the demo checkout, end to end, through `<flexiti-checkout>`: found by name and date of
 * birth (a wrong security answer first) or by card number with the keyboard only (a card that is not found
 * first); a frozen account told why it can't buy and what to do. Each asserts the sandbox recorded exactly one
 * purchase of the checkout's amount, or none.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { readApiError } from '../../src/model/index.js';
import { textIn } from '../texts.js';
import {
  answerSecurityQuestion,
  axeViolations,
  chooseNoInterestPlan,
  findAccountByName,
  sharedBrowser,
  loggedEvents,
  onePurchaseOfTheCheckout,
  openCheckoutFor,
  purchaseApproved,
  step,
  typeAndEnter,
} from './harness.js';

const TOTAL = 1644;

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, { backwards = false } = {}): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    if (await target.evaluate((element) => element.matches(':focus'))) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Tabs to `target` and presses `key` there. */
async function pressOn(page: Page, key: string, target: Locator, options?: { backwards?: boolean }): Promise<void> {
  await tabTo(page, target, options);
  await page.keyboard.press(key);
}

/** Tabs to `field` once it shows, types `text` key by key and sends it with Enter. */
async function typeAndSend(page: Page, field: Locator, text: string): Promise<void> {
  await field.waitFor();
  await tabTo(page, field);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('existing customer at the checkout', () => {
  const browser = sharedBrowser();

  it('by name and date of birth: a wrong security answer, then the right one, and the purchase is posted once', async (t) => {
    const { page, demo, pageErrors } = await openCheckoutFor(t, browser());
    const john = demo.sandbox.state.accounts.get('43353')!;
    const creditBefore = john.available_credit;
    await findAccountByName(page, { firstName: 'John', lastName: 'Doe', dob: '1974-05-15' });

    const plan = step(page, 'plan');
    await plan.getByRole('heading', { name: 'Step 3 of 4 Choose how to pay' }).waitFor();
    await chooseNoInterestPlan(page, 20);

    const verify = step(page, 'verify').locator('flexiti-verify');
    const answer = await answerSecurityQuestion(verify, 'What is the name of your favourite childhood friend?', 'Rex');
    const mismatch = await textIn(readApiError(409, { error: 'secret_answer_mismatch', message: '' }), 'en-CA');
    await verify.getByText(mismatch).waitFor();
    assert.equal(await answer.getAttribute('aria-invalid'), 'true', 'the wrong answer is marked on its field');
    assert.equal(demo.sandbox.state.transactions.length, 0);
    assert.deepEqual(await axeViolations(page), [], 'the wrong answer has no accessibility violations');

    await answer.fill('');
    await typeAndEnter(answer, 'Buddy');
    const receipt = await purchaseApproved(page);
    assert.equal(await receipt.locator('[data-receipt="term"]').innerText(), '20 months');
    assert.equal(await receipt.locator('[data-receipt="amount"]').innerText(), '$1,644.00');

    const purchase = onePurchaseOfTheCheckout(demo);
    assert.deepEqual(
      { customer: purchase.customer_id, plan: purchase.plan_id, term: Number(purchase.term) },
      { customer: '43353', plan: '5', term: 20 },
    );
    assert.equal(john.available_credit, creditBefore - TOTAL);

    const posts = demo.sandbox.state.requests.filter((request) => request.route === 'transactions');
    assert.deepEqual(
      posts.map((request) => request.status),
      [200],
      'one POST /transactions, not a second try',
    );
    const verifications = demo.sandbox.state.requests.filter((request) => request.route === 'customers/{id}/verify');
    assert.deepEqual(
      verifications.map((request) => request.status),
      [409, 200],
    );
    const events = await loggedEvents(page);
    assert.ok(events.includes('flexiti-lookup-request 200'), events.join(' | '));
    assert.ok(events.includes('flexiti-verify-request 409'), events.join(' | '));
    assert.ok(events.includes('flexiti-purchase-request 200'), events.join(' | '));
    const panel = await page.locator('.events').innerText();
    for (const secret of ['John', 'Doe', '1974-05-15', 'Rex', 'Buddy'])
      assert.ok(!panel.includes(secret), `no "${secret}" in the events panel`);
    assert.deepEqual(pageErrors, []);
  });

  it('by card number, keyboard only: a card that is not found, then the right one, paid with the texted code', async (t) => {
    const { page, demo, pageErrors } = await openCheckoutFor(t, browser());
    await pressOn(page, 'Enter', page.getByRole('button', { name: 'I already have a Flexiti account' }));

    const lookup = step(page, 'lookup').locator('flexiti-lookup');
    await pressOn(page, 'ArrowRight', lookup.getByRole('radio', { name: 'Name and date of birth' }));
    const card = lookup.getByRole('textbox', { name: 'Flexiti card number' });
    await typeAndSend(page, card, '6374 9801 0040 8235');
    const notFound = lookup.locator('#notice');
    await notFound.waitFor();
    assert.equal(await card.inputValue(), '6374 9801 0040 8235', 'what was typed is still there');
    assert.equal(await step(page, 'plan').isVisible(), false);

    await pressOn(page, 'End', card, { backwards: true });
    await page.keyboard.press('Backspace');
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');

    const plan = step(page, 'plan');
    await plan.getByRole('heading', { name: 'Step 3 of 4 Choose how to pay' }).waitFor();
    const firstPlan = plan.getByRole('radio', { name: /^90 Days Grace/ });
    await pressOn(page, 'Space', firstPlan);
    await pressOn(
      page,
      'Space',
      plan.getByRole('radio', { name: /^90 Days Grace, Equal Payments Regular Interest, 18 months/ }),
    );
    await pressOn(page, 'Enter', plan.getByRole('button', { name: 'Continue' }));

    const verify = step(page, 'verify').locator('flexiti-verify');
    await tabTo(page, verify.getByRole('radio').first());
    // The first method is the text message: Space chooses it, Enter submits the step.
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    const code = verify.getByRole('textbox', { name: 'Verification code' });
    await typeAndSend(page, code, ' 2 2 2 2 ');

    const receipt = await purchaseApproved(page);
    assert.equal(
      await receipt.locator('[data-receipt="plan"]').innerText(),
      '90 Days Grace, Equal Payments Regular Interest',
    );
    const purchase = onePurchaseOfTheCheckout(demo);
    assert.deepEqual(
      { account: purchase.account_number, plan: purchase.plan_id, term: Number(purchase.term) },
      { account: '20035156', plan: '1', term: 18 },
    );
    assert.deepEqual(pageErrors, []);
  });

  it('a frozen account, in French: told why and what to do next; Back keeps what was typed; nothing is bought', async (t) => {
    const { page, demo, pageErrors } = await openCheckoutFor(t, browser(), { lang: 'fr-CA' });
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('button', { name: "J'ai déjà un compte Flexiti" }).click();
    const lookup = step(page, 'lookup').locator('flexiti-lookup');
    await lookup.getByRole('textbox', { name: 'Prénom', exact: true }).pressSequentially('Fiona');
    await lookup.getByRole('textbox', { name: 'Nom de famille', exact: true }).pressSequentially('Frozen');
    const dob = lookup.getByRole('textbox', { name: 'Date de naissance', exact: true });
    await dob.pressSequentially('1990-07-04');
    await dob.press('Enter');

    const ended = step(page, 'ended');
    await ended.getByRole('heading', { name: 'Ce compte ne peut pas servir à des achats pour le moment' }).waitFor();
    await ended.getByText('Choisissez un autre mode de paiement pour cette commande.').waitFor();
    assert.equal(await ended.locator('a[href^="tel:"]').count(), 1, "Flexiti's number is a link");
    assert.deepEqual(await axeViolations(page), [], 'the ending has no accessibility violations');
    await ended.getByRole('button', { name: 'Retour' }).click();
    assert.equal(await lookup.getByRole('textbox', { name: 'Prénom', exact: true }).inputValue(), 'Fiona');
    assert.equal(demo.sandbox.state.transactions.length, 0, 'nothing was bought');
    assert.deepEqual(pageErrors, []);
  });
});
