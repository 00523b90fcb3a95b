/** Domain rules that do not depend on a date; what is true on a date lives in `state/`. */
import { TIER_RANK, type Tier } from './domain.ts';

/** -1 when `to` is worse than `from`, 1 when better, 0 when equal or either is unassessed. */
export function tierChange(from: Tier, to: Tier): -1 | 0 | 1 {
  const a = TIER_RANK[from];
  const b = TIER_RANK[to];
  if (a === null || b === null || a === b) return 0;
  return b > a ? 1 : -1;
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

/** A unit meets the drug-free standard only when all 8 criteria are met. */
export function meetsAllCriteria(checks: readonly { criterion: number; met: boolean }[]): boolean {
  const met = new Set(checks.filter((c) => c.met).map((c) => c.criterion));
  return [1, 2, 3, 4, 5, 6, 7, 8].every((n) => met.has(n));
}
