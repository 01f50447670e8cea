/**
 * `lazy(build)`: a stand-in for the object `build()` returns, built on first use. The zod schemas are exported
 * this way so that importing the model costs nothing until a schema is used (building every schema at import was
 * most of the model's start-up time), and, with the `@__PURE__` mark at each call, so that a bundle using none of
 * them drops zod altogether.
 */
export function lazy<T extends object>(build: () => T): T {
  let built: T | undefined;
  const target = () => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(target(), key),
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
  });
}
