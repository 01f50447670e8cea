import { esbuildPlugin } from '@web/dev-server-esbuild';
import { wtrChromium } from './scripts/wtr-chromium.mjs';

// Browser tests sit beside their code (src/**/*.test.ts) or under test/browser.
// Node-only tests end in .node.test.ts and run under `npm run test:node`.
export default {
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts', '!src/**/*.node.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  // No `target`: an explicit target would also push every served .js through esbuild (research/toolchain.md §4).
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  browsers: [wtrChromium()],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
