/**
 * CASE import and export of a generated CFPackage (2,000 items, 10 role rubrics by default),
 * each against the raw work it contains, measured in the same run and alternating with it:
 * - import: `importCase` (parse + lenient normalisation + tree + one transaction of bulk inserts
 *   and its audit row), against JSON.parse + the same rows by plain multi-row INSERTs (batches of
 *   500, same driver, one transaction, no checks, no audit);
 * - export: `loadVersionContent` + `buildPackage` + JSON.stringify (what GET .../export/case does),
 *   against SELECT * of the same five tables + JSON.stringify of the rows.
 * Each import runs on a fresh database. Run alone with `npx tsx bench/case.ts [--reps N]`.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { frameworkVersions } from '../server/db/schema/index.ts';
import type { Ctx } from '../server/lib/context.ts';
import { RequestMail } from '../server/services/mail/outlet.ts';
import { buildPackage, loadVersionContent } from '../server/services/case/export.ts';
import { importCase } from '../server/services/case/import.ts';
import { samplePackage } from '../server/test/fixtures/case-package.ts';
import { buildDistrict, buildUser } from '../server/test/factories.ts';
import { openBenchDatabase, type DbKind, type Query } from './db.ts';
import { count, median, millis, ratio, seconds, spread } from './stats.ts';

export interface CaseBenchOptions {
  db: DbKind;
  serverUrl?: string;
  reps: number;
  items: number;
  rubrics: number;
  criteriaPerRubric: number;
}

export interface CaseBenchResults {
  bytes: number;
  items: number;
  rows: number;
  imports: number[];
  parses: number[];
  raws: number[];
  exports: number[];
  rawExports: number[];
}

const log = (message: string) => process.stderr.write(`[bench case] ${message}\n`);
const silent = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  trace() {},
  fatal() {},
  child: () => silent,
  level: 'silent',
} as unknown as Ctx['log'];

async function freshDistrict(opts: CaseBenchOptions) {
  const bench = await openBenchDatabase(opts.db, opts.serverUrl);
  const district = await buildDistrict(bench.database.db, 'Bench CASE');
  const user = await buildUser(bench.database.db, district.id, 'hr');
  const ctx: Ctx = {
    db: bench.database.db,
    actor: {
      userId: user.id,
      personId: user.personId,
      districtId: district.id,
      adminGrant: 'hr',
      access: 'hr',
      leaderOrgUnitIds: [],
      coachOrgUnitIds: [],
      caseloadPersonIds: [],
    },
    requestId: randomUUID(),
    log: silent,
    // No service this bench measures sends a job.
    jobs: { send: () => Promise.resolve(null) },
    // Never finished: nothing the benchmark records is e-mailed.
    mail: new RequestMail('http://localhost:3000'),
  };
  return { bench, ctx, districtId: district.id };
}

type Row = Record<string, unknown>;

/** Multi-row INSERTs of `rows` (same keys each), 500 per statement. */
async function insertRows(query: Query, table: string, rows: Row[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const params: unknown[] = [];
    const values = batch.map((row) => `(${columns.map((c) => `$${params.push(row[c] ?? null)}`).join(', ')})`).join(', ');
    await query(`insert into ${table} (${columns.join(', ')}) values ${values}`, params);
  }
}

type Link = { identifier: string };
type Pkg = {
  CFDocument: { identifier: string; title: string; creator: string };
  CFItems: { identifier: string; fullStatement: string; humanCodingScheme?: string; CFItemType?: string }[];
  CFAssociations: {
    identifier: string;
    associationType: string;
    originNodeURI: Link & Row;
    destinationNodeURI: Link & Row;
    sequenceNumber?: number;
  }[];
  CFRubrics: {
    identifier: string;
    title: string;
    CFRubricCriteria: {
      identifier: string;
      CFItemURI?: Link;
      position?: number;
      CFRubricCriterionLevels: { identifier: string; quality?: string; score?: number; description?: string; position?: number }[];
    }[];
  }[];
};

