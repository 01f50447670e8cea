// `<flexiti-apply>`'s screens after the form (the review, the outcomes, Quebec's keep-or-cancel choice), its terms
// element and its licence camera are not in what a page with apply (or checkout, which embeds it) downloads before
// the first element renders: the entry reaches each only through a dynamic import. Built here in memory, as `npm run build` does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildChunks, hasMessage, staticGraph } from './helpers/build-output.js';

// One message id of each screen's (in the built code by their short ids: @lit/localize looks the French up by them).
const SCREENS = {
  review: 'apply.review.title',
  outcomes: 'apply.outcome.approved.title',
  quebec: 'apply.outcome.quebec.title',
};
const FORM = 'apply.form.submit';
// The camera's button and its own error (licence-camera.ts).
const CAMERA = ['apply.camera.start', 'apply.camera.unavailable'];
// The terms element's one attribute no other module names (its message ids are in the French file too).
const TERMS = 'require-scroll';

let built: ReturnType<typeof buildChunks> | undefined;
const cdnChunks = () => (built ??= buildChunks('vite.cdn.config.ts'));

for (const entry of ['flexiti-apply.js', 'flexiti-checkout.js']) {
  test(`${entry} renders the form from its initial files and loads apply's later screens on demand`, async () => {
    const chunks = await cdnChunks();
    const initial = staticGraph(chunks, entry);
    assert.ok(
      initial.some((chunk) => hasMessage(chunk.code, FORM)),
      'the form is in the initial files',
    );
    for (const [screen, marker] of Object.entries(SCREENS)) {
      for (const chunk of initial) {
        assert.ok(!hasMessage(chunk.code, marker), `${chunk.fileName} (initial for ${entry}) has the ${screen} screen`);
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
        loaded.some((chunk) => hasMessage(chunk.code, marker)),
        `the ${screen} screen comes with ${screens.fileName}`,
      );
    }
  });
}

for (const entry of ['flexiti-apply.js', 'flexiti-checkout.js']) {
  test(`${entry} defines <flexiti-terms> from a dynamic import, not before the first render`, async () => {
    const chunks = await cdnChunks();
    const initial = staticGraph(chunks, entry);
    for (const chunk of initial) {
      assert.ok(!chunk.code.includes(TERMS), `${chunk.fileName} (initial for ${entry}) has the terms element`);
    }
    const terms = initial
      .flatMap((chunk) => chunk.dynamicImports)
      .find((fileName) => staticGraph(chunks, fileName).some((chunk) => chunk.code.includes(TERMS)));
    assert.equal(terms, 'flexiti-terms.js', `${entry} loads the terms element's own entry on demand`);
  });
}

test('flexiti-terms.js still renders the terms element from its initial files', async () => {
  const chunks = await cdnChunks();
  assert.ok(staticGraph(chunks, 'flexiti-terms.js').some((chunk) => chunk.code.includes(TERMS)));
});

for (const entry of ['flexiti-apply.js', 'flexiti-checkout.js']) {
  test(`${entry} loads the licence camera's button and flow on demand, not before the first render`, async () => {
    const chunks = await cdnChunks();
    const initial = staticGraph(chunks, entry);
    for (const chunk of initial) {
      for (const marker of CAMERA) {
        assert.ok(!hasMessage(chunk.code, marker), `${chunk.fileName} (initial for ${entry}) has ${marker}`);
      }
    }
    const camera = initial
      .flatMap((chunk) => chunk.dynamicImports)
      .find((fileName) => fileName.startsWith('chunks/licence-camera'));
    assert.ok(camera, `${entry} loads chunks/licence-camera-*.js on demand`);
    for (const marker of CAMERA) assert.ok(hasMessage(chunks.get(camera)!.code, marker), `${camera} has ${marker}`);
  });
}
