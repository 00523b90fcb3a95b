/** Builds the administrative units of both eras, the crosswalk, border lines, routes and crossings. */
import * as turf from '@turf/turf';
import type { FeatureCollection, MultiLineString, Position } from 'geojson';
import type { Geometry } from '@pcmt/shared/geo';
import {
  PRE_REFORM_FROM,
  REFORM_DAY,
  OLD_PROVINCES,
  NEW_PROVINCES,
  CROSSINGS,
  KEY_ROUTES,
} from './places.ts';
import type { OldProvince } from './places.ts';
import { createRng, seedOf } from './rng.ts';
import {
  adjacency,
  dissolve,
  groupContiguous,
  nearest,
  tessellate,
  type Area,
} from './tessellate.ts';
import type {
  AgencyRow,
  BorderLineRow,
  BorderSectorRow,
  CrossingRow,
  CrosswalkRow,
  KeyRouteRow,
  UnitRow,
} from '@pcmt/shared/demo-data';
import { roundCoords } from './geometry.ts';

export interface Sources {
  provinces: FeatureCollection;
  countries: FeatureCollection;
  borders: FeatureCollection;
}

const DISTRICT_CODE_BASE: Record<string, number> = {
  '10': 80,
  '15': 132,
  '12': 105,
  '14': 116,
  '38': 380,
};
const COMMUNE_CODE_BASE: Record<string, number> = {
  '10': 2635,
  '15': 4246,
  '12': 3385,
  '14': 3646,
  '38': 14755,
};

const km2 = (a: Area) => Math.round(turf.area(a) / 1e4) / 100;
const geom = (a: Area) => a.geometry as Geometry;
const shortName = (district: string) => district.replace(/^(Thành phố|Thị xã) /, '');
const isUrban = (district: string) => /^(Thành phố|Thị xã)/.test(district);

interface OldEra {
  units: UnitRow[];
  communes: { row: UnitRow; area: Area; province: string }[];
}

function buildOldProvince(
  p: OldProvince,
  outline: Area,
  units: UnitRow[],
  out: OldEra['communes'],
) {
  const rng = createRng(seedOf(`communes:${p.slug}`));
  const provinceId = `prov-${p.code}-2020`;
  units.push({
    id: provinceId,
    level: 'province',
    code: p.code,
    name: `Tỉnh ${p.name}`,
    nameEn: `${p.nameEn} province`,
    parentId: null,
    provinceId: null,
    slug: p.slug,
    validFrom: PRE_REFORM_FROM,
    validTo: REFORM_DAY,
    population: null,
    areaKm2: km2(outline),
    synthetic: false,
    geometry: geom(outline),
  });
  const cells = tessellate(outline, p.communes, rng);
  const towns = p.districts.map(([, lat, lng]) => [lng, lat] as Position);
  const centres = cells.map((c) => turf.centroid(c).geometry.coordinates);
  const owner = centres.map((c) => nearest(c, towns));
  // Natural Earth draws some pre-2008 boundaries (Than Uyên inside Lào Cai): every district keeps
  // at least the cell nearest its town, so no district is left empty.
  towns.forEach((t, d) => {
    if (owner.includes(d)) return;
    const free = centres
      .map((c, i) => ({ i, d2: (c[0]! - t[0]!) ** 2 + (c[1]! - t[1]!) ** 2 }))
      .filter(({ i }) => owner.filter((o) => o === owner[i]).length > 1)
      .sort((a, b) => a.d2 - b.d2);
    owner[free[0]!.i] = d;
  });
  p.districts.forEach(([districtName], d) => {
    const districtId = `dist-${p.code}-${String(d + 1).padStart(2, '0')}`;
    const mine = cells.filter((_, i) => owner[i] === d);
    if (mine.length === 0) throw new Error(`district ${districtName} got no commune`);
    units.push({
      id: districtId,
      level: 'district',
      code: String(DISTRICT_CODE_BASE[p.code]! + d).padStart(3, '0'),
      name: /^(Thành phố|Thị xã)/.test(districtName) ? districtName : `Huyện ${districtName}`,
      nameEn: shortName(districtName),
      parentId: provinceId,
      provinceId,
      slug: null,
      validFrom: PRE_REFORM_FROM,
      validTo: REFORM_DAY,
      population: null,
      areaKm2: 0,
      synthetic: true,
      geometry: geom(dissolve(mine)),
    });
    const townCell = nearest(
      towns[d]!,
      mine.map((c) => turf.centroid(c).geometry.coordinates),
    );
    mine.forEach((cell, k) => {
      const urban = isUrban(districtName);
      const prefix =
        k === townCell ? (urban ? 'Phường' : 'Thị trấn') : urban && k % 2 === 0 ? 'Phường' : 'Xã';
      const n = k === townCell ? '' : ` ${k + 1}`;
      const sanThang = districtName === 'Thành phố Lai Châu' && k === (townCell === 0 ? 1 : 0);
      const row: UnitRow = {
        id: `com-${p.code}-${String(out.length + 1).padStart(4, '0')}`,
        level: 'commune',
        code: String(
          COMMUNE_CODE_BASE[p.code]! + 2 * out.filter((c) => c.province === p.slug).length,
        ).padStart(5, '0'),
        name: sanThang ? 'Xã San Thàng' : `${prefix} ${shortName(districtName)}${n}`,
        nameEn: sanThang ? 'San Thang' : `${shortName(districtName)}${n}`,
        parentId: districtId,
        provinceId,
        slug: null,
        validFrom: PRE_REFORM_FROM,
        validTo: REFORM_DAY,
        population: urban ? rng.int(8000, 22000) : rng.int(2500, 11000),
        areaKm2: km2(cell),
        synthetic: true,
        geometry: geom(cell),
      };
      units.push(row);
      out.push({ row, area: cell, province: p.slug });
    });
  });
  const districts = units.filter((u) => u.level === 'district' && u.provinceId === provinceId);
  for (const d of districts)
    d.areaKm2 =
      Math.round(
        units.filter((u) => u.parentId === d.id).reduce((s, u) => s + u.areaKm2, 0) * 100,
      ) / 100;
}

