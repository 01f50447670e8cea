// `<flexiti-apply>`'s screens after the form (the review, the outcomes, Quebec's keep-or-cancel choice) are not in
// what a page with apply (or checkout, which embeds it) downloads before the first element renders: the entry
// reaches them only through a dynamic import, as one file of their own. Built here in memory, as `npm run build` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildChunks, staticGraph } from './helpers/build-output.js';

// One message id of each screen's (ids stay in the built code: @lit/localize looks the French up by them).
const SCREENS = {
  review: 'apply.review.title',
  outcomes: 'apply.outcome.approved.title',
  quebec: 'apply.outcome.quebec.title',
};
const FORM = 'apply.form.submit';

for (const entry of ['flexiti-apply.js', 'flexiti-checkout.js']) {
  test(`${entry} renders the form from its initial files and loads apply's later screens on demand`, async () => {
    const chunks = await buildChunks('vite.cdn.config.ts');
    const initial = staticGraph(chunks, entry);
    assert.ok(
      initial.some((chunk) => chunk.code.includes(FORM)),
      'the form is in the initial files',
    );
    for (const [screen, marker] of Object.entries(SCREENS)) {
      for (const chunk of initial) {
        assert.ok(!chunk.code.includes(marker), `${chunk.fileName} (initial for ${entry}) has the ${screen} screen`);
      }
    }
    const screens = initial
      .flatMap((chunk) => chunk.dynamicImports)
      .map((fileName) => chunks.get(fileName)!)
      .find((chunk) => chunk.fileName.startsWith('chunks/apply-screens'));
    assert.ok(screens, `${entry} loads chunks/apply-screens-*.js on demand`);
    const loaded = staticGraph(chunks, screens.fileName);
    for (const [screen, marker] of Object.entries(SCREENS)) {
      assert.ok(
        loaded.some((chunk) => chunk.code.includes(marker)),
        `the ${screen} screen comes with ${screens.fileName}`,
      );
    }
  });
}
