/**
 * A plan's target tier per phase of its campaign, read on the date: each phase's target against the unit's tier on
 * the phase's last day (or today while it runs), by shared/src/state/phase-targets.ts.
 */
import { useQuery } from '@tanstack/react-query';
import { formatViDate } from '@pcmt/shared/dates';
import type { PhaseTarget, Tier } from '@pcmt/shared/domain';
import { TIER_LABELS } from '@pcmt/shared/labels';
import { phaseTargetsOn, type PhaseSpan } from '@pcmt/shared/state/phase-targets';
import { unitQuery } from '../../lib/queries.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useVillageText } from '../../i18n/village-messages.ts';
import { TIER_COLORS } from '../../map/styles.ts';

export function PhaseTargets({
  unitId,
  targets,
  phases,
  asOf,
}: {
  unitId: string;
  targets: readonly PhaseTarget[];
  phases: readonly (PhaseSpan & { name: string })[];
  asOf: string;
}) {
  const { lang } = useI18n();
  const w = useVillageText();
  const unit = useQuery(unitQuery(unitId));
  if (targets.length === 0 || !unit.data) return null;
  const rows = phaseTargetsOn(
    targets,
    phases,
    unit.data.tierHistory.map((h) => ({ ...h, tier: h.tier as Tier })),
    asOf,
  );
  return (
    <div className="phase-targets" data-testid="phase-targets">
      <h5>{w.phaseTargets}</h5>
      <table className="task-table">
        <thead>
          <tr>
            <th>{w.phase}</th>
            <th>{w.target}</th>
            <th>{w.tierThen}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((x) => (
            <tr key={x.phaseId} data-testid="phase-target" data-state={x.state}>
              <td>
                {phases.find((p) => p.id === x.phaseId)?.name ?? x.phaseId}
                <small className="muted">
                  {' '}
                  {w.by} {formatViDate(x.endsOn)}
                </small>
              </td>
              <td>
                <span className="swatch" style={{ background: TIER_COLORS[x.target] }} />
                {TIER_LABELS[lang][x.target]}
              </td>
              <td>{x.state === 'not_started' ? '—' : TIER_LABELS[lang][x.tier]}</td>
              <td>
                <span className={`target-state target-${x.state}`}>{w.state[x.state]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
