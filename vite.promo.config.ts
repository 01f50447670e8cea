import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { onlyMessages } from './scripts/vite-only-messages.mjs';
import { compileHints } from './scripts/vite-compile-hints.mjs';
import { licenceNotices } from './scripts/licence-notices.mjs';
import { localStr } from './scripts/vite-local-str.mjs';
import { minifyTemplates } from './scripts/vite-minify-templates.mjs';
import { shortMessageIds } from './scripts/vite-short-message-ids.mjs';

// `<flexiti-promo>` alone, for product and cart pages that show only the financing message:
// dist/cdn/flexiti-promo.js, one self-contained minified ES module (Lit's ReactiveElement without lit-html, its
// own fr-CA messages only). No application form, zod, DOMPurify or ky. Runs after vite.cdn.config.ts, which empties dist/cdn.
export default defineConfig({
  // Licence notices as in vite.cdn.config.ts (flexiti-promo.js.LICENSE.txt; see `comments` below).
  plugins: [minifyTemplates(), shortMessageIds(), onlyMessages('promo.'), localStr(), compileHints(), licenceNotices()],
  resolve: {
    // @lit/localize's runtime as far as the promo uses it, 0.6 kB gzip smaller (src/internal/localize-lite.ts);
    // the sources still call msg() from @lit/localize, so extraction and the other builds are unchanged.
    alias: [
      {
        find: /^@lit\/localize$/,
        replacement: fileURLToPath(new URL('src/internal/localize-lite.ts', import.meta.url)),
      },
    ],
  },
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    emptyOutDir: false,
    sourcemap: false,
    lib: {
      entry: 'src/define/flexiti-promo.ts',
      formats: ['es'],
      fileName: () => 'flexiti-promo.js',
    },
    rolldownOptions: {
      // Two files load on demand, beside it: the details dialog (when a shopper first points at, focuses or
      // presses "Learn more") and the French messages (on French pages only).
      preserveEntrySignatures: false,
      output: {
        minify: true,
        chunkFileNames: 'chunks/flexiti-promo-[name]-[hash].js',
        // Lit's @license comments are not repeated here (they cost 70 B of the 8 kB budget): the banner names every
        // bundled package and its licence, and flexiti-promo.js.LICENSE.txt beside it holds their full texts with
        // the copyright lines, which is what their licences ask of a redistributed copy.
        comments: { legal: false, annotation: false, jsdoc: false },
      },
    },
    minify: true,
  },
});
