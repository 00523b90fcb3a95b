/**
 * Distances to the border line in metres (turf, with the line's segments indexed by flatbush so a commune costs a
 * few segment distances, not a thousand), for the border belt and the geofence (their rules: border-rules.ts).
 */
import Flatbush from 'flatbush';
import booleanIntersects from '@turf/boolean-intersects';
import { lineString } from '@turf/helpers';
import pointToLineDistance from '@turf/point-to-line-distance';
import type { Geometry } from './geo.ts';

type Position = number[];
type Line = Extract<Geometry, { type: 'LineString' | 'MultiLineString' }>;
type Area = Extract<Geometry, { type: 'Polygon' | 'MultiPolygon' }>;

/** One piece of a border line: the whole VN–CN line, or one station's stretch of it. */
export interface BorderPiece {
  key: string;
  geometry: Line;
}

export interface Nearest {
  key: string;
  distanceM: number;
}

const M_PER_DEG_LAT = 111_320;
/** As far as a province's belt or alert distance may reach (border-contracts.ts): within it distances are exact. */
export const EXACT_WITHIN_M = 100_000;
const RING_CHECK_M = EXACT_WITHIN_M;
const METRES = { units: 'meters' } as const;
type Feature = ReturnType<typeof lineString>;
/** An area's vertices measured exhaustively, the closest by the first pass. */
const EXACT_VERTICES = 4;

/** The nearest piece of the border to a point or an area, and how far it is in metres (0 when they touch). */
export class BorderIndex {
  private readonly segments: { key: string; a: Position; b: Position; line: Feature }[] = [];
  private readonly index: Flatbush | null;

  constructor(pieces: readonly BorderPiece[]) {
    for (const p of pieces) {
      const parts =
        p.geometry.type === 'LineString' ? [p.geometry.coordinates] : p.geometry.coordinates;
      for (const part of parts)
        for (let i = 1; i < part.length; i++)
          this.segments.push({
            key: p.key,
            a: part[i - 1]!,
            b: part[i]!,
            line: lineString([part[i - 1]!, part[i]!]),
          });
    }
    if (this.segments.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(this.segments.length);
    for (const s of this.segments)
      this.index.add(
        Math.min(s.a[0]!, s.b[0]!),
        Math.min(s.a[1]!, s.b[1]!),
        Math.max(s.a[0]!, s.b[0]!),
        Math.max(s.a[1]!, s.b[1]!),
      );
    this.index.finish();
  }

  /** The nearest piece to a point or an area (0 when they touch); null when the index holds no line. */
  nearest(geometry: Geometry): Nearest | null {
    if (!this.index) return null;
    const coords = positionsOf(geometry);
    if (coords.length === 0) return null;
    if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
      const touching = this.crossing(geometry, coords);
      if (touching) return { key: touching, distanceM: 0 };
    }
    // Every vertex against its few nearest boxes, then the closest few vertices measured exhaustively.
    const rough = coords
      .map((p) => ({ p, d: this.nearestToPoint(p, false)?.distanceM ?? Infinity }))
      .sort((a, b) => a.d - b.d);
    let best: Nearest | null = null;
    for (const { p } of rough.slice(0, EXACT_VERTICES)) {
      const n = this.nearestToPoint(p);
      if (n && (!best || n.distanceM < best.distanceM)) best = n;
    }
    // Seen from the area's side alone, a line vertex poking towards the middle of a long edge is missed: measure
    // the line's vertices near the area to the area's rings too.
    // Beyond RING_CHECK_M that error (under half an edge of the area) no longer matters.
    if (
      best &&
      best.distanceM < RING_CHECK_M &&
      (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')
    ) {
      // The area's rings, indexed the same way, answer each nearby line vertex in a few segment distances.
      const rings = new BorderIndex([
        {
          key: 'rings',
          geometry: {
            type: 'MultiLineString',
            coordinates:
              geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat(),
          },
        },
      ]);
      const [w, s, e, n] = bboxOf(coords);
      const pad = best.distanceM / M_PER_DEG_LAT / Math.cos((((s + n) / 2) * Math.PI) / 180);
      for (const i of this.index.search(w - pad, s - pad, e + pad, n + pad)) {
        const seg = this.segments[i]!;
        for (const v of [seg.a, seg.b]) {
          const d = rings.nearestToPoint(v)!.distanceM;
          if (d < best.distanceM) best = { key: seg.key, distanceM: d };
        }
      }
    }
    return best && { key: best.key, distanceM: Math.round(best.distanceM) };
  }

  private crossing(geometry: Area, coords: Position[]): string | null {
    const [w, s, e, n] = bboxOf(coords);
    for (const i of this.index!.search(w, s, e, n)) {
      const seg = this.segments[i]!;
      if (booleanIntersects(seg.line as never, geometry as never)) return seg.key;
    }
    return null;
  }

  /** The nearest segment to a point, not rounded; `exact` false: among the 4 nearest boxes only. */
  nearestToPoint(p: Position, exact = true): Nearest | null {
    // Flatbush ranks by planar distance to the segments' boxes: a few candidates give a first distance, then every
    // segment whose box lies within it (in degrees of longitude, the shorter ones) is measured on the ellipsoid.
    let best: Nearest | null = null;
    const measure = (ids: number[]) => {
      for (const i of ids) {
        const seg = this.segments[i]!;
        const d = pointToLineDistance(p, seg.line as never, METRES);
        if (!best || d < best.distanceM) best = { key: seg.key, distanceM: d };
      }
    };
    measure(this.index!.neighbors(p[0]!, p[1]!, 4));
    if (!best || !exact) return best;
    // Beyond what a rule can reach the first answer is kept: a few metres more or less 100 km away matter to none.
    if ((best as Nearest).distanceM > EXACT_WITHIN_M) return best;
    const degrees =
      (best as Nearest).distanceM / (M_PER_DEG_LAT * Math.cos((p[1]! * Math.PI) / 180));
    measure(this.index!.neighbors(p[0]!, p[1]!, Infinity, degrees * 1.01));
    return best;
  }
}

function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
  }
}

