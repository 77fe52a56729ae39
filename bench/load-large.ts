/**
 * The 25,000-staff district of `npm run bench:load -- --district large` (issue 11): the tracker
 * bench's synthetic district (tracker-seed.ts), seeded once and kept between runs. A PostgreSQL
 * database `trellis_bench_large_<key>` or a PGlite data directory `<tmp>/trellis-load-large-<key>`,
 * where the key covers the migrations, the seed and the size: a change to any of them seeds afresh.
 * Seeding writes under a temporary name and renames when done, so an interrupted seed is never reused.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../server/db/client.ts';
import type { Db } from '../server/db/client.ts';
import { refreshAllSchoolSummaries } from '../server/services/tracker/summary.ts';
import { seedTrackerDistrict } from './tracker-seed.ts';

export interface LargeDistrict {
  districtId: string;
  bigSchoolId: string;
  principalEmail: string;
  hrEmail: string;
  teachers: number;
  rows: Record<string, number>;
}

const root = path.join(import.meta.dirname, '..');

/** What the cached database depends on: every migration, the seed code, the size. */
function cacheKey(staff: number): string {
  const hash = createHash('sha256');
  const migrations = path.join(root, 'server', 'db', 'migrations');
  for (const file of readdirSync(migrations)
    .filter((f) => f.endsWith('.sql'))
    .sort())
    hash.update(file).update(readFileSync(path.join(migrations, file)));
  hash.update(readFileSync(path.join(import.meta.dirname, 'tracker-seed.ts')));
  hash.update(readFileSync(path.join(root, 'server', 'test', 'fixtures', 'tracker.ts')));
  return `${hash.update(String(staff)).digest('hex').slice(0, 10)}`;
}

async function adminQuery<T extends pg.QueryResultRow>(serverUrl: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const dbUrl = (serverUrl: string, name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

async function seed(db: Db, staff: number, log: (m: string) => void): Promise<LargeDistrict> {
  const seeded = await seedTrackerDistrict(
    db,
    { staff, schools: Math.max(2, Math.round(staff / 125)), competencies: 10, scores: true },
    log,
  );
  log(`district view: computing ${seeded.schoolIds.length} school summaries`);
  await refreshAllSchoolSummaries(db, seeded.districtId);
  const { districtId, bigSchoolId, principalEmail, hrEmail, teachers, rows } = seeded;
  return { districtId, bigSchoolId, principalEmail, hrEmail, teachers, rows };
}

/**
 * The large district's database for the server (`env`), seeding it first when no finished copy
 * with this key exists (a few minutes for 25,000 staff; then seconds). Nothing is dropped after
 * the run: `--fresh` seeds again.
 */
export async function largeDistrict(
  kind: 'pglite' | 'postgres',
  opts: { staff: number; serverUrl: string; fresh: boolean },
  log: (m: string) => void,
): Promise<{ env: Record<string, string>; district: LargeDistrict }> {
  const key = cacheKey(opts.staff);
  const infoFile = path.join(os.tmpdir(), `trellis-load-large-${kind}-${key}.json`);
  if (kind === 'pglite') {
    const dir = path.join(os.tmpdir(), `trellis-load-large-${key}`);
    if (opts.fresh) rmSync(dir, { recursive: true, force: true });
    if (!existsSync(dir) || !existsSync(infoFile)) {
      const building = `${dir}.seeding`;
      rmSync(building, { recursive: true, force: true });
      log(`seeding ${opts.staff.toLocaleString('en-US')} staff into ${dir} (once; reused while migrations and seed are unchanged)`);
      const database = await openDatabase({ dataDir: building });
      const district = await seed(database.db, opts.staff, log);
      await database.close();
      rmSync(dir, { recursive: true, force: true });
      renameSync(building, dir);
      writeFileSync(infoFile, JSON.stringify(district));
    }
    return { env: { DATA_DIR: dir }, district: JSON.parse(readFileSync(infoFile, 'utf8')) as LargeDistrict };
  }
  const name = `trellis_bench_large_${key}`;
  if (opts.fresh) await adminQuery(opts.serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const exists = (await adminQuery(opts.serverUrl, 'select 1 from pg_database where datname = $1', [name])).length > 0;
  if (!exists || !existsSync(infoFile)) {
    const building = `${name}_seeding`;
    await adminQuery(opts.serverUrl, `DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await adminQuery(opts.serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(opts.serverUrl, `CREATE DATABASE ${building}`);
    log(`seeding ${opts.staff.toLocaleString('en-US')} staff into database ${name} (once; reused while migrations and seed are unchanged)`);
    const database = await openDatabase({ url: dbUrl(opts.serverUrl, building) });
    const district = await seed(database.db, opts.staff, log);
    await database.close();
    await adminQuery(opts.serverUrl, `ALTER DATABASE ${building} RENAME TO ${name}`);
    writeFileSync(infoFile, JSON.stringify(district));
  }
  return { env: { DATABASE_URL: dbUrl(opts.serverUrl, name) }, district: JSON.parse(readFileSync(infoFile, 'utf8')) as LargeDistrict };
}
