/** The figures of a periodic report: the shared snapshot of the campaign on the report's date, with names. */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/create-db.ts';
import { agencies, adminUnits } from '../db/schema.ts';
import { campaignSnapshot } from './snapshot.ts';

export type ReportKind = 'one_month' | 'phase' | 'final';

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
      phaseId: kind === 'final' ? null : (phaseId ?? null),
      date: asOf ?? null,
      whole: kind === 'final' || (!phaseId && !asOf),
    },
    today,
  );
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
  };
}
export type ReportFigures = Awaited<ReturnType<typeof reportFigures>>;
