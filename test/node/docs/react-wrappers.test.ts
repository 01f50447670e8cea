/** `flexiti-elements/react` is generated from custom-elements.json: every element, every event, named as React expects. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { elements } from '../../../scripts/jsx-types.mjs';
import { reactEventProp, reactModule } from '../../../scripts/make-react.mjs';

describe('React wrappers from the manifest', () => {
  it('names event props as the hand-written wrappers did', () => {
    assert.equal(reactEventProp('flexiti-apply-request'), 'onFlexitiApplyRequest');
    assert.equal(reactEventProp('change'), 'onChange');
    assert.equal(reactEventProp('flexiti-error'), 'onFlexitiError');
  });

  it('wraps every element of the manifest with every event it lists', () => {
    const module = reactModule(elements());
    for (const element of elements()) {
      assert.match(module, new RegExp(`export const ${element.className} = createComponent\\(`));
      assert.ok(module.includes(`tagName: '${element.tag}'`));
      for (const event of element.events) {
        assert.ok(
          module.includes(`${reactEventProp(event.name)}: '${event.name}' as EventName<`),
          `${element.tag} ${event.name}`,
        );
      }
    }
  });

  it('src/generated/react.ts is what the manifest gives today (npm run typecheck regenerates it)', () => {
    const written = readFileSync(new URL('../../../src/generated/react.ts', import.meta.url), 'utf8');
    assert.equal(written, reactModule(elements()));
  });
});
