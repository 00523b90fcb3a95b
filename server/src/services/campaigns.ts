/** Campaigns with their phases, quotas (with progress) and report deadlines. */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { deadlineOn, quotaProgress } from '@pcmt/shared/state/campaign';
import type { CheckRecord } from '@pcmt/shared/state/recognition';
import { effectiveAgeLimits, usesDefaultAgeLimits } from '@pcmt/shared/state/hotspots';
import type { Db } from '../db/create-db.ts';
import {
  adminUnits,
  campaigns,
  criteriaCheckHistory,
  phases,
  planTasks,
  progressEntries,
  quotas,
  reportDeadlines,
  transformationPlans,
} from '../db/schema.ts';
import { ApiError, notFound } from '../errors.ts';

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

/**
 * A campaign with its phases, quotas with every progress entry, and deadlines. Progress and deadline states
 * are computed for `asOf` (default: the campaign end, capped at today); the entries let the client compute
 * them for any other date with the same shared functions.
 */
export async function campaignDetail(db: Db, id: string, today: string, asOf?: string) {
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!c) throw notFound(`Campaign ${id}`, 'id');
  // Any day may be asked (a final report is due after the campaign ends); never after today.
  const wanted = asOf ?? c.endsOn;
  const date = wanted < today ? wanted : today;
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
        .select({
          quotaId: progressEntries.quotaId,
          recordedOn: progressEntries.recordedOn,
          value: progressEntries.value,
        })
        .from(progressEntries)
        .where(
          inArray(
            progressEntries.quotaId,
            qs.map((q) => q.id),
          ),
        )
        .orderBy(asc(progressEntries.recordedOn), asc(progressEntries.id))
    : [];
  const deadlines = await db
    .select()
    .from(reportDeadlines)
    .where(eq(reportDeadlines.campaignId, id))
    .orderBy(asc(reportDeadlines.dueOn));
  const villages = await villageChecks(db, id, date);
  // The programme's own "4 rõ" tasks (the client reads them on any date with tasksOn).
  const tasks = await db
    .select()
    .from(planTasks)
    .where(eq(planTasks.campaignId, id))
    .orderBy(asc(planTasks.dueOn), asc(planTasks.id));
  return {
    ...c,
    asOf: date,
    effectiveAgeLimits: effectiveAgeLimits(c.ageLimitsMonths),
    ageLimitsAssumed: usesDefaultAgeLimits(c.ageLimitsMonths),
    phases: ps,
    quotas: qs.map((q) => {
      const own = entries
        .filter((e) => e.quotaId === q.id && e.recordedOn <= date)
        .map((e) => ({ recordedOn: e.recordedOn, value: e.value }));
      return { ...q, entries: own, ...quotaProgress(q.target, own, date) };
    }),
    // A submission after the date is not known on it (the state says pending or missed).
    deadlines: deadlines.map((d) => ({ ...d, ...deadlineOn(d, date) })),
    villages,
    tasks,
  };
}

/**
 * The villages the campaign's plans carry, each with every check of its 8 criteria made by `date`: what the
 * "villages at 8/8" measure counts on any day of the campaign.
 */
async function villageChecks(db: Db, campaignId: string, date: string) {
  const rows = await db
    .select({
      planId: transformationPlans.id,
      unitId: transformationPlans.unitId,
      id: criteriaCheckHistory.id,
      criterion: criteriaCheckHistory.criterion,
      met: criteriaCheckHistory.met,
      checkedOn: criteriaCheckHistory.checkedOn,
    })
    .from(transformationPlans)
    .innerJoin(adminUnits, eq(adminUnits.id, transformationPlans.unitId))
    .leftJoin(
      criteriaCheckHistory,
      and(
        eq(criteriaCheckHistory.planId, transformationPlans.id),
        lte(criteriaCheckHistory.checkedOn, date),
      ),
    )
    .where(and(eq(transformationPlans.campaignId, campaignId), eq(adminUnits.level, 'village')))
    .orderBy(asc(transformationPlans.unitId), asc(criteriaCheckHistory.id));
  // Per plan: a village with a second plan in the campaign counts when either is at 8/8.
  const out = new Map<string, { unitId: string; checks: CheckRecord[] }>();
  for (const r of rows) {
    const v = out.get(r.planId) ?? { unitId: r.unitId, checks: [] };
    out.set(r.planId, v);
    if (r.id !== null)
      v.checks.push({ id: r.id, criterion: r.criterion!, met: r.met!, checkedOn: r.checkedOn! });
  }
  return [...out.values()];
}

/** A campaign with its phases (the window's input); 404 when absent, 422 when the phase is not its own. */
export async function campaignWithPhases(db: Db, campaignId?: string, phaseId?: string) {
  let id = campaignId;
  if (phaseId) {
    const [p] = await db.select().from(phases).where(eq(phases.id, phaseId));
    if (!p) throw notFound(`Phase ${phaseId}`, 'phase');
    if (campaignId && p.campaignId !== campaignId)
      throw new ApiError(
        422,
        'validation_failed',
        `phase: ${phaseId} does not belong to campaign ${campaignId}`,
        'phase',
      );
    id = p.campaignId;
  }
  const [c] = await db
    .select()
    .from(campaigns)
    .where(eq(campaigns.id, id ?? ''));
  if (!c) throw notFound(`Campaign ${id}`, 'campaign');
  const ps = await db
    .select()
    .from(phases)
    .where(eq(phases.campaignId, c.id))
    .orderBy(asc(phases.ordinal));
  return { ...c, phases: ps };
}
