import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filter values kept in the URL (so Back and shared links keep them); setting any filter other
 * than `offset` goes back to the first page.
 * @example const [filters, setFilters] = useUrlState({ q: '', active: 'true', offset: '0' });
 */
export function useUrlState<T extends Record<string, string>>(defaults: T): [T, (patch: Partial<T>) => void] {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(Object.entries(defaults).map(([key, value]) => [key, params.get(key) ?? value])) as T;
  // Call sites pass a fresh literal each render; its JSON is the stable identity.
  const defaultsKey = JSON.stringify(defaults);
  const update = useCallback(
    (patch: Partial<T>) =>
      setParams(
        (previous) => {
          const base = JSON.parse(defaultsKey) as T;
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === base[key]) next.delete(key);
            else next.set(key, value);
          }
          if (!('offset' in patch)) next.delete('offset');
          return next;
        },
        { replace: true },
      ),
    [setParams, defaultsKey],
  );
  return [values, update];
}

/** A search box's text, applied to `onSearch` 300 ms after the typing stops. */
export function useDebouncedSearch(initial: string, onSearch: (value: string) => void): [string, (value: string) => void] {
  const [text, setText] = useState(initial);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if (debounced !== initial) onSearch(debounced);
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps
  return [text, setText];
}
