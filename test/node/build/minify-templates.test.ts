// The build's template minifier (scripts/vite-minify-templates.mjs): what it removes, and what it must keep.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { minifyCssText, minifyHtmlText, minifyTemplates } from '../../../scripts/vite-minify-templates.mjs';

const html = (text: string) => minifyHtmlText(text, { inTag: false });

describe('html templates', () => {
  test('indentation and line breaks become one space; a run without a line break is kept', () => {
    assert.equal(html('\n    <p>\n      Hello  <b>you</b>\n    </p>\n'), ' <p> Hello  <b>you</b> </p> ');
  });

  test("inside a tag: attributes one space apart, nothing before the tag's > or />", () => {
    assert.equal(html('<input\n  id="a"\n  name="b"\n/>'), '<input id="a" name="b"/>');
    assert.equal(html('<textarea\n  rows="4"\n></textarea>'), '<textarea rows="4"></textarea>');
  });

  test('attribute values are copied as they are, line breaks and double spaces included', () => {
    assert.equal(html('<p title="a\n   b  c"\n>x</p>'), '<p title="a\n   b  c">x</p>');
  });

  test('an attribute value split by a binding stays open across the quasi', () => {
    const state: { inTag: boolean; quote?: string } = { inTag: false };
    assert.equal(minifyHtmlText('<p class="a\n  ', state), '<p class="a\n  ');
    assert.equal(state.quote, '"');
  });
});

describe('css templates', () => {
  test('comments, indentation and spaces around punctuation go', () => {
    assert.equal(minifyCssText('\n  :host {\n    display: block; /* why */\n  }\n'), ' :host{display:block;}');
  });

  test('calc() keeps the spaces around its operators', () => {
    assert.equal(minifyCssText('width: calc(100% - 2 * var(--x));'), 'width:calc(100% - 2 * var(--x));');
  });

  test('quoted strings are kept as they are', () => {
    assert.equal(minifyCssText('font-family: "A  B", serif;'), 'font-family:"A  B",serif;');
  });

  test('a descendant pseudo-class keeps its space', () => {
    assert.equal(minifyCssText('a :is(.b) { color: red }'), 'a :is(.b){color:red}');
  });
});

test('in a build: the template text shrinks, bindings and their neighbouring text stay apart', async () => {
  const source = [
    "import { html, css } from 'lit';",
    'export const styles = css`\n  :host {\n    display: block;\n  }\n`;',
    'export const view = (a: string, b: string) => html`\n  <p\n    class="x"\n  >\n    ${a} ${b}\n  </p>\n`;',
  ].join('\n');
  const root = mkdtempSync(join(tmpdir(), 'flexiti-minify-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/entry.ts'), source);
  const output = (await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [minifyTemplates()],
    build: {
      write: false,
      minify: false,
      lib: { entry: 'src/entry.ts', formats: ['es'], fileName: 'entry' },
      rolldownOptions: { external: ['lit'] },
    },
  }).finally(() => rmSync(root, { recursive: true, force: true }))) as { output: { code: string }[] }[];
  const code = output[0]!.output[0]!.code;
  assert.match(code, /css`\s?:host\{display:block;\}`/);
  assert.match(code, /html` <p class="x"> \$\{a\} \$\{b\} <\/p> `/);
});
