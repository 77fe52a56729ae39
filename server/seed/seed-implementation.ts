import { and, asc, eq, inArray } from 'drizzle-orm';
import { addDays, todayIn } from '../../common/clock.ts';
import { IMPLEMENTATION_STAGES } from '../../common/implementation.ts';
import type { Executor } from '../db/client.ts';
import * as s from '../db/schema/index.ts';
import { seedFidelityChecks } from './seed-implementation-fidelity.ts';
import { seedProfile } from './seed-implementation-profile.ts';
import { COMPONENTS, INITIATIVE, MEETINGS, PDSA, TEAM_TEXT } from './seed-implementation-data.ts';

/** The demo people the initiative is built around (ids from the demo seed). */
export interface ImplementationDemo {
  districtId: string;
  /** The district's own org unit, HR's user (the author of records) and person. */
  districtOrgUnitId: string;
  hrUserId: string;
  hrPersonId: string;
  /** Palm Grove (a pilot school), its principal, coach, team lead and teachers. */
  schoolId: string;
  principal: string;
  coach: string;
  teamLead: string;
  teachers: string[];
  /** The demo password's hash, for the vendor guest's account. */
  passwordHash: string;
  /** The district's e-mail domain: the vendor's guests get an address beside it in a second demo district. */
  emailDomain: string;
}

/** Elementary schools and their K-3 teachers, Palm Grove first. */
async function elementarySchools(tx: Executor, demo: ImplementationDemo) {
  const rows = await tx
    .select({ orgUnitId: s.roleAssignments.orgUnitId, personId: s.roleAssignments.personId, name: s.orgUnits.name })
    .from(s.roleAssignments)
    .innerJoin(s.orgUnits, eq(s.orgUnits.id, s.roleAssignments.orgUnitId))
    .where(and(eq(s.roleAssignments.districtId, demo.districtId), eq(s.roleAssignments.role, 'teacher'), eq(s.orgUnits.type, 'school')))
    .orderBy(asc(s.orgUnits.name), asc(s.roleAssignments.personId));
  const bySchool = new Map<string, string[]>();
  for (const r of rows) bySchool.set(r.orgUnitId, [...(bySchool.get(r.orgUnitId) ?? []), r.personId]);
  const others = [...bySchool.keys()].filter((id) => id !== demo.schoolId);
  return [demo.schoolId, ...others].map((id) => ({ id, teachers: id === demo.schoolId ? demo.teachers : bySchool.get(id)! }));
}

/**
 * The structured-literacy initiative of the competency-drivers document's second story: pilot
 * schools at initial implementation, others installing, a district and two school teams with a
 * meeting and its decisions, driver plans at different health, training with attendance, coaching
 * on one component, and two PDSA cycles (an implementation problem and an innovation problem).
 */
