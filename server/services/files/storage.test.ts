/**
 * The storage contract, run against both backends: the local folder (embedded mode) and an
 * S3-compatible store (s3rver, a real local S3 server from npm, on a free port).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFileStorage } from './storage-local.ts';
import { S3FileStorage } from './storage-s3.ts';
import { storageKey, type FileStorage } from './storage.ts';

async function readAll(stream: Readable | null): Promise<Buffer | null> {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-files-'));
let s3rver: S3rver;
let s3: S3FileStorage;
const local = new LocalFileStorage(path.join(tmp(), 'files'));

beforeAll(async () => {
  s3rver = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: tmp(),
    configureBuckets: [{ name: 'trellis-files', configs: [] }],
  });
  const { port } = await s3rver.run();
  s3 = new S3FileStorage({
    bucket: 'trellis-files',
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  });
});

afterAll(async () => {
  s3?.close();
  await s3rver?.close();
});

describe.each([
  ['local folder', () => local as FileStorage],
  ['S3-compatible store', () => s3 as FileStorage],
])('%s', (_name, storage) => {
  it('gives back exactly the bytes it was given, and nothing once deleted', async () => {
    const key = storageKey(randomUUID(), randomUUID());
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_v, i) => (i * 31) % 256));
    await storage().put(key, bytes);
    expect((await readAll(await storage().get(key)))!.equals(bytes)).toBe(true);
    await storage().delete(key);
    expect(await storage().get(key)).toBeNull();
    await storage().delete(key); // deleting again is harmless
  });

  it('answers null for a key never written', async () => {
    expect(await storage().get(storageKey(randomUUID(), randomUUID()))).toBeNull();
  });

  it('overwrites a key in place', async () => {
    const key = storageKey(randomUUID(), randomUUID());
    await storage().put(key, Buffer.from('first'));
    await storage().put(key, Buffer.from('second'));
    expect((await readAll(await storage().get(key)))!.toString()).toBe('second');
  });

  it('refuses keys that are not <uuid>/<uuid> (no path from a person reaches the store)', async () => {
    for (const key of ['../etc/passwd', `${randomUUID()}/../../x`, 'a/b', '']) {
      await expect(storage().put(key, Buffer.from('x'))).rejects.toThrow(/storage key/);
      await expect(storage().get(key)).rejects.toThrow(/storage key/);
    }
  });
});

describe('local folder', () => {
  it('keeps files readable by this user only and leaves no partial file', async () => {
    const key = storageKey(randomUUID(), randomUUID());
    await local.put(key, Buffer.from('private'));
    const file = path.join(local.root, ...key.split('/'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });
});
