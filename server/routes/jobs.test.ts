/**
 * Background jobs as a district admin sees them: a job that throws is retried, then kept as failed
 * with a short reason (no stack, no row contents) and can be retried from the Jobs page.
 * Permission matrix: signed out -> 401; a job of another district -> 404; HR and staff -> 403.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, schoolTrackerSummary } from '../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let districtId: string;
let admin: Client;
let otherAdmin: Client;
let hr: Client;
let staff: Client;

beforeAll(async () => {
  const db = t.database.db;
  districtId = (await buildDistrict(db)).id;
  const otherId = (await buildDistrict(db, 'Other')).id;
  admin = await signIn(t.app, (await buildUser(db, districtId, 'district_admin')).email);
  otherAdmin = await signIn(t.app, (await buildUser(db, otherId, 'district_admin')).email);
  hr = await signIn(t.app, (await buildUser(db, districtId, 'hr')).email);
  staff = await signIn(t.app, (await buildUser(db, districtId, 'staff')).email);
});

type Job = {
  id: string;
  kind: string;
  state: string;
  attempts: number;
  maxAttempts: number;
  error: string | null;
  abilities: { retry: boolean };
};
const listed = async (client: Client, query = '') => (await client.get(`/api/jobs${query}`)).json().items as Job[];

/** A summary refresh of a school that does not exist: every attempt's write is refused (foreign key). */
async function failingJob(schoolId = randomUUID()) {
  const id = await t.app.jobs.send('tracker-summary', { districtId, schoolIds: [schoolId] });
  await t.app.jobs.settled();
  return { id: id!, schoolId };
}

describe('permission matrix', () => {
  it('answers 401 signed out, 403 to HR and staff, 404 for a job of another district', async () => {
    const { id } = await failingJob();
    expect((await anonymous(t.app).get('/api/jobs')).statusCode).toBe(401);
    expect((await anonymous(t.app).post(`/api/jobs/${id}/retry`)).statusCode).toBe(401);
    for (const client of [hr, staff]) {
      expect((await client.get('/api/jobs')).statusCode).toBe(403);
      expect((await client.post(`/api/jobs/${id}/retry`)).statusCode).toBe(403);
    }
    expect((await otherAdmin.post(`/api/jobs/${id}/retry`)).statusCode).toBe(404);
    expect((await listed(otherAdmin)).map((j) => j.id)).not.toContain(id);
  });

  it('keeps the job tables from the request role: a district-bound executor cannot read them', async () => {
    await expect(t.database.forDistrict(districtId).execute(sql`select count(*) from pgboss.job`)).rejects.toMatchObject({
      cause: { code: '42501' },
    });
  });
});

describe('a job that throws', () => {
  it('is retried, then kept as failed with a short reason and listed to admins', async () => {
    const { id } = await failingJob();
    const job = (await listed(admin, '?state=failed')).find((j) => j.id === id);
    expect(job).toMatchObject({ kind: 'tracker-summary', state: 'failed', abilities: { retry: true } });
    // Every attempt its policy allows was made (5 retries after the first).
    expect(job!.attempts).toBe(6);
    expect(job!.maxAttempts).toBe(6);
    expect(job!.error).toMatch(/^database error 23503/);
    expect(job!.error).not.toMatch(/\n\s+at /);
  });

  it('runs again when an admin retries it, and succeeds once what it needs exists', async () => {
    const { id, schoolId } = await failingJob();
    await buildOrgUnit(t.database.db, districtId, { id: schoolId, name: 'Late School' });
    const res = await admin.post(`/api/jobs/${id}/retry`);
    expect(res.statusCode).toBe(200);
    expect(['retry', 'active', 'completed']).toContain(res.json().state);
    await t.app.jobs.settled();
    expect((await listed(admin)).find((j) => j.id === id)).toMatchObject({ state: 'completed', error: null, abilities: { retry: false } });
    const [summary] = await t.database.db.select().from(schoolTrackerSummary).where(eq(schoolTrackerSummary.orgUnitId, schoolId));
    expect(summary).toBeDefined();
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'job.retry'), eq(auditLog.entityId, id)));
    expect(audit).toHaveLength(1);
  });

  it('refuses to retry a job that has not failed', async () => {
    const school = await buildOrgUnit(t.database.db, districtId);
    const id = await t.app.jobs.send('tracker-summary', { districtId, schoolIds: [school.id] });
    await t.app.jobs.settled();
    const res = await admin.post(`/api/jobs/${id}/retry`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('invalid_state');
  });

  it('fails at once, without retries, when its payload is not one it can run with', async () => {
    // A job written by an older version, say: sent past the typed sender, straight into pg-boss.
    const { rows } = await t.app.jobs.sql
      .executeSql(`select pgboss.create_queue('tracker-summary', '{}'::json)`, [])
      .then(() =>
        t.app.jobs.sql.executeSql(`insert into pgboss.job (name, data, retry_limit) values ('tracker-summary', $1, 5) returning id`, [
          { districtId, schoolIds: 'all' },
        ]),
      );
    const id = (rows[0] as { id: string }).id;
    t.app.jobs.wake('tracker-summary');
    await t.app.jobs.settled();
    expect((await listed(admin, '?state=failed')).find((j) => j.id === id)).toMatchObject({
      attempts: 1,
      error: expect.stringContaining('payload'),
    });
  });
});
