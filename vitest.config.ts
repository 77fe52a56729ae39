import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['common/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.ts'],
    pool: 'forks',
    // Test files of one worker share its loaded modules (loading the app per file cost ~2 minutes of
    // a run); each file still builds its own app and database (server/test/harness.ts).
    isolate: false,
    // One migrated database per run, which every test file copies (server/test/template-database.ts).
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
