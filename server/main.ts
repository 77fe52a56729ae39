import path from 'node:path';
import pino from 'pino';
import { buildApp } from './app.ts';
import { openDatabase } from './db/client.ts';
import { acquireDataDirLock, DataDirLockedError } from './db/lockfile.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './seed/seed-data.ts';
import { seedDemoDistrict } from './seed/seed.ts';
import { loadEnv } from './env.ts';
import { secureCookies } from './lib/http.ts';
import { deleteExpiredSessions } from './services/auth/sessions.ts';
import { deleteStaleThrottles } from './services/auth/throttle.ts';
import { publicUrlWarning } from './lib/public-url.ts';
import { refreshSummariesAtStart } from './services/tracker/freshness.ts';
import { rootSecret, SecretKeyError } from './lib/secret-key.ts';
import { mfaKey } from './services/auth/mfa/secret-box.ts';
import { createFileStorage } from './services/files/storage.ts';
import { mailStartupNotice } from './services/mail/transport.ts';

/** How often ended sessions and quiet sign-in throttles are swept from the database. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** The Trellis process: database, migrations, demo seed, HTTP server, clean shutdown. */
async function main() {
  const env = loadEnv();
  // Fails at start (not at the first sign-in) when SECRET_KEY is required and missing; creates the
  // embedded installation's key file on its first start.
  rootSecret(env);
  const twoFactorKey = mfaKey(env);
  const log = pino({ level: env.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] });
  let releaseLock = () => {};
  if (!env.DATABASE_URL) {
    try {
      releaseLock = acquireDataDirLock(env.DATA_DIR);
    } catch (err) {
      if (err instanceof DataDirLockedError) {
        console.error(`\n${err.message}\n`);
        process.exit(1);
      }
      throw err;
    }
  }
  const started = Date.now();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATABASE_URL ? undefined : env.DATA_DIR });
  log.info({ database: database.kind, ms: Date.now() - started }, 'database ready, migrations applied');
  const fileStorage = createFileStorage(env);
  const seeded = env.SEED_DEMO ? await seedDemoDistrict(database.db, undefined, { mfaKey: twoFactorKey, files: fileStorage }) : null;
  const app = await buildApp({
    database,
    env,
    fileStorage,
    logger: { level: env.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] },
    webDir: path.join(import.meta.dirname, '..', 'dist', 'web'),
  });
  await app.ready();
  // The district view's school summaries: computed by jobs from now on, never shown as zeros.
  await refreshSummariesAtStart(database, app.jobs).catch((err: unknown) => log.warn({ err }, 'tracker summary refresh not queued'));
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    releaseLock();
    process.exit(0);
  };
  const sweep = setInterval(() => {
    void Promise.all([deleteExpiredSessions(database.db), deleteStaleThrottles(database.db)]).catch((err: unknown) =>
      log.warn({ err }, 'sweeping sessions failed'),
    );
  }, SWEEP_INTERVAL_MS);
  sweep.unref();
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: env.HOST, port: env.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port}`;
  const lines = [
    `\nTrellis is running at ${url}  (database: ${database.kind === 'pglite' ? `embedded, ${path.resolve(env.DATA_DIR)}` : 'PostgreSQL'})`,
  ];
  lines.push(`API documentation: ${url}/api/docs`);
  if (secureCookies(env) && !['127.0.0.1', 'localhost', '::1'].includes(env.HOST)) {
    lines.push('Sign-in cookies are HTTPS-only: serve Trellis over HTTPS (or, for a trial over plain http, set COOKIE_SECURE=false).');
  }
  // Where e-mail goes and where its links point (never the SMTP user or password).
  const mail = mailStartupNotice(env);
  const urlWarning = publicUrlWarning(env);
  log[mail.level](mail.message);
  lines.push(mail.level === 'warn' ? `Warning: ${mail.message}` : mail.message);
  if (urlWarning) {
    log.warn(urlWarning);
    lines.push(`Warning: ${urlWarning}`);
  }
  if (seeded) {
    lines.push(`Demo district "Sunshine Public Schools"${seeded.created ? ' created' : ''}. Sign in with password ${DEMO_PASSWORD} as:`);
    for (const s of seeded.signIns) lines.push(`  ${s.email.padEnd(30)} ${s.role}`);
    lines.push(`admin@ and hr@ also ask for a code: add the secret ${DEMO_TOTP_SECRET} to an authenticator app.`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((err) => {
  // A configuration problem is said plainly; anything else keeps its stack for whoever debugs it.
  console.error(err instanceof SecretKeyError ? `\n${err.message}\n` : err);
  process.exit(1);
});
