import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isApiError, localError, type FlexitiApiError } from '../model/local-errors.js';
import { HOST_CONNECTED_EVENT, type FlexitiRequestEvent } from '../events/request-event.js';
import { parseJson } from '../model/json.js';
import { loadErrorKit, type ErrorKit } from './error-texts.js';
import { reportError } from './report-error.js';

/** What a request to the host ended in. */
export type HostOutcome<T = unknown> = { ok: true; data: T } | { ok: false; error: FlexitiApiError };

export interface SendOptions {
  /** `json` (default) parses the body; `text` keeps it as a string (terms HTML). */
  expect?: 'json' | 'text';
  /** How long to wait for the host before giving up with a `timeout` error. */
  timeoutMs?: number;
  /**
   * The host may leave the event unanswered (a notification it can answer, like `flexiti-verified`):
   * no answer is then `{ ok: true, data: undefined }` instead of a `no_handler` error.
   */
  optional?: boolean;
  /**
   * For requests the element makes by itself (terms and the checkout on connect), whose host may not be listening
   * yet. When nobody answers while the page is still loading, the request is sent again once it has loaded (the
   * listener may sit in a later script). When still nobody answers, the outcome is `no_handler`, and this is called
   * once if a host announces itself later ({@link HOST_CONNECTED_EVENT}, which `connect()` dispatches): a
   * framework that hydrates after the page's `load` (Next.js, Nuxt) attaches its listeners then.
   */
  onLateHost?: () => void;
}

/** Internal: the event's name, for the console message when the host's answer can't be read. */
type SettleOptions = SendOptions & { eventType?: string };

/** Default wait for a host's answer; a host that never answers must not leave a spinner forever. */
export const DEFAULT_HOST_TIMEOUT_MS = 60_000;

/** A task's view of its run: whether its answers still count (no newer run, no `drop()`, since it started). */
export interface Run {
  readonly current: boolean;
}

/**
 * Sends request events to the host page and turns whatever it answers with (a `Response`, a parsed body,
 * a promise, a rejection, ky's `HTTPError`, nothing at all) into one `HostOutcome`. Failures are also
 * reported as `flexiti-error` (type and code only) for the host's logs.
 *
 * It also runs the element's requests (`run`): `busy` while one is in flight, a second start ignored (a double
 * click sends one request) or, for requests the element makes by itself, the newer one wins; the answers of a run
 * that was superseded or dropped are left unread by its task (`run.current`). The wait is bounded by `timeoutMs`.
 */
export class HostRequestController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost &
      HTMLElement & { requestTimeout?: number; controlsDisabled?: boolean },
  ) {
    host.addController(this);
  }

  private stopWaitingForHost?: () => void;
  private generation = 0;
  private running = false;

  /** A run is in flight. */
  get busy(): boolean {
    return this.running;
  }

  /**
   * Runs `task`. `exclusive` (default): nothing happens while another run is in flight, and the busy flag is set
   * before the first await, so a double click or a second Enter sends nothing more. `latest`: the new run
   * supersedes the one in flight (a query that changed). Resolves when the task is done (or at once if refused).
   * An `exclusive` run is what the customer starts: a disabled element refuses it (its controls are disabled, but
   * a script may still submit its form).
   */
  async run(task: (run: Run) => Promise<void>, mode: 'exclusive' | 'latest' = 'exclusive'): Promise<void> {
    if (mode === 'exclusive' && (this.running || this.host.controlsDisabled)) return;
    const ticket = ++this.generation;
    const isCurrent = () => ticket === this.generation;
    const run: Run = {
      get current() {
        return isCurrent();
      },
    };
    this.setRunning(true);
    try {
      await task(run);
    } finally {
      if (run.current) this.setRunning(false);
    }
  }

  /** The runs in flight no longer count (the input they were for changed): their tasks stop at `run.current`. */
  drop(): void {
    this.generation++;
    this.setRunning(false);
  }

  private setRunning(running: boolean): void {
    if (running === this.running) return;
    this.running = running;
    this.host.requestUpdate();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stopWaitingForHost?.();
  }

  async send<T = unknown>(event: FlexitiRequestEvent<unknown>, options: SendOptions = {}): Promise<HostOutcome<T>> {
    // The answer may be an error: its reader and texts download while the host works.
    loadErrorKit().catch(() => undefined);
    this.host.dispatchEvent(event);
    if (!event.answered && options.onLateHost && document.readyState !== 'complete') {
      await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
      this.host.dispatchEvent(event);
    }
    const outcome: HostOutcome = event.answer
      ? await settle(event.answer, { timeoutMs: this.host.requestTimeout, ...options, eventType: event.type })
      : options.optional
        ? { ok: true, data: undefined }
        : { ok: false, error: localError('no_handler') };
    if (!event.answered && options.onLateHost) this.waitForHost(options.onLateHost);
    if (!outcome.ok) {
      // An error the host handed over as it is (not read here) is shown with its own text too.
      await loadErrorKit().catch(() => undefined);
      const { type, code, status } = outcome.error;
      reportError(this.host, type, code, status);
    }
    return outcome as HostOutcome<T>;
  }

  private waitForHost(retry: () => void): void {
    this.stopWaitingForHost?.();
    const listener = () => {
      this.stopWaitingForHost?.();
      retry();
    };
    window.addEventListener(HOST_CONNECTED_EVENT, listener);
    this.stopWaitingForHost = () => {
      window.removeEventListener(HOST_CONNECTED_EVENT, listener);
      this.stopWaitingForHost = undefined;
    };
  }
}

