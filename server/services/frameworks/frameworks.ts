import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { DEFAULT_ITEM_TYPES } from '../../../common/competency.ts';
import type { CreateFrameworkInput, FrameworkSummary } from '../../../common/schemas/frameworks.ts';
import type { Executor } from '../../db/client.ts';
import { districts, frameworkCollaborators, frameworkVersions, frameworks, people } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { canEditFrameworks, canReadVersion } from '../../policies/frameworks.ts';
import { presentVersionSummary } from '../../presenters/frameworks.ts';
import { recordAudit } from '../audit.ts';
import { checkScale, ensureDefaultScale } from '../scales.ts';
import { loadVersion } from './access.ts';
import { presentLoadedVersion, versionCounts } from './load.ts';

const ITEM_TYPE_TITLES: Record<(typeof DEFAULT_ITEM_TYPES)[number], string> = {
  domain: 'Domain',
  competency: 'Competency',
  indicator: 'Indicator',
};

/** Frameworks of the district with the versions the caller may read (a framework with none is left out). */
async function summaries(ctx: Ctx, db: Executor, frameworkId?: string): Promise<FrameworkSummary[]> {
  const { districtId, personId } = ctx.actor;
  const editor = canEditFrameworks(ctx.actor);
  const fwWhere = frameworkId
    ? and(eq(frameworks.districtId, districtId), eq(frameworks.id, frameworkId))
    : eq(frameworks.districtId, districtId);
  const fws = await db.select().from(frameworks).where(fwWhere).orderBy(asc(frameworks.title), asc(frameworks.id));
  if (fws.length === 0) return [];
  const ids = fws.map((f) => f.id);
  const versions = await db
    .select()
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.districtId, districtId), inArray(frameworkVersions.frameworkId, ids)))
    .orderBy(desc(frameworkVersions.versionNumber));
  const team = await db
    .select({ frameworkId: frameworkCollaborators.frameworkId })
    .from(frameworkCollaborators)
    .where(
      and(
        eq(frameworkCollaborators.personId, personId),
        eq(frameworkCollaborators.active, true),
        inArray(frameworkCollaborators.frameworkId, ids),
      ),
    );
  const onTeam = new Set(team.map((t) => t.frameworkId));
  const readable = versions.filter((v) =>
    canReadVersion(ctx.actor, { districtId: v.districtId, status: v.status, isCollaborator: onTeam.has(v.frameworkId) }),
  );
  const counts = await versionCounts(
    db,
    readable.map((v) => v.id),
  );
  const out: FrameworkSummary[] = [];
  for (const f of fws) {
    const own = readable.filter((v) => v.frameworkId === f.id);
    if (own.length === 0 && !editor) continue;
    const anyDraft = versions.some((v) => v.frameworkId === f.id && v.status === 'draft');
    const published = own.find((v) => v.status === 'published');
    out.push({
      id: f.id,
      title: f.title,
      active: f.active,
      versions: own.map((v) => presentVersionSummary(v, counts.get(v.id)!.itemCount)),
      latestPublishedId: published?.id ?? null,
      draftId: own.find((v) => v.status === 'draft')?.id ?? null,
      abilities: { newVersion: editor && Boolean(published) && !anyDraft, manageDesignTeam: editor },
    });
  }
  return out;
}

export async function listFrameworks(ctx: Ctx) {
  return { items: await summaries(ctx, ctx.db) };
}

export async function getFramework(ctx: Ctx, id: string, db: Executor = ctx.db) {
  const [summary] = await summaries(ctx, db, id);
  if (!summary) throw notFound('Framework');
  return summary;
}

