import { z } from 'zod';
import type { JOB_KINDS } from '../../common/schemas/jobs.ts';

/**
 * Every background job: its name and the Zod schema of its payload. A job of a district carries
 * `districtId`, and its handler works through that district's executor (row-level security).
 */
export const JOB_PAYLOADS = {
  /** Applies a validated roster import (services/roster/apply-import.ts). */
  'roster-import': z.object({ districtId: z.uuid(), importId: z.uuid(), userId: z.uuid() }),
  /** Recomputes the district view's summaries of these schools (services/tracker/summary.ts). */
  'tracker-summary': z.object({ districtId: z.uuid(), schoolIds: z.array(z.uuid()).min(1).max(5000) }),
  /** Sends a district's daily notification digest for `day`, a school day (services/notifications/digest.ts). */
  'notification-digest': z.object({ districtId: z.uuid(), day: z.iso.date() }),
  /** Sends a district's reminders for `day`, then enqueues that day's digest (services/notifications/reminders.ts). */
  reminders: z.object({ districtId: z.uuid(), day: z.iso.date() }),
  /** Opens a performance cycle, or syncs an open one with the roster (services/performance/cycles/job.ts). */
  'performance-cycle': z.object({ districtId: z.uuid(), cycleId: z.uuid(), userId: z.uuid().nullable(), action: z.enum(['open', 'sync']) }),
} as const satisfies Record<(typeof JOB_KINDS)[number], z.ZodType>;

export type JobName = keyof typeof JOB_PAYLOADS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_PAYLOADS)[N]>;
export const JOB_NAMES = Object.keys(JOB_PAYLOADS) as JobName[];

/** Retries of each kind of job: how many after the first attempt, and the first wait (doubling). */
export interface RetryPolicy {
  retryLimit: number;
  retryDelaySeconds: number;
}

export const RETRY_POLICIES: Record<JobName, RetryPolicy> = {
  // A failed import rolled back whole; a write the database refuses fails at once (PermanentJobError).
  'roster-import': { retryLimit: 3, retryDelaySeconds: 30 },
  'tracker-summary': { retryLimit: 5, retryDelaySeconds: 10 },
  // One transaction: a failed run wrote nothing, and a later one sends what waits.
  'notification-digest': { retryLimit: 3, retryDelaySeconds: 60 },
  // One transaction, each reminder once (unique key): a retry sends only what is still unsent.
  reminders: { retryLimit: 3, retryDelaySeconds: 60 },
  // Batches commit one by one and skip who already has a plan: a retry resumes where it stopped.
  'performance-cycle': { retryLimit: 3, retryDelaySeconds: 30 },
};

/** Thrown by a handler when trying again cannot help (bad payload, a write the database refuses). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}
