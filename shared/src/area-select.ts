/** Choosing units with an area drawn on the map (the planner's lasso). */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { feature, polygon } from '@turf/helpers';
import pointOnFeature from '@turf/point-on-feature';
import type { Geometry } from './geo.ts';

/**
 * The ids of the units inside a drawn area: a point on the unit's own surface (never outside it, unlike a centroid
 * of a crescent) lies within the ring. `ring` is `[lng, lat]` vertices, closed or not; a unit merely touching the
 * area's edge is not taken.
 */
export function unitsInArea(
  units: readonly { id: string; geometry: Geometry }[],
  ring: readonly [number, number][],
): string[] {
  if (ring.length < 3) return [];
  const closed = [...ring];
  const [first, last] = [closed[0]!, closed[closed.length - 1]!];
  if (first[0] !== last[0] || first[1] !== last[1]) closed.push(first);
  if (closed.length < 4) return [];
  const area = polygon([closed]);
  return units
    .filter((u) => booleanPointInPolygon(pointOnFeature(feature(u.geometry as never)), area))
    .map((u) => u.id);
}

/** A point on a unit's own surface (turf's pointOnFeature): where its one label goes on the map. */
export function pointOn(geometry: Geometry): [number, number] {
  return pointOnFeature(feature(geometry as never)).geometry.coordinates as [number, number];
}

/** How many of `points` ([lng, lat]) lie inside each unit: a village's hotspots, registered to its commune. */
export function pointsPerUnit(
  units: readonly { id: string; geometry: Geometry }[],
  points: readonly [number, number][],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const u of units) {
    const f = feature(u.geometry as never);
    const n = points.filter((p) => booleanPointInPolygon(p, f as never)).length;
    if (n) out.set(u.id, n);
  }
  return out;
}

/** Whether a point ([lng, lat]) lies inside a unit's outline. */
export function holds(geometry: Geometry, point: readonly [number, number]): boolean {
  return booleanPointInPolygon([point[0], point[1]], feature(geometry as never) as never);
}
