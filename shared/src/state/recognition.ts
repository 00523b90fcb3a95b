/**
 * The way to recognition as drug-free, and a criterion's history, on a date. A plan's unit (commune or village) is
 * in progress until the planner proposes it for appraisal (all 8 criteria met that day); the council appraises it
 * (decision number and date) or returns it; the chairman's decision recognises it (number and date); it is then
 * re-verified periodically; a regression reopens it (back in progress, the regression kept and shown).
 */
import type { Role } from '../policy.ts';
import { recordedBy } from './window.ts';

export const RECOGNITION_STEPS = [
  'proposed',
  'returned',
  'appraised',
  'recognised',
  'reverified',
  'regressed',
] as const;
export type RecognitionStep = (typeof RECOGNITION_STEPS)[number];

export const RECOGNITION_STATES = ['in_progress', 'proposed', 'appraised', 'recognised'] as const;
export type RecognitionState = (typeof RECOGNITION_STATES)[number];

interface StepRule {
  from: readonly RecognitionState[];
  to: RecognitionState;
  roles: readonly Role[];
  /** The step names a decision (number and date). */
  decision: boolean;
}

/**
 * Who may take each step, from which state, to which: the planner proposes and re-verifies; the commander (for the
 * steering committee) records the council's appraisal, a return and the recognition; either records a regression.
 */
export const STEP_RULES: Record<RecognitionStep, StepRule> = {
  proposed: { from: ['in_progress'], to: 'proposed', roles: ['planner'], decision: false },
  returned: {
    from: ['proposed', 'appraised'],
    to: 'in_progress',
    roles: ['commander'],
    decision: false,
  },
  appraised: { from: ['proposed'], to: 'appraised', roles: ['commander'], decision: true },
  recognised: { from: ['appraised'], to: 'recognised', roles: ['commander'], decision: true },
  reverified: {
    from: ['recognised'],
    to: 'recognised',
    roles: ['planner', 'commander'],
    decision: false,
  },
  regressed: {
    from: ['recognised'],
    to: 'in_progress',
    roles: ['planner', 'commander'],
    decision: false,
  },
};

export interface StepRecord {
  step: RecognitionStep;
  /** The day it took effect (a decision's date). */
  on: string;
  /** Orders steps of the same day. */
  seq: number;
}

/** Steps in the order they happened: by day, then by `seq`. */
const ordered = <T extends StepRecord>(steps: readonly T[]) =>
  [...steps].sort((a, b) => a.on.localeCompare(b.on) || a.seq - b.seq);

/**
 * The state on `asOf`, the last recognition and regression by then: steps after the date are not yet known.
 * `regressedOn` is the day of the last regression since the last recognition, if any.
 */
export function recognitionOn<T extends StepRecord>(steps: readonly T[], asOf: string) {
  let state: RecognitionState = 'in_progress';
  let recognisedOn: string | null = null;
  let regressedOn: string | null = null;
  let last: T | null = null;
  for (const s of ordered(steps)) {
    if (!recordedBy(s.on, asOf)) break;
    state = STEP_RULES[s.step].to;
    if (s.step === 'recognised') {
      recognisedOn = s.on;
      regressedOn = null;
    }
    if (s.step === 'regressed') regressedOn = s.on;
    last = s;
  }
  return { state, recognisedOn, regressedOn, last };
}

/** Why a step cannot be taken now, or null when it can: the state, the role, a decision's number, the 8 criteria. */
export function stepRefusal(
  step: RecognitionStep,
  x: {
    state: RecognitionState;
    role: Role;
    decisionNumber: string | null;
    criteriaMet: number;
    lastOn: string | null;
    on: string;
  },
): StepRefusal | null {
  const rule = STEP_RULES[step];
  if (!rule.roles.includes(x.role))
    return { code: 'wrong_role', field: 'step', message: `a ${x.role} may not record "${step}"` };
  if (!rule.from.includes(x.state))
    return {
      code: 'wrong_state',
      field: 'step',
      message: `"${step}" cannot follow the state "${x.state}"`,
    };
  if (rule.decision && !x.decisionNumber?.trim())
    return {
      code: 'decision_missing',
      field: 'decisionNumber',
      message: `"${step}" names its decision (number)`,
    };
  if (step === 'proposed' && x.criteriaMet < 8)
    return {
      code: 'criteria_unmet',
      field: 'step',
      message: `only ${x.criteriaMet} of the 8 criteria are met`,
    };
  if (x.lastOn && x.on < x.lastOn)
    return {
      code: 'before_last_step',
      field: 'on',
      message: `must not be before the last step (${x.lastOn})`,
    };
  return null;
}

/** Why a step is refused, as a code the dashboard words in its language (the message is the API's English). */
export interface StepRefusal {
  code:
    | 'wrong_role'
    | 'wrong_state'
    | 'decision_missing'
    | 'criteria_unmet'
    | 'before_last_step'
    | 'hotspots_active';
  field: string;
  message: string;
}

export interface CheckRecord {
  criterion: number;
  met: boolean;
  checkedOn: string;
  /** Orders checks of the same day (the later one corrects). */
  id: number;
}

/** The criteria met on `asOf` from their history: each criterion's latest check by then says met. */
export function criteriaMetOn(history: readonly CheckRecord[], asOf: string): number[] {
  const latest = new Map<number, CheckRecord>();
  for (const c of history) {
    if (!recordedBy(c.checkedOn, asOf)) continue;
    const prev = latest.get(c.criterion);
    if (!prev || prev.checkedOn < c.checkedOn || (prev.checkedOn === c.checkedOn && prev.id < c.id))
      latest.set(c.criterion, c);
  }
  return [...latest.values()]
    .filter((c) => c.met)
    .map((c) => c.criterion)
    .sort((a, b) => a - b);
}