export async function seedImplementation(tx: Executor, demo: ImplementationDemo) {
  const { districtId } = demo;
  const [district] = await tx.select({ timeZone: s.districts.timeZone }).from(s.districts).where(eq(s.districts.id, districtId));
  const today = todayIn(district?.timeZone ?? 'America/New_York');
  const [named] = await tx.select({ name: s.districts.name }).from(s.districts).where(eq(s.districts.id, districtId));
  const profile = await seedProfile(tx, districtId, demo.hrUserId, named!.name);
  const [initiative] = await tx
    .insert(s.initiatives)
    .values({
      districtId,
      ...INITIATIVE,
      profileVersionId: profile.versionId,
      fidelityRubricId: profile.toolRubricId,
      coveredRoles: ['teacher'],
      createdBy: demo.hrUserId,
    })
    .returning();
  const initiativeId = initiative!.id;
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 8 ? 1 : 0);
  const [pilot, scale] = await tx
    .insert(s.initiativeWaves)
    .values([
      { districtId, initiativeId, position: 0, name: 'Pilot', startsOn: `${year}-08-01`, endsOn: `${year + 1}-06-30` },
      { districtId, initiativeId, position: 1, name: 'Scale-up', startsOn: `${year + 1}-07-01`, endsOn: `${year + 2}-06-30` },
    ])
    .returning({ id: s.initiativeWaves.id });
  const schools = (await elementarySchools(tx, demo)).slice(0, 6);
  const pilots = schools.slice(0, 2);
  await tx
    .insert(s.initiativeSchools)
    .values(schools.map((sc, i) => ({ districtId, initiativeId, orgUnitId: sc.id, waveId: i < 2 ? pilot!.id : scale!.id })));
  await tx.insert(s.initiativeFunding).values([
    { districtId, initiativeId, source: 'ESSER III', amount: 240000, startsOn: `${year}-07-01`, spendBy: addDays(today, 45) },
    { districtId, initiativeId, source: 'Title II, Part A', amount: 85000, startsOn: `${year}-07-01`, spendBy: `${year + 1}-09-30` },
  ]);

  // Stages: the district and the pilots moved forward over the year; the others are installing.
  const stageAt = (i: number) => (i < 2 ? 'initial_implementation' : i < 5 ? 'installation' : 'exploration');
  const movedAt = (days: number) => new Date(`${addDays(today, -days)}T15:00:00Z`);
  await tx
    .insert(s.initiativeStages)
    .values([
      { districtId, initiativeId, orgUnitId: demo.districtOrgUnitId, stage: 'initial_implementation', enteredAt: movedAt(90) },
      ...schools.map((sc, i) => ({ districtId, initiativeId, orgUnitId: sc.id, stage: stageAt(i), enteredAt: movedAt(i < 2 ? 90 : 120) })),
    ]);
  const moves: (typeof s.initiativeStageMoves.$inferInsert)[] = [];
  const evidence = [
    'Need and fit reviewed with the school team; staff survey shows readiness; principal committed to the literacy block.',
    'Materials in every K-3 room, first training session held, coaches assigned, fidelity tool trained.',
    'All K-3 teachers using the program daily; first round of fidelity checks done.',
  ];
  for (const [i, sc] of [{ id: demo.districtOrgUnitId }, ...schools].entries()) {
    const target = i === 0 ? 'initial_implementation' : stageAt(i - 1);
    const last = IMPLEMENTATION_STAGES.indexOf(target);
    for (let k = 1; k <= last; k++) {
      moves.push({
        districtId,
        initiativeId,
        orgUnitId: sc.id,
        fromStage: IMPLEMENTATION_STAGES[k - 1]!,
        toStage: IMPLEMENTATION_STAGES[k]!,
        evidence: evidence[k - 1]!,
        movedBy: demo.hrUserId,
        movedAt: movedAt(90 + (last - k) * 60),
      });
    }
  }
  if (moves.length) await tx.insert(s.initiativeStageMoves).values(moves);

  // Teams: the district team, and a school team at each pilot reporting to it.
  const since = addDays(today, -150);
  const [districtTeam] = await tx
    .insert(s.implementationTeams)
    .values({
      districtId,
      kind: 'district',
      name: TEAM_TEXT.district.name,
      orgUnitId: demo.districtOrgUnitId,
      initiativeId,
      termsOfReference: TEAM_TEXT.district.terms,
      createdBy: demo.hrUserId,
    })
    .returning({ id: s.implementationTeams.id });
  const schoolNames = await tx
    .select({ id: s.orgUnits.id, name: s.orgUnits.name })
    .from(s.orgUnits)
    .where(
      inArray(
        s.orgUnits.id,
        pilots.map((p) => p.id),
      ),
    );
  const schoolTeams = await tx
    .insert(s.implementationTeams)
    .values(
      pilots.map((p) => ({
        districtId,
        kind: 'school',
        name: `${schoolNames.find((n) => n.id === p.id)!.name} literacy team`,
        orgUnitId: p.id,
        initiativeId,
        termsOfReference: TEAM_TEXT.school.terms,
        reportsToTeamId: districtTeam!.id,
        reportsWhat: TEAM_TEXT.school.reports,
        createdBy: demo.hrUserId,
      })),
    )
    .returning({ id: s.implementationTeams.id });
  await tx.insert(s.implementationTeamMembers).values([
    { districtId, teamId: districtTeam!.id, personId: demo.hrPersonId, role: 'facilitator', startsOn: since },
    { districtId, teamId: districtTeam!.id, personId: demo.principal, role: 'administrator', startsOn: since },
    { districtId, teamId: districtTeam!.id, personId: demo.coach, role: 'coach_representative', startsOn: since },
    { districtId, teamId: schoolTeams[0]!.id, personId: demo.principal, role: 'administrator', startsOn: since },
    { districtId, teamId: schoolTeams[0]!.id, personId: demo.teamLead, role: 'facilitator', startsOn: since },
    { districtId, teamId: schoolTeams[0]!.id, personId: demo.coach, role: 'coach_representative', startsOn: since },
    { districtId, teamId: schoolTeams[0]!.id, personId: demo.teachers[1]!, role: 'data_lead', startsOn: since },
    ...pilots[1]!.teachers.slice(0, 3).map((personId, i) => ({
      districtId,
      teamId: schoolTeams[1]!.id,
      personId,
      role: i === 0 ? 'facilitator' : 'member',
      startsOn: since,
    })),
  ]);
  for (const m of MEETINGS) {
    const [meeting] = await tx
      .insert(s.implementationMeetings)
      .values({
        districtId,
        teamId: districtTeam!.id,
        meetsAt: new Date(`${addDays(today, -14)}T20:00:00Z`),
        agenda: m.agenda,
        notes: m.notes,
        updatedBy: demo.hrUserId,
      })
      .returning({ id: s.implementationMeetings.id });
    const decisions = await tx
      .insert(s.implementationDecisions)
      .values(m.decisions.map((d) => ({ districtId, meetingId: meeting!.id, text: d.text, driver: d.driver, createdBy: demo.hrUserId })))
      .returning({ id: s.implementationDecisions.id });
    const owners = [demo.coach, demo.hrPersonId, demo.hrPersonId];
    await tx.insert(s.implementationActionItems).values(
      m.actions.map((a, i) => ({
        districtId,
        teamId: districtTeam!.id,
        meetingId: meeting!.id,
        decisionId: decisions[i]?.id ?? null,
        text: a.text,
        ownerPersonId: owners[i]!,
        dueOn: addDays(today, a.dueInDays),
        doneAt: a.done ? new Date(`${addDays(today, a.dueInDays)}T18:00:00Z`) : null,
      })),
    );
  }

  // Drivers at different health: training and coaching producing data, fidelity in place, selection planned, the rest not started.
  const owner = { selection: demo.hrPersonId, training: demo.hrPersonId, coaching: demo.coach, fidelity: demo.principal };
  await tx.insert(s.driverPlans).values([
    {
      districtId,
      initiativeId,
      driver: 'selection',
      ownerPersonId: owner.selection,
      plan: 'Add the program’s skills to K-3 job descriptions and a phonics scenario to interviews.',
      details: { skills: 'Explicit phonics teaching; using screener data to group children.' },
    },
    {
      districtId,
      initiativeId,
      driver: 'training',
      ownerPersonId: owner.training,
      plan: 'Five three-hour sessions through the year, each offered twice (after school and on a Saturday) so everyone can attend.',
      details: { overview: 'One component per session, with practice and feedback.' },
    },
    {
      districtId,
      initiativeId,
      driver: 'coaching',
      ownerPersonId: owner.coaching,
      plan: 'Literacy coaches run coaching cycles between sessions on one component at a time; reviewed three times a year.',
      details: { systemDescription: 'Two-week cycles: model, co-teach, observe, feedback.' },
    },
    {
      districtId,
      initiativeId,
      driver: 'fidelity',
      ownerPersonId: owner.fidelity,
      plan: 'Coaches and school team members check each K-3 classroom every six weeks with the classroom fidelity tool.',
      details: { whoChecks: 'Literacy coaches and school team members', frequency: 'Every six weeks' },
    },
  ]);
  const sessionDays = [-100, -99, -60, -59, -20, 25, 26];
  const sessions = await tx
    .insert(s.trainingSessions)
    .values(
      sessionDays.map((d, i) => ({
        districtId,
        initiativeId,
        topic: `${COMPONENTS[Math.min(Math.floor(i / 2), COMPONENTS.length - 1)]!.title}`,
        itemId: profile.items.get(COMPONENTS[Math.min(Math.floor(i / 2), COMPONENTS.length - 1)]!.code)!,
        trainerName: 'Dr. Amara Lind, Lumen Reading Partners',
        trainerQualification: 'Certified structured-literacy trainer; ten years teaching K-3',
        startsAt: new Date(`${addDays(today, d)}T${i % 2 ? '14' : '21'}:00:00Z`),
        durationMinutes: 180,
        location: i % 2 ? 'District professional learning center' : 'Palm Grove library',
        outcomes: 'Teachers can model, guide and check the component; practise it with feedback.',
        measures: 'Pre/post knowledge check; observed practice in the next fidelity check.',
      })),
    )
    .returning({ id: s.trainingSessions.id, startsAt: s.trainingSessions.startsAt });
  const pilotTeachers = pilots.flatMap((p) => p.teachers);
  const attendance: (typeof s.trainingAttendance.$inferInsert)[] = [];
  sessions.forEach((session, i) => {
    if (session.startsAt.getTime() > Date.now()) return;
    pilotTeachers.forEach((personId, k) => {
      if (k % 2 === i % 2)
        attendance.push({ districtId, sessionId: session.id, personId, attended: (k + i) % 7 !== 0, recordedBy: demo.hrUserId });
    });
  });
  if (attendance.length) await tx.insert(s.trainingAttendance).values(attendance);
  const sl2 = profile.items.get('SL.2')!;
  await tx
    .insert(s.initiativeCoaching)
    .values(
      demo.teachers
        .slice(0, 8)
        .map((personId) => ({ districtId, initiativeId, coachPersonId: demo.coach, personId, itemId: sl2, startsOn: addDays(today, -30) })),
    );
  await tx.insert(s.coachingSystemReviews).values({
    districtId,
    initiativeId,
    reviewedOn: addDays(today, -40),
    fidelityFindings: 'Checks rise after each coaching cycle on the component coached; decodable text practice lags.',
    observationFindings: 'Coaches model more than they observe; feedback is timely.',
    satisfaction: 4.2,
    decisions: 'Shift the next cycle toward observation and feedback on decodable text practice.',
    createdBy: demo.hrUserId,
  });

  // Two PDSA cycles at Palm Grove, both closed: one implementation problem, one innovation problem.
  await tx.insert(s.pdsaCycles).values(
    PDSA.map((p, i) => ({
      districtId,
      initiativeId,
      orgUnitId: demo.schoolId,
      itemId: profile.items.get(p.component)!,
      teamId: schoolTeams[0]!.id,
      title: p.title,
      status: 'closed',
      change: p.change,
      prediction: p.prediction,
      measures: p.measures,
      startsOn: addDays(today, -70 + i * 20),
      endsOn: addDays(today, -42 + i * 20),
      doneAsIntended: p.doneAsIntended,
      doNotes: p.doNotes,
      study: p.study,
      predictionMet: p.predictionMet,
      act: p.act,
      actNotes: p.actNotes,
      problem: p.doneAsIntended ? 'innovation_problem' : 'implementation_problem',
    })),
  );
  await tx.insert(s.pdsaCycles).values({
    districtId,
    initiativeId,
    orgUnitId: pilots[1]!.id,
    itemId: profile.items.get('SL.3')!,
    teamId: schoolTeams[1]!.id,
    title: 'A five-minute phonemic awareness warm-up, timed',
    status: 'do',
    change: 'A visible timer keeps the warm-up to five to eight minutes.',
    prediction: 'The warm-up scores present in most checks within three weeks.',
    measures: 'Fidelity checks on SL.3.',
    startsOn: addDays(today, -10),
  });
  // The vendor's trainer as a guest (90 days left), and a former guest whose access was revoked.
  const vendor = demo.emailDomain === 'sunshine.example' ? 'lumenreading.example' : `lumenreading.${demo.emailDomain}`;
  const guests = [
    { givenName: 'Amara', familyName: 'Lind', email: `amara.lind@${vendor}`, expiresOn: addDays(today, 90), revokedAt: null },
    {
      givenName: 'Jonas',
      familyName: 'Whitaker',
      email: `jonas.whitaker@${vendor}`,
      expiresOn: addDays(today, 20),
      revokedAt: new Date(`${addDays(today, -30)}T15:00:00Z`),
    },
  ];
  for (const g of guests) {
    const [person] = await tx
      .insert(s.people)
      .values({ districtId, givenName: g.givenName, familyName: g.familyName, email: g.email, searchText: '' })
      .returning({ id: s.people.id });
    const [user] = await tx
      .insert(s.users)
      .values({
        districtId,
        personId: person!.id,
        email: g.email,
        passwordHash: g.revokedAt ? null : demo.passwordHash,
        active: g.revokedAt === null,
      })
      .returning({ id: s.users.id });
    await tx.insert(s.initiativeGuests).values({
      districtId,
      initiativeId,
      userId: user!.id,
      personId: person!.id,
      expiresOn: g.expiresOn,
      revokedAt: g.revokedAt,
      createdBy: demo.hrUserId,
    });
  }
  await seedFidelityChecks(tx, {
    districtId,
    initiativeId,
    today,
    profile,
    pilots,
    installing: schools.slice(2, 5),
    palmCoach: demo.coach,
  });
  return {
    initiativeId,
    profile,
    schools,
    pilots,
    districtTeamId: districtTeam!.id,
    schoolTeamId: schoolTeams[0]!.id,
    today,
  };
}
