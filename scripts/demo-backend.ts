/**
 * The demo's server side, in one process and without network: the sandbox (an in-memory POS API), the typed
 * client pointed at it through its `fetch` (a fake host, so no request can leave the machine), and the
 * handler the elements talk to. `npm start` mounts it in Vite's dev server; `build/demo-server.js` serves it
 * next to the built demo.
 */
import { createFlexitiClient } from '../src/server/client.js';
import { createFlexitiHandler } from '../src/server/handler.js';
import { createSandbox, type Sandbox } from '../src/server/sandbox/index.js';

/** Where the demo page finds the handler. */
export const DEMO_API_BASE = '/api/flexiti';

/** A host name that cannot resolve (RFC 6761 `.invalid`): the client's requests only ever reach `sandbox.fetch`. */
const SANDBOX_BASE_URL = 'https://pos-api.sandbox.invalid/flexiti/pos-api/v2';

export interface DemoBackend {
  /** The in-memory POS API; tests read `sandbox.state`. */
  readonly sandbox: Sandbox;
  /** Answers the handler's routes under {@link DEMO_API_BASE}. */
  fetch(request: Request): Promise<Response>;
  /** Whether a request path belongs to the handler. */
  handles(pathname: string): boolean;
}

export function createDemoBackend(): DemoBackend {
  const sandbox = createSandbox();
  const client = createFlexitiClient({
    baseUrl: SANDBOX_BASE_URL,
    // The sandbox's own published test credentials, not secrets.
    ...sandbox.credentials,
    fetch: (request) => sandbox.fetch(request),
  });
  const handler = createFlexitiHandler({ client, basePath: DEMO_API_BASE });
  return {
    sandbox,
    fetch: (request) => handler.fetch(request),
    handles: (pathname) => pathname === DEMO_API_BASE || pathname.startsWith(`${DEMO_API_BASE}/`),
  };
}
