/**
 * Typed Flexiti POS API client for the merchant's server, on ky. One method per endpoint of seed 003; every
 * answer is checked with the model's schemas and every failure is a {@link FlexitiClientError}.
 *
 * Reliability rules (docs/reliability.md §3): a GET is retried once, waiting at most a few seconds whatever
 * `Retry-After` asks (a longer wait is passed on to the caller instead); POSTs never retry (apply,
 * verify, close-account and transactions have unknown outcomes after a failure); every attempt has a timeout.
 * OAuth tokens are cached, renewed 60 s before they expire (refresh_token grant first, client_credentials when
 * that fails), one renewal at a time however many calls wait; a 401 renews once and replays once.
 * Nothing here logs: errors carry codes, statuses and a reference id, never request data.
 */
import ky, { HTTPError, TimeoutError, type KyInstance, type Options as KyOptions } from 'ky';
import type { z } from 'zod/mini';
import {
  applyResponseSchema,
  closeAccountResponseSchema,
  customerTransactionsResponseSchema,
  licenseResponseSchema,
  localError,
  lookupResponseSchema,
  merchantLoginResponseSchema,
  oauthTokenResponseSchema,
  readApiError,
  searchResponseSchema,
  termsResponseSchema,
  transactionResponseSchema,
  verifyResponseSchema,
  type ApplyRequest,
  type ApplyResponse,
  type CloseAccountResponse,
  type CustomerTransactionsResponse,
  type FlexitiApiError,
  type LicenseResponse,
  type LookupResponse,
  type MerchantLoginResponse,
  type OAuthTokenResponse,
  type SearchResponse,
  type TransactionResponse,
  type transactionRequestSchema,
  type lookupQuerySchema,
  type verifyRequestSchema,
  type VerifyResponse,
} from '../model/index.js';
import { parseJson } from '../model/json.js';

/** Anything with the shape of `fetch` taking a `Request` (global fetch, a sandbox, a test double). */
export type FetchLike = (request: Request, init?: RequestInit) => Promise<Response>;

export interface FlexitiClientOptions {
  /** The POS API root, e.g. `https://posapi-training.flexiti.fi/flexiti/pos-api/v2.5`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  merchantUsername: string;
  merchantPassword: string;
  /** Replaces the global fetch (a sandbox's `fetch`, a proxy-aware fetch). */
  fetch?: FetchLike;
  /** Milliseconds each attempt may take before it fails with `timeout`. Default 15 000. */
  timeout?: number;
  /** Clock for token expiry, milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
  /** How long a refused merchant login is remembered before it is tried again, ms. Default 30 000. */
  authFailureTtlMs?: number;
}

/** A GET is retried once, after at most this long (`Retry-After` included). */
export const GET_RETRY_MAX_WAIT_MS = 3_000;

/** Only `https:` reaches Flexiti; plain `http:` is accepted for this machine alone (a sandbox, a test server). */
function checkBaseUrl(baseUrl: string): void {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError('createFlexitiClient: baseUrl is not a URL');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || url.hostname.endsWith('.invalid');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new TypeError('createFlexitiClient: baseUrl must use https');
  }
}

/** Per-call options. */
export interface CallOptions {
  /** Overrides the client's timeout for this call. */
  timeout?: number;
  /** Aborts the call (reported as `network_error`). */
  signal?: AbortSignal;
}

export type Lang = 'en' | 'fr';
export type LookupQueryInput = z.input<typeof lookupQuerySchema> & { lang?: Lang };
export type TransactionRequestInput = z.input<typeof transactionRequestSchema>;
/** The verify body: `customer_id` goes in the path. */
export type VerifyBody = Omit<z.input<typeof verifyRequestSchema>, 'customer_id'>;

/**
 * A failed call. `error` is the model's reading of the failure (type, code, status, fields); `referenceId` is
 * the `x-reference-id` sent with the call, for Flexiti support. `body` is the API's error body with every
 * `field_errors[].value` removed (it can echo a SIN), kept so a handler can pass Flexiti's answer on.
 * The message names only the type, code and status: never request data.
 */
export class FlexitiClientError extends Error {
  override readonly name = 'FlexitiClientError';
  readonly type: FlexitiApiError['type'];
  readonly code: string;
  readonly status: number | undefined;
  readonly fields: FlexitiApiError['fields'];

  constructor(
    readonly error: FlexitiApiError,
    readonly referenceId: string,
    readonly body?: unknown,
    /** Flexiti's `Retry-After` on a 429 or 503, passed on so callers wait as long as it asks. */
    readonly retryAfter?: string,
  ) {
    super(`Flexiti ${error.type} error: ${error.code}${error.status === undefined ? '' : ` (HTTP ${error.status})`}`);
    this.type = error.type;
    this.code = error.code;
    this.status = error.status;
    this.fields = error.fields;
  }
}

