/** Hotspots on a date or within a campaign phase, each with its state on the as-of date (shared/src/state). */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { vietnamDay } from '@pcmt/shared/dates';
import type { HotspotKind } from '@pcmt/shared/domain';
import type { HotspotsQuery } from '@pcmt/shared/contracts';
import { effectiveAgeLimits, hotspotsIn, type HotspotRecord } from '@pcmt/shared/state/hotspots';
import { campaignWindow, viewWindow } from '@pcmt/shared/state/window';
import type { Db } from '../db/create-db.ts';
import { adminUnits, hotspots } from '../db/schema.ts';
import { isUniqueViolation } from '../db/pg-errors.ts';
import { ApiError } from '../errors.ts';
import { raiseBorderAlert } from './border-belt.ts';
import { campaignWithPhases } from './campaigns.ts';
import { provinceOn, relatedProvinceIds } from './units.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { auditedUpdate, auditedInsert } from './versioned.ts';

const min = (a: string, b: string) => (a < b ? a : b);

/** The hotspot rows of a province's communes (both eras) that may show in [since, asOf], as plain records. */
export async function hotspotRecords(
  db: Db,
  q: { province?: string; unit?: string; kind?: string },
  since: string,
  asOf: string,
) {
  let unitFilter = q.unit ? eq(hotspots.unitId, q.unit) : undefined;
  if (q.province) {
    const province = await provinceOn(db, q.province, asOf);
    const provinceIds = await relatedProvinceIds(db, province.id);
    // A subquery, not a list of ids: one round trip, and no thousands of parameters at national scale.
    const communes = db
      .select({ id: adminUnits.id })
      .from(adminUnits)
      .where(and(inArray(adminUnits.provinceId, provinceIds), eq(adminUnits.level, 'commune')));
    unitFilter = and(unitFilter, inArray(hotspots.unitId, communes));
  }
  const rows = await db
    .select()
    .from(hotspots)
    .where(
      and(
        unitFilter,
        q.kind ? eq(hotspots.kind, q.kind) : undefined,
        lte(hotspots.identifiedOn, asOf),
        or(isNull(hotspots.eliminatedOn), gte(hotspots.eliminatedOn, since)),
      ),
    )
    .orderBy(asc(hotspots.identifiedOn), asc(hotspots.id));
  return rows.map((h) => ({
    id: h.id,
    kind: h.kind as HotspotKind,
    unitId: h.unitId,
    identifiedOn: h.identifiedOn,
    eliminatedOn: h.eliminatedOn,
    reEmergedFromId: h.reEmergedFromId,
    lng: h.lng,
    lat: h.lat,
    version: h.version,
  })) satisfies HotspotRecord[];
}

/**
 * `GET /api/hotspots`: the as-of date is `asOf`, else the end of the phase or campaign, always capped at
 * today; the range starts at `since`, else the phase or campaign start. Age limits are the campaign's own
 * (the shared default without a campaign).
 */
export async function hotspotsCollection(
  db: Db,
  q: HotspotsQuery,
  today: string,
  checkCampaign: (provinceSlug: string) => Promise<void> = async () => {},
) {
  const campaign = q.phase || q.campaign ? await campaignWithPhases(db, q.campaign, q.phase) : null;
  if (campaign) await checkCampaign(campaign.provinceSlug);
  const window = !campaign
    ? null
    : q.phase
      ? viewWindow(campaign, today, { phaseId: q.phase })
      : campaignWindow(campaign, today);
  const asOf = min(q.asOf ?? window?.asOf ?? today, today);
  const since = min(q.since ?? window?.since ?? asOf, asOf);
  const limits = effectiveAgeLimits(campaign?.ageLimitsMonths);
  const records = await hotspotRecords(db, q, since, asOf);
  const features = hotspotsIn(records, { since, asOf }, limits)
    .filter((h) => !q.status || h.status === q.status)
    .map(({ lng, lat, ...h }) => ({
      type: 'Feature' as const,
      id: h.id,
      geometry: { type: 'Point' as const, coordinates: [lng, lat] },
      properties: h,
    }));
  return { type: 'FeatureCollection' as const, asOf, since, ageLimitsMonths: limits, features };
}

