/**
 * The rubric grid of a role (`GET /api/rubrics/:id`, what the grid editor and the PDF/DOCX read)
 * against its raw SQL: the two statements `loadGrid` sends (server/services/rubrics/grid.ts),
 * taken from the same query builders with `.toSQL()` and run through the same driver. The
 * version holds 2,000 items and 10 role rubrics of 15 competencies x 4 levels with real-length
 * descriptors. Runs inside `npm run bench`, or alone: `npx tsx bench/rubric-grid.ts [--quick]`.
 */
import { eq, sql } from 'drizzle-orm';
import { rubricDescriptors } from '../server/db/schema/index.ts';
import { gridHeaderQuery, gridRowsQuery } from '../server/services/rubrics/grid.ts';
import { buildFrameworkVersion } from '../server/test/fixtures/rubrics.ts';
import { buildDistrict, buildUser } from '../server/test/factories.ts';
import { openBenchDatabase, type Query } from './db.ts';
import { signIn, startApp, type Client } from './http.ts';
import { parseOptions, type BenchOptions } from './options.ts';
import { measurePairs, type LatencyPair } from './people.ts';
import { millis, percentiles, ratio } from './stats.ts';

const RUBRICS = 10;
const CRITERIA = 15;
const TARGET_P95_MS = 50;

export interface RubricGridResults {
  items: number;
  rubrics: number;
  criteria: number;
  levels: number;
  pair: LatencyPair;
  statements: { api: number; raw: number };
}

/** Sends a POST and returns its JSON, or throws with the answer. */
async function post(client: Client, url: string, body: unknown) {
  const res = await client.request('POST', url, body, { 'content-type': 'application/json' });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json() as { id: string; rubric?: { id: string } };
}

async function apiGrid(client: Client, id: string) {
  const res = await client.get(`/api/rubrics/${id}`);
  if (res.statusCode !== 200) throw new Error(`grid ${id}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.body;
}

/** The grid's two statements, as `loadGrid` builds them, run raw (together, as the service does). */
function rawGrid(query: Query, db: Parameters<typeof gridHeaderQuery>[0], districtId: string, personId: string) {
  return async (id: string) => {
    const header = gridHeaderQuery(db, districtId, personId, id).toSQL();
    const rows = gridRowsQuery(db, districtId, id).toSQL();
    const [h] = await Promise.all([query(header.sql, header.params), query(rows.sql, rows.params)]);
    if (h.length !== 1) throw new Error(`raw grid ${id}: no rubric`);
  };
}

/** Builds the version, the ladder and its rubrics through the API, then times the grid. */
export async function benchRubricGrid(opts: BenchOptions, log: (m: string) => void): Promise<RubricGridResults> {
  const bench = await openBenchDatabase(opts.db, opts.serverUrl);
  try {
    const db = bench.database.db;
    const districtId = (await buildDistrict(db, 'Bench Rubrics')).id;
    const hr = await buildUser(db, districtId, 'hr');
    // 40 domains x 49 competencies + the domains = 2,000 items.
    const version = await buildFrameworkVersion(db, districtId, { title: 'Bench framework', domains: 40, perDomain: 49 });
    const app = await startApp(bench.database);
    try {
      const client = await signIn(app, hr.email);
      const pathway = await post(client, '/api/pathways', { name: 'Instructional', category: 'instructional' });
      const rubricIds: string[] = [];
      for (let r = 0; r < RUBRICS; r++) {
        const step = await post(client, `/api/pathways/${pathway.id}/steps`, {
          title: `Step ${r + 1}`,
          payBandMinUsd: 40000 + r * 5000,
          payBandMaxUsd: 50000 + r * 5000,
        });
        const itemIds = version.competencies.slice(r * 7, r * 7 + CRITERIA).map((c) => c.id);
        const grid = await post(client, `/api/framework-versions/${version.versionId}/rubrics`, { stepId: step.id, itemIds });
        rubricIds.push(grid.rubric!.id);
      }
      // Real-length descriptors (~300 characters each), written once.
      await db
        .update(rubricDescriptors)
        .set({ description: sql`repeat('Plans units backward from the standard and adjusts daily from evidence of learning. ', 4)` })
        .where(eq(rubricDescriptors.districtId, districtId));
      const [counts] = await bench.raw.query(
        `select (select count(*) from framework_items where version_id = $1)::int as items,
                (select count(*) from rubric_criteria where rubric_id = $2)::int as criteria`,
        [version.versionId, rubricIds[0]],
      );
      log(`rubric grid: ${counts!.items} items, ${RUBRICS} rubrics of ${counts!.criteria} competencies`);
      const raw = rawGrid(bench.raw.query, db, districtId, hr.personId);
      const pair = await measurePairs(rubricIds, opts.samples, opts.warmup, (id) => apiGrid(client, id), raw);
      const before = bench.raw.statements();
      await apiGrid(client, rubricIds[0]!);
      const apiStatements = bench.raw.statements() - before;
      const beforeRaw = bench.raw.statements();
      await raw(rubricIds[0]!);
      return {
        items: Number(counts!.items),
        rubrics: RUBRICS,
        criteria: Number(counts!.criteria),
        levels: 4,
        pair,
        statements: { api: apiStatements, raw: bench.raw.statements() - beforeRaw },
      };
    } finally {
      await app.close();
    }
  } finally {
    await bench.close();
  }
}

/** The report lines (stdout). */
export function printRubricGrid(r: RubricGridResults): void {
  const a = percentiles(r.pair.api);
  const w = percentiles(r.pair.raw);
  console.log('');
  console.log(
    `Rubric grid (GET /api/rubrics/:id): ${r.criteria} competencies x ${r.levels} levels, version of ${r.items} items, ${r.rubrics} role rubrics`,
  );
  console.log(
    `  API      p50 ${millis(a.p50).padStart(8)}  p95 ${millis(a.p95).padStart(8)}   target p95 < ${TARGET_P95_MS} ms: ${a.p95 < TARGET_P95_MS ? 'PASS' : 'FAIL'}   (n=${a.n})`,
  );
  console.log(
    `  raw SQL  p50 ${millis(w.p50).padStart(8)}  p95 ${millis(w.p95).padStart(8)}   (the 2 statements of loadGrid, same driver)`,
  );
  console.log(`  ratio    p50 ${ratio(a.p50, w.p50)}  p95 ${ratio(a.p95, w.p95)}`);
  console.log(
    `  statements per request: API ${r.statements.api} (session lookups counted; GETs reuse a session read in the last seconds), raw ${r.statements.raw}`,
  );
}

// Alone: `npx tsx bench/rubric-grid.ts [--quick] [--db postgres] [--samples N]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = parseOptions(process.argv.slice(2));
  benchRubricGrid(opts, (m) => process.stderr.write(`[bench] ${m}\n`))
    .then(printRubricGrid)
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
