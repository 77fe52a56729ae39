import { and, eq } from 'drizzle-orm';
import { IMPLEMENTATION_TEAM_ROLES, type ImplementationTeamRole } from '../../../../common/implementation.ts';
import type { CsvImportResult, CsvRowError } from '../../../../common/schemas/teams.ts';
import { implementationTeamMembers, implementationTeams } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, notFound } from '../../../lib/errors.ts';
import { canManageImplementationMembers, canReadImplementationTeams } from '../../../policies/implementation-teams.ts';
import { districtToday } from '../../coaching/refs.ts';
import { readCsv, templateCsv } from '../../teams/csv.ts';
import { holdsOn } from '../../teams/periods.ts';
import { findPeopleByKeys } from '../../teams/people.ts';
import type { ImplementationTeamRow } from './load.ts';
import { insertImplementationMembers } from './members.ts';

export const MEMBER_CSV_COLUMNS = ['team', 'person', 'role'];

/** The downloadable template: the header and one example row. */
export const memberCsvTemplate = () => templateCsv(MEMBER_CSV_COLUMNS, ['Literacy district team', 'teacher@example.org', 'data_lead']);

interface PlannedRow {
  line: number;
  team: ImplementationTeamRow;
  personId: string;
  role: ImplementationTeamRole;
}

/**
 * Imports implementation-team members from a CSV: team (its name, any case, among active teams),
 * person (e-mail, staff number or roster id), role (empty: member). Every row is checked first
 * (unknown or ambiguous team, a team the caller may not manage, unknown person or role, a repeated
 * row); a dry run, or any error, writes nothing; otherwise all rows are applied in one transaction.
 * Someone already holding that role on the team is unchanged, so re-running the file changes nothing.
 */
export async function importImplementationMembers(ctx: Ctx, input: { csv: string; dryRun: boolean }): Promise<CsvImportResult> {
  if (!canReadImplementationTeams(ctx.actor)) throw notFound('Team');
  const districtId = ctx.actor.districtId;
  const { today } = await districtToday(ctx.db, districtId);
  const teams = await ctx.db
    .select()
    .from(implementationTeams)
    .where(and(eq(implementationTeams.districtId, districtId), eq(implementationTeams.active, true)));
  const members = await ctx.db.select().from(implementationTeamMembers).where(eq(implementationTeamMembers.districtId, districtId));
  const current = members.filter((m) => holdsOn(m, today));
  const facilitating = new Set(current.filter((m) => m.personId === ctx.actor.personId && m.role === 'facilitator').map((m) => m.teamId));
  const manageable = new Set(teams.filter((t) => canManageImplementationMembers(ctx.actor, t, facilitating.has(t.id))).map((t) => t.id));
  if (manageable.size === 0) throw forbidden("Only teams' facilitators, school leaders, HR and admins change team members");

  const records = readCsv(input.csv, ['team', 'person']);
  const keys = await findPeopleByKeys(
    ctx.db,
    districtId,
    records.map((r) => r.get('person')),
  );
  const byName = new Map<string, ImplementationTeamRow[]>();
  for (const team of teams) byName.set(team.name.trim().toLowerCase(), [...(byName.get(team.name.trim().toLowerCase()) ?? []), team]);
  const held = new Set(current.map((m) => `${m.teamId}:${m.personId}:${m.role}`));

  const errors: CsvRowError[] = [];
  const planned: PlannedRow[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const record of records) {
    const { line } = record;
    const before = errors.length;
    const teamName = record.get('team');
    const matches = byName.get(teamName.toLowerCase()) ?? [];
    if (!teamName) errors.push({ line, code: 'missing_team', field: 'team' });
    else if (matches.length === 0) errors.push({ line, code: 'unknown_team', field: 'team', value: teamName });
    else if (matches.length > 1) errors.push({ line, code: 'ambiguous_team', field: 'team', value: teamName });
    else if (!manageable.has(matches[0]!.id)) errors.push({ line, code: 'not_your_team', field: 'team', value: teamName });
    const personKey = record.get('person');
    const personId = keys.get(personKey.toLowerCase());
    if (!personId) errors.push({ line, code: 'unknown_person', field: 'person', value: personKey });
    const role = (record.get('role') || 'member').toLowerCase();
    if (!(IMPLEMENTATION_TEAM_ROLES as readonly string[]).includes(role))
      errors.push({ line, code: 'unknown_role', field: 'role', value: role });
    if (errors.length > before) continue;
    const team = matches[0]!;
    const key = `${team.id}:${personId}:${role}`;
    if (seen.has(key)) {
      errors.push({ line, code: 'duplicate_row', field: 'person', value: personKey });
      continue;
    }
    seen.add(key);
    if (held.has(key)) {
      unchanged++;
      continue;
    }
    planned.push({ line, team, personId: personId!, role: role as ImplementationTeamRole });
  }
  const result = (applied: boolean): CsvImportResult => ({
    dryRun: input.dryRun,
    applied,
    rows: records.length,
    counts: { create: planned.length, unchanged, error: new Set(errors.map((e) => e.line)).size },
    errors: errors.slice(0, 1000),
  });
  if (input.dryRun || errors.length > 0 || planned.length === 0) return result(false);

  await ctx.db.transaction(async (tx) => {
    for (const team of new Set(planned.map((p) => p.team))) {
      const rows = planned.filter((p) => p.team === team).map((p) => ({ personId: p.personId, role: p.role, startsOn: today }));
      await insertImplementationMembers(ctx, tx, team, rows, today);
    }
  });
  return result(true);
}
