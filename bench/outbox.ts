/**
 * 10,000 queued notifications drained (issue 12): stored e-mails recorded in the outbox
 * (`recordEmails`, as notifications record them) and sent by the e-mail worker
 * (server/services/mail/mailer.ts: claims batches from the outbox, one SMTP connection per message,
 * marks each sent) to a real local SMTP server (smtp-server from npm, as the tests use; it counts
 * and discards what it receives, so its memory stays flat). Reports messages/s against the
 * baseline, the same number of messages sent through the same transport straight from memory (no
 * outbox), and the process RSS at the start, every 2,000 messages and at the end.
 * Alone: `npx tsx bench/outbox.ts [--messages 10000] [--reps 1] [--db pglite|postgres]`.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { and, count as countRows, eq } from 'drizzle-orm';
import { outboxEmails } from '../server/db/schema/index.ts';
import { loadEnv } from '../server/env.ts';
import { Mailer } from '../server/services/mail/mailer.ts';
import { recordEmails, type NewOutboxEmail } from '../server/services/mail/outbox-store.ts';
import { createMailTransport } from '../server/services/mail/transport.ts';
import { buildDistrict } from '../server/test/factories.ts';
import { openBenchDatabase, type DbKind } from './db.ts';
import { count, median, megabytes, now } from './stats.ts';

export interface OutboxBenchOptions {
  messages: number;
  reps: number;
  db: DbKind;
  serverUrl?: string;
  /** RSS is sampled each time this many more messages have arrived. */
  every: number;
}

export interface OutboxRun {
  /** Worker drain: the first claim to the last row marked sent. */
  drainMs: number;
  /** Baseline: the same messages through the same transport from memory. */
  rawMs: number;
  /** RSS (bytes) at the start, every `every` messages and at the end, with the message count. */
  rss: { at: number; bytes: number }[];
  heap: { at: number; bytes: number }[];
}

type ConnectionClass = { prototype: { init(): void; _setListeners(ready: () => void): void; connectionReady(): void } };

/**
 * smtp-server waits 100 ms after each connection before its greeting (to catch clients that talk
 * too soon); with one connection per message that wait, not Trellis, would set the rate. For the
 * bench the greeting comes at once; returns the undo.
 */
async function greetAtOnce(): Promise<() => void> {
  const path: string = 'smtp-server/lib/smtp-connection.js';
  const { SMTPConnection } = (await import(path)) as { SMTPConnection: ConnectionClass };
  const init = SMTPConnection.prototype.init;
  SMTPConnection.prototype.init = function (this: ConnectionClass['prototype']) {
    this._setListeners(() => this.connectionReady());
  };
  return () => {
    SMTPConnection.prototype.init = init;
  };
}

/** A local SMTP server that accepts everything and keeps only a count. */
async function countingSmtp(onMessage: () => void) {
  const undo = await greetAtOnce();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    // No reverse DNS lookup of 127.0.0.1 per connection (it can take 100 ms where DNS is slow).
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        onMessage();
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).finally(undo),
  };
}

const silent = { info() {}, warn() {}, error() {} };

