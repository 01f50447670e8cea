// `<flexiti-promo>`'s own file (vite.promo.config.ts → dist/cdn/flexiti-promo.js) carries the line only: no
// application form, zod, DOMPurify or ky; nothing it imports statically; the dialog and the French messages load
// on demand as files of their own. Built here in memory, as `npm run build` builds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rollup } from 'vite';
import { buildOutput } from './helpers/build-output.js';

const promoOutput = () => buildOutput('vite.promo.config.ts');

async function promoBuild(): Promise<Rollup.OutputChunk[]> {
  return (await promoOutput()).filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
}

test('flexiti-promo.js has no static import, and the dialog and French messages are loaded on demand', async () => {
  const chunks = await promoBuild();
  const entry = chunks.find((chunk) => chunk.fileName === 'flexiti-promo.js');
  assert.ok(entry, 'flexiti-promo.js was built');
  assert.deepEqual(entry.imports, []);
  assert.deepEqual(
    chunks
      .filter((chunk) => chunk !== entry)
      .map((chunk) => chunk.fileName.replace(/^chunks\//, '').replace(/-[\w-]{8}\.js$/, ''))
      .sort(),
    ['flexiti-promo-fr-CA', 'flexiti-promo-promo-dialog'],
  );
  assert.equal(entry.dynamicImports.length, 2);
  assert.match(entry.code, /customElements\.define|\.define\(/);
  assert.ok(entry.code.includes('flexiti-promo'));
});

test("the line's file carries no template engine and not @lit/localize's full runtime: the dialog's brings lit-html", async () => {
  const chunks = await promoBuild();
  const entry = chunks.find((chunk) => chunk.fileName === 'flexiti-promo.js')!;
  const dialog = chunks.find((chunk) => chunk.fileName.startsWith('chunks/flexiti-promo-promo-dialog'))!;
  // lit-html names its Trusted Types policy; @lit/localize's runtime refuses a second configuration.
  const litHtml = /createPolicy\(`lit-html`|createPolicy\("lit-html"/;
  assert.doesNotMatch(entry.code, litHtml);
  assert.match(dialog.code, litHtml);
  assert.ok(!entry.code.includes('lit-localize can only be configured once'));
  assert.ok(entry.code.includes('lit-localize-status'), 'the small runtime still tells the page a locale is ready');
});

test('no file of the promo carries the application form, zod, DOMPurify or ky', async () => {
  for (const chunk of await promoBuild()) {
    for (const [what, marker] of [
      ['zod', /\$ZodType|ZodError|_zod\b/],
      ['DOMPurify', /ALLOWED_TAGS|DOMPurify/],
      ['ky', /HTTPError|TimeoutError/],
      ['the application form', /flexiti-apply|flexiti-verify|flexiti-terms|flexiti-plan-picker/],
    ] as const) {
      assert.doesNotMatch(chunk.code, marker, `${chunk.fileName} contains ${what}`);
    }
  }
});

test("the promo's French file holds only the promo's messages", async () => {
  const french = (await promoBuild()).find((chunk) => chunk.fileName.startsWith('chunks/flexiti-promo-fr-CA'));
  assert.ok(french);
  assert.ok(french.code.includes('sans intérêt, avec Flexiti'));
  assert.doesNotMatch(french.code, /apply\.|verify\.|plan-picker\./);
});

test("Lit's licence travels in the banner and the licence file, not as comments in the 8 kB line", async () => {
  const output = await promoOutput();
  const entry = output.find((item) => item.fileName === 'flexiti-promo.js') as Rollup.OutputChunk;
  const notices = output.find((item) => item.fileName === 'flexiti-promo.js.LICENSE.txt') as Rollup.OutputAsset;
  assert.match(
    entry.code,
    /^\/\*! flexiti-elements .* bundles @lit\/reactive-element [\d.]+ \(BSD-3-Clause\) .*flexiti-promo\.js\.LICENSE\.txt \*\//,
  );
  assert.doesNotMatch(entry.code, /@license/);
  assert.match(String(notices.source), /Copyright \(c\) 2017 Google LLC/);
});
