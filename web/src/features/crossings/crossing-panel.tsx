import { useQuery } from '@tanstack/react-query';
import { formatViDate } from '@pcmt/shared/dates';
import { recordedBy } from '@pcmt/shared/state/window';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { ApiError } from '../../lib/api.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useConnectivity } from '../../lib/connectivity.ts';
import { crossingQuery, crossingsQuery } from '../../lib/queries.ts';
import { OFFLINE_MESSAGES } from '../../i18n/offline-messages.ts';
import { CrossingProfile } from './crossing-profile.tsx';
import { EventForm } from './event-form.tsx';
import { EventItem } from './event-item.tsx';
import { SeizureChart } from './seizure-chart.tsx';
import { SeizureForm } from './seizure-form.tsx';

/**
 * A crossing: its profile, the seizures at it per month and its coordination log; its own border unit edits the
 * profile and logs events, it and the crossing's partner units record seizures.
 */
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
  const { t, lang } = useI18n();
  const q = useQuery(crossingQuery(id));
  const list = useQuery(crossingsQuery());
  const { offline } = useConnectivity();
  // Offline, a crossing whose details were never kept: what the list knows (its name, its units), and the forms,
  // so that an event or a seizure can still be logged and sent when the link returns. Unreachable: the network
  // could not answer (not the server refusing), or the query waits for a link that is not there.
  const listed = list.data?.features.find((f) => f.properties.id === id)?.properties;
  const unreachable =
    (q.isError && !(q.error instanceof ApiError)) ||
    (q.isPending && q.fetchStatus === 'paused' && offline);
  if (listed && unreachable) {
    const own = canLog(listed.responsibleAgencyId);
    const seizures = own || listed.partnerAgencyIds.some(canLog);
    const o = OFFLINE_MESSAGES[lang];
    return (
      <section className="unit-panel" data-testid="crossing-panel" data-kept="none">
        <header>
          <h3>{listed.name}</h3>
          <button type="button" onClick={onClose} aria-label={t('close')}>
            ×
          </button>
        </header>
        <p className="muted" data-testid="crossing-not-kept">
          {o.crossingNotKept} {own ? o.canStillLog : seizures ? o.canStillLogSeizures : ''}
        </p>
        {seizures && <SeizureForm crossingId={id} asOf={asOf} />}
        {own && (
          <EventForm
            crossingId={id}
            counterpart={listed.counterpartGate ?? listed.counterpartProvince}
            asOf={asOf}
            border={listed.border}
            provinceSlug={listed.provinceSlug}
          />
        )}
      </section>
    );
  }
  if (q.isPending) return <section className="unit-panel">{t('loading')}</section>;
  if (q.isError) return <ApiErrorNote error={q.error} />;
  const c = q.data;
  const events = c.events.filter((e) => recordedBy(e.occurredOn, asOf));
  const own = canLog(c.responsibleAgencyId);
  return (
    <section className="unit-panel" data-testid="crossing-panel">
      <header>
        <h3>{c.name}</h3>
        <button type="button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      <CrossingProfile c={c} canEdit={own} />
      <SeizureChart seizures={c.seizures} asOf={asOf} />
      {(own || c.partnerAgencyIds.some(canLog)) && <SeizureForm crossingId={c.id} asOf={asOf} />}
      <h4 data-testid="events-until">
        {t('eventsUntil')} {formatViDate(asOf)}
      </h4>
      {events.length === 0 && <p className="muted">{t('noEvents')}</p>}
      <ul className="events" data-testid="crossing-events">
        {events.slice(0, 20).map((e) => (
          <EventItem key={e.id} event={e} asOf={asOf} canAct={own} />
        ))}
      </ul>
      {events.length > 20 && <p className="muted">+ {events.length - 20}</p>}
      {c.events.length > events.length && (
        <p className="muted" data-testid="events-later">
          {c.events.length - events.length} {t('laterHidden')}
        </p>
      )}
      {own && (
        <EventForm
          crossingId={c.id}
          counterpart={c.counterpartGate ?? c.counterpartProvince}
          asOf={asOf}
          border={c.border}
          provinceSlug={c.provinceSlug}
        />
      )}
    </section>
  );
}
