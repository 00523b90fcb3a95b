/**
 * Layers as pure functions of state, testable in node without WebGL. Over 300 lines on purpose: it is the
 * one style document (basemap and every operational layer in drawing order), as maputnik keeps one style;
 * splitting it would scatter the shared paints and the layer order across files.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { CrossingKind, HotspotKind, HotspotStatus, Tier } from '@pcmt/shared/domain';
import { vietnamDay } from '@pcmt/shared/dates';
import { LAYERS, SOURCES } from './ids.ts';

export const TIER_COLORS: Record<Tier, string> = {
  type_1: '#99000d',
  type_2: '#e0301e',
  type_3: '#f78c40',
  has_activity: '#f9d66b',
  drug_free: '#49a05a',
  unassessed: '#c9c9c9',
};

export const STATUS_COLORS: Record<HotspotStatus, string> = {
  active: '#d7191c',
  re_emerged: '#a5148c',
  eliminated: '#8c8c8c',
};

export const CROSSING_COLORS: Record<CrossingKind, string> = {
  international: '#08306b',
  main: '#2171b5',
  secondary: '#41b6c4',
  opening: '#f0b400',
  trail: '#8c6d31',
};

// No `glyphs` URL: MapLibre (>= 5.11) draws text locally from this CSS font stack, so nothing is fetched.
export const FONT = ['Noto Sans', 'DejaVu Sans', 'sans-serif'];
const HALO = { 'text-color': '#1d2430', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 };

const match = <K extends string>(prop: string, colors: Record<K, string>, fallback: string) =>
  ['match', ['get', prop], ...Object.entries(colors).flat(), fallback] as unknown as string;

/** Vietnam's land, provinces and archipelagos alike. */
export const VIETNAM_FILL = '#fbf9f3';

/**
 * The provinces drawn on a day: the 63 before 01/07/2025, the 34 from it (each basemap province carries the
 * `validFrom`/`validTo` of its era, as the units do).
 */
export function provincesOn(asOf: string): ExpressionSpecification {
  return [
    'all',
    ['==', ['get', 'layer'], 'province'],
    ['<=', ['coalesce', ['get', 'validFrom'], '0000-01-01'], asOf],
    ['>', ['coalesce', ['get', 'validTo'], '9999-12-31'], asOf],
  ];
}

/** The offline basemap: sea, neighbouring countries, Vietnam's provinces; no tiles, no glyphs. */
export function buildBaseStyle(
  basemap: FeatureCollection,
  asOf = vietnamDay(new Date()),
): StyleSpecification {
  return {
    version: 8,
    sources: { [SOURCES.basemap]: { type: 'geojson', data: basemap } },
    layers: [
      { id: LAYERS.background, type: 'background', paint: { 'background-color': '#c9dfee' } },
      {
        id: LAYERS.countries,
        type: 'fill',
        source: SOURCES.basemap,
        filter: ['all', ['==', ['get', 'layer'], 'country'], ['!=', ['get', 'iso'], 'VN']],
        paint: { 'fill-color': '#ece9e2' },
      },
      {
        id: LAYERS.vietnam,
        type: 'fill',
        source: SOURCES.basemap,
        filter: provincesOn(asOf),
        paint: { 'fill-color': VIETNAM_FILL },
      },
      // Hoàng Sa and Trường Sa: Vietnamese land, with Vietnam's fill and an outline that keeps the islets visible.
      {
        id: LAYERS.archipelagos,
        type: 'fill',
        source: SOURCES.basemap,
        filter: ['==', ['get', 'layer'], 'archipelago'],
        paint: { 'fill-color': VIETNAM_FILL },
      },
      {
        id: LAYERS.archipelagoLines,
        type: 'line',
        source: SOURCES.basemap,
        filter: ['==', ['get', 'layer'], 'archipelago'],
        paint: { 'line-color': '#7d7565', 'line-width': 0.9 },
      },
      // Every islet marked until it is large enough to see: at a national zoom the polygons draw nothing.
      {
        id: LAYERS.archipelagoDots,
        type: 'circle',
        source: SOURCES.basemap,
        maxzoom: 11,
        filter: ['==', ['get', 'layer'], 'islet'],
        paint: {
          'circle-color': VIETNAM_FILL,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 1.6, 8, 3],
          'circle-stroke-color': '#7d7565',
          'circle-stroke-width': 1,
        },
      },
      {
        id: LAYERS.provinceLines,
        type: 'line',
        source: SOURCES.basemap,
        filter: provincesOn(asOf),
        paint: { 'line-color': '#a7a192', 'line-width': 0.8, 'line-dasharray': [3, 2] },
      },
      {
        id: LAYERS.archipelagoLabels,
        type: 'symbol',
        source: SOURCES.basemap,
        filter: ['==', ['get', 'layer'], 'label'],
        layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 12 },
        paint: { 'text-color': '#0b3d91', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
      {
        id: LAYERS.countryLines,
        type: 'line',
        source: SOURCES.basemap,
        filter: ['all', ['==', ['get', 'layer'], 'country'], ['!=', ['get', 'iso'], 'VN']],
        paint: { 'line-color': '#b9b3a6', 'line-width': 0.8 },
      },
    ],
  };
}

