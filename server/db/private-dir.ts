import fs from 'node:fs';
import path from 'node:path';

/**
 * Creates `dir` (and missing parents) readable by this user only, and tightens it to 0700 when it
 * exists already: the embedded database, its lock and the key file live there. A directory owned
 * by someone else (EPERM) is left as it is.
 */
export function makePrivateDir(dir: string) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    fs.chmodSync(dir, 0o700);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  }
}

/**
 * Makes every file under `dir` 0600 and every folder 0700. PGlite creates its files 0666 whatever
 * the umask (world-writable under the usual 022); the private directory already shuts others out,
 * and this keeps the files so when the directory is copied or its mode loosened.
 */
export function makePrivateTree(dir: string) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(entry.parentPath ?? dir, entry.name);
    if (entry.isDirectory()) {
      fs.chmodSync(full, 0o700);
      makePrivateTree(full);
    } else if (entry.isFile()) fs.chmodSync(full, 0o600);
  }
  fs.chmodSync(dir, 0o700);
}
