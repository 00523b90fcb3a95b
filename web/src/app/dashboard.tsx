/** The dashboard: one snapshot of the chosen view, shared by the side panel and the map through context. */
import { useEffect, useMemo, useState } from 'react';
import { can } from '@pcmt/shared/policy';
import { DashboardContext, type DashboardModel, type Me } from '../lib/dashboard-context.ts';
import type { MapController } from '../map/map-controller.ts';
import { MapArea } from './map-area.tsx';
import { SidePanel, type Sheet } from './side-panel.tsx';
import { useViewState } from '../lib/url-state.ts';
import { useViewData } from '../lib/use-view-data.ts';

export type { Me };

export function Dashboard({ me }: { me: Me }) {
  const [view, setView] = useViewState();
  const [controller, setController] = useState<MapController | null>(null);
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
    drawLine: (onStarted) => controller?.drawLine(onStarted) ?? Promise.resolve(null),
    drawArea: (onStarted) => controller?.drawArea(onStarted) ?? Promise.resolve(null),
    cancelDrawing: () => controller?.cancelDrawing(),
    showOnMap: (bbox) => void controller?.fitBounds(bbox),
    showOverlay: (data) => void controller?.setOverlay(data),
    unitName: (id) => names.get(id) ?? '',
  };
  return (
    <DashboardContext.Provider value={model}>
      <div className={`shell sheet-${sheet}`}>
        <SidePanel controller={controller} sheet={sheet} onSheet={setSheet} />
        <MapArea
          onController={setController}
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
