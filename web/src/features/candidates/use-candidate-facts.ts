/**
 * The facts of every commune of the view's era on the dashboard's date, as the candidate ranking takes them: tier
 * and start tier from the snapshot, the criteria met on the date from its plan's checks, the active hotspots, the
 * border-belt flag, the distance to the nearest key route (turf over the routes, shared `BorderIndex`) and whether
 * an open plan already holds it.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { BorderIndex } from '@pcmt/shared/border';
import { vietnamDay } from '@pcmt/shared/dates';
import type { Geometry } from '@pcmt/shared/geo';
import type { CandidateFacts } from '@pcmt/shared/state/candidates';
import { DEFAULT_AGE_LIMIT_MONTHS, hotspotOn } from '@pcmt/shared/state/hotspots';
import { criterionMetOn } from '@pcmt/shared/state/plans';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { plansQuery, routesQuery } from '../../lib/queries.ts';

export type CandidateRow = CandidateFacts & {
  name: string;
  geometry: Geometry;
  /** An open plan holds it today (maybe made after the date shown): no second plan can be made. */
  planNow: boolean;
};

export function useCandidateFacts(): CandidateRow[] | null {
  const { view, data, asOf } = useDashboard();
  const plans = useQuery(plansQuery());
  const routes = useQuery(routesQuery());
  const communes = data.communes.data;
  const snapshot = data.derived?.snapshot;
  // Distances to the key routes depend on the era's geometry only, not on the date.
  const routeDistances = useMemo(() => {
    const mine = (routes.data?.features ?? []).filter(
      (r) => r.properties.province === view.province,
    );
    if (!communes || mine.length === 0) return null;
    const index = new BorderIndex(mine.map((r) => ({ key: r.id, geometry: r.geometry as never })));
    return new Map(
      communes.features.map((f) => [
        f.id,
        index.nearest(f.geometry as Geometry)?.distanceM ?? null,
      ]),
    );
  }, [routes.data, communes, view.province]);
  return useMemo(() => {
    if (!communes || !snapshot || !plans.data || !data.hotspots.data) return null;
    const units = new Map(snapshot.units.map((u) => [u.id, u]));
    const active = new Map<string, number>();
    for (const f of data.hotspots.data.features) {
      const s = hotspotOn(f.properties, asOf, DEFAULT_AGE_LIMIT_MONTHS);
      if (s && s.status !== 'eliminated')
        active.set(f.properties.unitId, (active.get(f.properties.unitId) ?? 0) + 1);
    }
    const open = new Map(
      plans.data.filter((p) => p.status !== 'achieved').map((p) => [p.unitId, p]),
    );
    return communes.features.map((f) => {
      const u = units.get(f.id);
      const plan = open.get(f.id);
      return {
        id: f.id,
        name: f.properties.name,
        geometry: f.geometry as Geometry,
        population: f.properties.population ?? null,
        tier: u?.tier ?? 'unassessed',
        startTier: u?.startTier ?? 'unassessed',
        // A plan made after the date had no check yet on it.
        criteriaMet:
          plan && vietnamDay(new Date(plan.createdAt)) <= asOf
            ? plan.criteria.filter((c) => criterionMetOn(c, asOf)).map((c) => c.criterion)
            : null,
        activeHotspots: active.get(f.id) ?? 0,
        borderDistanceM: f.properties.borderDistanceM ?? null,
        borderCommune: data.beltIds.has(f.id),
        routeDistanceM: routeDistances?.get(f.id) ?? null,
        inPlan: !!plan && vietnamDay(new Date(plan.createdAt)) <= asOf,
        planNow: !!plan,
      };
    });
  }, [communes, snapshot, plans.data, data.hotspots.data, data.beltIds, routeDistances, asOf]);
}
