import ky, { type KyInstance, type Options } from 'ky';
import type { FlexitiRequestEvent } from '../events/request-event.js';

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** Where the merchant's handler (`createFlexitiHandler`) is mounted, e.g. `/api/flexiti`. */
  endpoint: string;
  /** Extra ky options (headers such as a CSRF token, a custom `fetch`, a timeout). */
  ky?: Options;
}

/**
 * How long one call may take. Longer than the server client's own 15 s per attempt, so an application the
 * server is still waiting on is not abandoned by the browser first (its outcome would be unknown).
 */
export const CONNECT_TIMEOUT_MS = 30_000;

/** The ky instance every call goes through: the handler's routes under `endpoint`, same-origin cookies. */
function handlerApi(options: ConnectOptions): KyInstance {
  const prefixUrl = new URL(options.endpoint.replace(/\/?$/, '/'), document.baseURI).href;
  return ky.create({ prefixUrl, credentials: 'same-origin', timeout: CONNECT_TIMEOUT_MS, ...options.ky });
}

type RequestEventName =
  | 'flexiti-terms-request'
  | 'flexiti-apply-request'
  | 'flexiti-close-account-request'
  | 'flexiti-license-request'
  | 'flexiti-verify-request';

/**
 * Which handler route answers which request event. Terms are a GET (no PII: province and language), so
 * ky retries them on its defaults; everything that carries customer data is a POST, never retried.
 */
const routes: Record<RequestEventName, (api: KyInstance, request: never) => Promise<Response>> = {
  'flexiti-terms-request': (api, request: { province: string; lang: string }) =>
    api.get('terms', { searchParams: { province: request.province, lang: request.lang } }),
  'flexiti-apply-request': (api, request: object) => api.post('apply', { json: request, retry: 0 }),
  'flexiti-close-account-request': (api, request: object) => api.post('close-account', { json: request, retry: 0 }),
  'flexiti-license-request': (api, request: object) => api.post('license', { json: request, retry: 0 }),
  'flexiti-verify-request': (api, request: object) => api.post('verify', { json: request, retry: 0 }),
};

/**
 * Answers every flexiti request event under `root` by calling the handler's routes at `endpoint`.
 * A host page then needs only the script tag, the elements, and this one call:
 *
 * ```js
 * import { connect } from 'flexiti-elements/connect';
 * connect(document, { endpoint: '/api/flexiti' });
 * ```
 *
 * Failures (ky's `HTTPError`, network errors, timeouts) reach the elements as rejections, which they read
 * as the typed errors they already show. An event a listener closer to the element already answered is left
 * alone. `flexiti-verified` is not answered here: posting the purchase with its code is the page's business.
 * Returns a function that disconnects.
 */
export function connect(root: Document | Element | ShadowRoot, options: ConnectOptions): () => void {
  const api = handlerApi(options);
  const listeners = (Object.keys(routes) as RequestEventName[]).map((name) => {
    const listener = (event: Event) => {
      const request = event as FlexitiRequestEvent<unknown>;
      if (request.answered) return; // another listener closer to the element already answered
      request.respondWith(routes[name](api, request.detail.request as never));
    };
    root.addEventListener(name, listener);
    return () => root.removeEventListener(name, listener);
  });
  return () => listeners.forEach((remove) => remove());
}

/**
 * Loads the merchant's `form_values` (for `<flexiti-apply>`'s `formValues`) from the handler: no PII, so a GET,
 * retried on ky's defaults. `lang` defaults to the page's (`<html lang>`). The element checks what it gets.
 */
export async function loadFormValues(options: ConnectOptions & { lang?: 'en' | 'fr' }): Promise<unknown> {
  const lang = options.lang ?? (/^fr\b/i.test(document.documentElement.lang.trim()) ? 'fr' : 'en');
  return handlerApi(options).get('form-values', { searchParams: { lang } }).json();
}
