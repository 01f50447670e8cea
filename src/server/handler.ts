/**
 * The merchant's side of the browser glue (`connect`): a Fetch-style handler that validates what the elements
 * send with the model's schemas, calls Flexiti through the typed client, and answers in Flexiti's shapes so
 * the elements read every failure the same way. Mount it under `basePath` in any framework that speaks
 * `Request`/`Response` (Hono, Next.js route handlers, Bun, Deno, `serveNode`).
 *
 * Input errors are 400 `{url, message, error: 'wrong_inputs', field_errors: [{param, msg}]}` without the values;
 * Flexiti's own errors pass through with their status and without `field_errors[].value`; configuration and
 * transport failures become 502/504 with a code the model's catalogue knows. No stack traces, no secrets.
 */
import type { z } from 'zod/mini';
import {
  applyFieldErrors,
  applyRequestSchema,
  schemaFieldErrors,
  closeAccountRequestSchema,
  licenseRequestSchema,
  lookupQuerySchema,
  searchQuerySchema,
  termsQuerySchema,
  transactionRequestSchema,
  verifyRequestSchema,
  type FormValues,
} from '../model/index.js';
import { FlexitiClientError, type FlexitiClient, type Lang } from './client.js';
import {
  BodyTooLargeError,
  errorResponse,
  htmlResponse,
  isPlainObject,
  jsonResponse,
  parseJson,
  readBodyText,
  type FlexitiFieldError,
} from './http.js';

export interface FlexitiHandlerOptions {
  client: FlexitiClient;
  /** Where the routes live. Default `/api/flexiti`. */
  basePath?: string;
  /** Largest request body accepted, in bytes (413 above). Default 32 KiB. */
  maxBodyBytes?: number;
  /** Language used when a request names none. Default `en`. */
  lang?: Lang;
  /** How long `form_values` stay cached per language, ms. Default 15 minutes. */
  formValuesTtlMs?: number;
  /** Clock for the cache. Default `Date.now`. */
  now?: () => number;
}

export interface FlexitiHandler {
  fetch(request: Request): Promise<Response>;
}

const WRONG_INPUTS = 'Some inputs are wrong!';

function normalizeLang(raw: string | null, fallback: Lang): Lang | undefined {
  if (raw === null || raw.trim() === '') return fallback;
  const lang = raw.trim().toLowerCase().slice(0, 2);
  return lang === 'en' || lang === 'fr' ? lang : undefined;
}

type Route =
  | { kind: 'get'; handle: (url: URL, path: string) => Promise<Response> }
  | { kind: 'post'; handle: (body: Record<string, unknown>, path: string, request: Request) => Promise<Response> };

