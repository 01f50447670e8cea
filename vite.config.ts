import { defineConfig } from 'vite';
import { minifyTemplates } from './scripts/vite-minify-templates.mjs';

// The npm build: one ESM file per public entry, dependencies left to the consumer's bundler.
const elements = ['apply', 'terms', 'verify', 'plan-picker', 'lookup', 'promo', 'checkout'];

export default defineConfig({
  // Template text as the CDN build has it: consumers' minifiers leave template literals as written.
  plugins: [minifyTemplates()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      formats: ['es'],
      entry: {
        index: 'src/index.ts',
        model: 'src/model/index.ts',
        server: 'src/server/index.ts',
        'server/node': 'src/server/node.ts',
        'server/redis': 'src/server/redis.ts',
        sandbox: 'src/server/sandbox/index.ts',
        connect: 'src/connect/index.ts',
        // What `flexiti-elements/cdn` resolves to under Node's `node` condition (SSR): the same API, Lit's SSR-safe build.
        cdn: 'src/cdn.ts',
        // Likewise for `flexiti-elements/autoload`: in Node it watches nothing (there is no document).
        autoload: 'src/autoload.ts',
        react: 'src/react/index.ts',
        ...Object.fromEntries(elements.map((name) => [`define/flexiti-${name}`, `src/define/flexiti-${name}.ts`])),
      },
    },
    rolldownOptions: {
      // Bare imports (lit, zod, ky, dompurify, hono…) and node: builtins stay imports; Oxc's decorator helper is
      // bundled (it is not a dependency consumers have).
      external: (id: string) =>
        id.startsWith('node:') || (/^[@a-z]/i.test(id) && !id.startsWith('@oxc-project/runtime')),
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
