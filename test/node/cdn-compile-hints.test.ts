// The files a page runs as soon as they arrive carry V8's compile hint (scripts/vite-compile-hints.mjs), first or
// right under the licence banner; the files loaded on demand do not, since only part of them runs. Built here in memory, as
// `npm run build` builds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rollup } from 'vite';
import { COMPILE_HINT } from '../../scripts/vite-compile-hints.mjs';
import { buildChunks, staticGraph } from './helpers/build-output.js';

const BANNER = '/*! flexiti-elements';

/** The hint is the first line, or the second under the licence banner (a file that bundles a package has one). */
const hinted = (chunk: Rollup.OutputChunk) => {
  const [first, second] = chunk.code.split('\n', 2);
  return first === COMPILE_HINT || (first.startsWith(BANNER) && second === COMPILE_HINT);
};

test("every element entry's first files carry the compile hint under the banner", async () => {
  const chunks = await buildChunks('vite.cdn.config.ts');
  // The autoloader renders nothing itself: its first files are the loader, which runs only in part.
  const entries = [...chunks.values()].filter((chunk) => chunk.isEntry && chunk.fileName !== 'flexiti-autoload.js');
  assert.ok(entries.length >= 7, 'the eager entry and one per element');
  for (const { fileName: entry } of entries) {
    const initial = staticGraph(chunks, entry);
    // The element's own code and Lit, by what they contain: the hint must be on the files the first render runs.
    const element = initial.find((chunk) => chunk.code.includes('customElements'));
    const lit = initial.find((chunk) => chunk.code.includes('adoptedStyleSheets'));
    for (const chunk of [element, lit]) {
      assert.ok(chunk, `${entry} has its element and Lit in its first files`);
      assert.ok(hinted(chunk), `${chunk.fileName} (first files of ${entry}) carries the hint`);
    }
    assert.ok(lit!.code.startsWith(BANNER), `${lit!.fileName} bundles Lit: its licence banner stays the first line`);
  }
});

test('files only loaded on demand carry no compile hint', async () => {
  const chunks = await buildChunks('vite.cdn.config.ts');
  const onLoad = new Set(
    [...chunks.values()]
      .filter((chunk) => chunk.isEntry)
      .flatMap((entry) => staticGraph(chunks, entry.fileName).map((chunk) => chunk.fileName)),
  );
  const onDemand = [...chunks.values()].filter((chunk) => !onLoad.has(chunk.fileName));
  // The French, the error texts, apply's later screens and the sanitizer at least.
  assert.ok(onDemand.length >= 4, `on-demand files: ${onDemand.map((chunk) => chunk.fileName).join(', ')}`);
  for (const chunk of onDemand) assert.ok(!chunk.code.includes(COMPILE_HINT), `${chunk.fileName} carries no hint`);
});

test('the promo line carries the hint, its dialog and French do not', async () => {
  const chunks = await buildChunks('vite.promo.config.ts');
  const entry = chunks.get('flexiti-promo.js');
  assert.ok(entry && hinted(entry), 'flexiti-promo.js carries the hint');
  const later = [...chunks.values()].filter((chunk) => !chunk.isEntry);
  assert.ok(later.length >= 2, 'the dialog and the French load on demand');
  for (const chunk of later) assert.ok(!chunk.code.includes(COMPILE_HINT), `${chunk.fileName} carries no hint`);
});
