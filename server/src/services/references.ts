/**
 * The one scoped lookup of the ids a write points at (an agency, a unit, a campaign, a phase, a crossing):
 * each must exist and belong to the province of the object written (its pre-reform provinces included) and
 * to the caller's scope; otherwise the answer is an audited 404 naming the field, as for the object itself.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/create-db.ts';
import { adminUnits, agencies, borderCrossings, campaigns, phases } from '../db/schema.ts';
import { denyOutOfScope, inScope, provinceScope, type Scope } from './scope.ts';

export type RefKind = 'agency' | 'unit' | 'campaign' | 'phase' | 'crossing';
export interface Ref {
  /** The request's field, as the error names it (`coAgencyIds.1`). */
  field: string;
  kind: RefKind;
  id: string | null | undefined;
}

/** The province slug each referenced id belongs to; absent ids are missing from the map. */
async function provincesOf(
  db: Db,
  kind: RefKind,
  ids: string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  if (kind === 'agency')
    return new Map(
      (
        await db
          .select({ id: agencies.id, slug: agencies.provinceSlug })
          .from(agencies)
          .where(inArray(agencies.id, ids))
      ).map((r) => [r.id, r.slug]),
    );
  if (kind === 'campaign')
    return new Map(
      (
        await db
          .select({ id: campaigns.id, slug: campaigns.provinceSlug })
          .from(campaigns)
          .where(inArray(campaigns.id, ids))
      ).map((r) => [r.id, r.slug]),
    );
  if (kind === 'phase')
    return new Map(
      (
        await db
          .select({ id: phases.id, slug: campaigns.provinceSlug })
          .from(phases)
          .innerJoin(campaigns, eq(phases.campaignId, campaigns.id))
          .where(inArray(phases.id, ids))
      ).map((r) => [r.id, r.slug]),
    );
  if (kind === 'crossing')
    return new Map(
      (
        await db
          .select({ id: borderCrossings.id, slug: borderCrossings.provinceSlug })
          .from(borderCrossings)
          .where(inArray(borderCrossings.id, ids))
      ).map((r) => [r.id, r.slug]),
    );
  const units = await db
    .select({ id: adminUnits.id, slug: adminUnits.slug, provinceId: adminUnits.provinceId })
    .from(adminUnits)
    .where(inArray(adminUnits.id, ids));
  const parents = await db
    .select({ id: adminUnits.id, slug: adminUnits.slug })
    .from(adminUnits)
    .where(inArray(adminUnits.id, units.map((u) => u.provinceId ?? '').concat('')));
  const slugOf = new Map(parents.map((p) => [p.id, p.slug]));
  return new Map(units.map((u) => [u.id, u.slug ?? slugOf.get(u.provinceId ?? '') ?? null]));
}

/**
 * Checks every reference of a write: it exists, the caller may see it, and it belongs to `province` (the
 * province of the object written, with the provinces merged into it) when one is given.
 */
export async function checkRefs(
  db: Db,
  now: Date,
  scope: Scope,
  refs: Ref[],
  what: { action: string; clientIp: string | null },
  province?: string | null,
) {
  const given = refs.filter((r): r is Ref & { id: string } => !!r.id);
  if (given.length === 0) return;
  const own = province ? await provinceScope(db, { ...scope.user, provinceSlug: province }) : null;
  const byKind = new Map<RefKind, Map<string, string | null>>();
  for (const kind of new Set(given.map((r) => r.kind)))
    byKind.set(
      kind,
      await provincesOf(db, kind, [
        ...new Set(given.filter((r) => r.kind === kind).map((r) => r.id)),
      ]),
    );
  for (const r of given) {
    const slug = byKind.get(r.kind)!.get(r.id);
    const ok = slug !== undefined && inScope(scope, slug) && (!own || inScope(own, slug));
    if (!ok)
      await denyOutOfScope(
        db,
        now,
        scope,
        `${r.kind[0]!.toUpperCase()}${r.kind.slice(1)} ${r.id}`,
        r.field,
        {
          action: what.action,
          objectType: r.kind,
          objectId: r.id,
          clientIp: what.clientIp,
        },
      );
  }
}
