// `<flexiti-plan-picker>`'s estimates (a chosen plan's monthly payments, cost of borrowing, plain words) are not in
// what a page with the picker (or checkout, which embeds it) downloads before the first element renders: the entry
// reaches them only through a dynamic import, as one file of their own. Built here in memory, as `npm run build` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildChunks, hasMessage, staticGraph } from './helpers/build-output.js';

// Message ids of the estimates' (in the built code by their short ids: @lit/localize looks the French up by them).
const ESTIMATES = ['plan-picker.estimate.cost', 'plan-picker.estimate.hint', 'plan-picker.kind.deferred'];
const PLANS = 'plan-picker.legend';

for (const entry of ['flexiti-plan-picker.js', 'flexiti-checkout.js']) {
  test(`${entry} renders the plans from its initial files and loads the estimates on demand`, async () => {
    const chunks = await buildChunks('vite.cdn.config.ts');
    const initial = staticGraph(chunks, entry);
    assert.ok(
      initial.some((chunk) => hasMessage(chunk.code, PLANS)),
      'the plan list is in the initial files',
    );
    for (const marker of ESTIMATES) {
      for (const chunk of initial) {
        assert.ok(!hasMessage(chunk.code, marker), `${chunk.fileName} (initial for ${entry}) has ${marker}`);
      }
    }
    const estimates = initial
      .flatMap((chunk) => chunk.dynamicImports)
      .map((fileName) => chunks.get(fileName)!)
      .find((chunk) => chunk.fileName.startsWith('chunks/plan-picker-estimates'));
    assert.ok(estimates, `${entry} loads chunks/plan-picker-estimates-*.js on demand`);
    const loaded = staticGraph(chunks, estimates.fileName);
    for (const marker of ESTIMATES) {
      assert.ok(
        loaded.some((chunk) => hasMessage(chunk.code, marker)),
        `${marker} comes with ${estimates.fileName}`,
      );
    }
  });
}
