import { build } from 'esbuild';
import { esbuildPlugin } from '@web/dev-server-esbuild';

/**
 * connect's tests run the real handler in the page, and its memory limiter (rate-limiter-flexible) is CommonJS:
 * serve that module bundled as ESM (the library's consumers' bundlers do the same).
 */
const commonJsAsEsm = (pattern) => ({
  name: 'commonjs-as-esm',
  async transform(context) {
    if (!pattern.test(context.path)) return undefined;
    const file = new URL(`.${context.path}`, import.meta.url).pathname;
    const { outputFiles } = await build({
      entryPoints: [file],
      bundle: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    return { body: outputFiles[0].text };
  },
});
import { wtrChromium } from './scripts/wtr-chromium.mjs';

// Browser tests sit beside their code (src/**/*.test.ts) or under test/browser.
// Node-only tests end in .node.test.ts and run under `npm run test:node`.
export default {
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts', '!src/**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  // No `target`: an explicit target would also push every served .js through esbuild (research/toolchain.md §4).
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }),
    commonJsAsEsm(/\/node_modules\/rate-limiter-flexible\/lib\/RateLimiterMemory\.js$/),
  ],
  browsers: [wtrChromium()],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