/** A notification e-mail of a realistic size (subject, ~1 KB of text, the unsubscribe headers). */
function notification(districtId: string, i: number): NewOutboxEmail {
  return {
    districtId,
    kind: 'notification',
    toAddress: `teacher${i}@bench.example.org`,
    subject: `New feedback from your observation (${i})`,
    body: `Hello,\n\n${'Your observer has published feedback on your lesson. '.repeat(20)}\n\nhttps://trellis.example.org/observations/${i}\n`,
    headers: {
      'List-Unsubscribe': `<https://trellis.example.org/api/notifications/unsubscribe?token=${'x'.repeat(80)}${i}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

async function oneRun(opts: OutboxBenchOptions, log: (m: string) => void): Promise<OutboxRun> {
  const bench = await openBenchDatabase(opts.db, opts.serverUrl);
  let received = 0;
  const rss: OutboxRun['rss'] = [];
  const heap: OutboxRun['heap'] = [];
  const sample = (at: number) => {
    const mem = process.memoryUsage();
    rss.push({ at, bytes: mem.rss });
    heap.push({ at, bytes: mem.heapUsed });
  };
  let nextSample = opts.every;
  const smtp = await countingSmtp(() => {
    received++;
    if (received >= nextSample) {
      sample(received);
      nextSample += opts.every;
    }
  });
  try {
    const db = bench.database.db;
    const districtId = (await buildDistrict(db, 'Bench Outbox')).id;
    for (let i = 0; i < opts.messages; i += 500) {
      const batch = Array.from({ length: Math.min(500, opts.messages - i) }, (_, j) => notification(districtId, i + j));
      await recordEmails(db, batch);
    }
    const env = loadEnv({ NODE_ENV: 'production', SMTP_URL: smtp.url, SECRET_KEY: 'b'.repeat(64) });
    // Baseline: the same messages through the same transport, one after another, from memory.
    const transport = createMailTransport(env);
    received = 0;
    nextSample = Number.POSITIVE_INFINITY;
    let t0 = now();
    for (let i = 0; i < opts.messages; i++) {
      const mail = notification(districtId, i);
      await transport.send({ to: mail.toAddress, subject: mail.subject, text: mail.body, headers: mail.headers ?? undefined });
    }
    const rawMs = now() - t0;
    transport.close();
    if (received !== opts.messages) throw new Error(`baseline: the SMTP server received ${received} of ${opts.messages}`);
    log(`outbox: baseline sent ${count(opts.messages)} in ${(rawMs / 1000).toFixed(1)} s`);

    received = 0;
    nextSample = opts.every;
    sample(0);
    const mailer = new Mailer(db, createMailTransport(env), env, silent, { pollMs: 60_000 });
    t0 = now();
    await mailer.start({ exclusive: true });
    const pending = () =>
      db
        .select({ n: countRows() })
        .from(outboxEmails)
        .where(and(eq(outboxEmails.districtId, districtId), eq(outboxEmails.status, 'pending')));
    while (received < opts.messages) await new Promise((r) => setTimeout(r, 50));
    await mailer.settled();
    const drainMs = now() - t0;
    await mailer.stop();
    const [left] = await pending();
    if (left!.n !== 0) throw new Error(`outbox: ${left!.n} e-mails still pending after the drain`);
    sample(received);
    log(`outbox: worker drained ${count(received)} in ${(drainMs / 1000).toFixed(1)} s`);
    return { drainMs, rawMs, rss, heap };
  } finally {
    await smtp.close();
    await bench.close();
  }
}

export async function benchOutbox(opts: OutboxBenchOptions, log: (m: string) => void): Promise<OutboxRun[]> {
  const runs: OutboxRun[] = [];
  for (let rep = 0; rep < opts.reps; rep++) runs.push(await oneRun(opts, log));
  return runs;
}

export function printOutbox(opts: OutboxBenchOptions, runs: OutboxRun[]): void {
  const drain = median(runs.map((r) => r.drainMs));
  const raw = median(runs.map((r) => r.rawMs));
  const rate = (ms: number) => `${count((opts.messages * 1000) / ms)} msg/s`;
  console.log('');
  console.log(`Outbox drain (${opts.db}): ${count(opts.messages)} queued notifications, local SMTP server, median of ${runs.length}`);
  console.log(`  e-mail worker      ${rate(drain).padStart(12)}  (${(drain / 1000).toFixed(1)} s)`);
  console.log(`  transport only     ${rate(raw).padStart(12)}  (${(raw / 1000).toFixed(1)} s: the same messages from memory, no outbox)`);
  console.log(`  ratio (time)       ${(drain / raw).toFixed(2)}x`);
  const last = runs[runs.length - 1]!;
  console.log(`  RSS while draining (last run): ${last.rss.map((s) => `${count(s.at)}: ${megabytes(s.bytes)}`).join('  ')}`);
  console.log(`  heap used:                     ${last.heap.map((s) => `${count(s.at)}: ${megabytes(s.bytes)}`).join('  ')}`);
  const growth = last.rss[last.rss.length - 1]!.bytes - last.rss[0]!.bytes;
  console.log(`  RSS end - start: ${growth >= 0 ? '+' : '-'}${megabytes(Math.abs(growth))}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      messages: { type: 'string', default: '10000' },
      reps: { type: 'string', default: '1' },
      db: { type: 'string', default: 'pglite' },
    },
  });
  const opts: OutboxBenchOptions = {
    messages: Number(values.messages),
    reps: Number(values.reps),
    db: values.db as DbKind,
    serverUrl: process.env.BENCH_DATABASE_URL,
    every: 2_000,
  };
  benchOutbox(opts, (m) => process.stderr.write(`[bench] ${m}\n`))
    .then((runs) => printOutbox(opts, runs))
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
