import type { Database } from '../db/client.ts';
import type { Links } from '../services/notifications/email.ts';
import { sendDailyDigest } from '../services/notifications/digest.ts';
import { sendReminders } from '../services/notifications/reminders.ts';
import { applyImportJob } from '../services/roster/apply-import.ts';
import { performanceCycleJob, syncOpenCycles } from '../services/performance/cycles/job.ts';
import { refreshSchoolsJob } from '../services/tracker/summary.ts';
import { digestJobId } from './digest-schedule.ts';
import type { JobQueue } from './queue.ts';

type Log = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

/** What each kind of job does; every handler works in the district its payload names. */
export function registerJobHandlers(
  queue: JobQueue,
  deps: { database: Database; log: Log; links: () => Links; mailRecorded: () => void },
): void {
  // An applied import may add or remove staff: every open performance cycle syncs after it.
  queue.handle('roster-import', async (payload, run) => {
    await applyImportJob(deps, payload, run);
    await syncOpenCycles(deps.database, queue, payload.districtId, payload.userId);
  });
  queue.handle('performance-cycle', (payload, run) => performanceCycleJob(deps, payload, run));
  queue.handle('notification-digest', async (payload) => {
    const outcome = await sendDailyDigest(deps.database.forDistrict(payload.districtId), payload.districtId, payload.day, deps.links());
    if (outcome.sent > 0) deps.mailRecorded();
  });
  // The day's reminders come first, so that those a person gets as a digest are in that morning's
  // digest; the digest is enqueued after them, or after their last failed attempt.
  queue.handle('reminders', async (payload, run) => {
    const digest = () => queue.send('notification-digest', payload, { id: digestJobId(payload.districtId, payload.day) });
    try {
      const outcome = await sendReminders(deps.database.forDistrict(payload.districtId), payload.districtId, payload.day, deps.links());
      if (outcome.emails > 0) deps.mailRecorded();
    } catch (err) {
      if (run.retryCount >= run.retryLimit) await digest();
      throw err;
    }
    await digest();
  });
  queue.handle('tracker-summary', (payload) =>
    refreshSchoolsJob(deps.database.forDistrict(payload.districtId), payload.districtId, payload.schoolIds),
  );
}
