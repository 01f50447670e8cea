import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// The demo checkout (demo/): served by `npm start` (scripts/start.ts adds the sandbox handler) and built as
// static files into build/demo (outside dist/: the demo is not part of the npm package). TypeScript under src/ is compiled by Oxc with tsconfig.json's legacy decorators.
const root = fileURLToPath(new URL('./demo', import.meta.url));

/**
 * The demo imports src/define/*.ts for their side effect (registering the tags), but package.json's `sideEffects`
 * names only dist/ (what the package ships), so a production build would drop them: this marks them kept.
 */
const defineModulesHaveSideEffects: Plugin = {
  name: 'flexiti-define-modules-side-effects',
  transform(code, id) {
    return /[\\/]src[\\/]define[\\/][^\\/]+\.ts$/.test(id) ? { code, moduleSideEffects: true } : null;
  },
};

export default defineConfig({
  root,
  plugins: [defineModulesHaveSideEffects],
  base: './',
  publicDir: false,
  // Keeps the dev server's pre-bundled dependencies apart from other Vite runs in this repo.
  cacheDir: fileURLToPath(new URL('./node_modules/.vite/demo', import.meta.url)),
  server: { fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] } },
  // Every bare import of the demo, listed so the dev server bundles them at startup instead of discovering
  // them on the first page load and reloading the page.
  optimizeDeps: {
    entries: ['index.html', 'theming.html'],
    include: [
      'lit',
      'lit/decorators.js',
      'lit/directives/live.js',
      'lit/directives/if-defined.js',
      '@lit/localize',
      'zod/mini',
      'ky',
      'dompurify',
    ],
  },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('./build/demo', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      input: { index: `${root}/index.html`, theming: `${root}/theming.html` },
    },
  },
});
