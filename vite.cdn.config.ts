import { defineConfig } from 'vite';

// The script-tag build: one self-contained minified ES module that registers every element,
// with both locales inlined (codeSplitting: false) and Lit's production build.
export default defineConfig({
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
      output: { codeSplitting: false, minify: true },
    },
    minify: true,
  },
});
