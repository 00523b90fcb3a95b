/** The map of the dashboard: the snapshot's communes and hotspots, crossings, borders and routes. */
import type { FeatureCollection } from 'geojson';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { bboxOf, type Geometry } from '@pcmt/shared/geo';
import { heldIn } from '@pcmt/shared/state/coordination';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { MESSAGES } from '../i18n/messages.ts';
import { OFFLINE_MESSAGES } from '../i18n/offline-messages.ts';
import { formatViDateTime } from '@pcmt/shared/dates';
import { useConnectivity } from '../lib/connectivity.ts';
import { useDashboard } from '../lib/dashboard-context.ts';
import { useKeepOwnCrossings } from '../features/crossings/keep-own-crossings.ts';
import * as Q from '../lib/queries.ts';
import { LAYERS } from '../map/ids.ts';
import type { MapController } from '../map/map-controller.ts';
import { ATTRIBUTION } from './attribution.ts';
import { tooltipFor } from './tooltip.tsx';
import { useMapFeatures } from './use-map-features.ts';
import { useLite } from '../lib/lite.ts';
import { markFirstDraw, useFirstDraw } from '../lib/first-draw.ts';
import { registerServiceWorker } from '../sw/register.ts';

const asFC = (x: unknown) => (x ?? null) as FeatureCollection | null;

/** A chunk asked for again after 2, 5 and 10 s: a link that dropped a moment must not cost the full map. */
async function retried<T>(load: () => Promise<T>): Promise<T> {
  for (const wait of [2000, 5000, 10_000]) {
    try {
      return await load();
    } catch {
      await new Promise((r) => setTimeout(r, wait));
    }
  }
  return load();
}

// MapLibre (about 350 KB with its worker) is its own chunk, asked for once the sketch map has drawn: on a slow
// link the province's data comes first, and the sketch is usable while the full map loads.
const MapView = lazy(async () => ({
  default: (await retried(() => import('../map/map-view.tsx'))).MapView,
}));
// The sketch (d3's projection and zoom, 25 KB) is asked for at once: it arrives beside the province's data.
const SketchMap = lazy(async () => ({
  default: (await import('../map/sketch-map.tsx')).SketchMap,
}));

