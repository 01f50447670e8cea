/**
 * The built demo, ready to host: `node dist/demo-server.js` serves the static checkout (dist/demo/) and the
 * Flexiti handler on the in-memory sandbox at /api/flexiti, with @hono/node-server. No credentials, no network.
 *
 * PORT (default 8080) and HOST (default 127.0.0.1) choose where it listens; Ctrl-C stops it.
 * `npm run build` writes it (vite.demo-server.config.ts); `npm start` is the development version.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { serveNode, type NodeServer } from '../src/server/node.js';
import type { Sandbox } from '../src/server/sandbox/index.js';
import { createDemoBackend, DEMO_API_BASE } from './demo-backend.js';

export interface HostedDemoOptions {
  /** The built demo's folder. Default: `demo/` next to this file (dist/demo beside dist/demo-server.js). */
  root?: string;
  port?: number;
  hostname?: string;
}

export interface HostedDemo extends NodeServer {
  readonly sandbox: Sandbox;
}

export async function serveBuiltDemo(options: HostedDemoOptions = {}): Promise<HostedDemo> {
  const root = options.root ?? fileURLToPath(new URL('./demo/', import.meta.url));
  const backend = createDemoBackend();
  const app = new Hono();
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    }),
  );
  app.all(`${DEMO_API_BASE}/*`, (context) => backend.fetch(context.req.raw));
  app.use('/*', serveStatic({ root }));
  const server = await serveNode(app, { port: options.port ?? 8080, hostname: options.hostname ?? '127.0.0.1' });
  return Object.assign(server, { sandbox: backend.sandbox });
}

async function main(): Promise<void> {
  const port = process.env['PORT'] ? Number(process.env['PORT']) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`PORT must be a port number, got ${process.env['PORT']}`);
  const demo = await serveBuiltDemo({ port, hostname: process.env['HOST'] ?? '127.0.0.1' });
  console.log(`Flexiti demo checkout (built): ${demo.url}/ (Ctrl-C stops it)`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 5000).unref();
    demo.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`Could not start the demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
