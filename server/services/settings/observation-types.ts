import { and, asc, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ObservationKind } from '../../../common/observation.ts';
import type {
  CreateObservationTypeInput,
  ObservationType,
  ObservationTypeListQuery,
  UpdateObservationTypeInput,
} from '../../../common/schemas/settings.ts';
import type { Executor } from '../../db/client.ts';
import { observationTypes } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { canManageObservationSettings } from '../../policies/observations.ts';
import { recordAudit } from '../audit.ts';

/** The walkthrough look-fors a district starts with (editable on /settings/observations). */
export const DEFAULT_LOOK_FORS = [
  'Learning target posted and referenced',
  'Students talk more than the teacher',
  'Every student is working on the task',
  'Checks for understanding during the lesson',
  'Routines run without lost time',
];

/**
 * Creates the district's default observation types ("Scored observation" counting toward the
 * non-negotiable, and a five look-for "Walkthrough") when it has none at all (active or not).
 * Safe to call from concurrent requests: a transaction-scoped advisory lock per district
 * serialises the check and the insert (a savepoint when `db` is already a transaction).
 */
export async function ensureDefaultObservationTypes(db: Executor, districtId: string): Promise<void> {
  const [existing] = await db
    .select({ id: observationTypes.id })
    .from(observationTypes)
    .where(eq(observationTypes.districtId, districtId))
    .limit(1);
  if (existing) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`observation_types:${districtId}`}))`);
    const [again] = await tx
      .select({ id: observationTypes.id })
      .from(observationTypes)
      .where(eq(observationTypes.districtId, districtId))
      .limit(1);
    if (again) return;
    await tx.insert(observationTypes).values([
      {
        districtId,
        name: 'Scored observation',
        kind: 'scored',
        description: 'A full lesson scored against the teacher’s role rubric.',
        defaultDurationMinutes: 45,
        countsTowardRequirement: true,
      },
      {
        districtId,
        name: 'Walkthrough',
        kind: 'walkthrough',
        description: 'A short visit checking a few look-fors; not scored.',
        lookFors: DEFAULT_LOOK_FORS,
        defaultDurationMinutes: 15,
        countsTowardRequirement: false,
      },
    ]);
  });
}

// --- List and edit (HR and admins edit; everyone in the district reads) ----------------------

export type ObservationTypeRow = typeof observationTypes.$inferSelect;

function presentType(ctx: Ctx, row: ObservationTypeRow): ObservationType {
  const manage = canManageObservationSettings(ctx.actor);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ObservationKind,
    description: row.description,
    lookFors: row.lookFors,
    defaultDurationMinutes: row.defaultDurationMinutes,
    countsTowardRequirement: row.countsTowardRequirement,
    active: row.active,
    version: row.version,
    abilities: { update: manage, deactivate: manage },
  };
}

/** The district's observation types (the defaults are created on the first read), active first by name. */
export async function listObservationTypes(ctx: Ctx, q: z.infer<typeof ObservationTypeListQuery>) {
  await ensureDefaultObservationTypes(ctx.db, ctx.actor.districtId);
  // The fidelity type is the system's own (services/fidelity/tool.ts): never listed, never edited.
  const where: SQL[] = [eq(observationTypes.districtId, ctx.actor.districtId), ne(observationTypes.kind, 'fidelity')];
  if (q.active !== 'all') where.push(eq(observationTypes.active, q.active === 'true'));
  const rows = await ctx.db
    .select()
    .from(observationTypes)
    .where(and(...where))
    .orderBy(desc(observationTypes.active), asc(observationTypes.name), asc(observationTypes.id));
  return { items: rows.map((r) => presentType(ctx, r)), total: rows.length };
}

async function loadTypeRow(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<ObservationTypeRow> {
  const [row] = await db
    .select()
    .from(observationTypes)
    .where(and(eq(observationTypes.id, id), eq(observationTypes.districtId, ctx.actor.districtId), ne(observationTypes.kind, 'fidelity')));
  if (!row) throw notFound('Observation type');
  return row;
}

const invalid = (path: string, message: string) => new AppError('validation_failed', message, [{ path, message }]);

/** Walkthroughs have look-fors and never count toward the scored requirement; scored types have no look-fors. */
function checkKindFields(kind: string, lookFors: string[], counts: boolean) {
  if (kind === 'walkthrough' && lookFors.length === 0) throw invalid('lookFors', 'A walkthrough needs at least one look-for');
  if (kind === 'walkthrough' && counts)
    throw invalid('countsTowardRequirement', 'Walkthroughs are not scored, so they cannot count toward scored observations');
  if (kind === 'scored' && lookFors.length > 0) throw invalid('lookFors', 'Scored observations use the rubric, not look-fors');
}

export async function createObservationType(ctx: Ctx, input: z.infer<typeof CreateObservationTypeInput>) {
  if (!canManageObservationSettings(ctx.actor)) throw forbidden();
  const lookFors = input.lookFors ?? [];
  const counts = input.countsTowardRequirement ?? false;
  checkKindFields(input.kind, lookFors, counts);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(observationTypes)
      .values({ ...input, lookFors, countsTowardRequirement: counts, districtId: ctx.actor.districtId })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'observation_type.create',
      entityType: 'observation_type',
      entityId: created!.id,
      after: created,
    });
    return created!;
  });
  return presentType(ctx, row);
}

/** Edits, deactivates or reactivates a type when `version` is current, else 409 with the current type. */
export async function changeObservationType(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof UpdateObservationTypeInput> | { version: number; active: boolean },
) {
  const current = await loadTypeRow(ctx, id);
  if (!canManageObservationSettings(ctx.actor)) throw forbidden();
  if (current.version !== input.version) throw conflict(presentType(ctx, current));
  const { version, ...fields } = input;
  if (!('active' in fields)) {
    checkKindFields(current.kind, fields.lookFors ?? current.lookFors, fields.countsTowardRequirement ?? current.countsTowardRequirement);
  }
  const action =
    'active' in fields ? (fields.active ? 'observation_type.reactivate' : 'observation_type.deactivate') : 'observation_type.update';
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(observationTypes)
      .set({ ...fields, version: version + 1, updatedAt: new Date() })
      .where(and(eq(observationTypes.id, id), eq(observationTypes.districtId, ctx.actor.districtId), eq(observationTypes.version, version)))
      .returning();
    if (!updated) return null;
    await recordAudit(tx, ctx, { action, entityType: 'observation_type', entityId: id, before: current, after: updated });
    return updated;
  });
  if (!row) throw conflict(presentType(ctx, await loadTypeRow(ctx, id)));
  return presentType(ctx, row);
}
