/** Permission matrix: the web app's files, index.html and the API documentation are public (no district data). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import type { Database } from '../db/client.ts';
import { loadEnv } from '../env.ts';
import { openTestDatabase } from '../test/database.ts';
import { TEST_SECRET_KEY } from '../test/totp.ts';

/** A small build as Vite writes it: index.html, hashed assets with .br/.gz beside them, a source map. */
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n//# sourceMappingURL=app-Bx9_k2Lq.js.map\n`;
const STYLE = `body { margin: 0 }\n${'.x { color: red }\n'.repeat(100)}`;
const INDEX = `<!doctype html><html><head><script type="module" src="/assets/app-Bx9_k2Lq.js"></script></head><body><div id="root"></div><!-- ${'padding '.repeat(200)} --></body></html>`;

let dir: string;
let database: Database;
let app: App;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dir, 'index.html.br'), brotliCompressSync(INDEX));
  fs.writeFileSync(path.join(dir, 'index.html.gz'), gzipSync(INDEX));
  fs.writeFileSync(path.join(dir, 'assets', 'app-Bx9_k2Lq.js'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'assets', 'app-Bx9_k2Lq.js.br'), brotliCompressSync(SCRIPT));
  fs.writeFileSync(path.join(dir, 'assets', 'app-Bx9_k2Lq.js.gz'), gzipSync(SCRIPT));
  fs.writeFileSync(path.join(dir, 'assets', 'app-Bx9_k2Lq.js.map'), '{"version":3,"sources":["../../web/secret.ts"]}');
  fs.writeFileSync(path.join(dir, 'assets', 'index-C4fE7a0Z.css'), STYLE);
  database = await openTestDatabase();
  app = await buildApp({ database, env: loadEnv({ NODE_ENV: 'test', SECRET_KEY: TEST_SECRET_KEY }), webDir: dir });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('the web app: caching', () => {
  it('lets browsers keep hashed assets for a year, and revalidate index.html', async () => {
    const script = await get('/assets/app-Bx9_k2Lq.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/assets/index-C4fE7a0Z.css')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/people/123', '/index.html']) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toMatch(/^text\/html/);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves an asset a rebuild added after start, cached the same way', async () => {
    fs.writeFileSync(path.join(dir, 'assets', 'late-D0a1b2c3.js'), SCRIPT);
    const late = await get('/assets/late-D0a1b2c3.js');
    expect(late.statusCode).toBe(200);
    expect(late.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(late.body).toBe(SCRIPT);
  });
});

describe('the web app: compression', () => {
  it('sends the precompressed copy the browser accepts: brotli first, then gzip, else the file', async () => {
    const br = await get('/assets/app-Bx9_k2Lq.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);

    const gz = await get('/assets/app-Bx9_k2Lq.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get('/assets/app-Bx9_k2Lq.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('sends index.html precompressed, and compresses on the fly a file without a copy and API answers of 1 KB or more', async () => {
    const style = await get('/assets/index-C4fE7a0Z.css', 'gzip');
    expect(style.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(style.rawPayload).toString()).toBe(STYLE);

    const page = await get('/people/123', 'br');
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(INDEX);

    const docs = await get('/api/docs/json', 'gzip, br');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(docs.rawPayload).toString()).openapi).toBe('3.1.0');
    expect((await get('/api/docs/json')).headers['content-encoding']).toBeUndefined();

    // Below the threshold compression costs more than it saves.
    const small = await get('/healthz', 'gzip, br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ status: 'ok' });
  });
});

describe('the web app: what is not served', () => {
  it('answers 404 for source maps and for the compressed copies by their own names', async () => {
    for (const url of ['/assets/app-Bx9_k2Lq.js.map', '/assets/app-Bx9_k2Lq.js.br', '/assets/app-Bx9_k2Lq.js.gz']) {
      for (const encoding of [undefined, 'gzip, br']) {
        const res = await get(url, encoding);
        expect(res.statusCode, `${url} (${encoding ?? 'identity'})`).toBe(404);
        expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
      }
    }
    fs.writeFileSync(path.join(dir, 'assets', 'late-D0a1b2c3.js.map'), '{}');
    expect((await get('/assets/late-D0a1b2c3.js.map')).statusCode).toBe(404);
  });

  it('answers unknown API routes with the error shape, not index.html', async () => {
    const res = await get('/api/nothing-here', 'gzip');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No such route' } });
  });
});
