/**
 * The copy of an observation draft kept on this device. Every change is written here BEFORE it is
 * sent, so closing the tab, losing the network or a server restart loses nothing: on the next load
 * the local copy is compared with the server's and the newer one is used; while offline the
 * changes wait here (a draft save sends the whole draft, so the queue is the latest copy of each
 * observation) and go out when the network returns.
 *
 * Kept in localStorage under one key per signed-in user and observation, so another person
 * signing in on a shared device never gets someone else's notes.
 */

/** The part of Storage the store uses (localStorage in the browser, a Map in the unit test). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

/** One observation's local copy. */
export interface LocalDraft<T> {
  observationId: string;
  /** The server version this copy was edited from (sent as `version` with the next save). */
  baseVersion: number;
  /** When the person last changed it, ISO (also tells two local writes apart). */
  changedAt: string;
  /** True while the server has not confirmed this content (unsent, in flight, or refused). */
  pending: boolean;
  content: T;
}

const PREFIX = 'trellis.observation-draft.';
/** Copies nobody came back to for a month are dropped (never pending ones). */
const STALE_MS = 30 * 24 * 60 * 60 * 1000;

const keyOf = (userId: string, observationId: string) => `${PREFIX}${userId}.${observationId}`;

/** The browser's localStorage, or null where it is unavailable (private mode, blocked storage). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readLocalDraft<T>(storage: KeyValueStorage | null, userId: string, observationId: string): LocalDraft<T> | null {
  const raw = storage?.getItem(keyOf(userId, observationId));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as LocalDraft<T>;
    return parsed && parsed.observationId === observationId && typeof parsed.baseVersion === 'number' ? parsed : null;
  } catch {
    return null;
  }
}

/** Writes the copy; false when the device refused (storage full or blocked): the caller says so. */
export function writeLocalDraft<T>(storage: KeyValueStorage | null, userId: string, draft: LocalDraft<T>): boolean {
  if (!storage) return false;
  try {
    storage.setItem(keyOf(userId, draft.observationId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** A person's change: the new content, not yet confirmed by the server. */
export function recordChange<T>(
  storage: KeyValueStorage | null,
  userId: string,
  observationId: string,
  baseVersion: number,
  content: T,
  now = new Date(),
): LocalDraft<T> {
  const draft: LocalDraft<T> = { observationId, baseVersion, changedAt: now.toISOString(), pending: true, content };
  writeLocalDraft(storage, userId, draft);
  return draft;
}

/**
 * The server saved the content sent from the copy changed at `sentChangedAt` and is now at
 * `version`. The copy moves to the new version; it stays pending if the person changed it since.
 */
export function recordSaved(
  storage: KeyValueStorage | null,
  userId: string,
  observationId: string,
  sentChangedAt: string,
  version: number,
): void {
  const current = readLocalDraft(storage, userId, observationId);
  if (!current) return;
  writeLocalDraft(storage, userId, {
    ...current,
    baseVersion: version,
    pending: current.changedAt !== sentChangedAt ? current.pending : false,
  });
}

export function clearLocalDraft(storage: KeyValueStorage | null, userId: string, observationId: string): void {
  try {
    storage?.removeItem(keyOf(userId, observationId));
  } catch {
    // nothing to clear
  }
}

/** How a page starts: from the server's draft, from the newer local copy, or from a choice. */
export type StartingPoint<T> =
  | { kind: 'server' }
  /** The local copy holds changes the server never got, made on the version the server still has. */
  | { kind: 'local'; draft: LocalDraft<T> }
  /** The local copy holds unsent changes, but someone saved a newer version since: the person chooses. */
  | { kind: 'conflict'; draft: LocalDraft<T> };

/**
 * Which copy wins on load: the local one when it has unsent changes based on the version the
 * server still has (it is newer); when the server moved on meanwhile, both are shown; otherwise
 * the server's (the local copy is only a confirmed echo of it, or holds what the server has).
 */
export function startingPoint<T>(
  serverVersion: number,
  local: LocalDraft<T> | null,
  sameAsServer?: (content: T) => boolean,
): StartingPoint<T> {
  if (!local || !local.pending) return { kind: 'server' };
  // Sent and saved, but the tab closed before the answer came: nothing is lost.
  if (sameAsServer?.(local.content)) return { kind: 'server' };
  if (local.baseVersion === serverVersion) return { kind: 'local', draft: local };
  return { kind: 'conflict', draft: local };
}

/** Observation ids with changes waiting to be sent, for this user (the offline queue). */
export function pendingDrafts(storage: KeyValueStorage | null, userId: string): string[] {
  if (!storage) return [];
  const prefix = `${PREFIX}${userId}.`;
  const ids: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (!key?.startsWith(prefix)) continue;
    const id = key.slice(prefix.length);
    if (readLocalDraft(storage, userId, id)?.pending) ids.push(id);
  }
  return ids;
}

/** Drops this user's confirmed copies older than a month (pending ones are kept whatever their age). */
export function pruneLocalDrafts(storage: KeyValueStorage | null, userId: string, now = new Date()): void {
  if (!storage) return;
  const prefix = `${PREFIX}${userId}.`;
  const stale: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (!key?.startsWith(prefix)) continue;
    const draft = readLocalDraft(storage, userId, key.slice(prefix.length));
    if (!draft || (!draft.pending && now.getTime() - Date.parse(draft.changedAt) > STALE_MS)) stale.push(key);
  }
  for (const key of stale) storage.removeItem(key);
}

const COMPOSER = 'trellis.observation-composer.';

/** The note being typed but not yet added (kept so a closed tab does not lose it); '' when none. */
export function readComposer(storage: KeyValueStorage | null, key: string): string {
  try {
    return storage?.getItem(COMPOSER + key) ?? '';
  } catch {
    return '';
  }
}

export function writeComposer(storage: KeyValueStorage | null, key: string, text: string): void {
  try {
    if (text) storage?.setItem(COMPOSER + key, text);
    else storage?.removeItem(COMPOSER + key);
  } catch {
    // the note is still on screen
  }
}
