import { and, eq, inArray, isNull } from 'drizzle-orm';
import { addDays } from '../../../common/clock.ts';
import type { Executor } from '../../db/client.ts';
import { stepPlacements } from '../../db/schema/index.ts';
import { recordAudit, type AuditRecord } from '../audit.ts';
import { districtToday } from '../coaching/refs.ts';

/**
 * Places the people a staff spreadsheet names on their steps, from the district's today, inside the
 * import's transaction: the open placement ends yesterday (one that starts today or later is
 * corrected in place instead). One audit row per person.
 */
export async function applyImportPlacements(
  tx: Executor,
  audit: { requestId: string; actor: { userId: string; districtId: string } },
  ops: { personId: string; stepId: string }[],
) {
  const districtId = audit.actor.districtId;
  const { today } = await districtToday(tx, districtId);
  const open = await tx
    .select()
    .from(stepPlacements)
    .where(
      and(
        eq(stepPlacements.districtId, districtId),
        inArray(
          stepPlacements.personId,
          ops.map((o) => o.personId),
        ),
        isNull(stepPlacements.endDate),
      ),
    );
  const openOf = new Map(open.map((p) => [p.personId, p]));
  const records: AuditRecord[] = [];
  const inserts: (typeof stepPlacements.$inferInsert)[] = [];
  for (const op of ops) {
    const current = openOf.get(op.personId);
    if (current?.stepId === op.stepId) continue;
    if (current && current.startDate >= today) {
      await tx
        .update(stepPlacements)
        .set({ stepId: op.stepId, source: 'import', version: current.version + 1, updatedAt: new Date() })
        .where(eq(stepPlacements.id, current.id));
    } else {
      if (current) {
        await tx
          .update(stepPlacements)
          .set({ endDate: addDays(today, -1), version: current.version + 1, updatedAt: new Date() })
          .where(eq(stepPlacements.id, current.id));
      }
      inserts.push({ districtId, personId: op.personId, stepId: op.stepId, startDate: today, source: 'import' });
    }
    records.push({
      action: 'step_placement.import',
      entityType: 'person',
      entityId: op.personId,
      before: current ? { stepId: current.stepId, startDate: current.startDate } : null,
      after: { stepId: op.stepId, startDate: today },
    });
  }
  for (let i = 0; i < inserts.length; i += 500) await tx.insert(stepPlacements).values(inserts.slice(i, i + 500));
  await recordAudit(tx, audit, records);
}
