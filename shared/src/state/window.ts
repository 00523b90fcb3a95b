/**
 * The window of a view: campaign + phase + date → the as-of date and the activity range.
 * Every figure "as of" a date is computed for `asOf`; activity "in this phase" is what happened in [since, asOf].
 */
import { addDays, addMonths } from '../dates.ts';
import type { DatedSpan } from '../rules.ts';
import { spanContaining } from '../rules.ts';

export interface WindowPhase extends DatedSpan {
  id: string;
  ordinal: number;
}
export interface WindowCampaign<P extends WindowPhase = WindowPhase> extends DatedSpan {
  phases: readonly P[];
}

export interface ViewWindow<P extends WindowPhase = WindowPhase> {
  /** The day every figure is computed for: never after `today`. */
  asOf: string;
  /** First day of the activity range ("in this phase"): the phase start, else the campaign start; ≤ asOf. */
  since: string;
  /** The phase shown: the one containing `asOf` when a date was picked, else the chosen or first phase. */
  phase: P | null;
  /** The campaign's first day and the last day that can be shown (its end, capped at today; before firstDay when not started). */
  firstDay: string;
  lastDay: string;
  /** False when the phase (or campaign) starts after today: figures are those of today, nothing in range yet. */
  started: boolean;
}

const min = (a: string, b: string) => (a < b ? a : b);

/**
 * The window for a campaign, an optional chosen phase id and an optional picked date (ISO, Asia/Ho_Chi_Minh).
 * A picked date outside [campaign start, min(end, today)] is ignored; a phase still running (or not yet begun)
 * is shown as it stands `today`.
 */
export function viewWindow<P extends WindowPhase>(
  campaign: WindowCampaign<P>,
  today: string,
  choice: { phaseId?: string | null; date?: string | null } = {},
): ViewWindow<P> {
  const firstDay = campaign.startsOn;
  const lastDay = min(campaign.endsOn, today);
  const date =
    choice.date && choice.date >= firstDay && choice.date <= lastDay ? choice.date : null;
  if (date) {
    const phase = spanContaining(campaign.phases, date) ?? null;
    return {
      asOf: date,
      since: phase?.startsOn ?? firstDay,
      phase,
      firstDay,
      lastDay,
      started: true,
    };
  }
  const phase =
    campaign.phases.find((p) => p.id === choice.phaseId) ??
    campaign.phases.find((p) => p.ordinal === 1) ??
    campaign.phases[0] ??
    null;
  const span = phase ?? campaign;
  const asOf = min(span.endsOn, today);
  return {
    asOf,
    since: min(span.startsOn, asOf),
    phase,
    firstDay,
    lastDay,
    started: span.startsOn <= today,
  };
}

/** The window of a whole campaign (a final report): from its start to `date` (default its end), capped at today. */
export function campaignWindow<P extends WindowPhase>(
  campaign: WindowCampaign<P>,
  today: string,
  date?: string | null,
): ViewWindow<P> {
  const asOf = min(
    date && date >= campaign.startsOn ? min(date, campaign.endsOn) : campaign.endsOn,
    today,
  );
  return {
    asOf,
    since: min(campaign.startsOn, asOf),
    phase: null,
    firstDay: campaign.startsOn,
    lastDay: asOf,
    started: campaign.startsOn <= today,
  };
}

/** True when something recorded on `day` (ISO) is known on `asOf`: every dated list filters with it. */
export const recordedBy = (day: string | null | undefined, asOf: string) => !!day && day <= asOf;

/**
 * The last day a six-month report reads: the end of the campaign's first six months (its end when shorter), or the
 * day asked when earlier, and never after today.
 */
export function sixMonthReportDay(
  campaign: DatedSpan,
  today: string,
  asked?: string | null,
): string {
  const sixMonths = min(addDays(addMonths(campaign.startsOn, 6), -1), campaign.endsOn);
  return min(min(asked ?? sixMonths, sixMonths), today);
}