function buildNewEra(old: OldEra, units: UnitRow[], crosswalk: CrosswalkRow[]) {
  for (const np of NEW_PROVINCES) {
    const provinceId = `prov-${np.code}-2025`;
    const members = old.communes.filter((c) => np.from.includes(c.province));
    const outline = dissolve(
      np.from
        .map((slug) => units.find((u) => u.slug === slug && u.level === 'province')!)
        .map((u) => turf.feature(u.geometry) as Area),
    );
    units.push({
      id: provinceId,
      level: 'province',
      code: np.code,
      name: `Tỉnh ${np.name}`,
      nameEn: `${np.nameEn} province`,
      parentId: null,
      provinceId: null,
      slug: np.slug,
      validFrom: REFORM_DAY,
      validTo: null,
      population: null,
      areaKm2: km2(outline),
      synthetic: false,
      geometry: geom(outline),
    });
    for (const from of np.from) {
      crosswalk.push({
        fromUnitId: units.find(
          (u) => u.slug === from && u.level === 'province' && u.validTo === REFORM_DAY,
        )!.id,
        toUnitId: provinceId,
        share: 1,
        effectiveOn: REFORM_DAY,
      });
    }
    const centroids = members.map((m) => turf.centroid(m.area).geometry.coordinates);
    const group = groupContiguous(
      centroids,
      adjacency(
        members.map((m) => m.area),
        members.map((m) => m.province),
      ),
      np.communes,
    );
    const used = new Set<string>();
    for (let g = 0; g < np.communes; g++) {
      const parts = members.filter((_, i) => group[i] === g);
      const largest = [...parts].sort(
        (a, b) => (b.row.population ?? 0) - (a.row.population ?? 0),
      )[0]!;
      let name = largest.row.name.replace(/^Thị trấn/, 'Xã');
      if (used.has(name)) name = `${name} mới`;
      used.add(name);
      const area = dissolve(parts.map((p) => p.area));
      const id = `com-${np.code}n-${String(g + 1).padStart(3, '0')}`;
      units.push({
        id,
        level: 'commune',
        code: String(COMMUNE_CODE_BASE[np.code]! + 1 + 2 * g).padStart(5, '0'),
        name,
        nameEn: largest.row.nameEn,
        parentId: provinceId,
        provinceId,
        slug: null,
        validFrom: REFORM_DAY,
        validTo: null,
        population: parts.reduce((s, p) => s + (p.row.population ?? 0), 0),
        areaKm2: km2(area),
        synthetic: true,
        geometry: geom(area),
      });
      for (const p of parts)
        crosswalk.push({ fromUnitId: p.row.id, toUnitId: id, share: 1, effectiveOn: REFORM_DAY });
    }
  }
}

