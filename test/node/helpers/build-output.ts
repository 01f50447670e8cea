import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rollup } from 'vite';
import { messageIdsOf, shortIdsFor } from '../../../scripts/vite-short-message-ids.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));

let shortIds: Map<string, string> | undefined;

/**
 * Whether built `code` renders the message `id` (one with a French translation): the CDN builds write it in the
 * `msg()` call's options by its short id (scripts/vite-short-message-ids.mjs).
 */
export function hasMessage(code: string, id: string): boolean {
  const ids = (shortIds ??= shortIdsFor(messageIdsOf(readFileSync(`${root}src/generated/locales/fr-CA.ts`, 'utf8'))));
  const short = ids.get(id);
  assert.ok(short !== undefined, `${id} is a message id with a French translation`);
  return new RegExp(`\\bid:(["'\`])${short}\\1`).test(code);
}

/** What `vite build -c <configFile>` writes, built in memory: the files, the chunks among them by file name. */
export async function buildOutput(configFile: string): Promise<(Rollup.OutputChunk | Rollup.OutputAsset)[]> {
  const output = (await build({
    root,
    configFile: `${root}${configFile}`,
    logLevel: 'silent',
    build: { write: false },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  return (Array.isArray(output) ? output : [output]).flatMap((result) => result.output);
}

/** The chunks of {@link buildOutput}, by file name. */
export async function buildChunks(configFile: string): Promise<Map<string, Rollup.OutputChunk>> {
  const chunks = (await buildOutput(configFile)).filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
  return new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
}

/** The files a page downloads before `entry` runs: the entry and what it imports statically, transitively. */
export function staticGraph(chunks: Map<string, Rollup.OutputChunk>, entry: string): Rollup.OutputChunk[] {
  const seen = new Map<string, Rollup.OutputChunk>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    const chunk = chunks.get(fileName);
    assert.ok(chunk, `${fileName} was built`);
    seen.set(fileName, chunk);
    chunk.imports.forEach(visit);
  };
  visit(entry);
  return [...seen.values()];
}

/**
 * Builds a small project in memory, unminified: `files` (paths from its root; `src/entry.ts` is the entry) in a
 * temporary folder, through `plugins` (given the root), with `external` packages left as imports. The chunks' code.
 */
export async function buildFixture(
  files: Record<string, string>,
  plugins: (root: string) => Plugin[],
  external: string[],
): Promise<string> {
  const fixtureRoot = mkdtempSync(join(tmpdir(), 'flexiti-build-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(fixtureRoot, path)), { recursive: true });
    writeFileSync(join(fixtureRoot, path), text);
  }
  const output = (await build({
    root: fixtureRoot,
    configFile: false,
    logLevel: 'silent',
    plugins: plugins(fixtureRoot),
    build: {
      write: false,
      minify: false,
      lib: { entry: 'src/entry.ts', formats: ['es'], fileName: 'entry' },
      rolldownOptions: { external },
    },
  }).finally(() => rmSync(fixtureRoot, { recursive: true, force: true }))) as Rollup.RollupOutput[];
  return output[0]!.output.map((item) => (item.type === 'chunk' ? item.code : '')).join('\n');
}
