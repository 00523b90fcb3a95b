/**
 * The cross-border plan measured on the dashboard's date (its targets against the events held since the campaign
 * start: meetings per level, the training class, exchanges, joint cases, people verified, crop area destroyed),
 * and the province's coordination history as a month-by-month timeline, paged and filtered by kind, level and dates
 * (the campaign's window unless changed).
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { formatViDate } from '@pcmt/shared/dates';
import { EVENT_KINDS, MEETING_LEVELS, type MeetingLevel } from '@pcmt/shared/domain';
import { EVENT_LABELS, MEETING_LEVEL_LABELS } from '@pcmt/shared/labels';
import { coordinationKpis } from '@pcmt/shared/state/coordination';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { DateField } from '../../components/date-field.tsx';
import { useEventText } from '../../i18n/event-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { crossingsQuery, provinceEventsQuery, registryQuery } from '../../lib/queries.ts';
import { EventItem } from './event-item.tsx';

export function RegistryPanel() {
  const { view, data } = useDashboard();
  const t = useEventText();
  const crossings = useQuery(crossingsQuery());
  const hasBorder = (crossings.data?.features ?? []).some(
    (c) => c.properties.provinceSlug === view.province,
  );
  if (!hasBorder) return null;
  return (
    <section className="registry" data-testid="registry" aria-label={t.history}>
      {data.campaign && <PlanTargets />}
      <History key={`${view.province}-${data.campaign?.id ?? ''}`} />
    </section>
  );
}

function PlanTargets() {
  const { view, data, asOf } = useDashboard();
  const t = useEventText();
  const { num } = useI18n();
  const events = useQuery(provinceEventsQuery(view.province));
  const targets = data.detail.data?.coordinationTargets ?? [];
  if (targets.length === 0 || !data.campaign) return null;
  if (events.isError) return <ApiErrorNote error={events.error} />;
  const kpis = coordinationKpis(events.data ?? [], targets, data.campaign.startsOn, asOf);
  return (
    <div className="plan-targets" data-testid="plan-targets">
      <h3>
        {t.targets} {formatViDate(asOf)}
      </h3>
      <table className="kpi">
        <thead>
          <tr>
            <th />
            <th className="num">{t.held}</th>
            <th className="num">{t.planned}</th>
          </tr>
        </thead>
        <tbody>
          {kpis.map((k) => (
            <tr key={k.measure} data-testid={`target-${k.measure}`}>
              <td>{k.label}</td>
              <td className="num" data-testid="target-actual">
                {events.isPending ? '…' : num(k.actual)}
              </td>
              <td className="num">
                {k.target === null ? (
                  <span className="muted">{t.noNumber}</span>
                ) : (
                  <>
                    {num(k.target)}{' '}
                    <span className={k.met ? 'ok-text' : 'warn-text'}>
                      {k.met ? t.met : t.notMet}
                    </span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const monthOf = (day: string) => `${day.slice(5, 7)}/${day.slice(0, 4)}`;

function History() {
  const { view, data, asOf, me, can } = useDashboard();
  const t = useEventText();
  const { lang } = useI18n();
  const [gate, setGate] = useState('');
  const [kind, setKind] = useState('');
  const [level, setLevel] = useState('');
  const [from, setFrom] = useState<string | null>(data.campaign?.startsOn ?? null);
  const [to, setTo] = useState<string | null>(asOf);
  const [page, setPage] = useState(1);
  const q = useQuery(
    registryQuery({
      province: view.province,
      crossing: gate || undefined,
      kind,
      level,
      from: from ?? undefined,
      to: to ?? undefined,
      page,
    }),
  );
  const crossings = useQuery(crossingsQuery());
  const gates = (crossings.data?.features ?? []).filter(
    (c) => c.properties.provinceSlug === view.province,
  );
  const ownGates = new Set(
    (crossings.data?.features ?? [])
      .filter((c) => !!me.agencyId && c.properties.responsibleAgencyId === me.agencyId)
      .map((c) => c.id),
  );
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / q.data.pageSize)) : 1;
  const change = (f: () => void) => {
    f();
    setPage(1);
  };
  let month = '';
  return (
    <div className="history" data-testid="history">
      <h3>{t.history}</h3>
      <div className="filters">
        <select
          value={gate}
          onChange={(e) => change(() => setGate(e.target.value))}
          aria-label={t.gate}
          data-testid="history-gate"
        >
          <option value="">{t.allGates}</option>
          {gates.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.properties.name}
            </option>
          ))}
        </select>
        <select
          value={kind}
          onChange={(e) => change(() => setKind(e.target.value))}
          aria-label={t.kind}
          data-testid="history-kind"
        >
          <option value="">{t.allKinds}</option>
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {EVENT_LABELS[lang][k]}
            </option>
          ))}
        </select>
        <select
          value={level}
          onChange={(e) => change(() => setLevel(e.target.value))}
          aria-label={t.level}
          data-testid="history-level"
        >
          <option value="">{t.allLevels}</option>
          {MEETING_LEVELS.map((l) => (
            <option key={l} value={l}>
              {MEETING_LEVEL_LABELS[lang][l as MeetingLevel]}
            </option>
          ))}
        </select>
        <DateField label={t.from} value={from} onChange={(v) => change(() => setFrom(v))} />
        <DateField label={t.to} value={to} onChange={(v) => change(() => setTo(v))} />
      </div>
      {q.isError && <ApiErrorNote error={q.error} />}
      {q.data && q.data.items.length === 0 && <p className="muted">{t.none}</p>}
      <ul className="timeline-list">
        {(q.data?.items ?? []).map((e) => {
          const head = monthOf(e.occurredOn) !== month;
          month = monthOf(e.occurredOn);
          return (
            <li key={e.id}>
              {head && <h4 className="month">{month}</h4>}
              <ul className="events">
                <EventItem
                  event={e}
                  asOf={asOf}
                  canAct={can('event.write') && !!e.crossingId && ownGates.has(e.crossingId)}
                />
              </ul>
            </li>
          );
        })}
      </ul>
      {q.data && q.data.total > q.data.pageSize && (
        <div className="pager">
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t.previous}
          </button>
          <span data-testid="history-page">
            {t.page} {page} {t.of} {pages} · {q.data.total} {t.events}
          </span>
          <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t.next}
          </button>
        </div>
      )}
    </div>
  );
}
