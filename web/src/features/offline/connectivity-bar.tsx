/**
 * The link's state under the user badge: offline, since when the data are old; the outbox with what waits,
 * what was sent and what the server refused; a conflict shown as both versions for the user to choose; and
 * the lite-mode switch. When the link returns, the outbox is sent and what is shown is fetched again.
 */
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { formatViDateTime } from '@pcmt/shared/dates';
import { EVENT_LABELS, SEIZURE_KIND_LABELS, SEIZURE_UNIT_LABELS } from '@pcmt/shared/labels';
import type { EventKind, SeizureKind, SeizureUnit } from '@pcmt/shared/domain';
import { api } from '../../lib/api.ts';
import { newKey, outbox, sendOutbox, useConnectivity } from '../../lib/connectivity.ts';
import type { OutboxEntry } from '../../lib/outbox.ts';
import { useLite } from '../../lib/lite.ts';
import { OFFLINE_MESSAGES } from '../../i18n/offline-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

function useOutboxEntries(username: string): OutboxEntry[] {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const { waiting } = useConnectivity();
  useEffect(() => {
    if (typeof indexedDB === 'undefined') return;
    const box = outbox();
    let live = true;
    const read = () => void box.list(username).then((l) => live && setEntries(l));
    read();
    const off = box.subscribe(read);
    return () => {
      live = false;
      off();
    };
  }, [username, waiting]);
  return entries;
}

