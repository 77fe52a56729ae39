import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Env } from '../../env.ts';
import { LocalFileStorage } from './storage-local.ts';
import { S3FileStorage } from './storage-s3.ts';

/**
 * Where attachment bytes live. Keys are `<districtId>/<fileId>` (lowercase hex and dashes only):
 * no name a person chose ever reaches a path or an object key. Nothing here is public: bytes leave
 * only through the download route, after the owner record's read check.
 */
export interface FileStorage {
  readonly kind: 'local' | 's3';
  put(key: string, data: Buffer): Promise<void>;
  /** The stored bytes as a stream; null when nothing is stored under the key. */
  get(key: string): Promise<Readable | null>;
  /** Removes the bytes; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export { checkKey, storageKey } from './storage-key.ts';

/** The folder of the embedded mode's files: inside DATA_DIR, so backups carry them. */
export const localFilesDir = (dataDir: string) => path.join(dataDir, 'files');

/** S3-compatible storage when FILES_S3_BUCKET is set, else the local folder under DATA_DIR. */
export function createFileStorage(env: Env): FileStorage {
  if (env.FILES_S3_BUCKET) {
    return new S3FileStorage({
      bucket: env.FILES_S3_BUCKET,
      endpoint: env.FILES_S3_ENDPOINT,
      region: env.FILES_S3_REGION,
      accessKeyId: env.FILES_S3_ACCESS_KEY_ID,
      secretAccessKey: env.FILES_S3_SECRET_ACCESS_KEY,
    });
  }
  return new LocalFileStorage(localFilesDir(env.DATA_DIR));
}
