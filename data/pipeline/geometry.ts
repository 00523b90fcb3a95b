/** Small, dependency-free geometry helpers used by the pipeline. Coordinates are [lng, lat]. */

type Pos = number[];

/** Rounds every number in a nested coordinate array to `digits` decimals. */
export function roundCoords<T>(coords: T, digits: number): T {
  const f = 10 ** digits;
  const walk = (c: unknown): unknown =>
    typeof c === 'number' ? Math.round(c * f) / f : (c as unknown[]).map(walk);
  return walk(coords) as T;
}

function perpendicular(p: Pos, a: Pos, b: Pos): number {
  const [x, y] = p as [number, number];
  const [x1, y1] = a as [number, number];
  const [x2, y2] = b as [number, number];
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(x - x1, y - y1);
  return Math.abs(dy * x - dx * y + x2 * y1 - y2 * x1) / len;
}

function douglasPeucker(points: Pos[], tolerance: number): Pos[] {
  if (points.length <= 2) return points;
  let maxDist = 0;
  let index = 0;
  const last = points.length - 1;
  for (let i = 1; i < last; i++) {
    const d = perpendicular(points[i]!, points[0]!, points[last]!);
    if (d > maxDist) {
      maxDist = d;
      index = i;
    }
  }
  if (maxDist <= tolerance) return [points[0]!, points[last]!];
  const left = douglasPeucker(points.slice(0, index + 1), tolerance);
  const right = douglasPeucker(points.slice(index), tolerance);
  return [...left.slice(0, -1), ...right];
}

/** Simplifies a closed ring (first = last) with Douglas–Peucker; tolerance in degrees. */
export function simplifyRing(ring: Pos[], tolerance: number): Pos[] {
  if (tolerance <= 0 || ring.length <= 8) return dedupe(ring);
  const half = Math.floor(ring.length / 2);
  const a = douglasPeucker(ring.slice(0, half + 1), tolerance);
  const b = douglasPeucker(ring.slice(half), tolerance);
  return [...a.slice(0, -1), ...b];
}

function dedupe(ring: Pos[]): Pos[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
}
