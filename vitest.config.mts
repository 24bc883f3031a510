import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/support/setup.ts'],
    // Rule tests are CPU-bound and small; two workers match the 2-core machines.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
