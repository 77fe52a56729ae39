/**
 * `npm run district:create -- --name "Lakeview Unified" --slug lakeview --time-zone America/Chicago
 *   --admin-email it@lakeview.example --admin-given-name Ana --admin-family-name Ruiz`
 *
 * Creates a district and its first district admin on the configured database (DATABASE_URL, else
 * the embedded one in DATA_DIR, taking its lock, so Trellis must be stopped) and prints a one-time
 * set-password link for the operator to hand to that admin. Only the link's hash is stored; no
 * e-mail is sent. A slug or e-mail already in use is refused and nothing is written.
 */
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '../db/client.ts';
import { acquireDataDirLock, DataDirLockedError } from '../db/lockfile.ts';
import { loadEnv } from '../env.ts';
import { AppError } from '../lib/errors.ts';
import { createDistrict } from '../services/districts/create.ts';

const USAGE = `Usage: npm run district:create -- --name NAME --slug SLUG [--time-zone ZONE]
       --admin-email EMAIL --admin-given-name NAME --admin-family-name NAME
  --time-zone defaults to America/New_York. The set-password link uses PUBLIC_URL.`;

/** Runs the command with the given arguments; returns the exit code (0 created, 1 refused, 2 usage). */
export async function districtCreate(
  argv: string[],
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
  database?: Database,
): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        name: { type: 'string' },
        slug: { type: 'string' },
        'time-zone': { type: 'string', default: 'America/New_York' },
        'admin-email': { type: 'string' },
        'admin-given-name': { type: 'string' },
        'admin-family-name': { type: 'string' },
      },
    }).values;
  } catch (err) {
    print(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const missing = ['name', 'slug', 'admin-email', 'admin-given-name', 'admin-family-name'].filter((k) => !values[k as keyof typeof values]);
  if (missing.length) {
    print(`Missing: ${missing.map((m) => `--${m}`).join(', ')}\n${USAGE}`);
    return 2;
  }
  const config = loadEnv(env);
  let release = () => {};
  let db = database;
  try {
    if (!db) {
      if (!config.DATABASE_URL) release = acquireDataDirLock(config.DATA_DIR);
      db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATABASE_URL ? undefined : config.DATA_DIR });
    }
    const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    const created = await createDistrict(
      db.db,
      {
        name: values.name!,
        slug: values.slug!,
        timeZone: values['time-zone']!,
        admin: { email: values['admin-email']!, givenName: values['admin-given-name']!, familyName: values['admin-family-name']! },
      },
      publicUrl,
    );
    print(`District "${values.name}" (${values.slug}) created, with ${created.email} as its district admin.`);
    print(`Give this one-time link to ${created.email} to choose a password (valid until ${created.expiresAt.toISOString()}):`);
    print(`  ${created.link}`);
    if (!config.PUBLIC_URL) print('(PUBLIC_URL is not set: the link assumes Trellis at that address; set PUBLIC_URL to your real one.)');
    return 0;
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      print(err.message);
      return 1;
    }
    if (err instanceof AppError) {
      print(`Not created: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    if (!database) await db?.close();
    release();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await districtCreate(process.argv.slice(2), process.env, (line) => console.log(line));
}
