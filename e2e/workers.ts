/**
 * How many journey files run side by side (vitest.e2e.config.ts), each worker against a Trellis and
 * a mailbox of its own (e2e/global-setup.ts). Two on a 2-core machine: while one journey waits on
 * its server, the other's browser renders. E2E_WORKERS=1 runs the journeys one after another.
 */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2) || 2);

/** This worker's index (0-based) into the servers and mailboxes global setup provides. */
export const workerIndex = () => (Number(process.env.VITEST_POOL_ID ?? 1) - 1) % E2E_WORKERS;
