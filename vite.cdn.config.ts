import { defineConfig, type Plugin } from 'vite';
import { compileHints } from './scripts/vite-compile-hints.mjs';
import { licenceNotices } from './scripts/licence-notices.mjs';
import { localStr } from './scripts/vite-local-str.mjs';
import { minifyTemplates } from './scripts/vite-minify-templates.mjs';
import { shortMessageIds } from './scripts/vite-short-message-ids.mjs';

/** The per-element entries beside the eager one: a page with one element (or the autoloader) loads only those. */
export const CDN_ELEMENTS = ['apply', 'checkout', 'lookup', 'plan-picker', 'terms', 'verify'] as const;

/**
 * The autoloader's `<flexiti-promo>` is the promo's own build (vite.promo.config.ts, `flexiti-promo.js` beside it):
 * the promo's define module as one more chunk root here would split the chunks every element shares (measured:
 * +1.5 to 2.2 kB gzip on each per-element entry). A page that also loads flexiti-promo.js gets the same file.
 */
function autoloadPromoFromItsOwnBuild(): Plugin {
  return {
    name: 'autoload-promo-from-its-own-build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './define/flexiti-promo.js' && importer?.replace(/\\/g, '/').endsWith('/src/autoload.ts'))
        return { id: './flexiti-promo.js', external: true };
      return undefined;
    },
  };
}

/**
 * What the autoloader shares with every element: the page's language (`setLocale`), `VERSION` and `OnDemand`.
 * One chunk with @lit/localize (a chunk of its own before), so the elements' entries keep their number of files.
 */
const LOADER_SHARED =
  /node_modules[\\/]@lit[\\/]localize[\\/]|src[\\/]internal[\\/](locale|define|on-demand)\.ts$|src[\\/]model[\\/]locale\.ts$|src[\\/]generated[\\/]locale-codes\.ts$|src[\\/]events[\\/]host-connected\.ts$/;

// The script-tag build: minified ES modules with Lit's production build. `flexiti-autoload.js` (the one script tag
// README recommends) imports `flexiti-<tag>.js` for each tag the page has; `flexiti-elements.js`, the eager entry,
// registers every element; `flexiti-<tag>.js` registers one (with the elements it is made of). They share the chunks in
// dist/cdn/chunks/, imported by relative URLs, so any CDN or static host serves them and a page still writes one
// <script>. French is one chunk, loaded only when the page is French. (<flexiti-promo> alone is
// vite.promo.config.ts: its French holds only its own messages.) Licences: the bundled packages' legal comments
// are kept, each file's banner names them, flexiti-elements.js.LICENSE.txt has their texts.
export default defineConfig({
  // compileHints before licenceNotices: the banner stays the first line, the hint comes right under it.
  plugins: [
    autoloadPromoFromItsOwnBuild(),
    minifyTemplates(),
    shortMessageIds(),
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
        'flexiti-autoload': 'src/autoload.ts',
        ...Object.fromEntries(CDN_ELEMENTS.map((name) => [`flexiti-${name}`, `src/define/flexiti-${name}.ts`])),
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        codeSplitting: { groups: [{ name: 'lit-localize', test: LOADER_SHARED }] },
        minify: true,
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
    minify: true,
  },
});
