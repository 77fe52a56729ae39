import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lockfile.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-lock-'));

describe('data directory lock', () => {
  it('refuses a second holder while the first process lives, naming it', async () => {
    const dir = tempDir();
    const other = spawn('sleep', ['30']);
    fs.writeFileSync(path.join(dir, 'trellis.lock'), String(other.pid));
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`pid ${other.pid}`));
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that was killed', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'trellis.lock'), '999999999');
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'trellis.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'trellis.lock'))).toBe(false);
  });
});
