import ky, { type KyInstance, type Options } from 'ky';
import { HOST_CONNECTED_EVENT, type FlexitiRequestEvent } from '../events/request-event.js';
import type { FormValuesInput } from '../model/schemas.js';

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
  /** Extra ky options (headers such as a CSRF token, a custom `fetch`, a timeout). */
  ky?: Options;
}

/** The header that carries the checkout's id (docs/checkout-sessions.md). */
export const CHECKOUT_HEADER = 'x-flexiti-checkout';

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

/** ky options for a call on the checkout: its header, when there is a checkout. */
function onCheckout(options: ConnectOptions): Options {
  return options.checkout ? { headers: { [CHECKOUT_HEADER]: options.checkout } } : {};
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

type Route = (api: KyInstance, request: never, checkout: Options) => Promise<Response>;

/**
 * Which handler route answers which request event. Terms are a public GET (no PII: province and language), so
 * ky retries them on its defaults and they carry no checkout; everything else acts on the checkout, and is a
 * POST that is never retried. Close-account posts `{}`: the handler closes only this checkout's own approval.
 */
const routes: Record<RequestEventName, Route> = {
  'flexiti-terms-request': (api, request: { province: string; lang: string }) =>
    api.get('terms', { searchParams: { province: request.province, lang: request.lang } }),
  'flexiti-apply-request': (api, request: object, checkout) =>
    api.post('apply', { ...checkout, json: request, retry: 0 }),
  'flexiti-close-account-request': (api, _request: object, checkout) =>
    api.post('close-account', { ...checkout, json: {}, retry: 0 }),
  'flexiti-license-request': (api, request: object, checkout) =>
    api.post('license', { ...checkout, json: request, retry: 0 }),
  'flexiti-lookup-request': (api, request: object, checkout) =>
    api.post('lookup', { ...checkout, json: request, retry: 0 }),
  'flexiti-verify-request': (api, request: object, checkout) =>
    api.post('verify', { ...checkout, json: request, retry: 0 }),
  'flexiti-purchase-request': (api, request: object, checkout) =>
    api.post('purchase', { ...checkout, json: request, retry: 0 }),
  // `<flexiti-checkout>`'s GETs: the checkout (amount, status; on the checkout) and the public form values.
  'flexiti-checkout-request': (api, _request: object, checkout) =>
    api.get('checkout', { ...checkout, retry: { limit: 1, maxRetryAfter: 3000 } }),
  'flexiti-form-values-request': (api, request: { lang: string }) =>
    api.get('form-values', { searchParams: { lang: request.lang } }),
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
 * Every call but `terms` carries `x-flexiti-checkout`. Failures (ky's `HTTPError`, network errors, timeouts)
 * reach the elements as rejections, which they read as the typed errors they already show (a 401 checkout error,
 * a 429 with how long to wait). An event a listener closer to the element already answered is left alone.
 * Returns a function that disconnects.
 */
export function connect(root: Document | Element | ShadowRoot, options: ConnectOptions): () => void {
  const api = handlerApi(options);
  const checkout = onCheckout(options);
  const listeners = (Object.keys(routes) as RequestEventName[]).map((name) => {
    const listener = (event: Event) => {
      const request = event as FlexitiRequestEvent<unknown>;
      if (request.answered) return; // another listener closer to the element already answered
      request.respondWith(routes[name](api, request.detail.request as never, checkout));
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
 * retried on ky's defaults. `lang` defaults to the page's (`<html lang>`). The element checks what it gets.
 */
export async function loadFormValues(options: ConnectOptions & { lang?: 'en' | 'fr' }): Promise<FormValuesInput> {
  const lang = options.lang ?? (/^fr\b/i.test(document.documentElement.lang.trim()) ? 'fr' : 'en');
  // The handler's answer, as <flexiti-apply>.formValues takes it (the element checks it again).
  return handlerApi(options).get('form-values', { searchParams: { lang } }).json<FormValuesInput>();
}

/**
 * Loads the checkout as the page may see it (`GET checkout`): `{amount, currency, channel, status, customer?,
 * offer_types?, methods?, receipt?}`. Needs `checkout`; a GET, retried on ky's defaults.
 */
export async function loadCheckout(options: ConnectOptions): Promise<unknown> {
  return handlerApi(options).get('checkout', onCheckout(options)).json();
}
