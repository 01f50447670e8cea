/**
 * The demo as a place to try things again and again: the sample applicant is approved every time (a new person
 * each click), the browser's Back button goes to the previous step, a reload reopens the same checkout at the
 * step its server knows (sessionStorage keeps the order's ids, nothing typed), and "Reset the sandbox" puts the
 * seed back.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { SEED_ACCOUNTS } from '../../src/server/sandbox/index.js';
import { applyAsSample, openCheckoutFor, sharedBrowser, step } from './harness.js';

const ENGLISH = {
  apply: 'Apply for a Flexiti account',
  sample: 'Ontario',
  review: /Review my application/,
  confirm: /Confirm and apply/,
};

const heading = (page: Page, name: string) => step(page, name).locator('h2').first();
const orderNumber = (page: Page) => page.locator('[data-order]').innerText();

describe('the demo, again and again', () => {
  const browser = sharedBrowser();

  it('the sample applicant is approved in every tab: a new person each time, never "already a customer"', async (t) => {
    const { page, context, demo, pageErrors } = await openCheckoutFor(t, browser());
    const first = await applyAsSample(page, ENGLISH);
    await first.getByRole('heading', { name: "You're approved" }).waitFor();

    const second = await context.newPage();
    await second.goto(demo.url);
    await step(second, 'choose').locator('h2').waitFor();
    const again = await applyAsSample(second, ENGLISH);
    await again.getByRole('heading', { name: "You're approved" }).waitFor();

    const outcomes = demo.sandbox.state.applications.map((application) => application.outcome);
    assert.deepEqual(outcomes, ['approved', 'approved']);
    const people = [...demo.sandbox.state.accounts.values()]
      .filter((account) => account.applied)
      .map((account) => `${account.first_name} ${account.dob}`);
    assert.equal(new Set(people).size, 2, `two different people: ${people.join(', ')}`);
    assert.deepEqual(pageErrors, []);
  });

  it('Back goes to the previous step; a reload reopens the checkout at the plan, keeping no typed data', async (t) => {
    const { page, pageErrors } = await openCheckoutFor(t, browser());
    const order = await orderNumber(page);
    await page.getByRole('button', { name: ENGLISH.apply }).click();
    await step(page, 'apply').locator('flexiti-apply').waitFor();
    await page.goBack();
    await heading(page, 'choose').waitFor();
    assert.ok(await step(page, 'apply').isHidden(), 'Back left the application step');
    assert.equal(await orderNumber(page), order, 'Back stays in the checkout');

    const apply = await applyAsSample(page, ENGLISH);
    await apply.getByRole('heading', { name: "You're approved" }).waitFor();
    await page.getByRole('button', { name: 'Continue to choose your plan' }).click();
    await heading(page, 'plan').waitFor();
    await page.goBack();
    await apply.getByRole('heading', { name: "You're approved" }).waitFor();
    assert.ok(await step(page, 'plan').isHidden(), 'Back left the plan step');
    // The checkout's own Back button and the browser's stay in step: Forward brings nothing back by itself.
    await page.getByRole('button', { name: 'Continue to choose your plan' }).click();
    await heading(page, 'plan').waitFor();
    await step(page, 'plan').getByRole('button', { name: 'Back' }).click();
    await apply.getByRole('heading', { name: "You're approved" }).waitFor();
    await page.goBack();
    await heading(page, 'choose').waitFor();

    await page.reload();
    await heading(page, 'plan').waitFor();
    assert.equal(await orderNumber(page), order, 'the same order after the reload');
    await step(page, 'plan').getByRole('radio').first().waitFor();
    // The application was approved before the reload: no Back to an empty application form.
    assert.equal(await step(page, 'plan').getByRole('button', { name: 'Back' }).count(), 0);
    assert.equal(await page.locator('flexiti-checkout flexiti-apply').count(), 0);
    const kept = await page.evaluate(() => Object.values({ ...sessionStorage }).join('\n'));
    for (const typed of ['Applicant', '130692544', 'Mrs Lavoie', 'Cloud', '4165550142']) {
      assert.ok(!kept.includes(typed), `sessionStorage holds ${typed}`);
    }
    assert.deepEqual(pageErrors, []);
  });

  it('Reset the sandbox: the seed accounts come back, applied accounts go, and a new order starts', async (t) => {
    const { page, demo, pageErrors } = await openCheckoutFor(t, browser());
    const order = await orderNumber(page);
    const apply = await applyAsSample(page, ENGLISH);
    await apply.getByRole('heading', { name: "You're approved" }).waitFor();
    assert.equal(demo.sandbox.state.accounts.size, SEED_ACCOUNTS.length + 1);

    await page.getByRole('button', { name: 'Reset the sandbox' }).click();
    await page.getByRole('status').filter({ hasText: 'The sandbox is back to its starting accounts' }).waitFor();
    await heading(page, 'choose').waitFor();
    assert.notEqual(await orderNumber(page), order, 'a new order');
    assert.equal(demo.sandbox.state.accounts.size, SEED_ACCOUNTS.length);
    assert.deepEqual(demo.sandbox.state.applications, []);
    assert.deepEqual(pageErrors, []);
  });
});
