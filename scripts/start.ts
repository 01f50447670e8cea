/**
 * `npm start` (`node --import tsx scripts/start.ts`): the demo checkout on the sandbox. A Vite dev server serves demo/ and, in the same process,
 * the Flexiti handler at /api/flexiti on the in-memory POS API: no credentials, no network.
 *
 * PORT (default 5173) and HOST (default 127.0.0.1) choose where it listens. Ctrl-C stops it.
 * Tests import `startDemoServer` and read the sandbox's state from the result.
 */
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createServer, type Plugin } from 'vite';
import type { Sandbox } from '../src/server/sandbox/index.js';
import { createDemoBackend, type DemoBackend } from './demo-backend.js';
import { listenAddress, runIfMain, stopOnSignals } from './server-cli.js';

export interface DemoServerOptions {
  /** 0 picks a free port. Default: `PORT`, else 5173. */
  port?: number;
  /** Default: `HOST`, else 127.0.0.1 (only this machine can connect). */
  host?: string;
  /** Vite's log level. Default `warn`; tests pass `silent`. */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  /**
   * Reload the page when a source file changes (default true). Tests turn it off: an edit elsewhere in the
   * repository must not reload the page in the middle of a journey.
   */
  watch?: boolean;
}

export interface DemoServer {
  /** `http://host:port/` */
  readonly url: string;
  readonly port: number;
  /** The in-memory POS API behind the handler: accounts, applications, transactions, requests. */
  readonly sandbox: Sandbox;
  /** The checkouts the demo's `POST /demo/checkout` created, by order id, with the cart's amount. */
  readonly orders: DemoBackend['orders'];
  close(): Promise<void>;
}

/** Mounts the handler in front of Vite's own middlewares, so /api/flexiti never reaches the page server. */
export function flexitiSandboxPlugin(backend: DemoBackend): Plugin {
  // @hono/node-server turns Node's request into a Fetch `Request` and streams the `Response` back.
  const listener = getRequestListener((request) => backend.fetch(request), { overrideGlobalObjects: false });
  return {
    name: 'flexiti-sandbox-handler',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = (req.url ?? '/').split('?', 1)[0]!;
        if (!backend.handles(pathname)) return next();
        listener(req, res).catch(next);
      });
    },
  };
}

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const { port, host } = listenAddress(options, 5173);
  // The development server: the sandbox may be reset from the page (never in the hosted demo).
  const backend = createDemoBackend({ allowReset: true });
  const server = await createServer({
    configFile: fileURLToPath(new URL('../vite.demo.config.ts', import.meta.url)),
    logLevel: options.logLevel ?? 'warn',
    clearScreen: false,
    // A port given explicitly is the port: failing beats silently moving to the next one.
    server: { port, host, strictPort: true, ...(options.watch === false ? { hmr: false, watch: null } : {}) },
    plugins: [flexitiSandboxPlugin(backend)],
  });
  await server.listen();
  const address = server.httpServer?.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    port: address.port,
    sandbox: backend.sandbox,
    orders: backend.orders,
    close: () => server.close(),
  };
}

async function main(): Promise<void> {
  const demo = await startDemoServer({ logLevel: 'info' });
  console.log(`\n  Flexiti demo checkout: ${demo.url}`);
  console.log('  Sandbox POS API in memory: no credentials, no network. Personas: src/server/PERSONAS.md');
  console.log('  Press Ctrl-C to stop.\n');
  stopOnSignals(
    () => demo.close(),
    (signal) => console.log(`\n  ${signal}: stopping…`),
  );
}

runIfMain(import.meta.url, main);
