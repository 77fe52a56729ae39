import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { addDays } from '../../common/clock.ts';
import type { StaffRole } from '../../common/roles.ts';
import { personSearchText } from '../../common/search.ts';
import { recordAudit } from '../services/audit.ts';
import { newRecoverySalt } from '../services/auth/mfa/recovery-codes.ts';
import { sealSecret } from '../services/auth/mfa/secret-box.ts';
import { hashPassword } from '../services/auth/passwords.ts';
import type { Db } from '../db/client.ts';
import { caseloadMembers, districts, mfaFactors, orgUnits, people, roleAssignments, users } from '../db/schema/index.ts';
import { seedCompetency } from './seed-competency.ts';
import { seedTeams } from './seed-teams.ts';
import { seedWalkthroughs } from './seed-walkthroughs.ts';
import type { FileStorage } from '../services/files/storage.ts';
import { seedFiles } from './seed-files.ts';
import {
  DEMO_DISTRICT,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  DEPARTMENTS,
  FAMILY_NAMES,
  GIVEN_NAMES,
  SCHOOLS,
  TEACHERS_PER_LEVEL,
} from './seed-data.ts';

/** When the demo coach's caseload starts: a year back, so it is current whatever the district's day. */
const CASELOAD_SINCE = `${new Date().getUTCFullYear() - 1}-07-01`;

export interface DemoSignIn {
  email: string;
  role: string;
}

/** Which demo district to make: the README's Sunshine by default; tests make a second one beside it. */
export interface DemoDistrictOptions {
  name: string;
  slug: string;
  /** E-mail domain of its staff (e-mails are unique across districts). */
  domain: string;
}
const DEMO: DemoDistrictOptions = { ...DEMO_DISTRICT, domain: 'sunshine.example' };

/** Same district every time: a small deterministic generator instead of Math.random. */
function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/**
 * Creates the demo district "Sunshine Public Schools" (12 schools, 4 central-office departments,
 * ~300 staff with roles, a coach's caseload, and sign-ins for each access level) unless it exists.
 * With `mfaKey`, admin@ and hr@ get an authenticator enrolled with DEMO_TOTP_SECRET (their access
 * requires one); without it they set one up at their first sign-in.
 */
