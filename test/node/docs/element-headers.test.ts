// Each element's class comment is short (what it is, in 2–5 lines) and carries @summary and @since; the longer
// story is in docs/elements.md. Checkout lists the elements it renders as @dependency.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const ELEMENTS = ['apply', 'checkout', 'lookup', 'plan-picker', 'promo', 'terms', 'verify'];
const read = (name: string) =>
  readFileSync(new URL(`../../../src/components/${name}/${name}.ts`, import.meta.url), 'utf8');

/** The JSDoc right above `export class`, its lines without the leading ` * `. */
function classComment(source: string): string[] {
  const match = /\/\*\*\n((?: \*.*\n)+) \*\/\nexport class /.exec(source);
  assert.ok(match, 'no class comment');
  return match[1]!.split('\n').map((line) => line.replace(/^ \* ?/, ''));
}

for (const name of ELEMENTS) {
  test(`<flexiti-${name}>: a short class comment with @summary and @since`, () => {
    const lines = classComment(read(name));
    const narrative = lines.slice(
      0,
      lines.findIndex((line) => line.startsWith('@')),
    );
    const text = narrative.filter((line) => line.trim() !== '');
    assert.ok(
      text.length >= 1 && text.length <= 5,
      `${text.length} lines of narrative: move the rest to docs/elements.md`,
    );
    assert.ok(lines.some((line) => line.startsWith('@summary ')));
    assert.ok(lines.some((line) => /^@since \d+\.\d+\.\d+$/.test(line)));
  });
}

test('<flexiti-checkout> names the elements it renders as @dependency', () => {
  const dependencies = classComment(read('checkout'))
    .filter((line) => line.startsWith('@dependency '))
    .map((line) => line.slice('@dependency '.length));
  assert.deepEqual(dependencies, ['flexiti-apply', 'flexiti-lookup', 'flexiti-plan-picker', 'flexiti-verify']);
});
