/**
 * The job queue across app restarts and processes: a job sent before a stop runs after the next
 * start; two app instances on one database run each job once; a failed attempt waits (backoff)
 * before the next. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL (`npm run test:pg`),
 * where the two instances have their own connection pools, as two processes would.
 */
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { schoolTrackerSummary } from '../db/schema/index.ts';
import { loadEnv } from '../env.ts';
import { openTestDatabase } from '../test/database.ts';
import { buildDistrict, buildOrgUnit } from '../test/factories.ts';
import { TEST_JOBS } from '../test/harness.ts';
import { TEST_SECRET_KEY } from '../test/totp.ts';
import type { JobQueueOptions } from './queue.ts';

let database: Database;
let districtId: string;
const opened: App[] = [];
const extraDatabases: Database[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  districtId = (await buildDistrict(database.db)).id;
}, 60_000);
afterAll(async () => {
  for (const app of opened) await app.close();
  for (const db of extraDatabases) await db.close();
  await database?.close();
});

/** An app on `db` whose log lines are collected in `lines`. */
async function startApp(db: Database, jobs: JobQueueOptions = TEST_JOBS, lines: Record<string, unknown>[] = []) {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = await buildApp({
    database: db,
    env: loadEnv({ NODE_ENV: 'test', SECRET_KEY: TEST_SECRET_KEY }),
    jobs,
    logger: { level: 'info', stream },
  });
  await app.ready();
  opened.push(app);
  return app;
}

const summaryOf = async (schoolId: string) =>
  (
    await database.db
      .select()
      .from(schoolTrackerSummary)
      .where(sql`${schoolTrackerSummary.orgUnitId} = ${schoolId}`)
  )[0];

/** A second handle on the same database: its own pool on PostgreSQL (as another process has). */
async function sameDatabaseAgain(): Promise<Database> {
  if (database.kind === 'pglite') return database;
  const { rows } = (await database.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] };
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${rows[0]!.name}`;
  const again = await openDatabase({ url: url.toString() });
  extraDatabases.push(again);
  return again;
}

describe('the job queue', () => {
  it('runs after a restart a job sent before the stop', async () => {
    const school = await buildOrgUnit(database.db, districtId);
    const first = await startApp(database, { ...TEST_JOBS, work: false });
    await first.jobs.send('tracker-summary', { districtId, schoolIds: [school.id] });
    await first.close();
    expect(await summaryOf(school.id)).toBeUndefined();

    const second = await startApp(database);
    await second.jobs.settled();
    expect(await summaryOf(school.id)).toMatchObject({ districtId, teacherCount: 0 });
    await second.close();
  });

  it('runs each job once with two app instances on one database', async () => {
    const lines: Record<string, unknown>[] = [];
    const one = await startApp(database, TEST_JOBS, lines);
    const two = await startApp(await sameDatabaseAgain(), TEST_JOBS, lines);
    const schools = await Promise.all(Array.from({ length: 12 }, () => buildOrgUnit(database.db, districtId)));
    const ids = await Promise.all(
      schools.map((s, i) => (i % 2 ? one : two).jobs.send('tracker-summary', { districtId, schoolIds: [s.id] })),
    );
    await Promise.all([one.jobs.settled(), two.jobs.settled()]);
    const done = lines.filter((l) => l.msg === 'job done' && ids.includes(l.jobId as string)).map((l) => l.jobId);
    expect(done.sort()).toEqual([...ids].sort());
    for (const school of schools) expect(await summaryOf(school.id)).toBeDefined();
    await one.close();
    await two.close();
  });

  it('waits before retrying a failed job, longer after each failure (backoff)', async () => {
    // The production retry policy: the first retry of a summary refresh waits 10 to 20 s.
    const app = await startApp(database, { pollMs: 50 });
    const id = await app.jobs.send('tracker-summary', { districtId, schoolIds: ['00000000-0000-4000-8000-000000000000'] });
    let row: { state: string; wait: number } | undefined;
    for (let i = 0; i < 200 && row?.state !== 'retry'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const { rows } = await app.jobs.sql.executeSql(
        `select state::text as state, extract(epoch from start_after - now())::float8 as wait from pgboss.job where id = $1`,
        [id],
      );
      row = rows[0] as typeof row;
    }
    expect(row?.state).toBe('retry');
    expect(row!.wait).toBeGreaterThan(8);
    expect(row!.wait).toBeLessThanOrEqual(20);
    await app.close();
  });
});
