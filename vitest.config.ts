import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Guards against hangs, never timings: on a busy 2-core CI machine a test can take ten times what it
    // takes on a quiet one, and its verdict must not depend on that (bounds that matter are CPU time:
    // test/support/cpu.ts; speed is measured in bench/).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two test files at a time on a 2-core machine (vitest's default is one fewer than the cores): most files wait
    // on processes they start (the CLI, python, moto, Chromium), and a single worker left the second core idle.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // `npx vitest run` checks the type tests (*.test-d.ts) too; `npm test` leaves them to `npm run typecheck`, which
    // type-checks the same files (tsconfig.json includes test/), so that tsc does not run twice.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
