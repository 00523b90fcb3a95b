/** Campaigns with their phases, quotas (with progress) and report deadlines. */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { quotaProgress } from '@pcmt/shared/rules';
import type { Db } from '../db/create-db.ts';
import { campaigns, phases, progressEntries, quotas, reportDeadlines } from '../db/schema.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { auditedUpdate } from './versioned.ts';

export async function listCampaigns(db: Db, province?: string) {
  const rows = await db
    .select()
    .from(campaigns)
    .where(province ? eq(campaigns.provinceSlug, province) : undefined)
    .orderBy(asc(campaigns.startsOn));
  const allPhases = rows.length
    ? await db
        .select()
        .from(phases)
        .where(
          inArray(
            phases.campaignId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(phases.ordinal))
    : [];
  return rows.map((c) => ({ ...c, phases: allPhases.filter((p) => p.campaignId === c.id) }));
}

export async function campaignDetail(db: Db, id: string, asOf?: string) {
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!c) throw notFound(`Campaign ${id}`, 'id');
  const date = asOf ?? c.endsOn;
  const ps = await db
    .select()
    .from(phases)
    .where(eq(phases.campaignId, id))
    .orderBy(asc(phases.ordinal));
  const qs = await db
    .select()
    .from(quotas)
    .where(eq(quotas.campaignId, id))
    .orderBy(asc(quotas.id));
  const entries = qs.length
    ? await db
        .select()
        .from(progressEntries)
        .where(
          and(
            inArray(
              progressEntries.quotaId,
              qs.map((q) => q.id),
            ),
            lte(progressEntries.recordedOn, date),
          ),
        )
    : [];
  const deadlines = await db
    .select()
    .from(reportDeadlines)
    .where(eq(reportDeadlines.campaignId, id))
    .orderBy(asc(reportDeadlines.dueOn));
  return {
    ...c,
    asOf: date,
    phases: ps,
    quotas: qs.map((q) => ({
      ...q,
      ...quotaProgress(
        q.target,
        entries.filter((e) => e.quotaId === q.id),
        date,
      ),
    })),
    deadlines: deadlines.map((d) => ({
      ...d,
      onTime: d.submittedOn === null ? null : d.submittedOn <= d.dueOn,
    })),
  };
}

/** The date window of a phase (or a whole campaign), checking that the two agree. */
export async function phaseWindow(db: Db, campaignId?: string, phaseId?: string) {
  if (phaseId) {
    const [row] = await db
      .select({ p: phases, c: campaigns })
      .from(phases)
      .innerJoin(campaigns, eq(phases.campaignId, campaigns.id))
      .where(eq(phases.id, phaseId));
    if (!row) throw notFound(`Phase ${phaseId}`, 'phase');
    if (campaignId && row.c.id !== campaignId)
      throw new ApiError(
        422,
        'validation_failed',
        `phase: ${phaseId} does not belong to campaign ${campaignId}`,
        'phase',
      );
    return {
      startsOn: row.p.startsOn,
      endsOn: row.p.endsOn,
      ageLimitsMonths: row.c.ageLimitsMonths,
    };
  }
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId!));
  if (!c) throw notFound(`Campaign ${campaignId}`, 'campaign');
  return { startsOn: c.startsOn, endsOn: c.endsOn, ageLimitsMonths: c.ageLimitsMonths };
}

/** A commander sets the hotspot age limits of a campaign (months per kind), version-checked and audited. */
export async function configureCampaign(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  version: number,
  ageLimitsMonths: Record<string, number>,
  ip: string | null,
) {
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!c || !inScope(scope, c.provinceSlug))
    return denyOutOfScope(db, now, scope, `Campaign ${id}`, 'id', {
      action: 'campaign.configure',
      objectType: 'campaign',
      objectId: id,
      clientIp: ip,
    });
  return auditedUpdate(
    db,
    now,
    scope.user,
    campaigns,
    id,
    version,
    { ageLimitsMonths },
    { action: 'campaign.configure', objectType: 'campaign', clientIp: ip },
  );
}
