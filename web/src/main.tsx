import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from './lib/api.ts';
import { App } from './app/app.tsx';
import { clearKeptData } from './sw/register.ts';
import './styles.css';

// A 401 from any request means the session ended: ask who we are again, which brings back the sign-in screen.
const onAuthError = (e: unknown) => {
  if (e instanceof ApiError && e.status === 401) {
    // The session is over: what the service worker kept of it must not reopen the dashboard offline.
    void clearKeptData();
    void client.invalidateQueries({ queryKey: ['me'] });
  }
};
const client: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 1,
      refetchOnWindowFocus: false,
      // Offline, a read still goes out once: the service worker answers it from what it kept.
      networkMode: 'offlineFirst',
    },
    // Offline, a write still runs: the fetch puts it in the outbox (lib/connectivity.ts), or says it needs a link.
    mutations: { networkMode: 'always' },
  },
  queryCache: new QueryCache({ onError: (e, q) => q.queryKey[0] !== 'me' && onAuthError(e) }),
  // A refused sign-in is not an ended session: the sign-in screen shows its own message.
  mutationCache: new MutationCache({
    onError: (e, _v, _c, m) => m.options.mutationKey?.[0] !== 'login' && onAuthError(e),
  }),
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
