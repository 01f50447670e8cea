/**
 * The hostable demo: the production build of demo/ (what `npm run build` writes to build/demo) served by the
 * demo server (build/demo-server.js's code) under its Content-Security-Policy, and a purchase made through it.
 * Catches what only a production bundle can break: decorators left unlowered, a dev-only import, an inline
 * script or style the CSP refuses.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { serveBuiltDemo, type HostedDemo } from '../../scripts/demo-server.js';
import { CART_TOTAL } from '../../demo/cart.js';
import { chooseNoInterestPlan, launchBrowser, purchaseApproved, step, typeAndEnter } from './harness.js';

describe('the built demo', () => {
  let browser: Browser;
  let outDir: string;
  let demo: HostedDemo;

  before(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'flexiti-demo-'));
    await build({
      configFile: fileURLToPath(new URL('../../vite.demo.config.ts', import.meta.url)),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
    demo = await serveBuiltDemo({ root: outDir, port: 0 });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('serves the checkout under a strict CSP, and a card-number purchase goes through once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    try {
      const response = await page.goto(`${demo.url}/`);
      assert.equal(response?.status(), 200);
      assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);

      await page.getByRole('button', { name: 'I already have a Flexiti account' }).click();
      const lookup = step(page, 'lookup').locator('flexiti-lookup');
      await lookup.getByRole('radio', { name: 'Flexiti card number' }).check();
      await typeAndEnter(lookup.getByRole('textbox', { name: 'Flexiti card number' }), '6374980116574901');

      await chooseNoInterestPlan(page, 6);

      const verify = step(page, 'verify').locator('flexiti-verify');
      await verify.getByRole('radio', { name: 'Get a code by email' }).check();
      await verify.getByRole('button', { name: 'Continue' }).click();
      await typeAndEnter(verify.getByRole('textbox', { name: 'Verification code' }), '2222');
      await purchaseApproved(page);

      const purchases = demo.sandbox.state.transactions;
      assert.equal(purchases.length, 1, 'the purchase is recorded once');
      assert.deepEqual(
        { customer: purchases[0]!.customer_id, term: Number(purchases[0]!.term), amount: Number(purchases[0]!.amount) },
        { customer: '829901', term: 6, amount: CART_TOTAL },
      );
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
