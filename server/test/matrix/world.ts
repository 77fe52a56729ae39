/**
 * Two richly populated districts for the endpoint x role x district matrix: B (the demo district)
 * whose ids every request carries, and A (the same demo seed under another name and domain) whose
 * people make the requests. Reads every row of every table that has district_id, so the matrix can
 * pick ids of the right kind, recognise B's ids in any response, fingerprint B's rows and find A
 * rows that point at B.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableName, is, sql, Table } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import * as schema from '../../db/schema/index.ts';
import { LocalFileStorage } from '../../services/files/storage-local.ts';
import { seedDemoDistrict } from '../../seed/seed.ts';
import { TEST_MFA_KEY } from '../totp.ts';

export const DISTRICT_A = { name: 'Lakeview Unified Schools', slug: 'lakeview-matrix', domain: 'lakeview-matrix.example' };
export const DISTRICT_B = { name: 'Sunshine Public Schools', slug: 'sunshine', domain: 'sunshine.example' };

type Row = Record<string, unknown>;

/** The tables that carry district_id, by SQL name, with the tables their columns reference. */
export function tenantTables(): { name: string; table: PgTable; references: Map<string, string> }[] {
  return (Object.values(schema) as unknown[])
    .filter((t): t is PgTable => is(t, Table))
    .map((table) => {
      const config = getTableConfig(table);
      const references = new Map<string, string>();
      for (const fk of config.foreignKeys) {
        const ref = fk.reference();
        if (ref.columns.length === 1) references.set(ref.columns[0]!.name, getTableName(ref.foreignTable));
      }
      return {
        name: config.name,
        table,
        references,
        hasDistrict: config.columns.some((c) => c.name === 'district_id' || c.name === 'districtId'),
      };
    })
    .filter((t) => t.hasDistrict);
}

export interface MatrixWorld {
  a: { id: string; rows: Map<string, Row[]> };
  b: { id: string; rows: Map<string, Row[]> };
  /** Every id of district B (any table), to find in responses and in A's rows. */
  bIds: Set<string>;
}

async function rowsOf(db: Db, table: string, districtId: string): Promise<Row[]> {
  const res = (await db.execute(
    sql`select to_jsonb(t) as r from ${sql.identifier(table)} t where t.district_id = ${districtId}`,
  )) as unknown as { rows: { r: Row }[] };
  return res.rows.map((x) => x.r);
}

/** Every tenant table's rows of a district, by table name. */
export async function readDistrict(db: Db, districtId: string): Promise<Map<string, Row[]>> {
  const out = new Map<string, Row[]>();
  for (const t of tenantTables()) out.set(t.name, await rowsOf(db, t.name, districtId));
  return out;
}

/** A hash of each tenant table's rows of the district (what "never a write" compares). */
export async function fingerprint(db: Db, districtId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, rows] of await readDistrict(db, districtId)) {
    out[name] =
      createHash('sha256')
        .update(
          rows
            .map((r) => JSON.stringify(r))
            .sort()
            .join('\n'),
        )
        .digest('hex')
        .slice(0, 16) + `:${rows.length}`;
  }
  return out;
}

/** Seeds both districts and reads them. */
export async function buildMatrixWorld(db: Db): Promise<MatrixWorld> {
  // admin@ and hr@ have the demo authenticator (DEMO_TOTP_SECRET), sealed with the test app's key.
  const mfaKey = Buffer.from(TEST_MFA_KEY, 'base64');
  // Attachments too (their bytes in a folder of the world's own: the matrix reads rows, not bytes).
  const files = new LocalFileStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-matrix-files-')));
  await seedDemoDistrict(db, DISTRICT_B, { mfaKey, files });
  await seedDemoDistrict(db, DISTRICT_A, { mfaKey, files });
  const idOf = async (slug: string) =>
    ((await db.execute(sql`select id from districts where slug = ${slug}`)) as unknown as { rows: { id: string }[] }).rows[0]!.id;
  const aId = await idOf(DISTRICT_A.slug);
  const bId = await idOf(DISTRICT_B.slug);
  const a = { id: aId, rows: await readDistrict(db, aId) };
  const b = { id: bId, rows: await readDistrict(db, bId) };
  const bIds = new Set<string>([bId]);
  for (const rows of b.rows.values()) for (const r of rows) if (typeof r.id === 'string') bIds.add(r.id);
  return { a, b, bIds };
}
