import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';

/**
 * What the benchmark pages may fetch: a fixed map from URL path to a file on disk or text held in memory.
 * `cacheable` files may come from the browser's HTTP cache (the pages fetch the built files before timing them).
 */
export type Routes = Record<string, ({ file: string } | { text: string }) & { cacheable?: boolean }>;

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  routes: Routes;
  close(): Promise<void>;
}

/**
 * A tiny static server on 127.0.0.1 (random port). Pages are cross-origin isolated (COOP + COEP), which gives
 * `performance.now()` its fine resolution (5 µs instead of 100 µs). Only `cacheable` routes may be cached, and
 * each run's fresh browser context starts with an empty cache.
 */
export async function startServer(routes: Routes): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes[path === '/' ? '/harness.html' : path];
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = 'file' in route ? await readFile(route.file) : Buffer.from(route.text);
      response.writeHead(200, {
        'content-type': TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream',
        'cache-control': route.cacheable ? 'max-age=3600' : 'no-store',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
        'cross-origin-resource-policy': 'same-origin',
      });
      response.end(body);
    } catch {
      response.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    routes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
