import type { Ctx } from '../../lib/context.ts';
import { recordAudit } from '../audit.ts';
import { deleteSession } from './sessions.ts';

/** Ends the caller's session and audits it with the address it came from. */
export async function signOut(ctx: Ctx, input: { token: string; ip: string }) {
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, input.token);
    await recordAudit(tx, ctx, { action: 'auth.sign_out', entityType: 'user', entityId: ctx.actor.userId, after: { ip: input.ip } });
  });
}
