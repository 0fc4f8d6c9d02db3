import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores: more workers only add module-loading cost (each worker loads cdktf/cdk8s once). Test files share
    // their worker's module cache (isolate: false), so cdktf, cdk8s and the models load once per worker, not once
    // per file; a test that changes process-wide state puts it back (process.env, spies).
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: ['test/setup.ts'],
  },
});
