// The API error reader, the catalogue and their texts are not in what a page with one element downloads before it
// renders: each element's entry (dist/cdn/flexiti-<tag>.js) reaches them only through a dynamic import, as one
// file of their own. Built here in memory, as `npm run build` builds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildChunks, staticGraph } from './helpers/build-output.js';

const cdnChunks = () => buildChunks('vite.cdn.config.ts');

// One text of the catalogue's (api-texts.ts) and one string of the error reader's (errors.ts).
const API_TEXT = "This store location isn't registered with Flexiti.";
const READER = 'error_description';

test('no element entry carries the API error texts or the error reader before its first render', async () => {
  const chunks = await cdnChunks();
  // The eager entry has them (below); the autoloader registers no element itself (each tag's entry is checked here).
  const notElements = ['flexiti-elements.js', 'flexiti-autoload.js'];
  const entries = [...chunks.values()].filter((chunk) => chunk.isEntry && !notElements.includes(chunk.fileName));
  for (const chunk of staticGraph(chunks, 'flexiti-autoload.js')) {
    assert.ok(!chunk.code.includes(API_TEXT) && !chunk.code.includes(READER), `${chunk.fileName} (the autoloader)`);
  }
  assert.ok(entries.length >= 6, 'one entry per element');
  for (const { fileName: entry } of entries) {
    const initial = staticGraph(chunks, entry);
    for (const chunk of initial) {
      assert.ok(!chunk.code.includes(API_TEXT), `${chunk.fileName} (initial for ${entry}) has the API texts`);
      assert.ok(!chunk.code.includes(READER), `${chunk.fileName} (initial for ${entry}) has the error reader`);
    }
    const kit = initial
      .flatMap((chunk) => chunk.dynamicImports)
      .map((fileName) => chunks.get(fileName)!)
      .find((chunk) => chunk.fileName.startsWith('chunks/error-kit'));
    assert.ok(kit, `${entry} loads the error kit on demand`);
    const loaded = staticGraph(chunks, kit.fileName);
    assert.ok(loaded.some((chunk) => chunk.code.includes(API_TEXT)));
    assert.ok(loaded.some((chunk) => chunk.code.includes(READER)));
  }
});

test('the all-in-one entry keeps its public API whole: the error reader and texts load with it', async () => {
  const chunks = await cdnChunks();
  const initial = staticGraph(chunks, 'flexiti-elements.js');
  assert.ok(initial.some((chunk) => chunk.code.includes(API_TEXT)));
  assert.ok(initial.some((chunk) => chunk.code.includes(READER)));
});
