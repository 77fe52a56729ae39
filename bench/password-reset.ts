/**
 * Password-reset requests for an address with an account against one without (issue 10, finding 8):
 * `POST /api/auth/password-reset/request` answers before any lookup and does the lookup and the
 * e-mail afterwards, so the ratio known / unknown should stay near 1.00x. Each request comes from
 * its own address (the per-IP rate limit is not what is measured) and the work it queued finishes
 * before the next one starts, so only the request path is timed.
 * Alone: `npx tsx bench/password-reset.ts [--db postgres] [--samples N]`.
 */
import { pathToFileURL } from 'node:url';
import { buildDistrict, buildUser } from '../server/test/factories.ts';
import { openBenchDatabase } from './db.ts';
import { startApp } from './http.ts';
import { parseOptions, type BenchOptions } from './options.ts';
import type { LatencyPair } from './people.ts';
import { millis, now, percentiles, ratio } from './stats.ts';

export interface PasswordResetResults {
  db: string;
  pair: LatencyPair;
}

/** Times reset requests for a real account (`api`) and for an unknown address (`raw`), alternating. */
export async function benchPasswordReset(opts: BenchOptions, log: (m: string) => void): Promise<PasswordResetResults> {
  const bench = await openBenchDatabase(opts.db, opts.serverUrl);
  const app = await startApp(bench.database);
  try {
    const district = await buildDistrict(bench.database.db, 'Bench Reset');
    const user = await buildUser(bench.database.db, district.id, 'staff');
    let n = 0;
    /** The request alone is timed; then the lookup and e-mail it queued are let finish. */
    const timeRequest = async (email: string) => {
      n++;
      const start = now();
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/request',
        payload: { email },
        remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      });
      const ms = now() - start;
      if (res.statusCode !== 202) throw new Error(`reset request answered ${res.statusCode}: ${res.body}`);
      await app.background.settled();
      await app.mailer.settled();
      return ms;
    };
    const pair: LatencyPair = { api: [], raw: [] };
    for (let i = 0; i < opts.warmup + opts.samples; i++) {
      // Alternate which goes first, so drift on a shared machine hits both alike.
      const known = i % 2 === 0 ? await timeRequest(user.email) : 0;
      const unknown = await timeRequest('nobody-at-all@bench.example');
      const knownAfter = i % 2 === 1 ? await timeRequest(user.email) : known;
      if (i < opts.warmup) continue;
      pair.api.push(knownAfter);
      pair.raw.push(unknown);
    }
    log('password reset requests done');
    return { db: opts.db, pair };
  } finally {
    await app.close();
    await bench.close();
  }
}

export function printPasswordReset(r: PasswordResetResults): void {
  const known = percentiles(r.pair.api);
  const unknown = percentiles(r.pair.raw);
  console.log('');
  console.log(
    `Password-reset request (POST /api/auth/password-reset/request), on ${r.db}: the answer must not tell whether the address has an account`,
  );
  console.log(`  account      p50 ${millis(known.p50).padStart(8)}  p95 ${millis(known.p95).padStart(8)}   (n=${known.n})`);
  console.log(`  no account   p50 ${millis(unknown.p50).padStart(8)}  p95 ${millis(unknown.p95).padStart(8)}`);
  console.log(
    `  ratio        p50 ${ratio(known.p50, unknown.p50)}  p95 ${ratio(known.p95, unknown.p95)}   (near 1.00x: lookup and e-mail happen after the answer)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchPasswordReset(parseOptions(process.argv.slice(2)), (m) => process.stderr.write(`[bench] ${m}\n`))
    .then(printPasswordReset)
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
