import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ExistingChoice, ExistingFramework, FrameworkImportReport } from '../../../common/schemas/case.ts';
import { districts } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canEditFrameworks } from '../../policies/frameworks.ts';
import { recordAudit } from '../audit.ts';
import { CaseFileError } from './messages.ts';
import { parseCasePackage } from './parse.ts';
import { baseVersionOf, findExistingFramework } from './revision.ts';
import type { ParsedFramework } from './types.ts';
import { findEarlierImport, writeFramework } from './write.ts';

export interface ImportInput {
  data: Buffer;
  fileName: string;
  /** Origin for synthesized CASE uris, e.g. `https://trellis.example.org`. */
  baseUrl: string;
  dryRun: boolean;
  publish: boolean;
  /** What to do when the document is already a framework of the district (required then to apply). */
  existing?: ExistingChoice;
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
export const titleFromFileName = (name: string) =>
  name
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim() || 'Imported framework';

export async function districtName(ctx: Ctx) {
  const [row] = await ctx.db.select({ name: districts.name }).from(districts).where(eq(districts.id, ctx.actor.districtId));
  return row?.name ?? 'Trellis';
}

export function reportOf(parsed: ParsedFramework, opts: { dryRun: boolean; publish: boolean }): FrameworkImportReport {
  const criteria = parsed.rubrics.flatMap((r) => r.criteria);
  return {
    format: parsed.format,
    dryRun: opts.dryRun,
    applied: false,
    alreadyImported: false,
    title: parsed.document.title,
    documentIdentifier: parsed.document.identifier,
    status: opts.publish ? 'published' : 'draft',
    counts: {
      items: parsed.items.length,
      hierarchyLinks: parsed.hierarchyLinks,
      associations: parsed.associations.length,
      itemTypes: parsed.itemTypes.length,
      rubrics: parsed.rubrics.length,
      criteria: criteria.length,
      levels: criteria.reduce((n, c) => n + c.levels.length, 0),
      definitions: parsed.definitionCount,
    },
    messages: parsed.messages.list(),
    errorCount: parsed.messages.errorCount,
    warningCount: parsed.messages.warningCount,
    frameworkId: null,
    versionId: null,
    existing: null,
    asNewVersion: false,
  };
}

/**
 * Dry run (report only) or apply of a parsed file: a new framework with version 1, or, when its
 * document is already a framework of the district (a vendor's revised package) and the caller
 * chose `new_version`, that framework's next version as a draft. Such a file is never applied
 * without a choice (`document_exists`), nor as a new version while the framework has a draft
 * (`document_has_draft`). Applying the same bytes again answers the version made the first time
 * (`alreadyImported`) and writes nothing: imports are idempotent. A file with row errors is never
 * applied (`row_errors`).
 */
export async function applyParsed(
  ctx: Ctx,
  parsed: ParsedFramework,
  input: Pick<ImportInput, 'data' | 'fileName' | 'dryRun' | 'publish' | 'existing'>,
) {
  const report = reportOf(parsed, input);
  const hash = sha256(input.data);
  const { districtId } = ctx.actor;
  const earlier = await findEarlierImport(ctx.db, districtId, hash);
  if (earlier) Object.assign(report, { alreadyImported: true, frameworkId: earlier.frameworkId, versionId: earlier.versionId });
  const existing = earlier ? null : await findExistingFramework(ctx.db, districtId, parsed.document.identifier);
  report.existing = existing;
  const asNewVersion = existing !== null && input.existing === 'new_version';
  if (asNewVersion) Object.assign(report, { asNewVersion: true, status: 'draft' });
  if (input.dryRun || earlier) return report;
  if (report.errorCount > 0) throw new CaseFileError('row_errors', { count: report.errorCount }, report);
  if (existing && !input.existing) throw new CaseFileError('document_exists', { title: existing.title }, report);
  if (existing && asNewVersion && existing.draftVersionId) {
    throw new CaseFileError('document_has_draft', { title: existing.title, version: existing.versionNumber }, report);
  }
  const ids = await writeImport(ctx, parsed, input, { report, hash, existing, asNewVersion });
  return { ...report, applied: true, frameworkId: ids.frameworkId, versionId: ids.versionId };
}

/** A unique index refused the row (e.g. another draft of the framework written meanwhile). */
const isUniqueViolation = (err: unknown) => {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === '23505') return true;
  return false;
};

async function writeImport(
  ctx: Ctx,
  parsed: ParsedFramework,
  input: Pick<ImportInput, 'fileName' | 'publish' | 'existing'>,
  found: { report: FrameworkImportReport; hash: string; existing: ExistingFramework | null; asNewVersion: boolean },
) {
  const { report, hash, existing, asNewVersion } = found;
  const { districtId } = ctx.actor;
  try {
    return await ctx.db.transaction(async (tx) => {
      const into =
        existing && asNewVersion
          ? {
              frameworkId: existing.frameworkId,
              versionNumber: existing.nextVersionNumber,
              basedOnVersionId: await baseVersionOf(tx, districtId, existing.frameworkId),
            }
          : undefined;
      const created = await writeFramework(tx, parsed, { districtId, userId: ctx.actor.userId, publish: input.publish, into });
      await recordAudit(tx, ctx, {
        action: 'framework.import',
        entityType: 'framework_version',
        entityId: created.versionId,
        after: {
          format: parsed.format,
          fileName: input.fileName,
          sha256: hash,
          title: parsed.document.title,
          documentIdentifier: parsed.document.identifier,
          status: report.status,
          frameworkId: created.frameworkId,
          counts: report.counts,
          warnings: report.warningCount,
          ...(existing
            ? { existing: input.existing, ...(into ? { basedOnVersionId: into.basedOnVersionId, versionNumber: into.versionNumber } : {}) }
            : {}),
        },
      });
      return created;
    });
  } catch (err) {
    // A framework has one draft: one written since the check above refuses this one with the reason.
    if (existing && asNewVersion && isUniqueViolation(err)) {
      throw new CaseFileError('document_has_draft', { title: existing.title, version: existing.nextVersionNumber }, report);
    }
    throw err;
  }
}

/** POST /api/framework-imports/case: HR and district admins only. */
export async function importCase(ctx: Ctx, input: ImportInput): Promise<FrameworkImportReport> {
  if (!canEditFrameworks(ctx.actor)) throw forbidden();
  const parsed = parseCasePackage(input.data, {
    baseUrl: input.baseUrl,
    now: new Date(),
    defaultTitle: titleFromFileName(input.fileName),
    defaultCreator: await districtName(ctx),
  });
  return applyParsed(ctx, parsed, input);
}
