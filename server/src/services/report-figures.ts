/** The figures of a periodic report, computed with the same rules the dashboard uses. */
import { eq, inArray } from 'drizzle-orm';
import { daysBetween } from '@pcmt/shared/dates';
import { TIERS, type Tier } from '@pcmt/shared/domain';
import { tierChange } from '@pcmt/shared/rules';
import type { Db } from '../db/create-db.ts';
import { agencies, adminUnits } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { campaignDetail } from './campaigns.ts';
import { hotspotsCollection } from './hotspots.ts';
import { unitsCollection } from './units.ts';

export type ReportKind = 'one_month' | 'phase' | 'final';

export async function reportFigures(
  db: Db,
  campaignId: string,
  phaseId: string | undefined,
  kind: ReportKind,
  today: string,
) {
  const base = await campaignDetail(db, campaignId);
  const phase = phaseId ? base.phases.find((p) => p.id === phaseId) : undefined;
  if (phaseId && !phase)
    throw new ApiError(
      422,
      'validation_failed',
      `phase: ${phaseId} does not belong to campaign ${campaignId}`,
      'phase',
    );
  const from = kind === 'final' || !phase ? base.startsOn : phase.startsOn;
  const end = kind === 'final' || !phase ? base.endsOn : phase.endsOn;
  const asOf = end < today ? end : today;
  const detail = await campaignDetail(db, campaignId, asOf);
  const hs = await hotspotsCollection(
    db,
    { province: base.provinceSlug, asOf, since: from, campaign: campaignId },
    today,
  );
  const units = await unitsCollection(
    db,
    { level: 'commune', province: base.provinceSlug, asOf },
    today,
  );
  const startUnits = await unitsCollection(
    db,
    { level: 'commune', province: base.provinceSlug, asOf: base.startsOn },
    today,
  );
  const startTier = new Map(startUnits.features.map((f) => [f.id, f.properties.tier as Tier]));
  const count = (s: string) => hs.features.filter((f) => f.properties.status === s).length;
  const tiers = Object.fromEntries(TIERS.map((t) => [t, 0])) as Record<Tier, number>;
  const tiersStart = { ...tiers };
  for (const f of units.features) tiers[f.properties.tier]++;
  for (const f of startUnits.features) tiersStart[f.properties.tier]++;
  const overdueSpots = hs.features.filter((f) => f.properties.overdue);
  const unitIds = [
    ...new Set(
      [
        ...detail.quotas.map((q) => q.unitId),
        ...overdueSpots.map((f) => f.properties.unitId),
      ].filter((x): x is string => !!x),
    ),
  ];
  const unitNames = new Map(
    (unitIds.length
      ? await db
          .select({ id: adminUnits.id, name: adminUnits.name })
          .from(adminUnits)
          .where(inArray(adminUnits.id, unitIds))
      : []
    ).map((u) => [u.id, u.name]),
  );
  const agencyNames = new Map(
    (
      await db
        .select({ id: agencies.id, name: agencies.name })
        .from(agencies)
        .where(eq(agencies.provinceSlug, base.provinceSlug))
    ).map((a) => [a.id, a.name]),
  );
  return {
    campaign: {
      id: base.id,
      name: base.name,
      issuingBody: base.issuingBody,
      provinceSlug: base.provinceSlug,
    },
    phase: phase ? { id: phase.id, name: phase.name, objectives: phase.objectives } : null,
    kind,
    from,
    asOf,
    hotspots: {
      active: count('active'),
      reEmerged: count('re_emerged'),
      eliminated: count('eliminated'),
      overdue: hs.features.filter((f) => f.properties.overdue).length,
    },
    tiers,
    tiersStart,
    regressions: units.features
      .filter((f) => tierChange(startTier.get(f.id) ?? 'unassessed', f.properties.tier) === -1)
      .map((f) => ({ name: f.properties.name, from: startTier.get(f.id)!, to: f.properties.tier })),
    quotas: detail.quotas
      .filter((q) => kind === 'final' || !phase || q.phaseId === phase.id || q.phaseId === null)
      .map((q) => ({
        id: q.id,
        label: q.label,
        holder: q.unitId
          ? (unitNames.get(q.unitId) ?? q.unitId)
          : (agencyNames.get(q.agencyId ?? '') ?? ''),
        metric: q.metric,
        target: q.target,
        achieved: q.achieved,
        share: q.share,
      })),
    overdue: overdueSpots.map((f) => ({
      id: f.id,
      kind: f.properties.kind,
      commune: unitNames.get(f.properties.unitId) ?? f.properties.unitId,
      identifiedOn: f.properties.identifiedOn,
      ageDays: daysBetween(f.properties.identifiedOn, asOf),
    })),
    deadlines: detail.deadlines.map((d) => ({
      title: d.title,
      dueOn: d.dueOn,
      submittedOn: d.submittedOn,
      onTime: d.onTime,
    })),
  };
}
export type ReportFigures = Awaited<ReturnType<typeof reportFigures>>;
