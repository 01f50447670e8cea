/**
 * flexiti-elements/server/redis: the Redis `CheckoutStore` for merchants who run several instances (Node; ioredis
 * is an optional peer dependency). Kept apart from `flexiti-elements/server` so edge bundles never meet ioredis.
 *
 * ```ts
 * import { createRedisStore } from 'flexiti-elements/server/redis';
 * const flexiti = createFlexitiHandler({ client, store: await createRedisStore({ url: process.env.REDIS_URL }) });
 * ```
 */
export { createRedisStore, type RedisStoreOptions } from './checkout/redis-store.js';
