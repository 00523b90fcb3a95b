/** The dashboard: side panel with controls, panels per role, summary and legend, and the full-window map. */
import type { FeatureCollection } from 'geojson';
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { vietnamDay } from '@pcmt/shared/dates';
import { bboxOf, type Geometry } from '@pcmt/shared/geo';
import { TIERS, type HotspotStatus, type Tier } from '@pcmt/shared/domain';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { ViewControls } from '../features/controls/view-controls.tsx';
import { UnitPanel } from '../features/details/unit-panel.tsx';
import { Legend } from '../features/legend/legend.tsx';
import { SummaryCards } from '../features/summary/summary-cards.tsx';
import { LangContext } from '../i18n/use-i18n.ts';
import { MESSAGES } from '../i18n/messages.ts';
import * as Q from '../lib/queries.ts';
import { MapView } from '../map/map-view.tsx';
import { LAYERS } from '../map/ids.ts';
import { tooltipFor } from './tooltip.tsx';
import { useViewState } from './url-state.ts';
import { can, type Role } from '@pcmt/shared/policy';
import { UserBadge } from '../features/auth/user-badge.tsx';
import { AssessmentForm } from '../features/assessments/assessment-form.tsx';
import { CrossingPanel } from '../features/crossings/crossing-panel.tsx';
import { PlanPanel } from '../features/plans/plan-panel.tsx';
import { AdminPanel } from '../features/admin/admin-panel.tsx';

export interface Me {
  username: string;
  role: Role;
  provinceSlug: string | null;
  agencyId: string | null;
  title: string;
}

const ATTRIBUTION =
  'Ranh giới tỉnh, biên giới: Natural Earth (public domain) · Xã, huyện, điểm nóng: dữ liệu minh họa';

