import { useState, type FormEvent } from 'react';
import { DateField } from '../../components/date-field.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatViDate } from '@pcmt/shared/dates';
import { recordedBy } from '@pcmt/shared/state/window';
import { useDashboard } from '../../lib/dashboard-context.ts';
import {
  EVENT_KINDS,
  MEETING_LEVELS,
  type CrossingKind,
  type EventKind,
  type MeetingLevel,
} from '@pcmt/shared/domain';
import { api, unwrap } from '../../lib/api.ts';
import { QueuedOffline } from '../../lib/connectivity.ts';
import { crossingQuery } from '../../lib/queries.ts';
import { CROSSING_LABELS, EVENT_LABELS, MEETING_LEVEL_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { ApiErrorNote } from '../../components/api-error-note.tsx';

/** A crossing with its coordination log; its own border unit may log a new event. */
export function CrossingPanel({
  id,
  asOf,
  canLog,
  onClose,
}: {
  id: string;
  /** Events after this day are not shown: the log reads as of the dashboard's date. */
  asOf: string;
  canLog: (agencyId: string | null) => boolean;
  onClose(): void;
}) {
  const { lang, t } = useI18n();
  const q = useQuery(crossingQuery(id));
  if (q.isPending) return <section className="unit-panel">{t('loading')}</section>;
  if (q.isError) return <ApiErrorNote error={q.error} />;
  const c = q.data;
  const events = c.events.filter((e) => recordedBy(e.occurredOn, asOf));
  return (
    <section className="unit-panel" data-testid="crossing-panel">
      <header>
        <h3>{c.name}</h3>
        <button type="button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      <p className="muted">
        {CROSSING_LABELS[lang][c.kind as CrossingKind]} · {c.border} · {t('counterpart')}:{' '}
        {c.counterpartGate ?? c.counterpartProvince}
        {c.approximate ? ` · ${t('approximate')}` : ''}
      </p>
      <h4>
        {t('eventsUntil')} {formatViDate(asOf)}
      </h4>
      {events.length === 0 && <p className="muted">{t('noEvents')}</p>}
      <ul className="events" data-testid="crossing-events">
        {events.slice(0, 20).map((e) => (
          <li key={e.id}>
            <b>{formatViDate(e.occurredOn)}</b> {EVENT_LABELS[lang][e.kind as EventKind]} —{' '}
            {e.summary}
          </li>
        ))}
      </ul>
      {events.length > 20 && <p className="muted">+ {events.length - 20}</p>}
      {c.events.length > events.length && (
        <p className="muted" data-testid="events-later">
          {c.events.length - events.length} {t('laterHidden')}
        </p>
      )}
      {canLog(c.responsibleAgencyId) && (
        <EventForm
          crossingId={c.id}
          counterpart={c.counterpartGate ?? c.counterpartProvince}
          asOf={asOf}
        />
      )}
    </section>
  );
}

function EventForm({
  crossingId,
  counterpart,
  asOf,
}: {
  crossingId: string;
  counterpart: string;
  asOf: string;
}) {
  const { lang, t } = useI18n();
  const [saved, setSaved] = useState<string | null>(null);
  const f = useFormText();
  const client = useQueryClient();
  const [kind, setKind] = useState<EventKind>('meeting');
  const [level, setLevel] = useState<MeetingLevel>('gate');
  const [occurredOn, setDate] = useState(useDashboard().me.today);
  const [summary, setSummary] = useState('');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.events.$post({
          json: {
            kind,
            level: kind === 'meeting' ? level : null,
            occurredOn,
            crossingId,
            counterpart,
            summary,
          },
        }),
      ),
    // Queued offline, the event is as good as sent: the form is emptied so it is not sent twice.
    onError: (e) => e instanceof QueuedOffline && setSummary(''),
    onSuccess: (e) => {
      setSummary('');
      setSaved(e.occurredOn);
      void client.invalidateQueries({ queryKey: ['crossings', 'detail', crossingId] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="mini-form" onSubmit={submit} data-testid="event-form">
      <h4>{f.logEvent}</h4>
      {saved && (
        <p className="ok-text" role="status" data-testid="event-saved">
          {f.saved} ({formatViDate(saved)}){saved > asOf ? ` — ${t('laterHidden')}` : ''}
        </p>
      )}
      <div className="row">
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as EventKind)}
          aria-label={f.kind}
        >
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {EVENT_LABELS[lang][k]}
            </option>
          ))}
        </select>
        <DateField label={f.date} value={occurredOn || null} onChange={(v) => setDate(v ?? '')} />
      </div>
      {kind === 'meeting' && (
        <select
          value={level}
          onChange={(e) => setLevel(e.target.value as MeetingLevel)}
          aria-label={f.level}
          data-testid="event-level"
        >
          {MEETING_LEVELS.map((l) => (
            <option key={l} value={l}>
              {MEETING_LEVEL_LABELS[lang][l]}
            </option>
          ))}
        </select>
      )}
      <textarea
        placeholder={f.summary}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        required
        maxLength={4000}
        rows={2}
      />
      <ApiErrorNote error={save.error} />
      <button type="submit" className="primary" disabled={save.isPending}>
        {f.save}
      </button>
    </form>
  );
}
