import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api.ts';
import { auditQuery, usersQuery } from '../../lib/queries.ts';
import { ROLE_LABELS } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { BoundaryImport } from './boundary-import.tsx';

const time = (iso: string | Date) =>
  new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });

/** The administrator's accounts (with unlock) and the audit trail, paged, with a CSV export. */
export function AdminPanel() {
  const { lang } = useI18n();
  const f = useFormText();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const [outcome, setOutcome] = useState('');
  const [action, setAction] = useState('');
  const audit = useQuery(auditQuery(page, outcome, action));
  const users = useQuery(usersQuery());
  const unlock = useMutation({
    mutationFn: (u: { id: string; version: number }) =>
      unwrap(
        api.users[':id'].$patch({
          param: { id: u.id },
          json: { unlock: true, version: u.version },
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
  return (
    <section className="admin-panel" data-testid="admin-panel">
      <BoundaryImport />
      <h3>{f.users}</h3>
      <table className="grid">
        <tbody>
          {(users.data ?? []).map((u) => (
            <tr key={u.id}>
              <td>{u.username}</td>
              <td>{ROLE_LABELS[lang][u.role as keyof (typeof ROLE_LABELS)['vi']]}</td>
              <td>
                {u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
                  <>
                    <small>
                      {f.lockedUntil} {time(u.lockedUntil)}{' '}
                    </small>
                    <button type="button" onClick={() => unlock.mutate(u)}>
                      {f.unlock}
                    </button>
                  </>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ApiErrorNote error={unlock.error} />
      <h3>
        {f.audit}{' '}
        <a href="/api/audit/export" download>
          {f.export}
        </a>{' '}
        <a href="/api/audit/export?format=zip" download data-testid="audit-export-zip">
          {f.exportZip}
        </a>
      </h3>
      <div className="row audit-filters">
        <select
          value={outcome}
          onChange={(e) => (setOutcome(e.target.value), setPage(1))}
          aria-label={f.outcome}
          data-testid="audit-outcome"
        >
          <option value="">{f.outcome}: *</option>
          {['ok', 'denied', 'failed', 'locked', 'conflict'].map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        <input
          placeholder={f.action}
          value={action}
          onChange={(e) => (setAction(e.target.value.trim()), setPage(1))}
          aria-label={f.action}
        />
      </div>
      <table className="grid" data-testid="audit-table">
        <thead>
          <tr>
            <th>{f.when}</th>
            <th>{f.who}</th>
            <th>{f.action}</th>
            <th>{f.outcome}</th>
          </tr>
        </thead>
        <tbody>
          {(audit.data?.rows ?? []).map((r) => (
            <tr key={r.id} className={r.outcome === 'ok' ? '' : 'late'}>
              <td>{time(r.at)}</td>
              <td>{r.username ?? '—'}</td>
              <td>{r.action}</td>
              <td>{r.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pager">
        <button type="button" disabled={page === 1} onClick={() => setPage(page - 1)}>
          {f.prev}
        </button>
        <span>
          {page} / {Math.max(1, Math.ceil((audit.data?.total ?? 0) / 15))}
        </span>
        <button
          type="button"
          disabled={page * 15 >= (audit.data?.total ?? 0)}
          onClick={() => setPage(page + 1)}
        >
          {f.next}
        </button>
      </div>
    </section>
  );
}
