/** Points at a chosen distance from the border, inside a province, facing a chosen station's stretch. */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { BorderIndex } from '@pcmt/shared/border';

/**
 * A point inside `province` about `metres` from the border line (±10 %), beside the middle of `sector`; found by
 * stepping out from the stretch's vertices in every direction and measuring with the product's own index.
 */
export function pointNearBorder(
  sector: Feature,
  borders: FeatureCollection,
  province: Feature<Polygon | MultiPolygon>,
  metres: number,
): [number, number] {
  const lines = new BorderIndex(
    borders.features.map((f, i) => ({ key: String(i), geometry: f.geometry as never })),
  );
  const stretch = new BorderIndex([{ key: 'own', geometry: sector.geometry as never }]);
  const vertices = turf.coordAll(sector);
  const middle = Math.floor(vertices.length / 2);
  for (let k = 0; k < vertices.length; k++) {
    const v = vertices[(middle + k) % vertices.length]!;
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const p = turf.destination(v, metres / 1000, bearing, { units: 'kilometers' }).geometry
        .coordinates as [number, number];
      if (!turf.booleanPointInPolygon(p, province)) continue;
      const d = lines.nearest({ type: 'Point', coordinates: p })!.distanceM;
      const own = stretch.nearest({ type: 'Point', coordinates: p })!.distanceM;
      if (Math.abs(d - metres) <= metres * 0.1 && Math.abs(own - d) < 1)
        return [Number(p[0].toFixed(5)), Number(p[1].toFixed(5))];
    }
  }
  throw new Error(`no point ${metres} m from ${String(sector.id)} inside the province`);
}

/** A meeting at Lào Cai's international gate (crossing-01) as the border unit logs it, with its summary. */
export const gateMeeting = (summary: string) => ({
  kind: 'meeting',
  level: 'gate',
  occurredOn: '2026-11-20',
  crossingId: 'crossing-01',
  counterpart: 'Hà Khẩu',
  summary,
});
