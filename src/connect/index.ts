import type { FlexitiRequestEvent } from '../events/request-event.js';
import { HOST_CONNECTED_EVENT } from '../events/host-connected.js';
import type { FormValuesInput } from '../model/schemas.js';
import { apiLang } from '../model/locale.js';
import { pageLocale } from '../internal/locale.js';

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** Where the merchant's handler (`createFlexitiHandler`) is mounted, e.g. `/api/flexiti`. */
  endpoint: string;
  /**
   * The checkout's id, from the merchant's server (`flexiti.createCheckout(...)`): sent as `x-flexiti-checkout`
   * with every call but the public `terms` and `form-values`. Without it the handler answers 401
   * `checkout_required`, which the elements show.
   */
  checkout?: string;
  /** Extra headers on every call (a CSRF token, say), next to the checkout's. */
  headers?: HeadersInit;
  /** The `fetch` to call (default: the page's). */
  fetch?: typeof fetch;
  /** How long one attempt may take, in ms (default {@link CONNECT_TIMEOUT_MS}). */
  timeout?: number;
}

/** The header that carries the checkout's id (docs/checkout-sessions.md). */
export const CHECKOUT_HEADER = 'x-flexiti-checkout';

/**
 * How long one call may take. Longer than the server client's own 15 s per attempt, so an application the
 * server is still waiting on is not abandoned by the browser first (its outcome would be unknown).
 */
export const CONNECT_TIMEOUT_MS = 30_000;

/**
 * A GET is asked again after a network failure or one of these statuses, at most {@link GET_RETRIES} times,
 * 0.3 s × 2ⁿ apart (or after the `Retry-After` the server gives, when it is at most 3 s: a longer wait is the
 * element's to show). A POST is never asked again: it may have been carried out.
 */
export const RETRY_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];
export const GET_RETRIES = 2;
const BACKOFF_MS = 300;
const MAX_RETRY_AFTER_MS = 3000;

/** The rejection for an answer that is not 2xx: the elements read its `response` as the typed error it carries. */
export class HTTPError extends Error {
  override name = 'HTTPError';
  constructor(readonly response: Response) {
    super(`Request failed with status ${response.status}`);
  }
}