/** The raw work of an import: JSON.parse, then the same rows by plain INSERTs (parents from isChildOf). */
async function rawImport(text: string, opts: CaseBenchOptions) {
  const { bench, districtId } = await freshDistrict(opts);
  try {
    const start = performance.now();
    const pkg = JSON.parse(text) as Pkg;
    const frameworkId = randomUUID();
    const versionId = randomUUID();
    const itemIds = new Map(pkg.CFItems.map((i) => [i.identifier, randomUUID()]));
    const parent = new Map<string, { id: string | null; position: number }>();
    const others: Row[] = [];
    for (const a of pkg.CFAssociations) {
      const origin = itemIds.get(a.originNodeURI.identifier);
      if (a.associationType === 'isChildOf' && origin && !parent.has(a.originNodeURI.identifier)) {
        parent.set(a.originNodeURI.identifier, {
          id: itemIds.get(a.destinationNodeURI.identifier) ?? null,
          position: (a.sequenceNumber ?? 1) - 1,
        });
      } else {
        others.push({
          id: randomUUID(),
          district_id: districtId,
          version_id: versionId,
          case_identifier: a.identifier,
          association_type: a.associationType,
          origin_item_id: origin ?? null,
          destination_item_id: itemIds.get(a.destinationNodeURI.identifier) ?? null,
          origin_node: JSON.stringify(a.originNodeURI),
          destination_node: JSON.stringify(a.destinationNodeURI),
        });
      }
    }
    await bench.raw.transaction(async (query) => {
      await query('insert into frameworks (id, district_id, title) values ($1, $2, $3)', [frameworkId, districtId, pkg.CFDocument.title]);
      await query(
        'insert into framework_versions (id, district_id, framework_id, version_number, status, case_identifier, title, creator) values ($1, $2, $3, 1, $4, $5, $6, $7)',
        [versionId, districtId, frameworkId, 'published', pkg.CFDocument.identifier, pkg.CFDocument.title, pkg.CFDocument.creator],
      );
      await insertRows(
        query,
        'framework_items',
        pkg.CFItems.map((i) => ({
          id: itemIds.get(i.identifier),
          district_id: districtId,
          version_id: versionId,
          case_identifier: i.identifier,
          parent_id: parent.get(i.identifier)?.id ?? null,
          position: parent.get(i.identifier)?.position ?? 0,
          item_type: i.CFItemType ?? null,
          human_code: i.humanCodingScheme ?? null,
          full_statement: i.fullStatement,
        })),
      );
      await insertRows(query, 'framework_associations', others);
      const rubrics: Row[] = [];
      const criteria: Row[] = [];
      const levels: Row[] = [];
      for (const r of pkg.CFRubrics) {
        const rubricId = randomUUID();
        rubrics.push({ id: rubricId, district_id: districtId, version_id: versionId, case_identifier: r.identifier, title: r.title });
        for (const c of r.CFRubricCriteria) {
          const criterionId = randomUUID();
          criteria.push({
            id: criterionId,
            district_id: districtId,
            rubric_id: rubricId,
            item_id: c.CFItemURI ? (itemIds.get(c.CFItemURI.identifier) ?? null) : null,
            case_identifier: c.identifier,
            position: c.position ?? 0,
          });
          for (const l of c.CFRubricCriterionLevels) {
            levels.push({
              id: randomUUID(),
              district_id: districtId,
              criterion_id: criterionId,
              case_identifier: l.identifier,
              position: l.position ?? 0,
              quality: l.quality ?? null,
              level_score: l.score ?? null,
              description: l.description ?? '',
            });
          }
        }
      }
      await insertRows(query, 'rubrics', rubrics);
      await insertRows(query, 'rubric_criteria', criteria);
      await insertRows(query, 'rubric_descriptors', levels);
    });
    return performance.now() - start;
  } finally {
    await bench.close();
  }
}

