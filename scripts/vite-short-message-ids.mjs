// A Vite plugin for the CDN builds: every message id becomes a short one, the same in the `msg()` calls
// (`msg('First name', { id: 'apply.first_name.label' })` → `{ id: '2d' }`) and in the generated locale modules'
// `templates` keys. The ids are read at run time only to find a message's translation, so nothing else changes;
// the long ids (about 10 kB of French keys and as much in the calls) cost every page bytes for nothing (measured:
// −1.6 kB gzip on the French file, −2.4 kB on everything). Short ids are the index of the long one in the French
// module, so every build agrees. Works on the parsed AST after TypeScript; a long id left in a built file (a
// `msg()` whose options are not written in the call) fails the build rather than lose a translation.

import { readFileSync } from 'node:fs';
import MagicString from 'magic-string';

/** A message id as we write them: lowercase words joined by dots (`apply.first_name.label`, `plan-picker.legend`, `apply.housing.Own`). */
const MESSAGE_ID = /^[a-z][a-z0-9_-]*(\.[A-Za-z0-9_-]+)+$/;

/** The message ids of a generated locale module, in its order (`'apply.title': …` lines of `templates`). */
export function messageIdsOf(localeSource) {
  return [...localeSource.matchAll(/^\s*'([^']+)':/gm)].map((match) => match[1]).filter((id) => MESSAGE_ID.test(id));
}

/** Each long id's short one: its index in base 36. */
export function shortIdsFor(ids) {
  return new Map(ids.map((id, index) => [id, index.toString(36)]));
}

function* nodesOf(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(value)) for (const child of value) yield* nodesOf(child);
    else if (value && typeof value === 'object') yield* nodesOf(value);
  }
}

const stringValue = (node) => (node?.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined);
const keyName = (property) => property.key?.name ?? stringValue(property.key);

/** The string literals to shorten: `msg()` options' `id`, and the `templates` keys of a locale module. */
function* idLiterals(ast, isLocaleModule) {
  for (const node of nodesOf(ast)) {
    if (node.type === 'CallExpression' && node.callee?.type === 'Identifier' && node.callee.name === 'msg') {
      const options = node.arguments[1];
      if (options?.type !== 'ObjectExpression') continue;
      for (const property of options.properties)
        if (property.type === 'Property' && keyName(property) === 'id') yield property.value;
    }
    if (isLocaleModule && node.type === 'VariableDeclarator' && node.id?.name === 'templates') {
      if (node.init?.type !== 'ObjectExpression') continue;
      for (const property of node.init.properties) if (property.type === 'Property') yield property.key;
    }
  }
}

/** One module's JavaScript with its message ids shortened; undefined when it has none. */
export function shortenMessageIdsIn(code, ast, id, shortOf) {
  const isLocaleModule = /\/src\/generated\/locales\/[^/]+\.ts$/.test(id.replace(/\\/g, '/'));
  const out = new MagicString(code);
  let changed = false;
  for (const literal of idLiterals(ast, isLocaleModule)) {
    const short = shortOf.get(stringValue(literal));
    if (short === undefined) continue;
    out.overwrite(literal.start, literal.end, JSON.stringify(short));
    changed = true;
  }
  return changed ? { code: out.toString(), map: out.generateMap({ hires: 'boundary', source: id }) } : undefined;
}

/** The long ids a built file still holds (quoted as a whole string). */
export function longIdsIn(code, shortOf) {
  return [...code.matchAll(/["'`]([a-z][a-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+)["'`]/g)]
    .map((match) => match[1])
    .filter((id) => shortOf.has(id));
}

/** The plugin: our sources (src/**), after TypeScript; ids from `locale` (the French module). */
export function shortMessageIds({ locale = 'src/generated/locales/fr-CA.ts' } = {}) {
  let shortOf = new Map();
  return {
    name: 'flexiti:short-message-ids',
    enforce: 'post',
    buildStart() {
      shortOf = shortIdsFor(messageIdsOf(readFileSync(locale, 'utf8')));
    },
    transform(code, id) {
      if (!/\/src\/.*\.[jt]s(\?|$)/.test(id.replace(/\\/g, '/'))) return null;
      return shortenMessageIdsIn(code, this.parse(code), id, shortOf) ?? null;
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const left = longIdsIn(file.code, shortOf);
        if (left.length > 0)
          this.error(`${file.fileName} still holds message ids ${left.join(', ')}: write them in msg()`);
      }
    },
  };
}
