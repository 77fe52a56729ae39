/**
 * The cost of row-level security (server/db/tenancy.ts): the same requests through the app as it
 * runs (services on the district-bound executor: role trellis_app, policies applied) and through
 * a second app on the same database whose `forDistrict` returns the owner's executor (policies
 * bypassed), alternating, as a ratio. On PGlite the one connection switches between the owner
 * (session lookups) and the district; alternating with the owner's app makes every measured
 * request pay one switch, the worst case. On PostgreSQL the two apps use separate pools.
 */
import type { Database } from '../server/db/client.ts';
import { signIn, startApp } from './http.ts';
import { measurePairs } from './people.ts';
import { millis, percentiles, ratio } from './stats.ts';

export interface RlsCase {
  label: string;
  /** URLs requested in turn (e.g. one per person). */
  urls: string[];
}

export interface RlsLine {
  label: string;
  rls: number[];
  owner: number[];
}

/** Measures each case signed in as `email` with and without row-level security. */
export async function compareRls(database: Database, email: string, cases: RlsCase[], samples: number, warmup: number): Promise<RlsLine[]> {
  const withRls = await startApp(database);
  const withoutRls = await startApp({ ...database, forDistrict: () => database.db });
  try {
    const bound = await signIn(withRls, email);
    const owner = await signIn(withoutRls, email);
    const get = (client: typeof bound) => async (url: string) => {
      const res = await client.get(url);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    };
    const lines: RlsLine[] = [];
    for (const c of cases) {
      const pair = await measurePairs(c.urls, samples, warmup, get(bound), get(owner));
      lines.push({ label: c.label, rls: pair.api, owner: pair.raw });
    }
    return lines;
  } finally {
    await withRls.close();
    await withoutRls.close();
  }
}

/** The lines of the comparison, one per case: p50/p95 with and without, and their ratios. */
export function rlsReport(lines: RlsLine[], indent = '  '): string[] {
  return lines.map((l) => {
    const a = percentiles(l.rls);
    const b = percentiles(l.owner);
    return (
      `${indent}${l.label.padEnd(32)}RLS p50 ${millis(a.p50).padStart(8)}  p95 ${millis(a.p95).padStart(8)}   ` +
      `owner (no RLS) p50 ${millis(b.p50).padStart(8)}  p95 ${millis(b.p95).padStart(8)}   ratio p50 ${ratio(a.p50, b.p50)}  p95 ${ratio(a.p95, b.p95)}  (n=${a.n})`
    );
  });
}
