import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useSsoOptions, type SsoOptions } from '../../api/sso.ts';

const STORAGE_KEY = 'trellis.district';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The domain of an e-mail being typed, once it looks complete ("ana@district.org" -> "district.org"). */
export function domainOf(email: string): string | undefined {
  const match = /^[^@\s]+@([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})$/i.exec(email.trim());
  return match?.[1]?.toLowerCase();
}

/**
 * Which district's sign-in options the page shows: `?district=<slug>` (the link an admin shares,
 * then remembered on this device), else the one remembered, else the district whose provider
 * lists the domain of the e-mail typed. `source` says which, since only a district the person
 * chose (not a guess from a domain) may hide the password form.
 */
export function useSignInDistrict(email: string) {
  const [params] = useSearchParams();
  const fromLink = params.get('district') ?? undefined;
  const [remembered, setRemembered] = useState(() => storage()?.getItem(STORAGE_KEY) ?? undefined);
  const chosen = fromLink ?? remembered;
  const [debouncedEmail] = useDebouncedValue(email, 400);
  const domain = chosen ? undefined : domainOf(debouncedEmail);
  const options = useSsoOptions(chosen ? { district: chosen } : { domain });

  useEffect(() => {
    if (fromLink && options.data?.district) storage()?.setItem(STORAGE_KEY, fromLink);
  }, [fromLink, options.data?.district]);
  // A remembered district that no longer exists (renamed) is forgotten for the next visit.
  const gone = !fromLink && Boolean(remembered) && isApiError(options.error, 'not_found');
  useEffect(() => {
    if (gone) storage()?.removeItem(STORAGE_KEY);
  }, [gone]);

  /** Remembers a district (e.g. the one a refused password sign-in named). */
  const remember = useCallback((slug: string) => {
    storage()?.setItem(STORAGE_KEY, slug);
    setRemembered(slug);
  }, []);
  /** Forgets the remembered district ("Not your district?"). */
  const forget = useCallback(() => {
    storage()?.removeItem(STORAGE_KEY);
    setRemembered(undefined);
  }, []);

  const data: SsoOptions | undefined = options.data?.district ? options.data : undefined;
  return { options: data, source: chosen ? ('chosen' as const) : ('domain' as const), fromLink: Boolean(fromLink), remember, forget };
}
