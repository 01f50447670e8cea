/**
 * Retakes the README's screenshot (docs/demo.png): the demo checkout on the plan step of a new Ontario
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
  await page.getByRole('button', { name: 'Pay with Flexiti' }).click();
  await page.getByRole('button', { name: 'Apply for a Flexiti account' }).click();
  const apply = page.locator('flexiti-apply');
  await page.getByRole('button', { name: 'Ontario' }).click();
  await apply.locator('flexiti-terms').getByRole('region').focus();
  await page.keyboard.press('End');
  await apply.locator('flexiti-terms').getByRole('checkbox').check();
  await apply.getByRole('button', { name: 'Review my application' }).click();
  await apply.getByRole('button', { name: 'Confirm and apply' }).click();
  await page.getByRole('button', { name: 'Choose a payment plan' }).click();
  const plan = page.locator('[data-step="plan"]');
  await plan.getByRole('radio', { name: /^Equal Payments, No Interest/ }).first().check();
  await plan.getByRole('radio', { name: /^Equal Payments, No Interest, 10 months/ }).check();
  await page.evaluate(() => window.scrollTo(0, 0));
  await mkdir(fileURLToPath(new URL('../docs/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`Wrote ${output}`);
} finally {
  await browser.close();
  await demo.close();
}
