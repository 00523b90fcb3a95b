/** The candidate filters: tier on the date, criteria met, hotspots, trend, border belt, key route, population, plan. */
import type { Tier } from '@pcmt/shared/domain';
import { TIER_LABELS } from '@pcmt/shared/labels';
import type { CandidateFilter } from '@pcmt/shared/state/candidates';
import { useCandidateText } from '../../i18n/candidate-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { parseLocaleNumber } from '../../lib/numbers.ts';

const TIER_CHOICES: Tier[] = ['type_1', 'type_2', 'type_3', 'has_activity', 'unassessed'];
/** A typed number ("10.000", "2,5"); nothing typed, or not a number, is no filter. */
const num = (v: string) => {
  const n = parseLocaleNumber(v);
  return v.trim() === '' || Number.isNaN(n) ? undefined : n;
};

export function CandidateFilters({
  value: f,
  onChange,
}: {
  value: CandidateFilter;
  onChange(next: CandidateFilter): void;
}) {
  const x = useCandidateText();
  const { lang } = useI18n();
  const set = (patch: Partial<CandidateFilter>) => onChange({ ...f, ...patch });
  const tiers = f.tiers ?? [];
  return (
    <details className="candidate-filters" open data-testid="candidate-filters">
      <summary>{x.filters}</summary>
      <fieldset className="tier-choices">
        <legend>{x.tiers}</legend>
        {TIER_CHOICES.map((t) => (
          <label key={t} className="check">
            <input
              type="checkbox"
              checked={tiers.includes(t)}
              onChange={(e) =>
                set({ tiers: e.target.checked ? [...tiers, t] : tiers.filter((y) => y !== t) })
              }
              data-testid={`filter-tier-${t}`}
            />
            {TIER_LABELS[lang][t]}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <label>
          {x.minCriteria}
          <select
            value={f.minCriteria ?? 0}
            onChange={(e) => set({ minCriteria: Number(e.target.value) || undefined })}
            data-testid="filter-criteria"
          >
            {[0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
              <option key={n} value={n}>
                {n}/8
              </option>
            ))}
          </select>
        </label>
        <label>
          {x.hotspots}
          <select
            value={f.activeHotspots === undefined ? '' : f.activeHotspots ? 'yes' : 'no'}
            onChange={(e) =>
              set({ activeHotspots: e.target.value === '' ? undefined : e.target.value === 'yes' })
            }
            data-testid="filter-hotspots"
          >
            <option value="">{x.any}</option>
            <option value="yes">{x.withHotspots}</option>
            <option value="no">{x.withoutHotspots}</option>
          </select>
        </label>
      </div>
      <div className="row">
        <label>
          {x.trend}
          <select
            value={f.trend ?? ''}
            onChange={(e) =>
              set({ trend: (e.target.value || undefined) as CandidateFilter['trend'] })
            }
            data-testid="filter-trend"
          >
            <option value="">{x.any}</option>
            <option value="worse">{x.worse}</option>
            <option value="same">{x.same}</option>
            <option value="better">{x.better}</option>
          </select>
        </label>
        <label>
          {x.routeWithin}
          <input
            inputMode="decimal"
            defaultValue={f.routeWithinM === undefined ? '' : f.routeWithinM / 1000}
            onChange={(e) => {
              const km = num(e.target.value);
              set({ routeWithinM: km === undefined ? undefined : km * 1000 });
            }}
            data-testid="filter-route"
          />
        </label>
      </div>
      <div className="row">
        <label>
          {x.population} {x.from}
          <input
            inputMode="numeric"
            defaultValue={f.minPopulation ?? ''}
            onChange={(e) => set({ minPopulation: num(e.target.value) })}
            data-testid="filter-pop-min"
          />
        </label>
        <label>
          {x.to}
          <input
            inputMode="numeric"
            defaultValue={f.maxPopulation ?? ''}
            onChange={(e) => set({ maxPopulation: num(e.target.value) })}
            data-testid="filter-pop-max"
          />
        </label>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={!!f.borderOnly}
          onChange={(e) => set({ borderOnly: e.target.checked || undefined })}
          data-testid="filter-border"
        />
        {x.borderOnly}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={!!f.notInPlan}
          onChange={(e) => set({ notInPlan: e.target.checked || undefined })}
          data-testid="filter-not-in-plan"
        />
        {x.notInPlan}
      </label>
    </details>
  );
}
