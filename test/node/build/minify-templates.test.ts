// The build's template minifier (scripts/vite-minify-templates.mjs): what it removes, and what it must keep.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCssText, minifyHtmlText, minifyTemplates } from '../../../scripts/vite-minify-templates.mjs';
import { buildFixture } from '../helpers/build-output.js';

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
  const code = await buildFixture({ 'src/entry.ts': source }, () => [minifyTemplates()], ['lit']);
  assert.match(code, /css`\s?:host\{display:block;\}`/);
  assert.match(code, /html` <p class="x"> \$\{a\} \$\{b\} <\/p> `/);
});