export function buildUnits(sources: Sources) {
  const units: UnitRow[] = [];
  const crosswalk: CrosswalkRow[] = [];
  const old: OldEra = { units, communes: [] };
  for (const p of OLD_PROVINCES) {
    const f = sources.provinces.features.find((x) => x.properties?.name_vi === p.neName);
    if (!f) throw new Error(`province ${p.neName} missing from sources`);
    buildOldProvince(p, f as Area, units, old.communes);
  }
  buildNewEra(old, units, crosswalk);
  return { units, crosswalk };
}

export function buildBorderLines(sources: Sources): BorderLineRow[] {
  return sources.borders.features.map((f) => ({
    id: `border-${String(f.properties?.segment).toLowerCase()}`,
    border: f.properties?.segment,
    name:
      f.properties?.segment === 'VN-CN'
        ? 'Biên giới Việt Nam – Trung Quốc'
        : 'Biên giới Việt Nam – Lào',
    geometry: f.geometry as Geometry,
  }));
}

export function buildKeyRoutes(): KeyRouteRow[] {
  return KEY_ROUTES.map((r, i) => ({
    id: `route-${i + 1}`,
    name: r.name,
    provinceSlug: r.province,
    synthetic: true,
    geometry: { type: 'LineString', coordinates: r.waypoints.map(([lat, lng]) => [lng, lat]) },
  }));
}

function communesAt(units: UnitRow[], p: Position, slug: string): string[] {
  const provinces = units.filter((u) => u.level === 'province' && u.slug === slug);
  return provinces.map((prov) => {
    const communes = units.filter((u) => u.level === 'commune' && u.provinceId === prov.id);
    const inside = communes.find((c) =>
      turf.booleanPointInPolygon(p, turf.feature(c.geometry) as Area),
    );
    return (
      inside ??
      communes[
        nearest(
          p,
          communes.map((c) => turf.centroid(turf.feature(c.geometry) as Area).geometry.coordinates),
        )
      ]!
    ).id;
  });
}

/** A crossing before its profile (hours, names in the counterpart's script, partner units: crossing-profile.ts). */
export type CrossingBase = Omit<
  CrossingRow,
  | 'partnerAgencyIds'
  | 'opensAt'
  | 'closesAt'
  | 'hoursNote'
  | 'profileAssumed'
  | 'counterpartGateLocal'
  | 'counterpartProvinceLocal'
>;

export function buildCrossings(
  units: UnitRow[],
  borders: BorderLineRow[],
  agencies: AgencyRow[],
): CrossingBase[] {
  const line = (b: string) =>
    turf.feature(borders.find((x) => x.border === b)!.geometry as MultiLineString);
  const station = (name: string, slug: string) => {
    let a = agencies.find((x) => x.name === name);
    if (!a) {
      a = {
        id: `agency-bp-${agencies.length + 1}`,
        kind: 'border_guard_station',
        name,
        provinceSlug: slug,
        unitId: null,
        synthetic: true,
      };
      agencies.push(a);
    }
    return a.id;
  };
  const rows: CrossingBase[] = CROSSINGS.map((c, i) => {
    const snapped = roundCoords(
      turf.nearestPointOnLine(line(c.border), [c.lng, c.lat]).geometry.coordinates,
      5,
    );
    return {
      id: `crossing-${String(i + 1).padStart(2, '0')}`,
      kind: c.kind,
      name: c.name,
      border: c.border,
      provinceSlug: c.province,
      lng: snapped[0]!,
      lat: snapped[1]!,
      counterpartGate: c.counterpartGate,
      counterpartProvince: c.counterpartProvince,
      counterpartCountry: c.counterpartCountry,
      responsibleAgencyId: station(c.station, c.province),
      communeIds: communesAt(units, snapped, c.province),
      approximate: true,
      synthetic: false,
    };
  });
  const laoCai = units.find((u) => u.slug === 'lao-cai' && u.validTo === REFORM_DAY)!;
  const zone = turf.buffer(turf.feature(laoCai.geometry) as Area, 1.5, {
    units: 'kilometers',
  }) as Area;
  const cn = line('VN-CN').geometry;
  const candidates: Position[] = [];
  for (const part of cn.coordinates) {
    const ls = turf.lineString(part);
    const len = turf.length(ls);
    for (let d = 0; d < len; d += 2) {
      const p = turf.along(ls, d).geometry.coordinates;
      if (
        turf.booleanPointInPolygon(p, zone) &&
        rows.every((r) => turf.distance(p, [r.lng, r.lat]) > 6)
      )
        candidates.push(p);
    }
  }
  for (let k = 0; k < 7; k++) {
    const p = roundCoords(candidates[Math.floor(((k + 0.5) * candidates.length) / 7)]!, 5);
    const near = rows
      .filter((r) => r.border === 'VN-CN' && r.provinceSlug === 'lao-cai')
      .sort((a, b) => turf.distance(p, [a.lng, a.lat]) - turf.distance(p, [b.lng, b.lat]))[0]!;
    rows.push({
      id: `crossing-op-${k + 1}`,
      kind: 'opening',
      name: `Lối mở LM-${k + 1}`,
      border: 'VN-CN',
      provinceSlug: 'lao-cai',
      lng: p[0]!,
      lat: p[1]!,
      counterpartGate: null,
      counterpartProvince: 'Vân Nam (Yunnan)',
      counterpartCountry: 'CN',
      responsibleAgencyId: near.responsibleAgencyId,
      communeIds: communesAt(units, p, 'lao-cai'),
      approximate: true,
      synthetic: true,
    });
  }
  return rows;
}

