import { eq } from 'drizzle-orm';
import type { Locale } from '../../../common/schemas/auth.ts';
import { users } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { recordAudit } from '../audit.ts';

/** Sets the caller's interface language, audited with the one it replaces. */
export async function updateLocale(ctx: Ctx, locale: Locale, before: string | null) {
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, ctx.actor.userId));
    await recordAudit(tx, ctx, {
      action: 'user.update_locale',
      entityType: 'user',
      entityId: ctx.actor.userId,
      before: { locale: before },
      after: { locale },
    });
  });
}
