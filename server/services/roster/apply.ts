import { getTableName, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { orgUnits, people, roleAssignments } from '../../db/schema/index.ts';
import type { AuditRecord } from '../audit.ts';
import { recordAudit } from '../audit.ts';
import { endAccessOf } from '../auth/end-access.ts';
import { bulkInsertWithAudit, type ImportTable } from './bulk-insert.ts';
import type { ImportPlan, Op } from './plan.ts';
import { applyImportPlacements } from '../placements/import.ts';
import { failpoint } from '../../lib/failpoint.ts';

const BATCH = 500;

function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Table = typeof orgUnits | typeof people | typeof roleAssignments;

/**
 * Writes a plan inside the caller's transaction: creates in batches, updates row by row (few in a
 * re-import), deactivations as one statement per batch (ending deactivated people's sessions,
 * feeds and links), and one audit row per changed entity.
 */
export async function applyPlan(
  tx: Tx,
  audit: { requestId: string; actor: { userId: string; districtId: string } },
  plan: ImportPlan,
  onProgress: (done: number) => void,
) {
  const districtId = audit.actor.districtId;
  let done = 0;
  const step = async (n: number) => {
    done += n;
    onProgress(done);
    // The crash test's cut: a few batches in, well inside the import's transaction.
    if (done >= 1000) failpoint('roster-import:mid-write');
  };
  const write = async <T extends object>(table: Table, entityType: string, ops: Op<T>[]) => {
    const creates = ops.filter((o) => o.kind === 'create');
    const auditInfo = {
      districtId,
      actorUserId: audit.actor.userId,
      requestId: audit.requestId,
      action: `${entityType}.import_create`,
      entityType,
    };
    for (const batch of chunks(creates)) {
      const rows = batch.map((o) => ({ ...(o.values as Record<string, unknown>), id: o.id, districtId }));
      await bulkInsertWithAudit(tx, getTableName(table) as ImportTable, rows, auditInfo);
      await step(batch.length);
    }
    for (const o of ops) {
      if (o.kind !== 'update') continue;
      await tx
        .update(table)
        .set({
          ...(o.values as object),
          updatedAt: new Date(),
          ...('version' in table ? { version: sql`${table.version} + 1` } : {}),
        } as never)
        .where(sql`${table.id} = ${o.id}`);
      await recordAudit(tx, audit, {
        action: `${entityType}.import_update`,
        entityType,
        entityId: o.id,
        before: o.before,
        after: o.values,
      });
      await step(1);
    }
    for (const batch of chunks(ops.filter((o) => o.kind === 'deactivate'))) {
      await tx
        .update(table)
        .set({ active: false, updatedAt: new Date() } as never)
        .where(
          inArray(
            table.id,
            batch.map((o) => o.id),
          ),
        );
      // A deactivated person's sessions, feeds and set-password links end with them.
      if (table === people)
        await endAccessOf(
          tx,
          districtId,
          batch.map((o) => o.id),
        );
      await recordAudit(
        tx,
        audit,
        batch.map((o): AuditRecord => ({
          action: `${entityType}.import_deactivate`,
          entityType,
          entityId: o.id,
          before: o.before,
          after: { active: false },
        })),
      );
      await step(batch.length);
    }
  };
  await write(orgUnits, 'org_unit', plan.orgs);
  await write(people, 'person', plan.people);
  await write(roleAssignments, 'role_assignment', plan.roles);
  if (plan.placements.length > 0) {
    await applyImportPlacements(tx, audit, plan.placements);
    await step(plan.placements.length);
  }
}

export const planSize = (plan: ImportPlan) => [plan.orgs, plan.people, plan.roles, plan.placements].reduce((n, ops) => n + ops.length, 0);