/**
 * Each border-guard station's stretch of the line: the line's segments near a current province (within 3 km of
 * its outline), each given to the station of the province's nearest crossing on that border; consecutive segments
 * of one station make one piece. Segments near no province of the demo belong to no stretch.
 */
export function buildBorderSectors(
  units: UnitRow[],
  borders: BorderLineRow[],
  crossings: CrossingRow[],
  agencies: AgencyRow[],
): BorderSectorRow[] {
  const provinces = units
    .filter((u) => u.level === 'province' && u.validTo === null && u.slug)
    .map((u) => ({
      slug: u.slug!,
      zone: turf.buffer(turf.feature(u.geometry) as Area, 3, { units: 'kilometers' }) as Area,
    }));
  const pieces = new Map<string, { row: Omit<BorderSectorRow, 'geometry'>; lines: Position[][] }>();
  for (const b of borders) {
    const gates = crossings.filter((c) => c.border === b.border);
    for (const part of (b.geometry as MultiLineString).coordinates) {
      let run: Position[] = [];
      let runKey: string | null = null;
      const close = () => {
        if (runKey && run.length > 1) pieces.get(runKey)!.lines.push(run);
        run = [];
        runKey = null;
      };
      for (let i = 1; i < part.length; i++) {
        const a = part[i - 1]!;
        const z = part[i]!;
        const mid: Position = [(a[0]! + z[0]!) / 2, (a[1]! + z[1]!) / 2];
        const province = provinces.find((p) => turf.booleanPointInPolygon(mid, p.zone));
        const near = province
          ? gates
              .filter((c) => c.provinceSlug === province.slug)
              .sort(
                (x, y) => turf.distance(mid, [x.lng, x.lat]) - turf.distance(mid, [y.lng, y.lat]),
              )[0]
          : undefined;
        const key = near ? `sector-${near.responsibleAgencyId}` : null;
        if (key !== runKey) {
          close();
          if (key) run = [a];
          runKey = key;
        }
        if (!key) continue;
        run.push(z);
        if (!pieces.has(key)) {
          const station = agencies.find((x) => x.id === near!.responsibleAgencyId)!;
          pieces.set(key, {
            row: {
              id: key,
              border: b.border,
              provinceSlug: near!.provinceSlug,
              stationAgencyId: station.id,
              name: `Đoạn biên giới – ${station.name}`,
              lengthKm: 0,
            },
            lines: [],
          });
        }
      }
      close();
    }
  }
  return [...pieces.values()].map(({ row, lines }) => {
    const geometry: MultiLineString = { type: 'MultiLineString', coordinates: lines };
    return {
      ...row,
      lengthKm: Math.round(turf.length(turf.feature(geometry)) * 10) / 10,
      geometry,
    };
  });
}
