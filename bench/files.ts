/**
 * A 10 MB attachment uploaded and downloaded through the API over a real HTTP connection, as MB/s
 * against a plain copy of the same bytes on the same disk, measured in the same run (issue 12:
 * "at disk speed"). The upload includes what the service does to every file: content type from the
 * bytes, SHA-256, the write to the storage folder and the row with its audit.
 * Alone: `npx tsx bench/files.ts [--db postgres] [--reps N]`.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../server/app.ts';
import { loadEnv } from '../server/env.ts';
import { LocalFileStorage } from '../server/services/files/storage-local.ts';
import { buildDistrict, buildUser, TEST_PASSWORD } from '../server/test/factories.ts';
import { TEST_SECRET_KEY } from '../server/test/totp.ts';
import { openBenchDatabase } from './db.ts';
import { parseOptions, type BenchOptions } from './options.ts';
import { median, now } from './stats.ts';

const SIZE = 10 * 1024 * 1024;

export interface FilesResults {
  db: string;
  reps: number;
  uploadMs: number[];
  downloadMs: number[];
  copyMs: number[];
  /** The same client against a bare node:http server that streams the file and writes the upload: HTTP's own cost here. */
  rawUploadMs: number[];
  rawDownloadMs: number[];
}

/** A bare node:http server: GET streams `file`, POST writes the body to a new file. */
async function rawServer(file: string, dir: string) {
  let n = 0;
  const server = http.createServer((req, res) => {
    if (req.method === 'POST') {
      const out = fs.createWriteStream(path.join(dir, `raw-${n++}.bin`));
      req.pipe(out).on('finish', () => res.end('ok'));
      return;
    }
    res.setHeader('content-length', String(fs.statSync(file).size));
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function drain(res: Response): Promise<number> {
  let received = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) received += chunk.length;
  return received;
}

export async function benchFiles(opts: BenchOptions, log: (m: string) => void): Promise<FilesResults> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-bench-files-'));
  const bench = await openBenchDatabase(opts.db, opts.serverUrl);
  const env = loadEnv({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    SECRET_KEY: TEST_SECRET_KEY,
    COOKIE_SECURE: 'false',
  });
  const app = await buildApp({ database: bench.database, env, fileStorage: new LocalFileStorage(path.join(dir, 'files')) });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const district = await buildDistrict(bench.database.db, 'Bench Files');
    const teacher = await buildUser(bench.database.db, district.id, 'staff');
    const coach = await buildUser(bench.database.db, district.id, 'coach', { caseload: [teacher.personId] });
    const signedIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: coach.email, password: TEST_PASSWORD }),
    });
    const cookie = signedIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('trellis_session='))!
      .split(';')[0]!;
    const headers = { cookie, 'x-csrf-token': ((await signedIn.json()) as { csrfToken: string }).csrfToken };
    const created = await fetch(`${base}/api/coaching/logs`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        attendeeIds: [teacher.personId],
        status: 'held',
        startsAt: new Date(Date.now() - 86_400_000).toISOString(),
        durationMinutes: 30,
        activity: 'modeling',
      }),
    });
    if (created.status !== 201) throw new Error(`coaching log: ${created.status} ${await created.text()}`);
    const logId = ((await created.json()) as { id: string }).id;
    // A PDF header and 10 MB that do not compress: what a scanned lesson plan looks like on the wire.
    const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(SIZE - 9)]);
    const source = path.join(dir, 'source.pdf');
    fs.writeFileSync(source, data);
    const raw = await rawServer(source, dir);
    const results: FilesResults = {
      db: opts.db,
      reps: opts.reps,
      uploadMs: [],
      downloadMs: [],
      copyMs: [],
      rawUploadMs: [],
      rawDownloadMs: [],
    };
    for (let rep = 0; rep < opts.reps + 1; rep++) {
      const form = new FormData();
      form.append('file', new Blob([data], { type: 'application/pdf' }), 'scan.pdf');
      let start = now();
      const uploaded = await fetch(`${base}/api/coaching/logs/${logId}/files`, { method: 'POST', headers, body: form });
      const uploadMs = now() - start;
      if (uploaded.status !== 201) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
      const fileId = ((await uploaded.json()) as { id: string }).id;
      start = now();
      const received = await drain(await fetch(`${base}/api/files/${fileId}`, { headers: { cookie } }));
      const downloadMs = now() - start;
      if (received !== data.length) throw new Error(`download: ${received} bytes of ${data.length}`);
      start = now();
      fs.copyFileSync(source, path.join(dir, `copy-${rep}.pdf`));
      const copyMs = now() - start;
      const rawForm = new FormData();
      rawForm.append('file', new Blob([data], { type: 'application/pdf' }), 'scan.pdf');
      start = now();
      await (await fetch(raw.url, { method: 'POST', body: rawForm })).text();
      const rawUploadMs = now() - start;
      start = now();
      await drain(await fetch(raw.url));
      const rawDownloadMs = now() - start;
      if (rep === 0) continue; // warm-up
      results.rawUploadMs.push(rawUploadMs);
      results.rawDownloadMs.push(rawDownloadMs);
      results.uploadMs.push(uploadMs);
      results.downloadMs.push(downloadMs);
      results.copyMs.push(copyMs);
    }
    await raw.close();
    log('files upload/download done');
    return results;
  } finally {
    await app.close();
    await bench.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const mbPerSecond = (ms: number) => SIZE / (1024 * 1024) / (ms / 1000);

export function printFiles(r: FilesResults): void {
  const copy = mbPerSecond(median(r.copyMs));
  const row = (label: string, ms: number[]) => {
    const rate = mbPerSecond(median(ms));
    console.log(
      `  ${label.padEnd(24)} ${rate.toFixed(0).padStart(6)} MB/s   (median of ${ms.length}; ${(rate / copy).toFixed(2)}x the plain copy)`,
    );
  };
  console.log('');
  console.log(
    `Attachments: a 10 MB file through the API over HTTP (local folder storage, ${r.db}), against a plain file copy of the same bytes`,
  );
  row('upload (POST, multipart)', r.uploadMs);
  row('download (GET, streamed)', r.downloadMs);
  console.log(`  ${'plain copy (copyFile)'.padEnd(24)} ${copy.toFixed(0).padStart(6)} MB/s`);
  const rawUp = mbPerSecond(median(r.rawUploadMs));
  const rawDown = mbPerSecond(median(r.rawDownloadMs));
  console.log(
    `  bare node:http, same client: upload ${rawUp.toFixed(0)} MB/s, download ${rawDown.toFixed(0)} MB/s (API: ${(mbPerSecond(median(r.uploadMs)) / rawUp).toFixed(2)}x / ${(mbPerSecond(median(r.downloadMs)) / rawDown).toFixed(2)}x of it)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchFiles(parseOptions(process.argv.slice(2)), (m) => process.stderr.write(`[bench] ${m}\n`))
    .then(printFiles)
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
