import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { frameworkCollaborators, frameworkVersions, frameworks } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, invalidState, notFound } from '../../lib/errors.ts';
import { canReadVersion, versionAbilities } from '../../policies/frameworks.ts';

export type VersionRow = typeof frameworkVersions.$inferSelect;

export interface LoadedVersion {
  version: VersionRow;
  framework: typeof frameworks.$inferSelect;
  isCollaborator: boolean;
  abilities: ReturnType<typeof versionAbilities>;
}

/**
 * A framework version the caller may read, with the caller's abilities on it. Another district's
 * version, or a draft the caller is neither editor nor design-team member of, is 404.
 */
export async function loadVersion(ctx: Ctx, versionId: string, db: Executor = ctx.db): Promise<LoadedVersion> {
  const [row] = await db
    .select({ version: frameworkVersions, framework: frameworks, collaboratorId: frameworkCollaborators.id })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .leftJoin(
      frameworkCollaborators,
      and(
        eq(frameworkCollaborators.frameworkId, frameworkVersions.frameworkId),
        eq(frameworkCollaborators.personId, ctx.actor.personId),
        eq(frameworkCollaborators.active, true),
      ),
    )
    .where(and(eq(frameworkVersions.id, versionId), eq(frameworkVersions.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Framework version');
  const access = {
    districtId: row.version.districtId,
    status: row.version.status,
    isCollaborator: row.collaboratorId !== null,
    frameworkId: row.version.frameworkId,
  };
  if (!canReadVersion(ctx.actor, access)) throw notFound('Framework version');
  return {
    version: row.version,
    framework: row.framework,
    isCollaborator: access.isCollaborator,
    abilities: versionAbilities(ctx.actor, access),
  };
}

/**
 * A version the caller may change: 404 when unreadable, 403 for a reader who is not an editor,
 * 409 `invalid_state` when it is published or retired (published versions are immutable).
 */
export async function loadDraftForEdit(ctx: Ctx, versionId: string, db: Executor = ctx.db): Promise<LoadedVersion> {
  const loaded = await loadVersion(ctx, versionId, db);
  if (loaded.version.status !== 'draft') {
    if (!loaded.abilities.manageDesignTeam) throw forbidden();
    throw invalidState('A published version cannot be changed; start a new version to edit it', {
      status: loaded.version.status,
    });
  }
  if (!loaded.abilities.edit) throw forbidden();
  return loaded;
}
