/** The panel of what is selected on the map: a commune (with its plan and assessment form), a crossing or a hotspot. */
import { useEffect, useRef } from 'react';
import { holds } from '@pcmt/shared/area-select';
import type { Geometry } from '@pcmt/shared/geo';
import { AssessmentForm } from '../features/assessments/assessment-form.tsx';
import { CrossingPanel } from '../features/crossings/crossing-panel.tsx';
import { UnitPanel } from '../features/details/unit-panel.tsx';
import { FiguresForm } from '../features/figures/figures-form.tsx';
import { HotspotEditForm } from '../features/hotspots/hotspot-edit-form.tsx';
import { HotspotPanel } from '../features/hotspots/hotspot-panel.tsx';
import { PlanPanel } from '../features/plans/plan-panel.tsx';
import { useDashboard } from '../lib/dashboard-context.ts';

export function SelectionPanel() {
  const { me, view, setView, data, asOf, can, unitName } = useDashboard();
  const selected = view.selected;
  const top = useRef<HTMLDivElement>(null);
  // A selection made from a list further down the panel brings its panel into view.
  useEffect(() => {
    if (selected) top.current?.scrollIntoView({ block: 'start' });
  }, [selected]);
  if (!selected) return null;
  const hotspots = data.derived?.snapshot.hotspots ?? [];
  const anchor = <div ref={top} className="selection-anchor" />;
  if (selected.startsWith('crossing-'))
    return (
      <>
        {anchor}
        <CrossingPanel
          id={selected}
          asOf={asOf}
          canLog={(agencyId) => can('event.write') && !!me.agencyId && agencyId === me.agencyId}
          onClose={() => setView({ selected: null })}
        />
      </>
    );
  if (selected.startsWith('hs-')) {
    const h = hotspots.find((x) => x.id === selected);
    // Its record as of the campaign's last day: an elimination after the date shown is known there.
    const latest = data.hotspots.data?.features.find((f) => f.id === selected)?.properties;
    const later = latest?.eliminatedOn && latest.eliminatedOn > asOf ? latest.eliminatedOn : null;
    const point = data.hotspots.data?.features.find((f) => f.id === selected)?.geometry.coordinates;
    const position = point ? ([point[0]!, point[1]!] as [number, number]) : null;
    return h ? (
      <>
        {anchor}
        <HotspotPanel
          key={`${h.id}@${asOf}`}
          hotspot={h}
          unitName={unitName(h.unitId)}
          canEliminate={can('hotspot.write')}
          defaultDate={asOf}
          asOf={asOf}
          eliminatedLater={later}
          onClose={() => setView({ selected: null })}
        />
        {can('hotspot.write') && !h.eliminatedOn && position && (
          <HotspotEditForm key={`${h.id}@${h.version}`} hotspot={{ ...h, lngLat: position }} />
        )}
      </>
    ) : null;
  }
  // A commune's hotspots are registered to it; a village's are those whose point lies inside it.
  const village = data.villages.data?.features.find((f) => f.id === selected);
  const points = new Map(
    (data.hotspots.data?.features ?? []).map((f) => [
      f.id,
      f.geometry.coordinates as [number, number],
    ]),
  );
  const own = village
    ? hotspots.filter(
        (h) => points.has(h.id) && holds(village.geometry as Geometry, points.get(h.id)!),
      )
    : hotspots.filter((h) => h.unitId === selected);
  return (
    <>
      {anchor}
      <UnitPanel
        id={selected}
        asOf={asOf}
        onClose={() => setView({ selected: null })}
        hotspots={own.map((h) => ({ id: h.id, kind: h.kind, status: h.status }))}
        onSelectHotspot={(id) => setView({ selected: id })}
        onFocusDistrict={(focus) => setView({ focus, selected: null })}
        onSelectUnit={(id) => setView({ selected: id })}
      />
      <PlanPanel unitId={selected} editable={can('plan.write')} asOf={asOf} />
      {can('figures.write') && <FiguresForm key={selected} unitId={selected} />}
      {can('assessment.write') && (
        <AssessmentForm key={`${selected}@${asOf}`} unitId={selected} defaultDate={asOf} />
      )}
    </>
  );
}
