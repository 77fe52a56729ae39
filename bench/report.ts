/** The final table of `npm run bench`: medians, every run's spread, ratios to the baselines, targets. */
import type { HttpImportTiming } from './http.ts';
import type { ImportTiming } from './roster.ts';
import type { BenchOptions } from './options.ts';
import type { LatencyPair } from './people.ts';
import { rlsReport, type RlsLine } from './rls.ts';
import { count, median, megabytes, millis, percentiles, ratio, seconds, spread } from './stats.ts';

export interface BenchResults {
  opts: BenchOptions;
  startedAt: Date;
  set: { orgs: number; people: number; roles: number; students: number; rows: number; bytes: number };
  imports: ImportTiming[];
  reimports: ImportTiming[];
  raws: { ms: number; rows: number }[];
  http: HttpImportTiming[];
  httpReimports: HttpImportTiming[];
  search: { label: string; example: string; pair: LatencyPair; totals: number[]; mismatches: number }[];
  searchAll: LatencyPair;
  person: LatencyPair;
  /** The person page with its read-log insert (api) and without (raw). */
  personReadLog: LatencyPair;
  /** Search again (all kinds of terms mixed) after `VACUUM ANALYZE`: what routine maintenance would give. */
  searchVacuumed?: { vacuumMs: number; pair: LatencyPair };
  /** GET /api/imports/:id of an applied import, and the size of its stored `parsed` roster. */
  importStatus?: { pair: LatencyPair; parsedBytes: number; storedBytes: number };
  /** Person page and search with row-level security and through the owner's executor (bench/rls.ts). */
  rls?: RlsLine[];
  /** Statements sent to the database by one API request (session and actor lookups included). */
  statements: { search: number; person: number; rawSearch: number; rawPerson: number };
  rss: { label: string; bytes: number }[];
  peakRss?: number;
}

const TARGET_IMPORT_MS = 10_000;
const TARGET_SEARCH_P95_MS = 50;
const TARGET_API_RAW = 2;

const row = (label: string, ...cells: string[]) => `${label.padEnd(26)}${cells.join('   ')}`;
const pick = <T>(items: T[], f: (t: T) => number) => items.map(f);
const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/** One latency line: API p50/p95, raw p50/p95 and the p95 ratio. */
function latencyLine(label: string, pair: LatencyPair, extra = ''): string {
  const a = percentiles(pair.api);
  const r = percentiles(pair.raw);
  return row(
    label,
    `p50 ${millis(a.p50).padStart(8)}  p95 ${millis(a.p95).padStart(8)}`,
    `raw SQL p50 ${millis(r.p50).padStart(8)}  p95 ${millis(r.p95).padStart(8)}`,
    `ratio p50 ${ratio(a.p50, r.p50)}  p95 ${ratio(a.p95, r.p95)}`,
    extra,
  );
}

/** Median of each import phase, as one line. */
function phases(runs: ImportTiming[]): string {
  const m = (f: (t: ImportTiming) => number) => seconds(median(pick(runs, f)));
  return `parse ${m((t) => t.parse)} | load district ${m((t) => t.state)} | plan ${m((t) => t.plan)} | apply ${m((t) => t.apply)} (of which audit inserts ${m((t) => t.audit)})`;
}

