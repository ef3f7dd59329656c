import { defineConfig } from 'vitest/config';

/** Unit tests of the web UI's pure helpers (formatting, binning): `npx vitest run --config packages/web/vitest.config.ts`. */
export default defineConfig({
  test: {
    name: 'web',
    root: import.meta.dirname,
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