/** Communes coloured by tier, with district and province outlines; the selected one (feature-state) is outlined. */
/** What the communes are coloured by: their tier, or their transformation progress (criteria met, recognition). */
export type ColorBy = 'tier' | 'progress';

/** Progress toward drug-free: a recognised unit, then 0–8 criteria met on a ramp; no plan in grey. */
export const PROGRESS_COLORS = {
  recognised: '#1b7837',
  none: '#d9d9d9',
  ramp: ['#fde0dd', '#c7e9c0', '#41ab5d'] as const,
};

const progressColor: ExpressionSpecification = [
  'case',
  ['==', ['get', 'recognition'], 'recognised'],
  // A colour, not a string: the ramp after it interpolates colours.
  ['to-color', PROGRESS_COLORS.recognised],
  ['==', ['typeof', ['get', 'progress']], 'number'],
  [
    'interpolate',
    ['linear'],
    ['to-number', ['get', 'progress'], 0],
    0,
    PROGRESS_COLORS.ramp[0],
    4,
    PROGRESS_COLORS.ramp[1],
    8,
    PROGRESS_COLORS.ramp[2],
  ],
  PROGRESS_COLORS.none,
];

export function buildUnitLayers(colorBy: ColorBy = 'tier'): LayerSpecification[] {
  return [
    {
      id: LAYERS.communeFill,
      type: 'fill',
      source: SOURCES.communes,
      paint: {
        'fill-color':
          colorBy === 'progress'
            ? progressColor
            : match('tier', TIER_COLORS, TIER_COLORS.unassessed),
        'fill-opacity': [
          'case',
          ['boolean', ['get', 'dim'], false],
          0.22,
          ['boolean', ['feature-state', 'hover'], false],
          0.95,
          0.78,
        ],
      },
    },
    {
      id: LAYERS.communeLine,
      type: 'line',
      source: SOURCES.communes,
      paint: {
        'line-color': '#ffffff',
        'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.3, 11, 1.2],
      },
    },
    // Villages over their commune, under the district, province and every outline of the commune.
    ...buildVillageLayers(colorBy),
    {
      id: LAYERS.districtLine,
      type: 'line',
      source: SOURCES.districts,
      paint: { 'line-color': '#4d4d4d', 'line-width': 1.3, 'line-dasharray': [4, 2] },
    },
    {
      id: LAYERS.provinceLine,
      type: 'line',
      source: SOURCES.province,
      paint: { 'line-color': '#222222', 'line-width': 2.2 },
    },
    {
      id: LAYERS.communeRegressed,
      type: 'line',
      source: SOURCES.communes,
      filter: ['==', ['get', 'regressed'], true],
      paint: { 'line-color': '#c2185b', 'line-width': 2.6, 'line-dasharray': [1.5, 1] },
    },
    {
      // Border communes (xã biên giới): a violet inner outline, under the selection's.
      id: LAYERS.communeBelt,
      type: 'line',
      source: SOURCES.communes,
      filter: ['==', ['get', 'belt'], true],
      paint: { 'line-color': BELT_COLOR, 'line-width': 2.2, 'line-offset': 1 },
    },
    {
      // The planner's chosen candidates: a thick teal inner outline.
      id: LAYERS.communeCandidate,
      type: 'line',
      source: SOURCES.communes,
      filter: ['==', ['get', 'candidate'], true],
      paint: { 'line-color': CANDIDATE_COLOR, 'line-width': 3, 'line-offset': 1.5 },
    },
    {
      id: LAYERS.communeSelected,
      type: 'line',
      source: SOURCES.communes,
      paint: {
        'line-color': '#0b3d91',
        'line-width': 3,
        'line-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, 0],
      },
    },
  ];
}

/** Zoom from which villages (thôn, bản) are drawn over their commune: a commune fills the screen. */
export const VILLAGE_MINZOOM = 10.5;