export interface FlexitiClient {
  /** POST /merchants/login: the merchant and its `form_values` (labels in `lang`). */
  login(options?: CallOptions & { lang?: Lang }): Promise<MerchantLoginResponse>;
  /** GET /terms-and-conditions: the terms HTML (sanitize before rendering). */
  terms(query: { province: string; lang: Lang }, options?: CallOptions): Promise<string>;
  /** POST /apply. Never retried: a failure may hide an application that went through. */
  apply(body: ApplyRequest, options?: CallOptions): Promise<ApplyResponse>;
  lookup(query: LookupQueryInput, options?: CallOptions): Promise<LookupResponse>;
  search(query: { first_name: string; last_name: string; dob: string }, options?: CallOptions): Promise<SearchResponse>;
  verify(customerId: string, body: VerifyBody, options?: CallOptions): Promise<VerifyResponse>;
  customerTransactions(customerId: string, options?: CallOptions): Promise<CustomerTransactionsResponse>;
  decodeLicense(code: string, options?: CallOptions): Promise<LicenseResponse>;
  closeAccount(accountNumber: string, options?: CallOptions): Promise<CloseAccountResponse>;
  /** POST /transactions. `idempotencyKey` is sent as `x-idempotency-key` (Flexiti answers a duplicate with the first result). */
  postTransaction(
    body: TransactionRequestInput,
    options?: CallOptions & { lang?: Lang; idempotencyKey?: string },
  ): Promise<TransactionResponse>;
}

/** Flexiti wants a GUID of 32 ASCII characters: a random UUID without its hyphens. */
function newReferenceId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/** Copies an error body without `field_errors[].value` / `error_fields[].value`. */
export function redactErrorBody(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const key of ['field_errors', 'error_fields']) {
    const list = copy[key];
    if (Array.isArray(list)) {
      copy[key] = list.map((item: unknown) => {
        if (item === null || typeof item !== 'object') return item;
        const { value: _value, ...rest } = item as Record<string, unknown>;
        return rest;
      });
    }
  }
  return copy;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text.trim() === '') return undefined;
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : text;
}

async function errorFromResponse(response: Response, referenceId: string): Promise<FlexitiClientError> {
  const body = await readBody(response);
  const retryAfter = response.headers.get('retry-after') ?? undefined;
  return new FlexitiClientError(readApiError(response.status, body), referenceId, redactErrorBody(body), retryAfter);
}

function errorFromFailure(failure: unknown, referenceId: string): FlexitiClientError {
  if (failure instanceof FlexitiClientError) return failure;
  // Not `failure.message`: ky's messages include the URL, and lookup URLs carry names and birth dates.
  if (failure instanceof TimeoutError) return new FlexitiClientError(localError('timeout'), referenceId);
  return new FlexitiClientError(localError('network_error'), referenceId);
}

function asAuthError(error: FlexitiClientError): FlexitiClientError {
  return new FlexitiClientError(
    { ...error.error, type: 'auth', retryable: false },
    error.referenceId,
    error.body,
    error.retryAfter,
  );
}

interface CachedToken {
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
  renewAt: number;
}

/** Renew this long before `expires_in` runs out (Flexiti's FLX_EXPIRATION_TIME_THRESHOLD). */
const RENEW_MARGIN_MS = 60_000;

/**
 * The OAuth token cache. `current()` answers from the cache or joins the one renewal in flight.
 */
class TokenCache {
  #token: CachedToken | undefined;
  #renewal: Promise<string> | undefined;
  /** A refused login, answered again without asking Flexiti until `until`: browsers can't hammer the merchant's login. */
  #refused: { error: unknown; until: number } | undefined;

  constructor(
    private readonly grant: (form: Record<string, string>) => Promise<OAuthTokenResponse>,
    private readonly now: () => number,
    private readonly refusalTtlMs: number,
  ) {}

