/** What every sandbox route is given and answers with: the request's context and Flexiti's error shapes. */
import {
  BodyTooLargeError,
  errorResponse,
  isPlainObject,
  oauthErrorResponse,
  parseJson,
  readBodyText,
  type FlexitiFieldError,
} from '../../http.js';
import { sandboxOffers, type SandboxLang } from '../form-values.js';
import { API_TEXT } from '../messages.js';
import type { SandboxWorld } from '../state.js';

export interface RouteContext {
  world: SandboxWorld;
  request: Request;
  url: URL;
  /** The path, for the `url` field of error bodies (never the query: it can hold PII). */
  path: string;
  params: string[];
  now: number;
}

export interface Route {
  /** The name the request log records (never the path: it can hold a customer id). */
  name: string;
  method: 'GET' | 'POST';
  /** Matched against the tail of the path, so any base URL works. */
  pattern: RegExp;
  /** Needs a bearer token and a matching `client_id` in the path (the first capture). */
  authenticated: boolean;
  handle(context: RouteContext): Promise<Response> | Response;
}

/** Flexiti's `{ error, message, url, field_errors? }` answer. */
export const fail = (
  context: RouteContext,
  status: number,
  error: string,
  message: string,
  fields?: FlexitiFieldError[],
) => errorResponse(status, context.path, error, message, fields);

/** Flexiti's `{ error, error_description, code }` answer (HTTP 409 unless the code says otherwise). */
export const codeFail = (error: string, description: string, code = 409) =>
  oauthErrorResponse(409, code, error, description);

export const wrongInputs = (context: RouteContext, fields: FlexitiFieldError[], error = 'wrong_inputs', status = 409) =>
  fail(context, status, error, API_TEXT.wrongInputs, fields);

/** The body as a JSON object, or the answer Flexiti gives when it is too large or not one. */
export async function readJsonBody(context: RouteContext): Promise<Record<string, unknown> | Response> {
  let text: string;
  try {
    text = await readBodyText(context.request, context.world.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return fail(context, 413, 'payload_too_large', 'Request body too large.');
    throw error;
  }
  const parsed = parseJson(text);
  if (!parsed.ok || !isPlainObject(parsed.value)) return fail(context, 409, 'wrong_inputs', API_TEXT.wrongInputs);
  return parsed.value;
}

export function offersFor(lang: SandboxLang) {
  // Lookup and Quebec approvals send terms as strings, as in the seed's examples.
  return sandboxOffers(lang).map((offer) => ({ ...offer, term_options: offer.term_options.map(String) }));
}

/**
 * A route under `/client-id/{client_id}/…`, behind the bearer check; its name is its tail. `{id}` in the tail
 * captures one path segment (the customer id), after the client id.
 */
export function clientRoute(method: Route['method'], tail: string, handle: Route['handle']): Route {
  const source = tail
    .split('/')
    .map((segment) => (segment === '{id}' ? '([^/]+)' : segment))
    .join('\\/');
  return {
    name: tail,
    method,
    pattern: new RegExp(`\\/client-id\\/([^/]+)\\/${source}$`),
    authenticated: true,
    handle,
  };
}