export function createFlexitiHandler(options: FlexitiHandlerOptions): FlexitiHandler {
  const { client } = options;
  const basePath = `/${(options.basePath ?? '/api/flexiti').replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  const maxBodyBytes = options.maxBodyBytes ?? 32 * 1024;
  const defaultLang = options.lang ?? 'en';
  const ttl = options.formValuesTtlMs ?? 15 * 60 * 1000;
  const now = options.now ?? Date.now;
  const formValuesCache = new Map<Lang, { expiresAt: number; value: Promise<FormValues> }>();

  const badInput = (path: string, fields: FlexitiFieldError[]) => errorResponse(400, path, 'wrong_inputs', WRONG_INPUTS, fields);

  /** Validates with `schema`; answers 400 with field errors, or calls `next` with the parsed value. */
  async function validated<S extends z.ZodMiniType>(
    schema: S,
    body: Record<string, unknown>,
    path: string,
    next: (value: z.output<S>) => Promise<Response>,
  ): Promise<Response> {
    const fields = schemaFieldErrors(schema, body);
    if (fields.length > 0) return badInput(path, fields);
    return next(schema.parse(body) as z.output<S>);
  }

  function formValues(lang: Lang): Promise<FormValues> {
    const cached = formValuesCache.get(lang);
    if (cached && cached.expiresAt > now()) return cached.value;
    const value = client.login({ lang }).then((login) => login.form_values);
    formValuesCache.set(lang, { expiresAt: now() + ttl, value });
    // A failure is not cached: the next request tries again.
    value.catch(() => {
      if (formValuesCache.get(lang)?.value === value) formValuesCache.delete(lang);
    });
    return value;
  }

  const routes: Record<string, Route> = {
    '/form-values': {
      kind: 'get',
      async handle(url, path) {
        const lang = normalizeLang(url.searchParams.get('lang'), defaultLang);
        if (!lang) return badInput(path, [{ param: 'lang', msg: 'invalid' }]);
        return jsonResponse(await formValues(lang));
      },
    },
    '/terms': {
      kind: 'get',
      async handle(url, path) {
        const query = {
          province: url.searchParams.get('province') ?? undefined,
          lang: url.searchParams.get('lang') || defaultLang,
        };
        return validated(termsQuerySchema, query, path, async ({ province, lang }) =>
          htmlResponse(await client.terms({ province, lang: lang as Lang })),
        );
      },
    },
    '/apply': {
      kind: 'post',
      async handle(body, path) {
        const fields = applyFieldErrors(body);
        if (fields.length > 0) return badInput(path, fields);
        return jsonResponse(await client.apply(applyRequestSchema.parse(body)));
      },
    },
    '/close-account': {
      kind: 'post',
      handle: (body, path) =>
        validated(closeAccountRequestSchema, body, path, async ({ account_number }) => jsonResponse(await client.closeAccount(account_number))),
    },
    '/license': {
      kind: 'post',
      handle: (body, path) => validated(licenseRequestSchema, body, path, async ({ code }) => jsonResponse(await client.decodeLicense(code))),
    },
    '/lookup': {
      kind: 'post',
      handle: (body, path) => validated(lookupQuerySchema, body, path, async (query) => jsonResponse(await client.lookup(query))),
    },
    '/search': {
      kind: 'post',
      handle: (body, path) => validated(searchQuerySchema, body, path, async (query) => jsonResponse(await client.search(query))),
    },
    '/verify': {
      kind: 'post',
      handle: (body, path) =>
        validated(verifyRequestSchema, body, path, async ({ customer_id, ...rest }) => jsonResponse(await client.verify(customer_id, rest))),
    },
    '/transactions': {
      kind: 'post',
      handle: (body, path, request) => {
        // The page may send its order id as an idempotency key, so a double submit posts once.
        const idempotencyKey = request.headers.get('x-idempotency-key')?.trim().slice(0, 100) || undefined;
        return validated(transactionRequestSchema, body, path, async (transaction) =>
          jsonResponse(await client.postTransaction(transaction, idempotencyKey ? { idempotencyKey } : {})),
        );
      },
    },
  };

  const CUSTOMER_TRANSACTIONS = /^\/customers\/([^/]+)\/transactions$/;

  async function customerTransactions(id: string, path: string): Promise<Response> {
    if (!/^\d{1,20}$/.test(id)) return badInput(path, [{ param: 'customer_id', msg: 'wrong format' }]);
    return jsonResponse(await client.customerTransactions(id));
  }

  async function readJson(request: Request, path: string): Promise<Record<string, unknown> | Response> {
    let text: string;
    try {
      text = await readBodyText(request, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return errorResponse(413, path, 'payload_too_large', `The request body is larger than ${maxBodyBytes} bytes.`);
      }
      throw error;
    }
    // Requiring JSON also keeps plain cross-site form posts out (they cannot send application/json).
    const contentType = request.headers.get('content-type') ?? '';
    const parsed = /^application\/json\b/i.test(contentType) ? parseJson(text) : { ok: false as const };
    if (!parsed.ok || !isPlainObject(parsed.value)) {
      return errorResponse(400, path, 'bad_request', 'The request body must be a JSON object.');
    }
    return parsed.value;
  }

  /** A client failure → Flexiti's answer passed on, or a gateway error for what the browser cannot fix. */
  function fromClientError(error: FlexitiClientError, path: string): Response {
    if (error.type === 'auth') {
      return errorResponse(502, path, error.code, 'The store could not authenticate with Flexiti.');
    }
    if (error.status === undefined) {
      return errorResponse(error.code === 'timeout' ? 504 : 502, path, error.code, error.error.message);
    }
    const headers: Record<string, string> = error.retryAfter ? { 'retry-after': error.retryAfter } : {};
    if (isPlainObject(error.body)) {
      const body = { ...error.body };
      // Flexiti's `url` names the merchant's client id and, for lookups, the query: say ours instead.
      if ('url' in body) body['url'] = path;
      return jsonResponse(body, error.status, headers);
    }
    return errorResponse(error.status, path, error.code, error.error.message, undefined, headers);
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path !== basePath && !path.startsWith(`${basePath}/`)) {
      return errorResponse(404, path, 'route_not_found', 'No such route.');
    }
    const tail = path.slice(basePath.length).replace(/\/+$/, '') || '/';
    const customer = CUSTOMER_TRANSACTIONS.exec(tail);
    const found: Route | undefined = customer
      ? { kind: 'get', handle: () => customerTransactions(decodeURIComponent(customer[1]!), path) }
      : Object.hasOwn(routes, tail)
        ? routes[tail]
        : undefined;
    if (!found) return errorResponse(404, path, 'route_not_found', 'No such route.');
    const method = found.kind === 'get' ? 'GET' : 'POST';
    if (request.method !== method) {
      return errorResponse(405, path, 'method_not_allowed', `Use ${method}.`, undefined, { allow: method });
    }
    if (found.kind === 'get') return found.handle(url, path);
    const body = await readJson(request, path);
    if (body instanceof Response) return body;
    return found.handle(body, path, request);
  }

  return {
    async fetch(request) {
      const path = (() => {
        try {
          return new URL(request.url).pathname;
        } catch {
          return '';
        }
      })();
      try {
        return await route(request);
      } catch (error) {
        if (error instanceof FlexitiClientError) return fromClientError(error, path);
        // Anything else is our bug: say so without details (no stack, no message that could hold data).
        return errorResponse(500, path, 'general_error', 'Something went wrong.');
      }
    },
  };
}
