import { defineConfig } from 'vitest/config';

// The slower suite (`npm run test:slow`, run by .ci/run): tests that install
// packages and start other programs, such as an editor's ESLint server.
export default defineConfig({
  test: {
    include: ['tests/slow/**/*.slow.test.ts'],
    setupFiles: ['tests/support/setup.ts'],
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