export function Dashboard({ me }: { me: Me }) {
  const [view, setView] = useViewState();
  const m = MESSAGES[view.lang];
  const [mapError, setMapError] = useState<string | null>(null);
  const provinces = useQuery(Q.provincesQuery());
  const campaigns = useQuery(Q.campaignsQuery(view.province));
  const campaign = campaigns.data?.find((c) => c.id === view.campaign) ?? campaigns.data?.[0];
  const phase =
    campaign?.phases.find((p) => p.id === view.phase) ??
    campaign?.phases.find((p) => p.ordinal === 1) ??
    campaign?.phases[0];
  const today = vietnamDay(new Date());
  // A phase that has not ended yet is shown as it stands today, not as of its planned end.
  const planned = phase?.endsOn ?? campaign?.endsOn ?? today;
  const asOf = planned < today ? planned : today;
  const since = phase?.startsOn ?? asOf;

  const communes = useQuery({
    ...Q.unitsQuery(view.province, 'commune', asOf),
    placeholderData: (prev) => prev,
  });
  const districts = useQuery(Q.unitsQuery(view.province, 'district', asOf));
  const province = useQuery(Q.unitsQuery(view.province, 'province', asOf));
  const hotspots = useQuery({
    ...Q.hotspotsQuery(view.province, asOf, since),
    placeholderData: (prev) => prev,
  });
  const crossings = useQuery(Q.crossingsQuery());
  const borders = useQuery(Q.bordersQuery());
  const routes = useQuery(Q.routesQuery());
  const basemap = useQuery(Q.basemapQuery());
  const detail = useQuery({ ...Q.campaignQuery(campaign?.id ?? '', asOf), enabled: !!campaign });

  const provinceOptions = useMemo(() => {
    const seen = new Map<string, { slug: string; name: string; nameEn: string }>();
    for (const p of provinces.data ?? [])
      if (p.slug && (!seen.has(p.slug) || p.validTo === null))
        seen.set(p.slug, { slug: p.slug, name: p.name, nameEn: p.nameEn });
    return [...seen.values()];
  }, [provinces.data]);

  const tierCounts = useMemo(() => {
    const counts = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
    for (const f of communes.data?.features ?? []) counts[f.properties.tier]++;
    return counts;
  }, [communes.data]);
  const hotspotCounts = useMemo(() => {
    const counts: Record<HotspotStatus, number> = { active: 0, re_emerged: 0, eliminated: 0 };
    for (const f of hotspots.data?.features ?? []) counts[f.properties.status]++;
    return counts;
  }, [hotspots.data]);
  const provinceCrossings = useMemo(() => {
    const features = (crossings.data?.features ?? []).filter(
      (f) => f.properties.provinceSlug === view.province,
    );
    return { type: 'FeatureCollection' as const, features };
  }, [crossings.data, view.province]);
  const bbox = province.data?.features[0]
    ? bboxOfFeatureCollection(province.data as unknown as FeatureCollection)
    : null;

  return (
    <LangContext.Provider value={view.lang}>
      <div className="shell">
        <aside className="panel">
          <header className="brand">
            <div>
              <h1>{m.appTitle}</h1>
              <p>{m.appSubtitle}</p>
            </div>
            <button
              type="button"
              className="lang"
              data-testid="lang-toggle"
              onClick={() => setView({ lang: view.lang === 'vi' ? 'en' : 'vi' })}
            >
              {m.language}
            </button>
          </header>
          <UserBadge
            me={me}
            provinceName={
              provinceOptions.find((p) => p.slug === (me.provinceSlug ?? view.province))?.name ??
              '—'
            }
          />
          {me.role === 'admin' && (
            <ErrorBoundary title={m.errorTitle} retryLabel={m.retry}>
              <AdminPanel />
            </ErrorBoundary>
          )}
          <ErrorBoundary title={m.errorTitle} retryLabel={m.retry}>
            <ViewControls
              provinces={provinceOptions}
              province={view.province}
              campaigns={campaigns.data ?? []}
              campaign={campaign?.id ?? null}
              phase={phase?.id ?? null}
              asOf={asOf}
              onProvince={(slug) =>
                setView({
                  province: slug,
                  campaign: null,
                  phase: null,
                  selected: null,
                  camera: null,
                })
              }
              onCampaign={(id) => setView({ campaign: id, phase: null, selected: null })}
              onPhase={(id) => setView({ campaign: campaign?.id ?? null, phase: id })}
            />
          </ErrorBoundary>
          {view.selected && !view.selected.startsWith('crossing-') && (
            <ErrorBoundary title={m.errorTitle} retryLabel={m.retry}>
              <UnitPanel id={view.selected} onClose={() => setView({ selected: null })} />
              <PlanPanel unitId={view.selected} editable={can(me.role, 'plan.write')} />
              {can(me.role, 'assessment.write') && (
                <AssessmentForm
                  key={`${view.selected}@${asOf}`}
                  unitId={view.selected}
                  defaultDate={asOf}
                />
              )}
            </ErrorBoundary>
          )}
          {view.selected?.startsWith('crossing-') && (
            <ErrorBoundary title={m.errorTitle} retryLabel={m.retry}>
              <CrossingPanel
                id={view.selected}
                canLog={(agencyId) =>
                  can(me.role, 'event.write') && !!me.agencyId && agencyId === me.agencyId
                }
                onClose={() => setView({ selected: null })}
              />
            </ErrorBoundary>
          )}
          <ErrorBoundary title={m.errorTitle} retryLabel={m.retry}>
            <SummaryCards
              communeCount={communes.data?.features.length ?? 0}
              hotspotCounts={hotspotCounts}
              overdue={(hotspots.data?.features ?? []).filter((f) => f.properties.overdue).length}
              crossingCount={provinceCrossings.features.length}
              objectives={phase?.objectives ?? []}
              deadlines={(detail.data?.deadlines ?? []).filter(
                (d) => !phase || d.phaseId === phase.id || d.phaseId === null,
              )}
            />
          </ErrorBoundary>
          <ErrorBoundary title={m.errorTitle} retryLabel={m.retry}>
            <Legend
              tierCounts={tierCounts}
              showDistricts={(districts.data?.features.length ?? 0) > 0}
            />
          </ErrorBoundary>
          <p className="demo-note">{m.demoNote}</p>
        </aside>
        <main className="map-area">
          <ErrorBoundary title={m.mapError} retryLabel={m.retry}>
            {basemap.data ? (
              <MapView
                basemap={basemap.data as FeatureCollection}
                attribution={ATTRIBUTION}
                data={{
                  communes: (communes.data as unknown as FeatureCollection) ?? null,
                  districts: (districts.data as unknown as FeatureCollection) ?? null,
                  province: (province.data as unknown as FeatureCollection) ?? null,
                  hotspots: (hotspots.data as unknown as FeatureCollection) ?? null,
                  crossings: provinceCrossings as unknown as FeatureCollection,
                  borders: (borders.data as unknown as FeatureCollection) ?? null,
                  routes: (routes.data as unknown as FeatureCollection) ?? null,
                }}
                selectedId={view.selected}
                lang={view.lang}
                fitTo={view.camera ? null : bbox}
                initialCamera={view.camera}
                onSelect={(f) =>
                  setView({
                    selected:
                      f && f.layer.id === LAYERS.communeFill ? String(f.properties.id) : null,
                  })
                }
                onCamera={(camera) => setView({ camera }, 'replace')}
                onError={setMapError}
                renderTooltip={(f) => tooltipFor(f, view.lang, m.approximate)}
              />
            ) : (
              <div className="map-loading">{m.loading}</div>
            )}
          </ErrorBoundary>
          <div className="badge" data-testid="demo-badge">
            {m.demoData}
          </div>
          {mapError && (
            <div className="map-error" role="alert">
              {m.mapError}: {mapError}
            </div>
          )}
        </main>
      </div>
    </LangContext.Provider>
  );
}

function bboxOfFeatureCollection(fc: FeatureCollection): [number, number, number, number] {
  const boxes = fc.features.map((f) => bboxOf(f.geometry as Geometry));
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}
