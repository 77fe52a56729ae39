/**
 * Upload limits on every upload route: a chunked body without Content-Length is read no further
 * than MAX_UPLOAD_MB (and a little framing) before 413 `payload_too_large`, however it is split
 * into files.
 */
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { oneRosterSet } from '../test/roster-fixtures.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const MB = 1024 * 1024;
const t = useTestApp({ MAX_UPLOAD_MB: '2' });
let admin: Client;

beforeAll(async () => {
  const d = await buildDistrict(t.database.db);
  admin = await signIn(t.app, (await buildUser(t.database.db, d.id, 'district_admin')).email);
});

/** A streamed multipart body of `files` files of `fileMb` MB each; `pulled()` says how much was read. */
function chunkedUpload(files: number, fileMb: number) {
  const boundary = 'trellischunked';
  let pulled = 0;
  const chunk = Buffer.alloc(256 * 1024, 0x41);
  const stream = Readable.from(
    (function* () {
      for (let f = 0; f < files; f++) {
        yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="part${f}.csv"\r\n\r\n`);
        for (let i = 0; i < (fileMb * MB) / chunk.length; i++) {
          pulled += chunk.length;
          yield chunk;
        }
        yield Buffer.from('\r\n');
      }
      yield Buffer.from(`--${boundary}--\r\n`);
    })(),
    { objectMode: false },
  );
  return { stream, contentType: `multipart/form-data; boundary=${boundary}`, pulled: () => pulled };
}

async function send(url: string, upload: ReturnType<typeof chunkedUpload>) {
  return t.app.inject({
    method: 'POST',
    url,
    payload: upload.stream,
    headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken!, 'content-type': upload.contentType },
  });
}

describe.each([
  ['roster import', '/api/imports'],
  ['CASE framework import', '/api/framework-imports/case'],
  ['spreadsheet framework import', '/api/framework-imports/spreadsheet'],
])('%s', (_name, url) => {
  it('stops reading a chunked upload of many files at the limit (413)', async () => {
    const upload = chunkedUpload(15, 1.5);
    const res = await send(url, upload);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(upload.pulled()).toBeLessThanOrEqual(3 * MB);
  });

  it('stops reading one big chunked file at the limit (413)', async () => {
    const upload = chunkedUpload(1, 40);
    const res = await send(url, upload);
    expect(res.statusCode).toBe(413);
    expect(upload.pulled()).toBeLessThanOrEqual(3 * MB);
  });
});

describe('over a real connection', () => {
  it('reads a browser upload whole, and answers a chunked oversized one 413 while it is still being sent', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const headers = { cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken! };
    const form = new FormData();
    for (const file of oneRosterSet(3, 1, 'sock')) form.append('file', new Blob([file.data]), file.name);
    const ok = await fetch(`http://127.0.0.1:${port}/api/imports`, { method: 'POST', body: form, headers });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { report: { counts: { people: { create: number } } } }).report.counts.people.create).toBe(3);

    const upload = chunkedUpload(1, 40);
    const big = await fetch(`http://127.0.0.1:${port}/api/imports`, {
      method: 'POST',
      body: Readable.toWeb(upload.stream) as ReadableStream,
      headers: { ...headers, 'content-type': upload.contentType },
      duplex: 'half',
    } as RequestInit).catch((error: { cause?: { code?: string } }) => {
      // The server answers and closes while the client still writes: a client that is slow to read
      // the answer meets the closed socket instead (EPIPE / ECONNRESET). Either way it stopped reading.
      if (error.cause?.code === 'EPIPE' || error.cause?.code === 'ECONNRESET') return null;
      throw error;
    });
    if (big) {
      expect(big.status).toBe(413);
      expect(big.headers.get('connection')).toBe('close');
    }
    expect(upload.pulled()).toBeLessThan(40 * MB);
  });
});
