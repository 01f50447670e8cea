/**
 * Small readers for the API shapes the elements receive, with the normalizations of the zod schemas in
 * schemas.ts: ids → trimmed strings, amounts (`"1,200.05"`, numbers) → numbers, terms → positive integers (bad
 * `term_options` entries dropped), unknown keys dropped. The elements read with these so that the browser path
 * needs no zod: zod and its schemas cost about 12 kB gzip and most of the start-up time. The schemas stay for the
 * server and `flexiti-elements/model`; test/node/model/read.test.ts holds both to the same answers.
 */
import { PROVINCES, type ProvinceCode } from './provinces.js';

/** Where a read failed: the path of the first value that didn't fit (as the schema's first issue names it). */
export class ReadFailure {
  constructor(readonly path: readonly PropertyKey[]) {}
}

/** Reads one value: the normalized value, or a {@link ReadFailure}. */
export type Reader<T> = (input: unknown) => T | ReadFailure;

export type ReadResult<T> = { ok: true; value: T } | { ok: false; path: readonly PropertyKey[] };

/** Runs `reader` on `input`. */
export function read<T>(reader: Reader<T>, input: unknown): ReadResult<T> {
  const value = reader(input);
  return value instanceof ReadFailure ? { ok: false, path: value.path } : { ok: true, value };
}

const HERE = new ReadFailure([]);
const failed = (value: unknown): value is ReadFailure => value instanceof ReadFailure;
const under = (key: PropertyKey, failure: ReadFailure) => new ReadFailure([key, ...failure.path]);

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export const string: Reader<string> = (input) => (typeof input === 'string' ? input : HERE);
export const boolean: Reader<boolean> = (input) => (typeof input === 'boolean' ? input : HERE);
export const unknown: Reader<unknown> = (input) => input;

/** Ids and account, card and customer numbers: strings, or non-negative safe integers; always trimmed strings. */
export const id: Reader<string> = (input) =>
  typeof input === 'string'
    ? input.trim()
    : Number.isSafeInteger(input) && (input as number) >= 0
      ? String(input)
      : HERE;

/** `"1000.00"`, `"1,200.05"`, `"$ 120.05"` → a number; anything else undefined. */
export function parseAmount(value: string): number | undefined {
  const compact = value.replace(/[\s\u00A0\u202F$,]/g, '');
  return /^-?\d+(?:\.\d+)?$/.test(compact) ? Number(compact) : undefined;
}

/** A term in months from a number or a digit string; undefined unless a positive integer. */
export function parseTerm(value: number | string): number | undefined {
  const term = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(term) && term > 0 ? term : undefined;
}

/** Amounts: numbers, or strings like `"1000.00"`, `"1,200.05"`; always finite numbers. */
export const amount: Reader<number> = (input) => {
  const value = isNumber(input) ? input : typeof input === 'string' ? parseAmount(input) : undefined;
  return value !== undefined && Number.isFinite(value) ? value : HERE;
};

/** A term in months: a number or a digit string; `""` (deposits, regular purchases) reads as undefined. */
export const term: Reader<number | undefined> = (input) => {
  if (input === '') return undefined;
  if (!isNumber(input) && typeof input !== 'string') return HERE;
  return parseTerm(input) ?? HERE;
};

/** `term_options`: numbers or strings; entries that aren't a positive integer are dropped, never NaN. */
export const termOptions: Reader<number[]> = (input) => {
  if (!Array.isArray(input)) return HERE;
  const terms: number[] = [];
  for (const [index, entry] of input.entries()) {
    if (!isNumber(entry) && typeof entry !== 'string') return under(index, HERE);
    const term = parseTerm(entry);
    if (term !== undefined) terms.push(term);
  }
  return terms;
};

/** A string `pattern` matches. */
export const matching =
  (pattern: RegExp): Reader<string> =>
  (input) =>
    typeof input === 'string' && pattern.test(input) ? input : HERE;

/** One of `values`. */
export const oneOf =
  <const T extends string>(values: readonly T[]): Reader<T> =>
  (input) =>
    (values as readonly unknown[]).includes(input) ? (input as T) : HERE;

export const province: Reader<ProvinceCode> = oneOf(PROVINCES);

const OPTIONAL = Symbol('optional');
type Optional<T> = Reader<T | undefined> & { [OPTIONAL]: true };

/** Absent or undefined reads as undefined (an absent key stays absent in the object read). */
export function optional<T>(reader: Reader<T>): Optional<T> {
  const optionalReader = ((input: unknown) => (input === undefined ? undefined : reader(input))) as Optional<T>;
  optionalReader[OPTIONAL] = true;
  return optionalReader;
}

