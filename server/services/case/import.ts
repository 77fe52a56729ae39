import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FrameworkImportReport } from '../../../common/schemas/framework-io.ts';
import { districts } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canEditFrameworks } from '../../policies/frameworks.ts';
import { recordAudit } from '../audit.ts';
import { CaseFileError } from './messages.ts';
import { parseCasePackage } from './parse.ts';
import type { ParsedFramework } from './types.ts';
import { findEarlierImport, writeFramework } from './write.ts';

export interface ImportInput {
  data: Buffer;
  fileName: string;
  /** Origin for synthesized CASE uris, e.g. `https://trellis.example.org`. */
  baseUrl: string;
  dryRun: boolean;
  publish: boolean;
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
export const titleFromFileName = (name: string) => name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim() || 'Imported framework';

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
  };
}

/**
 * Dry run (report only) or apply (a new framework with version 1) of a parsed file. Applying the
 * same bytes again answers the version made the first time (`alreadyImported`) and writes
 * nothing: imports are idempotent. A file with row errors is never applied (422 `row_errors`).
 */
export async function applyParsed(ctx: Ctx, parsed: ParsedFramework, input: Pick<ImportInput, 'data' | 'fileName' | 'dryRun' | 'publish'>) {
  const report = reportOf(parsed, input);
  const hash = sha256(input.data);
  const earlier = await findEarlierImport(ctx.db, ctx.actor.districtId, hash);
  if (earlier) Object.assign(report, { alreadyImported: true, frameworkId: earlier.frameworkId, versionId: earlier.versionId });
  if (input.dryRun || earlier) return report;
  if (report.errorCount > 0) throw new CaseFileError('row_errors', { count: report.errorCount }, report);
  const ids = await ctx.db.transaction(async (tx) => {
    const created = await writeFramework(tx, parsed, { districtId: ctx.actor.districtId, userId: ctx.actor.userId, publish: input.publish });
    await recordAudit(tx, ctx, {
      action: 'framework.import',
      entityType: 'framework_version',
      entityId: created.versionId,
      after: {
        format: parsed.format, fileName: input.fileName, sha256: hash, title: parsed.document.title, documentIdentifier: parsed.document.identifier,
        status: report.status, frameworkId: created.frameworkId, counts: report.counts, warnings: report.warningCount,
      },
    });
    return created;
  });
  return { ...report, applied: true, frameworkId: ids.frameworkId, versionId: ids.versionId };
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
