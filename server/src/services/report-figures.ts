/** The figures of a periodic report: the shared snapshot of the campaign on the report's date, with names. */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { coordinationKpis, followUpOn, heldIn } from '@pcmt/shared/state/coordination';
import { sixMonthReportDay } from '@pcmt/shared/state/window';
import type { QuotaUnit } from '@pcmt/shared/domain';
import { QUOTA_UNIT_LABELS } from '@pcmt/shared/labels';
import type { Db } from '../db/create-db.ts';
import { agencies, adminUnits, campaigns, coordinationEvents } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { withParts } from './coordination.ts';
import { campaignSnapshot } from './snapshot.ts';

/**
 * The reports a plan asks for: a month's, a phase's (a quarter's is the phase of that quarter), the first six months
 * from the campaign start, the year's (the whole campaign, as the final one).
 */
export const REPORT_KINDS = [
  'one_month',
  'phase',
  'final',
  'six_month',
  'quarter',
  'yearly',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
const WHOLE: readonly ReportKind[] = ['final', 'yearly', 'six_month'];

async function namesOf(db: Db, unitIds: string[], provinceSlug: string) {
  const units = unitIds.length
    ? await db
        .select({ id: adminUnits.id, name: adminUnits.name })
        .from(adminUnits)
        .where(inArray(adminUnits.id, unitIds))
    : [];
  const agencyRows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.provinceSlug, provinceSlug));
  return {
    unit: new Map(units.map((u) => [u.id, u.name])),
    agency: new Map(agencyRows.map((a) => [a.id, a.name])),
  };
}

/**
 * A report for a phase (or the whole campaign for `final`) as of `asOf` when given, else as of the phase's
 * end (capped at today). Every count comes from `snapshotOn`, as on the dashboard for the same date.
 */
export async function reportFigures(
  db: Db,
  campaignId: string,
  phaseId: string | undefined,
  kind: ReportKind,
  today: string,
  asOf?: string,
) {
  const whole = WHOLE.includes(kind);
  if (kind === 'quarter' && !phaseId)
    throw new ApiError(
      422,
      'validation_failed',
      'phase: a quarterly report names the phase of its quarter',
      'phase',
    );
  // The six months end on their last day, or earlier: on the day asked, and never after today.
  const span = kind === 'six_month' ? await spanOf(db, campaignId) : null;
  const date = span ? sixMonthReportDay(span, today, asOf) : (asOf ?? null);
  const {
    campaign,
    window,
    detail,
    communes,
    snapshot: s,
  } = await campaignSnapshot(
    db,
    campaignId,
    {
      phaseId: whole ? null : (phaseId ?? null),
      date,
      whole: whole || (!phaseId && !asOf),
    },
    today,
  );
  const coordination = await coordinationOf(db, campaign.provinceSlug, campaignId, window);
  const communeName = new Map(communes.map((c) => [c.id, c.name]));
  const names = await namesOf(
    db,
    [...new Set([...detail.quotas.map((q) => q.unitId), ...s.overdue.map((h) => h.unitId)])].filter(
      (x): x is string => !!x,
    ),
    campaign.provinceSlug,
  );
  const quota = new Map(detail.quotas.map((q) => [q.id, q]));
  const deadline = new Map(detail.deadlines.map((d) => [d.id, d]));
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      issuingBody: campaign.issuingBody,
      documentNumber: campaign.documentNumber,
      reportTo: campaign.reportTo,
      provinceSlug: campaign.provinceSlug,
    },
    phase: window.phase
      ? { id: window.phase.id, name: window.phase.name, objectives: s.objectives }
      : null,
    kind,
    from: window.since,
    asOf: window.asOf,
    hotspots: {
      active: s.counts.status.active,
      reEmerged: s.counts.status.re_emerged,
      eliminated: s.counts.status.eliminated,
      overdue: s.counts.overdue,
    },
    /** The plan sets no age limits: "overdue" reads the shared default (Thanh Hóa 2023's), marked giả định. */
    ageLimitsAssumed: detail.ageLimitsAssumed,
    tiers: s.counts.tiers,
    tiersStart: s.counts.startTiers,
    regressions: s.regressions.map((r) => ({
      name: communeName.get(r.id) ?? r.id,
      from: r.from,
      to: r.to,
    })),
    quotas: s.quotas.map((q) => {
      const row = quota.get(q.id)!;
      return {
        id: q.id,
        label: row.label,
        holder: row.unitId
          ? (names.unit.get(row.unitId) ?? row.unitId)
          : (names.agency.get(row.agencyId ?? '') ?? ''),
        metric: row.metric,
        /** The unit of measure as the plan counts it: vụ, đối tượng, buổi, đường dây. */
        unit: QUOTA_UNIT_LABELS.vi[row.unit as QuotaUnit] ?? row.unit,
        target: q.target,
        achieved: q.achieved,
        share: q.share,
      };
    }),
    overdue: s.overdue.map((h) => ({
      id: h.id,
      kind: h.kind,
      commune: names.unit.get(h.unitId) ?? h.unitId,
      identifiedOn: h.identifiedOn,
      ageDays: h.ageDays,
    })),
    deadlines: s.deadlines.map((d) => ({
      title: deadline.get(d.id)!.title,
      dueOn: d.dueOn,
      submittedOn: d.submittedOn,
      state: d.state,
    })),
    deadlineTally: s.deadlineTally,
    coordination,
  };
}

/** The campaign's days (null when there is none: the snapshot answers its 404). */
async function spanOf(db: Db, campaignId: string) {
  const [c] = await db
    .select({ startsOn: campaigns.startsOn, endsOn: campaigns.endsOn })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  return c ?? null;
}

/**
 * A cross-border plan's part of the report (null for a plan with no coordination targets): the targets measured
 * from the campaign's start, the events of the report's window by kind, and their follow-ups on its last day.
 */
async function coordinationOf(
  db: Db,
  slug: string,
  campaignId: string,
  window: { since: string; asOf: string },
) {
  const [c] = await db
    .select({ startsOn: campaigns.startsOn, targets: campaigns.coordinationTargets })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  if (!c || c.targets.length === 0) return null;
  const events = await withParts(
    db,
    await db
      .select()
      .from(coordinationEvents)
      .where(
        and(
          eq(coordinationEvents.provinceSlug, slug),
          gte(coordinationEvents.occurredOn, c.startsOn),
          lte(coordinationEvents.occurredOn, window.asOf),
        ),
      ),
  );
  const inWindow = heldIn(events, window.since, window.asOf);
  const byKind = new Map<string, number>();
  for (const e of inWindow) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
  const states = events.flatMap((e) => e.followUps.map((f) => followUpOn(f, window.asOf)));
  return {
    targets: coordinationKpis(events, c.targets, c.startsOn, window.asOf),
    eventsByKind: [...byKind.entries()].sort((a, b) => b[1] - a[1]),
    followUps: {
      done: states.filter((x) => x === 'done').length,
      open: states.filter((x) => x === 'open').length,
      overdue: states.filter((x) => x === 'overdue').length,
    },
  };
}
export type ReportFigures = Awaited<ReturnType<typeof reportFigures>>;
