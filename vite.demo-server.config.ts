import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The host for the built demo: build/demo-server.js (beside build/demo/, outside the npm package), one Node ES module (the handler, the sandbox and the
// demo's glue bundled in; hono, ky, zod and @hono/node-server stay imports from node_modules).
export default defineConfig({
  publicDir: false,
  build: {
    ssr: fileURLToPath(new URL('./scripts/demo-server.ts', import.meta.url)),
    target: 'node20',
    outDir: fileURLToPath(new URL('./build', import.meta.url)),
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      output: { entryFileNames: 'demo-server.js', format: 'es' },
    },
  },
});
