/**
 * The servers of bench/handler.ts, in their own process so its CPU time is theirs alone: a bare route answering
 * the same JSON as the handler's `GET checkout`, the handler on the memory store, and on a Redis store (a
 * redis-server started here on a free port).
 */
import {
  createFlexitiClient,
  createFlexitiHandler,
  createMemoryStore,
  createSandbox,
  type FlexitiHandler,
} from '../src/server/index.js';
import { createRedisStore } from '../src/server/redis.js';
import { serveNode } from '../src/server/node.js';
import { startRedis } from '../test/node/helpers/redis-server.js';

const sandbox = createSandbox();
const client = createFlexitiClient({
  baseUrl: 'https://sandbox.invalid',
  ...sandbox.credentials,
  fetch: sandbox.fetch,
});
const redis = await startRedis();
const redisStore = await createRedisStore({ url: redis.url, keyPrefix: 'bench:' });
const limits = { requestsPerClient: { points: 1_000_000, duration: 60 } };

async function checkoutOn(handler: FlexitiHandler): Promise<string> {
  return (await handler.createCheckout({ orderId: 'bench', amount: 1299.99, channel: 'online' })).id;
}

const memory = createFlexitiHandler({ client, store: createMemoryStore(), limits });
const onRedis = createFlexitiHandler({ client, store: redisStore, limits });
const view = JSON.stringify({
  amount: 1299.99,
  currency: 'CAD',
  channel: 'online',
  status: 'open',
  lang: 'en',
  expires_at: new Date().toISOString(),
});
const bare = {
  fetch: (request: Request) =>
    new Response(request.headers.get('x-flexiti-checkout') ? view : '{}', {
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    }),
};

const servers = await Promise.all([
  serveNode(bare, { port: 0 }),
  serveNode(memory, { port: 0 }),
  serveNode(onRedis, { port: 0 }),
]);
const [bareServer, memoryServer, redisServer] = servers;
process.send!({
  targets: {
    bare: { url: bareServer!.url, checkout: 'x' },
    memory: { url: memoryServer!.url, checkout: await checkoutOn(memory) },
    redis: { url: redisServer!.url, checkout: await checkoutOn(onRedis) },
  },
});

process.on('message', async (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send!({ cpuMicros: user + system });
  } else if (message === 'stop') {
    await Promise.all(servers.map((server) => server.close()));
    await redisStore.close();
    await redis.stop();
    process.exit(0);
  }
});
