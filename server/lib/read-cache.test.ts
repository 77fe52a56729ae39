import { describe, expect, it } from 'vitest';
import { invalidateReads, sharedRead } from './read-cache.ts';

describe('sharedRead', () => {
  it('runs one load for concurrent and repeated reads of a key, per database', async () => {
    const db = {};
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([sharedRead(db, 'k', load), sharedRead(db, 'k', load)]);
    expect([a, b, await sharedRead(db, 'k', load)]).toEqual([1, 1, 1]);
    expect(await sharedRead({}, 'k', load)).toBe(2);
  });

  it('loads afresh after a write', async () => {
    const db = {};
    let loads = 0;
    const load = async () => ++loads;
    await sharedRead(db, 'k', load);
    invalidateReads();
    expect(await sharedRead(db, 'k', load)).toBe(2);
  });

  it('does not keep a failed load', async () => {
    const db = {};
    await expect(sharedRead(db, 'k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await sharedRead(db, 'k', async () => 'up')).toBe('up');
  });
});
