/** A border alert on a date: not yet raised, open, acknowledged or resolved (the rule: shared/src/border-rules.ts). */
import { recordedBy } from './window.ts';

export const ALERT_STATES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export interface AlertRecord {
  raisedOn: string;
  acknowledgedOn: string | null;
  resolvedOn: string | null;
}

/** The alert's state as of `asOf`; null when it was raised later. A resolution after the date is not yet known. */
export function alertOn(a: AlertRecord, asOf: string): AlertState | null {
  if (!recordedBy(a.raisedOn, asOf)) return null;
  if (a.resolvedOn && recordedBy(a.resolvedOn, asOf)) return 'resolved';
  if (a.acknowledgedOn && recordedBy(a.acknowledgedOn, asOf)) return 'acknowledged';
  return 'open';
}

/** The alerts standing on a date, the ones needing action first (open, then acknowledged, newest first). */
export function alertsOn<A extends AlertRecord>(
  alerts: readonly A[],
  asOf: string,
): (A & { state: AlertState })[] {
  const rank: Record<AlertState, number> = { open: 0, acknowledged: 1, resolved: 2 };
  return alerts
    .map((a) => ({ a, state: alertOn(a, asOf) }))
    .filter((x): x is { a: A; state: AlertState } => x.state !== null)
    .map(({ a, state }) => ({ ...a, state }))
    .sort((x, y) => rank[x.state] - rank[y.state] || y.raisedOn.localeCompare(x.raisedOn));
}
