// The autoloading entry (dist/cdn/flexiti-autoload.js) on pages without a build step: one script tag, and each
// flexiti tag the page uses downloads its own entry (flexiti-apply.js…) when the loader finds it: in the markup,
// added later by script, or in a shadow root given to `discover`. A page downloads the loader and the files of
// its tags, nothing else; a held download keeps the properties set meanwhile, a failed one is warned about and
// tried again. French pages add one French chunk. Needs `npm run build` (dist/cdn/).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page, Route } from 'playwright-core';
import { assertBuilt, record, servedToChromium } from './browser.js';
import {
  completeJourney,
  frenchFiles,
  loggedErrors,
  openFrenchPage,
  openPage,
  packageFiles,
  WITH_AUTOLOADER,
} from './flows.js';
import { startStaticServer } from './static-server.js';
// @ts-expect-error: a plain ES module script without types
import { entryGraph, gzipSize } from '../../scripts/size-budget.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const loader = 'dist/cdn/flexiti-autoload.js';
type Graph = { initialFiles: string[]; totalFiles: string[] };
const graph = (entry: string) => entryGraph(entry) as Graph;
const paths = (files: string[]) => files.map((file) => `/dist/cdn/${file}`);

/** The entry files (dist/cdn/*.js) the page requested. */
const entriesLoaded = async (page: Page) =>
  (await packageFiles(page)).filter((path) => /^\/dist\/cdn\/[^/]+\.js$/.test(path)).sort();

/** `customElements.whenDefined(tag)` resolved within 10 s (false: it did not). */
const whenDefined = (page: Page, tag: string) =>
  page.evaluate(
    (name) =>
      Promise.race([
        customElements.whenDefined(name).then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
      ]),
    tag,
  );

const isDefined = (page: Page, tag: string) => page.evaluate((name) => customElements.get(name) !== undefined, tag);

/** Adds `<tag>` with `attributes` to the page's main element, by script. */
const addElement = (page: Page, tag: string, attributes: Record<string, string> = {}) =>
  page.evaluate(
    ([name, attrs]) => {
      const element = document.createElement(name);
      for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value);
      document.getElementById('main')!.append(element);
    },
    [tag, attributes] as const,
  );

/** Calls the loader's `discover` on `root` (found by a selector; `:host` for the shadow root of #host). */
const discover = (page: Page, target: 'document' | 'shadow') =>
  page.evaluate(async (which) => {
    const url = document.querySelector<HTMLScriptElement>('script[src$="/flexiti-autoload.js"]')!.src;
    const { discover } = (await import(url)) as { discover(root: ParentNode): Promise<void> };
    await discover(which === 'document' ? document : document.getElementById('host')!.shadowRoot!);
  }, target);

/** Requests of `file` wait until `release()`. */
function hold(page: Page, file: RegExp) {
  const pending: Route[] = [];
  const held = (route: Route) => void pending.push(route);
  return {
    start: () => page.route(file, held),
    release: async () => {
      await Promise.all(pending.map((route) => route.continue()));
      await page.unroute(file, held);
    },
  };
}

