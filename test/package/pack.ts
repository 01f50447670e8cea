// What the package tests share: the repository's root, a logged command runner, npm's quiet install flags, and
// `npm pack` of the built tree.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname ?? '.', '../..');

/** A tool's file under this repository's node_modules (not every tool exports its package.json). */
export const bin = (name: string, path: string) => join(root, 'node_modules', name, path);

/** Runs a command to its end, logs how long it took, and returns its status and output together. */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { encoding: 'utf8', cwd: root, ...options });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  console.log(
    `# ${[command.split('/').pop(), ...args].join(' ').slice(0, 160)}: ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { status: result.status, output };
}

export const npmQuiet = ['--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'];

/** `npm pack` of the built tree into `destination`: the tarball's path and the files it holds. */
export function pack(destination: string): { tarball: string; files: string[] } {
  assert.ok(
    existsSync(join(root, 'dist/index.js')) && existsSync(join(root, 'dist/types/jsx/react.d.ts')),
    'run `npm run build` first',
  );
  const packed = run('npm', ['pack', '--json', '--pack-destination', destination, '--loglevel=error']);
  assert.equal(packed.status, 0, packed.output);
  const [info] = JSON.parse(packed.output.slice(packed.output.indexOf('['))) as [
    { filename: string; size: number; unpackedSize: number; files: { path: string }[] },
  ];
  console.log(`# ${info.filename}: ${info.size} B packed, ${info.unpackedSize} B unpacked, ${info.files.length} files`);
  return { tarball: join(destination, info.filename), files: info.files.map((file) => file.path) };
}
