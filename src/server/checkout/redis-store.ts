/**
 * The Redis `CheckoutStore`, for merchants who run several server instances: checkouts, the single-use purchase
 * lock (`purchasing`) and the rate-limit counters live in Redis, so every instance sees the same ones.
 *
 * ioredis is an optional peer dependency: this module imports only its types, and loads the package itself
 * (`await import('ioredis')`) only when `createRedisStore` is given a `url`. `flexiti-elements/server` therefore
 * never needs ioredis unless you use it.
 *
 * Keys (all under `keyPrefix`, default `flexiti:`): `<prefix>checkout:<id>` holds the record as JSON with a TTL
 * up to its `retainUntil`; `<prefix>limit:<limiter keyPrefix>:<key>` are rate-limiter-flexible's counters.
 */
import type { Redis, RedisOptions } from 'ioredis';
import { RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { checkRetention, checkSameId } from './checks.js';
import { CheckoutStoreError, type CheckoutRecord, type CheckoutStore, type LimiterOptions } from './store.js';

export interface RedisStoreOptions {
  /** `redis://[[user]:password@]host:port[/db]` (or `rediss://`): the store connects, and `close()` disconnects. */
  url?: string;
  /** More ioredis options for the connection made from `url` (TLS, timeouts…). */
  redisOptions?: RedisOptions;
  /**
   * Your own ioredis client instead of `url`: the store uses it as it is (ioredis queues commands until it is
   * connected) and `close()` leaves it open. The store defines two script commands on it
   * (`flexitiCheckoutCas`, and rate-limiter-flexible's `rlflxIncr`).
   */
  client?: Redis;
  /** Prefix of every key the store writes. Default `flexiti:`. Give each shop or environment its own. */
  keyPrefix?: string;
  /**
   * The clock `retainUntil` is measured against (Redis keeps a checkout `retainUntil - now()` ms). Give it the
   * same clock as the handler. Default `Date.now`.
   */
  now?: () => number;
  /** How many times `update` reads and retries when other writers change the checkout first. Default 100. */
  maxUpdateAttempts?: number;
}

/**
 * Compare-and-set: writes ARGV[2] only if the key still holds exactly ARGV[1], keeping its TTL. Atomic on the
 * server, so it is safe on a client shared by many concurrent requests — unlike WATCH/MULTI/EXEC, whose WATCH
 * belongs to the connection: on one shared ioredis connection one request's EXEC clears another's WATCH, and
 * updates are lost (49 of 50 concurrent increments in a test on a single client).
 */
const CAS_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
  return 1
end
return 0
`;

/** ioredis, loaded on first use; a missing package gets an error that says what to install. */
async function loadIoredis(): Promise<{ Redis: typeof Redis }> {
  try {
    const { Redis: RedisClass } = await import('ioredis');
    return { Redis: RedisClass };
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error('createRedisStore({ url }) needs the ioredis package: npm install ioredis', { cause: error });
  }
}

interface CasClient {
  flexitiCheckoutCas(key: string, expected: string, next: string): Promise<number>;
}

/**
 * A `CheckoutStore` on Redis 6.0 or later (`KEEPTTL`), through ioredis 5 or 6. Async because it may load ioredis and connect: with `url`, it
 * resolves once connected and rejects (leaving nothing open) when Redis cannot be reached.
 *
 * ```ts
 * const store = await createRedisStore({ url: process.env.REDIS_URL });
 * const flexiti = createFlexitiHandler({ client, store });
 * // on shutdown: await store.close();
 * ```
 *
 * - `create`: `SET key json PX <retainUntil - now> NX` (an id still kept is refused).
 * - `update`: GET, `change`, then a compare-and-set script (`KEEPTTL`); on a conflict it reads again and calls
 *   `change` with the newer record, up to `maxUpdateAttempts` times, then rejects with `CheckoutStoreError`
 *   `conflict`.
 * - `limiter()`: rate-limiter-flexible's `RateLimiterRedis` on the same client, so limits hold across instances.
 */
export async function createRedisStore(options: RedisStoreOptions): Promise<CheckoutStore> {
  if (!options.url === !options.client) throw new TypeError('createRedisStore: give either `url` or `client`');
  const keyPrefix = options.keyPrefix ?? 'flexiti:';
  const now = options.now ?? Date.now;
  const maxAttempts = options.maxUpdateAttempts ?? 100;
  if (!(Number.isInteger(maxAttempts) && maxAttempts >= 1))
    throw new RangeError('maxUpdateAttempts must be an integer ≥ 1');

  const owned = !options.client;
  let client: Redis;
  if (options.client) {
    client = options.client;
  } else {
    const { Redis } = await loadIoredis();
    client = new Redis(options.url!, { ...options.redisOptions, lazyConnect: true });
    // The first socket error says why (ECONNREFUSED, ENOTFOUND, auth…); connect() itself only says "closed".
    let firstError: unknown;
    const onError = (error: unknown) => (firstError ??= error);
    client.on('error', onError);
    try {
      await client.connect();
    } catch (error) {
      client.disconnect();
      throw firstError ?? error;
    } finally {
      client.off('error', onError);
    }
  }
  client.defineCommand('flexitiCheckoutCas', { numberOfKeys: 1, lua: CAS_SCRIPT });
  const cas = client as unknown as CasClient;

  // The counters are in Redis; caching only saves building a limiter (and its script) per call.
  const limiters = new Map<string, RateLimiterRedis>();
  const checkoutKey = (id: string) => `${keyPrefix}checkout:${id}`;
  const parse = (json: string) => JSON.parse(json) as CheckoutRecord;

  return {
    async create(record, retainUntil) {
      checkRetention(retainUntil);
      // A retention already past still refuses a duplicate id, and is gone 1 ms later.
      const ttl = Math.max(1, Math.ceil(retainUntil - now()));
      const done = await client.set(checkoutKey(record.id), JSON.stringify(record), 'PX', ttl, 'NX');
      if (done !== 'OK') throw new CheckoutStoreError('exists', 'A checkout with this id already exists');
    },

    async get(id) {
      const json = await client.get(checkoutKey(id));
      return json === null ? undefined : parse(json);
    },

    async update(id, change) {
      const key = checkoutKey(id);
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        const json = await client.get(key);
        if (json === null) return undefined;
        const next = change(parse(json));
        if (next === undefined) return parse(json);
        checkSameId(id, next);
        const nextJson = JSON.stringify(next);
        if ((await cas.flexitiCheckoutCas(key, json, nextJson)) === 1) return parse(nextJson);
        // Lost a race: read again. After a few losses, a short random pause spreads the contenders out.
        if (attempt >= 3)
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 25)));
      }
      throw new CheckoutStoreError('conflict', `Checkout update lost ${maxAttempts} races in a row`);
    },

    limiter({ keyPrefix: limiterPrefix, points, duration, blockDuration }: LimiterOptions): RateLimiterAbstract {
      const cacheKey = JSON.stringify([limiterPrefix, points, duration, blockDuration ?? 0]);
      let limiter = limiters.get(cacheKey);
      if (!limiter) {
        limiter = new RateLimiterRedis({
          storeClient: client,
          keyPrefix: `${keyPrefix}limit:${limiterPrefix}`,
          points,
          duration,
          blockDuration,
        });
        limiters.set(cacheKey, limiter);
      }
      return limiter;
    },

    async close() {
      if (!owned || client.status === 'end') return;
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