export function ConnectivityBar({ username }: { username: string }) {
  const { lang } = useI18n();
  const o = OFFLINE_MESSAGES[lang];
  const { offline, syncedAt } = useConnectivity();
  const client = useQueryClient();
  const entries = useOutboxEntries(username);
  const [open, setOpen] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  const lite = useLite();

  // The link is back (or the app just opened): send what waits, then fetch again what is shown.
  useEffect(() => {
    if (offline) return;
    // (The outbox asks for the session's CSRF token first when the page has none: lib/connectivity.ts.)
    void sendOutbox().then((r) => {
      setSignedOut(r?.stopped === 'signed_out');
      if (r && r.sent + r.conflicts + r.refused > 0) setOpen(true);
      if (r?.sent) void client.invalidateQueries();
    });
  }, [offline, client]);
  // Offline, ask the server now and then: the first answer from it brings the link back.
  useEffect(() => {
    if (!offline) return;
    const timer = setInterval(() => void api.health.$get().catch(() => undefined), 15_000);
    const back = () => void client.refetchQueries({ type: 'active' });
    window.addEventListener('online', back);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', back);
    };
  }, [offline, client]);

  const waiting = entries.filter((e) => e.state === 'waiting').length;
  const attention = entries.filter((e) => e.state === 'conflict' || e.state === 'refused').length;
  return (
    <div className="connectivity">
      {offline && (
        <p className="offline-banner" role="status" data-testid="offline-banner">
          <b>{o.offline}</b> — {o.lastSynced}{' '}
          <span data-testid="last-synced">
            {syncedAt ? formatViDateTime(syncedAt) : o.neverSynced}
          </span>{' '}
          · {o.readOnly}
        </p>
      )}
      <div className="connectivity-row">
        {entries.length > 0 && (
          <button
            type="button"
            className={attention ? 'outbox-toggle attention' : 'outbox-toggle'}
            data-testid="outbox-toggle"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {o.outbox}: {waiting} {o.waiting}
            {attention ? ` · ${attention} ${o.conflict}/${o.refused}` : ''}
          </button>
        )}
        <label className="lite-toggle" title={lite.auto ? o.liteAuto : undefined}>
          <input
            type="checkbox"
            checked={lite.on}
            onChange={(e) => lite.set(e.target.checked)}
            data-testid="lite-toggle"
          />
          {o.lite}
          {lite.auto && lite.on ? <small> ({o.liteAuto})</small> : null}
        </label>
      </div>
      {signedOut && <p className="warn-text">{o.signInToSend}</p>}
      {open && entries.length > 0 && (
        <ul className="outbox" data-testid="outbox">
          {[...entries].reverse().map((e) => (
            <OutboxItem key={e.id} entry={e} onResolved={() => void sendOutbox()} />
          ))}
          {waiting > 0 && !offline && (
            <li>
              <button type="button" onClick={() => void sendOutbox()}>
                {o.sendNow}
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

/** What the entry is, in words: the kind of write and its main field. */
function describe(e: OutboxEntry, lang: 'vi' | 'en'): string {
  const body = JSON.parse(e.body) as Record<string, unknown>;
  const vi = lang === 'vi';
  if (e.path === '/api/events')
    return `${EVENT_LABELS[lang][body.kind as EventKind] ?? body.kind}: ${String(body.summary ?? '')}`;
  if (e.path.endsWith('/seizures'))
    return `${vi ? 'Thu giữ' : 'Seizure'}: ${SEIZURE_KIND_LABELS[lang][body.kind as SeizureKind] ?? body.kind} ${String(body.quantity)} ${SEIZURE_UNIT_LABELS[lang][body.unit as SeizureUnit] ?? body.unit}`;
  if (e.path === '/api/hotspots') return vi ? 'Điểm, tụ điểm mới' : 'New hotspot';
  if (e.path.endsWith('/eliminate')) return vi ? 'Triệt xóa điểm, tụ điểm' : 'Hotspot eliminated';
  if (e.path.endsWith('/re-emerge'))
    return vi ? 'Điểm, tụ điểm tái hoạt động' : 'Hotspot re-emerged';
  if (e.path.endsWith('/progress')) return vi ? 'Kết quả chỉ tiêu' : 'Quota result';
  if (/\/criteria\/\d$/.test(e.path))
    return `${vi ? 'Tiêu chí' : 'Criterion'} ${e.path.slice(-1)}: ${body.met ? (vi ? 'đạt' : 'met') : vi ? 'chưa đạt' : 'not met'}`;
  if (e.path.startsWith('/api/border/alerts/'))
    return body.state === 'resolved'
      ? vi
        ? 'Cảnh báo biên giới đã xử lý'
        : 'Border alert resolved'
      : vi
        ? 'Tiếp nhận cảnh báo biên giới'
        : 'Border alert acknowledged';
  return vi ? 'Sửa điểm, tụ điểm' : 'Hotspot edit';
}

/** Field names as the forms call them. */
const FIELD_LABELS: Record<'vi' | 'en', Record<string, string>> = {
  vi: {
    note: 'Ghi chú',
    kind: 'Loại',
    identifiedOn: 'Ngày phát hiện',
    eliminatedOn: 'Ngày triệt xóa',
    lng: 'Kinh độ',
    lat: 'Vĩ độ',
    value: 'Số lượng',
    occurredOn: 'Ngày',
    summary: 'Nội dung',
    state: 'Trạng thái',
  },
  en: {
    note: 'Note',
    kind: 'Kind',
    identifiedOn: 'Identified on',
    eliminatedOn: 'Eliminated on',
    lng: 'Longitude',
    lat: 'Latitude',
    value: 'Amount',
    occurredOn: 'Date',
    summary: 'Summary',
    state: 'State',
  },
};

/** The fields the user's write set, beside the server's current values of the same fields. */
function Versions({ entry }: { entry: OutboxEntry }) {
  const { lang } = useI18n();
  const o = OFFLINE_MESSAGES[lang];
  const mine = JSON.parse(entry.body) as Record<string, unknown>;
  const theirs = entry.current ?? {};
  const fields = Object.keys(mine).filter((k) => k !== 'version');
  const show = (v: unknown) => (v === undefined || v === null ? '—' : String(v));
  return (
    <table className="versions" data-testid="outbox-versions">
      <thead>
        <tr>
          <th />
          <th>{o.yours}</th>
          <th>
            {o.theirs} (v{show(theirs.version)})
          </th>
        </tr>
      </thead>
      <tbody>
        {fields.map((k) => (
          <tr key={k} className={show(mine[k]) !== show(theirs[k]) ? 'differs' : ''}>
            <th>{FIELD_LABELS[lang][k] ?? k}</th>
            <td>{show(mine[k])}</td>
            <td>{show(theirs[k])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OutboxItem({ entry: e, onResolved }: { entry: OutboxEntry; onResolved(): void }) {
  const { lang } = useI18n();
  const o = OFFLINE_MESSAGES[lang];
  const client = useQueryClient();
  const resolve = async (choice: 'mine' | 'theirs') => {
    await outbox().resolve(e.id, choice, newKey());
    if (choice === 'mine') onResolved();
    else void client.invalidateQueries();
  };
  return (
    <li className={`outbox-item ${e.state}`} data-testid="outbox-item" data-state={e.state}>
      <div>
        <b>{o[e.state]}</b> · {formatViDateTime(e.createdAt)} · {describe(e, lang)}
        {e.sentAt ? ` → ${formatViDateTime(e.sentAt)}` : ''}
      </div>
      {e.state === 'conflict' && (
        <div className="conflict">
          <p>{o.conflictTitle}</p>
          <Versions entry={e} />
          <div className="row">
            <button type="button" className="primary" onClick={() => void resolve('mine')}>
              {o.keepMine}
            </button>
            <button type="button" onClick={() => void resolve('theirs')}>
              {o.keepTheirs}
            </button>
          </div>
        </div>
      )}
      {e.state === 'refused' && (
        <div className="error-box">
          {e.error?.message}
          {e.error?.field ? <small> ({e.error.field})</small> : null}{' '}
          <button type="button" onClick={() => void outbox().dismiss(e.id)}>
            {o.dismiss}
          </button>
        </div>
      )}
    </li>
  );
}
