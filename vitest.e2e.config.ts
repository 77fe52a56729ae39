import { defineConfig } from 'vitest/config';
import { E2E_WORKERS } from './e2e/workers.ts';

/**
 * Browser journeys: E2E_WORKERS files side by side, each worker with a Trellis (fresh embedded
 * database, demo district) and a mailbox of its own (e2e/global-setup.ts); a worker's files run one
 * after another against its server.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: E2E_WORKERS > 1,
    maxWorkers: E2E_WORKERS,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
