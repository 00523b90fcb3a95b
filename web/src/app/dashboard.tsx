/** The dashboard: side panel with controls, panels per role, indicators and legend, and the full-window map. */
import type { FeatureCollection } from 'geojson';
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { bboxOf, type Geometry } from '@pcmt/shared/geo';
import type { Tier } from '@pcmt/shared/domain';
import { can, type Role } from '@pcmt/shared/policy';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { AdminPanel } from '../features/admin/admin-panel.tsx';
import { AssessmentForm } from '../features/assessments/assessment-form.tsx';
import { UserBadge } from '../features/auth/user-badge.tsx';
import { ViewControls } from '../features/controls/view-controls.tsx';
import { CrossingPanel } from '../features/crossings/crossing-panel.tsx';
import { UnitPanel } from '../features/details/unit-panel.tsx';
import { HotspotPanel } from '../features/hotspots/hotspot-panel.tsx';
import { KpiPanel } from '../features/kpi/kpi-panel.tsx';
import { Legend } from '../features/legend/legend.tsx';
import { PlanPanel } from '../features/plans/plan-panel.tsx';
import { SummaryCards } from '../features/summary/summary-cards.tsx';
import { DateSlider } from '../features/timeline/date-slider.tsx';
import { ReportLinks } from '../features/reports/report-links.tsx';
import { MapExport } from '../features/export/map-export.tsx';
import type { LegendItem } from '../features/export/compose-page.ts';
import type { MapController } from '../map/map-controller.ts';
import { CROSSING_COLORS, STATUS_COLORS, TIER_COLORS } from '../map/styles.ts';
import { CROSSING_LABELS, STATUS_LABELS, TIER_LABELS } from '@pcmt/shared/labels';
import { CROSSING_KINDS, HOTSPOT_STATUSES, TIERS } from '@pcmt/shared/domain';
import { formatViDate } from '@pcmt/shared/dates';
import { MESSAGES } from '../i18n/messages.ts';
import { HOTSPOT_KIND_LABELS } from '@pcmt/shared/labels';
import * as Q from '../lib/queries.ts';
import { LAYERS } from '../map/ids.ts';
import { MapView } from '../map/map-view.tsx';
import { tooltipFor } from './tooltip.tsx';
import { useViewState } from './url-state.ts';
import { useViewData } from './use-view-data.ts';

export interface Me {
  username: string;
  role: Role;
  provinceSlug: string | null;
  agencyId: string | null;
  title: string;
}

const ATTRIBUTION =
  'Ranh giới tỉnh, biên giới: Natural Earth (public domain) · Xã, huyện, điểm nóng: dữ liệu minh họa';
const asFC = (x: unknown) => (x ?? null) as FeatureCollection | null;

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

