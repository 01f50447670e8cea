import { defineConfig } from 'vite';
import { licenceNotices } from './scripts/licence-notices.mjs';
import { minifyTemplates } from './scripts/vite-minify-templates.mjs';

// The script-tag build: one self-contained minified ES module that registers every element,
// with both locales inlined (codeSplitting: false) and Lit's production build. Licences: the bundled packages'
// legal comments are kept, a banner names them, flexiti-elements.js.LICENSE.txt beside it has their texts.
export default defineConfig({
  plugins: [minifyTemplates(), licenceNotices()],
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    emptyOutDir: true,
    sourcemap: false,
    lib: {
      entry: 'src/cdn.ts',
      formats: ['es'],
      fileName: () => 'flexiti-elements.js',
    },
    rolldownOptions: {
      output: { codeSplitting: false, minify: true, comments: { legal: true, annotation: false, jsdoc: false } },
    },
    minify: true,
  },
});
