/**
 * Shared set-up for the server tests: a sandbox served over real HTTP on 127.0.0.1 (port 0) through the Node
 * adapter, a client pointed at it, a fake clock, and wrappers that misbehave on purpose.
 */
import assert from 'node:assert/strict';
import {
  createFlexitiClient,
  createSandbox,
  FlexitiClientError,
  SANDBOX_CREDENTIALS,
  type FlexitiClient,
  type FlexitiClientOptions,
  type Sandbox,
  type SandboxOptions,
} from '../../../src/server/index.js';
import { serveNode, type FetchTarget, type NodeServer } from '../../../src/server/node.js';
import { after, before, type TestContext } from 'node:test';

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
    /**
     * The client calls the (wrapped) sandbox in this process instead of over HTTP: for tests on a fake clock,
     * whose mocked timers would otherwise leave Node's HTTP client (undici) with timers that never fire.
     */
    inProcess?: boolean;
  } = {},
): Promise<Harness> {
  const sandbox = createSandbox(options.sandbox);
  const target = options.wrap ? options.wrap(sandbox) : sandbox;
  const server = await serveNode(target, { port: 0 });
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
      if (options.inProcess) return target.fetch(request);
      return (options.client?.fetch ?? fetch)(request, init);
    },
  });
  return { sandbox, server, client, sent, baseUrl, close: () => server.close() };
}

/**
 * For a describe() (or a file): what `start` opens, before the first test, closed after the last. The object is
 * filled in by `before`: read its fields inside the tests.
 */
export function openForSuite<T extends { close(): Promise<void> }>(start: () => Promise<T>): T {
  const opened = {} as T;
  before(async () => {
    Object.assign(opened, await start());
  });
  after(() => opened.close());
  return opened;
}

/** {@link startHarness}, closed when the test `t` ends (pass or fail): no try/finally in the test. */
export async function openHarness(t: TestContext, options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  const harness = await startHarness(options);
  t.after(() => harness.close());
  return harness;
}

/**
 * Runs `work` with `setTimeout` and `Date` on a fake clock that runs `speed` times faster than the real one, so a
 * test of a 2-second `Retry-After` takes about 100 ms. The clock is advanced in small steps between real pauses,
 * never jumped, so no timeout fires early. Use it with a harness opened `inProcess` (see {@link startHarness}).
 */
export async function onFakeClock<T>(t: TestContext, work: () => Promise<T>, speed = 20): Promise<T> {
  const realSetTimeout = globalThis.setTimeout;
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: Date.now() });
  let done = false;
  const result = work().finally(() => {
    done = true;
  });
  try {
    for (let waited = 0; !done && waited < 120_000; waited += 5 * speed) {
      await new Promise((resolve) => realSetTimeout(resolve, 5));
      t.mock.timers.tick(5 * speed);
    }
    return await result;
  } finally {
    t.mock.timers.reset();
  }
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

/** The FlexitiClientError `promise` fails with; the test fails if it resolves or fails with anything else. */
export async function clientFailure(promise: Promise<unknown>): Promise<FlexitiClientError> {
  const error = await rejection(promise);
  assert.ok(error instanceof FlexitiClientError, `expected a FlexitiClientError, got ${String(error)}`);
  return error;
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

/** A `wrap` whose target answers `answer()` for a path ending in one of `tails`, and passes the rest to the sandbox. */
export function answerOn(
  tails: string | readonly string[],
  answer: () => Response | Promise<Response>,
): (sandbox: Sandbox) => FetchTarget {
  const ends = typeof tails === 'string' ? [tails] : tails;
  return (sandbox) =>
    intercept(sandbox, (_request, path) => (ends.some((tail) => path.endsWith(tail)) ? answer() : undefined));
}

/** A `wrap` whose target holds each request to a path ending in `tail` for `ms` before the sandbox answers it. */
export function delayOn(tail: string, ms: number): (sandbox: Sandbox) => FetchTarget {
  return (sandbox) =>
    intercept(sandbox, async (_request, path) => {
      if (path.endsWith(tail)) await delay(ms);
      return undefined;
    });
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
