import { PGlite, types, type PGliteOptions, type QueryOptions, type Transaction } from '@electric-sql/pglite';

/**
 * The types Drizzle's PGlite driver asks to receive as text (drizzle-orm/pglite/session.js, its
 * `queryConfig`): timestamps, dates, intervals and their arrays, and numeric[]; Drizzle's column
 * mappers parse them itself.
 */
export const DRIZZLE_TEXT_TYPES: readonly number[] = [
  types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE,
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

/** PGlite that returns Drizzle's text types as text itself, so per-statement parsers are not needed. */
class DrizzlePGlite extends PGlite {
  override query<T>(text: string, params?: unknown[], options?: QueryOptions) {
    return super.query<T>(text, params, withoutDrizzleParsers(options));
  }

  override transaction<T>(fn: (tx: Transaction) => Promise<T>) {
    return super.transaction((tx) => fn(lighterTransaction(tx)));
  }
}

/**
 * Opens an embedded database for Drizzle: timestamps, dates and intervals (and their arrays) come
 * back as text from every query on it, as Drizzle's driver expects.
 */
export async function openPglite(dataDir: string, options: PGliteOptions): Promise<PGlite> {
  const client = new DrizzlePGlite(dataDir, options);
  await client.waitReady;
  // After waitReady: array types are registered while starting, and would replace these.
  for (const oid of DRIZZLE_TEXT_TYPES) client.parsers[oid] = asText;
  return client;
}
