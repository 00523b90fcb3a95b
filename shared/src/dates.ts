/** Dates are ISO `YYYY-MM-DD` strings meaning a calendar day in Asia/Ho_Chi_Minh. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written as `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The calendar day in Asia/Ho_Chi_Minh (UTC+7, no DST) of an instant. */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` → `dd/mm/yyyy`, the form Vietnamese users read. */
export function formatViDate(iso: string): string {
  const m = ISO.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Adds whole calendar months to an ISO date, clamping to the month's last day. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** An ISO date `days` calendar days later (earlier when negative). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

/** `dd/mm/yyyy` (or d/m/yyyy, with / . or -) → `YYYY-MM-DD`, or null when it is not a real calendar date. */
export function parseViDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** The day the July 2025 reform took effect (63 → 34 provinces, districts abolished): the first day of the new era. */
export const REFORM_DAY = '2025-07-01';

/**
 * True when something valid from `validFrom` (null: always was) until `validTo` (exclusive; null: still is) exists on
 * at least one day of the span: a unit, or an agency by its unit.
 */
export function existsDuring(
  u: { validFrom: string | null; validTo: string | null },
  span: { startsOn: string; endsOn: string },
) {
  return (u.validFrom ?? '') <= span.endsOn && (u.validTo === null || u.validTo > span.startsOn);
}

/** dd/mm/yyyy hh:mm in Vietnam's time, as the users read it. */
export function formatViDateTime(iso: string): string {
  const at = new Date(iso);
  const clock = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(11, 16);
  return `${formatViDate(vietnamDay(at))} ${clock}`;
}
