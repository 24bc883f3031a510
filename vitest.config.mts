import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The slower suite has its own config (vitest.slow.config.mts, `npm run test:slow`).
    exclude: ['tests/slow/**', '**/node_modules/**'],
    setupFiles: ['tests/support/setup.ts'],
    // Rule tests are CPU-bound and small; two workers match the 2-core machines.
    maxWorkers: 2,
    // Timeouts only catch hangs: a busy machine (CI neighbours, both cores loaded) must never fail a test.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
