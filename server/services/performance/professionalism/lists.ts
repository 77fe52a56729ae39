import { and, asc, eq } from 'drizzle-orm';
import i18next from 'i18next';
import type { z } from 'zod';
import en from '../../../../common/i18n/en/performance.json' with { type: 'json' };
import es from '../../../../common/i18n/es/performance.json' with { type: 'json' };
import type { ListItemInput, ListItemUpdate, ProfessionalismSetup, ReorderInput } from '../../../../common/schemas/professionalism.ts';
import type { Executor } from '../../../db/client.ts';
import { escalationSteps, professionalismExpectations } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, conflict, forbidden, invalidState, notFound } from '../../../lib/errors.ts';
import { canManagePerformance } from '../../../policies/performance.ts';
import { recordAudit } from '../../audit.ts';
import { readerLocale, readersOf } from '../../notifications/email.ts';

/** The district's two lists: professionalism expectations and escalation steps, in order. */
export type ListKind = 'expectations' | 'escalation-steps';
const tables = { expectations: professionalismExpectations, 'escalation-steps': escalationSteps } as const;
const entityType = { expectations: 'professionalism_expectation', 'escalation-steps': 'escalation_step' } as const;
type Row = typeof professionalismExpectations.$inferSelect;

const present = (r: Row) => ({
  id: r.id,
  position: r.position,
  title: r.title,
  description: r.description,
  active: r.active,
  version: r.version,
});

async function rowsOf(db: Executor, districtId: string, kind: ListKind): Promise<Row[]> {
  const t = tables[kind];
  return db.select().from(t).where(eq(t.districtId, districtId)).orderBy(asc(t.position), asc(t.createdAt), asc(t.id));
}

/** Both lists (inactive items included, marked), for anyone in the district. */
export async function professionalismSetup(ctx: Ctx, db: Executor = ctx.db): Promise<ProfessionalismSetup> {
  const [expectations, steps] = await Promise.all([
    rowsOf(db, ctx.actor.districtId, 'expectations'),
    rowsOf(db, ctx.actor.districtId, 'escalation-steps'),
  ]);
  return { expectations: expectations.map(present), escalationSteps: steps.map(present), canManage: canManagePerformance(ctx.actor) };
}

const requireManager = (ctx: Ctx) => {
  if (!canManagePerformance(ctx.actor)) throw forbidden('Only HR and district admins edit professionalism expectations');
};

/** HR adds an item at the end of a list. */
export async function createListItem(ctx: Ctx, kind: ListKind, input: z.infer<typeof ListItemInput>) {
  requireManager(ctx);
  const t = tables[kind];
  await ctx.db.transaction(async (tx) => {
    const existing = await rowsOf(tx, ctx.actor.districtId, kind);
    const position = existing.length ? Math.max(...existing.map((r) => r.position)) + 1 : 0;
    const [row] = await tx
      .insert(t)
      .values({ districtId: ctx.actor.districtId, position, ...input })
      .returning();
    await recordAudit(tx, ctx, { action: `${entityType[kind]}.create`, entityType: entityType[kind], entityId: row!.id, after: row });
  });
  return professionalismSetup(ctx);
}

/** HR renames, describes, deactivates or reactivates an item; a stale version answers 409 with the lists. */
export async function updateListItem(ctx: Ctx, kind: ListKind, id: string, input: z.infer<typeof ListItemUpdate>) {
  requireManager(ctx);
  const t = tables[kind];
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(t)
      .where(and(eq(t.id, id), eq(t.districtId, ctx.actor.districtId)));
    if (!current) throw notFound('Item');
    if (current.version !== input.version) throw conflict(await professionalismSetup(ctx, tx));
    const { version: _v, ...fields } = input;
    const [after] = await tx
      .update(t)
      .set({ ...fields, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(t.id, id), eq(t.version, current.version)))
      .returning();
    if (!after) throw conflict(await professionalismSetup(ctx, tx));
    await recordAudit(tx, ctx, {
      action: `${entityType[kind]}.update`,
      entityType: entityType[kind],
      entityId: id,
      before: current,
      after,
    });
  });
  return professionalismSetup(ctx);
}

/** HR puts a list in a new order: every item, each with the version the caller saw. */
export async function reorderList(ctx: Ctx, kind: ListKind, input: z.infer<typeof ReorderInput>) {
  requireManager(ctx);
  const t = tables[kind];
  await ctx.db.transaction(async (tx) => {
    const current = await rowsOf(tx, ctx.actor.districtId, kind);
    const byId = new Map(current.map((r) => [r.id, r]));
    const ids = new Set(input.items.map((i) => i.id));
    if (ids.size !== input.items.length || ids.size !== current.length || input.items.some((i) => !byId.has(i.id))) {
      throw new AppError('validation_failed', 'List every item once', [{ path: 'items', message: 'every item once' }]);
    }
    if (input.items.some((i) => byId.get(i.id)!.version !== i.version)) throw conflict(await professionalismSetup(ctx, tx));
    for (const [position, item] of input.items.entries()) {
      const before = byId.get(item.id)!;
      if (before.position === position) continue;
      await tx
        .update(t)
        .set({ position, version: before.version + 1, updatedAt: new Date() })
        .where(eq(t.id, item.id));
    }
    await recordAudit(tx, ctx, {
      action: `${entityType[kind]}.reorder`,
      entityType: entityType[kind],
      entityId: null,
      before: { order: current.map((r) => r.id) },
      after: { order: input.items.map((i) => i.id) },
    });
  });
  return professionalismSetup(ctx);
}

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { performance: en }, es: { performance: es } },
  ns: ['performance'],
  defaultNS: 'performance',
  fallbackLng: 'en',
  initAsync: false,
});

export const SUGGESTED_EXPECTATIONS = [
  'attendance',
  'punctuality',
  'deadlines',
  'communication',
  'confidentiality',
  'collaboration',
] as const;
export const SUGGESTED_STEPS = ['conversation', 'writtenExpectations', 'improvementPlan', 'hrReferral'] as const;

/**
 * HR starts an empty list from the suggested one, written in HR's language (their own, else the
 * district's). Only empty lists are filled; with both lists started already, 409.
 */
export async function useSuggestedLists(ctx: Ctx) {
  requireManager(ctx);
  const reader = (await readersOf(ctx.db, ctx.actor.districtId, [ctx.actor.personId])).get(ctx.actor.personId);
  const t = i18n.getFixedT(reader ? readerLocale(reader) : 'en', 'performance');
  const text = (key: string) => ({
    title: t(`professionalism.suggested.${key}.title`),
    description: t(`professionalism.suggested.${key}.description`),
  });
  await ctx.db.transaction(async (tx) => {
    const fills = [
      { kind: 'expectations' as const, keys: SUGGESTED_EXPECTATIONS.map((k) => `expectations.${k}`) },
      { kind: 'escalation-steps' as const, keys: SUGGESTED_STEPS.map((k) => `steps.${k}`) },
    ];
    let filled = 0;
    for (const { kind, keys } of fills) {
      if ((await rowsOf(tx, ctx.actor.districtId, kind)).length > 0) continue;
      const rows = await tx
        .insert(tables[kind])
        .values(keys.map((key, position) => ({ districtId: ctx.actor.districtId, position, ...text(key) })))
        .returning();
      await recordAudit(
        tx,
        ctx,
        rows.map((row) => ({ action: `${entityType[kind]}.create`, entityType: entityType[kind], entityId: row.id, after: row })),
      );
      filled += 1;
    }
    if (filled === 0) throw invalidState('The district already has its expectations and escalation steps');
  });
  return professionalismSetup(ctx);
}
