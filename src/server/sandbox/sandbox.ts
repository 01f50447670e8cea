/**
 * The sandbox: an in-memory Flexiti POS API behind a Fetch-style `fetch(request)`. Routes are matched on the
 * tail of the path (`…/oauth/token`, `…/client-id/{client_id}/apply`), so any base URL works: mount it under
 * `/flexiti/pos-api/v2`, serve it with `serveNode`, or hand `sandbox.fetch` straight to the client.
 * It behaves as seed 003 describes, with test personas (see PERSONAS.md) to reach every documented outcome.
 * It never logs: tests and tools read `state`.
 *
 * This file is the route table and the dispatch; what it remembers is `state.ts`, the routes are `routes/*.ts`.
 */
import { errorResponse, oauthErrorResponse } from '../http.js';
import { applyRoutes } from './routes/apply.js';
import { authenticate, authRoutes } from './routes/auth.js';
import { customerRoutes } from './routes/customers.js';
import type { Route, RouteContext } from './routes/route.js';
import { transactionRoutes } from './routes/transactions.js';
import { createWorld, type SandboxCredentials, type SandboxOptions, type SandboxState } from './state.js';

export interface Sandbox {
  fetch(request: Request): Promise<Response>;
  readonly state: SandboxState;
  readonly credentials: SandboxCredentials;
}

const ROUTES: readonly Route[] = [...authRoutes, ...applyRoutes, ...customerRoutes, ...transactionRoutes];

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const clock = options.clock ?? Date.now;
  const world = createWorld(options);

  async function dispatch(request: Request): Promise<{ route: string; response: Response }> {
    const url = new URL(request.url);
    const path = url.pathname.replace(/\/+$/, '');
    const matching = ROUTES.filter((candidate) => candidate.pattern.test(path));
    if (matching.length === 0) {
      return { route: 'unknown', response: errorResponse(404, path, 'not_found', 'Not found') };
    }
    const route = matching.find((candidate) => candidate.method === request.method);
    if (!route) {
      const allow = [...new Set(matching.map((candidate) => candidate.method))].join(', ');
      return {
        route: matching[0]!.name,
        response: errorResponse(405, path, 'method_not_allowed', 'Method not allowed', undefined, { allow }),
      };
    }
    const params = (route.pattern.exec(path) ?? []).slice(1).map((param) => decodeURIComponent(param));
    const context: RouteContext = { world, request, url, path, params, now: clock() };
    if (route.authenticated) {
      const refusal = authenticate(context);
      if (refusal) return { route: route.name, response: refusal };
    }
    return { route: route.name, response: await route.handle(context) };
  }

  return {
    credentials: world.credentials,
    state: world.state,
    async fetch(request: Request): Promise<Response> {
      let result: { route: string; response: Response };
      try {
        result = await dispatch(request);
      } catch {
        // Never a stack trace: the sandbox answers like the API's generic failure.
        result = { route: 'error', response: oauthErrorResponse(500, 500, 'general_error', 'general_error') };
      }
      world.state.requests.push({ method: request.method, route: result.route, status: result.response.status });
      return result.response;
    },
  };
}
