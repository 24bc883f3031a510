import { defineConfig } from 'vitest/config';

// Test files that replace a module with vi.mock: they need a module registry of their own.
const MOCKING = ['tests/analysis/file-analysis.test.ts'];
// The slower suite has its own config (vitest.slow.config.mts, `npm run test:slow`).
const EXCLUDE = ['tests/slow/**', '**/node_modules/**'];

export default defineConfig({
  test: {
    setupFiles: ['tests/support/setup.ts'],
    // Rule tests are CPU-bound and small; two workers match the 2-core machines.
    maxWorkers: 2,
    // Timeouts only catch hangs: a busy machine (CI neighbours, both cores loaded) must never fail a test.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...EXCLUDE, ...MOCKING],
          // One module registry per worker, not per file: ESLint, typescript-eslint and TypeScript load once per
          // worker instead of once per file (about 80 s of the suite's CPU time). No test file keeps state in a
          // module that another reads: the plugin's caches are keyed by the file's tree, path and stamp, and
          // each test makes its own temporary folders (docs/performance.md#the-test-suite).
          isolate: false,
        },
      },
      { extends: true, test: { name: 'mocking', include: MOCKING } },
    ],
  },
});