/** Prints the report to stdout. */
export function printReport(r: BenchResults): void {
  const { opts, set } = r;
  const out: string[] = [];
  const date = r.startedAt.toISOString().slice(0, 10);
  out.push('');
  out.push(`Trellis bench  (${opts.db}, ${count(opts.staff)} staff, ${count(opts.schools)} schools, node ${process.version}, ${date})`);
  out.push(
    `set: ${count(set.orgs)} orgs + ${count(set.people)} people + ${count(set.roles)} roles = ${count(set.rows)} rows ` +
      `(${count(set.students)} students skipped), ${megabytes(set.bytes)} of CSV`,
  );
  out.push(
    `medians; imports: ${opts.reps} service + ${opts.httpReps} HTTP runs, each on a fresh database; ` +
      `latency: ${opts.samples} requests per case after ${opts.warmup} warm-up, API and raw SQL alternating`,
  );
  out.push('');

  const imp = median(pick(r.imports, (t) => t.total));
  const raw = median(pick(r.raws, (t) => t.ms));
  const rows = set.rows;
  out.push(
    row(
      `roster import (service)`,
      `${count(opts.staff)} staff ${seconds(imp)}`,
      `${count(rows / (imp / 1000))} rows/s`,
      `raw insert baseline ${seconds(raw)} ${count(rows / (raw / 1000))} rows/s`,
      `ratio ${ratio(imp, raw)}`,
    ),
  );
  out.push(row('  phases', phases(r.imports)));
  out.push(row('  every run, s', `import ${spread(pick(r.imports, (t) => t.total))}  raw ${spread(pick(r.raws, (t) => t.ms))}`));
  const firstCounts = r.imports[0]?.counts;
  if (firstCounts) {
    const c = (k: 'orgs' | 'people' | 'roles') => `${k} +${count(firstCounts[k].create)}`;
    const errors = r.imports[0]!.errors;
    out.push(row('  plan', `${c('orgs')} ${c('people')} ${c('roles')}, ${errors} errors`));
  }

  const re = median(pick(r.reimports, (t) => t.total));
  const reCounts = r.reimports[0]?.counts;
  const unchanged = reCounts ? reCounts.orgs.unchanged + reCounts.people.unchanged + reCounts.roles.unchanged : 0;
  const changed = r.reimports.reduce((n, t) => n + t.written, 0);
  out.push(
    row(
      're-import (no changes)',
      seconds(re),
      `${count(unchanged)} unchanged, ${changed === 0 ? 'nothing written' : `WARNING ${count(changed)} rows written`}`,
      `ratio to first import ${ratio(re, imp)}`,
    ),
  );
  out.push(row('  phases', phases(r.reimports)));

  if (r.http.length > 0) {
    const h = median(pick(r.http, (t) => t.total));
    const status = [...new Set(r.http.map((t) => t.status))].join(',');
    out.push(
      row(
        'roster import (HTTP)',
        `${seconds(h)} ${count(rows / (h / 1000))} rows/s`,
        `upload+dry run ${seconds(median(pick(r.http, (t) => t.upload)))}, apply+poll ${seconds(median(pick(r.http, (t) => t.apply)))}`,
        `ratio to raw ${ratio(h, raw)}, to service ${ratio(h, imp)}`,
        status === 'applied' ? '' : `WARNING status ${status}`,
      ),
    );
    out.push(row('  every run, s', spread(pick(r.http, (t) => t.total))));
    const hr = median(pick(r.httpReimports, (t) => t.total));
    out.push(
      row(
        're-import via HTTP',
        seconds(hr),
        `upload+dry run ${seconds(median(pick(r.httpReimports, (t) => t.upload)))}, apply+poll ${seconds(median(pick(r.httpReimports, (t) => t.apply)))}`,
      ),
    );
    if (r.importStatus) {
      const s = r.importStatus;
      out.push(
        latencyLine(
          'import status GET',
          s.pair,
          `n=${s.pair.api.length}; row holds parsed roster: ${megabytes(s.parsedBytes)} JSON, ${megabytes(s.storedBytes)} stored`,
        ),
      );
    }
  }
  out.push('');

  out.push(latencyLine('people search (all terms)', r.searchAll, `n=${r.searchAll.api.length}`));
  for (const s of r.search) {
    const label = `  ${s.label}`;
    out.push(
      latencyLine(
        label,
        s.pair,
        `e.g. "${s.example}", median ${count(median(s.totals))} matches${s.mismatches ? `, WARNING ${s.mismatches} baseline mismatches` : ''}`,
      ),
    );
  }
  out.push(latencyLine('person page', r.person, `n=${r.person.api.length}`));
  out.push(latencyLine('person page read log', r.personReadLog, 'with the read-log insert vs the same page without it ("raw" = without)'));
  if (r.searchVacuumed) {
    out.push(
      latencyLine(
        'search after VACUUM',
        r.searchVacuumed.pair,
        `diagnostic: all terms after VACUUM ANALYZE (took ${seconds(r.searchVacuumed.vacuumMs)})`,
      ),
    );
  }
  if (r.rls) {
    out.push(row('row-level security', "the same requests through the district-bound executor and through the owner's (bench/rls.ts)"));
    out.push(...rlsReport(r.rls));
  }
  out.push(
    row(
      'statements per request',
      `search ${r.statements.search}, person page ${r.statements.person} (raw baseline: ${r.statements.rawSearch} and ${r.statements.rawPerson})`,
    ),
  );
  out.push('');

  r.rss.forEach((x, i) => out.push(row(i === 0 ? 'RSS (after a full GC)' : '', `${megabytes(x.bytes).padStart(8)}  ${x.label}`)));
  if (r.peakRss) out.push(row('', `${megabytes(r.peakRss).padStart(8)}  peak (maxRSS of the process)`));
  out.push('');

  const searchP95 = percentiles(r.searchAll.api).p95;
  const searchRatio = searchP95 / percentiles(r.searchAll.raw).p95;
  const personRatio = percentiles(r.person.api).p95 / percentiles(r.person.raw).p95;
  const importTarget =
    opts.staff >= 25_000
      ? `import of ${count(opts.staff)} staff < 10 s: ${seconds(imp)} ${pass(imp < TARGET_IMPORT_MS)}`
      : 'import < 10 s: applies to 25,000 staff';
  out.push(
    row(
      'targets',
      importTarget,
      `search p95 < ${TARGET_SEARCH_P95_MS} ms: ${millis(searchP95)} ${pass(searchP95 < TARGET_SEARCH_P95_MS)}`,
      `API/raw p95 <= ${TARGET_API_RAW}x: search ${searchRatio.toFixed(2)}x ${pass(searchRatio <= TARGET_API_RAW)}, person ${personRatio.toFixed(2)}x ${pass(personRatio <= TARGET_API_RAW)}`,
    ),
  );
  console.log(out.join('\n'));
}
