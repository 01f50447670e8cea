/**
 * The package as published: `npm pack` of the built tree, then what an adopter's tools see in that tarball.
 * - its contents: the library and its notices, no demo;
 * - publint (--strict): package.json fields, `exports` targets present, formats consistent;
 * - @arethetypeswrong/cli (--profile esm-only): every entry point, the define/*.js forms included, resolves to
 *   types under node16 (ESM) and bundler resolution;
 * - a bare install of the tarball (no optional peers): what it pulls in, and every runtime entry imported in Node;
 * - the typed consumers (test/consumers/*) compiled against the tarball installed into a temporary project with
 *   React's, Preact's, Vue's, Svelte's and Node's types and the optional peers;
 * - a Vite page importing one element (the plan picker) from the installed package: what it loads first, within
 *   that element's size budget, and nothing of the other elements;
 * - `flexiti-elements/server`, as installed, bundled for an edge worker without any Node built-in.
 * The Next.js App Router consumer is next.test.ts.
 * Needs `npm run build`. Network: the npm registry only (npm's cache first).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { AS_AN_EDGE_WORKER_BUNDLES } from '../edge-worker.js';
import { build as viteBuild } from 'vite';
import { gzipSync } from 'node:zlib';
import { bin, npmQuiet, pack, root, run } from './pack.js';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  exports: Record<string, unknown>;
  devDependencies: Record<string, string>;
};
const tsc = bin('typescript', 'bin/tsc');

describe('the packed package', () => {
  let work: string;
  let tarball: string;
  let files: string[];

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'flexiti-package-'));
    ({ tarball, files } = pack(work));
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("holds the library, its licence, changelog and the CDN file's licence notices, and no demo", () => {
    for (const file of [
      'package.json',
      'LICENSE',
      'README.md',
      'CHANGELOG.md',
      'custom-elements.json',
      'dist/cdn/flexiti-elements.js',
      'dist/cdn/flexiti-elements.js.LICENSE.txt',
      'dist/cdn/flexiti-autoload.js',
    ]) {
      assert.ok(files.includes(file), `${file} is missing from the tarball`);
    }
    const strays = files.filter((file) => /(^|\/)demo(-server)?[./]|^build\/|^src\/|^test\//.test(file));
    assert.deepEqual(strays, []);
  });

  it('custom-elements.json points only at files in the tarball', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as unknown;
    const paths = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if ((key === 'path' || key === 'module') && typeof child === 'string') paths.add(child);
          else walk(child);
        }
      }
    };
    walk((manifest as { modules: unknown }).modules);
    assert.ok(paths.size > 0);
    assert.deepEqual(
      [...paths].filter((path) => !files.includes(path)),
      [],
    );
  });

  it('passes publint --strict', () => {
    const { status, output } = run(process.execPath, [bin('publint', 'src/cli.js'), tarball, '--strict']);
    assert.equal(status, 0, output);
    assert.match(output, /All good/);
  });

  it('passes @arethetypeswrong/cli --profile esm-only, every define/*.js entry included', () => {
    const defines = readdirSync(join(root, 'src/define'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `./define/${file.replace(/\.ts$/, '.js')}`);
    const { status, output } = run(process.execPath, [
      bin('@arethetypeswrong/cli', 'dist/index.js'),
      tarball,
      '--profile',
      'esm-only',
      '--format',
      'table-flipped',
      '--no-emoji',
      '--no-color',
      '--include-entrypoints',
      ...defines,
    ]);
    assert.equal(status, 0, output);
  });

  it('installs bare (no optional peers) and every runtime entry imports in Node', () => {
    const app = join(work, 'bare');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'bare-app', private: true, type: 'module' }));
    const installed = run('npm', ['install', ...npmQuiet, tarball], { cwd: app });
    assert.equal(installed.status, 0, installed.output);
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    const names = Object.keys(lock.packages)
      .filter(Boolean)
      .map((path) => path.replace(/^.*node_modules\//, ''));
    console.log(`# bare install: ${names.length} packages: ${names.sort().join(', ')}`);
    for (const unwanted of ['hono', '@hono/node-server', '@lit/react', '@types/react', 'react']) {
      assert.ok(!names.includes(unwanted), `${unwanted} is installed by a bare install`);
    }
    const entries = [
      '',
      '/model',
      '/server',
      '/sandbox',
      '/connect',
      '/cdn',
      '/autoload',
      '/define/flexiti-apply.js',
      '/define/flexiti-verify',
    ].map((entry) => `${pkg.name}${entry}`);
    const script = `for (const entry of ${JSON.stringify(entries)}) await import(entry);`;
    const imported = run(process.execPath, ['--input-type=module', '-e', script], { cwd: app });
    assert.equal(imported.status, 0, imported.output);
    // One define module registers its tag (Lit's Node build brings a customElements registry): its side effect
    // survives the build (package.json sideEffects).
    const defined = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `await import('${pkg.name}/define/flexiti-plan-picker.js'); console.log(String(customElements.get('flexiti-plan-picker')?.name))`,
      ],
      { cwd: app },
    );
    assert.equal(defined.status, 0, defined.output);
    assert.match(defined.output, /FlexitiPlanPicker/);
    // The Node adapter needs its optional peer, and says so.
    const adapter = run(process.execPath, ['--input-type=module', '-e', `await import('${pkg.name}/server/node')`], {
      cwd: app,
    });
    assert.notEqual(adapter.status, 0);
    assert.match(adapter.output, /@hono\/node-server/);
  });

  describe("installed with the frameworks' types", () => {
    let app: string;

    before(() => {
      app = join(work, 'typed');
      mkdirSync(app);
      cpSync(join(root, 'test/consumers'), app, { recursive: true });
      writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'typed-consumers', private: true }));
      const deps = [
        '@types/react',
        '@types/node',
        'preact',
        'vue',
        'svelte',
        '@lit/react',
        '@hono/node-server',
        'ioredis',
      ].map((name) => `${name}@${pkg.devDependencies[name]}`);
      const installed = run('npm', ['install', ...npmQuiet, tarball, ...deps], { cwd: app });
      assert.equal(installed.status, 0, installed.output);
    });

    // The compiles run side by side (each is mostly waiting on the disk), each test awaits its own.
    const consumers = readdirSync(join(root, 'test/consumers'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const compiles = new Map<string, Promise<string>>();
    const compile = (name: string) => {
      if (!compiles.has(name)) {
        for (const each of consumers) {
          const started = Date.now();
          const done = promisify(execFile)(process.execPath, [tsc, '-p', join(app, each)], { encoding: 'utf8' }).then(
            () => `# tsc -p test/consumers/${each}: ${((Date.now() - started) / 1000).toFixed(1)} s`,
            (error: { stdout?: string; stderr?: string }) =>
              Promise.reject(new Error(`${error.stdout ?? ''}${error.stderr ?? ''}`)),
          );
          done.catch(() => undefined); // reported by the consumer's own test
          compiles.set(each, done);
        }
      }
      return compiles.get(name)!;
    };

    for (const name of consumers) {
      it(`test/consumers/${name} compiles against the tarball`, async () => {
        console.log(await compile(name));
      });
    }

    it('a Vite page importing one element, as installed, bundles that element alone, within its size budget', async () => {
      // What README's smaller-bundle path gives an app: the plan picker's define module, built by Vite from the
      // installed package (its `sideEffects` and `exports` as published), minified, with nothing of the others.
      const page = join(app, 'vite-page');
      mkdirSync(page);
      writeFileSync(
        join(page, 'index.html'),
        '<script type="module" src="./main.js"></script><flexiti-plan-picker></flexiti-plan-picker>',
      );
      writeFileSync(join(page, 'main.js'), `import '${pkg.name}/define/flexiti-plan-picker.js';\n`);
      await viteBuild({
        root: page,
        logLevel: 'silent',
        build: { outDir: join(page, 'dist'), target: 'es2022', manifest: true },
      });
      // What the page loads first: the entry chunk and its static imports (the French and the like load later).
      type Chunk = { file: string; isEntry?: boolean; imports?: string[] };
      const manifest = JSON.parse(readFileSync(join(page, 'dist/.vite/manifest.json'), 'utf8')) as Record<
        string,
        Chunk
      >;
      const initial = new Set<string>();
      const visit = (key: string) => {
        const chunk = manifest[key]!;
        if (initial.has(chunk.file)) return;
        initial.add(chunk.file);
        chunk.imports?.forEach(visit);
      };
      Object.entries(manifest)
        .filter(([, chunk]) => chunk.isEntry)
        .forEach(([key]) => visit(key));
      const read = (files: Iterable<string>) =>
        Buffer.concat([...files].map((file) => readFileSync(join(page, 'dist', file))));
      const initialCode = read(initial);
      const allCode = read(new Set(Object.values(manifest).map((chunk) => chunk.file)));
      const bytes = gzipSync(initialCode, { level: 9 }).length;
      const budget = (
        JSON.parse(readFileSync(join(root, 'size-budgets.json'), 'utf8')) as {
          package: Record<string, { initial: number }>;
        }
      ).package['vite page with flexiti-elements/define/flexiti-plan-picker.js']!.initial;
      console.log(
        `# Vite page with flexiti-plan-picker alone: ${bytes} B gzip -9 first, ${gzipSync(allCode, { level: 9 }).length} B in all (budget ${budget} B)`,
      );
      const text = allCode.toString('utf8');
      assert.match(text, /flexiti-plan-picker/);
      for (const other of ['flexiti-apply', 'flexiti-verify', 'flexiti-terms', 'flexiti-checkout']) {
        assert.doesNotMatch(text, new RegExp(`["'\`]${other}["'\`]`), `${other} is in the plan picker's bundle`);
      }
      assert.ok(bytes <= budget, `${bytes} B > ${budget} B`);
    });

    it('flexiti-elements/server, as installed, bundles for an edge worker without Node built-ins', async () => {
      const result = await build({
        stdin: { contents: `export * from '${pkg.name}/server';`, resolveDir: app, loader: 'js' },
        ...AS_AN_EDGE_WORKER_BUNDLES,
        format: 'esm',
      });
      assert.equal(result.errors.length, 0);
    });
  });
});
