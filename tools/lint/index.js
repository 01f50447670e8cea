// ESLint's plugins for this repository, in a package of their own so they get TypeScript 5.9: typescript-eslint
// needs the TypeScript JS API, and the repository compiles with TypeScript 7, which has none. Hoisted helpers
// (ts-api-utils) would otherwise find the root's TypeScript 7, so inside the ESLint process every `typescript`
// require resolves to this package's copy. Nothing else runs in that process.
import Module, { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const typescript = require.resolve('typescript');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === 'typescript' ? typescript : request, ...rest);
};

export const { default: js } = await import('@eslint/js');
export const { default: tseslint } = await import('typescript-eslint');
export const { default: lit } = await import('eslint-plugin-lit');
export const { default: litA11y } = await import('eslint-plugin-lit-a11y');
export const { default: wc } = await import('eslint-plugin-wc');
export const { default: prettier } = await import('eslint-config-prettier');
export const { default: globals } = await import('globals');
