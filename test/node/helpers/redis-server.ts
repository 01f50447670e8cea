/**
 * A throwaway redis-server for tests: Debian's `redis-server` (scripts/ensure-redis.mjs installs it) on a free
 * port of 127.0.0.1, with no persistence. Each test file starts its own in `before` and stops it in `after`.
 *
 * ```ts
 * let redis: RedisServer;
 * before(async () => { redis = await startRedis(); });   // redis.url: 'redis://127.0.0.1:<port>'
 * after(() => redis.stop());
 * ```
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from './free-port.js';
import { tmpdir } from 'node:os';

export interface RedisServer {
  /** `redis://127.0.0.1:<port>`: pass it to `createRedisStore({ url })` or `new Redis(url)`. */
  url: string;
  port: number;
  /** Stops the server (SIGTERM, SIGKILL after 5 s) and resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** One PING over a raw socket: true when the server answers +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function startOnce(port: number, timeoutMs: number): Promise<RedisServer | undefined> {
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      tmpdir(),
      '--loglevel',
      'warning',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  // A test run that dies without `stop()` must not leave the server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.kill('SIGTERM');
    await exited(child);
    clearTimeout(timer);
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (spawnError) {
      await stop();
      throw new Error(`redis-server could not be started (${spawnError.message}); run node scripts/ensure-redis.mjs`);
    }
    if (child.exitCode !== null) {
      await stop();
      // Most likely the port was taken between freePort() and the spawn: the caller tries another.
      if (/address already in use/i.test(output)) return undefined;
      throw new Error(`redis-server exited (${child.exitCode}): ${output.trim()}`);
    }
    if (await ping(port)) return { url: `redis://127.0.0.1:${port}`, port, stop };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await stop();
  throw new Error(`redis-server did not answer PING on 127.0.0.1:${port} within ${timeoutMs} ms: ${output.trim()}`);
}

/** Starts redis-server on a free port of 127.0.0.1 and resolves once it answers PING. */
export async function startRedis(options: { timeoutMs?: number } = {}): Promise<RedisServer> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const server = await startOnce(await freePort(), options.timeoutMs ?? 10_000);
    if (server) return server;
  }
  throw new Error('redis-server: no free port after 3 attempts');
}