function bboxOfFeatureCollection(fc: FeatureCollection): [number, number, number, number] | null {
  if (fc.features.length === 0) return null;
  const boxes = fc.features.map((f) => bboxOf(f.geometry as Geometry));
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

export function MapArea({
  onController,
  onMapFailed,
  onPicked,
}: {
  onController(c: MapController): void;
  /** The full map could not load or draw: what waits for it gives up. */
  onMapFailed(): void;
  /** Set while a form waits for a position on the map. */
  onPicked: ((lngLat: [number, number]) => void) | null;
}) {
  const { view, setView, data, asOf, me } = useDashboard();
  const m = MESSAGES[view.lang];
  const o = OFFLINE_MESSAGES[view.lang];
  const { offline, syncedAt } = useConnectivity();
  const [mapError, setMapError] = useState<string | null>(null);
  // The full map has drawn the communes once: the sketch steps aside, the basemap and the service worker follow.
  const [full, setFull] = useState(false);
  // The full map's controller is handed to the dashboard (drawing, export, "show on map") when it takes over: until
  // then the sketch is what the user sees and clicks.
  const controller = useRef<MapController | null>(null);
  const camera = useRef(view.camera);
  camera.current = view.camera;
  // A map that cannot draw (no WebGL, a province without communes) must not hold the panels back for ever.
  useEffect(() => {
    const timer = setTimeout(markFirstDraw, 15_000);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (!mapError) return;
    markFirstDraw();
    if (!full) onMapFailed();
    // The sketch stands in: the dashboard still works offline.
    registerServiceWorker();
  }, [mapError, full, onMapFailed]);
  const crossings = useQuery(Q.crossingsQuery());
  useKeepOwnCrossings(full || !!mapError);
  const borders = useQuery(Q.bordersQuery());
  const routes = useQuery(Q.routesQuery());
  // The map opens on the province's own data; the neighbours and the archipelagos fill in when the basemap lands.
  // Lite mode leaves the basemap out: 120 KB less on a poor link, fewer polygons on an old PC.
  const lite = useLite().on;
  // It waits for the province's own layers to be drawn: they come first on a slow link.
  const drawn = useFirstDraw();
  const basemap = useQuery({
    ...Q.basemapQuery(me.basemapVersion),
    enabled: full && !lite && !!me.basemapVersion,
  });
  const features = useMapFeatures();
  // Nothing for the sketch to draw (a province without communes, an error): the full map is asked for at once.
  const nothingToSketch =
    data.communes.isError || (!!features.communes && features.communes.features.length === 0);
  const provinceCrossings = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: (crossings.data?.features ?? []).filter(
        (f) => f.properties.provinceSlug === view.province,
      ),
    }),
    [crossings.data, view.province],
  );
  const sectorsQ = useQuery(Q.sectorsQuery(view.province));
  const sectors = useMemo(
    () =>
      sectorsQ.data && {
        ...sectorsQ.data,
        features: sectorsQ.data.features.map((f) => ({
          ...f,
          properties: {
            ...f.properties,
            own: !!me.agencyId && f.properties.stationAgencyId === me.agencyId,
            label: f.properties.stationName.replace('Đồn Biên phòng', 'Đồn BP'),
          },
        })),
      },
    [sectorsQ.data, me.agencyId],
  );
  const own = sectors?.features.filter((f) => f.properties.own) ?? [];
  // Joint patrols' tracks held in the window shown (the state on a date, as every layer).
  const events = useQuery(Q.provinceEventsQuery(view.province));
  const since = data.window?.since ?? asOf;
  const tracks = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: heldIn(events.data ?? [], since, asOf)
        .filter((e) => e.track)
        .map((e) => ({
          type: 'Feature' as const,
          id: e.id,
          geometry: e.track!,
          properties: { id: e.id, occurredOn: e.occurredOn },
        })),
    }),
    [events.data, since, asOf],
  );
  const provinceBox = data.outline.data
    ? bboxOfFeatureCollection(data.outline.data as unknown as FeatureCollection)
    : null;
  // A border officer's map opens on their own station's stretch (the province when it has none).
  const bbox =
    me.role === 'border_unit' && sectorsQ.isPending
      ? null
      : own.length
        ? bboxOfFeatureCollection({ type: 'FeatureCollection', features: own } as FeatureCollection)
        : provinceBox;
  return (
    <main className={lite ? 'map-area lite' : 'map-area'}>
      {!full && (
        // A sketch that fails (or cannot load) asks for the full map at once.
        <ErrorBoundary title={m.mapError} retryLabel={m.retry} onError={markFirstDraw}>
          <Suspense fallback={null}>
            <SketchMap
              key={view.province}
              communes={asFC(features.communes)}
              province={asFC(data.outline.data)}
              borders={asFC(borders.data)}
              hotspots={asFC(features.hotspots)}
              crossings={asFC(provinceCrossings)}
              selectedId={view.selected}
              colorBy={view.color}
              lang={view.lang}
              initialCamera={view.camera}
              fitTo={bbox}
              onSelect={(id, lngLat) => (onPicked ? onPicked(lngLat) : setView({ selected: id }))}
              onCamera={(camera) => setView({ camera }, 'replace')}
              onDrawn={markFirstDraw}
              note={mapError ? m.sketchOnly : m.sketchLoading}
              noteDetail={mapError ?? undefined}
              summary={(c) =>
                `${m.mapSummary}: ${c.communes} ${m.communes}, ${c.hotspots} ${m.hotspots.toLowerCase()}, ${c.crossings} ${m.crossings.toLowerCase()}`
              }
            />
          </Suspense>
        </ErrorBoundary>
      )}
      {(drawn || nothingToSketch) && (
        <ErrorBoundary
          title={m.mapError}
          retryLabel={m.retry}
          onError={(e) => setMapError(e.message)}
        >
          <Suspense fallback={null}>
            <MapView
              key={lite ? 'lite' : 'full'}
              lite={lite}
              onUsable={() => {
                // The sketch's camera (the user's move while the full map loaded) carries over.
                if (camera.current) void controller.current?.jumpTo(camera.current);
                if (controller.current) onController(controller.current);
                markFirstDraw();
                setFull(true);
                registerServiceWorker();
              }}
              basemap={asFC(basemap.data)}
              attribution={ATTRIBUTION}
              data={{
                communes: asFC(features.communes),
                villages: asFC(features.villages),
                districts: asFC(data.districts.data),
                province: asFC(data.outline.data),
                hotspots: asFC(features.hotspots),
                crossings: asFC(provinceCrossings),
                borders: asFC(borders.data),
                sectors: asFC(sectors),
                tracks: asFC(tracks),
                routes: asFC(routes.data),
              }}
              selectedId={view.selected}
              lang={view.lang}
              colorBy={view.color}
              asOf={asOf}
              fitTo={view.camera ? null : bbox}
              initialCamera={view.camera}
              picking={!!onPicked}
              onSelect={(f, lngLat) =>
                onPicked
                  ? onPicked(lngLat)
                  : setView({
                      selected:
                        f &&
                        [
                          LAYERS.communeFill,
                          LAYERS.villageFill,
                          LAYERS.crossings,
                          LAYERS.hotspots,
                        ].includes(f.layer.id as never)
                          ? String(f.properties.id)
                          : null,
                    })
              }
              // Hidden behind the sketch, its own fit must not write over the camera the sketch was moved to.
              onCamera={(c) => full && setView({ camera: c }, 'replace')}
              onError={setMapError}
              renderTooltip={(f) => tooltipFor(f, view.lang, m.approximate)}
              onController={(c) => (controller.current = c)}
              describe={(r) =>
                `${m.mapSummary}: ${r[LAYERS.communeFill] ?? 0} ${m.communes}, ${
                  (r[LAYERS.hotspots] ?? 0) + (r[LAYERS.hotspotClusters] ?? 0)
                } ${m.hotspots.toLowerCase()}, ${r[LAYERS.crossings] ?? 0} ${m.crossings.toLowerCase()}`
              }
            />
          </Suspense>
        </ErrorBoundary>
      )}
      <div className="badge" data-testid="demo-badge">
        {m.demoData}
      </div>
      {/* Offline, said on the map too: the side panel's banner scrolls away when a crossing or a commune is open. */}
      {offline && (
        <div className="badge offline-badge" role="status" data-testid="offline-map-badge">
          {o.offline} · {o.lastSynced} {syncedAt ? formatViDateTime(syncedAt) : o.neverSynced}
        </div>
      )}
      {/* While the sketch stands in, its note says the full map could not draw; the error's words are its title. */}
      {mapError && full && (
        <div className="map-error" role="alert">
          {m.mapError}: {mapError}
        </div>
      )}
    </main>
  );
}
