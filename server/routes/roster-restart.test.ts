/**
 * An import survives a restart: applied by a job, not by the process that accepted it. A process
 * that stops after answering 202 (here one that runs no jobs) leaves the import running in the
 * database; the next process applies it, and every process reads its status and progress from
 * the import's row. Permission matrix: routes/imports.test.ts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import type { Database } from '../db/client.ts';
import { loadEnv } from '../env.ts';
import type { JobQueueOptions } from '../jobs/queue.ts';
import { openTestDatabase } from '../test/database.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { signIn, TEST_JOBS } from '../test/harness.ts';
import { quirkyOneRoster12, zipOf } from '../test/roster-fixtures.ts';
import { TEST_SECRET_KEY } from '../test/totp.ts';

let database: Database;
let email: string;
const apps: App[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const districtId = (await buildDistrict(database.db)).id;
  email = (await buildUser(database.db, districtId, 'district_admin')).email;
}, 60_000);
afterAll(async () => {
  for (const app of apps) await app.close();
  await database?.close();
});

async function start(jobs: JobQueueOptions) {
  const app = await buildApp({ database, env: loadEnv({ NODE_ENV: 'test', SECRET_KEY: TEST_SECRET_KEY }), jobs });
  await app.ready();
  apps.push(app);
  return app;
}

function multipart(name: string, data: Buffer) {
  const boundary = `----trellis${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

it('an import accepted before a stop is applied after the next start, its progress read from the database', async () => {
  const first = await start({ ...TEST_JOBS, work: false });
  const admin = await signIn(first, email);
  const { body, contentType } = multipart('set.zip', zipOf(quirkyOneRoster12()));
  const dry = await admin.request('POST', '/api/imports', body, { 'content-type': contentType });
  expect(dry.statusCode).toBe(201);
  const id = dry.json().id as string;
  const started = await admin.post(`/api/imports/${id}/apply`);
  expect(started.statusCode).toBe(202);
  expect(started.json()).toMatchObject({ status: 'running', progress: { done: 0 } });
  await first.close();

  const second = await start(TEST_JOBS);
  await second.jobs.settled();
  const after = await signIn(second, email);
  const applied = (await after.get(`/api/imports/${id}`)).json();
  expect(applied).toMatchObject({ status: 'applied', error: null });
  expect(applied.progress.total).toBeGreaterThan(0);
  expect(applied.progress.done).toBe(applied.progress.total);
});
