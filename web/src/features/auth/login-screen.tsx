import { clearKeptData } from '../../sw/register.ts';
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, unwrap } from '../../lib/api.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { ApiErrorNote } from '../../components/api-error-note.tsx';

/** The sign-in screen; the session lives in an HttpOnly cookie, the CSRF token in memory only. */
export function LoginScreen({
  expired,
  onLanguage,
  languageLabel,
}: {
  expired: boolean;
  onLanguage(): void;
  languageLabel: string;
}) {
  const f = useFormText();
  const client = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationKey: ['login'],
    mutationFn: () => unwrap(api.auth.login.$post({ json: { username, password } })),
    onSuccess: async (me) => {
      // Answers kept for offline were another session's: none of them is shown to this one.
      await clearKeptData();
      setCsrfToken(me.csrfToken);
      client.setQueryData(['me'], me);
      void client.invalidateQueries();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <div className="login-page">
      <form className="login-card" onSubmit={submit} data-testid="login-form">
        <div className="login-head">
          <h1>{f.signInTitle}</h1>
          <button type="button" className="lang" onClick={onLanguage}>
            {languageLabel}
          </button>
        </div>
        <p className="muted">{f.signInNote}</p>
        {expired && !login.isError ? <p className="muted">{f.expired}</p> : null}
        <label>
          <span>{f.username}</span>
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label>
          <span>{f.password}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <ApiErrorNote error={login.error} />
        <button type="submit" className="primary" disabled={login.isPending}>
          {f.signIn}
        </button>
      </form>
    </div>
  );
}