/** Villages over their commune from a close zoom: the same colours, a dark hairline, the selection in navy. */
export function buildVillageLayers(colorBy: ColorBy = 'tier'): LayerSpecification[] {
  return [
    {
      id: LAYERS.villageFill,
      type: 'fill',
      source: SOURCES.villages,
      minzoom: VILLAGE_MINZOOM,
      paint: {
        'fill-color':
          colorBy === 'progress'
            ? progressColor
            : match('tier', TIER_COLORS, TIER_COLORS.unassessed),
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.98, 0.85],
      },
    },
    {
      id: LAYERS.villageLine,
      type: 'line',
      source: SOURCES.villages,
      minzoom: VILLAGE_MINZOOM,
      paint: { 'line-color': '#37474f', 'line-width': 0.8, 'line-dasharray': [3, 1.5] },
    },
    {
      // The planner's chosen villages: the candidates' teal, inside the village.
      id: LAYERS.villageCandidate,
      type: 'line',
      source: SOURCES.villages,
      minzoom: VILLAGE_MINZOOM,
      filter: ['==', ['get', 'candidate'], true],
      paint: { 'line-color': '#00897b', 'line-width': 3, 'line-offset': 1.5 },
    },
    {
      id: LAYERS.villageSelected,
      type: 'line',
      source: SOURCES.villages,
      minzoom: VILLAGE_MINZOOM,
      paint: {
        'line-color': '#0b3d91',
        'line-width': 3,
        'line-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, 0],
      },
    },
  ];
}

export const BELT_COLOR = '#6a2c91';
export const CANDIDATE_COLOR = '#00897b';
/** A station's stretch of the border: the user's own in amber, the others in steel blue. */
export const SECTOR_COLORS = { own: '#f0a000', other: '#5b7fb5' } as const;

export function buildBorderLayers(): LayerSpecification[] {
  return [
    {
      id: LAYERS.sectors,
      type: 'line',
      source: SOURCES.sectors,
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': [
          'case',
          ['boolean', ['get', 'own'], false],
          SECTOR_COLORS.own,
          SECTOR_COLORS.other,
        ],
        'line-width': ['case', ['boolean', ['get', 'own'], false], 10, 7],
        'line-opacity': 0.55,
      },
    },
    {
      id: LAYERS.bordersCasing,
      type: 'line',
      source: SOURCES.borders,
      paint: { 'line-color': '#ffffff', 'line-width': 5, 'line-opacity': 0.8 },
    },
    {
      id: LAYERS.borders,
      type: 'line',
      source: SOURCES.borders,
      paint: { 'line-color': '#8b1a1a', 'line-width': 2.4, 'line-dasharray': [4, 1.5, 1, 1.5] },
    },
  ];
}

/** The joint patrols' tracks held in the window shown. */
export const TRACK_COLOR = '#d95f02';

export function buildRouteLayers(): LayerSpecification[] {
  return [
    {
      id: LAYERS.tracks,
      type: 'line',
      source: SOURCES.tracks,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': TRACK_COLOR, 'line-width': 3, 'line-dasharray': [1.5, 1] },
    },
    {
      id: LAYERS.routes,
      type: 'line',
      source: SOURCES.routes,
      paint: {
        'line-color': '#6a3d9a',
        'line-width': 2,
        'line-dasharray': [2, 2],
        'line-opacity': 0.8,
      },
    },
  ];
}

/** Hotspots coloured by status; overdue ones get a thick black ring. */
/** Hotspot clustering, used by the map controller for the hotspot source: clusters only up to zoom 7.99 (below a province view). */
export const HOTSPOT_CLUSTER = {
  cluster: true,
  clusterMaxZoom: 7,
  clusterRadius: 40,
  clusterProperties: {
    alive: ['+', ['case', ['==', ['get', 'status'], 'eliminated'], 0, 1]],
    overdue: ['+', ['case', ['boolean', ['get', 'overdue'], false], 1, 0]],
  },
} as const;

const KIND_SHORT: Record<HotspotKind, string> = {
  retail_point: 'BL',
  complex_point: 'ĐPT',
  complex_cluster: 'TĐ',
  organised_use: 'SD',
  conditional_business: 'KD',
  illicit_crop: 'CÂY',
};

