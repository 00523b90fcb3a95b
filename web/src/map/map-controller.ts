/** Owns the maplibregl.Map behind a narrow API; React never touches the map directly. */
import type { FeatureCollection } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, LayerSpecification, MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { INTERACTIVE_LAYERS, LAYERS, SOURCES } from './ids.ts';
import { buildBaseStyle, FONT, HOTSPOT_CLUSTER, provincesOn } from './styles.ts';

// Vite does not follow MapLibre's computed worker URL: point it at the emitted asset (same origin).
maplibregl.setWorkerUrl(workerUrl);
// Start the worker as soon as the map's code is loaded, while the page still waits for its data.
maplibregl.prewarm();

type SourceId = (typeof SOURCES)[keyof typeof SOURCES];

/** MapLibre's own control tooltips and labels in Vietnamese (its `locale` patch; English stays its default). */
const VI_LOCALE: Record<string, string> = {
  'AttributionControl.ToggleAttribution': 'Hiện, ẩn nguồn dữ liệu',
  'Map.Title': 'Bản đồ',
  'NavigationControl.ResetBearing': 'Kéo để xoay bản đồ, bấm để quay về hướng bắc',
  'NavigationControl.ZoomIn': 'Phóng to',
  'NavigationControl.ZoomOut': 'Thu nhỏ',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
};
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Distinct features drawn per interactive layer (and per hotspot status), read when the map is idle. */
export type RenderedSummary = Record<string, number>;

export interface MapCallbacks {
  onHover(feature: MapGeoJSONFeature | null, point: { x: number; y: number }): void;
  /** The map finished drawing (`null` while it is busy again after new data). */
  onIdle(summary: RenderedSummary | null): void;
  /** A click: the feature under it (if any) and where, `[lng, lat]`. */
  onClick(feature: MapGeoJSONFeature | null, lngLat: [number, number]): void;
  onMoveEnd(camera: { zoom: number; lng: number; lat: number }): void;
  onError(message: string): void;
}

export class MapController {
  private readonly map: maplibregl.Map;
  private readonly ready: Promise<void>;
  private layerIds: string[] = [];
  private hovered: { source: string; id: string | number } | null = null;
  private selected: { source: string; id: string | number } | null = null;
  /** While a line is drawn (terra-draw), clicks draw instead of selecting; calling it ends the drawing. */
  private endDrawing: ((coords: [number, number][] | null) => void) | null = null;
  private quietUntil = 0;

