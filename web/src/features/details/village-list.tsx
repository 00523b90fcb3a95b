/**
 * A commune's villages (thôn, bản, tổ dân phố) on the date: each with its plan's criteria met and its way to
 * recognition; a click selects the village (its own panel, plan and criteria).
 */
import { useQuery } from '@tanstack/react-query';
import { criterionMetOn, planFor } from '@pcmt/shared/state/plans';
import { recognitionOn } from '@pcmt/shared/state/recognition';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { plansQuery } from '../../lib/queries.ts';
import { useRecognitionText } from '../../i18n/recognition-messages.ts';
import { useVillageText } from '../../i18n/village-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

export function VillageList({
  villages,
  asOf,
  onSelect,
}: {
  villages: {
    id: string;
    name: string;
    population: number | null;
    bbox: [number, number, number, number];
  }[];
  asOf: string;
  onSelect(id: string): void;
}) {
  const { num } = useI18n();
  const w = useVillageText();
  const r = useRecognitionText();
  const { data, showOnMap } = useDashboard();
  const plans = useQuery(plansQuery()).data ?? [];
  const rows = villages.map((v) => {
    const plan = planFor(plans, v.id, data.campaign?.id ?? null);
    const met = plan ? plan.criteria.filter((c) => criterionMetOn(c, asOf)).length : null;
    const state = plan ? recognitionOn(plan.steps, asOf).state : null;
    return { ...v, met, state };
  });
  const full = rows.filter((x) => x.met === 8).length;
  const recognised = rows.filter((x) => x.state === 'recognised').length;
  return (
    <div className="village-list" data-testid="village-list">
      <h4>
        {w.villages}: {villages.length} · {w.atEight}: <b data-testid="villages-full">{full}</b> ·{' '}
        {w.recognised}: {recognised}
      </h4>
      <ul className="link-list">
        {rows.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              onClick={() => {
                onSelect(v.id);
                showOnMap(v.bbox);
              }}
              data-testid={`village-${v.id}`}
            >
              <span>{v.name}</span>
              <small className="muted">
                {v.population ? ` · ${num(v.population)}` : ''}
                {v.met === null
                  ? ` · ${w.noPlan}`
                  : ` · ${v.met}/8 · ${r.state[v.state ?? 'in_progress']}`}
              </small>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
