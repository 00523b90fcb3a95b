import { useQuery } from '@tanstack/react-query';
import { formatViDate } from '@pcmt/shared/dates';
import type { CrossingKind } from '@pcmt/shared/domain';
import { CROSSING_LABELS } from '@pcmt/shared/labels';
import { recordedBy } from '@pcmt/shared/state/window';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { crossingQuery } from '../../lib/queries.ts';
import { EventForm } from './event-form.tsx';
import { EventItem } from './event-item.tsx';

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
          <EventItem key={e.id} event={e} asOf={asOf} canAct={canLog(c.responsibleAgencyId)} />
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
