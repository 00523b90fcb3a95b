/** A small React wrapper that drives one MapController from props. */
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { pointOn } from '@pcmt/shared/area-select';
import type { Geometry } from '@pcmt/shared/geo';
import { MapController, type RenderedSummary } from './map-controller.ts';
import { SOURCES } from './ids.ts';
import { buildOverlayLayers, type ColorBy } from './styles.ts';

type FC = FeatureCollection;

/** A point inside each polygon carrying its names: where its one label goes. */
function labelPoints(fc: FC): FC {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      type: 'Feature',
      id: f.id,
      geometry: { type: 'Point', coordinates: pointOn(f.geometry as Geometry) },
      properties: f.properties,
    })),
  };
}
export interface MapData {
  communes: FC | null;
  /** Villages (thôn, bản, tổ dân phố), drawn from a close zoom. */
  villages: FC | null;
  districts: FC | null;
  province: FC | null;
  hotspots: FC | null;
  crossings: FC | null;
  borders: FC | null;
  /** The border-guard stations' stretches, each with `own` when it is the user's station's. */
  sectors: FC | null;
  /** Joint patrols' tracks of the window shown. */
  tracks: FC | null;
  routes: FC | null;
}

interface Props {
  /** Null until it arrives: the map draws the province's layers first and the basemap under them later. */
  basemap: FC | null;
  attribution: string;
  data: MapData;
  selectedId: string | null;
  lang: 'vi' | 'en';
  /** The day shown: the basemap's provinces follow its era. */
  asOf: string;
  fitTo: [number, number, number, number] | null;
  initialCamera: { zoom: number; lat: number; lng: number } | null;
  onSelect(feature: MapGeoJSONFeature | null, lngLat: [number, number]): void;
  /** True while a form waits for a position: the cursor becomes a crosshair. */
  picking?: boolean;
  onCamera(camera: { zoom: number; lat: number; lng: number }): void;
  onError(message: string): void;
  renderTooltip(feature: MapGeoJSONFeature): ReactNode;
  /** Lite mode: no animation, fewer layers, no basemap (set once: the map is made again when it changes). */
  lite?: boolean;
  /** The communes' colour: tier, or transformation progress. */
  colorBy?: ColorBy;
  /** The map is usable: its first idle, with the communes it was given drawn. */
  onUsable?(): void;
  /** Receives the controller once the map exists (for export). */
  onController?(controller: MapController): void;
  /** The screen-reader sentence for what is drawn, from the rendered counts per layer. */
  describe(summary: RenderedSummary): string;
}

export function MapView(props: Props) {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  const [hover, setHover] = useState<{ feature: MapGeoJSONFeature; x: number; y: number } | null>(
    null,
  );
  const [ready, setReady] = useState(false);
  const [summary, setSummary] = useState<RenderedSummary | null>(null);
  const [basemapShown, setBasemapShown] = useState(false);
  // The first idle with communes drawn: the map is usable (the benchmark's time to a usable map).
  const [usable, setUsable] = useState(false);

  useEffect(() => {
    const c = new MapController(
      container.current!,
      props.attribution,
      props.initialCamera,
      {
        onHover: (feature, p) => setHover(feature ? { feature, x: p.x, y: p.y } : null),
        onClick: (f, lngLat) => callbacks.current.onSelect(f, lngLat),
        onMoveEnd: (cam) => callbacks.current.onCamera(cam),
        onError: (m) => callbacks.current.onError(m),
        onIdle: (s) => {
          setSummary(s);
          // Usable: its first idle, with what it was given drawn — the communes (set as it was made), in view or
          // not (a camera on the sea), or none when there were none to give.
          if (s) {
            setUsable(true);
            callbacks.current.onUsable?.();
          }
        },
      },
      props.lite,
      props.lang,
    );
    controller.current = c;
    callbacks.current.onController?.(c);
    setReady(true);
    return () => c.destroy();
    // The map is created once; later prop changes flow through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (ready)
      void controller.current!.setLayers(
        buildOverlayLayers({ lang: props.lang, lite: props.lite, colorBy: props.colorBy }),
      );
  }, [ready, props.lang, props.lite, props.colorBy]);
  useEffect(() => {
    if (ready) void controller.current!.setDate(props.asOf);
  }, [ready, props.asOf]);
  useEffect(() => {
    if (ready) void controller.current!.setSelection(props.selectedId);
  }, [ready, props.selectedId]);
  useEffect(() => {
    if (ready) controller.current!.setPicking(!!props.picking);
  }, [ready, props.picking]);

  useEffect(() => {
    if (ready && props.basemap)
      void controller
        .current!.setData(SOURCES.basemap, props.basemap)
        .then(() => setBasemapShown(true));
  }, [ready, props.basemap]);

  const {
    communes,
    villages,
    districts,
    province,
    hotspots,
    crossings,
    borders,
    sectors,
    tracks,
    routes,
  } = props.data;
  useEffect(() => {
    if (!ready) return;
    void controller.current!.setData(SOURCES.villages, villages);
    void controller.current!.setData(SOURCES.villagePoints, villages && labelPoints(villages));
  }, [ready, villages]);
  useEffect(
    () => void (ready && controller.current!.setData(SOURCES.communes, communes)),
    [ready, communes],
  );
  useEffect(
    () => void (ready && controller.current!.setData(SOURCES.districts, districts)),
    [ready, districts],
  );
  useEffect(
    () => void (ready && controller.current!.setData(SOURCES.province, province)),
    [ready, province],
  );
  useEffect(
    () => void (ready && controller.current!.setData(SOURCES.hotspots, hotspots)),
    [ready, hotspots],
  );
  useEffect(
    () => void (ready && controller.current!.setData(SOURCES.crossings, crossings)),
    [ready, crossings],
  );
  useEffect(
    () => void (ready && controller.current!.setData(SOURCES.borders, borders)),
    [ready, borders],
  );
  useEffect(
    () => void (ready && controller.current!.setData(SOURCES.sectors, sectors)),
    [ready, sectors],
  );
  useEffect(
    () => void (ready && controller.current!.setData(SOURCES.tracks, tracks)),
    [ready, tracks],
  );
  useEffect(
    () => void (ready && controller.current!.setData(SOURCES.routes, routes)),
    [ready, routes],
  );
  const fitKey = props.fitTo?.join(',');
  useEffect(() => {
    if (ready && props.fitTo) void controller.current!.fitBounds(props.fitTo);
    // fit only when the target area changes, not on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, fitKey]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" />
      <p
        className="visually-hidden"
        role="status"
        data-testid="map-summary"
        // Idle means everything is drawn, the basemap too (the exports and the tests read the whole map).
        data-idle={summary && (basemapShown || props.lite) ? 'true' : 'false'}
        data-usable={usable ? 'true' : 'false'}
        data-rendered={summary ? JSON.stringify(summary) : ''}
      >
        {summary ? props.describe(summary) : ''}
      </p>
      {hover && (
        <div className="tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }}>
          {props.renderTooltip(hover.feature)}
        </div>
      )}
    </div>
  );
}
