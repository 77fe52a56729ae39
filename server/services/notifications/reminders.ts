import { eq } from 'drizzle-orm';
import { addDays } from '../../../common/clock.ts';
import { addSchoolDays, isSchoolDay } from '../../../common/school-days.ts';
import type { Db } from '../../db/client.ts';
import { districts } from '../../db/schema/index.ts';
import { recordAudit } from '../audit.ts';
import { loadNonSchoolDays } from '../school-calendar/context.ts';
import type { Links } from './email.ts';
import { CHECK_IN_NOTICE_SCHOOL_DAYS, checkInReminders } from './check-in-reminders.ts';
import { deliverNotifications } from './notify.ts';
import { actionStepReminders, feedbackReminders, reviewReminders, type ReminderWindow } from './reminder-targets.ts';

/** Overdue reminders look this far back (a long break holds them; older ones are left to the lists). */
const OVERDUE_LOOKBACK_DAYS = 31;
/** The calendar is read this far ahead to find the next school day (a summer break is shorter). */
const AHEAD_DAYS = 120;

export type ReminderOutcome =
  { notifications: number; emails: number; skipped: null } | { notifications: 0; emails: 0; skipped: 'non_school_day' };

/**
 * The reminders of one district for `today` (an ISO day in its zone), sent on school days only:
 * what is due on the days up to the next school day is reminded today, the school day before it
 * (feedback due to the observer, action steps to their owner, plan reviews to the coach and the
 * coachees; performance check-ins three school days ahead, to the person and their evaluator); what was due before today and is still not done is overdue (feedback to the observer,
 * never the teacher; plan reviews to the coach and their leads). Each reminder is an in-app
 * notification, e-mailed per the person's preferences (at once now; a digest kind in the day's
 * digest). Each is stored once per person, kind, record and due date: running again sends nothing twice.
 */
export async function sendReminders(db: Db, districtId: string, today: string, links: Links): Promise<ReminderOutcome> {
  const [district] = await db.select({ id: districts.id }).from(districts).where(eq(districts.id, districtId));
  if (!district) return { notifications: 0, emails: 0, skipped: null };
  const nonSchoolDays = await loadNonSchoolDays(db, districtId, today, addDays(today, AHEAD_DAYS));
  if (!isSchoolDay(today, nonSchoolDays)) return { notifications: 0, emails: 0, skipped: 'non_school_day' };
  const window: ReminderWindow = {
    districtId,
    today,
    nextSchoolDay: addSchoolDays(today, 1, nonSchoolDays),
    overdueFrom: addDays(today, -OVERDUE_LOOKBACK_DAYS),
  };
  return db.transaction(async (tx) => {
    const items = [
      ...(await feedbackReminders(tx, window)),
      ...(await actionStepReminders(tx, window)),
      ...(await reviewReminders(tx, window)),
      ...(await checkInReminders(tx, { ...window, checkInDueBy: addSchoolDays(today, CHECK_IN_NOTICE_SCHOOL_DAYS, nonSchoolDays) })),
    ];
    const { stored, emails } = await deliverNotifications(tx, districtId, links, items);
    if (stored > 0)
      await recordAudit(
        tx,
        { requestId: `reminders:${districtId}:${today}`, actor: { userId: null, districtId } },
        { action: 'reminders.send', entityType: 'district', entityId: districtId, after: { day: today, notifications: stored, emails } },
      );
    return { notifications: stored, emails, skipped: null };
  });
}
