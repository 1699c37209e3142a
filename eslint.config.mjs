// Linting for the sources, scripts, tests and bench: typescript-eslint's strict rules, type-aware
// only where that is cheap (src/, through the project's tsconfig). Formatting is Prettier's job.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.tools/**',
      'test-results/**',
      '.scratch/**',
      'src/core/rubric-validator.generated.ts',
      '**/*.generated.*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // The non-null assertion is used where a Map entry was just set; the type system cannot see it.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Type-aware where it is cheap and catches real faults: a promise nobody waits on or handles.
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': 'error' },
  },
  {
    // The core and the web entries run in a browser worker; webview scripts in a page.
    files: ['src/**', 'media/**', 'test/e2e/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests drive JSON-RPC and editor objects whose shapes they check themselves.
    files: ['test/**'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
  {
    // CommonJS entry points and scripts load with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
