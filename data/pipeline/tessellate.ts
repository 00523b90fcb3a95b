/**
 * Synthetic communes that tessellate a real province outline: seeded points, relaxed twice
 * (Lloyd), cut into Voronoi cells and clipped to the province. Neighbouring cells share their
 * vertices exactly, so dissolving them into districts or post-reform communes leaves no gaps.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { roundCoords } from './geometry.ts';
import type { Rng } from './rng.ts';

export type Area = Feature<Polygon | MultiPolygon>;

function randomPointsIn(area: Area, count: number, rng: Rng): Position[] {
  const [w, s, e, n] = turf.bbox(area);
  const pts: Position[] = [];
  while (pts.length < count) {
    const p = [w + rng.next() * (e - w), s + rng.next() * (n - s)];
    if (turf.booleanPointInPolygon(p, area)) pts.push(p);
  }
  return pts;
}

function cells(area: Area, seeds: Position[]): Area[] {
  const [w, s, e, n] = turf.bbox(area);
  const vor = turf.voronoi(turf.featureCollection(seeds.map((p) => turf.point(p))), {
    bbox: [w - 0.1, s - 0.1, e + 0.1, n + 0.1],
  });
  return vor.features.map((cell, i) => {
    const clipped = cell ? turf.intersect(turf.featureCollection([cell, area])) : null;
    if (!clipped) throw new Error(`empty cell ${i}`);
    return clipped as Area;
  });
}

/** `count` polygons covering `area`, in a deterministic order (north to south, west to east). */
export function tessellate(area: Area, count: number, rng: Rng): Area[] {
  let seeds = randomPointsIn(area, count, rng);
  for (let i = 0; i < 2; i++) {
    seeds = cells(area, seeds).map((c) => turf.centroid(c).geometry.coordinates);
  }
  const result = cells(area, seeds).map((c) => {
    c.geometry.coordinates = roundCoords(c.geometry.coordinates, 5);
    return c;
  });
  const key = (c: Area) => turf.centroid(c).geometry.coordinates as [number, number];
  return result
    .map((c) => ({ c, k: key(c) }))
    .sort((a, b) => b.k[1] - a.k[1] || a.k[0] - b.k[0])
    .map(({ c }) => c);
}

/** Dissolves polygons into one (Multi)Polygon, coordinates rounded to 1e-5°. */
export function dissolve(parts: Area[]): Area {
  const merged = parts.length === 1 ? parts[0]! : turf.union(turf.featureCollection(parts));
  if (!merged) throw new Error('dissolve produced nothing');
  return {
    ...merged,
    properties: {},
    geometry: { ...merged.geometry, coordinates: roundCoords(merged.geometry.coordinates, 5) },
  } as Area;
}

/** Index of the nearest site to `p` (planar distance on degrees, fine at this scale). */
export function nearest(p: Position, sites: Position[]): number {
  let best = 0;
  let bestD = Infinity;
  sites.forEach((s, i) => {
    const d = (s[0]! - p[0]!) ** 2 + (s[1]! - p[1]!) ** 2;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

function vertexKeys(a: Area): Set<string> {
  const keys = new Set<string>();
  const polys = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
  for (const poly of polys)
    for (const ring of poly) for (const p of ring) keys.add(`${p[0]},${p[1]}`);
  return keys;
}

/** Adjacency lists: two areas touch when they share a vertex or, across provinces, their bboxes meet. */
export function adjacency(areas: Area[], group: string[]): number[][] {
  const keys = areas.map(vertexKeys);
  const boxes = areas.map((a) => turf.bbox(a));
  const adj: number[][] = areas.map(() => []);
  for (let i = 0; i < areas.length; i++) {
    for (let j = i + 1; j < areas.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a[0] > b[2] + 1e-3 || b[0] > a[2] + 1e-3 || a[1] > b[3] + 1e-3 || b[1] > a[3] + 1e-3)
        continue;
      const touch = group[i] !== group[j] || [...keys[i]!].some((k) => keys[j]!.has(k));
      if (touch) {
        adj[i]!.push(j);
        adj[j]!.push(i);
      }
    }
  }
  return adj;
}

/**
 * Splits areas into `count` contiguous groups: seeds spread by farthest-point sampling, then a
 * breadth-first growth that always extends the smallest group. Returns a group index per area.
 */
export function groupContiguous(centroids: Position[], adj: number[][], count: number): number[] {
  const seeds = [0];
  const dist = centroids.map(
    (c) => (c[0]! - centroids[0]![0]!) ** 2 + (c[1]! - centroids[0]![1]!) ** 2,
  );
  while (seeds.length < count) {
    let far = 0;
    dist.forEach((d, i) => (d > dist[far]! ? (far = i) : 0));
    seeds.push(far);
    centroids.forEach((c, i) => {
      dist[i] = Math.min(
        dist[i]!,
        (c[0]! - centroids[far]![0]!) ** 2 + (c[1]! - centroids[far]![1]!) ** 2,
      );
    });
  }
  const owner = centroids.map(() => -1);
  const frontier = seeds.map((s, g) => {
    owner[s] = g;
    return [s];
  });
  const size = seeds.map(() => 1);
  let assigned = seeds.length;
  while (assigned < centroids.length) {
    const order = size.map((n, g) => [n, g] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let grew = false;
    for (const [, g] of order) {
      const candidate = frontier[g]!.flatMap((i) => adj[i]!).find((j) => owner[j] === -1);
      if (candidate === undefined) continue;
      owner[candidate] = g;
      frontier[g]!.push(candidate);
      size[g]!++;
      assigned++;
      grew = true;
      break;
    }
    if (!grew) {
      // An island with no neighbour: attach it to the group of its nearest assigned centroid.
      const i = owner.indexOf(-1);
      const assignedIdx = owner.map((o, k) => (o >= 0 ? k : -1)).filter((k) => k >= 0);
      const near =
        assignedIdx[
          nearest(
            centroids[i]!,
            assignedIdx.map((k) => centroids[k]!),
          )
        ]!;
      owner[i] = owner[near]!;
      assigned++;
    }
  }
  return owner;
}