  current(): Promise<string> {
    const token = this.#token;
    if (token && this.now() < token.renewAt) return Promise.resolve(token.accessToken);
    if (this.#refused && this.now() < this.#refused.until) return Promise.reject(this.#refused.error);
    return this.#renew();
  }

  /** Drops `accessToken` if it is still the cached one (a later renewal may already have replaced it). */
  invalidate(accessToken: string): void {
    if (this.#token?.accessToken === accessToken) this.#token = { ...this.#token, renewAt: Number.NEGATIVE_INFINITY };
  }

  #renew(): Promise<string> {
    this.#renewal ??= (async () => {
      try {
        const refreshToken = this.#token?.refreshToken;
        let granted: OAuthTokenResponse | undefined;
        if (refreshToken) {
          // An expired or revoked refresh token fails: fall back to the client's own credentials.
          granted = await this.grant({ grant_type: 'refresh_token', refresh_token: refreshToken }).catch(
            () => undefined,
          );
        }
        try {
          granted ??= await this.grant({ grant_type: 'client_credentials' });
        } catch (error) {
          if (error instanceof FlexitiClientError && error.type === 'auth')
            this.#refused = { error, until: this.now() + this.refusalTtlMs };
          throw error;
        }
        this.#refused = undefined;
        const issuedAt = this.now();
        const lifetime = granted.expires_in * 1000;
        this.#token = {
          accessToken: granted.access_token,
          ...(granted.refresh_token ? { refreshToken: granted.refresh_token } : {}),
          expiresAt: issuedAt + lifetime,
          // A very short lifetime would otherwise be "expired" on arrival.
          renewAt: issuedAt + lifetime - Math.min(RENEW_MARGIN_MS, lifetime / 2),
        };
        return granted.access_token;
      } finally {
        this.#renewal = undefined;
      }
    })();
    return this.#renewal;
  }
}

interface CallSpec<S extends z.ZodMiniType> {
  method: 'get' | 'post';
  path: string;
  searchParams?: Record<string, string | undefined>;
  json?: unknown;
  headers?: Record<string, string>;
  schema: S;
  /** The body is HTML, not JSON. */
  text?: boolean;
}