/** Absent or undefined reads as `fallback()`. */
export const withDefault =
  <T>(reader: Reader<T>, fallback: () => T): Reader<T> =>
  (input) =>
    input === undefined ? fallback() : reader(input);

export function array<T>(reader: Reader<T>): Reader<T[]> {
  return (input) => {
    if (!Array.isArray(input)) return HERE;
    const values: T[] = [];
    for (const [index, entry] of input.entries()) {
      const value = reader(entry);
      if (failed(value)) return under(index, value);
      values.push(value);
    }
    return values;
  };
}

/** A plain object as JSON makes it (not an array, a Date, a Map…). */
function isPlainObject(input: unknown): input is Record<PropertyKey, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const ctor = (input as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const prototype = (ctor as { prototype?: unknown }).prototype;
  return typeof prototype === 'object' && prototype !== null && Object.hasOwn(prototype, 'isPrototypeOf');
}

/** key → value for every own enumerable key of a plain object, in its order (`__proto__` skipped). */
export function record<T>(reader: Reader<T>): Reader<Record<string, T>> {
  return (input) => {
    if (!isPlainObject(input)) return HERE;
    const values: Record<string, T> = {};
    for (const key of Reflect.ownKeys(input)) {
      if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key)) continue;
      if (typeof key !== 'string') return under(key, HERE);
      const value = reader(input[key]);
      if (failed(value)) return under(key, value);
      values[key] = value;
    }
    return values;
  };
}

type Shape = Record<string, Reader<unknown>>;
type ShapeOutput<S extends Shape> = {
  [K in keyof S as S[K] extends Optional<unknown> ? never : K]: S[K] extends Reader<infer T> ? T : never;
} & {
  [K in keyof S as S[K] extends Optional<unknown> ? K : never]?: S[K] extends Reader<infer T> ? T : never;
};
type Flat<T> = { [K in keyof T]: T[K] };

/** An object (not an array) read key by key in `shape`'s order; keys `shape` doesn't name are dropped. */
export function object<S extends Shape>(shape: S): Reader<Flat<ShapeOutput<S>>> {
  const keys = Object.keys(shape);
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return HERE;
    const values: Record<string, unknown> = {};
    for (const key of keys) {
      const reader = shape[key]!;
      const present = key in input;
      if (!present && OPTIONAL in reader) continue;
      const value = reader((input as Record<string, unknown>)[key]);
      if (failed(value)) return under(key, value);
      if (value !== undefined || present) values[key] = value;
    }
    return values as Flat<ShapeOutput<S>>;
  };
}

// ── The shapes the elements read ──────────────────────────────────────────────────────────────────────────────

/** An option list (value → label, in the order given): `optionMapSchema`. */
export const optionMap = record(string);

/** A financing plan: `offerTypeSchema`. */
export const offerType = object({ plan_name: string, plan_id: id, offer_category: string, term_options: termOptions });

const options = object({ options: optionMap });

/** `form_values` from POST /merchants/login: `formValuesSchema`. */
export const formValues = object({
  salutation: options,
  province: options,
  security_qid: options,
  govid_type: options,
  govid_issued_by: object({ option_depends: record(optionMap) }),
  offer_types: withDefault(array(offerType), () => []),
});

const optionalText = optional(string);

/** The decoded licence's fields, all text: one list for this reader and `licenseResponseSchema`. */
export const LICENSE_FIELDS = [
  'first_name',
  'middle_name',
  'last_name',
  'dob',
  'address_1',
  'address_2',
  'city',
  'province',
  'postal_code',
  'govid_type',
  'govid_issuedby',
  'govid_number',
  'govid_expiry',
] as const;

/** The same `field` for each of `fields`: a shape for {@link object} (or for a zod object). */
export function eachField<K extends string, F>(fields: readonly K[], field: F): Record<K, F> {
  return Object.fromEntries(fields.map((name) => [name, field])) as Record<K, F>;
}

/** The decoded licence, every field optional: `licenseResponseSchema`. */
export const licenseResponse = object(eachField(LICENSE_FIELDS, optionalText));

/** POST /apply approval: `applyResponseSchema`. */
export const applyResponse = object({
  vcc_number: id,
  account_number: id,
  customer_id: id,
  available_credit: amount,
  credit_limit: amount,
  risk_rating: optionalText,
  offer_types: optional(array(offerType)),
  debt_ratio: optional(amount),
});
