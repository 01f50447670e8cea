import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// Every UI string extracted by lit-localize must have its French translation (French is part of done).
const xliff = readFileSync(new URL('../../xliff/fr-CA.xlf', import.meta.url), 'utf8');
const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];

test('the French XLIFF has translation units', () => {
  assert.ok(units.length > 0);
});

test('every UI string has a French target', () => {
  const missing = units.filter(([, , body]) => !/<target>[\s\S]*?\S[\s\S]*?<\/target>/.test(body)).map(([, id]) => id);
  assert.deepEqual(missing, [], `units without a French target: ${missing.join(', ')}`);
});
