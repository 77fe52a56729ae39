import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { dayjs, todayIn } from '../../common/clock.ts';
import type { Database } from '../db/client.ts';
import { districtSettings, districts } from '../db/schema/index.ts';
import type { JobSender } from './queue.ts';

type Log = { error(obj: object, msg: string): void };

/** The hour (district time) from which the day's reminders and digest are sent, until the district sets its own. */
export const DIGEST_HOUR = 7;
const EVERY_MS = 10 * 60_000;

/** One job id per kind, district and day (a UUID from their hash): sending it again adds nothing. */
function dailyJobId(kind: string, districtId: string, day: string): string {
  const hex = createHash('sha256').update(`${kind}:${districtId}:${day}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
export const digestJobId = (districtId: string, day: string) => dailyJobId('notification-digest', districtId, day);
export const remindersJobId = (districtId: string, day: string) => dailyJobId('reminders', districtId, day);

/**
 * Enqueues each district's day once its morning has come (its digest hour, in its own zone): the
 * reminders job, which then enqueues the digest. Every few minutes, every process; the job ids make
 * it one job of each per district and day. The jobs themselves send nothing on a non-school day.
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

  /** Enqueues the reminders (then digest) of every district whose morning it is at `now`; returns the days sent for. */
  async tick(now: Date = new Date()): Promise<{ districtId: string; day: string }[]> {
    // Listing districts precedes any one district: the owner's executor.
    const rows = await this.database.db
      .select({ id: districts.id, timeZone: districts.timeZone, digestHour: districtSettings.digestHour })
      .from(districts)
      .leftJoin(districtSettings, eq(districtSettings.districtId, districts.id));
    const due = rows
      .filter((d) => dayjs(now).tz(d.timeZone).hour() >= (d.digestHour ?? DIGEST_HOUR))
      .map((d) => ({ districtId: d.id, day: todayIn(d.timeZone, now) }));
    for (const d of due) await this.jobs.send('reminders', d, { id: remindersJobId(d.districtId, d.day) });
    return due;
  }

  private async run(): Promise<void> {
    await this.tick().catch((err: unknown) => this.log.error({ err }, 'could not enqueue the reminders and digests'));
  }
}
