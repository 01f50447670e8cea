/**
 * The README's complete merchant example (examples/merchant), run as a merchant runs it: its own Node server
 * (Hono, the handler on the sandbox, its orders, the built script from the package by name), driven by Chromium
 * from the order's page to the receipt. The order becomes paid through `onPurchase` on the server, and the page
 * says so from the server's answer. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
import { chooseNoInterestPlan, findAccountByName, purchaseApproved, step, typeAndEnter } from '../e2e/harness.js';

/** Starts the example on a free port (PORT=0) and reads the URL it prints. */
function startExample(): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'examples/merchant/server.ts'], {
    env: { ...process.env, PORT: '0', FLEXITI_CLIENT_ID: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0];
      if (url) resolve({ url, server });
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.once('exit', (code) => reject(new Error(`the example stopped (${code}): ${output}`)));
  });
}

describe('the merchant example (examples/merchant)', () => {
  let url: string;
  let server: ChildProcess;
  let browser: Browser;

  before(async () => {
    ({ url, server } = await startExample());
    browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  });

  after(async () => {
    await browser?.close();
    server?.kill();
  });

  it('goes from the order to the receipt; the server marks the order paid, once', async () => {
    const order = async () => (await fetch(new URL('/orders/A-1042', url))).json();
    assert.deepEqual(await order(), { id: 'A-1042', status: 'unpaid' });

    const page = await browser.newPage({ locale: 'en-CA' });
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
        problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('console', (message) => {
      // A failed load is listed with its URL above (the page has no favicon, as an order page may not).
      if (message.type() === 'warning' || (message.type() === 'error' && !/^Failed to load resource/.test(message.text())))
        problems.push(message.text());
    });
    try {
      await page.goto(url);
      await findAccountByName(page, { firstName: 'John', lastName: 'Doe', dob: '1974-05-15' });
      await chooseNoInterestPlan(page, 10);
      const verify = step(page, 'verify').locator('flexiti-verify');
      await verify.getByRole('radio', { name: 'Get a code by text message' }).check();
      await verify.getByRole('button', { name: 'Continue' }).click();
      await typeAndEnter(verify.getByRole('textbox', { name: 'Verification code' }), '2222');
      const receipt = await purchaseApproved(page);
      assert.equal(await receipt.locator('[data-receipt="amount"]').innerText(), '$1,299.99', "the order's total");

      await page.getByRole('status').getByText('Order A-1042 is paid. Thank you!').waitFor();
      assert.deepEqual(await order(), { id: 'A-1042', status: 'paid' });
      assert.deepEqual(problems, [], 'no error, warning or failed request');
    } finally {
      await page.close();
    }
  });

  it('refuses a second checkout for the paid order', async () => {
    const again = await fetch(new URL('/orders/A-1042/flexiti', url), { method: 'POST' });
    assert.equal(again.status, 409);
    assert.deepEqual(await again.json(), { error: 'already_paid' });
  });

  it('answers 404 for an order it does not have', async () => {
    const unknown = await fetch(new URL('/orders/B-7/flexiti', url), { method: 'POST' });
    assert.equal(unknown.status, 404);
  });
});
