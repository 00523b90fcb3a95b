/** What every campaign write checks: the campaign in the user's scope, its holders, phases and dates. */
import { and, eq, inArray } from 'drizzle-orm';
import { existsDuring } from '@pcmt/shared/dates';
import type { Db } from '../db/create-db.ts';
import { adminUnits, agencies, campaigns, phases } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { relatedProvinceIds } from './units.ts';

export type Ctx = { db: Db; now: Date; scope: Scope; ip: string | null };
export const invalid = (field: string, message: string) =>
  new ApiError(422, 'validation_failed', `${field}: ${message}`, field);
export const what = (ctx: Ctx, action: string, objectType: string) => ({
  action,
  objectType,
  clientIp: ctx.ip,
});

/** The campaign if the user's scope covers it; otherwise an audited 404 naming `field`. */
export async function campaignInScope(ctx: Ctx, id: string, action: string, field = 'id') {
  const [c] = await ctx.db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!c || !inScope(ctx.scope, c.provinceSlug))
    return denyOutOfScope(ctx.db, ctx.now, ctx.scope, `Campaign ${id}`, field, {
      action,
      objectType: 'campaign',
      objectId: id,
      clientIp: ctx.ip,
    });
  return c;
}

/**
 * Agencies and units a quota names must be of the campaign's province (404 naming the field otherwise),
 * and a unit must exist during the campaign (422: a district abolished in July 2025 holds no 2026 quota).
 */
export async function checkHolders(
  ctx: Ctx,
  slug: string,
  list: { agencyId: string | null; unitId: string | null }[],
  prefix: (i: number) => string,
  during?: { startsOn: string; endsOn: string },
) {
  const agencyIds = [...new Set(list.map((q) => q.agencyId).filter((x): x is string => !!x))];
  const unitIds = [...new Set(list.map((q) => q.unitId).filter((x): x is string => !!x))];
  const okAgencies = new Set(
    agencyIds.length
      ? (
          await ctx.db
            .select({ id: agencies.id })
            .from(agencies)
            .where(and(inArray(agencies.id, agencyIds), eq(agencies.provinceSlug, slug)))
        ).map((a) => a.id)
      : [],
  );
  const provinces = await ctx.db
    .select({ id: adminUnits.id })
    .from(adminUnits)
    .where(and(eq(adminUnits.level, 'province'), eq(adminUnits.slug, slug)));
  const provinceIds = (
    await Promise.all(provinces.map((p) => relatedProvinceIds(ctx.db, p.id)))
  ).flat();
  const okUnits = new Map(
    unitIds.length && provinceIds.length
      ? (
          await ctx.db
            .select({
              id: adminUnits.id,
              validFrom: adminUnits.validFrom,
              validTo: adminUnits.validTo,
            })
            .from(adminUnits)
            .where(
              and(inArray(adminUnits.id, unitIds), inArray(adminUnits.provinceId, provinceIds)),
            )
        ).map((u) => [u.id, u] as const)
      : [],
  );
  list.forEach((q, i) => {
    if (q.agencyId && !okAgencies.has(q.agencyId))
      throw new ApiError(
        404,
        'not_found',
        `${prefix(i)}agencyId: agency ${q.agencyId} not found`,
        `${prefix(i)}agencyId`,
      );
    if (q.unitId && !okUnits.has(q.unitId))
      throw new ApiError(
        404,
        'not_found',
        `${prefix(i)}unitId: unit ${q.unitId} not found`,
        `${prefix(i)}unitId`,
      );
    const u = q.unitId ? okUnits.get(q.unitId) : undefined;
    if (u && during && !existsDuring(u, during))
      throw invalid(
        `${prefix(i)}unitId`,
        `unit ${q.unitId} does not exist during the campaign (valid ${u.validFrom} – ${u.validTo ?? 'now'})`,
      );
  });
}

export const inside = (
  c: { startsOn: string; endsOn: string },
  p: { startsOn: string; endsOn: string },
) => {
  if (p.startsOn > p.endsOn) throw invalid('endsOn', 'must not be before startsOn');
  if (p.startsOn < c.startsOn || p.startsOn > c.endsOn)
    throw invalid('startsOn', `must lie inside the campaign (${c.startsOn} – ${c.endsOn})`);
  if (p.endsOn > c.endsOn) throw invalid('endsOn', `must lie inside the campaign (to ${c.endsOn})`);
};

/** A phase id named by a quota or deadline must be a phase of the same campaign. */
export async function checkPhase(ctx: Ctx, campaignId: string, phaseId: string | null | undefined) {
  if (!phaseId) return;
  const [p] = await ctx.db
    .select({ campaignId: phases.campaignId })
    .from(phases)
    .where(eq(phases.id, phaseId));
  if (!p || p.campaignId !== campaignId)
    throw new ApiError(
      404,
      'not_found',
      `phaseId: phase ${phaseId} not found in this campaign`,
      'phaseId',
    );
}
