/** Commune figures on a date: which period's figures are in force (shared/src/figures.ts holds the fields). */
import type { FiguresRow } from '../figures.ts';

/** The figures in force on `date`: of the latest period begun by then, as recorded by then; one row per unit. */
export function figuresOn<
  R extends Pick<FiguresRow, 'unitId' | 'periodFrom' | 'periodTo' | 'recordedOn'>,
>(rows: readonly R[], date: string): Map<string, R> {
  const out = new Map<string, R>();
  for (const r of rows) {
    if (r.periodFrom > date || r.recordedOn > date) continue;
    const cur = out.get(r.unitId);
    if (
      !cur ||
      r.periodFrom > cur.periodFrom ||
      (r.periodFrom === cur.periodFrom && r.periodTo > cur.periodTo)
    )
      out.set(r.unitId, r);
  }
  return out;
}

/** The day whose units a period's figures are entered for: its last day, or today while it runs. */
export const periodEraDay = (periodTo: string, today: string) =>
  periodTo < today ? periodTo : today;
