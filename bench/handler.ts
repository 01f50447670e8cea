/**
 * What checkout sessions cost per request (issue 14): the handler's `GET checkout` (origin check, per-client
 * limit, checkout read, the browser's view) with the memory store and with Redis, beside a bare route that answers
 * the same JSON, all served by `serveNode` on 127.0.0.1 and measured in the same run, in interleaved blocks.
 * Reports p50/p99 latency and server-process CPU per request, each as a ratio to the bare route.
 *
 * `tsx bench/handler.ts [--requests N] [--no-readme]`; `npm run bench` runs it after the browser benchmarks.
 * Needs `redis-server` (scripts/ensure-redis.mjs installs Debian's).
 */
import { fork } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { rounded, summarize } from './stats.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const REQUESTS = Number(args[args.indexOf('--requests') + 1] || 0) || 3000;
const BLOCK = 250;
const VARIANTS = ['bare', 'memory', 'redis'] as const;
type Variant = (typeof VARIANTS)[number];

interface Target {
  url: string;
  checkout: string;
}

/** The servers run in a child process, so its CPU time is the server's alone. */
async function startServers(): Promise<{
  targets: Record<Variant, Target>;
  cpu(): Promise<number>;
  stop(): Promise<void>;
}> {
  const child = fork(fileURLToPath(new URL('./handler-servers.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve) =>
      child.once('message', (message) => resolve(message as Record<string, unknown>)),
    );
  const ready = (await next()) as { targets: Record<Variant, Target> };
  return {
    targets: ready.targets,
    async cpu() {
      const answer = next();
      child.send('cpu');
      return ((await answer) as { cpuMicros: number }).cpuMicros;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function get(target: Target): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const call = request(
      `${target.url}/api/flexiti/checkout`,
      { agent, headers: { 'x-flexiti-checkout': target.checkout } },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`HTTP ${response.statusCode}`)),
        );
      },
    );
    call.on('error', reject);
    call.end();
  });
}

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const servers = await startServers();
  const latencies: Record<Variant, number[]> = { bare: [], memory: [], redis: [] };
  const cpuMicros: Record<Variant, number> = { bare: 0, memory: 0, redis: 0 };
  try {
    for (const variant of VARIANTS) for (let index = 0; index < 300; index++) await get(servers.targets[variant]); // warm-up
    // Interleaved blocks: each variant meets the same moments of a noisy machine.
    for (let done = 0; done < REQUESTS; done += BLOCK) {
      for (const variant of done % (2 * BLOCK) === 0 ? VARIANTS : [...VARIANTS].reverse()) {
        const before = await servers.cpu();
        for (let index = 0; index < BLOCK; index++) latencies[variant].push(await get(servers.targets[variant]));
        cpuMicros[variant] += (await servers.cpu()) - before;
      }
    }
  } finally {
    await servers.stop();
    agent.destroy();
  }

  const result = Object.fromEntries(
    VARIANTS.map((variant) => {
      const summary = summarize(latencies[variant]);
      const sorted = [...latencies[variant]].sort((a, b) => a - b);
      const p99 = sorted[Math.ceil(0.99 * sorted.length) - 1]!;
      return [
        variant,
        {
          latencyMs: rounded(summary),
          p99Ms: Number(p99.toFixed(3)),
          cpuMicrosPerRequest: Number((cpuMicros[variant] / latencies[variant].length).toFixed(1)),
        },
      ];
    }),
  ) as Record<Variant, { latencyMs: ReturnType<typeof rounded>; p99Ms: number; cpuMicrosPerRequest: number }>;
  const ratio = (variant: Variant, pick: (row: (typeof result)[Variant]) => number) =>
    pick(result[variant]) / pick(result.bare);
  const rows = (['memory', 'redis'] as const).map((variant) => {
    const target = variant === 'memory' ? 1.2 : 2;
    const p50 = ratio(variant, (row) => row.latencyMs.median);
    const p99 = ratio(variant, (row) => row.p99Ms);
    const cpu = ratio(variant, (row) => row.cpuMicrosPerRequest);
    return {
      what: `handler \`GET checkout\`, ${variant === 'memory' ? 'memory store' : 'Redis store (loopback)'}`,
      result: `p50 ${result[variant].latencyMs.median.toFixed(3)} ms, p99 ${result[variant].p99Ms.toFixed(3)} ms; server CPU ${result[variant].cpuMicrosPerRequest} µs/request`,
      baseline: `bare route: p50 ${result.bare.latencyMs.median.toFixed(3)} ms, p99 ${result.bare.p99Ms.toFixed(3)} ms; ${result.bare.cpuMicrosPerRequest} µs/request`,
      ratio: `p50 ${p50.toFixed(2)}×, p99 ${p99.toFixed(2)}×, CPU ${cpu.toFixed(2)}×`,
      target: `≤ ${target}×`,
      met: p50 <= target && p99 <= target ? 'yes' : '**no**',
    };
  });
  const table = [
    '| what | result | baseline in the same run | ratio | target | met |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (row) => `| ${row.what} | ${row.result} | ${row.baseline} | ${row.ratio} | ${row.target} | ${row.met} |`,
    ),
  ].join('\n');
  const machine = `${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; ${REQUESTS} requests per variant in blocks of ${BLOCK}, one keep-alive connection (1-minute load average ${loadBefore[0]!.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end)`;
  console.log(`${table}\n\n${machine}`);
  await writeFile(
    `${here}handler-results.json`,
    `${JSON.stringify({ date: new Date().toISOString(), machine, requests: REQUESTS, result, rows }, null, 2)}\n`,
  );
  if (!args.includes('--no-readme')) {
    const readmePath = `${here}../README.md`;
    const readme = await readFile(readmePath, 'utf8');
    const start = '<!-- bench:handler:start -->';
    const end = '<!-- bench:handler:end -->';
    if (readme.includes(start) && readme.includes(end)) {
      await writeFile(
        readmePath,
        `${readme.slice(0, readme.indexOf(start) + start.length)}\n${table}\n\n${machine}\n${readme.slice(readme.indexOf(end))}`,
      );
    }
  }
}

await main();
