import { and, eq, inArray } from 'drizzle-orm';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../common/observation.ts';
import {
  DEFAULT_DELIVERIES,
  EMAIL_DELIVERIES,
  type EmailDelivery,
  type NotificationPreferences,
  type UpdateNotificationPreferencesInput,
} from '../../../common/schemas/notification-preferences.ts';
import type { Database, Executor } from '../../db/client.ts';
import { notificationPreferences } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, conflict } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { verifyUnsubscribe } from './unsubscribe-token.ts';

export type Deliveries = Record<NotificationKind, EmailDelivery>;

/** Stored choices over the defaults; a stored value that is no longer a delivery falls back too. */
function withDefaults(stored: Record<string, string> | undefined): Deliveries {
  const deliveries = { ...DEFAULT_DELIVERIES };
  for (const kind of NOTIFICATION_KINDS) {
    const value = stored?.[kind];
    if (value && (EMAIL_DELIVERIES as readonly string[]).includes(value)) deliveries[kind] = value as EmailDelivery;
  }
  return deliveries;
}

/** Each person's deliveries (defaults for those who never chose), for the notifier and the digest. */
export async function deliveriesOf(db: Executor, districtId: string, personIds: string[]): Promise<Map<string, Deliveries>> {
  const rows =
    personIds.length === 0
      ? []
      : await db
          .select({ personId: notificationPreferences.personId, deliveries: notificationPreferences.deliveries })
          .from(notificationPreferences)
          .where(and(eq(notificationPreferences.districtId, districtId), inArray(notificationPreferences.personId, personIds)));
  const stored = new Map(rows.map((r) => [r.personId, r.deliveries]));
  return new Map(personIds.map((id) => [id, withDefaults(stored.get(id))]));
}

async function loadRow(db: Executor, districtId: string, personId: string) {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.districtId, districtId), eq(notificationPreferences.personId, personId)));
  return row;
}

const present = (row: { deliveries: Record<string, string>; version: number } | undefined): NotificationPreferences => ({
  deliveries: withDefaults(row?.deliveries),
  version: row?.version ?? 0,
});

/** My e-mail preferences for each kind of notification. */
export async function myNotificationPreferences(ctx: Ctx): Promise<NotificationPreferences> {
  return present(await loadRow(ctx.db, ctx.actor.districtId, ctx.actor.personId));
}

/**
 * Saves every kind at once; `version` is the one read (0 before the first save). A stale version
 * answers 409 with the current preferences.
 */
export async function updateMyNotificationPreferences(
  ctx: Ctx,
  input: UpdateNotificationPreferencesInput,
): Promise<NotificationPreferences> {
  const { districtId, personId } = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const row = await loadRow(tx, districtId, personId);
    if ((row?.version ?? 0) !== input.version) throw conflict(present(row));
    const saved = await save(tx, districtId, personId, row, input.deliveries);
    await recordAudit(tx, ctx, {
      action: 'notification_preferences.update',
      entityType: 'notification_preferences',
      entityId: saved.id,
      before: row ? { deliveries: withDefaults(row.deliveries) } : null,
      after: { deliveries: saved.deliveries },
    });
    return present(saved);
  });
}

async function save(
  tx: Executor,
  districtId: string,
  personId: string,
  row: { id: string; version: number } | undefined,
  deliveries: Deliveries,
) {
  if (row) {
    const [updated] = await tx
      .update(notificationPreferences)
      .set({ deliveries, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(notificationPreferences.id, row.id), eq(notificationPreferences.districtId, districtId)))
      .returning();
    return updated!;
  }
  const [created] = await tx.insert(notificationPreferences).values({ districtId, personId, deliveries }).returning();
  return created!;
}

/**
 * One click from an e-mail, signed out: turns the token's kind off for its person. Repeating it
 * changes nothing more. A token this server did not sign (or altered) is refused.
 */
export async function unsubscribe(database: Database, key: Buffer, token: string, requestId: string) {
  const claim = verifyUnsubscribe(key, token);
  if (!claim)
    throw new AppError('validation_failed', 'This unsubscribe link is not valid', [
      { path: 'token', message: 'not a valid unsubscribe link' },
    ]);
  const db = database.forDistrict(claim.districtId);
  await db.transaction(async (tx) => {
    const row = await loadRow(tx, claim.districtId, claim.personId);
    const before = withDefaults(row?.deliveries);
    // The digest's link turns off every kind that comes in the digest.
    const kinds =
      claim.kind === 'digest' ? NOTIFICATION_KINDS.filter((k) => before[k] === 'digest') : before[claim.kind] === 'off' ? [] : [claim.kind];
    if (kinds.length === 0) return;
    const after = { ...before, ...Object.fromEntries(kinds.map((k) => [k, 'off'])) };
    const saved = await save(tx, claim.districtId, claim.personId, row, after);
    await recordAudit(
      tx,
      { requestId, actor: { userId: null, districtId: claim.districtId } },
      {
        action: 'notification_preferences.unsubscribe',
        entityType: 'notification_preferences',
        entityId: saved.id,
        before: Object.fromEntries(kinds.map((k) => [k, before[k]])),
        after: Object.fromEntries(kinds.map((k) => [k, 'off'])),
      },
    );
  });
  return { kind: claim.kind, delivery: 'off' as const };
}
