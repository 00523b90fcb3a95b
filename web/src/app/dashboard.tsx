/** The dashboard: one snapshot of the chosen view, shared by the side panel and the map through context. */
import { useMemo, useState } from 'react';
import { can } from '@pcmt/shared/policy';
import { DashboardContext, type DashboardModel, type Me } from '../lib/dashboard-context.ts';
import type { MapController } from '../map/map-controller.ts';
import { MapArea } from './map-area.tsx';
import { SidePanel } from './side-panel.tsx';
import { useViewState } from './url-state.ts';
import { useViewData } from './use-view-data.ts';

export type { Me };

export function Dashboard({ me }: { me: Me }) {
  const [view, setView] = useViewState();
  const [controller, setController] = useState<MapController | null>(null);
  const data = useViewData(view);
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of data.districts.data?.features ?? []) m.set(f.id, f.properties.name);
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
    unitName: (id) => names.get(id) ?? '',
  };
  return (
    <DashboardContext.Provider value={model}>
      <div className="shell">
        <SidePanel controller={controller} />
        <MapArea onController={setController} />
      </div>
    </DashboardContext.Provider>
  );
}
