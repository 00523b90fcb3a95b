/**
 * A transformation plan on a date: which of its 8 criteria were met by then and which tasks existed and
 * were done. `criterionMetOn` reads a criterion's latest check only (a check made after the date reads as not yet
 * made); where the history is at hand, `criteriaMetOn` of `state/recognition.ts` reads it exactly.
 */

import { recordedBy } from './window.ts';

/** A criterion met on `asOf`: its check says met and was made by then. */
export const criterionMetOn = (
  check: { met: boolean; checkedOn: string } | undefined,
  asOf: string,
): boolean => !!check?.met && recordedBy(check.checkedOn, asOf);

/**
 * The tasks of a plan on `asOf`: those created by then, done only if marked done by then, overdue when not done by
 * then and their deadline (the last allowed day) has passed.
 */
export function tasksOn<
  T extends { createdOn: string; status: string; doneOn: string | null; dueOn: string },
>(tasks: readonly T[], asOf: string): (T & { doneOnDate: boolean; overdue: boolean })[] {
  return tasks
    .filter((t) => recordedBy(t.createdOn, asOf))
    .map((t) => {
      const doneOnDate = t.status === 'done' && recordedBy(t.doneOn, asOf);
      return { ...t, doneOnDate, overdue: !doneOnDate && t.dueOn < asOf };
    });
}

/**
 * The plan a unit's panel shows among its plans: the one of the campaign in view, an open one before an achieved
 * one, the later before the earlier; else the unit's latest plan of any campaign.
 */
export function planFor<
  T extends { unitId: string; campaignId: string | null; status: string; createdAt: string },
>(plans: readonly T[], unitId: string, campaignId: string | null): T | undefined {
  const own = plans.filter((p) => p.unitId === unitId);
  const rank = (p: T) => [p.campaignId === campaignId ? 0 : 1, p.status === 'achieved' ? 1 : 0];
  return [...own].sort((a, b) => {
    const [ca, sa] = rank(a);
    const [cb, sb] = rank(b);
    return ca! - cb! || sa! - sb! || b.createdAt.localeCompare(a.createdAt);
  })[0];
}