describe('the autoloading entry on a page without a build step', () => {
  const served = servedToChromium(async () => {
    assertBuilt(loader);
    return {
      server: await startStaticServer({ root, allow: ['dist/cdn', 'test/cdn', 'test/fixtures'] }),
      // test/cdn/index.html with the loader as its one script tag for the elements.
      autoloadPage: await startStaticServer({
        root,
        allow: ['dist/cdn', 'test/cdn', 'test/fixtures'],
        rewriteHtml: WITH_AUTOLOADER,
      }),
    };
  });

  /** test/cdn/autoload-one.html (the loader and a plan picker), once the picker is defined. */
  async function openOneElementPage() {
    const page = await served.browser.newPage();
    const seen = record(page);
    await page.goto(`${served.server.origin}/test/cdn/autoload-one.html`);
    assert.equal(await whenDefined(page, 'flexiti-plan-picker'), true);
    return { page, seen };
  }

  it("renders the markup's elements and runs the whole journey through the loader's connect", async () => {
    const page = await served.browser.newPage();
    const seen = record(page);
    await openPage(page, `${served.autoloadPage.origin}/test/cdn/index.html`);
    for (const tag of ['flexiti-plan-picker', 'flexiti-terms', 'flexiti-verify', 'flexiti-apply'])
      assert.equal(await whenDefined(page, tag), true, tag);
    await completeJourney(page);
    // Each tag's own entry, once; nothing of the all-in-one entry or of tags the page does not have.
    assert.deepEqual(await entriesLoaded(page), [
      '/dist/cdn/flexiti-apply.js',
      '/dist/cdn/flexiti-autoload.js',
      '/dist/cdn/flexiti-plan-picker.js',
      '/dist/cdn/flexiti-terms.js',
      '/dist/cdn/flexiti-verify.js',
    ]);
    const loaded = await packageFiles(page);
    assert.equal(new Set(loaded).size, loaded.length, 'each file once');
    // The elements' requests reached connect, which called the handler's routes on the checkout.
    const calls = (await page.evaluate(() => (window as unknown as { handlerCalls: unknown[] }).handlerCalls)) as {
      route: string;
      checkout: string | null;
    }[];
    const routes = calls.map((call) => call.route);
    for (const route of ['GET form-values', 'GET terms', 'POST verify', 'POST apply'])
      assert.ok(routes.includes(route), `${route} in ${JSON.stringify(routes)}`);
    assert.equal(calls.find((call) => call.route === 'POST apply')?.checkout, 'chk_test');
    assert.deepEqual(await loggedErrors(page), []);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.warnings, []);
    await page.close();
  });

  it('speaks French on a French page, with one French chunk', async () => {
    const page = await served.browser.newPage();
    const seen = record(page);
    await openFrenchPage(page, served.autoloadPage.origin);
    const french = frenchFiles(await packageFiles(page));
    assert.equal(french.length, 1, `one French chunk, got ${JSON.stringify(french)}`);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('downloads the loader and the files of the tags on the page, and nothing else', async () => {
    const { page, seen } = await openOneElementPage();
    await page.locator('#picker #notice').waitFor({ state: 'attached' });
    const loaded = await packageFiles(page);
    const loaderGraph = graph('flexiti-autoload.js');
    const pickerGraph = graph('flexiti-plan-picker.js');
    const first = new Set(paths([...loaderGraph.initialFiles, ...pickerGraph.initialFiles]));
    assert.deepEqual(
      [...first].filter((path) => !loaded.includes(path)),
      [],
      "the loader's and the picker's static graphs",
    );
    // Besides: only what the picker itself loads on demand (its estimates, preloaded when the page is idle).
    const pickerOnDemand = new Set(paths(pickerGraph.totalFiles));
    assert.deepEqual(
      loaded.filter((path) => !first.has(path) && !pickerOnDemand.has(path)),
      [],
      "nothing outside the loader's and the picker's graphs",
    );
    assert.deepEqual(await entriesLoaded(page), ['/dist/cdn/flexiti-autoload.js', '/dist/cdn/flexiti-plan-picker.js']);
    assert.equal(new Set(loaded).size, loaded.length, 'each file once');
    const bytes = [...first].reduce((sum, path) => sum + gzipSize(readFileSync(`${root}${path.slice(1)}`)), 0);
    console.log(`# a page with <flexiti-plan-picker>: ${first.size} files, ${bytes} B gzip -9 before it renders`);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('loads an element added later by script, and the promo from its own file, once with a page that has it', async () => {
    const { page, seen } = await openOneElementPage();
    assert.equal(await isDefined(page, 'flexiti-lookup'), false);
    await addElement(page, 'flexiti-lookup');
    assert.equal(await whenDefined(page, 'flexiti-lookup'), true);
    await page.locator('flexiti-lookup form').waitFor({ state: 'attached' });
    // The page also loads flexiti-promo.js itself: the loader imports that same file, so one copy, no warning.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = '/dist/cdn/flexiti-promo.js';
      document.head.append(script);
    });
    await addElement(page, 'flexiti-promo', { amount: '1299.99', endpoint: '/test/cdn/promo-api' });
    await page.locator('flexiti-promo .line .text').waitFor();
    assert.deepEqual(await entriesLoaded(page), [
      '/dist/cdn/flexiti-autoload.js',
      '/dist/cdn/flexiti-lookup.js',
      '/dist/cdn/flexiti-plan-picker.js',
      '/dist/cdn/flexiti-promo.js',
    ]);
    assert.deepEqual(seen.warnings, []);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('keeps the properties set while a download is held, and the element gets them once it is defined', async () => {
    const { page, seen } = await openOneElementPage();
    const applyEntry = hold(page, /\/dist\/cdn\/flexiti-apply\.js$/);
    await applyEntry.start();
    const requested = page.waitForRequest(/\/dist\/cdn\/flexiti-apply\.js$/);
    await addElement(page, 'flexiti-apply', { amount: '1200' });
    await requested;
    await page.evaluate(async () => {
      const seed = await (await fetch('/test/fixtures/seed-examples.json')).json();
      const apply = document.querySelector('flexiti-apply')!;
      apply.formValues = seed['POST /client-id/{client_id}/merchants/login'].response.form_values;
      apply.prefill = { first_name: 'Ada', city: 'Toronto' };
    });
    assert.equal(await isDefined(page, 'flexiti-apply'), false, 'still downloading');
    const defined = whenDefined(page, 'flexiti-apply');
    await applyEntry.release();
    assert.equal(await defined, true);
    await page.locator('flexiti-apply #first_name').waitFor();
    assert.equal(await page.locator('flexiti-apply #first_name').inputValue(), 'Ada');
    assert.equal(await page.locator('flexiti-apply #city').inputValue(), 'Toronto');
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('warns when a download fails and tries again for the next element with that tag, or on discover()', async () => {
    const { page, seen } = await openOneElementPage();
    const failing = (file: RegExp) => page.route(file, (route) => route.abort('internetdisconnected'));
    const warned = (tag: string) =>
      page.waitForEvent('console', (message) => message.type() === 'warning' && message.text().includes(`<${tag}>`));

    const verifyFile = /\/dist\/cdn\/flexiti-verify\.js$/;
    await failing(verifyFile);
    let warning = warned('flexiti-verify');
    await addElement(page, 'flexiti-verify');
    assert.match(
      (await warning).text(),
      /^flexiti-elements: <flexiti-verify> could not be loaded; it is tried again when another one is added or discover\(\) is called\./,
    );
    assert.equal(await isDefined(page, 'flexiti-verify'), false);
    await page.unroute(verifyFile);
    await addElement(page, 'flexiti-verify');
    assert.equal(await whenDefined(page, 'flexiti-verify'), true);
    assert.equal(await page.locator('flexiti-verify:not(:defined)').count(), 0, 'both are upgraded');

    const termsFile = /\/dist\/cdn\/flexiti-terms\.js$/;
    await failing(termsFile);
    warning = warned('flexiti-terms');
    await addElement(page, 'flexiti-terms', { province: 'ON' });
    await warning;
    await page.unroute(termsFile);
    await discover(page, 'document');
    assert.equal(await isDefined(page, 'flexiti-terms'), true);
    assert.equal(
      seen.warnings.filter((text) => text.includes('could not be loaded')).length,
      2,
      JSON.stringify(seen.warnings),
    );
    assert.deepEqual(
      seen.errors.filter((text) => text.startsWith('pageerror')),
      [],
    );
    await page.close();
  });

  it("loads the elements in a shadow root of the page's own with discover(), and those added there later", async () => {
    const { page, seen } = await openOneElementPage();
    await page.evaluate(() => {
      const host = document.createElement('div');
      host.id = 'host';
      document.getElementById('main')!.append(host);
      host.attachShadow({ mode: 'open' }).append(document.createElement('flexiti-lookup'));
    });
    // The document's watch does not see into the shadow root.
    await page.waitForTimeout(300);
    assert.equal(await isDefined(page, 'flexiti-lookup'), false);
    assert.ok(!(await entriesLoaded(page)).includes('/dist/cdn/flexiti-lookup.js'));
    await discover(page, 'shadow');
    assert.equal(await isDefined(page, 'flexiti-lookup'), true);
    await page.evaluate(() =>
      document.getElementById('host')!.shadowRoot!.append(document.createElement('flexiti-verify')),
    );
    assert.equal(await whenDefined(page, 'flexiti-verify'), true);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
});
