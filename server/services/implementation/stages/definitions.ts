import { and, eq, sql } from 'drizzle-orm';
import { IMPLEMENTATION_STAGES, type ImplementationStage } from '../../../../common/implementation.ts';
import en from '../../../../common/i18n/en/implementation.json' with { type: 'json' };
import es from '../../../../common/i18n/es/implementation.json' with { type: 'json' };
import type { StageDefinition, StageDefinitionInput, StageDefinitionList } from '../../../../common/schemas/initiative-stages.ts';
import type { Executor } from '../../../db/client.ts';
import { initiativeStageDefinitions } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden } from '../../../lib/errors.ts';
import type { ReaderLocale } from '../../../lib/reader-locale.ts';
import { canEditStageDefinitions } from '../../../policies/implementation-stages.ts';
import { recordAudit } from '../../audit.ts';
import { loadWorkInitiative } from './access.ts';

type DefinitionRow = typeof initiativeStageDefinitions.$inferSelect;
type Defaults = Record<ImplementationStage, { activities: Record<string, string>; exitCriteria: Record<string, string> }>;
const DEFAULTS: Record<ReaderLocale, Defaults> = { en: en.stagesPage.defaults, es: es.stagesPage.defaults };

const items = (texts: Record<string, string>) => Object.entries(texts).map(([id, text]) => ({ id, text }));

/**
 * The built-in checklist of a stage in the reader's language (Trellis's own words, not NIRN's
 * licensed text): shown until the district saves its own, and written when it first does.
 */
export function builtInDefinition(stage: ImplementationStage, lang: ReaderLocale): StageDefinition {
  const d = DEFAULTS[lang][stage];
  return { stage, activities: items(d.activities), exitCriteria: items(d.exitCriteria), version: null, builtIn: true };
}

const view = (row: DefinitionRow): StageDefinition => ({
  stage: row.stage as ImplementationStage,
  activities: row.activities,
  exitCriteria: row.exitCriteria,
  version: row.version,
  builtIn: false,
});

/** Every stage's definition for the initiative: the saved one, else the built-in one. */
export async function stageDefinitions(ctx: Ctx, initiativeId: string, lang: ReaderLocale, db: Executor = ctx.db) {
  const rows = await db
    .select()
    .from(initiativeStageDefinitions)
    .where(and(eq(initiativeStageDefinitions.districtId, ctx.actor.districtId), eq(initiativeStageDefinitions.initiativeId, initiativeId)));
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  return new Map(
    IMPLEMENTATION_STAGES.map((stage) => {
      const row = byStage.get(stage);
      return [stage, row ? view(row) : builtInDefinition(stage, lang)] as const;
    }),
  );
}

/** GET /api/initiatives/:id/stage-definitions */
export async function listStageDefinitions(ctx: Ctx, initiativeId: string, lang: ReaderLocale): Promise<StageDefinitionList> {
  await loadWorkInitiative(ctx, initiativeId);
  const defs = await stageDefinitions(ctx, initiativeId, lang);
  return { items: [...defs.values()], abilities: { edit: canEditStageDefinitions(ctx.actor) } };
}

/**
 * PUT /api/initiatives/:id/stage-definitions/:stage: HR and admins replace a stage's activities and
 * exit criteria. The first save (version null) writes the row; later saves carry the version read
 * (409 with the current definition otherwise). Ticks of removed items stay on the school rows but
 * no longer count.
 */
export async function saveStageDefinition(
  ctx: Ctx,
  initiativeId: string,
  stage: ImplementationStage,
  input: StageDefinitionInput,
  lang: ReaderLocale,
): Promise<StageDefinition> {
  const initiative = await loadWorkInitiative(ctx, initiativeId);
  if (!canEditStageDefinitions(ctx.actor)) throw forbidden('Only HR and district admins edit stage checklists');
  const current = (await stageDefinitions(ctx, initiativeId, lang)).get(stage)!;
  if (current.version !== input.version) throw conflict(current);
  const values = { activities: input.activities, exitCriteria: input.exitCriteria };
  const saved = await ctx.db.transaction(async (tx) => {
    const [row] =
      input.version === null
        ? await tx
            .insert(initiativeStageDefinitions)
            .values({ districtId: initiative.districtId, initiativeId, stage, ...values })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(initiativeStageDefinitions)
            .set({ ...values, version: sql`${initiativeStageDefinitions.version} + 1`, updatedAt: new Date() })
            .where(
              and(
                eq(initiativeStageDefinitions.districtId, ctx.actor.districtId),
                eq(initiativeStageDefinitions.initiativeId, initiativeId),
                eq(initiativeStageDefinitions.stage, stage),
                eq(initiativeStageDefinitions.version, input.version),
              ),
            )
            .returning();
    if (!row) return null;
    await recordAudit(tx, ctx, {
      action: 'initiative_stage_definition.save',
      entityType: 'initiative_stage_definition',
      entityId: row.id,
      before: { activities: current.activities, exitCriteria: current.exitCriteria, builtIn: current.builtIn },
      after: { initiativeId, stage, ...values },
    });
    return row;
  });
  if (!saved) throw conflict((await stageDefinitions(ctx, initiativeId, lang)).get(stage));
  return view(saved);
}
