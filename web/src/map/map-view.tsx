/** A small React wrapper that drives one MapController from props. */
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapController, type RenderedSummary } from './map-controller.ts';
import { SOURCES } from './ids.ts';
import { buildOverlayLayers } from './styles.ts';

type FC = FeatureCollection;
export interface MapData {
  communes: FC | null;
  districts: FC | null;
  province: FC | null;
  hotspots: FC | null;
  crossings: FC | null;
  borders: FC | null;
  routes: FC | null;
}

interface Props {
  basemap: FC;
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

  useEffect(() => {
    const c = new MapController(
      container.current!,
      props.basemap,
      props.attribution,
      props.initialCamera,
      {
        onHover: (feature, p) => setHover(feature ? { feature, x: p.x, y: p.y } : null),
        onClick: (f, lngLat) => callbacks.current.onSelect(f, lngLat),
        onMoveEnd: (cam) => callbacks.current.onCamera(cam),
        onError: (m) => callbacks.current.onError(m),
        onIdle: setSummary,
      },
    );
    controller.current = c;
    callbacks.current.onController?.(c);
    setReady(true);
    return () => c.destroy();
    // The map is created once; later prop changes flow through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (ready) void controller.current!.setLayers(buildOverlayLayers({ lang: props.lang }));
  }, [ready, props.lang]);
  useEffect(() => {
    if (ready) void controller.current!.setDate(props.asOf);
  }, [ready, props.asOf]);
  useEffect(() => {
    if (ready) void controller.current!.setSelection(props.selectedId);
  }, [ready, props.selectedId]);
  useEffect(() => {
    if (ready) controller.current!.setPicking(!!props.picking);
  }, [ready, props.picking]);

  const { communes, districts, province, hotspots, crossings, borders, routes } = props.data;
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
        data-idle={summary ? 'true' : 'false'}
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