export function Dashboard({ me }: { me: Me }) {
  const [view, setView] = useViewState();
  const m = MESSAGES[view.lang];
  const [mapError, setMapError] = useState<string | null>(null);
  const [controller, setController] = useState<MapController | null>(null);
  const d = useViewData(view);
  const crossings = useQuery(Q.crossingsQuery());
  const borders = useQuery(Q.bordersQuery());
  const routes = useQuery(Q.routesQuery());
  const basemap = useQuery(Q.basemapQuery());

  const provinceOptions = useMemo(() => {
    const seen = new Map<string, { slug: string; name: string; nameEn: string }>();
    for (const p of d.provinces.data ?? [])
      if (p.slug && (!seen.has(p.slug) || p.validTo === null))
        seen.set(p.slug, { slug: p.slug, name: p.name, nameEn: p.nameEn });
    return [...seen.values()];
  }, [d.provinces.data]);
  const provinceCrossings = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: (crossings.data?.features ?? []).filter(
        (f) => f.properties.provinceSlug === view.province,
      ),
    }),
    [crossings.data, view.province],
  );
  const districtNames = useMemo(
    () => new Map((d.districts.data?.features ?? []).map((f) => [f.id, f.properties.name])),
    [d.districts.data],
  );
  const unitNames = useMemo(
    () => new Map((d.units?.features ?? []).map((f) => [f.id, f.properties.name])),
    [d.units],
  );
  const bbox = d.outline.data
    ? bboxOfFeatureCollection(d.outline.data as unknown as FeatureCollection)
    : null;
  const selected = view.selected;
  const selectedHotspot = selected?.startsWith('hs-')
    ? d.spots?.features.find((f) => f.id === selected)
    : undefined;
  const regressions = (d.shownUnits?.features ?? [])
    .filter((f) => f.properties.regressed && !('dim' in f.properties && f.properties.dim))
    .map((f) => ({
      id: f.id,
      name: f.properties.name,
      from: f.properties.startTier as Tier,
      to: f.properties.tier as Tier,
    }));
  const overdue = (d.spots?.features ?? [])
    .filter((f) => f.properties.overdue)
    .map((f) => ({
      id: f.id,
      label: `${HOTSPOT_KIND_LABELS[view.lang][f.properties.kind]} · ${unitNames.get(f.properties.unitId) ?? ''}`,
      age: f.properties.ageDays,
    }))
    .sort((a, b) => b.age - a.age);
  const phaseQuotas = (d.detail.data?.quotas ?? []).filter(
    (q) => !d.phase || q.phaseId === d.phase.id || q.phaseId === null,
  );

  const legendItems: LegendItem[] = [
    ...TIERS.map((t) => ({
      color: TIER_COLORS[t],
      label: TIER_LABELS[view.lang][t],
      shape: 'box' as const,
    })),
    ...HOTSPOT_STATUSES.map((st) => ({
      color: STATUS_COLORS[st],
      label: STATUS_LABELS[view.lang][st],
      shape: 'dot' as const,
    })),
    ...CROSSING_KINDS.filter((k) => k !== 'trail').map((k) => ({
      color: CROSSING_COLORS[k],
      label: CROSSING_LABELS[view.lang][k],
      shape: 'dot' as const,
    })),
    { color: '#8b1a1a', label: m.border, shape: 'line' },
    { color: '#c2185b', label: m.regressed, shape: 'line' },
  ];
  const provinceName = provinceOptions.find((p) => p.slug === view.province)?.name ?? '';
  return (
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
            provinceOptions.find((p) => p.slug === (me.provinceSlug ?? view.province))?.name ?? '—'
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
            campaigns={d.campaigns.data ?? []}
            campaign={d.campaign?.id ?? null}
            phase={d.phase?.id ?? null}
            asOf={d.asOf}
            onProvince={(slug) =>
              setView({
                province: slug,
                campaign: null,
                phase: null,
                date: null,
                selected: null,
                camera: null,
              })
            }
            onCampaign={(id) => setView({ campaign: id, phase: null, date: null, selected: null })}
            onPhase={(id) => setView({ campaign: d.campaign?.id ?? null, phase: id, date: null })}
          />
          {d.campaign && (
            <DateSlider
              from={d.campaign.startsOn}
              to={d.lastDay}
              value={d.asOf}
              onChange={(date) =>
                setView({ campaign: d.campaign?.id ?? null, date, phase: null }, 'replace')
              }
            />
          )}
          <MapExport
            snapshot={controller ? () => controller.snapshot() : null}
            title={`${m.appTitle} – ${provinceName}`}
            subtitle={[d.campaign?.name, d.phase?.name].filter(Boolean).join(' – ')}
            date={`${m.asOf}: ${formatViDate(d.asOf)}`}
            attribution={ATTRIBUTION}
            note={m.demoNote}
            legendTitle={m.legend}
            legend={legendItems}
            fileBase={`ban-do-${view.province}-${d.asOf}`}
          />
          {d.campaign && <ReportLinks campaignId={d.campaign.id} phaseId={d.phase?.id ?? null} />}
        </ErrorBoundary>
        {selected && !selected.startsWith('crossing-') && !selected.startsWith('hs-') && (
          <ErrorBoundary title={m.errorTitle} retryLabel={m.retry}>
            <UnitPanel
              id={selected}
              onClose={() => setView({ selected: null })}
              hotspots={(d.spots?.features ?? [])
                .filter((f) => f.properties.unitId === selected)
                .map((f) => ({ id: f.id, kind: f.properties.kind, status: f.properties.status }))}
              onSelectHotspot={(id) => setView({ selected: id })}
              onFocusDistrict={(focus) => setView({ focus, selected: null })}
            />
            <PlanPanel unitId={selected} editable={can(me.role, 'plan.write')} />
            {can(me.role, 'assessment.write') && (
              <AssessmentForm
                key={`${selected}@${d.asOf}`}
                unitId={selected}
                defaultDate={d.asOf}
              />
            )}
          </ErrorBoundary>
        )}
        {selected?.startsWith('crossing-') && (
          <ErrorBoundary title={m.errorTitle} retryLabel={m.retry}>
            <CrossingPanel
              id={selected}
              canLog={(agencyId) =>
                can(me.role, 'event.write') && !!me.agencyId && agencyId === me.agencyId
              }
              onClose={() => setView({ selected: null })}
            />
          </ErrorBoundary>
        )}
        {selectedHotspot && (
          <ErrorBoundary title={m.errorTitle} retryLabel={m.retry}>
            <HotspotPanel
              key={`${selectedHotspot.id}@${d.asOf}`}
              hotspot={selectedHotspot.properties}
              unitName={unitNames.get(selectedHotspot.properties.unitId) ?? ''}
              canEliminate={can(me.role, 'hotspot.write')}
              defaultDate={d.asOf}
              onClose={() => setView({ selected: null })}
            />
          </ErrorBoundary>
        )}
        {d.focusId && (
          <div className="focus-chip" data-testid="focus-chip">
            {m.filtered}:{' '}
            <b>{unitNames.get(d.focusId) ?? districtNames.get(d.focusId) ?? d.focusId}</b>
            <button
              type="button"
              onClick={() => setView({ focus: null, selected: null })}
              aria-label={m.close}
            >
              ×
            </button>
          </div>
        )}
        <ErrorBoundary title={m.errorTitle} retryLabel={m.retry}>
          <SummaryCards
            communeCount={d.counts.communes}
            hotspotCounts={d.counts.status}
            overdue={d.counts.overdue}
            crossingCount={provinceCrossings.features.length}
            objectives={d.phase?.objectives ?? []}
            deadlines={(d.detail.data?.deadlines ?? []).filter(
              (x) => !d.phase || x.phaseId === d.phase.id || x.phaseId === null,
            )}
            show={view.show}
            onShow={(show) => setView({ show }, 'replace')}
          />
        </ErrorBoundary>
        <ErrorBoundary title={m.errorTitle} retryLabel={m.retry}>
          <KpiPanel
            startDate={d.campaign?.startsOn ?? d.asOf}
            tiersNow={d.counts.tiers}
            tiersStart={d.counts.startTiers}
            regressions={regressions}
            overdue={overdue}
            quotas={phaseQuotas}
            deadlines={d.detail.data?.deadlines ?? []}
            asOf={d.asOf}
            onSelect={(id) => setView({ selected: id })}
            canRecord={can(me.role, 'progress.write')}
            onFocus={(focus) => setView({ focus, selected: null })}
            objectives={d.counts.objectives}
            campaign={
              d.detail.data
                ? {
                    id: d.detail.data.id,
                    version: d.detail.data.version,
                    ageLimitsMonths: d.detail.data.ageLimitsMonths,
                  }
                : null
            }
            canConfigure={can(me.role, 'campaign.configure')}
          />
        </ErrorBoundary>
        <ErrorBoundary title={m.errorTitle} retryLabel={m.retry}>
          <Legend
            tierCounts={d.counts.tiers}
            showDistricts={(d.districts.data?.features.length ?? 0) > 0}
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
                communes: asFC(d.shownUnits),
                districts: asFC(d.districts.data),
                province: asFC(d.outline.data),
                hotspots: asFC(d.shownSpots),
                crossings: asFC(provinceCrossings),
                borders: asFC(borders.data),
                routes: asFC(routes.data),
              }}
              selectedId={view.selected}
              lang={view.lang}
              fitTo={view.camera ? null : bbox}
              initialCamera={view.camera}
              onSelect={(f) =>
                setView({
                  selected:
                    f &&
                    [LAYERS.communeFill, LAYERS.crossings, LAYERS.hotspots].includes(
                      f.layer.id as never,
                    )
                      ? String(f.properties.id)
                      : null,
                })
              }
              onCamera={(camera) => setView({ camera }, 'replace')}
              onError={setMapError}
              renderTooltip={(f) => tooltipFor(f, view.lang, m.approximate)}
              onController={setController}
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
  );
}
