import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['common/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.ts'],
    pool: 'forks',
    // Two workers on a 2-core machine: vitest's default (cores - 1) left one core idle while a test
    // file waited on its database (measured 1.3x on 23 route files, back to back).
    maxWorkers: 2,
    // Test files of one worker share its loaded modules (loading the app per file cost ~2 minutes of
    // a run); each file still builds its own app and database (server/test/harness.ts).
    isolate: false,
    // One migrated database per run, which every test file copies (server/test/template-database.ts).
    globalSetup: ['server/test/global-setup.ts'],
    // Ceilings for a hung test on a busy shared machine, not speed checks (speed is in npm run bench).
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
