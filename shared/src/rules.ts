import { addMonths } from './dates.ts';
import { TIER_RANK, type HotspotKind, type HotspotStatus, type Tier } from './domain.ts';

export interface DatedTier {
  assessedOn: string;
  tier: Tier;
}

/** The tier of a unit on `date` (ISO): its latest assessment on or before that date, else `unassessed`. */
export function tierOn(assessments: readonly DatedTier[], date: string): Tier {
  let best: DatedTier | undefined;
  for (const a of assessments) {
    if (a.assessedOn <= date && (!best || a.assessedOn >= best.assessedOn)) best = a;
  }
  return best?.tier ?? 'unassessed';
}

/** -1 when `to` is worse than `from`, 1 when better, 0 when equal or either is unassessed. */
export function tierChange(from: Tier, to: Tier): -1 | 0 | 1 {
  const a = TIER_RANK[from];
  const b = TIER_RANK[to];
  if (a === null || b === null || a === b) return 0;
  return b > a ? 1 : -1;
}

export interface HotspotDates {
  identifiedOn: string;
  eliminatedOn: string | null;
  reEmergedFromId: string | null;
}

/** Status on `date`, or null when the hotspot was not yet identified then. */
export function hotspotStatusOn(h: HotspotDates, date: string): HotspotStatus | null {
  if (h.identifiedOn > date) return null;
  if (h.eliminatedOn !== null && h.eliminatedOn <= date) return 'eliminated';
  return h.reEmergedFromId ? 're_emerged' : 'active';
}

/** Months a hotspot kind may stay alive after identification (Thanh Hóa 2023 plan); null = no limit. */
export const DEFAULT_AGE_LIMIT_MONTHS: Partial<Record<HotspotKind, number>> = {
  complex_point: 3,
  complex_cluster: 6,
};

/** True when a hotspot still alive on `date` has outlived its kind's age limit. */
export function isOverdue(
  h: HotspotDates & { kind: HotspotKind },
  date: string,
  limits: Partial<Record<HotspotKind, number>> = DEFAULT_AGE_LIMIT_MONTHS,
): boolean {
  const months = limits[h.kind];
  const status = hotspotStatusOn(h, date);
  if (months === undefined || status === null || status === 'eliminated') return false;
  return addMonths(h.identifiedOn, months) < date;
}

export interface DatedSpan {
  startsOn: string;
  endsOn: string;
}

/** The span (phase) that contains `date`, both ends inclusive. */
export function spanContaining<T extends DatedSpan>(
  spans: readonly T[],
  date: string,
): T | undefined {
  return spans.find((s) => s.startsOn <= date && date <= s.endsOn);
}

/** Sum of progress values up to `date` inclusive, and the share of `target` met (0..n, not capped). */
export function quotaProgress(
  target: number,
  entries: readonly { recordedOn: string; value: number }[],
  date: string,
): { achieved: number; share: number } {
  const achieved = entries.filter((e) => e.recordedOn <= date).reduce((s, e) => s + e.value, 0);
  return { achieved, share: target > 0 ? achieved / target : 1 };
}

/** A unit meets the drug-free standard only when all 8 criteria are met. */
export function meetsAllCriteria(checks: readonly { criterion: number; met: boolean }[]): boolean {
  const met = new Set(checks.filter((c) => c.met).map((c) => c.criterion));
  return [1, 2, 3, 4, 5, 6, 7, 8].every((n) => met.has(n));
}
