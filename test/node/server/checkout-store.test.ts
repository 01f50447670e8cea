/**
 * One contract for every CheckoutStore, run against the memory store (fake clock) and the Redis store (a real
 * redis-server on a free port of 127.0.0.1, two clients on it as two server instances would have).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { createMemoryStore } from '../../../src/server/checkout/memory-store.js';
import { createRedisStore } from '../../../src/server/checkout/redis-store.js';
import { CheckoutStoreError, type CheckoutRecord, type CheckoutStore } from '../../../src/server/checkout/store.js';
import { startRedis, type RedisServer } from '../helpers/redis-server.js';

interface Backend {
  /** A store on this backend. Called twice, it gives two instances on the same data (memory: the same store). */
  open(): Promise<CheckoutStore>;
  now(): number;
  /** Lets `ms` go by on the clock the store measures retention with. */
  pass(ms: number): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const newId = () => randomBytes(16).toString('base64url');
const newPrefix = () => `t${randomBytes(6).toString('hex')}`;

function record(overrides: Partial<CheckoutRecord> = {}): CheckoutRecord {
  return {
    id: newId(),
    orderId: 'order-1042',
    amount: 1695,
    channel: 'online',
    plans: [{ plan_id: 'P12', terms: [12] }],
    lang: 'en',
    status: 'open',
    createdAt: 1_700_000_000_000,
    expiresAt: 1_700_000_900_000,
    purchaseAttempts: 0,
    ...overrides,
  };
}

const isError = (code: CheckoutStoreError['code']) => (error: unknown) =>
  error instanceof CheckoutStoreError && error.code === code;

