/**
 * The planner's candidates on a date: which communes to carry to drug-free next, "easy first, hard later". A
 * commune's distance from drug-free adds its tier, its unmet criteria (of the 8), its active hotspots and its trend
 * since the campaign start; each term is kept as a reason the panel puts in words. The what-if projection counts
 * the drug-free communes per year if each chosen commune becomes drug-free in its planned year.
 */
import type { Tier } from '../domain.ts';
import { tierChange } from '../rules.ts';

export interface CandidateFacts {
  id: string;
  population: number | null;
  tier: Tier;
  /** The tier at the campaign (or year) start: the trend is measured from it. */
  startTier: Tier;
  /** The criteria met on the date, by number; null when no check was ever recorded. */
  criteriaMet: readonly number[] | null;
  activeHotspots: number;
  /** Metres to the border line; null when not measured. */
  borderDistanceM: number | null;
  /** Whether the province's rule makes it a border commune (xã biên giới). */
  borderCommune: boolean;
  /** Metres to the nearest key route; null when the province has none. */
  routeDistanceM: number | null;
  /** It already has an open transformation plan. */
  inPlan: boolean;
}

export type Reason =
  | { code: 'tier'; tier: Tier }
  | { code: 'criteria'; unmet: number[] }
  | { code: 'no_checks' }
  | { code: 'hotspots'; n: number }
  | { code: 'worse'; from: Tier }
  | { code: 'better'; from: Tier }
  /** All 8 criteria met and no hotspot alive: it can be proposed for appraisal now. */
  | { code: 'ready' };

export interface Candidate extends CandidateFacts {
  /** How far from drug-free (0 = drug-free): the sum of the reasons' weights. */
  distance: number;
  reasons: Reason[];
  pinned: boolean;
}

/** The weight of each tier on the way to drug-free: type I is the farthest. */
export const TIER_DISTANCE: Record<Tier, number> = {
  drug_free: 0,
  has_activity: 2,
  type_3: 4,
  unassessed: 4,
  type_2: 6,
  type_1: 8,
};
const ALL = [1, 2, 3, 4, 5, 6, 7, 8];

/** The distance from drug-free with its reasons, each reason's weight in the order the panel prints them. */
export function distanceFromDrugFree(c: CandidateFacts): { distance: number; reasons: Reason[] } {
  const reasons: Reason[] = [];
  let distance = TIER_DISTANCE[c.tier];
  if (c.tier !== 'drug_free') reasons.push({ code: 'tier', tier: c.tier });
  if (c.criteriaMet === null) {
    // No check yet: every criterion still to be shown (counted as unmet).
    distance += ALL.length;
    reasons.push({ code: 'no_checks' });
  } else {
    const unmet = ALL.filter((n) => !c.criteriaMet!.includes(n));
    distance += unmet.length;
    if (unmet.length > 0) reasons.push({ code: 'criteria', unmet });
  }
  if (c.activeHotspots > 0) {
    distance += 2 * c.activeHotspots;
    reasons.push({ code: 'hotspots', n: c.activeHotspots });
  }
  const trend = tierChange(c.startTier, c.tier);
  if (trend < 0) {
    distance += 2;
    reasons.push({ code: 'worse', from: c.startTier });
  } else if (trend > 0) {
    distance -= 1;
    reasons.push({ code: 'better', from: c.startTier });
  }
  if (c.criteriaMet?.length === ALL.length && c.activeHotspots === 0)
    reasons.push({ code: 'ready' });
  return { distance: Math.max(0, distance), reasons };
}

/**
 * Candidates ranked easy first: the pinned ones on top in the planner's order, then the rest by distance (then
 * population, larger first, then id). Drug-free communes are not candidates.
 */
export function rankCandidates<T extends CandidateFacts>(
  list: readonly T[],
  pins: readonly string[],
): (T & Candidate)[] {
  const ranked = list
    .filter((c) => c.tier !== 'drug_free')
    .map((c) => ({ ...c, ...distanceFromDrugFree(c), pinned: pins.includes(c.id) }));
  const pinOrder = (c: Candidate) => pins.indexOf(c.id);
  return ranked.sort(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) ||
      (a.pinned ? pinOrder(a) - pinOrder(b) : 0) ||
      a.distance - b.distance ||
      (b.population ?? 0) - (a.population ?? 0) ||
      a.id.localeCompare(b.id),
  );
}

