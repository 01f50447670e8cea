/**
 * Retakes the README's screenshot (docs/demo.png): the demo's `<flexiti-checkout>` on the plan step of a new Ontario
 * customer, with the events panel beside it. `npx tsx scripts/screenshot.ts`
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';
import { startDemoServer } from './start.js';

const output = fileURLToPath(new URL('../docs/demo.png', import.meta.url));
const demo = await startDemoServer({ port: 0, logLevel: 'silent', watch: false });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
  await page.goto(demo.url);
  // The merchant's server created the checkout; <flexiti-checkout> shows its first step.
  const checkout = page.locator('flexiti-checkout');
  await checkout.locator('[data-step="choose"] h2').waitFor();
  await page.getByRole('button', { name: 'Apply for a Flexiti account' }).click();
  const apply = checkout.locator('[data-step="apply"] flexiti-apply');
  await page.getByRole('button', { name: 'Ontario', exact: true }).click();
  await apply.locator('flexiti-terms').getByRole('region').focus();
  await page.keyboard.press('End');
  await apply.locator('flexiti-terms').getByRole('checkbox').check();
  await apply.getByRole('button', { name: /Review my application/ }).click();
  await apply.getByRole('button', { name: /Confirm and apply/ }).click();
  await apply.getByRole('heading', { name: "You're approved" }).waitFor();
  await page.getByRole('button', { name: 'Continue to choose your plan' }).click();
  const plan = checkout.locator('[data-step="plan"]');
  await plan
    .getByRole('radio', { name: /^Equal Payments, No Interest/ })
    .first()
    .check();
  await plan.getByRole('radio', { name: /^Equal Payments, No Interest, 10 months/ }).check();
  await page.evaluate(() => window.scrollTo(0, 0));
  await mkdir(fileURLToPath(new URL('../docs/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`Wrote ${output}`);
} finally {
  await browser.close();
  await demo.close();
}
