/**
 * `flexiti-elements/server` and `flexiti-elements/sandbox` run on edge runtimes (Cloudflare Workers, Vercel Edge,
 * Deno Deploy): the built files, bundled the way a worker's bundler does (esbuild, platform neutral, the
 * `worker`/`browser` conditions, no Node polyfills), must reach no Node built-in. `flexiti-elements/server/node`
 * is the control: it must reach `node:http` through @hono/node-server, or this check could not fail.
 * Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createContext, runInContext } from 'node:vm';
import { build, type Plugin } from 'esbuild';
import { AS_AN_EDGE_WORKER_BUNDLES } from '../edge-worker.js';

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const isBuiltin = (path: string) => path.startsWith('node:') || builtins.has(path) || builtins.has(path.split('/')[0]!);

/** Bundles `entry` for a worker; returns every Node built-in it reaches, as `importer → built-in`. */
async function nodeImports(entry: string): Promise<string[]> {
  assert.ok(existsSync(entry), `${entry} is missing: run \`npm run build\` first`);
  const found: string[] = [];
  const spy: Plugin = {
    name: 'node-builtins',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (!isBuiltin(args.path)) return undefined;
        found.push(`${args.importer.replace(process.cwd() + '/', '')} → ${args.path}`);
        return { path: args.path, external: true };
      });
    },
  };
  await build({
    entryPoints: [entry],
    ...AS_AN_EDGE_WORKER_BUNDLES,
    format: 'esm',
    plugins: [spy],
  });
  return found;
}

describe('the server entries bundled for an edge worker', () => {
  it('flexiti-elements/server (dist/server.js) reaches no Node built-in', async () => {
    assert.deepEqual(await nodeImports('dist/server.js'), []);
  });

  it('flexiti-elements/sandbox (dist/sandbox.js) reaches no Node built-in', async () => {
    assert.deepEqual(await nodeImports('dist/sandbox.js'), []);
  });

  it('flexiti-elements/server/node (dist/server/node.js) does reach node:http: the check sees Node imports', async () => {
    const found = await nodeImports('dist/server/node.js');
    assert.ok(
      found.some((line) => /→ node:http$/.test(line)),
      `expected node:http among ${JSON.stringify(found)}`,
    );
  });
});

/**
 * What a worker has: the Fetch API, Web Crypto, timers, encoders, streams. No `process`, `Buffer`, `require`,
 * `global` or `setImmediate`.
 */
function workerGlobals(): Record<string, unknown> {
  const names = [
    'fetch', 'Request', 'Response', 'Headers', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'crypto',
    'AbortController', 'AbortSignal', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask',
    'structuredClone', 'atob', 'btoa', 'ReadableStream', 'WritableStream', 'TransformStream', 'Blob', 'FormData',
    'DOMException', 'Event', 'EventTarget', 'console', 'performance',
  ] as const;
  const scope: Record<string, unknown> = Object.fromEntries(names.map((name) => [name, (globalThis as Record<string, unknown>)[name]]));
  scope.globalThis = scope;
  scope.self = scope;
  return scope;
}

describe('flexiti-elements/server run in a worker-like scope', () => {
  it('the handler on the sandbox answers GET form-values with only Web APIs around it', async () => {
    const bundled = await build({
      stdin: {
        contents: `export { createFlexitiClient, createFlexitiHandler } from './dist/server.js'; export { createSandbox } from './dist/sandbox.js';`,
        resolveDir: process.cwd(),
        loader: 'js',
      },
      ...AS_AN_EDGE_WORKER_BUNDLES,
      format: 'iife',
      globalName: 'flexiti',
    });
    const scope = createContext(workerGlobals());
    runInContext(bundled.outputFiles[0]!.text, scope);
    const answer = (await runInContext(
      `(async () => {
        const { createFlexitiClient, createFlexitiHandler, createSandbox } = flexiti;
        const sandbox = createSandbox();
        const client = createFlexitiClient({ baseUrl: 'https://sandbox.invalid', ...sandbox.credentials, fetch: sandbox.fetch });
        const handler = createFlexitiHandler({ client, basePath: '/api/flexiti' });
        const response = await handler.fetch(new Request('https://shop.example/api/flexiti/form-values?lang=en'));
        return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
      })()`,
      scope,
    )) as { status: number; type: string; body: { province?: { options?: Record<string, string> } } };
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.match(answer.type, /^application\/json/);
    assert.equal(answer.body.province?.options?.ON, 'Ontario');
  });
});