function contract(name: string, makeBackend: () => Promise<Backend>) {
  describe(`CheckoutStore contract: ${name}`, () => {
    let backend: Backend;
    let store: CheckoutStore;
    let other: CheckoutStore;
    /** A retention the Redis store can wait out in a test. */
    const RETAIN_MS = 300;
    const later = () => backend.now() + 60_000;

    before(async () => {
      backend = await makeBackend();
      store = await backend.open();
      other = await backend.open();
    });
    after(() => backend.close());

    it('gives back the record it was given', async () => {
      const saved = record({ customer: { customerId: '829825', source: 'lookup', offers: [], methods: ['sms'] } });
      await store.create(saved, later());
      assert.deepEqual(await store.get(saved.id), saved);
      assert.deepEqual(await other.get(saved.id), saved, 'another instance reads it too');
    });

    it('finds nothing for an unknown id', async () => {
      assert.equal(await store.get(newId()), undefined);
      assert.equal(await store.get(''), undefined);
    });

    it('refuses a second create with the same id, from any instance, and keeps the first', async () => {
      const first = record();
      await store.create(first, later());
      await assert.rejects(store.create({ ...first, amount: 1 }, later()), isError('exists'));
      await assert.rejects(other.create({ ...first, amount: 1 }, later()), isError('exists'));
      assert.equal((await store.get(first.id))?.amount, 1695);
    });

    it('refuses a retention that is not a time', async () => {
      await assert.rejects(store.create(record(), Number.NaN), RangeError);
    });

    it('shares no object with its callers', async () => {
      const saved = record();
      await store.create(saved, later());
      saved.amount = 1;
      const read = (await store.get(saved.id))!;
      read.status = 'purchased';
      read.plans!.push({ plan_id: 'X' });
      let handedBack: CheckoutRecord | undefined;
      const updated = (await store.update(saved.id, (current) => (handedBack = { ...current, orderId: 'order-2' })))!;
      updated.status = 'cancelled';
      handedBack!.status = 'approved';
      handedBack!.plans!.length = 0;
      await store.update(saved.id, (current) => {
        current.status = 'expired';
        return undefined;
      });
      const stored = (await store.get(saved.id))!;
      assert.equal(stored.amount, 1695);
      assert.equal(stored.status, 'open');
      assert.equal(stored.orderId, 'order-2');
      assert.deepEqual(stored.plans, [{ plan_id: 'P12', terms: [12] }]);
    });

    it('keeps a record until retainUntil, then gets and updates find nothing and the id is free again', async () => {
      const saved = record();
      await store.create(saved, backend.now() + RETAIN_MS);
      await backend.pass(RETAIN_MS - 150);
      assert.equal((await other.get(saved.id))?.id, saved.id, 'still kept before retainUntil');
      await backend.pass(250);
      assert.equal(await store.get(saved.id), undefined);
      assert.equal(await other.get(saved.id), undefined);
      let called = false;
      assert.equal(await store.update(saved.id, (current) => ((called = true), current)), undefined);
      assert.equal(called, false);
      await store.create({ ...saved, orderId: 'order-2' }, later());
      assert.equal((await store.get(saved.id))?.orderId, 'order-2');
    });

    it('keeps the retention of create across updates', async () => {
      const saved = record();
      await store.create(saved, backend.now() + RETAIN_MS);
      await store.update(saved.id, (current) => ({ ...current, status: 'approved' }));
      await other.update(saved.id, (current) => ({ ...current, status: 'verified' }));
      assert.equal((await store.get(saved.id))?.status, 'verified');
      await backend.pass(RETAIN_MS + 100);
      assert.equal(await store.get(saved.id), undefined);
    });

    it('applies a change and resolves to the stored record', async () => {
      const saved = record();
      await store.create(saved, later());
      const seen: CheckoutRecord[] = [];
      const result = await store.update(saved.id, (current) => {
        seen.push(structuredClone(current));
        return { ...current, status: 'verified', verification: { format: 'sms', sentTo: 'sms', at: 5 } };
      });
      assert.deepEqual(seen, [saved], 'change got the stored record');
      const expected = { ...saved, status: 'verified', verification: { format: 'sms', sentTo: 'sms', at: 5 } };
      assert.deepEqual(result, expected);
      assert.deepEqual(await other.get(saved.id), expected);
    });

    it('leaves the record as it is when change returns undefined', async () => {
      const saved = record({ status: 'verified' });
      await store.create(saved, later());
      const result = await store.update(saved.id, (current) => {
        current.status = 'purchased'; // mutating the copy it was given stores nothing
        return undefined;
      });
      assert.deepEqual(result, saved);
      assert.deepEqual(await store.get(saved.id), saved);
    });

    it('resolves to undefined, without calling change, for an unknown id', async () => {
      let called = false;
      assert.equal(await store.update(newId(), (current) => ((called = true), current)), undefined);
      assert.equal(called, false);
    });

    it('rejects with what change throws and stores nothing', async () => {
      const saved = record();
      await store.create(saved, later());
      const boom = new Error('boom');
      await assert.rejects(
        store.update(saved.id, () => {
          throw boom;
        }),
        (error) => error === boom,
      );
      assert.deepEqual(await store.get(saved.id), saved);
    });

    it('refuses a change that moves the record to another id', async () => {
      const saved = record();
      await store.create(saved, later());
      const elsewhere = newId();
      await assert.rejects(
        store.update(saved.id, (current) => ({ ...current, id: elsewhere })),
        TypeError,
      );
      assert.deepEqual(await store.get(saved.id), saved);
      assert.equal(await store.get(elsewhere), undefined);
    });

    it('loses no update: 50 concurrent increments from two instances all land', async () => {
      const saved = record();
      await store.create(saved, later());
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (i % 2 ? other : store).update(saved.id, (current) => ({
            ...current,
            purchaseAttempts: current.purchaseAttempts + 1,
          })),
        ),
      );
      assert.equal((await store.get(saved.id))?.purchaseAttempts, 50);
      const counts = results.map((result) => result!.purchaseAttempts).sort((a, b) => a - b);
      assert.deepEqual(
        counts,
        Array.from({ length: 50 }, (_, i) => i + 1),
        'each update saw its own result',
      );
    });

    it('lets exactly one of two racing instances move verified → purchasing (20 races)', async () => {
      for (let race = 0; race < 20; race++) {
        const saved = record({ status: 'verified', customer: { customerId: '829825', source: 'lookup', offers: [] } });
        await store.create(saved, later());
        const attempt = async (instance: CheckoutStore, planId: string) => {
          let won = false;
          const result = await instance.update(saved.id, (current) => {
            won = false;
            if (current.status !== 'verified' || current.purchasing) return undefined;
            won = true;
            return {
              ...current,
              purchasing: { since: race, planId, term: 12 },
              purchaseAttempts: current.purchaseAttempts + 1,
            };
          });
          return { won, holder: result?.purchasing?.planId };
        };
        const [a, b] = await Promise.all([attempt(store, 'A'), attempt(other, 'B')]);
        assert.equal(Number(a.won) + Number(b.won), 1, `race ${race}: exactly one wins`);
        const winner = a.won ? 'A' : 'B';
        assert.equal(a.holder, winner, 'both see the same holder');
        assert.equal(b.holder, winner);
        const stored = (await other.get(saved.id))!;
        assert.equal(stored.purchasing?.planId, winner);
        assert.equal(stored.purchaseAttempts, 1);
      }
    });

    it('limiter: counts points per key and rejects past them with msBeforeNext', async () => {
      const limiter = store.limiter({ keyPrefix: newPrefix(), points: 3, duration: 60 });
      const remaining = [];
      for (let i = 0; i < 3; i++) remaining.push((await limiter.consume('checkout-1')).remainingPoints);
      assert.deepEqual(remaining, [2, 1, 0]);
      const rejection = await limiter.consume('checkout-1').then(
        () => assert.fail('a 4th point in the window must be refused'),
        (error: unknown) => error,
      );
      assert.ok(rejection instanceof RateLimiterRes, 'rejects with a RateLimiterRes, not an Error');
      assert.equal(rejection.remainingPoints, 0);
      assert.ok(
        rejection.msBeforeNext > 55_000 && rejection.msBeforeNext <= 60_000,
        `msBeforeNext ${rejection.msBeforeNext}`,
      );
      assert.equal((await limiter.consume('checkout-2')).remainingPoints, 2, 'another key has its own points');
      const sibling = store.limiter({ keyPrefix: newPrefix(), points: 3, duration: 60 });
      assert.equal((await sibling.consume('checkout-1')).remainingPoints, 2, 'another keyPrefix has its own points');
    });

    it('limiter: one limit across instances', async () => {
      const options = { keyPrefix: newPrefix(), points: 3, duration: 60 };
      const here = store.limiter(options);
      const there = other.limiter(options);
      await here.consume('203.0.113.7');
      await there.consume('203.0.113.7');
      assert.equal((await here.consume('203.0.113.7')).consumedPoints, 3);
      await assert.rejects(
        there.consume('203.0.113.7'),
        (error) => error instanceof RateLimiterRes && error.msBeforeNext > 0,
      );
      await assert.rejects(here.consume('203.0.113.7'), RateLimiterRes);
    });

    it('limiter: get reads the count without using a point, delete resets it, on every instance', async () => {
      const options = { keyPrefix: newPrefix(), points: 5, duration: 60 };
      const here = store.limiter(options);
      const there = other.limiter(options);
      assert.equal(await here.get('code-1'), null, 'nothing counted yet');
      await here.consume('code-1');
      await here.consume('code-1');
      const state = (await there.get('code-1'))!;
      assert.equal(state.consumedPoints, 2);
      assert.ok(state.msBeforeNext > 55_000 && state.msBeforeNext <= 60_000, `msBeforeNext ${state.msBeforeNext}`);
      assert.equal((await there.get('code-1'))!.consumedPoints, 2, 'get used no point');
      assert.equal(await there.delete('code-1'), true);
      assert.equal(await here.get('code-1'), null);
      assert.equal((await here.consume('code-1')).remainingPoints, 4);
    });

    it('limiter: a new window gives the points back', async () => {
      const limiter = store.limiter({ keyPrefix: newPrefix(), points: 1, duration: 1 });
      await limiter.consume('k');
      await assert.rejects(limiter.consume('k'), RateLimiterRes);
      await sleep(1100);
      assert.equal((await limiter.consume('k')).remainingPoints, 0);
    });

    it('limiter: blockDuration blocks past the window', async () => {
      const limiter = store.limiter({ keyPrefix: newPrefix(), points: 1, duration: 1, blockDuration: 30 });
      await limiter.consume('k');
      const rejection = await limiter.consume('k').then(
        () => assert.fail('must be refused'),
        (error: unknown) => error as RateLimiterRes,
      );
      assert.ok(rejection.msBeforeNext > 25_000, `blocked for ${rejection.msBeforeNext} ms`);
    });
  });
}

