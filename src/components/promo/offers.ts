/**
 * The merchant's `offer_types`, fetched from its handler once per page: every `<flexiti-promo>` with the same
 * `endpoint` and language shares one request (a product grid of 48 items makes one GET). A plain `fetch`, so
 * the promo entry stays small (no ky). A failed request is forgotten, so a later promo may try again.
 */

/** Why the handler's answer could not be used: for the host's logs (`flexiti-error`). */
export class OffersUnavailable extends Error {
  constructor(
    readonly type: 'network' | 'server' | 'implementation',
    readonly code: string,
    readonly status?: number,
  ) {
    super(code);
  }
}

const requests = new Map<string, Promise<unknown>>();

/** `${endpoint}/form-values?lang=…`, resolved against the page. */
export function formValuesUrl(endpoint: string, lang: 'en' | 'fr'): string {
  const url = new URL(`${endpoint.replace(/\/+$/, '')}/form-values`, document.baseURI);
  url.searchParams.set('lang', lang);
  return url.href;
}

async function request(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    throw new OffersUnavailable('network', 'network_error');
  }
  if (!response.ok) {
    throw new OffersUnavailable(
      response.status >= 500 ? 'server' : 'implementation',
      'form_values_unavailable',
      response.status,
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new OffersUnavailable('implementation', 'invalid_response', response.status);
  }
  const offers =
    typeof body === 'object' && body !== null ? (body as { offer_types?: unknown }).offer_types : undefined;
  if (!Array.isArray(offers)) throw new OffersUnavailable('implementation', 'invalid_response', response.status);
  return offers;
}

/** The `offer_types` the handler at `endpoint` answers for `lang`: one request per endpoint and language per page. */
export function loadOffers(endpoint: string, lang: 'en' | 'fr'): Promise<unknown> {
  const url = formValuesUrl(endpoint, lang);
  let pending = requests.get(url);
  if (!pending) {
    pending = request(url);
    requests.set(url, pending);
    pending.catch(() => {
      if (requests.get(url) === pending) requests.delete(url);
    });
  }
  return pending;
}

/** @internal Forgets every answer (tests). */
export function forgetOffers(): void {
  requests.clear();
}
