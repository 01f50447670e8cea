/**
 * Small Fetch-API helpers shared by the handler and the sandbox: JSON and error responses in Flexiti's
 * shapes, and a request-body reader with a size cap.
 */

/** One entry of Flexiti's `field_errors` array. `value` is only ever set by the sandbox, mimicking Flexiti. */
export interface FlexitiFieldError {
  param: string;
  msg: string;
  value?: string;
}

/** Flexiti's input/business error body (`{url, message, error, field_errors?}`). */
export interface FlexitiErrorBody {
  url: string;
  message: string;
  error: string;
  field_errors?: FlexitiFieldError[];
}

/** Flexiti's OAuth-style error body (`{code, error, error_description}`); `code` may differ from the HTTP status. */
export interface FlexitiOAuthErrorBody {
  code: number;
  error: string;
  error_description: string;
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** HTML that is only ever data for the elements' sanitizer: the CSP keeps it inert if someone navigates to it. */
export function htmlResponse(html: string, status = 200): Response {
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    },
  });
}

export function errorResponse(
  status: number,
  url: string,
  error: string,
  message: string,
  fieldErrors?: FlexitiFieldError[],
  headers?: Record<string, string>,
): Response {
  const body: FlexitiErrorBody = { url, message, error };
  if (fieldErrors) body.field_errors = fieldErrors;
  return jsonResponse(body, status, headers);
}

export function oauthErrorResponse(status: number, code: number, error: string, description: string): Response {
  const body: FlexitiOAuthErrorBody = { code, error, error_description: description };
  return jsonResponse(body, status);
}

/** Thrown by {@link readBodyText} when the body exceeds the cap. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads a request body as UTF-8 text, refusing more than `maxBytes`. Checks `content-length` first, then
 * counts while streaming, because a chunked body has no length header.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export { parseJson } from '../model/json.js';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
