// custom-elements.json and README's API reference are generated; these fail when either is stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { API_END, API_START, readSection, renderApiReference, elementsOf } from '../../../scripts/api-docs.mjs';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

type Manifest = Parameters<typeof renderApiReference>[0];

/** Runs the analyzer with the repo's config without writing anything. */
async function analyze(): Promise<Manifest> {
  // A variable specifier: the analyzer ships no types for its CLI module.
  const specifier = '@custom-elements-manifest/analyzer/cli.js';
  const { cli } = (await import(specifier)) as {
    cli(options: { argv: string[]; cwd: string; noWrite: boolean }): Promise<Manifest>;
  };
  return cli({ argv: ['analyze', '--quiet'], cwd: process.cwd(), noWrite: true });
}

test('custom-elements.json is what `npm run analyze` writes', async () => {
  const committed = read('custom-elements.json');
  const fresh = `${JSON.stringify(await analyze(), null, 2)}\n`;
  assert.ok(
    committed === fresh,
    'custom-elements.json is stale: run `npm run analyze && node scripts/api-docs.mjs` and commit both',
  );
});

test('the manifest documents every element defined in src/define, with events, parts, tokens and states', () => {
  const manifest = JSON.parse(read('custom-elements.json')) as Manifest;
  const tags = elementsOf(manifest).map((element) => element.tagName);
  assert.deepEqual(tags, [
    'flexiti-apply',
    'flexiti-checkout',
    'flexiti-lookup',
    'flexiti-plan-picker',
    'flexiti-promo',
    'flexiti-terms',
    'flexiti-verify',
  ]);
  for (const element of elementsOf(manifest)) {
    const events = element.events ?? [];
    assert.ok(events.length > 0, `${element.tagName}: no events`);
    for (const event of events) {
      assert.ok(event.name, `${element.tagName}: an unnamed event`);
      assert.ok(event.description, `${element.tagName}: ${event.name} has no description`);
      assert.ok(event.type?.text, `${element.tagName}: ${event.name} has no type`);
    }
    assert.equal(
      new Set(events.map((event) => event.name)).size,
      events.length,
      `${element.tagName}: duplicate events`,
    );
    assert.ok(events.some((event) => event.name === 'flexiti-error' && event.type?.text === 'FlexitiErrorEvent'));
    assert.ok((element.cssParts ?? []).length > 0, `${element.tagName}: no CSS parts`);
    const tokens = (element.cssProperties ?? []).map((prop) => prop.name);
    for (const shared of [
      '--flexiti-color-primary',
      '--flexiti-color-text',
      '--flexiti-color-surface',
      '--flexiti-radius',
      '--flexiti-spacing',
      '--flexiti-font-family',
    ]) {
      assert.ok(tokens.includes(shared), `${element.tagName}: ${shared} missing`);
    }
    for (const member of element.members ?? []) {
      assert.notEqual(member.privacy, 'private', `${element.tagName}: private member ${member.name} documented`);
      assert.ok(member.description, `${element.tagName}: public member ${member.name} has no JSDoc`);
    }
  }
});

test("README's API reference is generated from custom-elements.json", () => {
  const readme = read('README.md');
  assert.ok(readme.includes(API_START) && readme.includes(API_END), `README.md needs ${API_START} … ${API_END}`);
  const manifest = JSON.parse(read('custom-elements.json')) as Manifest;
  assert.equal(
    readSection(readme),
    renderApiReference(manifest),
    'stale: run `node scripts/api-docs.mjs` and commit README.md',
  );
});
