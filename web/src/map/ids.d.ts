/** Source and layer ids, in one place. */
export declare const SOURCES: {
  readonly basemap: 'basemap';
  readonly communes: 'communes';
  readonly districts: 'districts';
  readonly province: 'province';
  readonly hotspots: 'hotspots';
  readonly crossings: 'crossings';
  readonly borders: 'borders';
  readonly routes: 'routes';
};
export declare const LAYERS: {
  readonly background: 'background';
  readonly sea: 'basemap-sea';
  readonly countries: 'basemap-countries';
  readonly vietnam: 'basemap-vietnam';
  readonly countryLines: 'basemap-country-lines';
  readonly provinceLines: 'basemap-province-lines';
  readonly communeFill: 'communes-fill';
  readonly communeLine: 'communes-line';
  readonly communeSelected: 'communes-selected';
  readonly districtLine: 'districts-line';
  readonly provinceLine: 'province-line';
  readonly routes: 'routes-line';
  readonly borders: 'borders-line';
  readonly bordersCasing: 'borders-casing';
  readonly hotspots: 'hotspots-circle';
  readonly crossings: 'crossings-circle';
};
/** Layers that answer hover and click, topmost first. */
export declare const INTERACTIVE_LAYERS: readonly [
  'crossings-circle',
  'hotspots-circle',
  'communes-fill',
];
