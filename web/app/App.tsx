import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { RouterProvider } from 'react-router';
import { isApiError } from '../api/client.ts';
import { sessionKey } from '../api/session.ts';
import { router } from './router.tsx';
import i18n from './i18n.ts';
import { cssVariablesResolver, theme } from './theme.ts';

/** A 401 on any request means the session ended: forget it, and the router shows sign-in. */
function onError(error: unknown, queryKey?: readonly unknown[]) {
  if (!isApiError(error, 'unauthenticated') || queryKey?.[0] === sessionKey[0]) return;
  queryClient.setQueryData(sessionKey, null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (error) => onError(error) }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retry network hiccups and server errors once; a 4xx will not change by asking again.
      retry: (count, error) => count < 1 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

// District content comes in the language of the request (Accept-Language, api/client.ts): a
// switch of language asks for it again.
i18n.on('languageChanged', () => void queryClient.invalidateQueries());

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        {/* Waits for the first translations; later pages suspend inside the shell instead. */}
        <Suspense fallback={null}>
          <RouterProvider router={router} />
        </Suspense>
      </QueryClientProvider>
    </MantineProvider>
  );
}
