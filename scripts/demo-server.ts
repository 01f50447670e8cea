/**
 * The built demo, ready to host: `node build/demo-server.js` serves the static checkout (build/demo/) and the
 * Flexiti handler on the in-memory sandbox at /api/flexiti, with @hono/node-server. No credentials, no network.
 *
 * PORT (default 8080) and HOST (default 127.0.0.1) choose where it listens; Ctrl-C stops it.
 * `npm run build` writes it (vite.demo-server.config.ts); `npm start` is the development version.
 */
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { serveNode, type NodeServer } from '../src/server/node.js';
import type { Sandbox } from '../src/server/sandbox/index.js';
import { createDemoBackend, DEMO_API_BASE, DEMO_CHECKOUT_PATH } from './demo-backend.js';
import { listenAddress, runIfMain, stopOnSignals } from './server-cli.js';

export interface HostedDemoOptions {
  /** The built demo's folder. Default: `demo/` next to this file (build/demo beside build/demo-server.js). */
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
  app.all(DEMO_CHECKOUT_PATH, (context) => backend.fetch(context.req.raw));
  app.use('/*', serveStatic({ root }));
  const server = await serveNode(app, { port: options.port ?? 8080, hostname: options.hostname ?? '127.0.0.1' });
  return Object.assign(server, { sandbox: backend.sandbox });
}

async function main(): Promise<void> {
  const { port, host } = listenAddress({}, 8080);
  const demo = await serveBuiltDemo({ port, hostname: host });
  console.log(`Flexiti demo checkout (built): ${demo.url}/ (Ctrl-C stops it)`);
  stopOnSignals(() => demo.close());
}

runIfMain(import.meta.url, main);
