/**
 * Shared set-up for the server tests: a sandbox served over real HTTP on 127.0.0.1 (port 0) through the Node
 * adapter, a client pointed at it, a fake clock, and wrappers that misbehave on purpose.
 */
import {
  createFlexitiClient,
  createSandbox,
  SANDBOX_CREDENTIALS,
  type FlexitiClient,
  type FlexitiClientOptions,
  type Sandbox,
  type SandboxOptions,
} from '../../../src/server/index.js';
import { serveNode, type FetchTarget, type NodeServer } from '../../../src/server/node.js';

export const BASE_PATH = '/flexiti/pos-api/v2';

/** A clock tests move by hand. Starts at a fixed instant so dates in answers are stable. */
export function fakeClock(start = Date.UTC(2026, 2, 10, 15, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Headers;
  /** Form fields of a token request. */
  form?: URLSearchParams;
}

export interface Harness {
  sandbox: Sandbox;
  server: NodeServer;
  client: FlexitiClient;
  /** Requests the client sent (recorded on the client side, before they go over HTTP). */
  sent: RecordedRequest[];
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Serves `sandbox` (or `wrap(sandbox)`) and builds a client for it. `sent` records every request the client
 * makes, including the token grant types.
 */
export async function startHarness(
  options: {
    sandbox?: SandboxOptions;
    client?: Partial<FlexitiClientOptions>;
    wrap?: (sandbox: Sandbox) => FetchTarget;
  } = {},
): Promise<Harness> {
  const sandbox = createSandbox(options.sandbox);
  const server = await serveNode(options.wrap ? options.wrap(sandbox) : sandbox, { port: 0 });
  const baseUrl = `${server.url}${BASE_PATH}`;
  const sent: RecordedRequest[] = [];
  const client = createFlexitiClient({
    baseUrl,
    ...SANDBOX_CREDENTIALS,
    ...options.client,
    fetch: async (request: Request, init?: RequestInit) => {
      const record: RecordedRequest = {
        method: request.method,
        path: new URL(request.url).pathname,
        headers: new Headers(request.headers),
      };
      if (record.path.endsWith('/oauth/token')) record.form = new URLSearchParams(await request.clone().text());
      sent.push(record);
      return (options.client?.fetch ?? fetch)(request, init);
    },
  });
  return { sandbox, server, client, sent, baseUrl, close: () => server.close() };
}

/** Token requests the client sent, by grant type. */
export function grants(sent: RecordedRequest[]): string[] {
  return sent.filter((request) => request.form).map((request) => request.form!.get('grant_type') ?? '');
}

/** Requests the client sent to a route whose path ends with `tail`. */
export function sentTo(sent: RecordedRequest[], tail: string): RecordedRequest[] {
  return sent.filter((request) => request.path.endsWith(tail));
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A target that answers `respond(request)` when it returns a Response, else passes to the sandbox. */
export function intercept(
  sandbox: Sandbox,
  respond: (request: Request, path: string) => Promise<Response | undefined> | Response | undefined,
): FetchTarget {
  return {
    async fetch(request) {
      const answer = await respond(request, new URL(request.url).pathname);
      return answer ?? sandbox.fetch(request);
    },
  };
}

/** The seed's Ontario licence as AAMVA data elements (the sandbox's licence personas and the client test scan it). */
export const ONTARIO_LICENCE_FIELDS = Object.freeze({
  DAQ: 'D61014070660905',
  DCS: 'DOE',
  DAC: 'JOHN',
  DAD: 'GREY',
  DBB: '19740515',
  DBA: '20300515',
  DAG: '55 UNIVERSITY AVE',
  DAI: 'TORONTO',
  DAJ: 'ON',
  DAK: 'M5J2H7',
});
