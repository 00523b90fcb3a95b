/**
 * Every figure of a view on one date, from the records the API serves: the one function the server's
 * reports, the API and the web's view hook all call. Add a dated figure here first, then show it.
 */
import { TIER_RANK, type HotspotStatus, type PhaseObjective, type Tier } from '../domain.ts';
import { tierChange } from '../rules.ts';
import {
  deadlineOn,
  deadlineTally,
  objectivesProgress,
  quotaProgress,
  type DeadlineState,
  type ProgressRecord,
} from './campaign.ts';
import { hotspotsIn, type AgeLimits, type HotspotRecord, type HotspotState } from './hotspots.ts';
import { criteriaMetOn, type CheckRecord } from './recognition.ts';
import { assessmentOn, countTiers, type DatedTier } from './tiers.ts';

export interface SnapshotUnit {
  id: string;
  parentId: string | null;
  /** Units this one was formed from (the crosswalk): they give its tier on a date before it existed. */
  predecessorIds?: readonly string[];
}
export interface SnapshotQuota {
  id: string;
  target: number;
  phaseId: string | null;
  entries: readonly ProgressRecord[];
}
export interface SnapshotDeadline {
  id: string;
  phaseId: string | null;
  dueOn: string;
  submittedOn: string | null;
}

export interface SnapshotInput<H extends HotspotRecord = HotspotRecord> {
  asOf: string;
  since: string;
  /** The campaign's first day: tiers "at the start" are read on it. */
  campaignStart: string;
  /** The phase shown, or null for the whole campaign: quotas and deadlines of other phases are left out. */
  phaseId: string | null;
  units: readonly SnapshotUnit[];
  assessments: ReadonlyMap<string, readonly DatedTier[]>;
  hotspots: readonly H[];
  ageLimits: AgeLimits;
  quotas: readonly SnapshotQuota[];
  deadlines: readonly SnapshotDeadline[];
  objectives: readonly PhaseObjective[];
  /** Narrow every count to these units (a district and its communes, or one commune). */
  focus?: ReadonlySet<string> | null;
  /**
   * The plans of villages in the campaign, each with every check of its 8 criteria: a village counts once when any
   * of its plans is at 8/8; counted whole (a focus on a district or commune does not narrow them).
   */
  villages?: readonly { unitId: string; checks: readonly CheckRecord[] }[];
}

export interface UnitOnDate {
  id: string;
  tier: Tier;
  startTier: Tier;
  assessedOn: string | null;
  regressed: boolean;
  /** The tier is its predecessors' (the worst of them): the unit has no assessment of its own yet. */
  inherited: boolean;
}

const inPhase = (phaseId: string | null) => (x: { phaseId: string | null }) =>
  phaseId === null || x.phaseId === null || x.phaseId === phaseId;

/** The worst ranked tier of a list (type I worst), `unassessed` when none is ranked. */
function worst(tiers: readonly Tier[]): Tier {
  let best: Tier = 'unassessed';
  for (const t of tiers) {
    const r = TIER_RANK[t];
    const b = TIER_RANK[best];
    if (r !== null && (b === null || r < b)) best = t;
  }
  return best;
}

/** A unit's tier on `date`: its own assessment, else (before it existed) the worst of its predecessors'. */
function tierAt(u: SnapshotUnit, history: SnapshotInput['assessments'], date: string): Tier {
  const own = assessmentOn(history.get(u.id) ?? [], date);
  if (own) return own.tier;
  const before = (u.predecessorIds ?? []).map((p) => assessmentOn(history.get(p) ?? [], date));
  return worst(before.filter((a) => a !== null).map((a) => a!.tier));
}

export function snapshotOn<H extends HotspotRecord>(x: SnapshotInput<H>) {
  const { asOf, since } = x;
  const units: UnitOnDate[] = x.units.map((u) => {
    const now = assessmentOn(x.assessments.get(u.id) ?? [], asOf);
    // A unit formed by a reform or a boundary import carries its predecessors' worst tier until it is assessed.
    const tier = now?.tier ?? tierAt(u, x.assessments, asOf);
    const startTier = tierAt(u, x.assessments, x.campaignStart);
    return {
      id: u.id,
      tier,
      startTier,
      assessedOn: now?.assessedOn ?? null,
      regressed: tierChange(startTier, tier) === -1,
      inherited: !now && tier !== 'unassessed',
    };
  });
  const focus = x.focus ?? null;
  const counted = focus ? units.filter((u) => focus.has(u.id)) : units;
  const all = hotspotsIn(x.hotspots, { since, asOf }, x.ageLimits);
  const hotspots: HotspotState<H>[] = focus ? all.filter((h) => focus.has(h.unitId)) : all;

  const status: Record<HotspotStatus, number> = { active: 0, re_emerged: 0, eliminated: 0 };
  for (const h of hotspots) status[h.status]++;
  const overdue = hotspots
    .filter((h) => h.overdue)
    .sort((a, b) => b.ageDays - a.ageDays || (a.id < b.id ? -1 : 1));
  const regressions = counted
    .filter((u) => u.regressed)
    .map((u) => ({ id: u.id, from: u.startTier, to: u.tier }));
  const tiers = countTiers(counted.map((u) => u.tier));
  const quotas = x.quotas
    .filter(inPhase(x.phaseId))
    .map((q) => ({ id: q.id, target: q.target, ...quotaProgress(q.target, q.entries, asOf) }));
  const deadlines: {
    id: string;
    dueOn: string;
    submittedOn: string | null;
    state: DeadlineState;
  }[] = x.deadlines
    .filter(inPhase(x.phaseId))
    .map((d) => ({ id: d.id, dueOn: d.dueOn, ...deadlineOn(d, asOf) }));
  const measures = {
    toEliminate: hotspots.length,
    eliminatedInRange: status.eliminated,
    reEmergedInRange: hotspots.filter((h) => h.reEmergedFromId && h.identifiedOn >= since).length,
    newClustersInRange: hotspots.filter(
      (h) => h.kind === 'complex_cluster' && !h.reEmergedFromId && h.identifiedOn >= since,
    ).length,
    regressions: regressions.length,
    drugFree: tiers.drug_free,
    communes: counted.length,
    villagesFull: new Set(
      (x.villages ?? [])
        .filter((v) => criteriaMetOn(v.checks, asOf).length === 8)
        .map((v) => v.unitId),
    ).size,
  };
  return {
    asOf,
    since,
    units,
    hotspots,
    counts: {
      communes: counted.length,
      tiers,
      startTiers: countTiers(counted.map((u) => u.startTier)),
      status,
      overdue: overdue.length,
    },
    regressions,
    overdue,
    quotas,
    deadlines,
    deadlineTally: deadlineTally(deadlines.map((d) => d.state)),
    measures,
    objectives: objectivesProgress(x.objectives, measures),
  };
}
export type Snapshot<H extends HotspotRecord = HotspotRecord> = ReturnType<typeof snapshotOn<H>>;