/** The service import, then the export (and its raw baseline, alternating) on that database. */
async function serviceRun(text: string, opts: CaseBenchOptions, results: CaseBenchResults, exportSamples: number) {
  const { bench, ctx } = await freshDistrict(opts);
  try {
    const data = Buffer.from(text);
    const start = performance.now();
    const report = await importCase(ctx, {
      data,
      fileName: 'bench.json',
      baseUrl: 'https://trellis.example.org',
      dryRun: false,
      publish: true,
    });
    results.imports.push(performance.now() - start);
    if (!report.applied || report.counts.items !== opts.items) throw new Error(`import did not apply: ${JSON.stringify(report.counts)}`);
    const parseStart = performance.now();
    await importCase(ctx, { data, fileName: 'bench.json', baseUrl: 'https://trellis.example.org', dryRun: true, publish: true });
    results.parses.push(performance.now() - parseStart);

    const [version] = await ctx.db.select().from(frameworkVersions).where(eq(frameworkVersions.id, report.versionId!));
    const rawExport = async () => {
      const t0 = performance.now();
      const q = bench.raw.query;
      const items = await q('select * from framework_items where version_id = $1', [version!.id]);
      const associations = await q('select * from framework_associations where version_id = $1', [version!.id]);
      const rubrics = await q('select * from rubrics where version_id = $1', [version!.id]);
      const criteria = await q('select * from rubric_criteria where rubric_id = any($1::uuid[])', [rubrics.map((r) => r.id)]);
      const levels = await q('select * from rubric_descriptors where criterion_id = any($1::uuid[])', [criteria.map((c) => c.id)]);
      JSON.stringify({ version, items, associations, rubrics, criteria, levels });
      return performance.now() - t0;
    };
    const serviceExport = async () => {
      const t0 = performance.now();
      JSON.stringify(buildPackage(await loadVersionContent(ctx.db, version!), 'https://trellis.example.org'), null, 2);
      return performance.now() - t0;
    };
    await serviceExport();
    await rawExport();
    for (let i = 0; i < exportSamples; i++) {
      if (i % 2 === 0) {
        results.exports.push(await serviceExport());
        results.rawExports.push(await rawExport());
      } else {
        results.rawExports.push(await rawExport());
        results.exports.push(await serviceExport());
      }
    }
  } finally {
    await bench.close();
  }
}

export async function runCaseBench(opts: CaseBenchOptions): Promise<CaseBenchResults> {
  const pkg = samplePackage({ items: opts.items, rubrics: opts.rubrics, criteriaPerRubric: opts.criteriaPerRubric, seed: 'bench' });
  const text = JSON.stringify(pkg);
  const criteria = opts.rubrics * opts.criteriaPerRubric;
  const results: CaseBenchResults = {
    bytes: text.length,
    items: opts.items,
    rows: opts.items + pkg.CFAssociations.length + opts.rubrics + criteria * 5,
    imports: [],
    parses: [],
    raws: [],
    exports: [],
    rawExports: [],
  };
  log(
    `package: ${count(opts.items)} items, ${opts.rubrics} rubrics x ${opts.criteriaPerRubric} criteria x 4 levels, ${(text.length / 1e6).toFixed(1)} MB`,
  );
  for (let rep = 0; rep < opts.reps; rep++) {
    const service = async () => {
      await serviceRun(text, opts, results, 5);
      log(`import ${rep + 1}/${opts.reps}: ${seconds(results.imports.at(-1)!)}`);
    };
    const raw = async () => {
      results.raws.push(await rawImport(text, opts));
      log(`raw ${rep + 1}/${opts.reps}: ${seconds(results.raws.at(-1)!)}`);
    };
    if (rep % 2 === 0) await service().then(raw);
    else await raw().then(service);
  }
  return results;
}

/** The CASE lines of the report, as a small table on stdout. */
export function printCaseReport(r: CaseBenchResults) {
  const line = (label: string, ours: number[], base: number[], target: string) =>
    `| ${label} | ${millis(median(ours))} ${spread(ours)} | ${millis(median(base))} ${spread(base)} | ${ratio(median(ours), median(base))} | ${target} |`;
  console.log(
    `\n## CASE 1.1 import/export (${count(r.items)} items, ${count(r.rows)} rows, ${(r.bytes / 1e6).toFixed(1)} MB JSON; medians, spread in s)\n`,
  );
  console.log('| line | ours | raw baseline | ratio | target |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(line('CASE import (importCase, apply)', r.imports, r.raws, `< 2 s: ${median(r.imports) < 2000 ? 'met' : 'MISSED'}`));
  console.log(line('  of which dry run (parse + report)', r.parses, r.raws, '-'));
  console.log(
    line('CASE export (load + build + stringify)', r.exports, r.rawExports, `< 1 s: ${median(r.exports) < 1000 ? 'met' : 'MISSED'}`),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      reps: { type: 'string', default: '3' },
      items: { type: 'string', default: '2000' },
      db: { type: 'string', default: 'pglite' },
    },
  });
  runCaseBench({
    db: values.db as DbKind,
    serverUrl: process.env.BENCH_DATABASE_URL,
    reps: Number(values.reps),
    items: Number(values.items),
    rubrics: 10,
    criteriaPerRubric: 20,
  })
    .then(printCaseReport)
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
