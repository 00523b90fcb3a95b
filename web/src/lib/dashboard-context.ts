/**
 * The dashboard's one snapshot of the chosen view, shared with every panel through React context: panels
 * read the figures of the date here instead of receiving a dozen props. Built in `app/dashboard.tsx`.
 */
import { createContext, useContext } from 'react';
import type { Permission, Role } from '@pcmt/shared/policy';
import type { ViewState } from './url-state.ts';
import type { useViewData } from './use-view-data.ts';

export interface Me {
  username: string;
  role: Role;
  provinceSlug: string | null;
  agencyId: string | null;
  title: string;
  /** The server's day (Asia/Ho_Chi_Minh). */
  today: string;
  /** The basemap's content hash: the versioned URL is kept a year. */
  basemapVersion: string;
}

export interface DashboardModel {
  me: Me;
  view: ViewState;
  setView(patch: Partial<ViewState>, mode?: 'push' | 'replace'): void;
  data: ReturnType<typeof useViewData>;
  /** The day every figure is shown for (the campaign window's as-of date, today before data arrive). */
  asOf: string;
  can(permission: Permission): boolean;
  /** Asks the map for a position: the next click calls `cb` with `[lng, lat]` instead of selecting. */
  pickPoint(cb: ((lngLat: [number, number]) => void) | null): void;
  picking: boolean;
  /** Lets the user draw a line on the map (a patrol's track); null when cancelled or there is no map. */
  drawLine(onStarted?: () => void): Promise<[number, number][] | null>;
  /** Lets the user draw an area on the map (the planner's lasso): its closed ring, or null when cancelled. */
  drawArea(onStarted?: () => void): Promise<[number, number][] | null>;
  cancelDrawing(): void;
  /** Moves the map to an area (a village chosen from a list, drawn only from a close zoom). */
  showOnMap(bbox: [number, number, number, number]): void;
  /** Draws a file being imported over the map (null: takes it away). */
  showOverlay(data: import('geojson').FeatureCollection | null): void;
  unitName(id: string): string;
}

export const DashboardContext = createContext<DashboardModel | null>(null);

/** The dashboard's snapshot; only valid inside the dashboard. */
export function useDashboard(): DashboardModel {
  const m = useContext(DashboardContext);
  if (!m) throw new Error('useDashboard outside <Dashboard>');
  return m;
}
