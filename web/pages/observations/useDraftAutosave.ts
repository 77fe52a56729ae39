import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { browserStorage, recordChange, recordSaved, writeLocalDraft } from './draft-store.ts';

/** Where the draft stands, as the status line says it. */
export type AutosaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** No network (or no answer): the change is kept on this device and sent when the network returns. */
  | { kind: 'offline' }
  /** The server refused the change for another reason (e.g. too long): it stays on this device. */
  | { kind: 'error'; error: unknown }
  /** Someone saved a newer version first: nothing is sent until the person chooses. */
  | { kind: 'conflict'; theirs: unknown }
  /** The observation was published meanwhile: the unsent change can no longer go into the draft. */
  | { kind: 'published'; observation: unknown };

export interface SaveAnswer {
  version: number;
  savedAt: string;
}

const DEBOUNCE_MS = 800;
const RETRY_MS = 5_000;

/** No answer at all, or a gateway answering for a server that is restarting. */
const unreachable = (error: unknown) => isApiError(error, 'network') || (isApiError(error) && [502, 503, 504].includes(error.status));

/**
 * Autosave of one observation draft. `change(content)` writes the local copy at once (before any
 * request), then sends the whole draft 0.8 s after the typing stops, one request at a time with
 * the version last saved; typing on while a save is out sends the rest when it returns. Offline
 * (or when the server does not answer) the copy waits and is sent on `online` or on a retry every
 * 5 s. A 409 stops sending until the person chooses (`resolveConflict`) or, when the observation
 * was published meanwhile, for good.
 */
export function useDraftAutosave<T>({
  observationId,
  userId,
  version,
  initialUnsent = null,
  send,
}: {
  observationId: string;
  userId: string;
  /** The server version the page's content is based on. */
  version: number;
  /** The page started from a local copy the server has not got yet: it is sent at once. */
  initialUnsent?: { content: T; changedAt: string } | null;
  send: (version: number, content: T) => Promise<SaveAnswer>;
}) {
  const [state, setState] = useState<AutosaveState>({ kind: 'idle' });
  const storage = useRef(browserStorage());
  const versionRef = useRef(version);
  /** The latest change not yet confirmed: its content and when it was made. */
  const latest = useRef<{ content: T; changedAt: string } | null>(initialUnsent);
  /** The save loop under way, if any (one at a time). */
  const running = useRef<Promise<void> | null>(null);
  const blocked = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retry = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sendRef = useRef(send);
  /** The retry timer calls the latest flush through this. */
  const again = useRef<() => void>(() => {});
  useEffect(() => {
    sendRef.current = send;
  }, [send]);

  /** Sends the latest change until none is left (typing on while a save is out sends the rest). */
  const sendAll = useCallback(async (): Promise<void> => {
    try {
      let savedAt = '';
      while (latest.current) {
        const sending: { content: T; changedAt: string } = latest.current;
        setState({ kind: 'saving' });
        const answer = await sendRef.current(versionRef.current, sending.content);
        versionRef.current = answer.version;
        savedAt = answer.savedAt;
        recordSaved(storage.current, userId, observationId, sending.changedAt, answer.version);
        if (latest.current === sending) latest.current = null;
      }
      setState({ kind: 'saved', at: savedAt });
    } catch (error) {
      if (unreachable(error)) {
        setState({ kind: 'offline' });
        retry.current = setTimeout(() => again.current(), RETRY_MS);
      } else if (isApiError(error, 'conflict')) {
        blocked.current = true;
        setState({ kind: 'conflict', theirs: (error.details as { current?: unknown } | null)?.current ?? null });
      } else if (isApiError(error, 'invalid_state')) {
        blocked.current = true;
        setState({ kind: 'published', observation: (error.details as { observation?: unknown } | null)?.observation ?? null });
      } else {
        setState({ kind: 'error', error });
      }
    }
  }, [observationId, userId]);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    if (retry.current) clearTimeout(retry.current);
    timer.current = null;
    retry.current = null;
    // A save is out: its loop sends whatever was typed meanwhile; wait for it (publish relies on this).
    if (running.current) return running.current;
    if (blocked.current || !latest.current) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      setState({ kind: 'offline' });
      return;
    }
    const run = sendAll();
    running.current = run;
    try {
      await run;
    } finally {
      running.current = null;
    }
  }, [sendAll]);

  useEffect(() => {
    again.current = () => void flush();
  }, [flush]);

  /** A change by the person: kept on this device now, sent after the pause. */
  const change = useCallback(
    (content: T) => {
      const draft = recordChange(storage.current, userId, observationId, versionRef.current, content);
      latest.current = { content, changedAt: draft.changedAt };
      if (blocked.current) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush, observationId, userId],
  );

  /**
   * After a 409: take theirs (the page shows their content; nothing is sent) or keep mine (saved
   * over their version). `theirsVersion`: the version of the copy shown in the conflict.
   */
  const resolveConflict = useCallback(
    (choice: 'theirs' | 'mine', theirsVersion: number, theirsContent?: T) => {
      versionRef.current = theirsVersion;
      blocked.current = false;
      if (choice === 'theirs') {
        latest.current = null;
        if (theirsContent !== undefined) {
          writeLocalDraft(storage.current, userId, {
            observationId,
            baseVersion: theirsVersion,
            changedAt: new Date().toISOString(),
            pending: false,
            content: theirsContent,
          });
        }
        setState({ kind: 'idle' });
        return;
      }
      if (latest.current) recordChange(storage.current, userId, observationId, theirsVersion, latest.current.content);
      void flush();
    },
    [flush, observationId, userId],
  );

  // A local copy the server has not got yet (restored on load) goes out at once.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (latest.current) void Promise.resolve().then(() => flush());
  }, [flush]);

  useEffect(() => {
    const online = () => void flush();
    window.addEventListener('online', online);
    const offline = () => {
      if (latest.current && !blocked.current) setState({ kind: 'offline' });
    };
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      if (timer.current) clearTimeout(timer.current);
      if (retry.current) clearTimeout(retry.current);
    };
  }, [flush]);

  /** The server version the next save is sent with (read in handlers only). */
  const currentVersion = useCallback(() => versionRef.current, []);
  /** True while a change has not been confirmed by the server (read in handlers only). */
  const hasUnsent = useCallback(() => latest.current !== null, []);

  return { state, change, flush, resolveConflict, currentVersion, hasUnsent };
}
