// The framework apps (test/frameworks/*.test.js) against the built package: `npm run build` first.
// React ships CommonJS, so each test file is bundled by esbuild before the run (with process.env.NODE_ENV
// replaced), the way a merchant's bundler would; `flexiti-elements` and `flexiti-elements/react` resolve
// through the package's own `exports` to dist/. The React 18 app gets `react`/`react-dom` aliased to the
// `react18`/`react-dom18` devDependencies (npm aliases of react@18.3.1), so the wrappers run on React 18.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { wtrChromium } from './scripts/wtr-chromium.mjs';

const outdir = '.tmp/frameworks';
const sources = 'test/frameworks';

for (const entry of ['dist/index.js', 'dist/react.js']) {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` before the framework tests`);
}

const perApp = {
  'react18.test.js': { alias: { react: 'react18', 'react-dom': 'react-dom18' } },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const tests = readdirSync(sources).filter((name) => name.endsWith('.test.js'));
await Promise.all(
  tests.map((name) =>
    build({
      entryPoints: [`${sources}/${name}`],
      outfile: `${outdir}/${name}`,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      sourcemap: 'inline',
      logLevel: 'warning',
      define: {
        'process.env.NODE_ENV': '"development"',
        __VUE_OPTIONS_API__: 'true',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
      ...perApp[name],
    }),
  ),
);

export default {
  files: [`${outdir}/*.test.js`],
  nodeResolve: false,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [wtrChromium()],
};
