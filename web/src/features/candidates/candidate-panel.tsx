/**
 * The planner's workspace beside the map: filter the communes on the date, choose them by ticks or by an area drawn
 * on the map (terra-draw), read the easy-first ranking with each one's reasons, pin and reorder, see the selection's
 * statistics and the what-if chart against the targets, and make the transformation plans for the choice. The
 * choice and the pins live in the URL (`cand`, `pin`), so a shared link reopens them.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { unitsInArea } from '@pcmt/shared/area-select';
import {
  filterCandidates,
  rankCandidates,
  selectionStats,
  type CandidateFilter,
} from '@pcmt/shared/state/candidates';
import { useCandidateText } from '../../i18n/candidate-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { readViewState } from '../../lib/url-state.ts';
import { CandidateFilters } from './candidate-filters.tsx';
import { CandidateTable } from './candidate-table.tsx';
import { MakePlans } from './make-plans.tsx';
import { useCandidateFacts, useVillages } from './use-candidate-facts.ts';
import { WhatIf, type Pace } from './what-if.tsx';
import { TIER_LABELS } from '@pcmt/shared/labels';
import type { Tier } from '@pcmt/shared/domain';

export function CandidatePanel() {
  const x = useCandidateText();
  const { lang, num } = useI18n();
  const { view, setView, drawArea, cancelDrawing, me, data } = useDashboard();
  const facts = useCandidateFacts();
  const villages = useVillages();
  const atVillages = view.clevel === 'village';
  const unitWord = atVillages ? x.villages : x.communes;
  const [filter, setFilter] = useState<CandidateFilter>({});
  const [drawing, setDrawing] = useState<'no' | 'loading' | 'on'>('no');
  // Closing the panel while drawing (or while the tool waits for the full map) gives the map its clicks back.
  const cancel = useRef(cancelDrawing);
  cancel.current = cancelDrawing;
  useEffect(() => () => cancel.current(), []);
  const latest = useRef<{ shown: typeof shown }>({ shown: [] });
  const [pace, setPace] = useState<Pace>(() => ({
    perYear: 2,
    firstYear: Number(me.today.slice(0, 4)) + 1,
  }));
  const ranked = useMemo(() => (facts ? rankCandidates(facts, view.pin) : []), [facts, view.pin]);
  const shown = useMemo(() => filterCandidates(ranked, filter), [ranked, filter]);
  const chosen = useMemo(() => {
    const set = new Set(view.cand);
    return ranked.filter((c) => set.has(c.id));
  }, [ranked, view.cand]);
  latest.current = { shown };
  if (!facts) return <section className="candidates muted">…</section>;
  const stats = selectionStats(chosen);
  const choose = (ids: string[]) => setView({ cand: [...new Set(ids)] }, 'replace');
  const lasso = async () => {
    setDrawing('loading');
    try {
      const ring = await drawArea(() => setDrawing('on'));
      if (ring) {
        // Only communes the filters keep now, among those the area holds, added to the choice as it is now
        // (ticks made while drawing are kept).
        const keep = new Set(latest.current.shown.map((c) => c.id));
        const now = readViewState(window.location.search).cand;
        choose([...now, ...unitsInArea(facts, ring).filter((id) => keep.has(id))]);
      }
    } finally {
      setDrawing('no');
    }
  };
  return (
    <section className="candidates" data-testid="candidates" aria-label={x.title}>
      <h3>{atVillages ? x.titleVillages : x.title}</h3>
      <p className="muted">{x.hint}</p>
      {(villages.data?.features.length ?? 0) > 0 && (
        <div className="color-by" role="radiogroup" aria-label={x.level}>
          <span>{x.level}:</span>
          {(['commune', 'village'] as const).map((l) => (
            <label key={l}>
              <input
                type="radio"
                name="candidate-level"
                checked={view.clevel === l}
                // Another level's choice and pins mean nothing here: both start empty.
                onChange={() => setView({ clevel: l, cand: [], pin: [] }, 'replace')}
                data-testid={`candidate-level-${l}`}
              />
              {l === 'commune' ? x.levelCommune : x.levelVillage}
            </label>
          ))}
        </div>
      )}
      <CandidateFilters value={filter} onChange={setFilter} />
      <div className="row actions">
        {drawing === 'no' ? (
          <button type="button" onClick={() => void lasso()} data-testid="lasso">
            {x.lasso}
          </button>
        ) : (
          <>
            <span className="muted" data-testid={drawing === 'on' ? 'lasso-hint' : undefined}>
              {drawing === 'on' ? x.lassoHint : x.lassoLoading}
            </span>
            <button type="button" onClick={cancelDrawing}>
              {x.cancel}
            </button>
          </>
        )}
        <button
          type="button"
          onClick={() => choose([...view.cand, ...shown.map((c) => c.id)])}
          data-testid="choose-shown"
        >
          {atVillages ? x.chooseShownVillages : x.chooseShown} ({num(shown.length)})
        </button>
        {view.cand.length > 0 && (
          <button type="button" onClick={() => choose([])} data-testid="clear-chosen">
            {x.clear}
          </button>
        )}
      </div>
      <p className="selection-stats" data-testid="selection-stats">
        <b>
          {x.chosen}: <span data-testid="chosen-count">{num(stats.count)}</span> {unitWord}
        </b>
        {stats.count > 0 && (
          <>
            {' '}
            · {num(stats.population)} {x.people} ·{' '}
            {Object.entries(stats.tiers)
              .map(([t, n]) => `${TIER_LABELS[lang][t as Tier]}: ${num(n)}`)
              .join(', ')}{' '}
            · <span data-testid="chosen-gaps">{num(stats.criteriaGaps)}</span> {x.gaps}
          </>
        )}
      </p>
      <CandidateTable rows={shown} total={shown.length} />
      {atVillages ? (
        <p className="muted">{x.villageWhatIf}</p>
      ) : (
        <WhatIf
          key={`${data.campaign?.id ?? ''}-${lang}`}
          chosen={chosen}
          all={facts}
          pace={pace}
          onPace={setPace}
        />
      )}
      <MakePlans chosen={chosen} pace={pace} />
    </section>
  );
}
