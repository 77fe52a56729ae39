import { defineConfig } from 'vitest/config';

/** Browser journeys: one Trellis server (fresh embedded database) for the run, files in sequence. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
