/**
 * Screens and forms that the first view of the map does not need load on demand, each its own chunk: the
 * commander's authoring, the planner's and the border officer's panels, exports (jsPDF, d3-geo), VN-2000
 * entry (proj4), imports and administration. The map, its worker and the read-only panels load first.
 */
import {
  lazy,
  Suspense,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';
import { useFirstDraw } from '../lib/first-draw.ts';

/** A named export as a lazy component. */
function named<P extends object>(
  load: () => Promise<Record<string, unknown>>,
  name: string,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<P> }));
}

/**
 * Loads its lazy part once the map has drawn the province (on a slow link the chunks would otherwise share
 * the link with the map's own data), and shows nothing while it loads: the panel around it is already there.
 */
export function Later({ children }: { children: ReactNode }) {
  return useFirstDraw() ? <Suspense fallback={null}>{children}</Suspense> : null;
}

export const AdminPanel = named(() => import('../features/admin/admin-panel.tsx'), 'AdminPanel');
export const CampaignActions = named(
  () => import('../features/campaigns/campaign-actions.tsx'),
  'CampaignActions',
);
export const HotspotRegisterForm = named(
  () => import('../features/hotspots/hotspot-register-form.tsx'),
  'HotspotRegisterForm',
);
export const HotspotImport = named(
  () => import('../features/hotspots/hotspot-import.tsx'),
  'HotspotImport',
);
export const FiguresImport = named(
  () => import('../features/figures/figures-import.tsx'),
  'FiguresImport',
);
export const MapExport = named<
  Parameters<typeof import('../features/export/map-export.tsx').MapExport>[0]
>(() => import('../features/export/map-export.tsx'), 'MapExport');
export const SelectionPanel = named(() => import('./selection-panel.tsx'), 'SelectionPanel');
export const BorderPanel = named(
  () => import('../features/border/border-panel.tsx'),
  'BorderPanel',
);
export const RegistryPanel = named(
  () => import('../features/crossings/registry-panel.tsx'),
  'RegistryPanel',
);
export const CandidatePanel = named(
  () => import('../features/candidates/candidate-panel.tsx'),
  'CandidatePanel',
);
