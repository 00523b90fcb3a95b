import { useQuery } from '@tanstack/react-query';
import { formatViDate, REFORM_DAY } from '@pcmt/shared/dates';
import { STATUS_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { crossingsQuery } from '../../lib/queries.ts';
import { DeadlineList } from './deadline-list.tsx';

/** Counts for the chosen date from the snapshot; a card narrows the map's hotspots to its status. */
export function SummaryCards() {
  const { t, lang, num } = useI18n();
  const { view, setView, data, asOf } = useDashboard();
  const crossings = useQuery(crossingsQuery());
  const s = data.derived?.snapshot;
  if (!s) return null;
  const crossingCount = (crossings.data?.features ?? []).filter(
    (f) => f.properties.provinceSlug === view.province,
  ).length;
  const onShow = (show: typeof view.show) =>
    setView({ show: view.show === show ? null : show }, 'replace');
  const phase = data.window?.phase ?? null;
  return (
    <section className="summary" aria-label={t('summary')}>
      <div className="cards">
        <div className="card" data-testid="card-communes">
          <b>{num(s.counts.communes)}</b>
          <span>{t(asOf < REFORM_DAY ? 'communesPre2025' : 'communes2025')}</span>
        </div>
        {(['active', 're_emerged', 'eliminated'] as const).map((st) => (
          <button
            type="button"
            className={`card status-${st}${view.show === st ? ' chosen' : ''}`}
            key={st}
            data-testid={`card-hotspots-${st}`}
            onClick={() => onShow(st)}
            aria-pressed={view.show === st}
          >
            <b>{num(s.counts.status[st])}</b>
            <span>
              {st === 'eliminated'
                ? `${t('eliminatedSince')} ${formatViDate(s.since)}`
                : STATUS_LABELS[lang][st]}
            </span>
          </button>
        ))}
        <button
          type="button"
          className={`card overdue${view.show === 'overdue' ? ' chosen' : ''}`}
          data-testid="card-overdue"
          onClick={() => onShow('overdue')}
          aria-pressed={view.show === 'overdue'}
        >
          <b>{num(s.counts.overdue)}</b>
          <span>{t('overdue')}</span>
        </button>
        <div className="card" data-testid="card-crossings">
          <b>{num(crossingCount)}</b>
          <span>{t('crossings')}</span>
        </div>
      </div>
      {phase && phase.objectives.length > 0 && (
        <div className="objectives">
          <h3>{t('objectives')}</h3>
          <ul>
            {phase.objectives.map((o) => (
              <li key={o.text}>{o.text}</li>
            ))}
          </ul>
        </div>
      )}
      <DeadlineList />
    </section>
  );
}
