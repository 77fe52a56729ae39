import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { caseloadMembers, people, teamMembers, teams } from '../db/schema/index.ts';

/** The grades Palm Grove's teachers teach, as a roster would bring them (teachers in roster order). */
const TEACHER_GRADES = [['KG'], ['01'], ['02'], ['04'], ['05'], ['01'], ['02'], ['05'], ['03'], ['03'], ['03'], ['04']];

/** Palm Grove's people the demo teams are built from (ids from the demo seed). */
export interface PalmGrove {
  districtId: string;
  schoolId: string;
  principal: string;
  assistantPrincipal: string;
  coach: string;
  teamLead: string;
  /** Teachers in roster order (twelve); the first eight are on the demo coach's caseload. */
  teachers: string[];
  since: string;
}

/**
 * Teams at Palm Grove (issue 12): a Grade 3 team led by the school's team lead, who coaches its
 * members through the team (one teacher left it, so it has history); the instructional leadership
 * team led by the principal; and a principal who coaches two teachers on her own caseload (they
 * also have the demo coach: two coaches at once).
 */
export async function seedTeams(tx: Executor, pg: PalmGrove) {
  const { districtId, since } = pg;
  const year = Number(since.slice(0, 4));
  const [grade3, ilt, ela] = await tx
    .insert(teams)
    .values([
      { districtId, schoolId: pg.schoolId, kind: 'grade_level', name: 'Grade 3', startsOn: since },
      { districtId, schoolId: pg.schoolId, kind: 'ilt', name: 'Instructional Leadership Team', startsOn: since },
      { districtId, schoolId: pg.schoolId, kind: 'department', name: 'ELA', startsOn: since },
    ])
    .returning({ id: teams.id });
  const grade3Teachers = pg.teachers.slice(8, 11);
  const leftOn = `${year + 1}-01-05`;
  await tx.insert(teamMembers).values([
    { districtId, teamId: grade3!.id, personId: pg.teamLead, role: 'lead', startsOn: since },
    ...grade3Teachers.map((personId) => ({ districtId, teamId: grade3!.id, personId, role: 'member', startsOn: since })),
    // Moved to another grade mid-year: history, no longer coached by the lead.
    { districtId, teamId: grade3!.id, personId: pg.teachers[11]!, role: 'member', startsOn: since, endsOn: leftOn },
    { districtId, teamId: ilt!.id, personId: pg.principal, role: 'lead', startsOn: since },
    ...[pg.assistantPrincipal, pg.coach, pg.teamLead, pg.teachers[0]!].map((personId) => ({
      districtId,
      teamId: ilt!.id,
      personId,
      role: 'member',
      startsOn: since,
    })),
    { districtId, teamId: ela!.id, personId: pg.teachers[1]!, role: 'lead', startsOn: since },
    ...pg.teachers.slice(2, 6).map((personId) => ({ districtId, teamId: ela!.id, personId, role: 'member', startsOn: since })),
  ]);
  // Grades as the roster brings them: the Grade 3 team can be filled "by role and grade".
  for (const [i, personId] of [...pg.teachers, pg.teamLead].entries()) {
    await tx
      .update(people)
      .set({ grades: TEACHER_GRADES[i] ?? ['03'] })
      .where(and(eq(people.districtId, districtId), eq(people.id, personId)));
  }
  // The principal coaches two teachers herself (assigned, dated).
  await tx
    .insert(caseloadMembers)
    .values(pg.teachers.slice(6, 8).map((personId) => ({ districtId, coachPersonId: pg.principal, personId, startsOn: since })));
}
