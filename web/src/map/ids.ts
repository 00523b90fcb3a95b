/** Source and layer ids, in one place. */
export const SOURCES = {
  basemap: 'basemap',
  communes: 'communes',
  districts: 'districts',
  province: 'province',
  hotspots: 'hotspots',
  crossings: 'crossings',
  borders: 'borders',
  sectors: 'border-sectors',
  tracks: 'patrol-tracks',
  routes: 'routes',
} as const;

export const LAYERS = {
  background: 'background',
  sea: 'basemap-sea',
  countries: 'basemap-countries',
  vietnam: 'basemap-vietnam',
  archipelagos: 'basemap-archipelagos',
  archipelagoLines: 'basemap-archipelago-lines',
  countryLines: 'basemap-country-lines',
  provinceLines: 'basemap-province-lines',
  communeFill: 'communes-fill',
  communeLine: 'communes-line',
  communeSelected: 'communes-selected',
  communeRegressed: 'communes-regressed',
  districtLine: 'districts-line',
  provinceLine: 'province-line',
  routes: 'routes-line',
  borders: 'borders-line',
  bordersCasing: 'borders-casing',
  sectors: 'border-sectors-line',
  sectorLabels: 'border-sectors-label',
  tracks: 'patrol-tracks-line',
  communeBelt: 'communes-belt',
  communeCandidate: 'communes-candidate',
  hotspots: 'hotspots-circle',
  hotspotClusters: 'hotspots-cluster',
  hotspotClusterCount: 'hotspots-cluster-count',
  hotspotKinds: 'hotspots-kind',
  crossings: 'crossings-circle',
  communeLabels: 'communes-label',
  crossingLabels: 'crossings-label',
  archipelagoLabels: 'basemap-archipelago-label',
} as const;

/** Layers that answer hover and click, topmost first. */
export const INTERACTIVE_LAYERS = [
  LAYERS.crossings,
  LAYERS.hotspotClusters,
  LAYERS.hotspots,
  LAYERS.communeFill,
] as const;
