import { and, asc, eq } from 'drizzle-orm';
import type { SetReflectionInput, TeamReflection } from '../../../../common/schemas/team-goals.ts';
import type { Executor } from '../../../db/client.ts';
import { frameworkItems, frameworkVersions, scaleLevels, scales, teamReflections, teamSelfRatings } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, conflict, forbidden, notFound } from '../../../lib/errors.ts';
import { reflectionAbilities } from '../../../policies/team-goals.ts';
import { recordAudit } from '../../audit.ts';
import { publishedObservationVersionId } from '../../observations/role-rubric.ts';
import { loadTeam, roleOnTeam, yearOf } from './scope.ts';

const labelOf = (r: { humanCode: string | null; abbreviatedStatement: string | null; fullStatement: string }) =>
  [r.humanCode, r.abbreviatedStatement || r.fullStatement].filter(Boolean).join(' ');

/**
 * The competencies and scale a team rates itself on: the items of the district's published
 * observation framework (its competencies; every item under a domain when none is typed so), on the
 * version's scale, else the district's default scale.
 */
export async function selfAssessmentFrame(db: Executor, districtId: string) {
  const versionId = await publishedObservationVersionId(db, districtId);
  if (!versionId) return { competencies: [], scale: [] };
  const items = await db
    .select({
      id: frameworkItems.id,
      itemType: frameworkItems.itemType,
      parentId: frameworkItems.parentId,
      humanCode: frameworkItems.humanCode,
      abbreviatedStatement: frameworkItems.abbreviatedStatement,
      fullStatement: frameworkItems.fullStatement,
    })
    .from(frameworkItems)
    .where(and(eq(frameworkItems.districtId, districtId), eq(frameworkItems.versionId, versionId), eq(frameworkItems.retired, false)))
    .orderBy(asc(frameworkItems.parentId), asc(frameworkItems.position));
  const typed = items.filter((i) => i.itemType?.toLowerCase() === 'competency');
  const chosen = typed.length ? typed : items.filter((i) => i.parentId !== null);
  const [version] = await db
    .select({ scaleId: frameworkVersions.scaleId })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.id, versionId));
  const scaleCondition = version?.scaleId
    ? eq(scaleLevels.scaleId, version.scaleId)
    : and(eq(scales.districtId, districtId), eq(scales.isDefault, true));
  const levels = await db
    .select({ id: scaleLevels.id, label: scaleLevels.label, levelScore: scaleLevels.levelScore })
    .from(scaleLevels)
    .innerJoin(scales, eq(scales.id, scaleLevels.scaleId))
    .where(and(eq(scaleLevels.districtId, districtId), scaleCondition))
    .orderBy(asc(scaleLevels.position));
  return { competencies: chosen.map((i) => ({ id: i.id, label: labelOf(i) })), scale: levels };
}

async function loadReadable(ctx: Ctx, teamId: string, db: Executor) {
  const team = await loadTeam(ctx, teamId, db);
  const can = reflectionAbilities(ctx.actor, team.schoolId, await roleOnTeam(ctx, teamId, db));
  if (!can.read) throw notFound('Team');
  return { team, can };
}

/** A team's composition reflection and self-assessment for the year (empty until first saved). */
export async function getReflection(ctx: Ctx, teamId: string, schoolYear?: string, db: Executor = ctx.db): Promise<TeamReflection> {
  const { team, can } = await loadReadable(ctx, teamId, db);
  const year = await yearOf(ctx, schoolYear);
  const [row] = await db
    .select()
    .from(teamReflections)
    .where(
      and(eq(teamReflections.districtId, ctx.actor.districtId), eq(teamReflections.teamId, teamId), eq(teamReflections.schoolYear, year)),
    );
  const ratings = row
    ? await db
        .select({ itemId: teamSelfRatings.itemId, scaleLevelId: teamSelfRatings.scaleLevelId, comment: teamSelfRatings.comment })
        .from(teamSelfRatings)
        .where(and(eq(teamSelfRatings.districtId, ctx.actor.districtId), eq(teamSelfRatings.reflectionId, row.id)))
    : [];
  const frame = await selfAssessmentFrame(db, ctx.actor.districtId);
  return {
    team: { id: team.id, name: team.name, schoolId: team.schoolId, schoolName: team.schoolName },
    schoolYear: year,
    composition: row?.composition ?? '',
    version: row?.version ?? 0,
    ratings,
    ...frame,
    can: { edit: can.write },
  };
}

