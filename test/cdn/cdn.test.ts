// No build step: a plain page with one <script type="module" src=".../dist/cdn/flexiti-elements.js"> runs every
// element end to end; the same page loading the bundle twice (a tag manager and the app) works and warns once.
// Needs `npm run build` (dist/cdn/flexiti-elements.js).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium, record } from './browser.js';
import {
  agreeToTerms,
  applyAndConfirm,
  choosePlan,
  loggedErrors,
  openPage,
  result,
  text,
  verifyByOverride,
} from './flows.js';
import { startStaticServer, type StaticServer } from './static-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = 'dist/cdn/flexiti-elements.js';

describe('the CDN bundle on a page without a build step', () => {
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    assert.ok(
      existsSync(new URL(`../../${bundle}`, import.meta.url)),
      `${bundle} is missing: run \`npm run build\` first`,
    );
    server = await startStaticServer({ root, allow: ['dist/cdn', 'test/cdn', 'test/fixtures'] });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs all four elements end to end, loading nothing but the bundle', async () => {
    const page = await browser.newPage();
    const seen = record(page);
    await openPage(page, `${server.origin}/test/cdn/index.html`);
    const loaded = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/dist/')),
    );
    assert.deepEqual(loaded, [`/${bundle}`], 'one file from the package, no chunks or locale files');
    await choosePlan(page);
    await agreeToTerms(page);
    await verifyByOverride(page);
    await applyAndConfirm(page);
    assert.equal(await result(page), 'approved');
    assert.deepEqual(await loggedErrors(page), []);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.warnings, []);
    await page.close();
  });

  it('speaks French from the same single file when the page is fr-CA', async () => {
    const page = await browser.newPage();
    const seen = record(page);
    await openPage(page, `${server.origin}/test/cdn/index.html?lang=fr-CA`);
    await page.locator('#picker legend').getByText('Plan de financement').waitFor();
    assert.equal(await text(page, '#apply #form-title'), 'Demande de financement Flexiti');
    await agreeToTerms(page, 'fr');
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('works with the bundle loaded twice, and warns once', async () => {
    const page = await browser.newPage();
    const seen = record(page);
    await openPage(page, `${server.origin}/test/cdn/twice.html`);
    const loaded = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name))
        .filter((url) => url.pathname.startsWith('/dist/'))
        .map((url) => url.search),
    );
    assert.deepEqual(loaded.sort(), ['?from=app', '?from=tag-manager'], 'both copies were loaded and run');
    await choosePlan(page);
    await agreeToTerms(page);
    await verifyByOverride(page);
    await applyAndConfirm(page);
    assert.equal(await result(page), 'approved');
    const twice = seen.warnings.filter((warning) => warning.includes('loaded twice'));
    assert.equal(twice.length, 1, `one warning for the page, got: ${JSON.stringify(seen.warnings)}`);
    assert.match(
      twice[0]!,
      /^flexiti-elements \d+\.\d+\.\d+ was loaded twice on this page; the first copy \(\d+\.\d+\.\d+\) is kept\. Load it once\.$/,
    );
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
});
