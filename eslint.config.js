// ESLint 9 flat config: typescript-eslint (recommended, not type-checked, to stay fast), Lit, Lit a11y and
// web-component rules, then eslint-config-prettier last so formatting is Prettier's alone.
import { js, tseslint, lit, litA11y, wc, prettier, globals } from '@flexiti-elements/lint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      'dist/',
      'dist-tsc/',
      'build/',
      'src/generated/',
      'test/fixtures/',
      'test/consumers/',
      'test/next/',
      'bench/.build/',
      'bench/.profile/',
    ],
  },
  { files: ['src/**', 'test/**', 'scripts/**', 'bench/**', 'demo/**', '*.js', '*.mjs', '*.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  litA11y.configs.recommended,
  wc.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed parameters and variables are deliberately unused (same convention as noUnusedParameters).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The browser path reads API shapes with src/model/read.ts: zod and the schemas are for the server and
    // `flexiti-elements/model` (they cost about 12 kB gzip and most of the start-up time in a page).
    files: ['src/components/**', 'src/internal/**', 'src/events/**', 'src/connect/**', 'src/define/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod/mini', message: 'Read API shapes with src/model/read.ts in the browser path.' }],
          patterns: [
            {
              group: ['**/model/schemas.js', '**/model/apply.js'],
              allowTypeImports: true,
              message: 'Schemas are for the server: read with src/model/read.ts.',
            },
            {
              group: ['**/model/index.js'],
              importNamePattern: 'Schema$|^(applyFieldErrors|schemaFieldErrors)$',
              message: 'Schemas are for the server: read with src/model/read.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**', 'bench/**'],
    rules: {
      // chai's property assertions (`expect(x).to.be.true`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Tests match and send control characters on purpose (stripping, injection, NUL bytes).
      'no-control-regex': 'off',
      // Test harnesses reshape the seed JSON freely, including into deliberately bad shapes; bench digests raw results.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Plain-JS mocha suites (the framework apps' scenario) run with mocha's globals.
    files: ['test/frameworks/**/*.js'],
    languageOptions: { globals: globals.mocha },
  },
  prettier,
);