/**
 * Saves the team's reflection and self-ratings for the year (the ratings sent replace the old).
 * Each item must be a competency of the published framework and each level one of its scale (400).
 */
export async function setReflection(ctx: Ctx, teamId: string, input: SetReflectionInput): Promise<TeamReflection> {
  const { can } = await loadReadable(ctx, teamId, ctx.db);
  if (!can.write) throw forbidden('Only the team’s leads and the school’s leaders write its reflection');
  const frame = await selfAssessmentFrame(ctx.db, ctx.actor.districtId);
  const items = new Set(frame.competencies.map((c) => c.id));
  const levels = new Map(frame.scale.map((l) => [l.id, l.levelScore]));
  const issues = input.ratings.flatMap((r, i) => [
    ...(items.has(r.itemId) ? [] : [{ path: `ratings.${i}.itemId`, message: 'Not a competency of the district’s framework' }]),
    ...(r.scaleLevelId === null || levels.has(r.scaleLevelId)
      ? []
      : [{ path: `ratings.${i}.scaleLevelId`, message: 'Not a level of the scale' }]),
  ]);
  if (new Set(input.ratings.map((r) => r.itemId)).size !== input.ratings.length)
    issues.push({ path: 'ratings', message: 'A competency is rated twice' });
  if (issues.length) throw new AppError('validation_failed', 'Some ratings are not on the district’s framework', issues);
  await ctx.db.transaction(async (tx) => {
    const where = and(
      eq(teamReflections.districtId, ctx.actor.districtId),
      eq(teamReflections.teamId, teamId),
      eq(teamReflections.schoolYear, input.schoolYear),
    );
    const [current] = await tx.select().from(teamReflections).where(where);
    if ((current?.version ?? 0) !== input.version) throw conflict(await getReflection(ctx, teamId, input.schoolYear, tx));
    const [row] = current
      ? await tx
          .update(teamReflections)
          .set({ composition: input.composition, version: current.version + 1, updatedAt: new Date() })
          .where(and(eq(teamReflections.id, current.id), eq(teamReflections.version, current.version)))
          .returning()
      : await tx
          .insert(teamReflections)
          .values({ districtId: ctx.actor.districtId, teamId, schoolYear: input.schoolYear, composition: input.composition })
          .returning();
    if (!row) throw conflict(await getReflection(ctx, teamId, input.schoolYear, tx));
    const before = current
      ? await tx
          .select()
          .from(teamSelfRatings)
          .where(and(eq(teamSelfRatings.districtId, ctx.actor.districtId), eq(teamSelfRatings.reflectionId, current.id)))
      : [];
    if (before.length)
      await tx
        .delete(teamSelfRatings)
        .where(and(eq(teamSelfRatings.districtId, ctx.actor.districtId), eq(teamSelfRatings.reflectionId, row.id)));
    if (input.ratings.length)
      await tx.insert(teamSelfRatings).values(
        input.ratings.map((r) => ({
          districtId: ctx.actor.districtId,
          reflectionId: row.id,
          itemId: r.itemId,
          scaleLevelId: r.scaleLevelId,
          levelScore: r.scaleLevelId ? levels.get(r.scaleLevelId)! : null,
          comment: r.comment,
        })),
      );
    await recordAudit(tx, ctx, {
      action: 'team_reflection.set',
      entityType: 'team',
      entityId: teamId,
      before: current ? { ...current, ratings: before } : null,
      after: { ...row, ratings: input.ratings },
    });
  });
  return getReflection(ctx, teamId, input.schoolYear);
}
