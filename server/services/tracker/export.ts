import { loadExcelJS } from '../../lib/lazy-modules.ts';
import type { SchoolTracker, TrackerQuery } from '../../../common/schemas/tracker.ts';
import type { Ctx } from '../../lib/context.ts';
import { recordAudit } from '../audit.ts';
import { neutralize, toCsv } from '../../lib/csv.ts';
import { schoolTracker } from './school.ts';

/** Header and rows of a tracker export: every value text, every cell safe to open in a spreadsheet. */
export function trackerSheet(tracker: SchoolTracker): { header: string[]; rows: string[][] } {
  const header = [
    'name',
    'role',
    'team',
    ...tracker.columns.map((c) => c.humanCode ?? c.statement),
    'open_action_steps',
    'last_observed_on',
    'feedback',
    'school_days_since_feedback',
    'feedback_overdue',
    'scored_this_term',
    'scored_required',
    'missing_observations',
    'coaching_this_term',
  ].map(neutralize);
  const rows = tracker.rows.map((row) =>
    [
      row.name,
      row.role,
      row.teams.map((team) => team.name).join('; '),
      ...tracker.columns.map((c) => {
        const level = row.levels[c.itemId];
        return level ? `${level.label ?? ''}${level.levelScore === null ? '' : ` (${level.levelScore})`}`.trim() : '';
      }),
      String(row.openActionSteps),
      row.lastObservedOn ?? '',
      row.feedback.state,
      row.feedback.schoolDays === null ? '' : String(row.feedback.schoolDays),
      row.feedback.overdue ? 'yes' : 'no',
      String(row.scoredThisTerm),
      String(tracker.requiredPerTerm),
      row.missingObservations ? 'yes' : 'no',
      String(row.coachingThisTerm),
    ].map(neutralize),
  );
  return { header, rows };
}

async function toXlsx(header: string[], rows: string[][]): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'Trellis';
  const sheet = workbook.addWorksheet('tracker', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.columns = header.map((key, i) => ({ header: key, key: `c${i}`, width: i === 0 ? 28 : 14, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The tracker as the caller sees it (same filters and sort), as CSV or XLSX; audited as an export. */
export async function exportSchoolTracker(ctx: Ctx, schoolId: string, query: TrackerQuery, format: 'csv' | 'xlsx') {
  const tracker = await schoolTracker(ctx, schoolId, query);
  const { header, rows } = trackerSheet(tracker);
  const body = format === 'csv' ? toCsv(header, rows) : await toXlsx(header, rows);
  await recordAudit(ctx.db, ctx, {
    action: 'tracker.export',
    entityType: 'org_unit',
    entityId: schoolId,
    after: {
      format,
      rows: rows.length,
      view: tracker.view,
      filters: { role: query.role, team: query.team, belowProficient: query.belowProficient, flags: query.flags },
    },
  });
  const slug =
    tracker.school.name
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'school';
  return {
    body,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `tracker-${slug}-${tracker.today}.${format}`,
  };
}