contract('memory', async () => {
  let now = Date.UTC(2026, 2, 10, 15, 0, 0);
  const store = createMemoryStore({ now: () => now });
  return {
    open: async () => store,
    now: () => now,
    pass: async (ms) => {
      now += ms;
    },
    close: () => store.close(),
  };
});

let redis: RedisServer | undefined;
const stores: CheckoutStore[] = [];
const redisUrl = async () => (redis ??= await startRedis()).url;

contract('redis', async () => ({
  open: async () => {
    const opened = await createRedisStore({ url: await redisUrl(), keyPrefix: 'contract:' });
    stores.push(opened);
    return opened;
  },
  now: Date.now,
  pass: async (ms) => {
    await sleep(ms);
  },
  close: async () => {
    await Promise.all(stores.splice(0).map((opened) => opened.close()));
  },
}));

describe('createRedisStore', () => {
  let url: string;
  let raw: Redis;
  before(async () => {
    url = await redisUrl();
    raw = new Redis(url);
  });
  after(async () => {
    await raw.quit();
    await redis?.stop();
  });

  it('keeps checkouts under keyPrefix: two prefixes on one server do not see each other', async () => {
    const shopA = await createRedisStore({ url, keyPrefix: 'shop-a:' });
    const shopB = await createRedisStore({ client: raw, keyPrefix: 'shop-b:' });
    try {
      const saved = record();
      await shopA.create(saved, Date.now() + 60_000);
      assert.equal(await shopB.get(saved.id), undefined);
      await shopB.create({ ...saved, orderId: 'b' }, Date.now() + 60_000);
      assert.equal((await shopA.get(saved.id))?.orderId, 'order-1042');
      assert.equal((await shopB.get(saved.id))?.orderId, 'b');
      assert.deepEqual(JSON.parse((await raw.get(`shop-a:checkout:${saved.id}`))!), saved);
      const ttl = await raw.pttl(`shop-a:checkout:${saved.id}`);
      assert.ok(ttl > 55_000 && ttl <= 60_000, `kept for ${ttl} ms`);
    } finally {
      await shopA.close();
      await shopB.close();
    }
  });

  it('keeps limiter counters apart from checkouts', async () => {
    const store = await createRedisStore({ client: raw, keyPrefix: 'apart:' });
    const saved = record();
    await store.create(saved, Date.now() + 60_000);
    const limiter = store.limiter({ keyPrefix: 'checkout', points: 5, duration: 60 });
    await limiter.consume(saved.id);
    assert.deepEqual(await store.get(saved.id), saved);
    assert.equal(await raw.get(`apart:limit:checkout:${saved.id}`), '1');
  });

  it('gives up with a conflict error after maxUpdateAttempts when another writer always wins', async () => {
    const store = await createRedisStore({ client: raw, keyPrefix: 'conflict:', maxUpdateAttempts: 4 });
    const saved = record();
    await store.create(saved, Date.now() + 60_000);
    let calls = 0;
    await assert.rejects(
      store.update(saved.id, (current) => {
        calls++;
        // Another writer gets in between (same connection, so it reaches Redis before the store's write).
        void raw.set(
          `conflict:checkout:${saved.id}`,
          JSON.stringify({ ...current, orderId: `other-${calls}` }),
          'KEEPTTL',
        );
        return { ...current, status: 'verified' };
      }),
      isError('conflict'),
    );
    assert.equal(calls, 4);
    const stored = (await store.get(saved.id))!;
    assert.equal(stored.orderId, 'other-4');
    assert.equal(stored.status, 'open');
  });

  it('close() ends the connection it made and leaves a given client open', async () => {
    const client = new Redis(url);
    const given = await createRedisStore({ client });
    await given.close();
    assert.equal(await client.ping(), 'PONG');
    await client.quit();

    const own = await createRedisStore({ url });
    await own.create(record(), Date.now() + 60_000);
    await own.close();
    await assert.rejects(own.get(newId()), /closed/i);
  });

  it('needs exactly one of url and client', async () => {
    await assert.rejects(createRedisStore({}), TypeError);
    await assert.rejects(createRedisStore({ url, client: raw }), TypeError);
  });

  it('rejects, leaving nothing open, when Redis cannot be reached', async () => {
    await assert.rejects(createRedisStore({ url: 'redis://127.0.0.1:1' }), /ECONNREFUSED/);
  });

  it('flexiti-elements/server and /server/redis load without ioredis; only createRedisStore({ url }) asks for it', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const hooks = `export async function resolve(specifier, context, next) {
      if (specifier === 'ioredis' || specifier.startsWith('ioredis/')) {
        throw Object.assign(new Error('no ioredis here'), { code: 'ERR_MODULE_NOT_FOUND' });
      }
      return next(specifier, context);
    }`;
    const script = `
      import { register } from 'node:module';
      register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}));
      const server = await import(${JSON.stringify(pathToFileURL(`${root}src/server/index.ts`).href)});
      const redis = await import(${JSON.stringify(pathToFileURL(`${root}src/server/redis.ts`).href)});
      console.log('loaded', typeof server.createMemoryStore, typeof redis.createRedisStore);
      await redis.createRedisStore({ url: 'redis://127.0.0.1:1' }).catch((error) => console.log('redis:', error.message));
    `;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^loaded function function$/m);
    assert.match(
      result.stdout,
      /^redis: createRedisStore\(\{ url \}\) needs the ioredis package: npm install ioredis$/m,
    );
  });
});