async function settle(answer: Promise<unknown>, options: SettleOptions): Promise<HostOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<HostOutcome>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, error: localError('timeout') }),
      options.timeoutMs ?? DEFAULT_HOST_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([interpret(answer, options), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function interpret(answer: Promise<unknown>, options: SettleOptions): Promise<HostOutcome> {
  let value: unknown;
  try {
    value = await answer;
  } catch (failure) {
    return { ok: false, error: await readFailure(failure) };
  }
  if (value instanceof Response) return readResponse(value, options);
  if (options.expect === 'text') {
    return typeof value === 'string'
      ? { ok: true, data: value }
      : unreadable(options, `answered with ${describe(value)}; pass the Response or the text.`);
  }
  // A host-side mistake, never a network failure: the request reached the server and may have taken effect.
  if (!isJsonValue(value) && !(value === undefined && options.optional)) {
    return unreadable(options, `answered with ${describe(value)}; pass the Response or its parsed JSON.`);
  }
  return looksLikeErrorBody(value) ? readError(undefined, value) : { ok: true, data: value };
}

/**
 * The host's answer can't be read: an implementation error (not retryable, since the request may have taken
 * effect: a purchase charged, an application sent), with a console message that names the fix.
 */
function unreadable(options: SettleOptions, problem: string): HostOutcome {
  console.error(`flexiti-elements: the answer to ${options.eventType ?? 'a request'} ${problem}`);
  return { ok: false, error: localError('unreadable_answer') };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string';
  if (typeof value !== 'object') return typeof value;
  return `a ${Object.prototype.toString.call(value).slice(8, -1)}`;
}

/** What `response.json()` can give: an object, an array (not a Promise, a Request, a Blob or a function). */
function isJsonValue(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

async function readResponse(response: Response, options: SettleOptions): Promise<HostOutcome> {
  if (response.bodyUsed || response.body?.locked) {
    return unreadable(
      options,
      'is a Response whose body was already read. Pass response.clone() to respondWith() and read the original, ' +
        'or read the body yourself and pass the parsed JSON.',
    );
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    return { ok: false, error: localError('network_error') };
  }
  if (!response.ok) {
    const parsed = parseJson(text);
    return readError(response.status, parsed.ok && parsed.value !== null ? parsed.value : text, (kit, error) => {
      // A 429's wait: the body's `retry_after` first, else the `Retry-After` header.
      const retryAfter = error.retryAfter ?? kit.parseRetryAfter(response.headers.get('retry-after'));
      if (retryAfter !== undefined) error.retryAfter = retryAfter;
    });
  }
  if (options.expect === 'text') return { ok: true, data: text };
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, error: localError('invalid_response') };
  const body = parsed.value;
  return looksLikeErrorBody(body) ? readError(response.status, body) : { ok: true, data: body };
}

/**
 * An error answer read by the error reader, which loads with the error texts: when even that download fails, the
 * page is offline, and the outcome says so.
 */
async function readError(
  status: number | undefined,
  body: unknown,
  complete?: (kit: ErrorKit, error: FlexitiApiError) => void,
): Promise<HostOutcome> {
  let kit: ErrorKit;
  try {
    kit = await loadErrorKit();
  } catch {
    return { ok: false, error: localError('network_error') };
  }
  const error = kit.readApiError(status, body);
  complete?.(kit, error);
  return { ok: false, error };
}

async function readFailure(failure: unknown): Promise<FlexitiApiError> {
  if (isApiError(failure)) return failure;
  const named = failure as { name?: string; response?: unknown; error?: unknown } | null;
  if (named?.error && isApiError(named.error)) return named.error; // our server client's FlexitiClientError
  if (named?.response instanceof Response) {
    const result = await readResponse(named.response, {});
    return result.ok ? localError('invalid_response') : result.error;
  }
  if (named?.name === 'TimeoutError') return localError('timeout');
  return localError('network_error');
}

/** A 200 body that is really an error (hosts sometimes pass an error body through `respondWith`). */
function looksLikeErrorBody(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const body = value as Record<string, unknown>;
  return (
    (typeof body.error === 'string' && body.error !== '' && !('customer_id' in body)) ||
    Array.isArray(body.field_errors) ||
    typeof body._embedded === 'object'
  );
}
