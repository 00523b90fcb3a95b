/**
 * The coordinate system of a boundary file and its way to WGS 84. The .prj is read with wkt-parser (the
 * parser proj4 itself uses) and matched to a system of `shared/src/vn2000.ts`, whose proj4 definitions carry
 * the official VN-2000 7-parameter shift: an ESRI .prj of VN-2000 names the datum but carries no shift, so
 * the definition is ours, not the file's. Without a .prj the file's extent is tried in every system that
 * could hold it and the candidates are ranked by how much of it falls in the province, for the user to choose.
 */
import proj4 from 'proj4';
import wktParser from 'wkt-parser';
import type { Geometry, Position } from 'geojson';
import { CRS_FIXED, crsDefinition, crsLabel, tm3Id, TM3_MERIDIANS } from '@pcmt/shared/vn2000';
import { VIETNAM_BOUNDS, type BoundaryCandidate } from '@pcmt/shared/boundaries';

type Bbox = [number, number, number, number];

interface ParsedWkt {
  projName?: string;
  datumCode?: string;
  DATUM?: { name?: string };
  GEOGCS?: { DATUM?: { name?: string } };
  central_meridian?: number;
  scale_factor?: number;
  false_easting?: number;
  false_northing?: number;
  latitude_of_origin?: number;
  units?: string;
}

const VN2000_DATUM = /vn[_ -]?2000|vietnam[_ -]?2000|hn[_ -]?72/i;
const WGS84_DATUM = /wgs[_ -]?(19)?84/i;

/** The system a .prj describes, or a reason it is not one the import takes. */
export function crsFromPrj(prj: string): { id: string } | { problem: string } {
  let w: ParsedWkt;
  try {
    w = wktParser(prj.trim()) as ParsedWkt;
  } catch {
    return { problem: 'the .prj could not be read' };
  }
  const datum = `${w.datumCode ?? ''} ${w.DATUM?.name ?? ''} ${w.GEOGCS?.DATUM?.name ?? ''}`;
  if (/hn[_ -]?72|hanoi[_ -]?1972/i.test(datum))
    return { problem: 'HN-72 is not supported: convert the file to VN-2000 or WGS 84 first' };
  const vn2000 = VN2000_DATUM.test(datum);
  const wgs84 = !vn2000 && WGS84_DATUM.test(datum);
  if (!vn2000 && !wgs84)
    return { problem: `the datum (${datum.trim() || '?'}) is not WGS 84 or VN-2000` };
  if (w.projName === 'longlat') return { id: vn2000 ? 'EPSG:4756' : 'EPSG:4326' };
  if (!/transverse_mercator|tmerc|utm/i.test(w.projName ?? ''))
    return { problem: `the projection ${w.projName ?? '?'} is not Transverse Mercator` };
  if (!vn2000)
    return {
      problem: 'a projected WGS 84 .prj: only VN-2000 projections are taken (or WGS 84 degrees)',
    };
  const cm = w.central_meridian;
  const k = w.scale_factor;
  if (
    (w.false_easting ?? 500000) !== 500000 ||
    (w.false_northing ?? 0) !== 0 ||
    (w.latitude_of_origin ?? 0) !== 0
  )
    return { problem: 'the false easting/northing are not VN-2000’s (500 000 m, 0)' };
  if (cm === undefined || k === undefined)
    return { problem: 'the .prj names no central meridian or scale' };
  if (Math.abs(k - 0.9996) < 1e-9 && cm === 105) return { id: 'EPSG:3405' };
  if (Math.abs(k - 0.9996) < 1e-9 && cm === 111) return { id: 'EPSG:3406' };
  // A TM-3 zone's scale is 0.9999; another scale on a provincial meridian would be drawn hundreds of metres off.
  if (Math.abs(k - 0.9999) < 1e-9) {
    const id = tm3Id(cm);
    if (crsDefinition(id)) return { id };
  }
  return {
    problem: `a VN-2000 zone with central meridian ${cm} and scale ${k} is not one the import knows`,
  };
}

