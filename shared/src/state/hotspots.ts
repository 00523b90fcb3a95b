/** A hotspot on a date: visible or not, status, age in days and overdue by its campaign's age limits. */
import { addMonths, daysBetween } from '../dates.ts';
import type { HotspotKind, HotspotStatus } from '../domain.ts';

export interface HotspotRecord {
  id: string;
  kind: HotspotKind;
  unitId: string;
  identifiedOn: string;
  eliminatedOn: string | null;
  reEmergedFromId: string | null;
}

export type AgeLimits = Partial<Record<HotspotKind, number>>;

/**
 * The one default for hotspot age limits, in months after identification: a complex point 3, a cluster 6
 * (Thanh Hóa 2023 plan, seed 001). A campaign's own limits override it per kind.
 */
export const DEFAULT_AGE_LIMIT_MONTHS: Readonly<AgeLimits> = Object.freeze({
  complex_point: 3,
  complex_cluster: 6,
});

/** The limits that apply to a campaign: its own per kind, the default for the kinds it does not set. */
export function effectiveAgeLimits(own: AgeLimits | null | undefined): AgeLimits {
  return { ...DEFAULT_AGE_LIMIT_MONTHS, ...(own ?? {}) };
}

/** True when the campaign sets none of its own limits (the UI marks the default "giả định"). */
export const usesDefaultAgeLimits = (own: AgeLimits | null | undefined) =>
  !own || Object.keys(own).length === 0;

export interface HotspotOnDate {
  status: HotspotStatus;
  /** Days from identification to `asOf`, or to the elimination for one eliminated by then. */
  ageDays: number;
  overdue: boolean;
  /** The elimination date if it happened by `asOf`, else null (a later elimination is not yet known). */
  eliminatedOn: string | null;
}

/** The state of a hotspot on `asOf`, or null when it was not yet identified then. */
export function hotspotOn(h: HotspotRecord, asOf: string, limits: AgeLimits): HotspotOnDate | null {
  if (h.identifiedOn > asOf) return null;
  const eliminatedOn = h.eliminatedOn !== null && h.eliminatedOn <= asOf ? h.eliminatedOn : null;
  const status: HotspotStatus = eliminatedOn
    ? 'eliminated'
    : h.reEmergedFromId
      ? 're_emerged'
      : 'active';
  const months = limits[h.kind];
  const overdue =
    status !== 'eliminated' && months !== undefined && addMonths(h.identifiedOn, months) < asOf;
  return {
    status,
    ageDays: daysBetween(h.identifiedOn, eliminatedOn ?? asOf),
    overdue,
    eliminatedOn,
  };
}

/**
 * True when the hotspot belongs on a view of [since, asOf]: identified by `asOf` and either still alive
 * on `asOf` or eliminated within the range.
 */
export function visibleIn(h: HotspotRecord, since: string, asOf: string): boolean {
  return (
    h.identifiedOn <= asOf &&
    (h.eliminatedOn === null || h.eliminatedOn > asOf || h.eliminatedOn >= since)
  );
}

export type HotspotState<H extends HotspotRecord = HotspotRecord> = H & HotspotOnDate;

/** The hotspots of a view on a window, each with its state on `asOf`, in identification order. */
export function hotspotsIn<H extends HotspotRecord>(
  list: readonly H[],
  w: { since: string; asOf: string },
  limits: AgeLimits,
): HotspotState<H>[] {
  const out: HotspotState<H>[] = [];
  for (const h of list) {
    if (!visibleIn(h, w.since, w.asOf)) continue;
    out.push({ ...h, ...hotspotOn(h, w.asOf, limits)! });
  }
  return out;
}
