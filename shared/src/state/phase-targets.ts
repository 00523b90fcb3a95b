/**
 * A plan's target tier per phase on a date: each phase's target is met when the unit's tier on the phase's last day
 * ranks at least as well as the target; a phase still running reads the tier today (`on_track` or `behind`).
 */
import { TIER_RANK, type PhaseTarget, type Tier } from '../domain.ts';
import { tierOn, type DatedTier } from './tiers.ts';

export type PhaseTargetState = 'met' | 'missed' | 'on_track' | 'behind' | 'not_started';

export interface PhaseSpan {
  id: string;
  ordinal: number;
  startsOn: string;
  endsOn: string;
}

/** True when `tier` is as good as `target` or better (an unassessed unit reaches nothing). */
export function reaches(tier: Tier, target: Tier): boolean {
  const r = TIER_RANK[tier];
  const t = TIER_RANK[target];
  return r !== null && t !== null && r >= t;
}

export function phaseTargetsOn(
  targets: readonly PhaseTarget[],
  phases: readonly PhaseSpan[],
  history: readonly DatedTier[],
  asOf: string,
) {
  return targets
    .map((t) => ({ t, phase: phases.find((p) => p.id === t.phaseId) }))
    .filter((x): x is { t: PhaseTarget; phase: PhaseSpan } => !!x.phase)
    .sort((a, b) => a.phase.ordinal - b.phase.ordinal)
    .map(({ t, phase }) => {
      const ended = phase.endsOn < asOf;
      const readOn = ended ? phase.endsOn : asOf;
      const tier = tierOn(history, readOn);
      const ok = reaches(tier, t.tier);
      const state: PhaseTargetState =
        phase.startsOn > asOf
          ? 'not_started'
          : ended
            ? ok
              ? 'met'
              : 'missed'
            : ok
              ? 'on_track'
              : 'behind';
      return {
        phaseId: phase.id,
        ordinal: phase.ordinal,
        endsOn: phase.endsOn,
        target: t.tier,
        tier,
        state,
      };
    });
}

/**
 * Why a list of phase targets is refused, or null: each phase once, and no phase's target worse than an earlier
 * phase's (a plan does not aim backwards).
 */
export function phaseTargetsProblem(
  targets: readonly PhaseTarget[],
  phases: readonly PhaseSpan[],
): { index: number; message: string } | null {
  const seen = new Set<string>();
  let best: { rank: number; ordinal: number } | null = null;
  const ordered = targets
    .map((t, index) => ({ t, index, phase: phases.find((p) => p.id === t.phaseId) }))
    .sort((a, b) => (a.phase?.ordinal ?? 0) - (b.phase?.ordinal ?? 0));
  for (const { t, index, phase } of ordered) {
    if (!phase) return { index, message: 'must be a phase of the plan’s campaign' };
    if (seen.has(t.phaseId)) return { index, message: 'names a phase twice' };
    seen.add(t.phaseId);
    const rank = TIER_RANK[t.tier];
    if (rank === null) return { index, message: 'a target is a tier, not "unassessed"' };
    if (best && rank < best.rank)
      return { index, message: `is worse than the target of phase ${best.ordinal}` };
    best = { rank, ordinal: phase.ordinal };
  }
  return null;
}
