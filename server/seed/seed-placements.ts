import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { schoolYearOf } from '../../common/schemas/settings.ts';
import { todayIn } from '../../common/clock.ts';
import type { Executor } from '../db/client.ts';
import {
  careerPathways,
  districts,
  evaluatorAssignments,
  orgUnits,
  pathwaySteps,
  people,
  roleAssignments,
  stepPlacements,
  users,
} from '../db/schema/index.ts';
import { currentAssignment } from '../services/auth/current-assignment.ts';

/** Palm Grove's network and the schools beside it; the others form the south network. */
const NORTH = ['ES01', 'ES02', 'ES03', 'ES04', 'MS01', 'HS01'];

/**
 * Issue 12 parts 3 and 4 in the demo: two networks, each led by an instructional superintendent
 * (the north one signs in as superintendent@), every school staff member placed on the step of
 * their roster role (Palm Grove's team lead promoted from teacher to teacher leader, so observed on
 * the teacher-leader rubric), and one evaluator chosen by HR over the computed default.
 */
export async function seedPlacements(tx: Executor, opts: { districtId: string; emailDomain: string; passwordHash: string }) {
  const { districtId } = opts;
  const [root] = await tx
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, districtId), eq(orgUnits.type, 'district')));
  const networks = [
    { id: randomUUID(), name: 'North Network', code: 'NET-N', superintendent: ['Beatriz', 'Alvarado'] as const },
    { id: randomUUID(), name: 'South Network', code: 'NET-S', superintendent: ['Kofi', 'Asante'] as const },
  ];
  await tx.insert(orgUnits).values(
    networks.map((n) => ({
      id: n.id,
      districtId,
      sourcedId: `org-${n.code}`,
      name: n.name,
      type: 'network',
      identifier: n.code,
      parentId: root?.id ?? null,
    })),
  );
  const schools = await tx
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, districtId), eq(orgUnits.type, 'school')));
  for (const [network, codes] of [
    [networks[0]!, schools.filter((s) => NORTH.includes(s.identifier ?? ''))],
    [networks[1]!, schools.filter((s) => !NORTH.includes(s.identifier ?? ''))],
  ] as const) {
    await tx
      .update(orgUnits)
      .set({ parentId: network.id })
      .where(
        inArray(
          orgUnits.id,
          codes.map((s) => s.id),
        ),
      );
  }
  const leaders = networks.map((n, i) => ({ id: randomUUID(), network: n, i }));
  await tx.insert(people).values(
    leaders.map(({ id, network }) => {
      const [givenName, familyName] = network.superintendent;
      return {
        id,
        districtId,
        sourcedId: `stf-${network.code}`,
        givenName,
        familyName,
        email: `${givenName}.${familyName}@${opts.emailDomain}`.toLowerCase(),
        identifier: network.code,
        searchText: `${givenName} ${familyName}`.toLowerCase(),
      };
    }),
  );
  await tx.insert(roleAssignments).values(
    leaders.map(({ id, network }) => ({
      districtId,
      sourcedId: `rol-${network.code}`,
      personId: id,
      orgUnitId: network.id,
      role: 'instructional_superintendent',
      isPrimary: true,
      beginDate: '2024-07-01',
    })),
  );
  await tx
    .insert(users)
    .values({ districtId, personId: leaders[0]!.id, email: `superintendent@${opts.emailDomain}`, passwordHash: opts.passwordHash });

  // Steps of the instructional and school-leadership ladders, by the roster role they stand for.
  const steps = await tx
    .select({ id: pathwaySteps.id, staffRole: pathwaySteps.staffRole, code: pathwaySteps.code })
    .from(pathwaySteps)
    .innerJoin(careerPathways, eq(careerPathways.id, pathwaySteps.pathwayId))
    .where(
      and(
        eq(pathwaySteps.districtId, districtId),
        isNotNull(pathwaySteps.staffRole),
        eq(careerPathways.active, true),
        eq(pathwaySteps.active, true),
      ),
    )
    .orderBy(asc(pathwaySteps.responsibilityLevel), asc(pathwaySteps.position));
  const stepFor = new Map<string, string>();
  for (const s of steps) if (!stepFor.has(s.staffRole!)) stepFor.set(s.staffRole!, s.id);
  const holders = await tx
    .select({
      personId: roleAssignments.personId,
      role: roleAssignments.role,
      beginDate: roleAssignments.beginDate,
      school: orgUnits.identifier,
    })
    .from(roleAssignments)
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
    .where(and(eq(roleAssignments.districtId, districtId), eq(orgUnits.type, 'school'), currentAssignment()));
  const teacherStep = stepFor.get('teacher');
  const placements: (typeof stepPlacements.$inferInsert)[] = [];
  let promoted = false;
  for (const h of holders) {
    const stepId = stepFor.get(h.role);
    if (!stepId) continue;
    const startDate = h.beginDate ?? '2025-08-01';
    if (!promoted && h.role === 'team_lead' && h.school === 'ES01' && teacherStep) {
      // A promotion to read on the person page: teacher first, teacher leader since last August.
      promoted = true;
      placements.push({
        districtId,
        personId: h.personId,
        stepId: teacherStep,
        startDate: '2021-08-01',
        endDate: '2025-07-31',
        source: 'manual',
      });
      placements.push({
        districtId,
        personId: h.personId,
        stepId,
        startDate: '2025-08-01',
        source: 'manual',
        note: 'Promoted after two years leading the grade 3 team',
      });
      continue;
    }
    placements.push({ districtId, personId: h.personId, stepId, startDate, source: 'import' });
  }
  for (let i = 0; i < placements.length; i += 500) await tx.insert(stepPlacements).values(placements.slice(i, i + 500));

  // HR's one override: the demo teacher is evaluated by an assistant principal of Palm Grove this year.
  const [district] = await tx.select({ timeZone: districts.timeZone }).from(districts).where(eq(districts.id, districtId));
  const [teacher] = await tx
    .select({ personId: users.personId })
    .from(users)
    .where(eq(users.email, `teacher@${opts.emailDomain}`));
  const [ap] = holders.filter((h) => h.role === 'assistant_principal' && h.school === 'ES01');
  if (teacher && ap) {
    const schoolYear = schoolYearOf(todayIn(district?.timeZone ?? 'America/New_York'));
    await tx.insert(evaluatorAssignments).values({ districtId, personId: teacher.personId, schoolYear, evaluatorPersonId: ap.personId });
  }
}
