/** The side panel: brand, controls, the selected object's panel, cards, indicators and legend. */
import { useEffect, useMemo, useRef } from 'react';
import { formatViDate } from '@pcmt/shared/dates';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { HotspotTable } from '../features/hotspots/hotspot-table.tsx';
import { UserBadge } from '../features/auth/user-badge.tsx';
import { ConnectivityBar } from '../features/offline/connectivity-bar.tsx';
import { ViewControls } from '../features/controls/view-controls.tsx';
import { KpiPanel } from '../features/kpi/kpi-panel.tsx';
import { Legend } from '../features/legend/legend.tsx';
import { ListLinks } from '../features/reports/list-links.tsx';
import { ReportLinks } from '../features/reports/report-links.tsx';
import { SummaryCards } from '../features/summary/summary-cards.tsx';
import { DateSlider } from '../features/timeline/date-slider.tsx';
import { MESSAGES } from '../i18n/messages.ts';
import { useDashboard } from '../lib/dashboard-context.ts';
import type { MapController } from '../map/map-controller.ts';
import { ATTRIBUTION } from './attribution.ts';
import {
  AdminPanel,
  BorderPanel,
  RegistryPanel,
  CampaignActions,
  CandidatePanel,
  FiguresImport,
  HotspotImport,
  HotspotRegisterForm,
  Later,
  MapExport,
  SelectionPanel,
} from './lazy.tsx';
import { legendItems } from './legend-items.ts';

export type Sheet = 'peek' | 'half' | 'full';
const NEXT_SHEET: Record<Sheet, Sheet> = { half: 'full', full: 'peek', peek: 'half' };
const PHONE = '(max-width: 700px)';

export function SidePanel({
  controller,
  sheet,
  onSheet,
}: {
  controller: MapController | null;
  /** How far the panel is pulled up on a phone (the handle is hidden on wider screens). */
  sheet: Sheet;
  onSheet(next: Sheet): void;
}) {
  const { me, view, setView, data: d, asOf, unitName } = useDashboard();
  const m = MESSAGES[view.lang];
  const selection = useRef<HTMLDivElement>(null);
  // On a phone a feature picked on the map brings its panel up into the sheet.
  useEffect(() => {
    if (!view.selected || !window.matchMedia(PHONE).matches) return;
    if (sheet === 'peek') onSheet('half');
    const timer = setTimeout(() => selection.current?.scrollIntoView({ block: 'start' }), 150);
    return () => clearTimeout(timer);
    // only when the selection changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.selected]);
  const provinceOptions = useMemo(() => {
    const seen = new Map<string, { slug: string; name: string; nameEn: string }>();
    for (const p of d.provinces.data ?? [])
      if (p.slug && (!seen.has(p.slug) || p.validTo === null))
        seen.set(p.slug, { slug: p.slug, name: p.name, nameEn: p.nameEn });
    return [...seen.values()];
  }, [d.provinces.data]);
  const provinceName = provinceOptions.find((p) => p.slug === view.province)?.name ?? '';
  const phase = d.window?.phase ?? null;
  const guard = (children: React.ReactNode) => (
    <ErrorBoundary title={m.errorTitle} retryLabel={m.retry}>
      {children}
    </ErrorBoundary>
  );
  return (
    <aside className="panel" id="side-panel">
      <button
        type="button"
        className="sheet-handle"
        data-testid="sheet-handle"
        aria-label={sheet === 'full' ? m.sheetDown : m.sheetUp}
        aria-expanded={sheet !== 'peek'}
        aria-controls="side-panel"
        onClick={() => onSheet(NEXT_SHEET[sheet])}
      >
        <span />
      </button>
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
      <ConnectivityBar username={me.username} />
      {me.role === 'admin' &&
        guard(
          <Later>
            <AdminPanel />
          </Later>,
        )}
      {me.role === 'border_unit' &&
        guard(
          <Later>
            <BorderPanel />
            <RegistryPanel />
          </Later>,
        )}
      {guard(
        <>
          <ViewControls
            provinces={provinceOptions}
            province={view.province}
            campaigns={d.campaigns.data ?? []}
            campaign={d.campaign?.id ?? null}
            phase={phase?.id ?? null}
            asOf={asOf}
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
          {d.campaign && d.window && !d.window.started && (
            <p className="muted" data-testid="not-started">
              {m.notStarted}
            </p>
          )}
          <Later>
            <CampaignActions />
          </Later>
          <Later>
            <HotspotRegisterForm />
          </Later>
          <Later>
            <HotspotImport />
          </Later>
          <Later>
            <FiguresImport />
          </Later>
          {d.campaign && d.window?.started && (
            <DateSlider
              from={d.firstDay}
              to={d.lastDay}
              value={asOf}
              onChange={(date) =>
                setView({ campaign: d.campaign?.id ?? null, date, phase: null }, 'replace')
              }
            />
          )}
          <Later>
            <MapExport
              snapshot={controller ? () => controller.snapshot() : null}
              asOf={asOf}
              title={`${m.appTitle} – ${provinceName}`}
              subtitle={[d.campaign?.name, phase?.name].filter(Boolean).join(' – ')}
              date={`${m.asOf}: ${formatViDate(asOf)}`}
              attribution={ATTRIBUTION}
              note={m.demoNote}
              legendTitle={m.legend}
              legend={legendItems(view.lang, m, view.color)}
              fileBase={`ban-do-${view.province}-${asOf}`}
            />
          </Later>
          {d.campaign && (
            <>
              <ReportLinks
                deadlineKinds={(d.detail.data?.deadlines ?? []).map((x) => x.kind)}
                campaignId={d.campaign.id}
                phaseId={phase?.id ?? null}
                asOf={view.date ? asOf : null}
              />
              <ListLinks
                campaignId={d.campaign.id}
                phaseId={phase?.id ?? null}
                asOf={view.date ? asOf : null}
              />
            </>
          )}
        </>,
      )}
      {me.role === 'planner' &&
        guard(
          <Later>
            <CandidatePanel />
          </Later>,
        )}
      <div ref={selection} className="selection-anchor" />
      {guard(
        <Later>
          <SelectionPanel />
        </Later>,
      )}
      {d.focusId && (
        <div className="focus-chip" data-testid="focus-chip">
          {m.filtered}: <b>{unitName(d.focusId) || d.focusId}</b>
          <button
            type="button"
            onClick={() => setView({ focus: null, selected: null })}
            aria-label={m.close}
          >
            ×
          </button>
        </div>
      )}
      {view.belt && (
        <div className="focus-chip" data-testid="belt-chip">
          {m.filtered}: <b>{m.borderCommunes}</b>
          <button type="button" onClick={() => setView({ belt: false })} aria-label={m.close}>
            ×
          </button>
        </div>
      )}
      {guard(<SummaryCards />)}
      {guard(<HotspotTable />)}
      {guard(<KpiPanel />)}
      {me.role !== 'border_unit' &&
        guard(
          <Later>
            <BorderPanel />
            <RegistryPanel />
          </Later>,
        )}
      {guard(
        <Legend
          tierCounts={d.derived?.snapshot.counts.tiers ?? null}
          showDistricts={(d.districts.data?.features.length ?? 0) > 0}
          colorBy={view.color}
          onColorBy={(color) => setView({ color }, 'replace')}
        />,
      )}
      <p className="demo-note">{m.demoNote}</p>
    </aside>
  );
}
