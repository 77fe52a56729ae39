import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Loading } from '../components/Loading.tsx';
import { setLocale } from './i18n.ts';

/**
 * Renders its children only for a signed-in user (else sends them to sign-in and back after),
 * and switches the UI to the language the user picked on their account page, if they picked one
 * (until then the language of the sign-in page or the browser stays in use).
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const locale = session.data?.user.locale;

  useEffect(() => {
    if (locale) void setLocale(locale);
  }, [locale]);

  if (session.isPending) {
    return (
      <main>
        <Loading />
      </main>
    );
  }
  if (session.isError) {
    return (
      <main style={{ padding: 16 }}>
        <ErrorAlert error={session.error} />
      </main>
    );
  }
  if (!session.data) {
    const next = location.pathname + location.search;
    const to = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return children;
}
