/**
 * The embedded database answers Drizzle exactly as Drizzle's own driver setup does, though its
 * statements go without per-statement parsers (server/db/pglite.ts): same raw rows, same mapped
 * rows, in and out of transactions; parsers for other types still apply.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { date, integer, interval, jsonb, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from './pglite.ts';

const samples = pgTable('samples', {
  id: integer().primaryKey(),
  at: timestamp({ withTimezone: true }).notNull(),
  atText: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
  local: timestamp().notNull(),
  day: date().notNull(),
  dayAsDate: date({ mode: 'date' }).notNull(),
  span: interval().notNull(),
  amounts: numeric().array().notNull(),
  days: date().array().notNull(),
  stamps: timestamp({ withTimezone: true }).array().notNull(),
  note: text(),
  data: jsonb(),
});

const create = `create table samples (
  id integer primary key, at timestamptz not null, at_text timestamptz not null, local timestamp not null,
  day date not null, day_as_date date not null, span interval not null, amounts numeric[] not null,
  days date[] not null, stamps timestamptz[] not null, note text, data jsonb)`;

const row = {
  id: 1,
  at: new Date('2026-11-24T08:15:30.123Z'),
  atText: '2026-11-24 08:15:30.123+00',
  local: new Date('2026-11-24T08:15:30.000Z'),
  day: '2026-11-24',
  dayAsDate: new Date('2026-02-28T00:00:00.000Z'),
  span: '1 day 02:00:00',
  amounts: ['1.50', '2.25'],
  days: ['2026-09-01', '2027-06-15'],
  stamps: [new Date('2026-09-01T12:00:00.000Z')],
  note: 'café',
  data: { level: 3, tags: ['a'] },
};

/** Every text type Drizzle reads as text, and a few it does not, in one raw statement. */
const rawProbe = sql`select timestamp '2026-01-02 03:04:05' as ts, timestamptz '2026-01-02 03:04:05+00' as tz,
  date '2026-11-24' as d, interval '1 day 2 hours' as i, array[1.5, 2]::numeric[] as n,
  array[timestamp '2026-01-01 00:00']::timestamp[] as tsa, array[timestamptz '2026-01-01 00:00+00']::timestamptz[] as tza,
  array[interval '1 day'] as ia, array[date '2026-01-01'] as da, 42 as int, 9007199254740993::int8 as big,
  1.25::numeric as num, true as b, '{"a": 1}'::jsonb as j, array[1, 2] as ints`;

async function open(client: PGlite) {
  const db = drizzle(client, { casing: 'snake_case' });
  await client.exec(create);
  await db.insert(samples).values(row);
  return db;
}

let plain: Awaited<ReturnType<typeof open>>;
let ours: Awaited<ReturnType<typeof open>>;
let ourClient: PGlite;

beforeAll(async () => {
  plain = await open(await PGlite.create('memory://'));
  ourClient = await openPglite('memory://', {});
  ours = await open(ourClient);
});

afterAll(async () => {
  await plain.$client.close();
  await ourClient.close();
});

describe('the embedded database as Drizzle reads it', () => {
  it('maps table rows exactly as Drizzle does on a plain PGlite', async () => {
    const expected = await plain.select().from(samples);
    expect(expected).toEqual([row]);
    expect(await ours.select().from(samples)).toEqual(expected);
  });

  it('returns raw rows of every type as Drizzle on a plain PGlite receives them', async () => {
    const expected = await plain.execute(rawProbe);
    const actual = await ours.execute(rawProbe);
    expect(actual.rows).toEqual(expected.rows);
    expect(actual.rows[0]).toMatchObject({ ts: '2026-01-02 03:04:05', d: '2026-11-24', tsa: '{"2026-01-01 00:00:00"}', int: 42 });
  });

  it('does the same inside a transaction, and a nested one', async () => {
    const read = (db: typeof plain) =>
      db.transaction(async (tx) => ({
        rows: await tx.select().from(samples),
        raw: (await tx.execute(rawProbe)).rows,
        nested: await tx.transaction(async (inner) => (await inner.execute(rawProbe)).rows),
      }));
    const expected = await read(plain);
    expect(await read(ours)).toEqual(expected);
  });

  it('still applies parsers a statement brings for other types', async () => {
    const result = await ourClient.query<{ n: unknown; at: unknown }>(
      `select 7::int4 as n, timestamptz '2026-01-02 03:04:05+00' as at`,
      [],
      {
        parsers: { 23: (value: string) => `int ${value}` },
      },
    );
    expect(result.rows[0]).toEqual({ n: 'int 7', at: '2026-01-02 03:04:05+00' });
  });
});
