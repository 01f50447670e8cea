// `<flexiti-promo>` from its own built file (dist/cdn/flexiti-promo.js) on a product grid without a build step:
// 48 promos, one request for the plans, the line only at first; the dialog and the French messages are files
// fetched when needed. Needs `npm run build`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { assertBuilt, record, servedToChromium } from './browser.js';
import { startStaticServer } from './static-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = 'dist/cdn/flexiti-promo.js';

const loaded = (page: Page) =>
  page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname + new URL(entry.name).search),
  );

const lines = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('flexiti-promo')].map(
      (el) => el.shadowRoot?.querySelector('.line .text')?.textContent?.trim() ?? '',
    ),
  );

describe('<flexiti-promo> alone from its own file, on a product grid', () => {
  const served = servedToChromium(async () => {
    assertBuilt(bundle);
    return { server: await startStaticServer({ root, allow: ['dist/cdn', 'test/cdn'] }) };
  });

  it('shows 48 lines from one request, loading nothing but its file; the dialog file comes with "Learn more"', async () => {
    const page = await served.browser.newPage();
    const seen = record(page);
    await page.goto(`${served.server.origin}/test/cdn/promo.html`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('flexiti-promo')].every((el) => el.shadowRoot?.querySelector('.line .text')),
    );
    const texts = await lines(page);
    assert.equal(texts.length, 48);
    assert.equal(texts[0], 'or $2.50/month for 40 months, no interest, with Flexiti');
    const before = await loaded(page);
    assert.deepEqual(
      before.filter((path) => path.startsWith('/dist/')),
      [`/${bundle}`],
    );
    assert.deepEqual(
      before.filter((path) => path.includes('promo-api')),
      ['/test/cdn/promo-api/form-values?lang=en'],
    );
    await page.locator('flexiti-promo').first().locator('[part~="learn-more"]').click();
    await page.locator('flexiti-promo').first().locator('dialog[open]').waitFor();
    const after = (await loaded(page)).filter((path) => path.startsWith('/dist/'));
    assert.equal(after.length, 2);
    assert.match(after[1]!, /^\/dist\/cdn\/chunks\/flexiti-promo-promo-dialog-[\w-]+\.js$/);
    await page.keyboard.press('Escape');
    await page
      .locator('flexiti-promo')
      .first()
      .locator('dialog[open]')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('says so beside "Learn more" when the dialog file cannot be fetched, and opens it on a later press', async () => {
    const page = await served.browser.newPage();
    const seen = record(page);
    const dialogFile = /\/chunks\/flexiti-promo-promo-dialog-[\w-]+\.js$/;
    await page.route(dialogFile, (route) => route.abort('internetdisconnected'));
    await page.goto(`${served.server.origin}/test/cdn/promo.html`);
    const promo = page.locator('flexiti-promo').first();
    await promo.locator('.line .text').waitFor();
    const reported = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document.addEventListener('flexiti-error', (event) => resolve((event as CustomEvent).detail.code), {
            once: true,
          }),
        ),
    );
    await promo.locator('[part~="learn-more"]').click();
    assert.equal(await reported, 'network_error');
    await promo.locator('[role="alert"]', { hasText: 'The details could not be loaded.' }).waitFor();
    assert.equal(await promo.locator('dialog').count(), 0);
    assert.equal(
      (await lines(page))[0],
      'or $2.50/month for 40 months, no interest, with Flexiti',
      'the line stays as it was',
    );
    assert.deepEqual(
      seen.errors.filter((error) => error.startsWith('pageerror')),
      [],
    );

    await page.unroute(dialogFile);
    await promo.locator('[part~="learn-more"]').click();
    await promo.locator('dialog[open]').waitFor();
    assert.equal((await promo.locator('[role="alert"]').textContent())?.trim(), '');
    await page.close();
  });

  it('speaks French on a French page, loading the French messages file', async () => {
    const page = await served.browser.newPage();
    const seen = record(page);
    await page.goto(`${served.server.origin}/test/cdn/promo.html?lang=fr-CA`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('flexiti-promo')].every((el) =>
        el.shadowRoot?.querySelector('.line .text')?.textContent?.includes('mois'),
      ),
    );
    assert.equal((await lines(page))[0], 'ou 2,50\u00a0$/mois pendant 40 mois, sans intérêt, avec Flexiti');
    const files = await loaded(page);
    assert.ok(
      files.some((path) => /^\/dist\/cdn\/chunks\/flexiti-promo-fr-CA-[\w-]+\.js$/.test(path)),
      files.join(' '),
    );
    assert.deepEqual(
      files.filter((path) => path.includes('promo-api')),
      ['/test/cdn/promo-api/form-values?lang=fr'],
    );
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
});
