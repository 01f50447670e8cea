/** Parsing JSON from a body, one way for the model, the server and the client: a failure is a value, never a throw. */

export type JsonResult = { ok: true; value: unknown } | { ok: false };

/** `JSON.parse` that reports failure instead of throwing. */
export function parseJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
