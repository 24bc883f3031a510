import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/support/setup.ts'],
    // Rule tests are CPU-bound and small; two workers match the 2-core machines.
    maxWorkers: 2,
    // Timeouts only catch hangs: a busy machine (CI neighbours, both cores loaded) must never fail a test.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
