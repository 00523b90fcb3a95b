/** The sign-in gate: the dashboard shows only to a signed-in user; a 401 anywhere brings the login back. */
import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LoginScreen } from '../features/auth/login-screen.tsx';
import { MESSAGES } from '../i18n/messages.ts';
import { LangContext } from '../i18n/use-i18n.ts';
import { ApiError, currentCsrfToken, setCsrfToken } from '../lib/api.ts';
import { setSession, type Renewal } from '../lib/connectivity.ts';
import { meQuery } from '../lib/queries.ts';
import { Dashboard } from './dashboard.tsx';
import { useViewState } from '../lib/url-state.ts';

export function App() {
  const [view, setView] = useViewState();
  const me = useQuery(meQuery());
  const client = useQueryClient();
  useEffect(() => {
    // The kept copy (offline) has no token: it never replaces the one the server gave.
    if (me.data?.csrfToken) setCsrfToken(me.data.csrfToken);
    // The outbox sends only the signed-in user's writes, with the session's current CSRF token, asked for again
    // when the page has none.
    const username = me.data?.username ?? null;
    setSession(username, currentCsrfToken, () =>
      client.fetchQuery({ ...meQuery(), staleTime: 0 }).then(
        (fresh): Renewal => {
          // Another user signed in meanwhile: this user's writes wait for their own session.
          if (!fresh || fresh.username !== username) return 'signed_out';
          if (fresh.csrfToken) setCsrfToken(fresh.csrfToken);
          return fresh.csrfToken ? 'renewed' : 'unreachable';
        },
        (e: unknown): Renewal =>
          e instanceof ApiError && e.status === 401 ? 'signed_out' : 'unreachable',
      ),
    );
  }, [me.data, client]);
  const toggleLang = () => setView({ lang: view.lang === 'vi' ? 'en' : 'vi' });
  let body;
  if (me.isPending) body = <div className="map-loading">{MESSAGES[view.lang].loading}</div>;
  else if (me.data) body = <Dashboard me={me.data} />;
  else
    body = (
      <LoginScreen
        expired={me.error instanceof ApiError && me.error.status === 401 && me.failureCount > 1}
        onLanguage={toggleLang}
        languageLabel={MESSAGES[view.lang].language}
      />
    );
  return <LangContext.Provider value={view.lang}>{body}</LangContext.Provider>;
}
