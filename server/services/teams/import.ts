import { eq } from 'drizzle-orm';
import {
  TEAM_KINDS,
  TEAM_ROLES,
  type CsvImportResult,
  type CsvRowError,
  type TeamKind,
  type TeamRole,
} from '../../../common/schemas/teams.ts';
import { orgUnits, teamMembers, teams } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { canManageAnyTeams, canManageTeamsAt } from '../../policies/teams.ts';
import { recordAudit } from '../audit.ts';
import { districtToday } from '../coaching/refs.ts';
import { dayCell, readCsv, templateCsv } from './csv.ts';
import { covers, overlaps } from './periods.ts';
import { findPeopleByKeys, loadPeopleWithUnits } from './people.ts';
import { schoolTeamsByName } from './load.ts';

export const TEAM_CSV_COLUMNS = ['team', 'kind', 'person', 'role', 'starts_on', 'ends_on'];

/** The downloadable template: one example row. */
export const teamCsvTemplate = () =>
  templateCsv(TEAM_CSV_COLUMNS, ['Grade 3', 'grade_level', 'teacher@example.org', 'member', '2026-08-15', '']);

interface PlannedRow {
  line: number;
  teamKey: string;
  teamName: string;
  kind: TeamKind;
  personId: string;
  role: TeamRole;
  startsOn: string;
  endsOn: string | null;
}

/**
 * Imports a school's teams and memberships from a CSV (person: e-mail, staff number or roster id).
 * Teams are matched by name among the school's current teams and created when new. Every row is
 * checked first (unknown people, people outside the school, duplicate rows, overlapping periods in
 * the file or with a membership already held); a dry run, or any error, writes nothing. Applying
 * the same file again changes nothing.
 */
export async function importTeamsCsv(ctx: Ctx, schoolId: string, input: { csv: string; dryRun: boolean }): Promise<CsvImportResult> {
  if (!canManageAnyTeams(ctx.actor)) throw forbidden('Only school leaders, HR and admins manage teams');
  if (!canManageTeamsAt(ctx.actor, schoolId)) throw notFound('School');
  const districtId = ctx.actor.districtId;
  const units = await ctx.db
    .select({ id: orgUnits.id, parentId: orgUnits.parentId, type: orgUnits.type })
    .from(orgUnits)
    .where(eq(orgUnits.districtId, districtId));
  if (!units.some((u) => u.id === schoolId && u.type === 'school')) throw notFound('School');
  const schoolUnits = new Set(units.filter((u) => u.id === schoolId || u.parentId === schoolId).map((u) => u.id));
  const records = readCsv(input.csv, ['team', 'person']);
  const { today } = await districtToday(ctx.db, districtId);
  const keys = await findPeopleByKeys(
    ctx.db,
    districtId,
    records.map((r) => r.get('person')),
  );
  const people = await loadPeopleWithUnits(ctx.db, districtId, [...keys.values()]);
  const { byName: teamByName, members: existingMembers } = await schoolTeamsByName(ctx.db, districtId, schoolId, today);

  const errors: CsvRowError[] = [];
  const planned: PlannedRow[] = [];
  let unchanged = 0;
  for (const record of records) {
    const line = record.line;
    const before = errors.length;
    const teamName = record.get('team');
    const teamKey = teamName.toLowerCase();
    const existingTeam = teamByName.get(teamKey);
    const kindCell = record.get('kind').toLowerCase();
    const roleCell = (record.get('role') || 'member').toLowerCase();
    if (!teamName) errors.push({ line, code: 'missing_team', field: 'team' });
    if (kindCell && !(TEAM_KINDS as readonly string[]).includes(kindCell))
      errors.push({ line, code: 'unknown_kind', field: 'kind', value: kindCell });
    if (!kindCell && !existingTeam) errors.push({ line, code: 'missing_kind', field: 'kind' });
    if (!(TEAM_ROLES as readonly string[]).includes(roleCell)) errors.push({ line, code: 'unknown_role', field: 'role', value: roleCell });
    const personKey = record.get('person');
    const personId = keys.get(personKey.toLowerCase());
    if (!personId) errors.push({ line, code: 'unknown_person', field: 'person', value: personKey });
    else if (!people.get(personId)?.units.some((u) => schoolUnits.has(u)))
      errors.push({ line, code: 'outside_school', field: 'person', value: personKey });
    const startsOn = dayCell(record.get('starts_on'), 'starts_on', line, errors) ?? today;
    const endsOn = dayCell(record.get('ends_on'), 'ends_on', line, errors);
    if (endsOn && startsOn && endsOn <= startsOn) errors.push({ line, code: 'end_before_start', field: 'ends_on', value: endsOn });
    if (errors.length > before || !personId || endsOn === undefined) continue;
    const row: PlannedRow = {
      line,
      teamKey,
      teamName,
      kind: (kindCell || existingTeam!.kind) as TeamKind,
      personId,
      role: roleCell as TeamRole,
      startsOn,
      endsOn,
    };
    const same = planned.find((p) => p.teamKey === teamKey && p.personId === personId && overlaps(p, row));
    if (same) {
      const duplicate = same.startsOn === row.startsOn && same.endsOn === row.endsOn && same.role === row.role;
      errors.push({ line, code: duplicate ? 'duplicate_row' : 'overlapping_dates', field: 'person', value: personKey });
      continue;
    }
    const held = existingTeam && existingMembers.find((m) => m.teamId === existingTeam.id && m.personId === personId && overlaps(m, row));
    if (held) {
      if (covers(held, row) && held.role === row.role) unchanged++;
      else errors.push({ line, code: 'overlaps_existing', field: 'starts_on', value: personKey });
      continue;
    }
    planned.push(row);
  }
  const result = (applied: boolean): CsvImportResult => ({
    dryRun: input.dryRun,
    applied,
    rows: records.length,
    counts: { create: planned.length, unchanged, error: new Set(errors.map((e) => e.line)).size },
    errors: errors.slice(0, 1000),
  });
  if (input.dryRun || errors.length > 0) return result(false);

  await ctx.db.transaction(async (tx) => {
    const teamIds = new Map([...teamByName].map(([key, t]) => [key, t.id]));
    for (const row of planned) {
      if (teamIds.has(row.teamKey)) continue;
      const [created] = await tx
        .insert(teams)
        .values({ districtId, schoolId, kind: row.kind, name: row.teamName, startsOn: today, createdBy: ctx.actor.userId })
        .returning();
      teamIds.set(row.teamKey, created!.id);
      await recordAudit(tx, ctx, { action: 'team.create', entityType: 'team', entityId: created!.id, after: created });
    }
    if (planned.length === 0) return;
    const inserted = await tx
      .insert(teamMembers)
      .values(
        planned.map((r) => ({
          districtId,
          teamId: teamIds.get(r.teamKey)!,
          personId: r.personId,
          role: r.role,
          startsOn: r.startsOn,
          endsOn: r.endsOn,
          createdBy: ctx.actor.userId,
        })),
      )
      .returning();
    await recordAudit(
      tx,
      ctx,
      inserted.map((row) => ({ action: 'team_member.add', entityType: 'team_member', entityId: row.id, after: row })),
    );
  });
  return result(true);
}
