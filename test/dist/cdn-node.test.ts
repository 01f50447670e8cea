/**
 * `flexiti-elements/cdn` imported during server-side rendering (Node, Next.js's server build): under the `node`
 * condition it resolves to dist/cdn.js, the npm build of the same API on Lit's SSR-safe build, instead of the
 * browser-only script-tag file, which would crash on `HTMLElement`. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

// Specifiers in variables: the package's own types are checked by test/consumers, and `npm run typecheck` runs
// before anything is built.
const entry: string = 'flexiti-elements/cdn';
const autoloadEntry: string = 'flexiti-elements/autoload';
const scriptTagFile: string = '../../dist/cdn/flexiti-elements.js';

describe('flexiti-elements/cdn in Node', () => {
  it('imports without a DOM and exposes the same API as the script-tag file', async () => {
    const cdn = (await import(entry)) as Record<string, unknown>;
    assert.equal(typeof cdn.connect, 'function');
    assert.equal(typeof cdn.loadFormValues, 'function');
    assert.equal(typeof cdn.FlexitiApply, 'function');
    assert.match(String(cdn.VERSION), /^\d+\.\d+\.\d+/);
  });

  it('flexiti-elements/autoload imports without a DOM too, with its small API', async () => {
    const autoload = (await import(autoloadEntry)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(autoload).sort(), ['VERSION', 'connect', 'discover', 'loadFormValues', 'setLocale']);
  });

  it('the script-tag file itself is not what Node gets (it needs a browser)', async () => {
    await assert.rejects(import(scriptTagFile), /HTMLElement is not defined|customElements is not defined/);
  });
});