export interface CandidateFilter {
  tiers?: readonly Tier[];
  /** At least this many of the 8 criteria met (a commune without checks has 0). */
  minCriteria?: number;
  /** Only communes with (true) or without (false) active hotspots. */
  activeHotspots?: boolean;
  trend?: 'worse' | 'better' | 'same';
  borderOnly?: boolean;
  /** Within this many metres of a key route (a buffer along the routes). */
  routeWithinM?: number;
  minPopulation?: number;
  maxPopulation?: number;
  notInPlan?: boolean;
}

/** The candidates the filter keeps; an absent field keeps every commune. */
export function filterCandidates<T extends CandidateFacts>(
  list: readonly T[],
  f: CandidateFilter,
): T[] {
  return list.filter((c) => {
    if (f.tiers?.length && !f.tiers.includes(c.tier)) return false;
    if (f.minCriteria && (c.criteriaMet?.length ?? 0) < f.minCriteria) return false;
    if (f.activeHotspots !== undefined && c.activeHotspots > 0 !== f.activeHotspots) return false;
    if (f.trend) {
      const t = tierChange(c.startTier, c.tier);
      if ((f.trend === 'worse' ? -1 : f.trend === 'better' ? 1 : 0) !== t) return false;
    }
    if (f.borderOnly && !c.borderCommune) return false;
    if (
      f.routeWithinM !== undefined &&
      (c.routeDistanceM === null || c.routeDistanceM > f.routeWithinM)
    )
      return false;
    if (f.minPopulation !== undefined && (c.population ?? 0) < f.minPopulation) return false;
    if (f.maxPopulation !== undefined && (c.population ?? 0) > f.maxPopulation) return false;
    if (f.notInPlan && c.inPlan) return false;
    return true;
  });
}

/** The selection's statistics: how many, their people, their tiers and how many criteria they still lack. */
export function selectionStats(list: readonly CandidateFacts[]) {
  const tiers: Partial<Record<Tier, number>> = {};
  let population = 0;
  let gaps = 0;
  for (const c of list) {
    tiers[c.tier] = (tiers[c.tier] ?? 0) + 1;
    population += c.population ?? 0;
    gaps += ALL.length - (c.criteriaMet?.length ?? 0);
  }
  return { count: list.length, population, tiers, criteriaGaps: gaps };
}

export interface Target {
  label: string;
  /** The year by which the share must be reached. */
  year: number;
  /** Share of the province's communes drug-free, 0–1. */
  share: number;
}

/**
 * The share of drug-free communes at the end of each year from `fromYear` to `toYear`: those drug-free now, plus
 * each chosen commune from the end of its planned year (none is assumed to fall back).
 */
export function projectDrugFree(
  total: number,
  drugFreeNow: number,
  plannedYears: readonly number[],
  fromYear: number,
  toYear: number,
): { year: number; count: number; share: number }[] {
  const out = [];
  for (let year = fromYear; year <= toYear; year++) {
    const count = Math.min(total, drugFreeNow + plannedYears.filter((y) => y <= year).length);
    out.push({ year, count, share: total > 0 ? count / total : 0 });
  }
  return out;
}

/** Whether the projection reaches the target's share by its year (a year past the projection: its last year). */
export function meetsTarget(
  projection: readonly { year: number; share: number }[],
  t: Target,
): boolean {
  const by = projection.filter((p) => p.year <= t.year).at(-1);
  return !!by && by.share + 1e-9 >= t.share;
}

/** Planned years by rank: `perYear` communes a year from `firstYear`, in the order given. */
export function yearsByPace(ids: readonly string[], perYear: number, firstYear: number) {
  const pace = Math.max(1, Math.floor(perYear));
  return new Map(ids.map((id, i) => [id, firstYear + Math.floor(i / pace)]));
}
