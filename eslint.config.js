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
    // The engine is pure: no I/O, no clock, no randomness (DESIGN §2.1).
    files: ['packages/engine/src/**/*.ts'],
    ignores: ['packages/engine/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process'] }],
      'no-restricted-globals': ['error', 'process', 'require'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'The engine is deterministic.' }, { object: 'Date', property: 'now', message: 'The current time is a parameter.' }],
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
