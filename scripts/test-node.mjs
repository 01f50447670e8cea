// Runs the Node test files (test/node/**, test/e2e/**, src/**/*.node.test.ts) with tsx and node:test.
// Node 20's test runner does not expand globs itself, so the files are found here (a root may also be one file).
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['test/node', 'src'];
const isTest = (path) => (path.startsWith('src') ? path.endsWith('.node.test.ts') : path.endsWith('.test.ts'));

function* walk(dir) {
  if (!statSync(dir).isDirectory()) return yield dir;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'generated') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (isTest(path)) yield path;
  }
}

const files = roots
  .filter(existsSync)
  .flatMap((root) => [...walk(root)])
  .sort();
if (files.length === 0) {
  console.error(`No test files under ${roots.join(', ')}`);
  process.exit(1);
}
const result = spawnSync('npx', ['tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
