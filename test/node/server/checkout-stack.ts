/**
 * A checkout stack over real HTTP on 127.0.0.1: the page's fetch → handler (served by `serveNode`) → client →
 * sandbox (served too). `call` sends what a browser (or an attacker's script) would.
 */
import { createFlexitiHandler, type FlexitiHandler, type FlexitiHandlerOptions } from '../../../src/server/index.js';
import { serveNode, type NodeServer } from '../../../src/server/node.js';
import { startHarness, type Harness } from './helpers.js';

export interface CheckoutStack {
  harness: Harness;
  handler: FlexitiHandler;
  server: NodeServer;
  api: string;
  /** A new online checkout for 1,644.00 $ unless said otherwise. */
  checkout(input?: Partial<Parameters<FlexitiHandler['createCheckout']>[0]>): Promise<string>;
  call(route: string, options?: CallOptions): Promise<Answer>;
  close(): Promise<void>;
}

export interface CallOptions {
  checkout?: string;
  body?: unknown;
  method?: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

export const CART_AMOUNT = 1644;

export async function startCheckoutStack(
  handlerOptions: Partial<FlexitiHandlerOptions> = {},
  harnessOptions: Parameters<typeof startHarness>[0] = {},
): Promise<CheckoutStack> {
  const harness = await startHarness(harnessOptions);
  const handler = createFlexitiHandler({ client: harness.client, ...handlerOptions });
  const server = await serveNode(handler, { port: 0 });
  const api = `${server.url}/api/flexiti`;
  let orders = 0;
  return {
    harness,
    handler,
    server,
    api,
    async checkout(input = {}) {
      orders += 1;
      const { id } = await handler.createCheckout({
        orderId: `order-${orders}`,
        amount: CART_AMOUNT,
        channel: 'online',
        ...input,
      });
      return id;
    },
    call: (route, options = {}) => callRoute(api, route, options),
    async close() {
      await server.close();
      await harness.close();
    },
  };
}

export async function callRoute(
  api: string,
  route: string,
  { checkout, body, method, headers = {} }: CallOptions = {},
): Promise<Answer> {
  const response = await fetch(`${api}/${route}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(checkout ? { 'x-flexiti-checkout': checkout } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // HTML (terms) or empty: the text is there.
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** The first plan and term the answer offers. */
export function firstOffer(body: Record<string, unknown>): { plan_id: string; term: number } {
  const offers = body['offer_types'] as Array<{ plan_id: string; term_options: number[] }>;
  const offer = offers[0]!;
  return { plan_id: offer.plan_id, term: offer.term_options[0]! };
}

export const JOHN_DOE = { first_name: 'John', last_name: 'Doe', dob: '1974-05-15' };
