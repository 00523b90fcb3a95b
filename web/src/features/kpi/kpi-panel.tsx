import { formatViDate } from '@pcmt/shared/dates';
import { TIER_RANK, TIERS, type Tier } from '@pcmt/shared/domain';
import { TIER_LABELS } from '@pcmt/shared/labels';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { TIER_COLORS } from '../../map/styles.ts';
import { ProgressForm } from './progress-form.tsx';
import { AgeLimitsForm } from './age-limits-form.tsx';

interface Quota {
  id: string;
  label: string;
  metric: string;
  target: number;
  achieved: number;
  share: number;
  phaseId: string | null;
  unitId: string | null;
}
interface Deadline {
  id: string;
  dueOn: string;
  submittedOn: string | null;
  onTime: boolean | null;
}
interface Props {
  startDate: string;
  tiersNow: Record<Tier, number>;
  tiersStart: Record<Tier, number>;
  regressions: { id: string; name: string; from: Tier; to: Tier }[];
  overdue: { id: string; label: string; age: number }[];
  quotas: Quota[];
  deadlines: Deadline[];
  asOf: string;
  onSelect(id: string): void;
  canRecord: boolean;
  onFocus(unitId: string): void;
  objectives: { eliminated: number; toEliminate: number; reEmerged: number };
  campaign: { id: string; version: number; ageLimitsMonths: Record<string, number> } | null;
  canConfigure: boolean;
}

/** Commander's indicators for the chosen date: tiers against the campaign start, regressions, overdue hotspots, quotas, deadlines. */
export function KpiPanel(p: Props) {
  const { lang, num } = useI18n();
  const f = useFormText();
  const due = p.deadlines.filter((d) => d.dueOn <= p.asOf);
  const onTime = due.filter((d) => d.onTime).length;
  return (
    <section className="kpi" data-testid="kpi-panel">
      <h3>{f.objectiveProgress}</h3>
      <div className="objective-row" data-testid="kpi-elimination">
        <span>
          {f.eliminationRate}:{' '}
          <b>
            {num(p.objectives.eliminated)}/{num(p.objectives.toEliminate)}
          </b>{' '}
          (
          {p.objectives.toEliminate
            ? Math.round((100 * p.objectives.eliminated) / p.objectives.toEliminate)
            : 100}
          %) · {f.target} 100%
        </span>
        <div className="bar">
          <div
            className={p.objectives.eliminated >= p.objectives.toEliminate ? 'fill met' : 'fill'}
            style={{
              width: `${p.objectives.toEliminate ? Math.round((100 * p.objectives.eliminated) / p.objectives.toEliminate) : 100}%`,
            }}
          />
        </div>
      </div>
      <p className={p.objectives.reEmerged > 0 ? 'warn-text' : 'muted'} data-testid="kpi-reemerged">
        {f.reEmergedInPhase}: <b>{num(p.objectives.reEmerged)}</b> · {f.target} 0
      </p>
      <h3>
        {f.tiersVsStart} ({formatViDate(p.startDate)})
      </h3>
      <table className="grid tiers-table">
        <tbody>
          {TIERS.filter((t) => TIER_RANK[t] !== null).map((t) => (
            <tr key={t}>
              <td>
                <span className="swatch" style={{ background: TIER_COLORS[t] }} />{' '}
                {TIER_LABELS[lang][t]}
              </td>
              <td className="num">{num(p.tiersStart[t])}</td>
              <td className="num" data-testid={`kpi-tier-${t}`}>
                {num(p.tiersNow[t])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.regressions.length > 0 && (
        <>
          <h3 className="warn">
            {f.regressions}: <span data-testid="kpi-regressions">{p.regressions.length}</span>
          </h3>
          <ul className="link-list">
            {p.regressions.slice(0, 8).map((r) => (
              <li key={r.id}>
                <button type="button" onClick={() => p.onSelect(r.id)}>
                  {r.name}: {TIER_LABELS[lang][r.from]} → {TIER_LABELS[lang][r.to]}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {p.overdue.length > 0 && (
        <>
          <h3 className="warn">{f.overdueList}</h3>
          <ul className="link-list" data-testid="overdue-list">
            {p.overdue.slice(0, 8).map((o) => (
              <li key={o.id}>
                <button type="button" onClick={() => p.onSelect(o.id)}>
                  {o.label} — {num(o.age)} {f.days}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {p.quotas.length > 0 && (
        <>
          <h3>{f.quotas}</h3>
          <ul className="quota-list" data-testid="quota-list">
            {p.quotas.map((q) => (
              <li key={q.id} data-testid={`quota-${q.id}`}>
                <div className="quota-label">
                  {q.unitId ? (
                    <button type="button" className="link" onClick={() => p.onFocus(q.unitId!)}>
                      {q.label}
                    </button>
                  ) : (
                    <span>{q.label}</span>
                  )}
                  <b>
                    {num(q.achieved)}/{num(q.target)}
                  </b>
                </div>
                <div className="bar">
                  <div
                    className={q.share >= 1 ? 'fill met' : 'fill'}
                    style={{ width: `${Math.min(100, Math.round(q.share * 100))}%` }}
                  />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {p.canRecord && p.quotas.length > 0 && (
        <ProgressForm key={p.asOf} quotas={p.quotas} defaultDate={p.asOf} />
      )}
      {p.canConfigure && p.campaign && (
        <AgeLimitsForm
          key={`${p.campaign.id}@${p.campaign.version}`}
          campaignId={p.campaign.id}
          version={p.campaign.version}
          limits={p.campaign.ageLimitsMonths}
        />
      )}
      {due.length > 0 && (
        <p className="muted" data-testid="kpi-deadlines">
          {f.onTimeRate}: {onTime}/{due.length} ({Math.round((100 * onTime) / due.length)}%)
        </p>
      )}
    </section>
  );
}