interface Call {
  method: 'GET' | 'POST';
  path: string;
  search?: Record<string, string>;
  json?: unknown;
  /** On the checkout: sends its header. */
  checkout?: boolean;
  /** Retries for a GET (default {@link GET_RETRIES}). */
  retries?: number;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The delay before attempt `attempt + 1`, or undefined when the answer must not be retried. */
function retryDelay(attempt: number, response: Response | undefined): number | undefined {
  if (response && !RETRY_STATUSES.includes(response.status)) return undefined;
  const header = response?.headers.get('retry-after');
  if (!header) return BACKOFF_MS * 2 ** attempt;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return ms <= MAX_RETRY_AFTER_MS ? Math.max(0, ms) : undefined;
}

/** One call to the handler under `endpoint`, with same-origin cookies and a timeout per attempt. */
async function callHandler(options: ConnectOptions, call: Call): Promise<Response> {
  const url = new URL(call.path, new URL(options.endpoint.replace(/\/?$/, '/'), document.baseURI));
  for (const [key, value] of Object.entries(call.search ?? {})) url.searchParams.set(key, value);
  const headers = new Headers(options.headers);
  if (call.checkout && options.checkout) headers.set(CHECKOUT_HEADER, options.checkout);
  if (call.json !== undefined) headers.set('content-type', 'application/json');
  headers.set('accept', 'application/json');
  const send = options.fetch ?? globalThis.fetch;
  const retries = call.method === 'GET' ? (call.retries ?? GET_RETRIES) : 0;
  for (let attempt = 0; ; attempt++) {
    let response: Response | undefined;
    try {
      response = await send(url, {
        method: call.method,
        headers,
        body: call.json === undefined ? undefined : JSON.stringify(call.json),
        credentials: 'same-origin',
        signal: AbortSignal.timeout(options.timeout ?? CONNECT_TIMEOUT_MS),
      });
    } catch (failure) {
      // A timeout (`TimeoutError`) is not asked again: the handler may still be working on it.
      if (attempt >= retries || (failure as { name?: string }).name === 'TimeoutError') throw failure;
    }
    if (response?.ok) return response;
    const delay = attempt < retries ? retryDelay(attempt, response) : undefined;
    if (delay === undefined) throw new HTTPError(response!);
    await wait(delay);
  }
}

type RequestEventName =
  | 'flexiti-terms-request'
  | 'flexiti-apply-request'
  | 'flexiti-close-account-request'
  | 'flexiti-license-request'
  | 'flexiti-lookup-request'
  | 'flexiti-verify-request'
  | 'flexiti-purchase-request'
  | 'flexiti-checkout-request'
  | 'flexiti-form-values-request';

/**
 * Which handler route answers which request event. Terms are a public GET (no PII: province and language), so
 * they are retried and carry no checkout; everything else acts on the checkout, and is a POST that is never
 * retried. Close-account posts `{}`: the handler closes only this checkout's own approval.
 */
const routes: Record<RequestEventName, (request: never) => Call> = {
  'flexiti-terms-request': (request: { province: string; lang: string }) => ({
    method: 'GET',
    path: 'terms',
    search: { province: request.province, lang: request.lang },
  }),
  'flexiti-apply-request': (request: object) => ({ method: 'POST', path: 'apply', json: request, checkout: true }),
  'flexiti-close-account-request': () => ({ method: 'POST', path: 'close-account', json: {}, checkout: true }),
  'flexiti-license-request': (request: object) => ({ method: 'POST', path: 'license', json: request, checkout: true }),
  'flexiti-lookup-request': (request: object) => ({ method: 'POST', path: 'lookup', json: request, checkout: true }),
  'flexiti-verify-request': (request: object) => ({ method: 'POST', path: 'verify', json: request, checkout: true }),
  'flexiti-purchase-request': (request: object) => ({
    method: 'POST',
    path: 'purchase',
    json: request,
    checkout: true,
  }),
  // `<flexiti-checkout>`'s GETs: the checkout (amount, status; on the checkout) and the public form values.
  'flexiti-checkout-request': () => ({ method: 'GET', path: 'checkout', checkout: true, retries: 1 }),
  'flexiti-form-values-request': (request: { lang: string }) => ({
    method: 'GET',
    path: 'form-values',
    search: { lang: request.lang },
  }),
};

/**
 * Answers every flexiti request event under `root` by calling the handler's routes at `endpoint`, on the
 * checkout the merchant's server created for this order. A host page then needs only the script tag, the
 * elements, and this one call:
 *
 * ```js
 * import { connect } from 'flexiti-elements/connect';
 * connect(document, { endpoint: '/api/flexiti', checkout: checkoutIdFromYourServer });
 * ```
 *
 * | event | route |
 * |---|---|
 * | `flexiti-terms-request` | `GET terms` (public) |
 * | `flexiti-apply-request` | `POST apply` |
 * | `flexiti-close-account-request` | `POST close-account` with `{}` |
 * | `flexiti-license-request` | `POST license` |
 * | `flexiti-lookup-request` | `POST lookup` |
 * | `flexiti-verify-request` | `POST verify` |
 * | `flexiti-purchase-request` | `POST purchase` (`{plan_id, term, verification_code?}`) |
 *
 * Every call but `terms` carries `x-flexiti-checkout`. Failures ({@link HTTPError}, network errors, timeouts)
 * reach the elements as rejections, which they read as the typed errors they already show (a 401 checkout error,
 * a 429 with how long to wait). An event a listener closer to the element already answered is left alone.
 * Returns a function that disconnects.
 */
export function connect(root: Document | Element | ShadowRoot, options: ConnectOptions): () => void {
  const listeners = (Object.keys(routes) as RequestEventName[]).map((name) => {
    const listener = (event: Event) => {
      const request = event as FlexitiRequestEvent<unknown>;
      if (request.answered) return; // another listener closer to the element already answered
      request.respondWith(callHandler(options, routes[name](request.detail.request as never)));
    };
    root.addEventListener(name, listener);
    return () => root.removeEventListener(name, listener);
  });
  // Elements that asked before this ran (a framework hydrating after the page's load) ask again now.
  window.dispatchEvent(new Event(HOST_CONNECTED_EVENT));
  return () => listeners.forEach((remove) => remove());
}

/**
 * Loads the merchant's `form_values` (for `<flexiti-apply>`'s `formValues`) from the handler: no PII, so a GET,
 * retried. `lang` defaults to the page's (`<html lang>` or `setLocale()`). The element checks what it gets.
 */
export async function loadFormValues(options: ConnectOptions & { lang?: 'en' | 'fr' }): Promise<FormValuesInput> {
  const lang = apiLang(options.lang ?? pageLocale());
  // The handler's answer, as <flexiti-apply>.formValues takes it (the element checks it again).
  const response = await callHandler(options, { method: 'GET', path: 'form-values', search: { lang } });
  return (await response.json()) as FormValuesInput;
}

/**
 * Loads the checkout as the page may see it (`GET checkout`): `{amount, currency, channel, status, customer?,
 * offer_types?, methods?, receipt?}`. Needs `checkout`; a GET, retried.
 */
export async function loadCheckout(options: ConnectOptions): Promise<unknown> {
  return (await callHandler(options, { method: 'GET', path: 'checkout', checkout: true })).json();
}
