import type { BuildOptions } from 'esbuild';

/**
 * esbuild set up as an edge worker's bundler resolves (Cloudflare's, Vercel Edge's): no Node platform, the
 * `worker` and `browser` export conditions first, nothing written.
 */
export const AS_AN_EDGE_WORKER_BUNDLES = {
  bundle: true,
  write: false,
  platform: 'neutral',
  target: 'es2022',
  mainFields: ['module', 'main'],
  conditions: ['worker', 'browser'],
  logLevel: 'silent',
} as const satisfies BuildOptions;
