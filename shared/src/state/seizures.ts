/**
 * Seizures at a crossing on a date: the months of a window and, per month and kind, the amount seized, each unit
 * brought to its measure (mass in kg, tablets, volume in litres), so that grams and kilograms add up.
 */
import type { SeizureUnit } from '../domain.ts';
import { recordedBy } from './window.ts';

export type SeizureMeasure = 'mass' | 'count' | 'volume';

/** Each unit's measure and its factor to the measure's own unit (kg, tablet, litre). */
export const SEIZURE_MEASURE_OF: Record<SeizureUnit, { measure: SeizureMeasure; factor: number }> =
  {
    g: { measure: 'mass', factor: 0.001 },
    kg: { measure: 'mass', factor: 1 },
    tablet: { measure: 'count', factor: 1 },
    ml: { measure: 'volume', factor: 0.001 },
    l: { measure: 'volume', factor: 1 },
  };

export interface SeizureRecord {
  seizedOn: string;
  kind: string;
  quantity: number;
  unit: SeizureUnit;
}

export interface SeizureMonth {
  /** `YYYY-MM` */
  month: string;
  kind: string;
  measure: SeizureMeasure;
  /** In the measure's unit: kg, tablets or litres. */
  amount: number;
  /** How many seizures make it up. */
  count: number;
}

/** The `YYYY-MM` months from `from`'s month to `to`'s, both ISO days, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    out.push(month);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return out;
}

/** The first day of the 12 months that end with `asOf`'s month (the chart's default window). */
export function yearBefore(asOf: string): string {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  const startM = m === 12 ? 1 : m + 1;
  const startY = m === 12 ? y : y - 1;
  return `${startY}-${String(startM).padStart(2, '0')}-01`;
}

/**
 * Per month and kind, the seizures made from `from` to `asOf` (both ISO days, inclusive), as recorded by then;
 * sorted by month, then measure, then kind. Months without a seizure are not listed (see `monthsBetween`).
 */
export function seizuresByMonth(rows: SeizureRecord[], from: string, asOf: string): SeizureMonth[] {
  const sums = new Map<string, SeizureMonth>();
  for (const r of rows) {
    if (r.seizedOn < from || !recordedBy(r.seizedOn, asOf)) continue;
    const { measure, factor } = SEIZURE_MEASURE_OF[r.unit];
    const month = r.seizedOn.slice(0, 7);
    const key = `${month}|${measure}|${r.kind}`;
    const s = sums.get(key) ?? { month, kind: r.kind, measure, amount: 0, count: 0 };
    // Rounded to a milligram (or millilitre): sums of grams stay exact to read.
    s.amount = Math.round((s.amount + r.quantity * factor) * 1e6) / 1e6;
    s.count += 1;
    sums.set(key, s);
  }
  return [...sums.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      a.measure.localeCompare(b.measure) ||
      a.kind.localeCompare(b.kind),
  );
}

/** The window's totals per measure and kind (the chart's table), largest first within a measure. */
export function seizureTotals(months: SeizureMonth[]) {
  const sums = new Map<string, Omit<SeizureMonth, 'month'>>();
  for (const m of months) {
    const key = `${m.measure}|${m.kind}`;
    const s = sums.get(key) ?? { kind: m.kind, measure: m.measure, amount: 0, count: 0 };
    s.amount = Math.round((s.amount + m.amount) * 1e6) / 1e6;
    s.count += m.count;
    sums.set(key, s);
  }
  return [...sums.values()].sort(
    (a, b) => a.measure.localeCompare(b.measure) || b.amount - a.amount,
  );
}
