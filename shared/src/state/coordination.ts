/**
 * Cross-border coordination on a date: a follow-up's state (done, overdue, open) and the plan's targets measured from
 * the events held in the window (meetings per level, training, exchanges, joint cases, patrols, people verified and
 * crop area destroyed).
 */
import type {
  CoordinationMeasure,
  CoordinationTarget,
  EventKind,
  MeetingLevel,
} from '../domain.ts';
import { recordedBy } from './window.ts';

export interface FollowUpRecord {
  dueOn: string;
  doneOn: string | null;
}
export type FollowUpState = 'done' | 'overdue' | 'open';

/** Done when done by `asOf`; overdue once its deadline has passed undone; a completion after the date is not yet known. */
export function followUpOn(f: FollowUpRecord, asOf: string): FollowUpState {
  if (recordedBy(f.doneOn, asOf)) return 'done';
  return f.dueOn < asOf ? 'overdue' : 'open';
}

export interface CoordinationEventRecord {
  kind: string;
  level: string | null;
  occurredOn: string;
  quantity: number | null;
}

const MEETING_OF: Partial<Record<CoordinationMeasure, MeetingLevel>> = {
  meetings_border_provinces: 'border_provinces',
  meetings_three_province: 'three_province',
  meetings_department: 'department',
  meetings_blo: 'blo',
  meetings_gate: 'gate',
};
const KIND_OF: Partial<Record<CoordinationMeasure, EventKind>> = {
  training: 'training',
  information_exchange: 'information_exchange',
  joint_case: 'joint_case',
  joint_patrol: 'joint_patrol',
};

/** What one event adds to a measure. */
export function eventCounts(m: CoordinationMeasure, e: CoordinationEventRecord): number {
  const level = MEETING_OF[m];
  if (level) return e.kind === 'meeting' && e.level === level ? 1 : 0;
  if (m === 'fugitives_verified') return e.kind === 'fugitive_verification' ? (e.quantity ?? 0) : 0;
  if (m === 'crop_area_m2') return e.kind === 'crop_eradication' ? (e.quantity ?? 0) : 0;
  if (m === 'joint_case') return e.kind === 'joint_case' ? (e.quantity ?? 1) : 0;
  return e.kind === KIND_OF[m] ? 1 : 0;
}

export interface CoordinationKpi extends CoordinationTarget {
  actual: number;
  /** Null when the plan states no number. */
  met: boolean | null;
}

/** The events held from `since` to `asOf`, both days included: what the plan's figures and the map's tracks count. */
export const heldIn = <E extends { occurredOn: string }>(
  events: readonly E[],
  since: string,
  asOf: string,
): E[] => events.filter((e) => e.occurredOn >= since && e.occurredOn <= asOf);

/** Each target of the plan against the events held from `since` to `asOf` (both days included). */
export function coordinationKpis(
  events: readonly CoordinationEventRecord[],
  targets: readonly CoordinationTarget[],
  since: string,
  asOf: string,
): CoordinationKpi[] {
  const held = heldIn(events, since, asOf);
  return targets.map((t) => {
    const actual = held.reduce((n, e) => n + eventCounts(t.measure, e), 0);
    return { ...t, actual, met: t.target === null ? null : actual >= t.target };
  });
}
