import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Guards against hangs, never timings: on a busy 2-core CI machine a test can take ten times what it
    // takes on a quiet one, and its verdict must not depend on that (bounds that matter are CPU time:
    // test/support/cpu.ts; speed is measured in bench/).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
