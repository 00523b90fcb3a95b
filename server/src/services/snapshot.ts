/** A campaign's state on a date, read from the database and computed by the shared snapshot (no rule here). */
import type { PhaseObjective, Tier } from '@pcmt/shared/domain';
import { snapshotOn } from '@pcmt/shared/state/snapshot';
import { groupByUnit } from '@pcmt/shared/state/tiers';
import { campaignWindow, viewWindow } from '@pcmt/shared/state/window';
import type { Db } from '../db/create-db.ts';
import { ApiError } from '../errors.ts';
import { campaignDetail, campaignWithPhases } from './campaigns.ts';
import { hotspotRecords } from './hotspots.ts';
import { communesOn, provinceAssessments } from './units.ts';

export interface WindowChoice {
  phaseId?: string | null;
  date?: string | null;
  /** The whole campaign (a final report) instead of one phase. */
  whole?: boolean;
}

/** The window a report or a view asks for; a date outside the chosen phase is refused naming `asOf`. */
export async function resolveWindow(
  db: Db,
  campaignId: string,
  choice: WindowChoice,
  today: string,
) {
  const campaign = await campaignWithPhases(db, campaignId, choice.phaseId ?? undefined);
  const last = campaign.endsOn < today ? campaign.endsOn : today;
  if (choice.date && (choice.date < campaign.startsOn || choice.date > last))
    throw new ApiError(
      422,
      'validation_failed',
      `asOf: ${choice.date} is outside the campaign's days shown (${campaign.startsOn} – ${last})`,
      'asOf',
    );
  if (choice.whole) return { campaign, window: campaignWindow(campaign, today, choice.date) };
  const window = viewWindow(campaign, today, choice);
  if (choice.date && choice.phaseId && window.phase?.id !== choice.phaseId)
    throw new ApiError(
      422,
      'validation_failed',
      `asOf: ${choice.date} is not within phase ${choice.phaseId}`,
      'asOf',
    );
  return { campaign, window };
}

export async function campaignSnapshot(
  db: Db,
  campaignId: string,
  choice: WindowChoice,
  today: string,
) {
  const { campaign, window } = await resolveWindow(db, campaignId, choice, today);
  const detail = await campaignDetail(db, campaignId, today, window.asOf);
  const slug = campaign.provinceSlug;
  const [communes, history, hotspots] = await Promise.all([
    communesOn(db, slug, window.asOf),
    provinceAssessments(db, slug),
    hotspotRecords(db, { province: slug }, window.since, window.asOf),
  ]);
  const snapshot = snapshotOn({
    asOf: window.asOf,
    since: window.since,
    campaignStart: campaign.startsOn,
    phaseId: window.phase?.id ?? null,
    units: communes,
    assessments: groupByUnit(history.map((a) => ({ ...a, tier: a.tier as Tier }))),
    hotspots,
    ageLimits: detail.effectiveAgeLimits,
    quotas: detail.quotas,
    deadlines: detail.deadlines,
    objectives: (window.phase?.objectives ?? []) as PhaseObjective[],
    villages: detail.villages,
  });
  return { campaign, window, detail, communes, snapshot };
}
