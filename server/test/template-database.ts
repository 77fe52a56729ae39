import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/client.ts';

/**
 * Migrating a fresh database costs seconds per test file; copying a migrated one costs a fraction.
 * Vitest's global setup (`global-setup.ts`) migrates one template per run and each test file starts
 * from a copy (`database.ts`): a PGlite data-directory dump, or a PostgreSQL template database.
 */

const migrationsFolder = path.join(import.meta.dirname, '..', 'db', 'migrations');

/** A digest of the migrations, so a dump kept from an earlier run is used only while they match. */
function migrationsDigest(): string {
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const file = path.join(migrationsFolder, name);
    if (fs.statSync(file).isFile()) hash.update(name).update(fs.readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Writes (or reuses) a dump of a freshly migrated embedded database; returns its path. */
export async function preparePgliteTemplate(): Promise<string> {
  const file = path.join(os.tmpdir(), `trellis-test-template-${migrationsDigest()}.tar`);
  if (fs.existsSync(file)) return file;
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
    const dump = await client.dumpDataDir('none');
    // Written beside, then renamed: a parallel run never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
  } finally {
    await database.close();
  }
  return file;
}

/** Creates and migrates a template database on the PostgreSQL server; returns its name and a way to drop it. */
export async function preparePostgresTemplate(serverUrl: string): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `trellis_template_${randomBytes(5).toString('hex')}`;
  await onServer(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await database.close();
  return { name, drop: () => onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}

/** Runs one statement on the server's maintenance database. */
export async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
