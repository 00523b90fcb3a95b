/** Geographic primitives. Coordinates are `[lng, lat]` in WGS 84; a bbox is `[west, south, east, north]`. */

declare const lngLatBrand: unique symbol;
declare const bboxBrand: unique symbol;
export type LngLat = readonly [number, number] & { readonly [lngLatBrand]: true };
export type BBox = readonly [number, number, number, number] & { readonly [bboxBrand]: true };

/** Validates a `[lng, lat]` pair; throws a RangeError naming the bad value. */
export function toLngLat(lng: number, lat: number): LngLat {
  if (!Number.isFinite(lng) || lng < -180 || lng > 180)
    throw new RangeError(`longitude out of range: ${lng}`);
  if (!Number.isFinite(lat) || lat < -90 || lat > 90)
    throw new RangeError(`latitude out of range: ${lat}`);
  return [lng, lat] as unknown as LngLat;
}

/** Validates `[west, south, east, north]`; throws a RangeError naming the bad value. */
export function toBBox(west: number, south: number, east: number, north: number): BBox {
  toLngLat(west, south);
  toLngLat(east, north);
  if (west > east) throw new RangeError(`bbox west ${west} is east of east ${east}`);
  if (south > north) throw new RangeError(`bbox south ${south} is north of north ${north}`);
  return [west, south, east, north] as unknown as BBox;
}

export type Geometry =
  | { type: 'Point'; coordinates: number[] }
  | { type: 'LineString'; coordinates: number[][] }
  | { type: 'MultiLineString'; coordinates: number[][][] }
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** The bbox `[west, south, east, north]` of any GeoJSON geometry. */
export function bboxOf(geometry: Geometry): BBox {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const walk = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      w = Math.min(w, x);
      s = Math.min(s, y);
      e = Math.max(e, x);
      n = Math.max(n, y);
    } else (c as unknown[]).forEach(walk);
  };
  walk(geometry.coordinates);
  return toBBox(w, s, e, n);
}

/** True when two bboxes overlap or touch. */
export function bboxIntersects(a: readonly number[], b: readonly number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}
