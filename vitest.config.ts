import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['common/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.ts'],
    pool: 'forks',
    // In CI every core runs test files: Vitest's default leaves one core to its main process, which
    // only collects results, so CI's 2-core machine ran the files one at a time. On a machine people
    // share, the default stays.
    maxWorkers: process.env.CI ? os.availableParallelism() : undefined,
    // Test files of one worker share its loaded modules (loading the app per file cost ~2 minutes of
    // a run); each file still builds its own app and database (server/test/harness.ts).
    isolate: false,
    // One migrated database per run, which every test file copies (server/test/template-database.ts).
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