/** The hotspot with its province, if the user's scope covers it; otherwise an audited 404. */
export async function hotspotInScope(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  action: string,
  ip: string | null,
) {
  const [row] = await db
    .select({ h: hotspots, provinceId: adminUnits.provinceId })
    .from(hotspots)
    .innerJoin(adminUnits, eq(hotspots.unitId, adminUnits.id))
    .where(eq(hotspots.id, id));
  const [province] = row
    ? await db
        .select({ slug: adminUnits.slug })
        .from(adminUnits)
        .where(eq(adminUnits.id, row.provinceId ?? ''))
    : [];
  if (!row || !inScope(scope, province?.slug))
    return denyOutOfScope(db, now, scope, `Hotspot ${id}`, 'id', {
      action,
      objectType: 'hotspot',
      objectId: id,
      clientIp: ip,
    });
  return row;
}

/** Records that a hotspot was eliminated on a date (commander); version-checked and audited. */
export async function eliminateHotspot(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  version: number,
  eliminatedOn: string,
  ip: string | null,
) {
  const row = await hotspotInScope(db, now, scope, id, 'hotspot.eliminate', ip);
  if (eliminatedOn < row.h.identifiedOn)
    throw new ApiError(
      422,
      'validation_failed',
      `eliminatedOn: must not be before the identification (${row.h.identifiedOn})`,
      'eliminatedOn',
    );
  if (row.h.eliminatedOn)
    throw new ApiError(
      409,
      'conflict',
      `Hotspot already eliminated on ${row.h.eliminatedOn}`,
      'eliminatedOn',
    );
  return auditedUpdate(
    db,
    now,
    scope.user,
    hotspots,
    id,
    version,
    { eliminatedOn },
    { action: 'hotspot.eliminate', objectType: 'hotspot', clientIp: ip },
  );
}

/** Records that an eliminated hotspot is active again: a new hotspot linked to the earlier record. */
export async function reEmergeHotspot(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  identifiedOn: string,
  note: string,
  ip: string | null,
) {
  const row = await hotspotInScope(db, now, scope, id, 'hotspot.re_emerge', ip);
  if (!row.h.eliminatedOn)
    throw new ApiError(409, 'conflict', 'Only an eliminated hotspot can re-emerge', 'id');
  if (identifiedOn < row.h.eliminatedOn)
    throw new ApiError(
      422,
      'validation_failed',
      `identifiedOn: must not be before the elimination (${row.h.eliminatedOn})`,
      'identifiedOn',
    );
  const [open] = await db
    .select({ id: hotspots.id })
    .from(hotspots)
    .where(and(eq(hotspots.reEmergedFromId, id), isNull(hotspots.eliminatedOn)));
  if (open) throw alreadyOpen(open.id);
  const [province] = await db
    .select({ slug: adminUnits.slug })
    .from(adminUnits)
    .where(eq(adminUnits.id, row.provinceId ?? ''));
  // At the same place: the same distance to the border, and near it a new alert for the stretch's station.
  return db
    .transaction(async (tx) => {
      const created = await auditedInsert(
        tx,
        now,
        scope.user,
        hotspots,
        {
          id: `hs-${randomUUID()}`,
          kind: row.h.kind,
          unitId: row.h.unitId,
          lng: row.h.lng,
          lat: row.h.lat,
          identifiedOn,
          eliminatedOn: null,
          reEmergedFromId: row.h.id,
          note,
          borderDistanceM: row.h.borderDistanceM,
          borderSectorId: row.h.borderSectorId,
        },
        {
          action: 'hotspot.re_emerge',
          objectType: 'hotspot',
          clientIp: ip,
        },
      );
      const alert = await raiseBorderAlert(
        tx,
        now,
        scope.user,
        created,
        province?.slug ?? '',
        vietnamDay(now),
        ip,
      );
      return { ...created, borderAlertId: alert?.id ?? null };
    })
    .catch((e: unknown) => {
      // Two re-emergences at once: the partial unique index lets one through.
      if (isUniqueViolation(e)) throw alreadyOpen('');
      throw e;
    });
}

const alreadyOpen = (openId: string) =>
  new ApiError(
    409,
    'conflict',
    `This hotspot has already re-emerged${openId ? ` (${openId})` : ''} and that record is still open: eliminate it first`,
    'id',
  );