export async function seedDemoDistrict(
  db: Db,
  district: DemoDistrictOptions = DEMO,
  opts: { mfaKey?: Buffer; files?: FileStorage } = {},
): Promise<{ created: boolean; signIns: DemoSignIn[] }> {
  const at = `@${district.domain}`;
  const signIns: DemoSignIn[] = [
    { email: `admin${at}`, role: 'district admin' },
    { email: `hr${at}`, role: 'HR / talent' },
    { email: `principal${at}`, role: 'school leader (Palm Grove Elementary)' },
    { email: `coach${at}`, role: 'coach (Palm Grove Elementary)' },
    { email: `teacher${at}`, role: 'teacher (Palm Grove Elementary)' },
    { email: `superintendent${at}`, role: 'instructional superintendent (North Network)' },
    { email: `teamlead${at}`, role: 'team lead who coaches Grade 3 (Palm Grove Elementary)' },
  ];
  const [existing] = await db.select().from(districts).where(eq(districts.slug, district.slug));
  if (existing) return { created: false, signIns };

  const random = generator(20261123);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const districtId = randomUUID();
  const orgs: (typeof orgUnits.$inferInsert)[] = [];
  const staff: (typeof people.$inferInsert)[] = [];
  const roles: (typeof roleAssignments.$inferInsert)[] = [];
  const usedEmails = new Set<string>();
  let staffNo = 0;

  const rootId = randomUUID();
  orgs.push({ id: rootId, districtId, sourcedId: 'org-district', name: district.name, type: 'district', identifier: 'SPS' });
  const addPerson = (orgUnitId: string, role: StaffRole, fixedEmail?: string, names?: [string, string]) => {
    staffNo++;
    const [givenName, familyName] = names ?? [pick(GIVEN_NAMES), pick(FAMILY_NAMES)];
    let email =
      fixedEmail ??
      `${givenName}.${familyName}`
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase() + at;
    if (usedEmails.has(email)) email = email.replace('@', `${staffNo}@`);
    usedEmails.add(email);
    const id = randomUUID();
    const identifier = `E${String(10000 + staffNo)}`;
    const values = { givenName, familyName, email, identifier };
    staff.push({ id, districtId, sourcedId: `stf-${staffNo}`, ...values, searchText: personSearchText(values) });
    const beginYear = 2026 - Math.floor(random() * 12);
    roles.push({
      districtId,
      sourcedId: `rol-${staffNo}`,
      personId: id,
      orgUnitId,
      role,
      isPrimary: true,
      beginDate: `${beginYear}-08-01`,
    });
    return id;
  };

  for (const d of DEPARTMENTS) {
    const id = randomUUID();
    orgs.push({ id, districtId, sourcedId: `org-${d.code}`, name: d.name, type: 'department', identifier: d.code, parentId: rootId });
    for (let i = 0; i < 4; i++) addPerson(id, 'central_office_staff');
  }
  const techId = orgs.find((o) => o.identifier === 'CO-TECH')!.id!;
  const hrDeptId = orgs.find((o) => o.identifier === 'CO-HR')!.id!;
  const adminPersonId = addPerson(techId, 'district_administrator', `admin${at}`, ['Dana', 'Whitfield']);
  const hrPersonId = addPerson(hrDeptId, 'hr_specialist', `hr${at}`, ['Rafael', 'Ortega']);

  const special: Record<string, string> = {};
  const caseload: string[] = [];
  const palmTeachers: string[] = [];
  for (const [index, school] of SCHOOLS.entries()) {
    const id = randomUUID();
    orgs.push({
      id,
      districtId,
      sourcedId: `org-${school.code}`,
      name: school.name,
      type: 'school',
      identifier: school.code,
      parentId: rootId,
    });
    const first = index === 0;
    special.principal = addPerson(id, 'principal', first ? `principal${at}` : undefined, first ? ['Lorena', 'Castillo'] : undefined);
    const apId = addPerson(id, 'assistant_principal');
    if (first) special.assistantPrincipal = apId;
    if (first) special.school = id;
    if (school.level !== 'elementary') addPerson(id, 'assistant_principal');
    const coachId = addPerson(id, 'coach', first ? `coach${at}` : undefined, first ? ['Terrence', 'Boateng'] : undefined);
    if (first) special.coach = coachId;
    const teamLeadId = addPerson(id, 'team_lead', first ? `teamlead${at}` : undefined, first ? ['Keisha', 'Morgan'] : undefined);
    if (first) special.teamLead = teamLeadId;
    addPerson(id, 'counselor');
    for (let t = 0; t < TEACHERS_PER_LEVEL[school.level]; t++) {
      const teacherId = addPerson(
        id,
        'teacher',
        first && t === 0 ? `teacher${at}` : undefined,
        first && t === 0 ? ['Michelle', 'Reyes'] : undefined,
      );
      if (first && t === 0) special.teacher = teacherId;
      if (first && t < 8) caseload.push(teacherId);
      if (first) palmTeachers.push(teacherId);
    }
    for (let a = 0; a < 2; a++) addPerson(id, 'apprentice_teacher');
    for (let a = 0; a < 3; a++) addPerson(id, 'instructional_assistant');
    if (first) special.principalFirst = special.principal;
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const account = (personId: string, email: string, adminGrant: string | null = null) => ({
    districtId,
    personId,
    email,
    passwordHash,
    adminGrant,
  });
  await db.transaction(async (tx) => {
    await tx.insert(districts).values({ id: districtId, name: district.name, slug: district.slug });
    await tx.insert(orgUnits).values(orgs);
    for (let i = 0; i < staff.length; i += 500) await tx.insert(people).values(staff.slice(i, i + 500));
    for (let i = 0; i < roles.length; i += 500) await tx.insert(roleAssignments).values(roles.slice(i, i + 500));
    // Dated well before any demo term, so the caseload is current whatever the district's day.
    await tx
      .insert(caseloadMembers)
      .values(caseload.map((personId) => ({ districtId, coachPersonId: special.coach!, personId, startsOn: CASELOAD_SINCE })));
    const accounts = await tx
      .insert(users)
      .values([
        account(adminPersonId, `admin${at}`, 'district_admin'),
        account(hrPersonId, `hr${at}`, 'hr'),
        account(special.principalFirst!, `principal${at}`),
        account(special.coach!, `coach${at}`),
        account(special.teacher!, `teacher${at}`),
        account(special.teamLead!, `teamlead${at}`),
      ])
      .returning({ id: users.id, personId: users.personId });
    const { mfaKey } = opts;
    if (mfaKey) {
      const granted = accounts.filter((a) => a.personId === adminPersonId || a.personId === hrPersonId);
      await tx.insert(mfaFactors).values(
        granted.map((a) => ({
          districtId,
          userId: a.id,
          secretEncrypted: sealSecret(mfaKey, a.id, DEMO_TOTP_SECRET),
          recoverySalt: newRecoverySalt(),
        })),
      );
    }
    // Sample frameworks, pathways and rubrics; the design team is three Palm Grove teachers (the demo teacher first).
    await seedCompetency(tx, {
      districtId,
      districtName: district.name,
      hrUserId: accounts.find((a) => a.personId === hrPersonId)!.id,
      designTeamPersonIds: caseload.slice(0, 3),
    });
    await (await import('./seed-observations.ts')).seedObservations(tx, { districtId, emailDomain: district.domain }); // a term of observations and coaching (issue 4)
    await (await import('./seed-placements.ts')).seedPlacements(tx, { districtId, emailDomain: district.domain, passwordHash }); // networks, career steps, evaluators (issue 12)
    await seedTeams(tx, {
      districtId,
      schoolId: special.school!,
      principal: special.principalFirst!,
      assistantPrincipal: special.assistantPrincipal!,
      coach: special.coach!,
      teamLead: special.teamLead!,
      teachers: palmTeachers,
      since: CASELOAD_SINCE,
    }); // teams at Palm Grove, a team lead and a principal who coach (issue 12)
    await seedWalkthroughs(tx, {
      districtId,
      schoolId: special.school!,
      observers: [special.principalFirst!, special.assistantPrincipal!],
      teachers: palmTeachers,
    }); // walkthroughs that count (issue 12)
    await (
      await import('./seed-performance.ts')
    ).seedPerformance(tx, {
      districtId,
      schoolId: special.school!,
      principal: special.principalFirst!,
      teacher: special.teacher!,
      teachers: palmTeachers,
    }); // cycles, plans in every phase, team goals, an improvement plan (issue 13)
    const implementation = await (
      await import('./seed-implementation.ts')
    ).seedImplementation(tx, {
      districtId,
      districtOrgUnitId: rootId,
      hrUserId: accounts.find((a) => a.personId === hrPersonId)!.id,
      hrPersonId,
      schoolId: special.school!,
      principal: special.principalFirst!,
      coach: special.coach!,
      teamLead: special.teamLead!,
      teachers: palmTeachers,
      passwordHash,
      emailDomain: district.domain,
    }); // a structured-literacy initiative: stages, teams, drivers, fidelity, PDSA (issue 14)
    await (
      await import('./seed-action-plans.ts')
    ).installActionPlansDemo(tx, {
      districtId,
      initiativeId: implementation.initiativeId,
      schoolId: special.school!,
      schoolTeamId: implementation.schoolTeamId,
      districtTeamId: implementation.districtTeamId,
      ownerPersonId: special.teamLead!,
      coachPersonId: special.coach!,
      today: implementation.today,
    }); // a capacity action plan and a barrier the district team resolved (issue 15)
    await (
      await import('./seed-assessments.ts')
    ).installAssessmentDemo(tx, districtId, {
      schoolTeam: { id: implementation.schoolTeamId, orgUnitId: special.school! },
      districtTeam: { id: implementation.districtTeamId, orgUnitId: rootId },
      facilitatorPersonId: special.teamLead!,
      noteTakerPersonId: palmTeachers[1]!,
      votingPersonIds: [special.coach!, palmTeachers[2]!],
      administratorPersonId: special.principalFirst!,
      initiativeId: implementation.initiativeId,
      soloPersonId: special.teacher!,
      soloOrgUnitId: special.school!,
      fallOn: addDays(implementation.today, -120),
      springOn: addDays(implementation.today, -10),
    }); // the assessment library; drivers reviews a semester apart, a capacity review, a self-review (issue 15)
    await (
      await import('./seed-fit-review.ts')
    ).installFitReviewDemo(tx, districtId, {
      team: { id: implementation.districtTeamId, orgUnitId: rootId },
      facilitatorPersonId: special.teamLead!,
      noteTakerPersonId: palmTeachers[1]!,
      votingPersonIds: [special.coach!, palmTeachers[2]!],
      createdByUserId: accounts.find((a) => a.personId === hrPersonId)!.id,
      heldOn: addDays(implementation.today, -30),
    }); // a decided fit review of three coaching models (issue 15)
    await (
      await import('./seed-outcomes.ts')
    ).installDemoOutcomes(tx, districtId, { initiativeId: implementation.initiativeId, today: implementation.today }); // outcomes per school and period (issue 15)
    if (opts.files) await seedFiles(tx, opts.files, { districtId, teacherPersonId: special.teacher! }); // attachments (issue 12)
    await recordAudit(
      tx,
      { requestId: 'seed', actor: { userId: null, districtId } },
      {
        action: 'district.seed_demo',
        entityType: 'district',
        entityId: districtId,
        after: { orgUnits: orgs.length, people: staff.length },
      },
    );
  });
  // Fresh tables have no planner statistics until autovacuum comes by (never, where it is off, and
  // PGlite has none): without them every join is planned for one row and a list of 700
  // observations took 250 ms instead of 2 ms (issue 11).
  await db.execute(sql`analyze`);
  return { created: true, signIns };
}
