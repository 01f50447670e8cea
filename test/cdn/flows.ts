// Customer flows on the test page (test/cdn/index.html): shared by the CDN and strict-CSP tests.
// Playwright's CSS locators pierce open shadow roots, so `#apply [part~="form"]` reaches inside the element.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/**
 * Serves the test page with the autoloader in place of the eager entry (a static server's `rewriteHtml`): the
 * page's own script then answers through the loader's `connect` (test/cdn/page.js).
 */
export const WITH_AUTOLOADER: [string, string][] = [
  ['"/dist/cdn/flexiti-elements.js"', '"/dist/cdn/flexiti-autoload.js"'],
];

export const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function output(page: Page, id: string): Promise<unknown> {
  await page.waitForFunction((outputId) => document.getElementById(outputId)?.textContent !== '', id);
  return JSON.parse((await page.locator(`#${id}`).textContent()) ?? 'null');
}

export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
}

/** The package files (under /dist/) the page requested, in order, with their query: a file requested twice shows twice. */
export const packageFiles = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.pathname.startsWith('/dist/'))
      .map((url) => url.pathname + url.search),
  );

/** Opens the test page in French from `origin` and waits until the picker and apply speak it. */
export async function openFrenchPage(page: Page, origin: string): Promise<void> {
  await openPage(page, `${origin}/test/cdn/index.html?lang=fr-CA`);
  await page.locator('#picker legend').getByText('Plan de financement').waitFor();
  assert.equal(await text(page, '#apply #form-title'), 'Demande de financement Flexiti');
}

/** The French files among `files` (package paths). */
export const frenchFiles = (files: string[]) => files.filter((path) => /fr-CA/.test(path));

/** Picks the first plan and its shortest term; the page shows the element's `value` from `change`. */
export async function choosePlan(page: Page): Promise<void> {
  await page.locator('#picker input[name="plan"]').first().check();
  await page.locator('#picker input[name="term"]').first().check();
  const choice = (await output(page, 'choice')) as { plan_id: string; term: number };
  assert.equal(choice.plan_id, '1');
  assert.equal(choice.term, 18);
}

/** The terms arrive through respondWith, then the customer agrees; the page shows the consent record. */
export async function agreeToTerms(page: Page, lang: 'en' | 'fr' = 'en'): Promise<void> {
  await page.locator('#terms [part~="region"]').getByText(`Terms for ON (${lang})`).waitFor();
  await page.locator('#terms input[type="checkbox"]').check();
  const consent = (await output(page, 'consent')) as { province: string; lang: string; terms_sha256: string };
  assert.equal(consent.province, 'ON');
  assert.equal(consent.lang, lang);
  assert.match(consent.terms_sha256, /^[0-9a-f]{64}$/);
}

/** Merchant override: the handler answers `verified` (its code stays on the server); no code reaches the page. */
export async function verifyByOverride(page: Page): Promise<void> {
  await page.locator('#verify input[value="merchant_override"]').check();
  await page.locator('#verify [part~="submit-button"]').click();
  const verified = (await output(page, 'verified')) as Record<string, unknown>;
  assert.equal(verified['format'], 'merchant_override');
  assert.equal(verified['verification_code'], undefined);
  assert.equal(verified['customer_id'], undefined);
}

/** The prefilled application: agree to its terms, review, confirm; the page answers POST /apply. */
export async function applyAndConfirm(page: Page): Promise<void> {
  await page.locator('#apply flexiti-terms [part~="region"]').getByText('Terms for ON').waitFor();
  await page.locator('#apply flexiti-terms input[type="checkbox"]').check();
  await page.locator('#apply form [part~="submit-button"]').click();
  await page.locator('#apply [part~="review"]').waitFor();
  await page.locator('#apply [data-confirm]').click();
}

export async function result(page: Page): Promise<unknown> {
  return output(page, 'result');
}

/** The page's whole journey in English: a plan, the terms, the store override, an application; it is approved. */
export async function completeJourney(page: Page): Promise<void> {
  await choosePlan(page);
  await agreeToTerms(page);
  await verifyByOverride(page);
  await applyAndConfirm(page);
  assert.equal(await result(page), 'approved');
}

/** The page's log of `flexiti-error` events (type, code, source). */
export async function loggedErrors(page: Page): Promise<{ type: string; code: string; source: string }[]> {
  return page.$$eval('#log li', (items) => items.map((item) => JSON.parse(item.textContent ?? '{}')));
}
