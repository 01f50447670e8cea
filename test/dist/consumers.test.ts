/**
 * The typed consumers (test/consumers/*): small projects importing the package by name, compiled by `tsc -p`
 * against the built types. In the repository the package resolves itself by name (package.json `exports`), so
 * this checks dist/ as `npm run build` left it; CI also compiles them against the packed tarball
 * (scripts/check-package.mjs). Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';

const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
const consumers = readdirSync('test/consumers', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

describe('typed consumers compiled against the built types', () => {
  it('finds the consumers and the built types', () => {
    assert.ok(existsSync('dist/types/index.d.ts') && existsSync('dist/types/jsx/react.d.ts'), 'run `npm run build` first');
    assert.deepEqual(consumers.sort(), ['bundler', 'define', 'nodenext', 'preact', 'react', 'svelte', 'vue']);
  });

  for (const name of consumers) {
    it(`test/consumers/${name} compiles with no error`, () => {
      const result = spawnSync(process.execPath, [tsc, '-p', `test/consumers/${name}`], { encoding: 'utf8' });
      assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    });
  }
});
