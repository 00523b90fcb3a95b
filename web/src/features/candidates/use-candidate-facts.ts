/**
 * The facts of every candidate on the dashboard's date, as the ranking takes them, at the level chosen: the communes
 * of the view's era (tier and start tier from the snapshot), or the province's villages (their tier from their own
 * assessments, their hotspots those inside them). For both: the criteria met on the date from the unit's open plan,
 * the active hotspots, the border-belt flag, the distance to the nearest key route (turf over the routes, shared
 * `BorderIndex`) and whether an open plan already holds it.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { pointsPerUnit } from '@pcmt/shared/area-select';
import { BorderIndex } from '@pcmt/shared/border';
import { DEFAULT_BORDER_RULE, isBorderCommune } from '@pcmt/shared/border-rules';
import { vietnamDay } from '@pcmt/shared/dates';
import type { Tier } from '@pcmt/shared/domain';
import type { Geometry } from '@pcmt/shared/geo';
import type { CandidateFacts } from '@pcmt/shared/state/candidates';
import { DEFAULT_AGE_LIMIT_MONTHS, hotspotOn } from '@pcmt/shared/state/hotspots';
import { criterionMetOn, planFor } from '@pcmt/shared/state/plans';
import { groupByUnit, tierOn } from '@pcmt/shared/state/tiers';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { assessmentsQuery, borderRuleQuery, plansQuery, routesQuery } from '../../lib/queries.ts';

export type CandidateRow = CandidateFacts & {
  name: string;
  geometry: Geometry;
  /** An open plan holds it today (maybe made after the date shown): no second plan can be made. */
  planNow: boolean;
};

interface UnitShape {
  id: string;
  name: string;
  geometry: Geometry;
  population: number | null;
  borderDistanceM: number | null;
  tier: Tier;
  startTier: Tier;
  belt: boolean;
}

/** The province's villages, each under its commune of the era shown (none where the province has none). */
export function useVillages() {
  return useDashboard().data.villages;
}

export function useCandidateFacts(): CandidateRow[] | null {
  const { view, data, asOf } = useDashboard();
  const plans = useQuery(plansQuery());
  const routes = useQuery(routesQuery());
  const villages = useVillages();
  const history = useQuery(assessmentsQuery(view.province));
  const rule = useQuery(borderRuleQuery(view.province)).data ?? DEFAULT_BORDER_RULE;
  const communes = data.communes.data;
  const snapshot = data.derived?.snapshot;
  const start = data.campaign?.startsOn ?? asOf;
  const units = useMemo((): UnitShape[] | null => {
    if (view.clevel === 'village') {
      if (!villages.data || !history.data) return null;
      const byUnit = groupByUnit(history.data.map((a) => ({ ...a, tier: a.tier as Tier })));
      // "Bản 3" is found in many communes: named with its commune (of today, when the view's era has it).
      const communeName = new Map((communes?.features ?? []).map((c) => [c.id, c.properties.name]));
      return villages.data.features.map((f) => ({
        id: f.id,
        name: [f.properties.name, communeName.get(f.properties.parentId ?? '')]
          .filter(Boolean)
          .join(', '),
        geometry: f.geometry as Geometry,
        population: f.properties.population ?? null,
        borderDistanceM: f.properties.borderDistanceM ?? null,
        tier: tierOn(byUnit.get(f.id) ?? [], asOf),
        startTier: tierOn(byUnit.get(f.id) ?? [], start),
        belt: isBorderCommune(f.properties.borderDistanceM ?? null, rule),
      }));
    }
    if (!communes || !snapshot) return null;
    const byId = new Map(snapshot.units.map((u) => [u.id, u]));
    return communes.features.map((f) => ({
      id: f.id,
      name: f.properties.name,
      geometry: f.geometry as Geometry,
      population: f.properties.population ?? null,
      borderDistanceM: f.properties.borderDistanceM ?? null,
      tier: byId.get(f.id)?.tier ?? 'unassessed',
      startTier: byId.get(f.id)?.startTier ?? 'unassessed',
      belt: data.beltIds.has(f.id),
    }));
  }, [
    view.clevel,
    villages.data,
    history.data,
    communes,
    snapshot,
    data.beltIds,
    asOf,
    start,
    rule,
  ]);
  // Distances to the key routes depend on the geometry only, not on the date.
  const routeDistances = useMemo(() => {
    const mine = (routes.data?.features ?? []).filter(
      (r) => r.properties.province === view.province,
    );
    if (!units || mine.length === 0) return null;
    const index = new BorderIndex(mine.map((r) => ({ key: r.id, geometry: r.geometry as never })));
    return new Map(units.map((u) => [u.id, index.nearest(u.geometry)?.distanceM ?? null]));
    // Recomputed when the units' geometry changes, not their tiers.
  }, [routes.data, view.province, view.clevel, communes, villages.data, !!units]);
  return useMemo(() => {
    if (!units || !plans.data || !data.hotspots.data) return null;
    const alive = data.hotspots.data.features.filter((f) => {
      const s = hotspotOn(f.properties, asOf, DEFAULT_AGE_LIMIT_MONTHS);
      return s && s.status !== 'eliminated';
    });
    // A commune's hotspots are registered to it; a village's are those whose point lies inside it.
    const active =
      view.clevel === 'village'
        ? pointsPerUnit(
            units,
            alive.map((f) => f.geometry.coordinates as [number, number]),
          )
        : alive.reduce(
            (m, f) => m.set(f.properties.unitId, (m.get(f.properties.unitId) ?? 0) + 1),
            new Map<string, number>(),
          );
    const open = new Map(
      plans.data.filter((p) => p.status !== 'achieved').map((p) => [p.unitId, p]),
    );
    return units.map((u) => {
      const plan = open.get(u.id);
      // The criteria are read from the unit's plan shown in its panel (an achieved one too: its checks stand).
      const checked = planFor(plans.data, u.id, data.campaign?.id ?? null);
      return {
        id: u.id,
        name: u.name,
        geometry: u.geometry,
        population: u.population,
        tier: u.tier,
        startTier: u.startTier,
        // A plan made after the date had no check yet on it.
        criteriaMet:
          checked && vietnamDay(new Date(checked.createdAt)) <= asOf
            ? checked.criteria.filter((c) => criterionMetOn(c, asOf)).map((c) => c.criterion)
            : null,
        activeHotspots: active.get(u.id) ?? 0,
        borderDistanceM: u.borderDistanceM,
        borderCommune: u.belt,
        routeDistanceM: routeDistances?.get(u.id) ?? null,
        inPlan: !!plan && vietnamDay(new Date(plan.createdAt)) <= asOf,
        planNow: !!plan,
      };
    });
  }, [units, plans.data, data.hotspots.data, routeDistances, asOf, view.clevel, data.campaign]);
}
