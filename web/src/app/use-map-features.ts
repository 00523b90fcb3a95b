/**
 * The map's communes and hotspots for the snapshot's date: geometry from the era's collection, tier and
 * status from the snapshot. Recomputed per date step without refetching anything.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { criterionMetOn } from '@pcmt/shared/state/plans';
import { recognitionOn } from '@pcmt/shared/state/recognition';
import { useDashboard } from '../lib/dashboard-context.ts';
import type { Tier } from '@pcmt/shared/domain';
import { groupByUnit, tierOn } from '@pcmt/shared/state/tiers';
import { assessmentsQuery, plansQuery } from '../lib/queries.ts';

export function useMapFeatures() {
  const { view, data, asOf } = useDashboard();
  // Villages (a province may have none): geometry once per province, their tier on the date from the assessments.
  const villageUnits = data.villages;
  const history = useQuery(assessmentsQuery(view.province));
  // Transformation progress on the date (criteria met, recognition), read only when the map is coloured by it.
  const plans = useQuery({ ...plansQuery(), enabled: view.color === 'progress' });
  const progress = useMemo(() => {
    if (view.color !== 'progress' || !plans.data) return null;
    const m = new Map<string, { progress: number; recognition: string }>();
    for (const p of plans.data) {
      const rec = recognitionOn(p.steps, asOf);
      const met = p.criteria.filter((c) => criterionMetOn(c, asOf)).length;
      // A unit with several plans shows its most advanced one.
      const prev = m.get(p.unitId);
      if (!prev || rec.state === 'recognised' || met > prev.progress)
        m.set(p.unitId, { progress: met, recognition: rec.state });
    }
    return m;
  }, [view.color, plans.data, asOf]);
  const derived = data.derived;
  // The choice as text: a camera move writes the URL again, and must not rebuild the communes.
  const cand = view.cand.join(',');
  const communes = useMemo(() => {
    if (!data.communes.data || !derived) return null;
    const byId = new Map(derived.snapshot.units.map((u) => [u.id, u]));
    const focus = derived.focus;
    const chosen = new Set(cand ? cand.split(',') : []);
    return {
      ...data.communes.data,
      features: data.communes.data.features.map((f) => {
        const u = byId.get(f.id);
        const belt = data.beltIds.has(f.id);
        return {
          ...f,
          properties: {
            ...f.properties,
            tier: u?.tier ?? 'unassessed',
            startTier: u?.startTier ?? 'unassessed',
            assessedOn: u?.assessedOn ?? null,
            regressed: u?.regressed ?? false,
            belt,
            candidate: chosen.has(f.id),
            progress: progress?.get(f.id)?.progress ?? null,
            recognition: progress?.get(f.id)?.recognition ?? null,
            dim: focus ? !focus.has(f.id) : false,
          },
        };
      }),
    };
  }, [data.communes.data, derived, data.beltIds, cand, progress]);
  const chosenVillages = useMemo(() => new Set(cand ? cand.split(',') : []), [cand]);
  const villages = useMemo(() => {
    const fc = villageUnits.data;
    if (!fc || fc.features.length === 0) return null;
    const byUnit = groupByUnit((history.data ?? []).map((a) => ({ ...a, tier: a.tier as Tier })));
    return {
      ...fc,
      features: fc.features.map((f) => ({
        ...f,
        properties: {
          ...f.properties,
          tier: tierOn(byUnit.get(f.id) ?? [], asOf),
          progress: progress?.get(f.id)?.progress ?? null,
          recognition: progress?.get(f.id)?.recognition ?? null,
          candidate: chosenVillages.has(f.id),
        },
      })),
    };
  }, [villageUnits.data, history.data, asOf, progress, chosenVillages]);
  const hotspots = useMemo(() => {
    if (!data.hotspots.data || !derived) return null;
    const geometry = new Map(data.hotspots.data.features.map((f) => [f.id, f.geometry]));
    const show = view.show;
    return {
      type: 'FeatureCollection' as const,
      features: derived.snapshot.hotspots
        .filter((h) => !show || (show === 'overdue' ? h.overdue : h.status === show))
        .map((h) => ({
          type: 'Feature' as const,
          id: h.id,
          geometry: geometry.get(h.id)!,
          properties: h,
        })),
    };
  }, [data.hotspots.data, derived, view.show]);
  return { communes, villages, hotspots };
}
