import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/summaryReporter.ts'],
    projects: [
      {
        test: {
          name: 'core',
          include: ['tests/core/**/*.test.ts'],
          // The workers and crash children the tests start, bundled once from the sources.
          globalSetup: ['tests/core/buildWorkers.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', 'tests/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // Unlocking derives a key on purpose slowly (Argon2id, ~0.5 s, more when the machine is busy).
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
