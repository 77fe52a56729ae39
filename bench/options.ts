/** Command line of `npm run bench`. */
import { parseArgs } from 'node:util';
import { DEFAULT_POSTGRES_URL, type DbKind } from './db.ts';

export interface BenchOptions {
  staff: number;
  schools: number;
  db: DbKind;
  /** Server URL for `--db postgres`; each run creates and drops its own database there. */
  serverUrl: string;
  quick: boolean;
  /** Service-level imports (and raw baselines), each on a fresh database. */
  reps: number;
  /** Imports through the HTTP API, each on a fresh database; the last one is kept for latency. */
  httpReps: number;
  /** Measured requests per latency case, after `warmup` unmeasured ones. */
  samples: number;
  warmup: number;
  /** Skip the parts that build a district of `staff` people (roster import and search, tracker, caseloads). */
  skipLarge: boolean;
  /** Queued notifications the outbox drain sends. */
  messages: number;
}

const USAGE = `usage: npm run bench -- [--staff 25000] [--schools 1000] [--db pglite|postgres] [--quick]
                       [--reps N] [--http-reps N] [--samples N] [--warmup N] [--skip-large] [--messages 10000]
  --db postgres uses BENCH_DATABASE_URL or ${DEFAULT_POSTGRES_URL} (creates and drops its own database)
  --quick = 2,000 staff, 100 schools, fewer repetitions (a smoke run)
  --skip-large skips the parts that build a --staff district (roster import and search, tracker, caseloads)`;

/** Reads a positive integer option, or the fallback when absent; exits with usage when invalid. */
function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n <= 0) fail(`--${name} must be a positive integer, not "${value}"`);
  return n;
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

/** Parses `argv` (without node and script); `--quick` changes the defaults, explicit flags win. */
export function parseOptions(argv: string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        staff: { type: 'string' },
        schools: { type: 'string' },
        db: { type: 'string', default: 'pglite' },
        quick: { type: 'boolean', default: false },
        reps: { type: 'string' },
        'http-reps': { type: 'string' },
        samples: { type: 'string' },
        warmup: { type: 'string' },
        'skip-large': { type: 'boolean', default: false },
        messages: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    fail((err as Error).message);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (parsed.db !== 'pglite' && parsed.db !== 'postgres') fail(`--db must be pglite or postgres, not "${parsed.db}"`);
  const quick = parsed.quick ?? false;
  const staff = positive(parsed.staff, 'staff', quick ? 2_000 : 25_000);
  const schools = positive(parsed.schools, 'schools', quick ? 100 : 1_000);
  if (schools > staff) fail('--schools cannot exceed --staff (each school gets a principal)');
  return {
    staff,
    schools,
    db: parsed.db,
    serverUrl: process.env.BENCH_DATABASE_URL || DEFAULT_POSTGRES_URL,
    quick,
    reps: positive(parsed.reps, 'reps', 3),
    httpReps: positive(parsed['http-reps'], 'http-reps', quick ? 1 : 2),
    samples: positive(parsed.samples, 'samples', quick ? 50 : 200),
    warmup: positive(parsed.warmup, 'warmup', quick ? 10 : 30),
    skipLarge: parsed['skip-large'] ?? false,
    messages: positive(parsed.messages, 'messages', quick ? 2_000 : 10_000),
  };
}
