/** The dashboard: one snapshot of the chosen view, shared by the side panel and the map through context. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { can } from '@pcmt/shared/policy';
import { DashboardContext, type DashboardModel, type Me } from '../lib/dashboard-context.ts';
import type { MapController } from '../map/map-controller.ts';
import { MapArea } from './map-area.tsx';
import { SidePanel, type Sheet } from './side-panel.tsx';
import { useViewState } from '../lib/url-state.ts';
import { useViewData } from '../lib/use-view-data.ts';

export type { Me };

export function Dashboard({ me }: { me: Me }) {
  const [urlView, setView] = useViewState();
  // Until the URL names a province, the user's own is the one shown and fetched: the default's (Lào Cai) was asked
  // for first, and refused, for every user of another province.
  const named = new URLSearchParams(window.location.search).has('province');
  const view = useMemo(
    () =>
      !named && me.provinceSlug && urlView.province !== me.provinceSlug
        ? { ...urlView, province: me.provinceSlug }
        : urlView,
    [named, urlView, me.provinceSlug],
  );
  const [controller, setController] = useState<MapController | null>(null);
  // While the sketch stands in for the full map, what needs the full map (drawing a track or an area, "show on
  // map", an overlay) waits for it rather than doing nothing: the form says it is opening the tool meanwhile.
  // If the full map cannot load or draw, the waits end with nothing (the map says the sketch stands in).
  const waiting = useRef(new Set<{ go(c: MapController): void; cancel(): void }>());
  const current = useRef<MapController | null>(null);
  const failed = useRef(false);
  useEffect(() => {
    current.current = controller;
    if (!controller) return;
    for (const w of waiting.current) w.go(controller);
    waiting.current.clear();
  }, [controller]);
  const endWaits = useCallback(() => {
    for (const w of waiting.current) w.cancel();
    waiting.current.clear();
  }, []);
  const onMapFailed = useCallback(() => {
    failed.current = true;
    endWaits();
  }, [endWaits]);
  function withMap<T>(run: (c: MapController) => T | Promise<T>, none: T): Promise<T> {
    const c = current.current ?? controller;
    if (c) return Promise.resolve(run(c));
    if (failed.current) return Promise.resolve(none);
    return new Promise((resolve, reject) => {
      waiting.current.add({
        go: (c) => void Promise.resolve(run(c)).then(resolve, reject),
        cancel: () => resolve(none),
      });
    });
  }
  const [picker, setPicker] = useState<{ cb: (lngLat: [number, number]) => void } | null>(null);
  // On a phone the panel is a bottom sheet under the map: a peek, half the screen, or nearly all of it.
  const [sheet, setSheet] = useState<Sheet>('half');
  const data = useViewData(view, me.today);
  // A shared link names its province; otherwise the dashboard opens on the user's own.
  useEffect(() => {
    if (me.provinceSlug && !new URLSearchParams(window.location.search).has('province'))
      setView({ province: me.provinceSlug }, 'replace');
  }, [me.provinceSlug, setView]);
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of data.districts.data?.features ?? []) m.set(f.id, f.properties.name);
    // A hotspot or plan recorded in a commune before the reform is named by a commune formed from it.
    for (const f of data.communes.data?.features ?? [])
      for (const p of f.properties.predecessorIds ?? []) m.set(p, f.properties.name);
    for (const f of data.communes.data?.features ?? []) m.set(f.id, f.properties.name);
    return m;
  }, [data.districts.data, data.communes.data]);
  const model: DashboardModel = {
    me,
    view,
    setView,
    data,
    asOf: data.window?.asOf ?? data.today,
    can: (p) => can(me.role, p),
    pickPoint: (cb) => setPicker(cb ? { cb } : null),
    picking: !!picker,
    drawLine: (onStarted) => withMap((c) => c.drawLine(onStarted), null),
    drawArea: (onStarted) => withMap((c) => c.drawArea(onStarted), null),
    cancelDrawing: () => {
      endWaits();
      (current.current ?? controller)?.cancelDrawing();
    },
    showOnMap: (bbox) => void withMap((c) => c.fitBounds(bbox), undefined),
    showOverlay: (data) => void withMap((c) => c.setOverlay(data), undefined),
    unitName: (id) => names.get(id) ?? '',
  };
  return (
    <DashboardContext.Provider value={model}>
      <div className={`shell sheet-${sheet}`}>
        <SidePanel controller={controller} sheet={sheet} onSheet={setSheet} />
        <MapArea
          onController={setController}
          onMapFailed={onMapFailed}
          onPicked={
            picker
              ? (lngLat) => {
                  setPicker(null);
                  picker.cb(lngLat);
                }
              : null
          }
        />
      </div>
    </DashboardContext.Provider>
  );
}