/** Hotspots coloured by status (overdue ones ringed in black); clusters when zoomed out; kind letters when zoomed in. */
export function buildHotspotLayers(): LayerSpecification[] {
  const single: ExpressionSpecification = ['!', ['has', 'point_count']];
  return [
    {
      id: LAYERS.hotspotClusters,
      type: 'circle',
      source: SOURCES.hotspots,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': [
          'case',
          ['>', ['get', 'alive'], 0],
          STATUS_COLORS.active,
          STATUS_COLORS.eliminated,
        ],
        'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 2, 10, 50, 20],
        'circle-opacity': 0.85,
        'circle-stroke-color': ['case', ['>', ['get', 'overdue'], 0], '#000000', '#ffffff'],
        'circle-stroke-width': 2,
      },
    },
    {
      id: LAYERS.hotspotClusterCount,
      type: 'symbol',
      source: SOURCES.hotspots,
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['to-string', ['get', 'point_count']],
        'text-font': FONT,
        'text-size': 11,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: LAYERS.hotspots,
      type: 'circle',
      source: SOURCES.hotspots,
      filter: single,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 3.5, 12, 8],
        'circle-color': match('status', STATUS_COLORS, STATUS_COLORS.active),
        'circle-opacity': ['case', ['==', ['get', 'status'], 'eliminated'], 0.55, 0.95],
        'circle-stroke-color': [
          'case',
          ['boolean', ['feature-state', 'selected'], false],
          '#0b3d91',
          ['boolean', ['get', 'overdue'], false],
          '#000000',
          '#ffffff',
        ],
        'circle-stroke-width': [
          'case',
          ['boolean', ['feature-state', 'selected'], false],
          3.5,
          ['boolean', ['get', 'overdue'], false],
          2.2,
          1,
        ],
      },
    },
    {
      id: LAYERS.hotspotKinds,
      type: 'symbol',
      source: SOURCES.hotspots,
      minzoom: 10.5,
      filter: single,
      layout: {
        'text-field': match('kind', KIND_SHORT, ''),
        'text-font': FONT,
        'text-size': 10,
        'text-offset': [0, 1.3],
        'text-allow-overlap': false,
      },
      paint: HALO,
    },
  ];
}

export function buildCrossingLayers(): LayerSpecification[] {
  return [
    {
      id: LAYERS.crossings,
      type: 'circle',
      source: SOURCES.crossings,
      paint: {
        'circle-radius': [
          'match',
          ['get', 'kind'],
          'international',
          8,
          'main',
          7,
          'secondary',
          6,
          4.5,
        ],
        'circle-color': match('kind', CROSSING_COLORS, CROSSING_COLORS.trail),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  ];
}

/** Commune names from zoom 9, crossing names always; text comes from data as plain text. */
export function buildLabelLayers(lang: 'vi' | 'en'): LayerSpecification[] {
  const name = lang === 'vi' ? ['get', 'name'] : ['coalesce', ['get', 'nameEn'], ['get', 'name']];
  return [
    {
      id: LAYERS.communeLabels,
      type: 'symbol',
      source: SOURCES.communes,
      minzoom: 9,
      layout: {
        'text-field': name as never,
        'text-font': FONT,
        'text-size': 11,
        'text-max-width': 7,
      },
      paint: HALO,
    },
    {
      id: LAYERS.villageLabels,
      type: 'symbol',
      source: SOURCES.villagePoints,
      minzoom: 12,
      layout: {
        'text-field': name as never,
        'text-font': FONT,
        'text-size': 10,
        'text-max-width': 6,
      },
      paint: HALO,
    },
    {
      // The station's name along its stretch, on the Vietnamese side of the line.
      id: LAYERS.sectorLabels,
      type: 'symbol',
      source: SOURCES.sectors,
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 400,
        'text-field': ['get', 'label'],
        'text-font': FONT,
        'text-size': 11,
        'text-offset': [0, 1.1],
      },
      paint: { ...HALO, 'text-color': '#5a3b00' },
    },
    {
      id: LAYERS.crossingLabels,
      type: 'symbol',
      source: SOURCES.crossings,
      filter: ['!=', ['get', 'kind'], 'opening'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT,
        'text-size': 12,
        'text-anchor': 'top',
        'text-offset': [0, 0.9],
        'text-max-width': 10,
      },
      paint: { ...HALO, 'text-color': '#08306b' },
    },
  ];
}

/** Every operational layer, bottom to top. */
/** What lite mode leaves out: the routes, the stretches' names, the border's casing, the hotspots' kind symbols and the commune names. */
export const LITE_OMITS: readonly string[] = [
  LAYERS.routes,
  LAYERS.sectorLabels,
  LAYERS.bordersCasing,
  LAYERS.hotspotKinds,
  LAYERS.communeLabels,
  LAYERS.villageLabels,
];

export function buildOverlayLayers(state: {
  lang?: 'vi' | 'en';
  lite?: boolean;
  colorBy?: ColorBy;
}): LayerSpecification[] {
  const layers = [
    ...buildUnitLayers(state.colorBy),
    ...buildRouteLayers(),
    ...buildBorderLayers(),
    ...buildHotspotLayers(),
    ...buildCrossingLayers(),
    ...buildLabelLayers(state.lang ?? 'vi'),
  ];
  return state.lite ? layers.filter((l) => !LITE_OMITS.includes(l.id)) : layers;
}
