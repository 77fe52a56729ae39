import { createHash } from 'node:crypto';
import { dayjs, todayIn } from '../../common/clock.ts';
import type { Database } from '../db/client.ts';
import { districts } from '../db/schema/index.ts';
import type { JobSender } from './queue.ts';

type Log = { error(obj: object, msg: string): void };

/** The hour (district time) from which the day's digest is sent. */
export const DIGEST_HOUR = 7;
const EVERY_MS = 10 * 60_000;

/** One job id per district and day (a UUID from their hash): sending it again adds nothing. */
export function digestJobId(districtId: string, day: string): string {
  const hex = createHash('sha256').update(`notification-digest:${districtId}:${day}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Enqueues each district's daily digest once its morning has come (DIGEST_HOUR in its own zone):
 * every few minutes, every process; the job id makes it one job per district and day. The job
 * itself sends nothing on a non-school day.
 */
export class DigestSchedule {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly database: Database,
    private readonly jobs: JobSender,
    private readonly log: Log,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.run(), EVERY_MS);
    this.timer.unref();
    void this.run();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Enqueues the digest of every district whose morning it is at `now`; returns the days sent for. */
  async tick(now: Date = new Date()): Promise<{ districtId: string; day: string }[]> {
    // Listing districts precedes any one district: the owner's executor.
    const rows = await this.database.db.select({ id: districts.id, timeZone: districts.timeZone }).from(districts);
    const due = rows
      .filter((d) => dayjs(now).tz(d.timeZone).hour() >= DIGEST_HOUR)
      .map((d) => ({ districtId: d.id, day: todayIn(d.timeZone, now) }));
    for (const d of due) await this.jobs.send('notification-digest', d, { id: digestJobId(d.districtId, d.day) });
    return due;
  }

  private async run(): Promise<void> {
    await this.tick().catch((err: unknown) => this.log.error({ err }, 'could not enqueue the notification digests'));
  }
}
