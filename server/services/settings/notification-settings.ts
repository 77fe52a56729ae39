import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../../common/schemas/auth.ts';
import type { NotificationSettings, UpdateNotificationSettingsInput } from '../../../common/schemas/notification-preferences.ts';
import { districtSettings } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden } from '../../lib/errors.ts';
import { isDistrictAdmin } from '../../policies/app.ts';
import { recordAudit } from '../audit.ts';
import { settingsRow } from './non-negotiables.ts';

/** The district's digest hour and default e-mail language (everyone in the district reads them). */
export async function notificationSettingsView(ctx: Ctx): Promise<NotificationSettings> {
  const row = await settingsRow(ctx.db, ctx.actor.districtId);
  return {
    digestHour: row.digestHour,
    defaultLocale: (row.defaultLocale === 'es' ? 'es' : 'en') satisfies Locale,
    version: row.version,
    abilities: { update: isDistrictAdmin(ctx.actor) },
  };
}

/** District admins change them; a stale version answers 409 with the current ones. */
export async function updateNotificationSettings(ctx: Ctx, input: UpdateNotificationSettingsInput): Promise<NotificationSettings> {
  if (!isDistrictAdmin(ctx.actor)) throw forbidden('Only district admins change the notification settings');
  const districtId = ctx.actor.districtId;
  const before = await settingsRow(ctx.db, districtId);
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(districtSettings)
      .set({ digestHour: input.digestHour, defaultLocale: input.defaultLocale, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(districtSettings.districtId, districtId), eq(districtSettings.version, input.version)))
      .returning();
    if (!row) return null;
    await recordAudit(tx, ctx, {
      action: 'settings.notifications.update',
      entityType: 'district_settings',
      entityId: districtId,
      before: { digestHour: before.digestHour, defaultLocale: before.defaultLocale },
      after: { digestHour: row.digestHour, defaultLocale: row.defaultLocale },
    });
    return row;
  });
  if (!updated) throw conflict(await notificationSettingsView(ctx));
  return notificationSettingsView(ctx);
}
