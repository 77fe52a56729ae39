import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateLibraryStepInput,
  LibraryStep,
  LibraryStepListQuery,
  UpdateLibraryStepInput,
} from '../../../common/schemas/settings.ts';
import type { Executor } from '../../db/client.ts';
import { actionStepLibrary, frameworkItems, frameworkVersions, frameworks } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import { canManageObservationSettings } from '../../policies/observations.ts';
import { recordAudit } from '../audit.ts';

type LibraryRow = typeof actionStepLibrary.$inferSelect;
type TaggedItem = NonNullable<LibraryStep['item']>;

/** The tagged competencies of some library rows, by item id. */
async function itemsById(db: Executor, districtId: string, ids: string[]): Promise<Map<string, TaggedItem>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: frameworkItems.id,
      humanCode: frameworkItems.humanCode,
      statement: frameworkItems.fullStatement,
      abbreviated: frameworkItems.abbreviatedStatement,
      frameworkTitle: frameworks.title,
      versionNumber: frameworkVersions.versionNumber,
    })
    .from(frameworkItems)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, frameworkItems.versionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(frameworkItems.districtId, districtId), inArray(frameworkItems.id, unique)));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        humanCode: r.humanCode,
        statement: r.abbreviated ?? r.statement,
        frameworkTitle: r.frameworkTitle,
        versionNumber: r.versionNumber,
      },
    ]),
  );
}

function present(ctx: Ctx, row: LibraryRow, items: Map<string, TaggedItem>): LibraryStep {
  const manage = canManageObservationSettings(ctx.actor);
  return {
    id: row.id,
    title: row.title,
    practicePrompt: row.practicePrompt,
    item: row.itemId ? (items.get(row.itemId) ?? null) : null,
    active: row.active,
    version: row.version,
    abilities: { update: manage, deactivate: manage },
  };
}

async function presentOne(ctx: Ctx, row: LibraryRow, db: Executor = ctx.db) {
  return present(ctx, row, await itemsById(db, ctx.actor.districtId, row.itemId ? [row.itemId] : []));
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The library (everyone in the district reads it), filtered by competency and text, by title. */
export async function listLibrarySteps(ctx: Ctx, q: z.infer<typeof LibraryStepListQuery>) {
  const where: SQL[] = [eq(actionStepLibrary.districtId, ctx.actor.districtId)];
  if (q.active !== 'all') where.push(eq(actionStepLibrary.active, q.active === 'true'));
  if (q.itemId) where.push(eq(actionStepLibrary.itemId, q.itemId));
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    where.push(or(ilike(actionStepLibrary.title, pattern), ilike(actionStepLibrary.practicePrompt, pattern))!);
  }
  const rows = await ctx.db
    .select()
    .from(actionStepLibrary)
    .where(and(...where))
    .orderBy(asc(actionStepLibrary.title), asc(actionStepLibrary.id))
    .limit(q.limit)
    .offset(q.offset);
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: count() })
    .from(actionStepLibrary)
    .where(and(...where));
  const items = await itemsById(
    ctx.db,
    ctx.actor.districtId,
    rows.flatMap((r) => (r.itemId ? [r.itemId] : [])),
  );
  return { items: rows.map((r) => present(ctx, r, items)), total };
}

/** The competency must be an item of one of the district's frameworks (404 otherwise), not retired. */
async function requireItem(ctx: Ctx, itemId: string) {
  const [item] = await ctx.db
    .select({ id: frameworkItems.id })
    .from(frameworkItems)
    .where(and(eq(frameworkItems.id, itemId), eq(frameworkItems.districtId, ctx.actor.districtId), eq(frameworkItems.retired, false)));
  if (!item) throw notFound('Competency');
}

async function loadRow(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<LibraryRow> {
  const [row] = await db
    .select()
    .from(actionStepLibrary)
    .where(and(eq(actionStepLibrary.id, id), eq(actionStepLibrary.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Action step');
  return row;
}

export async function libraryStepView(ctx: Ctx, id: string) {
  return presentOne(ctx, await loadRow(ctx, id));
}

export async function createLibraryStep(ctx: Ctx, input: z.infer<typeof CreateLibraryStepInput>) {
  if (!canManageObservationSettings(ctx.actor)) throw forbidden();
  await requireItem(ctx, input.itemId);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(actionStepLibrary)
      .values({ ...input, practicePrompt: input.practicePrompt || null, districtId: ctx.actor.districtId })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'action_step_library.create',
      entityType: 'action_step_library',
      entityId: created!.id,
      after: created,
    });
    return created!;
  });
  return presentOne(ctx, row);
}

/** Edits, deactivates or reactivates a library step when `version` is current, else 409 with the current one. */
export async function changeLibraryStep(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof UpdateLibraryStepInput> | { version: number; active: boolean },
) {
  const current = await loadRow(ctx, id);
  if (!canManageObservationSettings(ctx.actor)) throw forbidden();
  if (current.version !== input.version) throw conflict(await presentOne(ctx, current));
  const { version, ...fields } = input;
  if ('itemId' in fields && fields.itemId) await requireItem(ctx, fields.itemId);
  if ('practicePrompt' in fields && fields.practicePrompt === '') fields.practicePrompt = null;
  const action =
    'active' in fields
      ? fields.active
        ? 'action_step_library.reactivate'
        : 'action_step_library.deactivate'
      : 'action_step_library.update';
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(actionStepLibrary)
      .set({ ...fields, version: version + 1, updatedAt: new Date() })
      .where(
        and(eq(actionStepLibrary.id, id), eq(actionStepLibrary.districtId, ctx.actor.districtId), eq(actionStepLibrary.version, version)),
      )
      .returning();
    if (!updated) return null;
    await recordAudit(tx, ctx, { action, entityType: 'action_step_library', entityId: id, before: current, after: updated });
    return updated;
  });
  if (!row) throw conflict(await libraryStepView(ctx, id));
  return presentOne(ctx, row);
}
