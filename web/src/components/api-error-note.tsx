import { useContext } from 'react';
import { ApiError } from '../lib/api.ts';
import { OfflineError, QueuedOffline, useConnectivity } from '../lib/connectivity.ts';
import { OFFLINE_MESSAGES } from '../i18n/offline-messages.ts';
import { useFormText } from '../i18n/use-form-text.ts';
import { LangContext } from '../i18n/use-i18n.ts';

/** A failed request as the user should read it: 401, 403 and 412 get their own message; 412 offers a reload. */
export function ApiErrorNote({
  error,
  onReload,
  words = {},
}: {
  error: unknown;
  onReload?: () => void;
  /** The panel's own words for error codes of its routes (the API's messages are English). */
  words?: Record<string, string>;
}) {
  const f = useFormText();
  const o = OFFLINE_MESSAGES[useContext(LangContext)];
  const { offline } = useConnectivity();
  if (!error) return null;
  // Offline, a write that may wait is in the outbox: said as news, not as an error.
  if (error instanceof QueuedOffline)
    return (
      <p className="ok-text" role="status" data-testid="queued-offline">
        {o.queued}
      </p>
    );
  if (error instanceof OfflineError)
    return (
      <div className="error-box" role="alert" data-testid="api-error">
        <span>{o.needsLink}</span>
      </div>
    );
  // A read the network could not answer and the service worker had not kept (the browser's words are English).
  if (error instanceof TypeError && (offline || navigator.onLine === false))
    return (
      <div className="error-box" role="alert" data-testid="api-error">
        <span>{o.notKept}</span>
      </div>
    );
  const e = error instanceof ApiError ? error : null;
  const byCode: Record<string, string> = {
    invalid_credentials: f.badLogin,
    account_locked: f.lockedAccount,
    rate_limited: f.tooMany,
    sign_in_throttled: f.throttled.replace('{s}', String(e?.retryAfterS ?? 60)),
    ...words,
  };
  const byStatus: Record<number, string> = { 401: f.expired, 403: f.forbidden, 412: f.stale };
  const text = (e && (byCode[e.code] ?? byStatus[e.status])) ?? e?.message ?? String(error);
  return (
    <div className="error-box" role="alert" data-testid="api-error">
      <span>{text}</span>
      {e?.field && e.status !== 412 ? <small> ({e.field})</small> : null}
      {e?.status === 412 && onReload ? (
        <button type="button" onClick={onReload}>
          {f.reload}
        </button>
      ) : null}
    </div>
  );
}
