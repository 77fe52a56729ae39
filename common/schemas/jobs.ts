import { z } from 'zod';

/** The kinds of background job; the Jobs page words each (app.json `jobs.kind.*`). */
export const JOB_KINDS = ['roster-import', 'tracker-summary', 'notification-digest', 'reminders', 'performance-cycle'] as const;
/** created (waiting), retry (failed, waiting to be tried again), active (running), completed, cancelled, failed (gave up). */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;

export const BackgroundJob = z.object({
  id: z.uuid(),
  kind: z.enum(JOB_KINDS),
  state: z.enum(JOB_STATES),
  /** Attempts started so far. */
  attempts: z.number().int(),
  /** Attempts it may take in all. */
  maxAttempts: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  startedAt: z.iso.datetime({ offset: true }).nullable(),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
  /** When a waiting job may run (after a failure: the retry's backoff). */
  runAfter: z.iso.datetime({ offset: true }),
  /** Why its last attempt failed: a short message, never a stack trace, row contents or credentials. */
  error: z.string().nullable(),
  abilities: z.object({ retry: z.boolean() }),
});
export type BackgroundJob = z.infer<typeof BackgroundJob>;

export const JobsQuery = z.object({
  /** `failed`: only jobs that gave up; else every recent job. */
  state: z.enum(['failed']).optional(),
});

export const JobList = z.object({
  items: z.array(BackgroundJob),
  /** The district's time zone, in which the page shows times. */
  timeZone: z.string(),
});
