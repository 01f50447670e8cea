import {
  defineModulesPlugin,
  eventClassesPlugin,
  propertyTypesPlugin,
  publicApiPlugin,
  readDefineModules,
  sharedTokensPlugin,
  shippedPathsPlugin,
} from './scripts/cem-plugins.mjs';

// The tags are registered only in src/define/*.ts (`FlexitiX.define('flexiti-x')`); the analyzed element modules
// are the ones those files import, so a new element is documented by writing its define module.
// A config that throws is silently replaced by the analyzer's defaults (every file, package.json rewritten),
// so a failure here is reported by the plugin instead, which stops the run.
let definitions = [];
let loadError;
try {
  definitions = readDefineModules('src/define');
} catch (error) {
  loadError = error;
}

export default {
  globs: [
    'src/define/*.ts',
    ...new Set(definitions.map((definition) => definition.module)),
    'src/events/*.ts',
    'src/internal/flexiti-element.ts',
    'src/internal/form-element.ts',
  ],
  exclude: ['src/**/*.test.ts', 'src/generated/**'],
  outdir: '.',
  litelement: true,
  // The analyzer would otherwise rewrite package.json (reformatted) on every run.
  packagejson: false,
  plugins: [
    defineModulesPlugin(definitions, loadError),
    eventClassesPlugin(),
    sharedTokensPlugin({
      file: 'src/internal/token-styles.ts',
      exportName: 'tokenStyles',
      cssFiles: ['src/internal/line-token-styles.ts', 'src/internal/token-styles.ts'],
    }),
    publicApiPlugin(),
    propertyTypesPlugin(),
    // Last: paths point at what the package ships (dist/), not src/.
    shippedPathsPlugin(),
  ],
};
