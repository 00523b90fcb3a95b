import { formatViDate } from '@pcmt/shared/dates';
import type { HotspotStatus } from '@pcmt/shared/domain';
import { STATUS_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';

interface Props {
  communeCount: number;
  hotspotCounts: Record<HotspotStatus, number>;
  overdue: number;
  crossingCount: number;
  objectives: string[];
  deadlines: {
    id: string;
    title: string;
    dueOn: string;
    submittedOn: string | null;
    onTime: boolean | null;
  }[];
  show: string | null;
  /** A card narrows the hotspots on the map to its status (again to show all). */
  onShow(status: 'active' | 're_emerged' | 'eliminated' | 'overdue' | null): void;
}

/** Counts for the chosen date; the end-to-end test compares them with the API. */
export function SummaryCards(p: Props) {
  const { t, lang, num } = useI18n();
  return (
    <section className="summary" aria-label={t('summary')}>
      <div className="cards">
        <div className="card" data-testid="card-communes">
          <b>{num(p.communeCount)}</b>
          <span>{t('communes')}</span>
        </div>
        {(['active', 're_emerged', 'eliminated'] as const).map((s) => (
          <button
            type="button"
            className={`card status-${s}${p.show === s ? ' chosen' : ''}`}
            key={s}
            data-testid={`card-hotspots-${s}`}
            onClick={() => p.onShow(p.show === s ? null : s)}
            aria-pressed={p.show === s}
          >
            <b>{num(p.hotspotCounts[s])}</b>
            <span>{STATUS_LABELS[lang][s]}</span>
          </button>
        ))}
        <button
          type="button"
          className={`card overdue${p.show === 'overdue' ? ' chosen' : ''}`}
          data-testid="card-overdue"
          onClick={() => p.onShow(p.show === 'overdue' ? null : 'overdue')}
          aria-pressed={p.show === 'overdue'}
        >
          <b>{num(p.overdue)}</b>
          <span>{t('overdue')}</span>
        </button>
        <div className="card" data-testid="card-crossings">
          <b>{num(p.crossingCount)}</b>
          <span>{t('crossings')}</span>
        </div>
      </div>
      {p.objectives.length > 0 && (
        <div className="objectives">
          <h3>{t('objectives')}</h3>
          <ul>
            {p.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </div>
      )}
      {p.deadlines.length > 0 && (
        <div className="deadlines">
          <h3>{t('deadlines')}</h3>
          <ul>
            {p.deadlines.map((d) => (
              <li key={d.id} className={d.onTime === false ? 'late' : ''}>
                {d.title} — {formatViDate(d.dueOn)}
                {d.submittedOn ? ` ✓ ${formatViDate(d.submittedOn)}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
