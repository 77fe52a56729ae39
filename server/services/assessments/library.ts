import { and, eq, inArray } from 'drizzle-orm';
import { ASSESSMENT_LIBRARY } from '../../../common/assessment-library.ts';
import type { LibraryInstallResult } from '../../../common/schemas/assessments.ts';
import type { Executor } from '../../db/client.ts';
import { assessmentInstruments, assessmentVersions } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { canInstallLibrary, canReadAssessments } from '../../policies/assessments.ts';
import { recordAudit } from '../audit.ts';
import { writeSections } from './content.ts';

/**
 * Installs Trellis's built-in instruments (common/assessment-library.ts) in a district as published
 * version 1, each once: an instrument already installed (by its library key) is left as it is.
 * The demo seed calls it with its own transaction; `installLibrary` is the HR route's use of it.
 */
export async function installAssessmentLibrary(
  tx: Executor,
  districtId: string,
  opts: { userId?: string | null; keys?: string[] } = {},
): Promise<LibraryInstallResult & { instrumentIds: Record<string, string> }> {
  const wanted = ASSESSMENT_LIBRARY.filter((l) => !opts.keys || opts.keys.includes(l.key));
  const existing = await tx
    .select({ id: assessmentInstruments.id, key: assessmentInstruments.libraryKey })
    .from(assessmentInstruments)
    .where(
      and(
        eq(assessmentInstruments.districtId, districtId),
        inArray(
          assessmentInstruments.libraryKey,
          wanted.map((l) => l.key),
        ),
      ),
    );
  const instrumentIds: Record<string, string> = Object.fromEntries(existing.map((e) => [e.key!, e.id]));
  const installed: string[] = [];
  for (const lib of wanted) {
    if (instrumentIds[lib.key]) continue;
    const [instrument] = await tx
      .insert(assessmentInstruments)
      .values({
        districtId,
        name: lib.name,
        kind: lib.kind,
        description: lib.description,
        sourceNote: lib.sourceNote,
        libraryKey: lib.key,
        createdBy: opts.userId ?? null,
      })
      .returning({ id: assessmentInstruments.id });
    const [version] = await tx
      .insert(assessmentVersions)
      .values({
        districtId,
        instrumentId: instrument!.id,
        versionNumber: 1,
        status: 'published',
        scalePoints: lib.scale,
        targetPct: lib.targetPct,
        publishedAt: new Date(),
        publishedBy: opts.userId ?? null,
      })
      .returning({ id: assessmentVersions.id });
    await writeSections(
      tx,
      districtId,
      version!.id,
      lib.sections.map((s) => ({ title: s.title, items: s.items })),
    );
    instrumentIds[lib.key] = instrument!.id;
    installed.push(lib.key);
  }
  return { installed, alreadyInstalled: existing.map((e) => e.key!), instrumentIds };
}

/** POST /api/assessments/library: HR and admins install the built-in instruments (idempotent). */
export async function installLibrary(ctx: Ctx): Promise<LibraryInstallResult> {
  if (!canReadAssessments(ctx.actor)) throw notFound('Library');
  if (!canInstallLibrary(ctx.actor)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const { installed, alreadyInstalled, instrumentIds } = await installAssessmentLibrary(tx, ctx.actor.districtId, {
      userId: ctx.actor.userId,
    });
    if (installed.length > 0)
      await recordAudit(
        tx,
        ctx,
        installed.map((key) => ({
          action: 'assessment_instrument.install',
          entityType: 'assessment_instrument',
          entityId: instrumentIds[key]!,
          after: { libraryKey: key },
        })),
      );
    return { installed, alreadyInstalled };
  });
}
