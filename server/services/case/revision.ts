import { and, desc, eq } from 'drizzle-orm';
import type { ExistingFramework } from '../../../common/schemas/case.ts';
import type { Executor } from '../../db/client.ts';
import { frameworkVersions, frameworks } from '../../db/schema/index.ts';

/**
 * The district's framework that already has a version with this CASE document identifier (a
 * vendor's revised package keeps its document's identifier), or null. When several frameworks
 * have it (files imported as separate frameworks on purpose), the one touched last.
 */
export async function findExistingFramework(
  db: Executor,
  districtId: string,
  documentIdentifier: string,
): Promise<ExistingFramework | null> {
  const [match] = await db
    .select({ frameworkId: frameworkVersions.frameworkId })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.districtId, districtId), eq(frameworkVersions.caseIdentifier, documentIdentifier)))
    .orderBy(desc(frameworkVersions.createdAt))
    .limit(1);
  if (!match) return null;
  const versions = await db
    .select({
      id: frameworkVersions.id,
      versionNumber: frameworkVersions.versionNumber,
      status: frameworkVersions.status,
      title: frameworks.title,
    })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(frameworkVersions.districtId, districtId), eq(frameworkVersions.frameworkId, match.frameworkId)))
    .orderBy(desc(frameworkVersions.versionNumber));
  const latest = versions[0]!;
  return {
    frameworkId: match.frameworkId,
    title: latest.title,
    versionId: latest.id,
    versionNumber: latest.versionNumber,
    status: latest.status as ExistingFramework['status'],
    nextVersionNumber: latest.versionNumber + 1,
    draftVersionId: versions.find((v) => v.status === 'draft')?.id ?? null,
  };
}

/** The version a new version of the framework is based on: its published one, else its newest. */
export async function baseVersionOf(db: Executor, districtId: string, frameworkId: string) {
  const rows = await db
    .select({ id: frameworkVersions.id, status: frameworkVersions.status })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.districtId, districtId), eq(frameworkVersions.frameworkId, frameworkId)))
    .orderBy(desc(frameworkVersions.versionNumber));
  return (rows.find((r) => r.status === 'published') ?? rows.find((r) => r.status !== 'draft') ?? rows[0])!.id;
}
