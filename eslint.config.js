import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import house from './scripts/eslint-house-rules.js';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'e2e/screenshots/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The engine is pure: no I/O, no clock, no randomness (docs/product.md §2.1).
    files: ['packages/engine/src/**/*.ts'],
    ignores: ['packages/engine/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process'] }],
      'no-restricted-globals': ['error', 'process', 'require'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'The engine is deterministic.' }, { object: 'Date', property: 'now', message: 'The current time is a parameter.' }],
    },
  },
  {
    // The API contract is shared by the server and the web (docs/ARCHITECTURE.md "Decisions"): TypeBox, the engine and its own files only.
    files: ['packages/contract/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!typebox$|@baton/engine$|\\./)', message: 'The contract imports typebox, @baton/engine and its own files only.' }] }],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', 'window', 'document'],
    },
  },
  {
    // The web reads the contract's types; its runtime values come from the vocabulary (a schema module would bring TypeBox into the bundle).
    files: ['packages/web/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ regex: '^@baton/contract/(?!vocabulary$)', allowTypeImports: true, message: 'Use `import type` for the contract; values come from @baton/contract/vocabulary.' }],
      }],
    },
  },
  {
    // The house (docs/ARCHITECTURE.md): module boundaries, SQL in repositories, permissions in policies/, HTTP in routes.
    files: ['packages/server/src/**/*.ts', 'bench/**/*.ts'],
    plugins: { house },
    rules: {
      'house/module-boundaries': 'error',
      'house/kysely-in-repositories': 'error',
      'house/roles-in-policies': 'error',
      'house/fastify-in-routes': 'error',
    },
  },
);
