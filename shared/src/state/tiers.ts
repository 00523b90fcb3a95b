/**
 * The tier of a unit on a date. Rule for several assessments on one day: a later entry of that day is a
 * correction and supersedes the earlier one; `seq` numbers a day's entries 0, 1, 2… and the database keeps
 * (unit, day, seq) unique, so the order is total.
 */
import { TIERS, type Tier } from '../domain.ts';

export interface DatedTier {
  assessedOn: string;
  /** Order of the entries of one day: a higher one corrects a lower one. 0 when absent. */
  seq?: number;
  tier: Tier;
}

/** True when `a` comes after `b` in the history (later day, or the same day and a correction of it). */
const after = (a: DatedTier, b: DatedTier) =>
  a.assessedOn > b.assessedOn || (a.assessedOn === b.assessedOn && (a.seq ?? 0) >= (b.seq ?? 0));

/** The assessment in force on `date` (ISO): the latest on or before it, a same-day correction winning (on equal seq, the later row). */
export function assessmentOn<T extends DatedTier>(history: readonly T[], date: string): T | null {
  let best: T | null = null;
  for (const a of history) if (a.assessedOn <= date && (!best || after(a, best))) best = a;
  return best;
}

/** The tier of a unit on `date`, `unassessed` when nothing was assessed by then. */
export const tierOn = (history: readonly DatedTier[], date: string): Tier =>
  assessmentOn(history, date)?.tier ?? 'unassessed';

/** Assessment rows of many units grouped by unit id, ready for `tierOn`. */
export function groupByUnit<T extends DatedTier & { unitId: string }>(rows: readonly T[]) {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.unitId);
    if (list) list.push(r);
    else m.set(r.unitId, [r]);
  }
  return m;
}

/** Units per tier, every tier present (zero when none). */
export function countTiers(tiers: readonly Tier[]): Record<Tier, number> {
  const out = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  for (const t of tiers) out[t]++;
  return out;
}