  constructor(
    container: HTMLElement,
    attribution: string,
    camera: { zoom: number; lng: number; lat: number } | null,
    private readonly cb: MapCallbacks,
    /** Lite mode (lib/lite.ts): no fades, no animated moves. */
    private readonly lite = false,
    lang: 'vi' | 'en' = 'vi',
  ) {
    this.map = new maplibregl.Map({
      ...(lang === 'vi' ? { locale: VI_LOCALE } : {}),
      fadeDuration: lite ? 0 : 300,
      container,
      style: buildBaseStyle(EMPTY),
      center: camera ? [camera.lng, camera.lat] : [104.0, 22.3],
      zoom: camera?.zoom ?? 7.6,
      attributionControl: { compact: false, customAttribution: attribution },
      canvasContextAttributes: { preserveDrawingBuffer: true },
      maxZoom: 15,
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: true }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
    void this.ready.then(() => {
      for (const id of Object.values(SOURCES)) {
        if (id !== SOURCES.basemap)
          this.map.addSource(id, {
            type: 'geojson',
            data: EMPTY,
            promoteId: 'id',
            ...(id === SOURCES.hotspots ? HOTSPOT_CLUSTER : {}),
          } as never);
      }
    });
    this.map.on('error', (e) => cb.onError(e.error?.message ?? 'map error'));
    this.map.on('idle', () => cb.onIdle(this.summary()));
    this.map.on('mousemove', (e) => this.hover(e.point));
    this.map.on('mouseout', () => this.hover(null));
    this.map.on('click', (e) => {
      // The click that finished a drawing (terra-draw ends it first) must not select what lies under it.
      if (this.endDrawing || performance.now() < this.quietUntil) return;
      const f = this.featureAt(e.point);
      if (f?.layer.id === LAYERS.hotspotClusters)
        this.map.easeTo({
          center: e.lngLat,
          zoom: this.map.getZoom() + 1.5,
          animate: !this.lite,
        });
      else cb.onClick(f, [e.lngLat.lng, e.lngLat.lat]);
    });
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      cb.onMoveEnd({ zoom: this.map.getZoom(), lng: c.lng, lat: c.lat });
    });
  }

  private featureAt(point: maplibregl.PointLike): MapGeoJSONFeature | null {
    const layers = INTERACTIVE_LAYERS.filter((id) => this.map.getLayer(id));
    return layers.length ? (this.map.queryRenderedFeatures(point, { layers })[0] ?? null) : null;
  }

  private hover(point: maplibregl.Point | null) {
    const f = point ? this.featureAt(point) : null;
    if (this.hovered) this.map.setFeatureState(this.hovered, { hover: false });
    this.hovered = f && f.id !== undefined ? { source: f.source, id: f.id } : null;
    if (this.hovered) this.map.setFeatureState(this.hovered, { hover: true });
    this.map.getCanvas().style.cursor = f ? 'pointer' : '';
    this.cb.onHover(f, point ?? { x: 0, y: 0 });
  }

  async setData(source: SourceId, data: FeatureCollection | null) {
    await this.ready;
    this.cb.onIdle(null);
    (this.map.getSource(source) as GeoJSONSource).setData(data ?? EMPTY);
    // setData drops feature-state of replaced features: mark the selection again.
    if (this.selected?.source === source)
      this.map.setFeatureState(this.selected, { selected: true });
  }

  /**
   * Lets the user draw a line on the map with terra-draw (loaded on first use): a click per vertex, a click on the
   * last vertex ends it. Resolves with the vertices, or null when cancelled (`cancelDrawing`).
   */
  drawLine(onStarted?: () => void): Promise<[number, number][] | null> {
    return this.draw('linestring', onStarted);
  }

  /**
   * Lets the user draw an area (a lasso of straight sides, terra-draw's polygon mode): a click per corner, a click on
   * the first corner closes it. Resolves with the closed ring, or null when cancelled.
   */
  drawArea(onStarted?: () => void): Promise<[number, number][] | null> {
    return this.draw('polygon', onStarted);
  }

  private async draw(
    mode: 'linestring' | 'polygon',
    onStarted?: () => void,
  ): Promise<[number, number][] | null> {
    this.cancelDrawing();
    // From now on clicks draw, not select, even while terra-draw's code is still loading.
    let cancelled = false;
    this.endDrawing = () => {
      cancelled = true;
      this.endDrawing = null;
    };
    await this.ready;
    const [
      { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode },
      { TerraDrawMapLibreGLAdapter },
    ] = await Promise.all([import('terra-draw'), import('terra-draw-maplibre-gl-adapter')]);
    if (cancelled) return null;
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map as never }),
      modes: [
        mode === 'linestring'
          ? new TerraDrawLineStringMode({
              styles: {
                lineStringColor: '#f0a000',
                lineStringWidth: 4,
                closingPointColor: '#0b3d91',
              },
            })
          : new TerraDrawPolygonMode({
              styles: {
                fillColor: '#00897b',
                fillOpacity: 0.15,
                outlineColor: '#00897b',
                outlineWidth: 3,
                closingPointColor: '#0b3d91',
              },
            }),
      ],
    });
    draw.start();
    draw.setMode(mode);
    onStarted?.();
    return new Promise((resolve) => {
      this.endDrawing = (coords) => {
        this.endDrawing = null;
        this.quietUntil = performance.now() + 400;
        draw.stop();
        resolve(coords);
      };
      draw.on('finish', (id) => {
        const g = draw.getSnapshotFeature(id)?.geometry;
        const coords =
          g?.type === 'LineString'
            ? g.coordinates
            : g?.type === 'Polygon'
              ? g.coordinates[0]
              : null;
        this.endDrawing?.(coords ? (coords as [number, number][]) : null);
      });
    });
  }

  cancelDrawing() {
    this.endDrawing?.(null);
  }

  /** A crosshair while the user picks a position on the map. */
  setPicking(on: boolean) {
    this.map.getCanvasContainer().classList.toggle('picking', on);
  }

  /** The basemap's provinces of the era of `asOf` (63 before 01/07/2025, 34 from it): two filters, no new data. */
  async setDate(asOf: string) {
    await this.ready;
    for (const id of [LAYERS.vietnam, LAYERS.provinceLines])
      this.map.setFilter(id, provincesOn(asOf));
  }

  /** Outlines the selected commune or rings the selected hotspot through feature-state: no layer is rebuilt. */
  async setSelection(id: string | null) {
    await this.ready;
    if (this.selected) this.map.setFeatureState(this.selected, { selected: false });
    const source = id?.startsWith('com-')
      ? SOURCES.communes
      : id?.startsWith('vil-')
        ? SOURCES.villages
        : id?.startsWith('hs-')
          ? SOURCES.hotspots
          : null;
    this.selected = id && source ? { source, id } : null;
    if (this.selected) this.map.setFeatureState(this.selected, { selected: true });
  }

  /** Replaces the operational layers; unchanged ones are left alone. */
  async setLayers(layers: LayerSpecification[]) {
    await this.ready;
    const next = new Map(layers.map((l) => [l.id, l]));
    for (const id of this.layerIds)
      if (!next.has(id) && this.map.getLayer(id)) this.map.removeLayer(id);
    const previous = new Map(
      this.layerIds.map((id) => [
        id,
        JSON.stringify(this.map.getStyle().layers.find((l) => l.id === id)),
      ]),
    );
    for (const layer of layers) {
      const existing = this.map.getLayer(layer.id);
      if (existing && previous.get(layer.id) === JSON.stringify(layer)) continue;
      if (existing) this.map.removeLayer(layer.id);
      this.map.addLayer(layer);
    }
    for (const layer of layers) this.map.moveLayer(layer.id);
    this.layerIds = layers.map((l) => l.id);
  }

  /**
   * A file being imported, drawn over everything before it is written (admin's boundary import): each feature
   * outlined by its outcome (ok blue, repaired orange, refused red), candidate systems' extents dashed purple.
   */
  async setOverlay(data: FeatureCollection | null) {
    await this.ready;
    const id = 'import-preview';
    if (!this.map.getSource(id)) {
      this.map.addSource(id, { type: 'geojson', data: EMPTY });
      const colour = [
        'match',
        ['get', 'outcome'],
        'refused',
        '#c62828',
        'repaired',
        '#ef6c00',
        'candidate',
        '#6a1b9a',
        '#1565c0',
      ] as never;
      this.map.addLayer({
        id: `${id}-fill`,
        type: 'fill',
        source: id,
        filter: ['!=', ['get', 'outcome'], 'candidate'],
        paint: { 'fill-color': colour, 'fill-opacity': 0.12 },
      });
      this.map.addLayer({
        id: `${id}-line`,
        type: 'line',
        source: id,
        paint: {
          'line-color': colour,
          'line-width': ['case', ['==', ['get', 'outcome'], 'refused'], 3, 1.6],
          'line-dasharray': [
            'case',
            ['==', ['get', 'outcome'], 'candidate'],
            ['literal', [2, 2]],
            ['literal', [1, 0]],
          ],
        },
      });
      this.map.addLayer({
        id: `${id}-label`,
        type: 'symbol',
        source: id,
        filter: ['==', ['get', 'outcome'], 'candidate'],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': FONT,
          'text-size': 12,
          'symbol-placement': 'line',
        },
        paint: { 'text-color': '#6a1b9a', 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
      });
    }
    (this.map.getSource(id) as GeoJSONSource).setData(data ?? EMPTY);
  }

  /** Moves at once to a camera (the sketch map's, handed over). */
  async jumpTo(camera: { zoom: number; lat: number; lng: number }) {
    await this.ready;
    this.map.jumpTo({ center: [camera.lng, camera.lat], zoom: camera.zoom });
  }

  async fitBounds(bbox: [number, number, number, number]) {
    await this.ready;
    this.map.fitBounds(
      [
        [bbox[0], bbox[1]],
        [bbox[2], bbox[3]],
      ],
      { padding: 30, duration: 0 },
    );
  }

  /** Resolves once the map has drawn everything it was given. */
  async idle() {
    await this.ready;
    if (this.map.loaded()) return;
    await new Promise<void>((resolve) => this.map.once('idle', () => resolve()));
  }

  /** The drawn map as it is now, for export: canvas, metres per CSS pixel at the centre, bearing in degrees. */
  snapshot(): {
    canvas: HTMLCanvasElement;
    metersPerPixel: number;
    bearing: number;
    pixelRatio: number;
    bounds: [number, number, number, number];
  } {
    const lat = this.map.getCenter().lat;
    const metersPerPixel =
      (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** this.map.getZoom());
    return {
      canvas: this.map.getCanvas(),
      metersPerPixel,
      bearing: this.map.getBearing(),
      pixelRatio: this.map.getPixelRatio(),
      bounds: this.map.getBounds().toArray().flat() as [number, number, number, number],
    };
  }

  /** What is drawn now: distinct features per interactive layer, hotspots also per status. */
  private summary(): RenderedSummary {
    const out: RenderedSummary = {};
    for (const layer of INTERACTIVE_LAYERS) {
      if (!this.map.getLayer(layer)) continue;
      const features = this.map.queryRenderedFeatures({ layers: [layer] });
      out[layer] = new Set(features.map((f) => f.id)).size;
      if (layer !== LAYERS.hotspots) continue;
      const byStatus = new Map<string, Set<unknown>>();
      for (const f of features) {
        const key = `${layer}:${String(f.properties.status)}`;
        byStatus.set(key, (byStatus.get(key) ?? new Set()).add(f.id));
      }
      for (const [key, ids] of byStatus) out[key] = ids.size;
    }
    // The border belt on screen: the stations' stretches and the border communes outlined.
    for (const layer of [
      LAYERS.sectors,
      LAYERS.communeBelt,
      LAYERS.tracks,
      LAYERS.communeCandidate,
      LAYERS.villageCandidate,
    ])
      if (this.map.getLayer(layer))
        out[layer] = new Set(
          this.map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.id),
        ).size;
    // Whose land is on screen: the foreign countries, Vietnam's provinces of the era and its archipelagos, by name.
    for (const layer of [
      LAYERS.countries,
      LAYERS.vietnam,
      LAYERS.archipelagos,
      LAYERS.archipelagoDots,
    ])
      out[layer] = new Set(
        this.map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.name)),
      ).size;
    return out;
  }

  destroy() {
    this.map.remove();
  }
}
