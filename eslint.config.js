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