export function createFlexitiClient(options: FlexitiClientOptions): FlexitiClient {
  checkBaseUrl(options.baseUrl);
  const now = options.now ?? Date.now;
  const clientPath = `client-id/${encodeURIComponent(options.clientId)}`;
  const api: KyInstance = ky.create({
    prefixUrl: options.baseUrl.replace(/\/*$/, '/'),
    timeout: options.timeout ?? 15_000,
    // A redirect could carry the client secret or a customer's data to another origin: never follow one.
    redirect: 'error',
    retry: { limit: 1, maxRetryAfter: GET_RETRY_MAX_WAIT_MS, backoffLimit: GET_RETRY_MAX_WAIT_MS },
    // 401 is answered here (renew and replay once), not thrown.
    throwHttpErrors: (status) => status !== 401,
    ...(options.fetch ? { fetch: options.fetch as NonNullable<KyOptions['fetch']> } : {}),
  });

  async function grant(form: Record<string, string>): Promise<OAuthTokenResponse> {
    const referenceId = newReferenceId();
    let response: Response;
    try {
      response = await api.post('oauth/token', {
        body: new URLSearchParams({ ...form, client_id: options.clientId, client_secret: options.clientSecret }),
        headers: { 'x-reference-id': referenceId },
        retry: 0,
        throwHttpErrors: false,
      });
    } catch (failure) {
      throw errorFromFailure(failure, referenceId);
    }
    if (!response.ok) {
      const error = await errorFromResponse(response, referenceId);
      // Credentials the API refuses are a configuration problem, whatever the body says.
      throw response.status < 500 ? asAuthError(error) : error;
    }
    return parse(response, oauthTokenResponseSchema, referenceId, false);
  }

  const tokens = new TokenCache(grant, now, options.authFailureTtlMs ?? 30_000);

  async function parse<S extends z.ZodMiniType>(
    response: Response,
    schema: S,
    referenceId: string,
    text: boolean,
  ): Promise<z.output<S>> {
    const raw = await response.text().catch(() => undefined);
    if (raw === undefined) throw new FlexitiClientError(localError('invalid_response'), referenceId);
    let value: unknown = raw;
    if (!text) {
      // `{}` is close-account's whole answer; some servers send nothing at all.
      const parsed = raw.trim() === '' ? { ok: true as const, value: {} } : parseJson(raw);
      if (!parsed.ok) throw new FlexitiClientError(localError('invalid_response'), referenceId);
      value = parsed.value;
    } else if (raw.trim() === '') {
      throw new FlexitiClientError(localError('invalid_response'), referenceId);
    }
    const checked = schema.safeParse(value);
    if (!checked.success) throw new FlexitiClientError(localError('invalid_response'), referenceId);
    return checked.data as z.output<S>;
  }

  async function call<S extends z.ZodMiniType>(spec: CallSpec<S>, callOptions: CallOptions = {}): Promise<z.output<S>> {
    const referenceId = newReferenceId();
    const send = async (accessToken: string): Promise<Response> => {
      const searchParams = spec.searchParams
        ? Object.fromEntries(
            Object.entries(spec.searchParams).filter((entry): entry is [string, string] => entry[1] !== undefined),
          )
        : undefined;
      return api(spec.path, {
        method: spec.method,
        headers: { authorization: `Bearer ${accessToken}`, 'x-reference-id': referenceId, ...spec.headers },
        ...(searchParams ? { searchParams } : {}),
        ...(spec.json !== undefined ? { json: spec.json } : {}),
        ...(spec.method === 'post' ? { retry: 0 } : {}),
        ...(callOptions.timeout !== undefined ? { timeout: callOptions.timeout } : {}),
        ...(callOptions.signal ? { signal: callOptions.signal } : {}),
      });
    };
    try {
      let accessToken = await tokens.current();
      let response = await send(accessToken);
      if (response.status === 401) {
        // Rejected before processing, so replaying is safe even for a POST. Once.
        await response.body?.cancel().catch(() => undefined);
        tokens.invalidate(accessToken);
        accessToken = await tokens.current();
        response = await send(accessToken);
        if (response.status === 401) throw asAuthError(await errorFromResponse(response, referenceId));
      }
      return await parse(response, spec.schema, referenceId, spec.text ?? false);
    } catch (failure) {
      if (failure instanceof HTTPError) throw await errorFromResponse(failure.response, referenceId);
      throw errorFromFailure(failure, referenceId);
    }
  }

  const customerPath = (customerId: string, tail: string) => {
    const id = String(customerId).trim();
    if (id === '') {
      throw new FlexitiClientError(
        {
          ...localError('unknown'),
          type: 'validation',
          code: 'wrong_inputs',
          fields: { customer_id: { key: 'required' } },
        },
        newReferenceId(),
      );
    }
    return `${clientPath}/customers/${encodeURIComponent(id)}/${tail}`;
  };

  return {
    login({ lang = 'en', ...callOptions } = {}) {
      return call(
        {
          method: 'post',
          path: `${clientPath}/merchants/login`,
          searchParams: { lang },
          json: { merchant_username: options.merchantUsername, merchant_password: options.merchantPassword },
          schema: merchantLoginResponseSchema,
        },
        callOptions,
      );
    },
    terms({ province, lang }, callOptions) {
      return call(
        {
          method: 'get',
          path: `${clientPath}/terms-and-conditions`,
          searchParams: { province, lang },
          schema: termsResponseSchema,
          text: true,
        },
        callOptions,
      );
    },
    apply(body, callOptions) {
      return call(
        { method: 'post', path: `${clientPath}/apply`, json: body, schema: applyResponseSchema },
        callOptions,
      );
    },
    lookup(query, callOptions) {
      const searchParams = Object.fromEntries(
        Object.entries(query)
          .filter(([, value]) => value !== undefined && value !== null && value !== '')
          .map(([key, value]) => [key, String(value)]),
      );
      return call(
        { method: 'get', path: `${clientPath}/customers/lookup`, searchParams, schema: lookupResponseSchema },
        callOptions,
      );
    },
    search({ first_name, last_name, dob }, callOptions) {
      return call(
        {
          method: 'get',
          path: `${clientPath}/customers/search`,
          searchParams: { first_name, last_name, dob },
          schema: searchResponseSchema,
        },
        callOptions,
      );
    },
    async verify(customerId, body, callOptions) {
      const { customer_id: _ignored, ...rest } = body as VerifyBody & { customer_id?: unknown };
      return call(
        { method: 'post', path: customerPath(customerId, 'verify'), json: rest, schema: verifyResponseSchema },
        callOptions,
      );
    },
    async customerTransactions(customerId, callOptions) {
      return call(
        { method: 'get', path: customerPath(customerId, 'transactions'), schema: customerTransactionsResponseSchema },
        callOptions,
      );
    },
    decodeLicense(code, callOptions) {
      return call(
        {
          method: 'post',
          path: `${clientPath}/customers/driverslicense`,
          json: { code },
          schema: licenseResponseSchema,
        },
        callOptions,
      );
    },
    closeAccount(accountNumber, callOptions) {
      return call(
        {
          method: 'post',
          path: `${clientPath}/customers/close-account`,
          json: { account_number: accountNumber },
          schema: closeAccountResponseSchema,
        },
        callOptions,
      );
    },
    postTransaction(body, { lang, idempotencyKey, ...callOptions } = {}) {
      return call(
        {
          method: 'post',
          path: `${clientPath}/transactions`,
          searchParams: { lang },
          json: body,
          headers: idempotencyKey ? { 'x-idempotency-key': idempotencyKey } : {},
          schema: transactionResponseSchema,
        },
        callOptions,
      );
    },
  };
}
