import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { observationTypes } from '../../db/schema/index.ts';
import { buildDistrict } from '../../test/factories.ts';
import { openTestDatabase } from '../../test/database.ts';
import { DEFAULT_LOOK_FORS, ensureDefaultObservationTypes } from './observation-types.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
}, 60_000);
afterAll(async () => database?.close());

describe('ensureDefaultObservationTypes', () => {
  it('creates a scored type and a five look-for walkthrough once, inside a caller transaction too', async () => {
    const db = database.db;
    const districtId = (await buildDistrict(db)).id;
    await db.transaction(async (tx) => {
      await ensureDefaultObservationTypes(tx, districtId);
      await ensureDefaultObservationTypes(tx, districtId);
    });
    await ensureDefaultObservationTypes(db, districtId);
    const rows = await db.select().from(observationTypes).where(eq(observationTypes.districtId, districtId));
    expect(rows.map((r) => [r.kind, r.countsTowardRequirement, r.lookFors.length]).sort()).toEqual([
      ['scored', true, 0],
      ['walkthrough', false, 5],
    ]);
    expect(rows.find((r) => r.kind === 'walkthrough')!.lookFors).toEqual(DEFAULT_LOOK_FORS);
  });

  it('leaves a district that has types (even only inactive ones) alone', async () => {
    const db = database.db;
    const districtId = (await buildDistrict(db)).id;
    await db.insert(observationTypes).values({ districtId, name: 'Old', kind: 'scored', active: false });
    await ensureDefaultObservationTypes(db, districtId);
    const rows = await db.select().from(observationTypes).where(eq(observationTypes.districtId, districtId));
    expect(rows.map((r) => r.name)).toEqual(['Old']);
  });
});
