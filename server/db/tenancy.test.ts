/**
 * Row-level security (migration 0003_row_level_security.sql, db/tenancy.ts, db/pglite.ts): a
 * query that forgets its district filter reads nothing of another district, and nothing at all
 * when no district is set; writes into another district are refused; the owner's executor still
 * sees everything. On both databases (TEST_DATABASE_URL for PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/database.ts';
import { buildDistrict, buildOrgUnit, buildPerson, buildUser } from '../test/factories.ts';
import type { Database, Executor } from './client.ts';
import { districts, orgUnits, passwordResets, people, users } from './schema/index.ts';
import { seedDemoDistrict } from '../seed/seed.ts';

let database: Database;
let mine: string;
let theirs: string;

const rows = async <T>(db: Executor, query: ReturnType<typeof sql>) => (await db.execute(query)) as unknown as { rows: T[] };

interface TableInfo {
  name: string;
  has_district: boolean;
  rls: boolean;
  policies: string[];
  app_can: boolean;
  app_owns: boolean;
}

/** Every table of the schema, whether it carries district_id, its RLS state and policies. */
async function catalog(): Promise<TableInfo[]> {
  const { rows: list } = await rows<TableInfo>(
    database.db,
    sql`
    select c.relname as name,
      exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'district_id' and not a.attisdropped) as has_district,
      c.relrowsecurity as rls,
      coalesce((select array_agg(pg_get_expr(p.polqual, p.polrelid) || ' / ' || pg_get_expr(p.polwithcheck, p.polrelid)) from pg_policy p where p.polrelid = c.oid), '{}') as policies,
      has_table_privilege('trellis_app', c.oid, 'SELECT, INSERT, UPDATE, DELETE') as app_can,
      pg_get_userbyid(c.relowner) = 'trellis_app' as app_owns
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname`,
  );
  return list;
}

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoDistrict(database.db);
  const [demo] = await database.db.select({ id: districts.id }).from(districts).where(eq(districts.slug, 'sunshine'));
  theirs = demo!.id;
  mine = (await buildDistrict(database.db, 'Mine')).id;
  await buildUser(database.db, mine, 'district_admin');
  await buildUser(database.db, mine, 'staff');
}, 180_000);
afterAll(() => database?.close());