/** Creates a framework and its draft version 1 (default item types, the district as creator). */
export async function createFramework(ctx: Ctx, input: z.infer<typeof CreateFrameworkInput>) {
  if (!canEditFrameworks(ctx.actor)) throw forbidden();
  const { districtId } = ctx.actor;
  if (input.scaleId) await checkScale(ctx, input.scaleId);
  const versionId = await ctx.db.transaction(async (tx) => {
    const scaleId = input.scaleId ?? (await ensureDefaultScale(tx, districtId)).id;
    const [district] = await tx.select({ name: districts.name }).from(districts).where(eq(districts.id, districtId));
    const [framework] = await tx.insert(frameworks).values({ districtId, title: input.title }).returning();
    const id = randomUUID();
    const [version] = await tx
      .insert(frameworkVersions)
      .values({
        id,
        districtId,
        frameworkId: framework!.id,
        versionNumber: 1,
        status: 'draft',
        caseIdentifier: id,
        title: input.title,
        description: input.description ?? null,
        creator: district!.name,
        itemTypes: DEFAULT_ITEM_TYPES.map((code) => ({ code, title: ITEM_TYPE_TITLES[code] })),
        scaleId,
      })
      .returning();
    await recordAudit(tx, ctx, [
      { action: 'framework.create', entityType: 'framework', entityId: framework!.id, after: framework },
      { action: 'framework_version.create', entityType: 'framework_version', entityId: id, after: version },
    ]);
    return id;
  });
  const loaded = await loadVersion(ctx, versionId);
  return { framework: await getFramework(ctx, loaded.framework.id), version: await presentLoadedVersion(ctx.db, loaded) };
}

// ---------------------------------------------------------------- design team

async function frameworkForTeam(ctx: Ctx, frameworkId: string) {
  const [row] = await ctx.db
    .select()
    .from(frameworks)
    .where(and(eq(frameworks.id, frameworkId), eq(frameworks.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Framework');
  if (!canEditFrameworks(ctx.actor)) throw forbidden();
  return row;
}

const personName = sql<string>`coalesce(${people.preferredName}, ${people.givenName}) || ' ' || ${people.familyName}`;

async function teamRows(db: Executor, frameworkId: string, personId?: string) {
  const where = [eq(frameworkCollaborators.frameworkId, frameworkId), eq(frameworkCollaborators.active, true)];
  if (personId) where.push(eq(frameworkCollaborators.personId, personId));
  const rows = await db
    .select({ personId: people.id, name: personName, email: people.email, invitedAt: frameworkCollaborators.updatedAt })
    .from(frameworkCollaborators)
    .innerJoin(people, eq(people.id, frameworkCollaborators.personId))
    .where(and(...where))
    .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id));
  return rows.map((r) => ({ ...r, invitedAt: r.invitedAt.toISOString() }));
}

export async function listDesignTeam(ctx: Ctx, frameworkId: string) {
  await frameworkForTeam(ctx, frameworkId);
  return { items: await teamRows(ctx.db, frameworkId) };
}

export async function addDesignTeamMember(ctx: Ctx, frameworkId: string, personId: string) {
  await frameworkForTeam(ctx, frameworkId);
  const [person] = await ctx.db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.districtId, ctx.actor.districtId)));
  if (!person) throw notFound('Person');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(frameworkCollaborators)
      .values({ districtId: ctx.actor.districtId, frameworkId, personId, invitedByUserId: ctx.actor.userId })
      .onConflictDoUpdate({
        target: [frameworkCollaborators.frameworkId, frameworkCollaborators.personId],
        set: { active: true, invitedByUserId: ctx.actor.userId, updatedAt: new Date() },
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'framework.design_team.add', entityType: 'framework', entityId: frameworkId, after: row });
  });
  return (await teamRows(ctx.db, frameworkId, personId))[0]!;
}

export async function removeDesignTeamMember(ctx: Ctx, frameworkId: string, personId: string) {
  await frameworkForTeam(ctx, frameworkId);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(frameworkCollaborators)
      .set({ active: false, updatedAt: new Date() })
      .where(
        and(
          eq(frameworkCollaborators.frameworkId, frameworkId),
          eq(frameworkCollaborators.personId, personId),
          eq(frameworkCollaborators.active, true),
        ),
      )
      .returning();
    if (!row) throw notFound('Design team member');
    await recordAudit(tx, ctx, { action: 'framework.design_team.remove', entityType: 'framework', entityId: frameworkId, before: row });
  });
}
