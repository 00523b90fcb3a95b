/**
 * The dashboard's figures for a view, derived from the API's answers with the shared state-on-a-date module.
 * Pure (no React): the hook calls it on every date step, and the tests call it with the API's payloads to
 * check that screen and report agree.
 */
import type { PhaseObjective, Tier } from '@pcmt/shared/domain';
import type { HotspotRecord } from '@pcmt/shared/state/hotspots';
import { snapshotOn } from '@pcmt/shared/state/snapshot';
import { groupByUnit } from '@pcmt/shared/state/tiers';
import { viewWindow, type WindowPhase } from '@pcmt/shared/state/window';

export interface ViewPhase extends WindowPhase {
  objectives: PhaseObjective[];
}
export interface CampaignInput {
  id: string;
  startsOn: string;
  endsOn: string;
  phases: ViewPhase[];
}
export interface DetailInput {
  effectiveAgeLimits: Record<string, number>;
  quotas: {
    id: string;
    target: number;
    phaseId: string | null;
    entries: { recordedOn: string; value: number }[];
  }[];
  deadlines: { id: string; phaseId: string | null; dueOn: string; submittedOn: string | null }[];
  /** The villages of the campaign's plans with their criteria checks (the "villages at 8/8" measure). */
  villages?: {
    unitId: string;
    checks: { id: number; criterion: number; met: boolean; checkedOn: string }[];
  }[];
}
export interface CommuneInput {
  id: string;
  properties: { parentId: string | null; predecessorIds?: string[] };
}
export interface ViewInputs<H extends HotspotRecord> {
  today: string;
  campaign: CampaignInput;
  choice: { phaseId: string | null; date: string | null };
  communes: readonly CommuneInput[];
  assessments: readonly { unitId: string; assessedOn: string; seq?: number; tier: string }[];
  hotspots: readonly H[];
  detail: DetailInput;
  /** A district or commune id the counts are narrowed to. */
  focusId: string | null;
  /** Communes the view keeps besides the focus (the border communes, with the belt filter on). */
  keep?: ReadonlySet<string> | null;
}

/** The window and the snapshot of a view; `focus` is the set of communes the counts are narrowed to. */
export function deriveView<H extends HotspotRecord>(x: ViewInputs<H>) {
  const window = viewWindow(x.campaign, x.today, x.choice);
  const keep = x.keep ?? null;
  const focus =
    x.focusId || keep
      ? new Set(
          x.communes
            .filter(
              (f) =>
                (!x.focusId || f.id === x.focusId || f.properties.parentId === x.focusId) &&
                (!keep || keep.has(f.id)),
            )
            .map((f) => f.id),
        )
      : null;
  const snapshot = snapshotOn({
    asOf: window.asOf,
    since: window.since,
    campaignStart: x.campaign.startsOn,
    phaseId: window.phase?.id ?? null,
    units: x.communes.map((f) => ({
      id: f.id,
      parentId: f.properties.parentId,
      predecessorIds: f.properties.predecessorIds ?? [],
    })),
    assessments: groupByUnit(x.assessments.map((a) => ({ ...a, tier: a.tier as Tier }))),
    hotspots: x.hotspots,
    ageLimits: x.detail.effectiveAgeLimits,
    quotas: x.detail.quotas,
    deadlines: x.detail.deadlines,
    objectives: window.phase?.objectives ?? [],
    focus,
    villages: x.detail.villages,
  });
  return { window, focus, snapshot };
}
export type DerivedView<H extends HotspotRecord = HotspotRecord> = ReturnType<typeof deriveView<H>>;
