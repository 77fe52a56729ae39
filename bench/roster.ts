/**
 * Service-level roster import measurement (parse -> load state -> plan -> apply, the way
 * services/roster/roster.ts runs it) and its baseline: the same rows written by plain multi-row INSERTs.
 */
import type { Db, Tx } from '../server/db/client.ts';
import { auditLog } from '../server/db/schema/index.ts';
import { applyPlan } from '../server/services/roster/apply.ts';
import { parseRosterUpload, type ParsedRoster, type RosterInputFile } from '../server/services/roster/parse/index.ts';
import { planImport, type ImportPlan, type Op } from '../server/services/roster/plan.ts';
import { loadDistrictState, type DistrictState } from '../server/services/roster/state.ts';
import type { Query, RawDriver } from './db.ts';
import { now } from './stats.ts';

/** Batch size of the raw baseline: the same as `BATCH` in server/services/roster/apply.ts. */
export const RAW_BATCH = 500;

export interface ImportTiming {
  parse: number;
  state: number;
  plan: number;
  /** applyPlan as a whole, audit inserts included. */
  apply: number;
  /** Time spent awaiting the audit_log inserts inside applyPlan. */
  audit: number;
  total: number;
  /** Rows the plan writes (creates + updates + deactivations). */
  written: number;
  counts: ImportPlan['report']['counts'];
  errors: number;
}

/** The district side of an import: who writes it, and people that must never be deactivated. */
export interface ImportActor {
  districtId: string;
  userId: string;
  protectedPersonIds: Set<string>;
}

/**
 * Wraps a transaction so that awaiting `tx.insert(auditLog).values(...)` adds its duration to
 * `clock`: how the audit share of applyPlan is measured without touching the service.
 */
function timeAuditInserts(tx: Tx, clock: { ms: number }): Tx {
  return new Proxy(tx, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop !== 'insert') return value;
      return (table: Parameters<Tx['insert']>[0]) => {
        const builder = target.insert(table);
        if (table !== auditLog) return builder;
        return {
          values: (rows: never) => {
            const query = builder.values(rows);
            return {
              then<A, B>(resolve: (v: unknown) => A, reject: (e: unknown) => B) {
                const start = now();
                return query.then((r) => ((clock.ms += now() - start), r)).then(resolve, reject);
              },
            };
          },
        };
      };
    },
  });
}

/**
 * One import through the services, timed phase by phase: parse the files, then in one
 * transaction (as `runImport` does) load the district, plan and apply.
 */
export async function serviceImport(db: Db, files: RosterInputFile[], actor: ImportActor): Promise<ImportTiming> {
  const t0 = now();
  const parsed = await parseRosterUpload(files);
  const t1 = now();
  const clock = { ms: 0 };
  let t2 = 0;
  let t3 = 0;
  let plan: ImportPlan | undefined;
  await db.transaction(async (tx) => {
    const state = await loadDistrictState(tx, actor.districtId);
    t2 = now();
    plan = planImport(parsed, state, actor.protectedPersonIds);
    t3 = now();
    const audit = { requestId: `bench-${Date.now()}`, actor: { userId: actor.userId, districtId: actor.districtId } };
    await applyPlan(timeAuditInserts(tx, clock), audit, plan, () => {});
  });
  const t4 = now();
  const p = plan!;
  return {
    parse: t1 - t0,
    state: t2 - t1,
    plan: t3 - t2,
    apply: t4 - t3,
    audit: clock.ms,
    total: t4 - t0,
    written: p.orgs.length + p.people.length + p.roles.length,
    counts: p.report.counts,
    errors: p.report.issues.filter((i) => i.severity === 'error').length,
  };
}

/** What a district with no roster rows holds: the state a first import is planned against. */
export const emptyState = (): DistrictState => ({
  orgsBySourcedId: new Map(),
  orgsByIdentifier: new Map(),
  peopleBySourcedId: new Map(),
  rolesBySourcedId: new Map(),
  stepsByCode: new Map(),
  openPlacements: new Map(),
});

/** Parses the set and plans it against an empty district: the rows a first import creates. */
export async function planFirstImport(files: RosterInputFile[]): Promise<{ parsed: ParsedRoster; plan: ImportPlan }> {
  const parsed = await parseRosterUpload(files);
  return { parsed, plan: planImport(parsed, emptyState()) };
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Inserts the `create` ops of one table, `RAW_BATCH` rows per multi-row INSERT. */
async function insertCreates(query: Query, table: string, ops: Op<object>[], districtId: string): Promise<number> {
  const creates = ops.filter((o) => o.kind === 'create');
  if (creates.length === 0) return 0;
  const keys = Object.keys(creates[0]!.values);
  const columns = ['id', 'district_id', ...keys.map(snake)];
  for (let i = 0; i < creates.length; i += RAW_BATCH) {
    const batch = creates.slice(i, i + RAW_BATCH);
    const params: unknown[] = [];
    const tuples = batch.map((o) => {
      const values = o.values as Record<string, unknown>;
      const row = [o.id, districtId, ...keys.map((k) => values[k] ?? null)];
      const start = params.length;
      params.push(...row);
      return `(${row.map((_, j) => `$${start + j + 1}`).join(', ')})`;
    });
    await query(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}`, params);
  }
  return creates.length;
}

/**
 * The baseline: the plan's rows written by plain multi-row INSERTs (same batch size, same driver,
 * one transaction), with no parsing, planning or audit. Returns the elapsed ms and rows written.
 */
export async function rawInsert(raw: RawDriver, plan: ImportPlan, districtId: string): Promise<{ ms: number; rows: number }> {
  const start = now();
  let rows = 0;
  await raw.transaction(async (query) => {
    rows += await insertCreates(query, 'org_units', plan.orgs, districtId);
    rows += await insertCreates(query, 'people', plan.people, districtId);
    rows += await insertCreates(query, 'role_assignments', plan.roles, districtId);
  });
  return { ms: now() - start, rows };
}
