// A tiny static file server on 127.0.0.1 for the tests of built output (CDN page, strict CSP): serves files
// under the given roots of the repository only, with optional response headers (a Content-Security-Policy).
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Repository root (absolute). */
  root: string;
  /** Folders under the root that may be served, e.g. `['dist/cdn', 'test/cdn']`. */
  allow: string[];
  /** Headers added to every HTML response (a CSP applies to documents). */
  htmlHeaders?: Record<string, string>;
  /** URL path prefix → folder, e.g. `{ '/': 'build/demo' }` to serve a built site at the top. */
  mounts?: Record<string, string>;
  /** Headers added to every response (a CDN's `access-control-allow-origin`). */
  headers?: Record<string, string>;
  /** Rewrites HTML bodies: each `[from, to]` replaces every `from` (a page loading the package from a CDN). */
  rewriteHtml?: [string, string][];
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const allowed = options.allow.map((folder) => resolve(root, folder) + sep);
  const mounts = Object.entries(options.mounts ?? {}).sort((a, b) => b[0].length - a[0].length);
  const server: Server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const mount = mounts.find(([prefix]) => path.startsWith(prefix));
      const relative = mount ? `${mount[1]}/${path.slice(mount[0].length)}` : path.slice(1);
      const file = resolve(root, normalize(relative));
      if (!allowed.some((folder) => file.startsWith(folder))) {
        response.writeHead(404).end();
        return;
      }
      let body: Buffer | string = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store', ...options.headers };
      if (type.startsWith('text/html')) {
        Object.assign(headers, options.htmlHeaders);
        for (const [from, to] of options.rewriteHtml ?? []) body = body.toString('utf8').replaceAll(from, to);
      }
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
