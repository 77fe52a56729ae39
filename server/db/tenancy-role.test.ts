/**
 * PostgreSQL deployments whose DATABASE_URL user is not a superuser (README, PostgreSQL mode): a
 * user that may not act as trellis_app is refused at start with what to run; once a superuser has
 * granted the role, Trellis starts, the user's tables bypass the policies for it (the owner) and
 * district-bound work is held to them. PostgreSQL only (TEST_DATABASE_URL); PGlite has no users.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDistrict, buildOrgUnit } from '../test/factories.ts';
import { openDatabase } from './client.ts';
import { orgUnits } from './schema/index.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const name = `trellis_probe_${randomBytes(5).toString('hex')}`;

async function asSuperuser(statement: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** The URL of the probe database, signed in as the probe user (trust authentication). */
function probeUrl() {
  const url = new URL(serverUrl!);
  url.username = name;
  url.password = '';
  url.pathname = `/${name}`;
  return url.toString();
}

describe.skipIf(!serverUrl)('a DATABASE_URL user that is not a superuser', () => {
  afterAll(async () => {
    if (!serverUrl) return;
    await asSuperuser(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await asSuperuser(`DROP ROLE IF EXISTS ${name}`);
  });

  it('is refused at start, with what to run, until it may act as trellis_app; then it works', async () => {
    // trellis_app exists on this server (every test database's migration makes sure of it).
    await asSuperuser(`DO $$ BEGIN CREATE ROLE trellis_app NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await asSuperuser(`CREATE ROLE ${name} LOGIN NOSUPERUSER NOCREATEROLE`);
    await asSuperuser(`CREATE DATABASE ${name} OWNER ${name}`);

    const refused = await openDatabase({ url: probeUrl() }).then(
      () => null,
      (err: unknown) => err as Error & { cause?: Error },
    );
    const said = `${refused?.message} ${refused?.cause?.message} ${(refused?.cause as { hint?: string } | undefined)?.hint}`;
    expect(said).toContain(`The database user ${name} must be a member of the role trellis_app`);
    expect(said).toContain(`GRANT trellis_app TO ${name};`);

    await asSuperuser(`GRANT trellis_app TO ${name}`);
    const database = await openDatabase({ url: probeUrl() });
    try {
      const { rows } = (await database.db.execute(sql`select current_user`)) as unknown as { rows: { current_user: string }[] };
      expect(rows[0]!.current_user).toBe(name);
      const mine = (await buildDistrict(database.db, 'Mine')).id;
      const theirs = (await buildDistrict(database.db, 'Theirs')).id;
      await buildOrgUnit(database.db, mine);
      await buildOrgUnit(database.db, theirs);
      // The owner (not a superuser) sees both districts; the district-bound executor its own.
      expect(new Set((await database.db.select({ d: orgUnits.districtId }).from(orgUnits)).map((r) => r.d))).toEqual(
        new Set([mine, theirs]),
      );
      expect((await database.forDistrict(mine).select({ d: orgUnits.districtId }).from(orgUnits)).map((r) => r.d)).toEqual([mine]);
      expect(await database.forDistrict(randomUUID()).select().from(orgUnits)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
