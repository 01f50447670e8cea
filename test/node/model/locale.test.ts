import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiLang, langSchema, normalizeLocale } from '../../../src/model/index.js';
import * as z from 'zod/mini';

// The tags today's nine normalizers disagreed on (issue 16), each with the one answer the package gives now.
const CASES: [unknown, 'en-CA' | 'fr-CA'][] = [
  ['fra', 'fr-CA'],
  ['french', 'fr-CA'],
  ['FR', 'fr-CA'],
  ['fr-FR', 'fr-CA'],
  [' fr_ca ', 'fr-CA'],
  ['en', 'en-CA'],
  ['', 'en-CA'],
  [undefined, 'en-CA'],
  [null, 'en-CA'],
  ['de-CH', 'en-CA'],
  ['EN_CA', 'en-CA'],
];

describe('one language rule', () => {
  for (const [tag, locale] of CASES) {
    test(`${JSON.stringify(tag)} → ${locale}`, () => {
      assert.equal(normalizeLocale(tag), locale);
      assert.equal(apiLang(tag), locale === 'fr-CA' ? 'fr' : 'en');
    });
  }

  test('the API lang schema reads tags by the same rule', () => {
    for (const [tag, locale] of CASES) {
      if (typeof tag !== 'string') continue;
      assert.equal(z.parse(langSchema, tag), locale === 'fr-CA' ? 'fr' : 'en', JSON.stringify(tag));
    }
  });
});
