// A Vite plugin that minifies the static text of Lit's `html` and `css` template literals in our own sources:
// the JavaScript minifier leaves template text as written, indentation included. Only changes that cannot
// change what the browser renders or what a binding receives:
// - html: a run of whitespace that holds a line break becomes one space (the browser collapses it to one space
//   anyway, and the text node stays), inside a tag too; whitespace before a tag's `>` or `/>` goes.
// - css: comments go; whitespace runs become one space; spaces around `{ } ; , >` and after `:` go. Quoted
//   strings are left alone, and so are `+ - * /` (calc() needs their spaces).
// Expressions (`${…}`) are never touched, and a quasi keeps its edges' whitespace as one space, so text on
// either side of a binding stays apart. Runs after TypeScript is stripped, on the parsed AST (no regex over code).

import MagicString from 'magic-string';

const TAGS = new Set(['html', 'css', 'svg']);

/** @param {string} text @param {{ inTag: boolean }} state */
export function minifyHtmlText(text, state) {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (/\s/.test(char)) {
      let end = index;
      while (end < text.length && /\s/.test(text[end])) end++;
      const run = text.slice(index, end);
      const next = text[end];
      if (state.inTag && (next === '>' || (next === '/' && text[end + 1] === '>'))) out += '';
      else out += run.includes('\n') ? ' ' : run;
      index = end - 1;
      continue;
    }
    if (!state.inTag && char === '<' && /[A-Za-z/]/.test(text[index + 1] ?? '')) state.inTag = true;
    else if (state.inTag && (char === '"' || char === "'")) {
      // An attribute value: copied as is up to its closing quote (a binding inside it leaves the quote open).
      const close = text.indexOf(char, index + 1);
      if (close === -1) {
        state.quote = char;
        out += text.slice(index);
        break;
      }
      out += text.slice(index, close + 1);
      index = close;
      continue;
    } else if (state.inTag && char === '>') state.inTag = false;
    out += char;
  }
  return out;
}

/** @param {string} text */
export function minifyCssText(text) {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"' || char === "'") {
      const close = text.indexOf(char, index + 1);
      const end = close === -1 ? text.length : close + 1;
      out += text.slice(index, end);
      index = end - 1;
    } else if (char === '/' && text[index + 1] === '*') {
      const close = text.indexOf('*/', index + 2);
      index = close === -1 ? text.length : close + 1;
    } else if (/\s/.test(char)) {
      let end = index;
      while (end < text.length && /\s/.test(text[end])) end++;
      const previous = out[out.length - 1];
      const next = text[end];
      const tight = (c) => c !== undefined && '{};,>'.includes(c);
      if (!(tight(previous) || tight(next) || previous === ':')) out += ' ';
      index = end - 1;
    } else {
      out += char;
    }
  }
  return out;
}

/** Every `html`/`css`/`svg` tagged template in an ESTree AST. */
function* taggedTemplates(node) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) yield* taggedTemplates(child);
    return;
  }
  if (node.type === 'TaggedTemplateExpression' && node.tag?.type === 'Identifier' && TAGS.has(node.tag.name)) {
    yield node;
  }
  for (const key in node) {
    if (key !== 'type' && key !== 'start' && key !== 'end') yield* taggedTemplates(node[key]);
  }
}

/**
 * Minifies the templates in one module's JavaScript; returns undefined when nothing changed. The edits go through
 * magic-string, so the source map still points every byte at its module (the bench splits the bundle by it).
 */
export function minifyTemplatesIn(code, ast, id) {
  const edits = [];
  for (const node of taggedTemplates(ast)) {
    const kind = node.tag.name === 'css' ? 'css' : 'html';
    const state = { inTag: false };
    for (const quasi of node.quasi.quasis) {
      const raw = code.slice(quasi.start, quasi.end);
      // Positions must point at the raw text (without the backticks or `${`/`}`); skip anything else.
      if (raw !== quasi.value.raw) return undefined;
      if (kind === 'html' && state.quote) {
        // Still inside an attribute value whose binding split it: copy up to its closing quote.
        const close = raw.indexOf(state.quote);
        if (close === -1) continue;
        state.quote = undefined;
        const rest = minifyHtmlText(raw.slice(close + 1), state);
        edits.push([quasi.start + close + 1, quasi.end, rest]);
        continue;
      }
      const text = kind === 'css' ? minifyCssText(raw) : minifyHtmlText(raw, state);
      if (text !== raw) edits.push([quasi.start, quasi.end, text]);
    }
  }
  if (edits.length === 0) return undefined;
  const out = new MagicString(code);
  for (const [start, end, text] of edits) {
    if (start === end) continue;
    if (text) out.overwrite(start, end, text);
    else out.remove(start, end);
  }
  return { code: out.toString(), map: out.generateMap({ hires: 'boundary', source: id }) };
}

/** The plugin: our sources only (src/**), after TypeScript. */
export function minifyTemplates() {
  return {
    name: 'flexiti:minify-templates',
    enforce: 'post',
    transform(code, id) {
      if (!/\/src\/.*\.[jt]s(\?|$)/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      return minifyTemplatesIn(code, this.parse(code), id) ?? null;
    },
  };
}
