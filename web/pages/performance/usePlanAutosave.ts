import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PerformancePlan } from '../../../common/schemas/performance-plans.ts';
import { isApiError } from '../../api/client.ts';
import { planKeys } from '../../api/performance-plans.ts';

export type PlanSaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** Someone saved the plan first: the person's text stays on screen until they choose. */
  | { kind: 'conflict' }
  | { kind: 'error'; error: unknown };

const DEBOUNCE_MS = 800;

/**
 * Autosave of a plan's text (reflections, comments): `change(value)` keeps the value and sends it
 * 0.8 s after typing stops, one request at a time, the latest value last. A 409 puts the current
 * plan in the cache and stops sending (the typed text stays in the page's state) until the person
 * chooses: `keepMine` sends it again over the new version, `useTheirs` drops it. A failed send keeps
 * the text and says so; leaving the page with unsent text asks first.
 */
export function usePlanAutosave<T>(planId: string, send: (value: T) => Promise<PerformancePlan>) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<PlanSaveState>({ kind: 'idle' });
  const pending = useRef<T | null>(null);
  const running = useRef(false);
  const blocked = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  }, [send]);

  const flush = useCallback(async () => {
    if (running.current || blocked.current) return;
    running.current = true;
    try {
      while (pending.current !== null) {
        const value = pending.current;
        pending.current = null;
        setState({ kind: 'saving' });
        try {
          await sendRef.current(value);
          if (pending.current === null) setState({ kind: 'saved', at: new Date().toISOString() });
        } catch (error) {
          if (pending.current === null) pending.current = value;
          if (isApiError(error, 'conflict')) {
            const current = (error.details as { current?: PerformancePlan } | undefined)?.current;
            if (current) queryClient.setQueryData(planKeys.plan(planId), current);
            blocked.current = true;
            setState({ kind: 'conflict' });
          } else setState({ kind: 'error', error });
          return;
        }
      }
    } finally {
      running.current = false;
    }
  }, [planId, queryClient]);

  const change = useCallback(
    (value: T) => {
      pending.current = value;
      if (!blocked.current) setState({ kind: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (pending.current !== null) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (timer.current) clearTimeout(timer.current);
      // Leaving the page inside the debounce: send what was typed.
      if (pending.current !== null && !blocked.current) void flush();
    };
  }, [flush]);

  const keepMine = useCallback(() => {
    blocked.current = false;
    void flush();
  }, [flush]);
  const useTheirs = useCallback(() => {
    blocked.current = false;
    pending.current = null;
    setState({ kind: 'idle' });
  }, []);
  const retry = useCallback(() => void flush(), [flush]);
  return { state, change, keepMine, useTheirs, retry };
}