/** Every system a file without .prj might be in: the fixed ones and each known provincial TM-3 zone. */
export function systemsToTry(provinceSlug: string): string[] {
  const own = TM3_MERIDIANS[provinceSlug];
  const meridians = [
    ...new Set([own, ...Object.values(TM3_MERIDIANS)].filter((m) => m !== undefined)),
  ];
  return [...CRS_FIXED, ...meridians.map((m) => tm3Id(m!))];
}

const looksGeographic = (b: Bbox) => b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90;

/** A converter from the system to WGS 84 `[lng, lat]`. */
export function toWgs84(id: string): (p: Position) => Position {
  const def = crsDefinition(id);
  if (!def) throw new Error(`unknown system ${id}`);
  if (id === 'EPSG:4326') return (p) => [p[0]!, p[1]!];
  const conv = proj4(def, 'EPSG:4326');
  return (p) => conv.forward([p[0]!, p[1]!]);
}

function mapPositions(g: Geometry, f: (p: Position) => Position): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(f) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((r) => r.map(f)) } as Geometry;
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))),
      };
    case 'GeometryCollection':
      return {
        type: 'GeometryCollection',
        geometries: g.geometries.map((x) => mapPositions(x, f)),
      };
  }
}

/** The geometry in WGS 84. */
export const reproject = (g: Geometry, id: string): Geometry =>
  id === 'EPSG:4326' ? g : mapPositions(g, toWgs84(id));

/** The extent of the file's positions, in its own units. */
export function extentOf(geometries: (Geometry | null)[]): Bbox | null {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const see = (p: Position) => {
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return p;
    b[0] = Math.min(b[0], p[0]!);
    b[1] = Math.min(b[1], p[1]!);
    b[2] = Math.max(b[2], p[0]!);
    b[3] = Math.max(b[3], p[1]!);
    return p;
  };
  for (const g of geometries) if (g) mapPositions(g, see);
  return Number.isFinite(b[0]) ? b : null;
}

const area = (b: Bbox) => Math.max(0, b[2] - b[0]) * Math.max(0, b[3] - b[1]);
const meet = (a: Bbox, b: Bbox): Bbox => [
  Math.max(a[0], b[0]),
  Math.max(a[1], b[1]),
  Math.min(a[2], b[2]),
  Math.min(a[3], b[3]),
];

/**
 * The systems under which the file's extent lands in Vietnam, ranked by the share of it that falls in the
 * province's current extent (then by that extent's share covered): what the user chooses among when the
 * file does not say.
 */
export function candidateSystems(
  extent: Bbox,
  provinceSlug: string,
  provinceBbox: Bbox | null,
): BoundaryCandidate[] {
  const out: BoundaryCandidate[] = [];
  for (const id of systemsToTry(provinceSlug)) {
    const geographic = id === 'EPSG:4326' || id === 'EPSG:4756';
    if (geographic !== looksGeographic(extent)) continue;
    let bbox: Bbox;
    try {
      const f = toWgs84(id);
      const corners = [
        f([extent[0], extent[1]]),
        f([extent[2], extent[3]]),
        f([extent[0], extent[3]]),
        f([extent[2], extent[1]]),
      ];
      bbox = [
        Math.min(...corners.map((c) => c[0]!)),
        Math.min(...corners.map((c) => c[1]!)),
        Math.max(...corners.map((c) => c[0]!)),
        Math.max(...corners.map((c) => c[1]!)),
      ];
    } catch {
      continue;
    }
    if (!bbox.every(Number.isFinite)) continue;
    const vn = VIETNAM_BOUNDS;
    if (bbox[0] < vn.west || bbox[2] > vn.east || bbox[1] < vn.south || bbox[3] > vn.north)
      continue;
    const overlap = provinceBbox
      ? Math.min(1, area(meet(bbox, provinceBbox)) / Math.max(area(bbox), 1e-12))
      : 0;
    out.push({ crs: id, label: crsLabel(id), bbox, overlap: Math.round(overlap * 1000) / 1000 });
  }
  return out.sort((a, b) => b.overlap - a.overlap);
}
