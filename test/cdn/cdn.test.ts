// No build step: a plain page with one <script type="module" src=".../dist/cdn/flexiti-elements.js"> runs every
// element end to end. The entry imports its chunks beside it (dist/cdn/chunks/) by relative URLs; an English page
// loads exactly the entry's static graph and no French, a French page adds one French chunk; the same page loading
// the bundle twice (a tag manager and the app) shares one copy of the chunks.
// Needs `npm run build` (dist/cdn/).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { assertBuilt, record, servedToChromium } from './browser.js';
import {
  agreeToTerms,
  completeJourney,
  frenchFiles,
  loggedErrors,
  openFrenchPage,
  openPage,
  packageFiles,
} from './flows.js';
import { startStaticServer } from './static-server.js';
// @ts-expect-error: a plain ES module script without types
import { entryGraph } from '../../scripts/size-budget.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = 'dist/cdn/flexiti-elements.js';
type Graph = { initialFiles: string[]; totalFiles: string[] };
/** The files of the entry's static import graph, as the page requests them. */
const initialFiles = (): string[] =>
  (entryGraph('flexiti-elements.js') as Graph).initialFiles.map((file) => `/dist/cdn/${file}`);
/** Every file the entry may load, on demand included (French, the terms' sanitizer). */
const allFiles = (): string[] =>
  (entryGraph('flexiti-elements.js') as Graph).totalFiles.map((file) => `/dist/cdn/${file}`);
/** The page loaded the entry's static graph, each file once, and only files of its graph besides. */
function expectGraph(loaded: string[]): string[] {
  assert.equal(new Set(loaded).size, loaded.length, 'each file once');
  assert.deepEqual(
    initialFiles().filter((path) => !loaded.includes(path)),
    [],
    "the entry's static graph",
  );
  assert.deepEqual(
    loaded.filter((path) => !allFiles().includes(path)),
    [],
    "nothing outside the entry's graph",
  );
  return loaded.filter((path) => !initialFiles().includes(path));
}
describe('the CDN bundle on a page without a build step', () => {
  const served = servedToChromium(async () => {
    assertBuilt(bundle);
    return { server: await startStaticServer({ root, allow: ['dist/cdn', 'test/cdn', 'test/fixtures'] }) };
  });

  it('runs all four elements end to end, loading the entry and its chunks and no French', async () => {
    const page = await served.browser.newPage();
    const seen = record(page);
    await openPage(page, `${served.server.origin}/test/cdn/index.html`);
    // Apply preloads its review and outcome screens once its whole form is shown, the plan picker its estimates once
    // its plans are, when the page is idle; apply asks for the terms element once the top of its form is painted.
    await page.waitForFunction(() =>
      ['/chunks/apply-screens-', '/chunks/plan-picker-estimates-', '/flexiti-terms.js'].every((name) =>
        performance.getEntriesByType('resource').some((entry) => entry.name.includes(name)),
      ),
    );
    const loaded = await packageFiles(page);
    const onDemand = expectGraph(loaded);
    assert.ok(loaded.length > 1, 'chunks beside the entry');
    assert.ok(!loaded.some((path) => /fr-CA/.test(path)), 'no French on an English page');
    assert.deepEqual(
      onDemand.map((path) => path.replace(/-[\w-]{8}\.js$/, '')).sort(),
      [
        '/dist/cdn/chunks/apply-screens',
        '/dist/cdn/chunks/error-kit',
        '/dist/cdn/chunks/plan-picker-estimates',
        '/dist/cdn/chunks/terms-content',
        '/dist/cdn/flexiti-terms.js',
      ],
      'on demand: the terms sanitizer once terms arrive, the error texts once a request starts and the terms ' +
        "element's entry once apply's form renders (in this entry, files that only name what the entry already " +
        "has), apply's screens once its form is shown, " +
        "the plan picker's estimates once its plans are shown",
    );
    await completeJourney(page);
    assert.deepEqual(await loggedErrors(page), []);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.warnings, []);
    await page.close();
  });

  it('speaks French when the page is fr-CA, with one more chunk', async () => {
    const page = await served.browser.newPage();
    const seen = record(page);
    await openFrenchPage(page, served.server.origin);
    const french = frenchFiles(expectGraph(await packageFiles(page)));
    assert.equal(french.length, 1, `one French chunk, got ${JSON.stringify(french)}`);
    assert.match(french[0]!, /^\/dist\/cdn\/chunks\/fr-CA-[\w-]+\.js$/);
    await agreeToTerms(page, 'fr');
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  it('works with the bundle loaded twice, keeping one copy of the chunks', async () => {
    const page = await served.browser.newPage();
    const seen = record(page);
    await openPage(page, `${served.server.origin}/test/cdn/twice.html`);
    const loaded = await packageFiles(page);
    const entries = loaded.filter((path) => path.startsWith(`/${bundle}`));
    assert.deepEqual(
      entries.sort(),
      [`/${bundle}?from=app`, `/${bundle}?from=tag-manager`],
      'both copies were loaded and run',
    );
    // Both copies import the same chunk URLs: each chunk is fetched and run once.
    expectGraph([...loaded.filter((path) => !path.startsWith(`/${bundle}`)), `/${bundle}`]);
    await completeJourney(page);
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
