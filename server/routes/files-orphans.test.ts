/**
 * An upload whose row does not commit leaves no bytes behind. Permissions are files.test.ts's; here
 * a database trigger refuses one file's row, as a failing disk or a lost connection would.
 * Runs on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../seed/seed-files-data.ts';
import { LocalFileStorage } from '../services/files/storage-local.ts';
import { multipartBody } from '../test/fixtures/files.ts';
import { buildObservationWorld } from '../test/fixtures/observations.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-orphans-'));
const t = useTestApp({}, { fileStorage: new LocalFileStorage(root) });
let leader: Client;
let observationId: string;

/** Every stored object under the storage folder (temporary `.part` files included). */
const storedObjects = (): string[] =>
  (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile());

beforeAll(async () => {
  const w = await buildObservationWorld(t.database.db);
  leader = await signIn(t.app, w.leader.email);
  const started = await leader.post('/api/observations', {
    typeId: w.fixture.scoredTypeId,
    observedPersonId: w.teacher.personId,
    observedOn: '2026-11-10',
  });
  expect(started.statusCode, started.body).toBe(201);
  observationId = started.json().id;
  await t.database.db.execute(sql`
    create or replace function refuse_cursed_file() returns trigger language plpgsql as $$
    begin
      if new.name = 'cursed.pdf' then raise exception 'the disk is full'; end if;
      return new;
    end $$`);
  await t.database.db.execute(
    sql`create trigger refuse_cursed_file before insert on files for each row execute function refuse_cursed_file()`,
  );
}, 120_000);

describe('an upload that does not commit', () => {
  it('answers 500 and removes the bytes it had stored; a good upload after it is kept', async () => {
    const send = (name: string) => {
      const body = multipartBody({ name, data: tinyPdf('Plan'), type: 'application/pdf' });
      return leader.request('POST', `/api/observations/${observationId}/files`, body.payload, { 'content-type': body.contentType });
    };
    expect((await send('cursed.pdf')).statusCode).toBe(500);
    expect(storedObjects()).toEqual([]);
    const kept = await send('plan.pdf');
    expect(kept.statusCode, kept.body).toBe(201);
    expect(storedObjects()).toHaveLength(1);
  });
});
