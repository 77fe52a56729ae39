import { randomUUID } from 'node:crypto';
import type { AccessRole, StaffRole } from '../../common/roles.ts';
import { personSearchText } from '../../common/search.ts';
import type { Db } from '../db/client.ts';
import { caseloadMembers, districts, mfaFactors, orgUnits, people, roleAssignments, users } from '../db/schema/index.ts';
import { newRecoverySalt } from '../services/auth/mfa/recovery-codes.ts';
import { sealSecret } from '../services/auth/mfa/secret-box.ts';
import { hashPassword } from '../services/auth/passwords.ts';
import { TEST_MFA_KEY, TEST_TOTP_SECRET } from './totp.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let hashOnce: Promise<string> | undefined;
/** One scrypt hash shared by every test user: hashing is deliberately slow. */
const testHash = () => (hashOnce ??= hashPassword(TEST_PASSWORD));

export async function buildDistrict(db: Db, name = 'Test District') {
  const [row] = await db
    .insert(districts)
    .values({ name, slug: `d-${randomUUID()}` })
    .returning();
  return row!;
}

export async function buildOrgUnit(db: Db, districtId: string, values: Partial<typeof orgUnits.$inferInsert> = {}) {
  const [row] = await db
    .insert(orgUnits)
    .values({ districtId, name: `School ${randomUUID().slice(0, 6)}`, type: 'school', ...values })
    .returning();
  return row!;
}

/** A person, with a current role in `orgUnitId` when given (creating a school when not). */
export async function buildPerson(
  db: Db,
  districtId: string,
  opts: Partial<typeof people.$inferInsert> & { role?: StaffRole; orgUnitId?: string } = {},
) {
  const { role = 'teacher', orgUnitId, ...values } = opts;
  const unitId = orgUnitId ?? (await buildOrgUnit(db, districtId)).id;
  const names = { givenName: 'Pat', familyName: `Person-${randomUUID().slice(0, 8)}`, ...values };
  const [person] = await db
    .insert(people)
    .values({ districtId, ...names, searchText: personSearchText(names) })
    .returning();
  await db.insert(roleAssignments).values({ districtId, personId: person!.id, orgUnitId: unitId, role, isPrimary: true });
  return { ...person!, orgUnitId: unitId };
}

const ACCESS_SETUP: Record<AccessRole, { role: StaffRole; grant: string | null }> = {
  staff: { role: 'teacher', grant: null },
  coach: { role: 'coach', grant: null },
  school_leader: { role: 'principal', grant: null },
  hr: { role: 'hr_specialist', grant: 'hr' },
  district_admin: { role: 'district_administrator', grant: 'district_admin' },
};

/**
 * A user who can sign in with TEST_PASSWORD, holding the given access level in `orgUnitId`. HR and
 * district admins (whose grant requires a second factor) have an authenticator enrolled with
 * TEST_TOTP_SECRET, so the harness's `signIn` completes the code step; `withoutFactor` leaves it out.
 */
export async function buildUser(
  db: Db,
  districtId: string,
  access: AccessRole,
  opts: { orgUnitId?: string; caseload?: string[]; withoutFactor?: boolean } = {},
) {
  const setup = ACCESS_SETUP[access];
  const email = `${access}-${randomUUID().slice(0, 8)}@example.test`;
  const person = await buildPerson(db, districtId, { role: setup.role, orgUnitId: opts.orgUnitId, email });
  const [user] = await db
    .insert(users)
    .values({ districtId, personId: person.id, email, passwordHash: await testHash(), adminGrant: setup.grant })
    .returning();
  if (opts.caseload?.length) {
    await db
      .insert(caseloadMembers)
      .values(opts.caseload.map((personId) => ({ districtId, coachPersonId: person.id, personId, startsOn: '2020-01-01' })));
  }
  if (setup.grant && !opts.withoutFactor) await enrolTestFactor(db, user!);
  return { ...user!, person };
}

/** Enrols an authenticator with `secret` for the user directly (no recovery codes), as a finished enrolment leaves it. */
export async function enrolTestFactor(db: Db, user: { id: string; districtId: string }, secret = TEST_TOTP_SECRET) {
  await db.insert(mfaFactors).values({
    districtId: user.districtId,
    userId: user.id,
    secretEncrypted: sealSecret(Buffer.from(TEST_MFA_KEY, 'base64'), user.id, secret),
    recoverySalt: newRecoverySalt(),
  });
}
