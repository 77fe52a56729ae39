import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../api/client.ts';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; error: unknown }
  | { kind: 'conflict'; theirs: unknown };

/**
 * Saves a draft a moment after the last change (debounced), one request at a time, with the version
 * last saved. A 409 stops saving and keeps the draft on screen: the caller shows both versions and
 * either takes theirs (`resolve(theirVersion, null)`) or keeps theirs' version and saves its own
 * (`resolve(theirVersion, draft)`). Nothing typed is dropped while a save is in flight.
 */
export function useAutosave<D>(send: (draft: D, version: number) => Promise<number>, initialVersion: number, delayMs = 800) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const version = useRef(initialVersion);
  const latest = useRef<D | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const stopped = useRef(false);
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) return;
    inFlight.current = true;
    // Changes typed while a save is in flight go in the next round of the loop.
    while (latest.current !== null && !stopped.current) {
      const draft = latest.current;
      latest.current = null;
      setState({ kind: 'saving' });
      try {
        version.current = await sendRef.current(draft, version.current);
        setState({ kind: 'saved', at: new Date().toISOString() });
      } catch (error) {
        latest.current ??= draft;
        if (isApiError(error, 'conflict')) {
          stopped.current = true;
          setState({ kind: 'conflict', theirs: (error.details as { current?: unknown } | null)?.current ?? null });
        } else setState({ kind: 'error', error });
        break;
      }
    }
    inFlight.current = false;
  }, []);

  const schedule = useCallback(
    (draft: D) => {
      latest.current = draft;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  const resolve = useCallback(
    (theirVersion: number, mine: D | null) => {
      version.current = theirVersion;
      stopped.current = false;
      latest.current = mine;
      setState({ kind: 'idle' });
      if (mine !== null) void flush();
    },
    [flush],
  );

  const setVersion = useCallback((v: number) => {
    version.current = v;
  }, []);

  // Leaving the page sends what is still waiting.
  useEffect(
    () => () => {
      if (timer.current) void flush();
    },
    [flush],
  );
  return { state, schedule, flush, resolve, setVersion, version };
}
