import type { FrameworkImportReport } from '../../../../common/schemas/case.ts';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden } from '../../../lib/errors.ts';
import { canEditFrameworks } from '../../../policies/frameworks.ts';
import { applyParsed, districtName, titleFromFileName, type ImportInput } from '../import.ts';
import { parseFrameworkSheet } from './parse.ts';

/** POST /api/framework-imports/spreadsheet: HR and district admins only; row errors block the apply. */
export async function importSpreadsheet(ctx: Ctx, input: ImportInput & { title?: string }): Promise<FrameworkImportReport> {
  if (!canEditFrameworks(ctx.actor)) throw forbidden();
  const parsed = await parseFrameworkSheet(input.data, input.fileName, {
    baseUrl: input.baseUrl,
    now: new Date(),
    title: input.title ?? titleFromFileName(input.fileName),
    creator: await districtName(ctx),
  });
  return applyParsed(ctx, parsed, input);
}
