import { PGlite, types, type PGliteOptions, type QueryOptions, type Transaction } from '@electric-sql/pglite';
import { assertDistrictId, TENANT_ROLE } from './tenancy.ts';

/**
 * The types Drizzle's PGlite driver asks to receive as text (drizzle-orm/pglite/session.js, its
 * `queryConfig`): timestamps, dates, intervals and their arrays, and numeric[]; Drizzle's column
 * mappers parse them itself.
 */
export const DRIZZLE_TEXT_TYPES: readonly number[] = [
  types.TIMESTAMP,
  types.TIMESTAMPTZ,
  types.INTERVAL,
  types.DATE,
  1231, // numeric[]
  1115, // timestamp[]
  1185, // timestamptz[]
  1187, // interval[]
  1182, // date[]
];
const textTypes = new Set(DRIZZLE_TEXT_TYPES);
const asText = (value: string) => value;

/**
 * Drizzle sends those parsers with every statement, and PGlite then copies its whole parser table
 * (over 300 entries once array types are known) to merge them in: about 0.1 ms per statement,
 * as much as a simple indexed read costs on the embedded database. Installing them once on the
 * instance gives the same rows, so statements whose parsers are only these go without them.
 */
function withoutDrizzleParsers(options: QueryOptions | undefined): QueryOptions | undefined {
  const parsers = options?.parsers;
  if (!parsers) return options;
  for (const oid of Object.keys(parsers)) if (!textTypes.has(Number(oid))) return options;
  const { parsers: _installed, ...rest } = options;
  return rest;
}

/** An open transaction whose `query` drops the parsers the instance already has. */
function lighterTransaction(tx: Transaction): Transaction {
  return Object.create(tx, {
    query: { value: (text: string, params?: unknown[], options?: QueryOptions) => tx.query(text, params, withoutDrizzleParsers(options)) },
  }) as Transaction;
}

/** Who the embedded database's one connection acts as: the owner, or trellis_app in a district. */
type Acting = { tenant: false } | { tenant: true; districtId: string | null };
const OWNER: Acting = { tenant: false };
const actingKey = (a: Acting) => (a.tenant ? `tenant:${a.districtId ?? ''}` : 'owner');

/**
 * The statement that makes the connection act as `a` (district ids are checked UUIDs). One
 * statement: about a third cheaper than `SET ROLE ...; SELECT set_config(...)`, same checks.
 */
function switchTo(a: Acting): string {
  if (!a.tenant) return 'RESET ROLE';
  return `SELECT set_config('role', '${TENANT_ROLE}', false), set_config('app.district_id', '${a.districtId ?? ''}', false)`;
}

/** A promise chain admitting one caller at a time, in order. */
class Gate {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * PGlite that returns Drizzle's text types as text itself, so per-statement parsers are not needed,
 * and that serves district-bound clients (`forDistrict`) on its single connection.
 *
 * Every statement and transaction, the owner's and each district's, passes one gate, in which the
 * connection first becomes what the caller acts as (`RESET ROLE`, or `SET ROLE trellis_app` and
 * app.district_id) when it is not already: so a request of one district never runs a statement
 * with another's setting, and a deployment with one district pays only for owner <-> district
 * switches (session lookups). Transactions switch before BEGIN and hold the gate to COMMIT.
 */
export class DrizzlePGlite extends PGlite {
  #gate = new Gate();
  /** What the connection acts as now; undefined after a switch failed half-way. */
  #acting: string | undefined = actingKey(OWNER);

  /** Runs `fn` alone on the connection, acting as `a`. */
  runAs<T>(a: Acting, fn: () => Promise<T>): Promise<T> {
    return this.#gate.run(async () => {
      const key = actingKey(a);
      if (this.#acting !== key) {
        this.#acting = undefined;
        await this.rawExec(switchTo(a));
        this.#acting = key;
      }
      return fn();
    });
  }

  /** Statements in the simple protocol, for a caller already through the gate. */
  rawExec(query: string, options?: QueryOptions) {
    return super.exec(query, options);
  }

  /** The statement itself, for a caller already through the gate. */
  rawQuery<T>(text: string, params?: unknown[], options?: QueryOptions) {
    return super.query<T>(text, params, withoutDrizzleParsers(options));
  }

  /** The transaction itself, for a caller already through the gate. */
  rawTransaction<T>(fn: (tx: Transaction) => Promise<T>) {
    return super.transaction((tx) => fn(lighterTransaction(tx)));
  }

  override query<T>(text: string, params?: unknown[], options?: QueryOptions) {
    return this.runAs(OWNER, () => this.rawQuery<T>(text, params, options));
  }

  override exec(query: string, options?: QueryOptions) {
    return this.runAs(OWNER, () => this.rawExec(query, options));
  }

  override transaction<T>(fn: (tx: Transaction) => Promise<T>) {
    return this.runAs(OWNER, () => this.rawTransaction(fn));
  }

  /**
   * A client for Drizzle on the same connection whose statements and transactions run as
   * trellis_app in the district (`null`: no district, so every tenant table reads empty).
   */
  forDistrict(districtId: string | null): PGlite {
    if (districtId !== null) assertDistrictId(districtId);
    const acting: Acting = { tenant: true, districtId };
    return Object.create(this, {
      query: {
        value: <T>(text: string, params?: unknown[], options?: QueryOptions) =>
          this.runAs(acting, () => this.rawQuery<T>(text, params, options)),
      },
      exec: { value: (query: string, options?: QueryOptions) => this.runAs(acting, () => this.rawExec(query, options)) },
      transaction: { value: <T>(fn: (tx: Transaction) => Promise<T>) => this.runAs(acting, () => this.rawTransaction(fn)) },
    }) as PGlite;
  }
}

/**
 * Opens an embedded database for Drizzle: timestamps, dates and intervals (and their arrays) come
 * back as text from every query on it, as Drizzle's driver expects.
 */
export async function openPglite(dataDir: string, options: PGliteOptions): Promise<DrizzlePGlite> {
  const client = new DrizzlePGlite(dataDir, options);
  await client.waitReady;
  // After waitReady: array types are registered while starting, and would replace these.
  for (const oid of DRIZZLE_TEXT_TYPES) client.parsers[oid] = asText;
  return client;
}