describe('the catalog', () => {
  it('has row-level security and the district policy on every table that carries district_id', async () => {
    const tables = await catalog();
    const tenant = tables.filter((t) => t.has_district);
    expect(tenant.length).toBeGreaterThan(40);
    const unprotected = tenant.filter(
      (t) => !t.rls || !t.app_can || t.policies.length !== 1 || !t.policies[0]!.includes('trellis_district()'),
    );
    expect(unprotected.map((t) => t.name)).toEqual([]);
    for (const t of tenant) expect(t.policies[0], t.name).toMatch(/^\(district_id = \( SELECT trellis_district\(\)/);
  });

  it('gives the request role only tables behind a policy, and nothing it owns', async () => {
    const tables = await catalog();
    expect(tables.filter((t) => t.app_can && (!t.rls || t.policies.length === 0)).map((t) => t.name)).toEqual([]);
    expect(tables.filter((t) => t.app_owns).map((t) => t.name)).toEqual([]);
    // Tables without district_id: the district's own row, and rows keyed by the district's users.
    const others = tables.filter((t) => !t.has_district && t.app_can);
    expect(others.map((t) => t.name)).toEqual(expect.arrayContaining(['districts', 'password_resets']));
    for (const t of others.filter((x) => x.name !== 'districts')) {
      const through = '(user_id IN ( SELECT u.id FROM users u))';
      expect(
        t.policies.map((p) => p.replace(/\s+/g, ' ')),
        t.name,
      ).toEqual([`${through} / ${through}`]);
    }
    expect(tables.find((t) => t.name === 'districts')!.policies[0]).toMatch(/^\(id = \( SELECT trellis_district\(\)/);
    expect(tables.find((t) => t.name === 'sign_in_throttles')!.app_can).toBe(false);
    const {
      rows: [role],
    } = await rows<{ rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean }>(
      database.db,
      sql`
      select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = 'trellis_app'`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
    const {
      rows: [fn],
    } = await rows<{ can: boolean }>(
      database.db,
      sql`
      select has_function_privilege('trellis_app', 'trellis_tenant_table(regclass)', 'EXECUTE')
        or has_function_privilege('trellis_app', 'trellis_user_table(regclass)', 'EXECUTE') as can`,
    );
    expect(fn!.can).toBe(false);
  });
});

describe('a district-bound executor', () => {
  it('reads only its district from every tenant table, with no WHERE at all', async () => {
    const tenant = (await catalog()).filter((t) => t.has_district).map((t) => t.name);
    const seen: Record<string, number> = {};
    for (const table of tenant) {
      const count = async (db: Executor, where = sql``) =>
        Number((await rows<{ n: string }>(db, sql`select count(*) as n from ${sql.identifier(table)} ${where}`)).rows[0]!.n);
      const other = (id: string) => sql`where district_id is distinct from ${id}`;
      expect(await count(database.forDistrict(mine), other(mine)), table).toBe(0);
      expect(await count(database.forDistrict(theirs), other(theirs)), table).toBe(0);
      // ...and every row of its own district (the owner counts them with the filter).
      seen[table] = await count(database.db, sql`where district_id = ${theirs}`);
      expect(await count(database.forDistrict(theirs)), table).toBe(seen[table]);
    }
    // The demo district fills most tables, so the check above was not vacuous.
    expect(Object.values(seen).filter((n) => n > 0).length).toBeGreaterThan(30);
  });

  it('reads its own district row only, and only its users set-password links', async () => {
    const list = await database.forDistrict(mine).select({ id: districts.id }).from(districts);
    expect(list).toEqual([{ id: mine }]);
    for (const d of [mine, theirs]) {
      const user = await buildUser(database.db, d, 'staff');
      await database.db
        .insert(passwordResets)
        .values({ userId: user.id, tokenHash: `hash-${randomUUID()}`, expiresAt: new Date(Date.now() + 3600_000) });
    }
    const all = await database.db.select({ userId: passwordResets.userId }).from(passwordResets);
    const own = await database.forDistrict(mine).select({ userId: passwordResets.userId }).from(passwordResets);
    const owners = await database.db.select({ id: users.id, districtId: users.districtId }).from(users);
    const districtOf = new Map(owners.map((u) => [u.id, u.districtId]));
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(all.length);
    expect(own.every((r) => districtOf.get(r.userId) === mine)).toBe(true);
    // ...and writes one only for the district's users.
    const [stranger] = await database.db.select({ id: users.id }).from(users).where(eq(users.districtId, theirs)).limit(1);
    await expect(
      database
        .forDistrict(mine)
        .insert(passwordResets)
        .values({ userId: stranger!.id, tokenHash: `hash-${randomUUID()}`, expiresAt: new Date() }),
    ).rejects.toThrow();
  });

  it('reads nothing when no district is set', async () => {
    const tenant = (await catalog()).filter((t) => t.has_district || t.app_can).map((t) => t.name);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local role trellis_app`);
      await tx.execute(sql`select set_config('app.district_id', '', true)`);
      for (const table of tenant) {
        const {
          rows: [row],
        } = await rows<{ n: string }>(tx, sql`select count(*) as n from ${sql.identifier(table)}`);
        expect(Number(row!.n), table).toBe(0);
      }
    });
  });

  it('refuses to write a row into another district, or to move one there', async () => {
    const bound = database.forDistrict(mine);
    await expect(bound.insert(orgUnits).values({ districtId: theirs, name: 'Smuggled', type: 'school' })).rejects.toThrow();
    const unit = await buildOrgUnit(database.db, mine);
    await expect(bound.update(orgUnits).set({ districtId: theirs }).where(eq(orgUnits.id, unit.id))).rejects.toThrow();
    const foreign = await buildPerson(database.db, theirs);
    const changed = await bound.update(people).set({ givenName: 'Changed' }).where(eq(people.id, foreign.id)).returning({ id: people.id });
    expect(changed).toEqual([]);
    const deleted = await bound.delete(orgUnits).where(eq(orgUnits.id, foreign.orgUnitId)).returning({ id: orgUnits.id });
    expect(deleted).toEqual([]);
    const [still] = await database.db.select({ givenName: people.givenName }).from(people).where(eq(people.id, foreign.id));
    expect(still!.givenName).toBe(foreign.givenName);
  });

  it('leaves the owner executor seeing every district', async () => {
    const all = await database.db.selectDistinct({ districtId: people.districtId }).from(people);
    expect(all.map((r) => r.districtId)).toEqual(expect.arrayContaining([mine, theirs]));
    // ...also right after district-bound statements on the same connection (PGlite has one).
    await database.forDistrict(mine).select().from(people).limit(1);
    const again = await database.db.selectDistinct({ districtId: people.districtId }).from(people);
    expect(again.length).toBeGreaterThanOrEqual(2);
  });
});

describe('two districts interleaved', () => {
  it('keeps every statement and transaction in its own district while they overlap', async () => {
    const districtsOf = (list: { districtId: string }[]) => [...new Set(list.map((r) => r.districtId))];
    const work = (districtId: string, i: number) => async () => {
      const db = database.forDistrict(districtId);
      if (i % 3 === 0) {
        // A transaction that writes, yields to the event loop, then reads back.
        return db.transaction(async (tx) => {
          await tx.insert(orgUnits).values({ districtId, name: `Interleaved ${i}`, type: 'school' });
          await new Promise((resolve) => setImmediate(resolve));
          return districtsOf(await tx.select({ districtId: orgUnits.districtId }).from(orgUnits));
        });
      }
      if (i % 3 === 1) return districtsOf(await db.select({ districtId: people.districtId }).from(people));
      // A failed transaction in between must not leave its district behind.
      await db
        .transaction(async (tx) => {
          await tx.select().from(people).limit(1);
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      return districtsOf(await db.select({ districtId: orgUnits.districtId }).from(orgUnits));
    };
    const owner = async () => (await database.db.selectDistinct({ districtId: people.districtId }).from(people)).length;
    const jobs: Promise<unknown>[] = [];
    const expected: unknown[] = [];
    for (let i = 0; i < 30; i++) {
      for (const d of [mine, theirs]) {
        jobs.push(work(d, i)());
        expected.push([d]);
      }
      jobs.push(owner().then((n) => n >= 2));
      expected.push(true);
    }
    expect(await Promise.all(jobs)).toEqual(expected);
    const made = await database.db
      .select({ districtId: orgUnits.districtId })
      .from(orgUnits)
      .where(sql`${orgUnits.name} like 'Interleaved %'`);
    expect(made.filter((r) => r.districtId === mine)).toHaveLength(10);
    expect(made.filter((r) => r.districtId === theirs)).toHaveLength(10);
  });
});
