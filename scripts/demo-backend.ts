/**
 * The demo's server side, in one process and without network: the sandbox (an in-memory POS API), the typed
 * client pointed at it through its `fetch` (a fake host, so no request can leave the machine), the handler the
 * elements talk to, and the merchant's own route that creates a checkout for the cart (`POST /demo/checkout`),
 * as a merchant's server would: the amount is the cart's, here, never the browser's. `npm start` mounts it in
 * Vite's dev server; `build/demo-server.js` serves it next to the built demo.
 *
 * In development only (`allowReset`, which `npm start` sets), `POST /demo/reset` puts the sandbox back to its
 * seed, so a demo that has worn out (John Doe's credit spent, accounts applied for) starts over without a
 * restart. A hosted demo has no such route: one visitor must not wipe another's journey.
 */
import { randomUUID } from 'node:crypto';
import { createFlexitiClient } from '../src/server/client.js';
import { createFlexitiHandler } from '../src/server/handler.js';
import { createSandbox, type Sandbox } from '../src/server/sandbox/index.js';
import { CART, CART_TOTAL, DEMO_CHECKOUT_PATH, DEMO_RESET_PATH, type DemoCheckout } from '../demo/cart.js';

/** Where the demo page finds the handler. */
export const DEMO_API_BASE = '/api/flexiti';
export { DEMO_CHECKOUT_PATH, DEMO_RESET_PATH };

/** A host name that cannot resolve (RFC 6761 `.invalid`): the client's requests only ever reach `sandbox.fetch`. */
const SANDBOX_BASE_URL = 'https://pos-api.sandbox.invalid/flexiti/pos-api/v2';

export interface DemoBackend {
  /** The in-memory POS API; tests read `sandbox.state`. */
  readonly sandbox: Sandbox;
  /** Answers the handler's routes under {@link DEMO_API_BASE} and `POST /demo/checkout`. */
  fetch(request: Request): Promise<Response>;
  /** Whether a request path belongs to the backend. */
  handles(pathname: string): boolean;
  /** The checkouts created, by order id, with their amounts (tests compare them with the sandbox's purchases). */
  readonly orders: Map<string, { checkout: string; amount: number }>;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });

export interface DemoBackendOptions {
  /** Answer `POST /demo/reset` (development only). Default false. */
  allowReset?: boolean;
}

export function createDemoBackend({ allowReset = false }: DemoBackendOptions = {}): DemoBackend {
  const sandbox = createSandbox();
  const client = createFlexitiClient({
    baseUrl: SANDBOX_BASE_URL,
    // The sandbox's own published test credentials, not secrets.
    ...sandbox.credentials,
    fetch: (request) => sandbox.fetch(request),
  });
  const handler = createFlexitiHandler({ client, basePath: DEMO_API_BASE });
  const orders = new Map<string, { checkout: string; amount: number }>();

  /** The merchant's route: one checkout per cart visit, for the cart's amount as this server computes it. */
  async function createDemoCheckout(request: Request): Promise<Response> {
    if (request.method !== 'POST') return json({ error: 'method_not_allowed' }, 405);
    const lang = new URL(request.url).searchParams.get('lang') === 'fr' ? 'fr' : 'en';
    const orderId = `MB-${randomUUID().slice(0, 8).toUpperCase()}`;
    const created = await handler.createCheckout({ orderId, amount: CART_TOTAL, channel: 'online', lang });
    orders.set(orderId, { checkout: created.id, amount: CART_TOTAL });
    const answer: DemoCheckout = {
      checkout: created.id,
      expiresAt: created.expiresAt,
      orderId,
      cart: { lines: [...CART], total: CART_TOTAL },
      canReset: allowReset,
    };
    return json(answer);
  }

  /** Development only: the sandbox back to its seed; the page then starts a new order. */
  function resetSandbox(request: Request): Response {
    if (request.method !== 'POST') return json({ error: 'method_not_allowed' }, 405);
    sandbox.state.reset();
    orders.clear();
    return json({ reset: true });
  }

  const routes: Record<string, (request: Request) => Promise<Response> | Response> = {
    [DEMO_CHECKOUT_PATH]: createDemoCheckout,
    ...(allowReset ? { [DEMO_RESET_PATH]: resetSandbox } : {}),
  };

  return {
    sandbox,
    orders,
    fetch: async (request) => {
      const pathname = new URL(request.url).pathname;
      const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
      return route ? route(request) : handler.fetch(request);
    },
    handles: (pathname) =>
      Object.hasOwn(routes, pathname) || pathname === DEMO_API_BASE || pathname.startsWith(`${DEMO_API_BASE}/`),
  };
}
