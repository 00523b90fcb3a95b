/** Hotspots as of a date or within a campaign phase, with their status and age. */
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { daysBetween } from '@pcmt/shared/dates';
import type { HotspotKind, HotspotStatus } from '@pcmt/shared/domain';
import type { HotspotsQuery } from '@pcmt/shared/contracts';
import { hotspotStatusOn, isOverdue } from '@pcmt/shared/rules';
import type { Db } from '../db/create-db.ts';
import { adminUnits, hotspots } from '../db/schema.ts';
import { phaseWindow } from './campaigns.ts';
import { provinceOn, relatedProvinceIds } from './units.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { auditedUpdate, auditedInsert } from './versioned.ts';
import { randomUUID } from 'node:crypto';
import { ApiError } from '../http/errors.ts';

export async function hotspotsCollection(db: Db, q: HotspotsQuery, today: string) {
  const window = q.phase || q.campaign ? await phaseWindow(db, q.campaign, q.phase) : null;
  const asOf = q.asOf ?? window?.endsOn ?? today;
  const since = q.since ?? window?.startsOn ?? asOf;
  const limits = window?.ageLimitsMonths ?? undefined;
  let unitFilter = q.unit ? eq(hotspots.unitId, q.unit) : undefined;
  if (q.province) {
    const province = await provinceOn(db, q.province, asOf);
    const provinceIds = await relatedProvinceIds(db, province.id);
    const units = await db
      .select({ id: adminUnits.id })
      .from(adminUnits)
      .where(and(inArray(adminUnits.provinceId, provinceIds), eq(adminUnits.level, 'commune')));
    unitFilter = and(
      unitFilter,
      inArray(
        hotspots.unitId,
        units.map((u) => u.id),
      ),
    );
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
  const features = rows
    .map((h) => {
      const status = hotspotStatusOn(h, asOf) as HotspotStatus;
      const kind = h.kind as HotspotKind;
      return {
        type: 'Feature' as const,
        id: h.id,
        geometry: { type: 'Point' as const, coordinates: [h.lng, h.lat] },
        properties: {
          id: h.id,
          kind,
          status,
          unitId: h.unitId,
          identifiedOn: h.identifiedOn,
          eliminatedOn: h.eliminatedOn && h.eliminatedOn <= asOf ? h.eliminatedOn : null,
          reEmergedFromId: h.reEmergedFromId,
          ageDays: daysBetween(h.identifiedOn, asOf),
          overdue: isOverdue({ ...h, kind }, asOf, limits),
          version: h.version,
        },
      };
    })
    .filter((f) => !q.status || f.properties.status === q.status);
  return { type: 'FeatureCollection' as const, asOf, since, features };
}

/** The hotspot with its province, if the user's scope covers it; otherwise an audited 404. */
async function hotspotInScope(
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
    { eliminatedOn, status: 'eliminated' },
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
  return auditedInsert(
    db,
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
      status: 're_emerged',
      note,
    },
    {
      action: 'hotspot.re_emerge',
      objectType: 'hotspot',
      clientIp: ip,
    },
  );
}
