/** A campaign's figures on a date: quota progress, report deadlines and progress against the phase objectives. */
import type { ObjectiveComparator, ObjectiveMeasure, PhaseObjective } from '../domain.ts';

export interface ProgressRecord {
  recordedOn: string;
  value: number;
}

/** Sum of progress recorded up to `asOf` inclusive and the share of `target` met (0..n, not capped). */
export function quotaProgress(target: number, entries: readonly ProgressRecord[], asOf: string) {
  let achieved = 0;
  for (const e of entries) if (e.recordedOn <= asOf) achieved += e.value;
  return { achieved, share: target > 0 ? achieved / target : 1 };
}

export interface DeadlineRecord {
  dueOn: string;
  submittedOn: string | null;
}

/**
 * A report deadline on `asOf`: `met` (submitted by the due day), `late` (submitted after it), `missed` (due day
 * passed, nothing submitted by `asOf`), `pending` (not yet due). A submission after `asOf` is not yet known.
 */
export type DeadlineState = 'met' | 'late' | 'missed' | 'pending';

export function deadlineOn(
  d: DeadlineRecord,
  asOf: string,
): { state: DeadlineState; submittedOn: string | null } {
  const submittedOn = d.submittedOn !== null && d.submittedOn <= asOf ? d.submittedOn : null;
  if (submittedOn) return { state: submittedOn <= d.dueOn ? 'met' : 'late', submittedOn };
  return { state: d.dueOn < asOf ? 'missed' : 'pending', submittedOn: null };
}

/** Deadlines counted on `asOf`: those due by then, how many met on time, and the rest by state. */
export function deadlineTally(states: readonly DeadlineState[]) {
  const n = { met: 0, late: 0, missed: 0, pending: 0 };
  for (const s of states) n[s]++;
  const due = n.met + n.late + n.missed;
  return { ...n, due, onTimeShare: due ? n.met / due : null };
}

/** The numbers the measures of the objectives are computed from. */
export interface MeasureInputs {
  /** Hotspots alive on `since` or identified in the range: what the phase had to eliminate. */
  toEliminate: number;
  eliminatedInRange: number;
  reEmergedInRange: number;
  newClustersInRange: number;
  regressions: number;
  drugFree: number;
  /** Every commune counted, assessed or not: an unassessed commune is not drug-free. */
  communes: number;
  /** Villages of the campaign's plans meeting all 8 criteria on the date (their checks' history). */
  villagesFull: number;
}

export function measureValue(m: ObjectiveMeasure, x: MeasureInputs): number {
  switch (m) {
    case 'hotspots_eliminated_share':
      return x.toEliminate ? x.eliminatedInRange / x.toEliminate : 1;
    case 're_emergences':
      return x.reEmergedInRange;
    case 'new_clusters':
      return x.newClustersInRange;
    case 'regressions':
      return x.regressions;
    case 'drug_free_share':
      return x.communes ? x.drugFree / x.communes : 0;
    case 'villages_full':
      return x.villagesFull;
  }
}

export const isShareMeasure = (m: ObjectiveMeasure) => m.endsWith('_share');

export function meetsTarget(
  value: number,
  comparator: ObjectiveComparator,
  target: number,
): boolean {
  if (comparator === 'at_least') return value >= target - 1e-9;
  if (comparator === 'more_than') return value > target + 1e-9;
  return value <= target + 1e-9;
}

export interface ObjectiveProgress extends PhaseObjective {
  /** Present when the objective has a measure and a target. */
  value?: number;
  met?: boolean;
}

/** Each objective with its measured value on the date and whether its own target is met. */
export function objectivesProgress(
  objectives: readonly PhaseObjective[],
  x: MeasureInputs,
): ObjectiveProgress[] {
  return objectives.map((o) => {
    if (!o.measure || o.target === undefined || !o.comparator) return { ...o };
    const value = measureValue(o.measure, x);
    return { ...o, value, met: meetsTarget(value, o.comparator, o.target) };
  });
}

/** A measure's value or target as people read it: shares in whole per cent, counts as they are. */
export function formatMeasure(m: ObjectiveMeasure, v: number): string {
  return isShareMeasure(m) ? `${Math.round(v * 100)}%` : String(v);
}

const COMPARATOR_VI: Record<ObjectiveComparator, string> = {
  at_least: '≥',
  more_than: '>',
  at_most: '≤',
};

/** "≥ 100%", "> 50%", "≤ 0": the target as the plan states it. */
export function targetText(o: PhaseObjective): string {
  return o.measure && o.comparator && o.target !== undefined
    ? `${COMPARATOR_VI[o.comparator]} ${formatMeasure(o.measure, o.target)}`
    : '';
}
