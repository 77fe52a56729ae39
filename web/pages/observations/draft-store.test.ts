import { describe, expect, it } from 'vitest';
import {
  clearLocalDraft,
  pendingDrafts,
  pruneLocalDrafts,
  readLocalDraft,
  recordChange,
  recordSaved,
  startingPoint,
  writeLocalDraft,
  type KeyValueStorage,
} from './draft-store.ts';

/** localStorage's behaviour over a Map; `full` makes every write throw like a full quota. */
function memoryStorage(): KeyValueStorage & { full: boolean; map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    full: false,
    getItem: (k) => map.get(k) ?? null,
    setItem(k, v) {
      if (this.full) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
  };
}

const content = (text: string) => ({ glows: text });

describe('the local draft copy', () => {
  it('is written on a change and read back, per user', () => {
    const s = memoryStorage();
    recordChange(s, 'u1', 'o1', 3, content('seen'));
    expect(readLocalDraft(s, 'u1', 'o1')).toMatchObject({ baseVersion: 3, pending: true, content: { glows: 'seen' } });
    expect(readLocalDraft(s, 'u2', 'o1')).toBeNull();
  });

  it('is confirmed by a save of the same change, and stays pending when typed on meanwhile', () => {
    const s = memoryStorage();
    const sent = recordChange(s, 'u1', 'o1', 3, content('a'), new Date('2026-01-01T10:00:00Z'));
    recordSaved(s, 'u1', 'o1', sent.changedAt, 4);
    expect(readLocalDraft(s, 'u1', 'o1')).toMatchObject({ baseVersion: 4, pending: false });

    const second = recordChange(s, 'u1', 'o1', 4, content('ab'), new Date('2026-01-01T10:00:01Z'));
    recordChange(s, 'u1', 'o1', 4, content('abc'), new Date('2026-01-01T10:00:02Z'));
    recordSaved(s, 'u1', 'o1', second.changedAt, 5);
    expect(readLocalDraft(s, 'u1', 'o1')).toMatchObject({ baseVersion: 5, pending: true, content: { glows: 'abc' } });
  });

  it('wins on load when it holds unsent changes on the version the server still has', () => {
    const s = memoryStorage();
    const local = recordChange(s, 'u1', 'o1', 7, content('typed offline'));
    expect(startingPoint(7, local)).toEqual({ kind: 'local', draft: local });
    expect(startingPoint(8, local)).toEqual({ kind: 'conflict', draft: local });
    expect(startingPoint(7, { ...local, pending: false })).toEqual({ kind: 'server' });
    expect(startingPoint(7, null)).toEqual({ kind: 'server' });
    // Saved just before the tab closed (the answer never came back): the server has it all.
    expect(startingPoint(8, local, (c) => c.glows === 'typed offline')).toEqual({ kind: 'server' });
  });

  it('lists the pending copies as the offline queue', () => {
    const s = memoryStorage();
    recordChange(s, 'u1', 'o1', 1, content('x'));
    const sent = recordChange(s, 'u1', 'o2', 1, content('y'));
    recordSaved(s, 'u1', 'o2', sent.changedAt, 2);
    recordChange(s, 'u2', 'o3', 1, content('z'));
    s.setItem('unrelated', '1');
    expect(pendingDrafts(s, 'u1')).toEqual(['o1']);
  });

  it('survives a full or broken storage, and ignores unreadable copies', () => {
    const s = memoryStorage();
    s.full = true;
    expect(writeLocalDraft(s, 'u1', { observationId: 'o1', baseVersion: 1, changedAt: '', pending: true, content: 1 })).toBe(false);
    expect(writeLocalDraft(null, 'u1', { observationId: 'o1', baseVersion: 1, changedAt: '', pending: true, content: 1 })).toBe(false);
    s.full = false;
    s.setItem('trellis.observation-draft.u1.o9', '{not json');
    expect(readLocalDraft(s, 'u1', 'o9')).toBeNull();
    expect(readLocalDraft(null, 'u1', 'o9')).toBeNull();
  });

  it('prunes old confirmed copies but never pending ones', () => {
    const s = memoryStorage();
    const old = new Date('2026-01-01T00:00:00Z');
    const sent = recordChange(s, 'u1', 'o1', 1, content('old, saved'), old);
    recordSaved(s, 'u1', 'o1', sent.changedAt, 2);
    recordChange(s, 'u1', 'o2', 1, content('old, unsent'), old);
    recordChange(s, 'u1', 'o3', 1, content('recent'), new Date('2026-03-01T00:00:00Z'));
    pruneLocalDrafts(s, 'u1', new Date('2026-03-02T00:00:00Z'));
    expect(readLocalDraft(s, 'u1', 'o1')).toBeNull();
    expect(readLocalDraft(s, 'u1', 'o2')).not.toBeNull();
    expect(readLocalDraft(s, 'u1', 'o3')).not.toBeNull();
    clearLocalDraft(s, 'u1', 'o3');
    expect(readLocalDraft(s, 'u1', 'o3')).toBeNull();
  });
});
