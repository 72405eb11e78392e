import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // two cores: keep parallelism modest so PGlite instances and servers do not starve each other
    maxWorkers: 2,
  },
});