function bboxOf(coords: Position[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of coords) {
    if (x! < w) w = x!;
    if (x! > e) e = x!;
    if (y! < s) s = y!;
    if (y! > n) n = y!;
  }
  return [w, s, e, n];
}

/** The border lines and each province's station stretches, indexed (built from rows: the database's or the pipeline's). */
export interface BorderIndexes {
  lines: BorderIndex;
  sectors: Map<string, BorderIndex>;
}

export function borderIndexesOf(
  lines: readonly { key: string; geometry: Geometry }[],
  sectors: readonly { key: string; province: string; geometry: Geometry }[],
): BorderIndexes {
  const asPieces = (rows: readonly { key: string; geometry: Geometry }[]) =>
    rows.map((r) => ({ key: r.key, geometry: r.geometry as Line }));
  const byProvince = new Map<string, BorderIndex>();
  for (const slug of new Set(sectors.map((s) => s.province)))
    byProvince.set(slug, new BorderIndex(asPieces(sectors.filter((s) => s.province === slug))));
  return { lines: new BorderIndex(asPieces(lines)), sectors: byProvince };
}

/**
 * Where a point of province `slug` lies against the border: metres to the line, and the stretch of the province's
 * own stations nearest to it (null when the province has none, or the point is 30 km farther from them than from
 * the line: it faces another province's stretch).
 */
export function placeAgainstBorder(ix: BorderIndexes, slug: string, lng: number, lat: number) {
  const point: Geometry = { type: 'Point', coordinates: [lng, lat] };
  const line = ix.lines.nearest(point);
  const sector = ix.sectors.get(slug)?.nearest(point) ?? null;
  return {
    borderDistanceM: line?.distanceM ?? null,
    borderSectorId:
      sector && line && sector.distanceM <= line.distanceM + 30_000 ? sector.key : null,
  };
}
