import { defineConfig } from 'vite';
import { compileHints } from './scripts/vite-compile-hints.mjs';
import { licenceNotices } from './scripts/licence-notices.mjs';
import { localStr } from './scripts/vite-local-str.mjs';
import { minifyTemplates } from './scripts/vite-minify-templates.mjs';

/** The per-element entries beside the all-in-one one: a page with one element loads only what it needs. */
export const CDN_ELEMENTS = ['apply', 'checkout', 'lookup', 'plan-picker', 'terms', 'verify'] as const;

// The script-tag build: minified ES modules with Lit's production build. `flexiti-elements.js` registers every
// element; `flexiti-<tag>.js` registers one (with the elements it is made of). They share the chunks in
// dist/cdn/chunks/, imported by relative URLs, so any CDN or static host serves them and a page still writes one
// <script>. French is one chunk, loaded only when the page is French. (<flexiti-promo> alone is
// vite.promo.config.ts: its French holds only its own messages.) Licences: the bundled packages' legal comments
// are kept, each file's banner names them, flexiti-elements.js.LICENSE.txt has their texts.
export default defineConfig({
  // compileHints before licenceNotices: the banner stays the first line, the hint comes right under it.
  plugins: [
    minifyTemplates(),
    localStr(),
    compileHints(),
    licenceNotices({ notices: 'flexiti-elements.js.LICENSE.txt' }),
  ],
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    emptyOutDir: true,
    sourcemap: false,
    lib: {
      entry: {
        'flexiti-elements': 'src/cdn.ts',
        ...Object.fromEntries(CDN_ELEMENTS.map((name) => [`flexiti-${name}`, `src/define/flexiti-${name}.ts`])),
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: true,
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
    minify: true,
  },
});
