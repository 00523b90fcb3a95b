/**
 * VN-2000 plane coordinates to WGS 84 and back, with proj4 (no projection maths of our own).
 *
 * Vietnamese survey convention: X is the northing and Y the easting (500 000 m false easting), in
 * metres. Two systems are offered: the province's own TM-3 zone (central meridian set by Circular
 * 973/2001/TT-TCĐC, scale 0.9999) and VN-2000 / UTM 48N (EPSG:3405, scale 0.9996).
 *
 * The datum shift is the official 7-parameter one (Decision 05/2007/QĐ-BTNMT, EPSG:6960). Those
 * parameters are published in the Coordinate Frame convention; proj4's `towgs84` takes Position
 * Vector, so the three rotations change sign here: rX −0.00928836″, rY 0.01975479″, rZ −0.00427372″
 * become +0.00928836, −0.01975479, +0.00427372.
 */
import proj4 from 'proj4';

const TOWGS84 =
  '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';

/** The TM-3 central meridian (degrees east) of the provinces the product knows, by slug. */
export const TM3_MERIDIANS: Readonly<Record<string, number>> = {
  'lao-cai': 104.75,
  'yen-bai': 104.75,
  'lai-chau': 103,
  'dien-bien': 103,
  'son-la': 104,
  'thanh-hoa': 105,
  'ha-giang': 105.5,
};

export type Vn2000System = { kind: 'tm3'; meridian: number } | { kind: 'utm48' };

/** The proj4 definition of a VN-2000 plane system. */
export function vn2000Definition(s: Vn2000System): string {
  return s.kind === 'utm48'
    ? `+proj=utm +zone=48 +ellps=WGS84 +towgs84=${TOWGS84} +units=m +no_defs`
    : `+proj=tmerc +lat_0=0 +lon_0=${s.meridian} +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${TOWGS84} +units=m +no_defs`;
}

/** The province's TM-3 system, or null when its zone is not in the table. */
export const provinceTm3 = (slug: string): Vn2000System | null =>
  TM3_MERIDIANS[slug] === undefined ? null : { kind: 'tm3', meridian: TM3_MERIDIANS[slug]! };

const WGS84 = 'EPSG:4326';

/** VN-2000 X (northing) and Y (easting), metres, to WGS 84 `[lng, lat]`; a RangeError outside Vietnam's reach. */
export function vn2000ToWgs84(x: number, y: number, s: Vn2000System): [number, number] {
  if (!Number.isFinite(x) || !Number.isFinite(y) || x < 800_000 || x > 2_700_000)
    throw new RangeError(
      `X ${x}: a VN-2000 northing in Vietnam lies between 800 000 and 2 700 000 m`,
    );
  if (y < 0 || y > 1_000_000)
    throw new RangeError(`Y ${y}: a VN-2000 easting lies between 0 and 1 000 000 m`);
  const [lng, lat] = proj4(vn2000Definition(s), WGS84, [y, x]) as [number, number];
  return [lng, lat];
}

/** WGS 84 `[lng, lat]` to VN-2000 `{ x, y }` (northing, easting), metres. */
export function wgs84ToVn2000(lngLat: [number, number], s: Vn2000System): { x: number; y: number } {
  const [e, n] = proj4(WGS84, vn2000Definition(s), lngLat) as [number, number];
  return { x: n, y: e };
}

/**
 * The coordinate systems a boundary file may be in, by the id the import takes (`crs=`): WGS 84, VN-2000
 * geographic (EPSG:4756), VN-2000 / UTM 48N and 49N (EPSG:3405, 3406), and a VN-2000 TM-3 zone by its central
 * meridian (`TM3:104.75`, scale 0.9999, 500 km false easting).
 */
export type CrsId = string;
export const CRS_FIXED = ['EPSG:4326', 'EPSG:4756', 'EPSG:3405', 'EPSG:3406'] as const;
export const CRS_LABELS: Readonly<Record<string, string>> = {
  'EPSG:4326': 'WGS 84 (kinh độ, vĩ độ)',
  'EPSG:4756': 'VN-2000 (kinh độ, vĩ độ)',
  'EPSG:3405': 'VN-2000 / UTM 48N',
  'EPSG:3406': 'VN-2000 / UTM 49N',
};
const TM3_ID = /^TM3:(\d{3}(?:\.\d{1,4})?)$/;

/** The words for a system: "VN-2000 / TM-3 KTT 104°45′" for a TM-3 zone. */
export function crsLabel(id: CrsId): string {
  const tm3 = TM3_ID.exec(id);
  if (!tm3) return CRS_LABELS[id] ?? id;
  const m = Number(tm3[1]);
  const minutes = Math.round((m - Math.floor(m)) * 60);
  return `VN-2000 / TM-3 KTT ${Math.floor(m)}°${String(minutes).padStart(2, '0')}′`;
}

/** The proj4 definition of a system the import takes, or null for an id it does not know. */
export function crsDefinition(id: CrsId): string | null {
  if (id === 'EPSG:4326') return '+proj=longlat +datum=WGS84 +no_defs';
  if (id === 'EPSG:4756') return `+proj=longlat +ellps=WGS84 +towgs84=${TOWGS84} +no_defs`;
  if (id === 'EPSG:3405') return vn2000Definition({ kind: 'utm48' });
  if (id === 'EPSG:3406')
    return `+proj=utm +zone=49 +ellps=WGS84 +towgs84=${TOWGS84} +units=m +no_defs`;
  const tm3 = TM3_ID.exec(id);
  if (!tm3) return null;
  const meridian = Number(tm3[1]);
  return meridian >= 102 && meridian <= 117 ? vn2000Definition({ kind: 'tm3', meridian }) : null;
}

/** The TM-3 id of a central meridian: `TM3:104.75`. */
export const tm3Id = (meridian: number): CrsId => `TM3:${Number(meridian.toFixed(4))}`;
