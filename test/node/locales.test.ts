import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The translator's file: every customer-visible string (the elements' msg() calls, validation and API-error texts)
// must have a French target, and every French target follows Quebec typography and the project's terms.
const xliff = readFileSync(new URL('../../xliff/fr-CA.xlf', import.meta.url), 'utf8');
const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => ({
  id: id!,
  source: /<source>([\s\S]*?)<\/source>/.exec(body!)?.[1] ?? '',
  target: /<target>([\s\S]*?)<\/target>/.exec(body!)?.[1],
}));

/** Every `msg(…, { id: '…' })` id written in the source (the ids are explicit, so a plain scan finds them). */
function idsInSource(dir = new URL('../../src/', import.meta.url).pathname): string[] {
  const ids: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'generated' || name.includes('.test.')) continue;
    if (statSync(path).isDirectory()) ids.push(...idsInSource(path));
    else if (name.endsWith('.ts')) {
      const code = readFileSync(path, 'utf8');
      if (!/\bmsg\(/.test(code)) continue;
      ids.push(...[...code.matchAll(/\{\s*id:\s*'([^']+)'\s*\}/g)].map((match) => match[1]!));
    }
  }
  return ids;
}

/** The words of a target, without its placeholders (`<x id="0" equiv-text="${…}"/>`). */
const words = (target: string) => target.replace(/<x [^>]*\/>/g, '⟨x⟩');
const placeholders = (text: string) => [...text.matchAll(/<x id="(\d+)"/g)].map((match) => match[1]).sort();
const SPACE = '[\\u00a0\\u202f]';

describe('the French XLIFF', () => {
  test('has translation units', () => {
    assert.ok(units.length > 300, `${units.length} units`);
  });

  test('every unit has a non-empty French target with the same placeholders', () => {
    const missing = units.filter((unit) => !unit.target?.trim()).map((unit) => unit.id);
    assert.deepEqual(missing, [], `units without a French target: ${missing.join(', ')}`);
    const mismatched = units
      .filter((unit) => placeholders(unit.source).join() !== placeholders(unit.target ?? '').join())
      .map((unit) => unit.id);
    assert.deepEqual(mismatched, [], 'placeholders differ between source and target');
  });

  test('every msg() id in the source is in it (run `npm run localize` after adding a string)', () => {
    const known = new Set(units.map((unit) => unit.id));
    const ids = idsInSource();
    assert.ok(ids.length > 300, `${ids.length} ids found`);
    assert.deepEqual([...new Set(ids.filter((id) => !known.has(id)))], []);
  });
});

describe('French typography and terms (Quebec usage, OQLF)', () => {
  const offences = (rule: (text: string, id: string) => boolean) =>
    units.filter((unit) => unit.target !== undefined && rule(words(unit.target), unit.id)).map((unit) => unit.id);

  test('a non-breaking space before every colon', () => {
    assert.deepEqual(
      offences((text) => new RegExp(`(^|[^\\u00a0\\u202f]):(?!//)`).test(text)),
      [],
    );
  });

  test('no space before ; ! ?', () => {
    assert.deepEqual(
      offences((text) => /\s[;!?]/.test(text)),
      [],
    );
  });

  test('non-breaking spaces in numbers: thousands, before $ and %, inside phone and card numbers', () => {
    assert.deepEqual(
      offences((text) => /\d \d/.test(text) || /\d (\$|%)/.test(text)),
      [],
    );
  });

  test('non-breaking spaces inside « guillemets »', () => {
    assert.deepEqual(
      offences((text) => new RegExp(`«(?!${SPACE})|(?<!${SPACE})»`).test(text)),
      [],
    );
  });

  test('one kind of apostrophe', () => {
    assert.deepEqual(
      offences((text) => text.includes('\u2019')),
      [],
    );
  });

  test('one word for the terms, the store and the credit bureaus; no calques the review found', () => {
    const banned =
      /modalités|bureau de crédit|\bmarchand|commerçant|Chez de la famille|correspond pas à nos dossiers|Utiliser le scan|intérêt régulier|c'est demander du crédit/i;
    assert.deepEqual(
      offences((text) => banned.test(text)),
      [],
    );
  });

  test('employment situations are epicene', () => {
    assert.deepEqual(
      offences(
        (text, id) => id.startsWith('apply.occupation.') && /^(Employé|Travailleur|Retraité|Étudiant)/.test(text),
      ),
      [],
    );
  });

  test('the checks can fail', () => {
    const colon = new RegExp(`(^|[^\\u00a0\\u202f]):(?!//)`);
    assert.ok(colon.test('Titre de civilité: requis') && colon.test('Titre de civilité : requis'));
    assert.ok(!colon.test('Titre de civilité\u00a0: requis') && !colon.test('https://my.flexiti.com'));
    assert.ok(/\d \d/.test('1 500') && !/\d \d/.test('1\u00a0500'));
    assert.ok(/\s[;!?]/.test('Merci !') && !/\s[;!?]/.test('Merci!'));
  });
});
