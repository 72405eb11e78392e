import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // generous on purpose: a limit is not a speed goal (those live in bench/), and the suite must pass on
    // a busy 2-core machine where another copy of it runs (a demo load then takes minutes)
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // two cores: keep parallelism modest so PGlite instances and servers do not starve each other
    maxWorkers: 2,
    // the suite sends thousands of requests and sign-ins from 127.0.0.1 at whatever speed the machine
    // has: request limits are off here (src/server/security.test.ts tests them with its own);
    // the browser tests' server runs with the defaults (test/e2e/harness.ts)
    env: { DUBAN_RATE_LIMIT: '0', DUBAN_LOGIN_RATE_LIMIT: '0' },
  },
});
