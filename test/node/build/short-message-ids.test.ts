// The build's message-id shortener (scripts/vite-short-message-ids.mjs): the same short id in the calls and in
// the French module, and a build that fails rather than lose a translation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { messageIdsOf, shortIdsFor, shortMessageIds } from '../../../scripts/vite-short-message-ids.mjs';
import { buildFixture } from '../helpers/build-output.js';

const FRENCH = [
  "import {str} from '@lit/localize';",
  'export const templates = {',
  "'apply.title': `Demande de crédit`,",
  "'apply.greeting': str`Bonjour ${0}`,",
  '};',
].join('\n');

/** Builds `entry` (TypeScript) beside the French module above; the bundle's code. */
const built = (entry: string) =>
  buildFixture(
    { 'src/generated/locales/fr-CA.ts': FRENCH, 'src/entry.ts': entry },
    (root) => [shortMessageIds({ locale: join(root, 'src/generated/locales/fr-CA.ts') })],
    ['@lit/localize'],
  );

test('the French module gives the ids, in its order, each its index in base 36', () => {
  const ids = messageIdsOf(FRENCH);
  assert.deepEqual(ids, ['apply.title', 'apply.greeting']);
  assert.deepEqual([...shortIdsFor(ids)], [
    ['apply.title', '0'],
    ['apply.greeting', '1'],
  ]);
});

test('a msg() call and the French key get the same short id; an id with no translation stays', async () => {
  const code = await built(
    [
      "import { msg, str } from '@lit/localize';",
      "export { templates } from './generated/locales/fr-CA.js';",
      "export const title = () => msg('Credit application', { id: 'apply.title' });",
      "export const greeting = (name: string) => msg(str`Hello ${name}`, { id: 'apply.greeting' });",
      "export const untranslated = () => msg('New', { id: 'apply.new_text' });",
    ].join('\n'),
  );
  assert.match(code, /msg\("Credit application", \{ id: "0" \}\)/);
  assert.match(code, /msg\(str`Hello \$\{name\}`, \{ id: "1" \}\)/);
  assert.match(code, /"0": `Demande de crédit`/);
  assert.match(code, /"1": str`Bonjour \$\{0\}`/);
  assert.match(code, /id: "apply\.new_text"/);
  assert.doesNotMatch(code, /apply\.title|apply\.greeting/);
});

test('an id the shortener cannot see (options in a variable) fails the build, naming it', async () => {
  await assert.rejects(
    built(
      [
        "import { msg } from '@lit/localize';",
        "export { templates } from './generated/locales/fr-CA.js';",
        "const options = { id: 'apply.title' };",
        "export const title = () => msg('Credit application', options);",
      ].join('\n'),
    ),
    /still holds message ids apply\.title/,
  );
});

test('a message id written elsewhere as data fails the build too (it would no longer match)', async () => {
  await assert.rejects(
    built(
      [
        "import { msg } from '@lit/localize';",
        "export { templates } from './generated/locales/fr-CA.js';",
        "export const title = () => msg('Credit application', { id: 'apply.title' });",
        "export const keys = ['apply.greeting'];",
      ].join('\n'),
    ),
    /still holds message ids apply\.greeting/,
  );
});
