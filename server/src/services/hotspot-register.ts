/**
 * The hotspot register: a commander records a hotspot at a position, edits or moves it. Its commune is the
 * one of the province, valid on the identified date, whose boundary holds the point (turf point-in-polygon).
 */
import { randomUUID } from 'node:crypto';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { vietnamDay } from '@pcmt/shared/dates';
import type { HotspotInputSchema, HotspotPatchSchema } from '@pcmt/shared/hotspot-contracts';
import type { Db } from '../db/create-db.ts';
import { adminUnits, borderAlerts, hotspots } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { hotspotInScope } from './hotspots.ts';
import type { Scope } from './scope.ts';
import { provinceOn, relatedProvinceIds, validOn } from './units.ts';
import { auditedInsert, auditedUpdate } from './versioned.ts';
import { borderIndexes, placeAgainstBorder, raiseBorderAlert } from './border-belt.ts';

type Ctx = { db: Db; now: Date; scope: Scope; ip: string | null };
const invalid = (field: string, message: string) =>
  new ApiError(422, 'validation_failed', `${field}: ${message}`, field);

/** The commune of province `slug` valid on `date` that holds [lng, lat]; a 422 naming `lng` when none does. */
export async function communeAt(db: Db, slug: string, lng: number, lat: number, date: string) {
  const province = await provinceOn(db, slug, date);
  const ids = await relatedProvinceIds(db, province.id);
  const candidates = await db
    .select({ id: adminUnits.id, name: adminUnits.name, geometry: adminUnits.geometry })
    .from(adminUnits)
    .where(
      and(
        eq(adminUnits.level, 'commune'),
        inArray(adminUnits.provinceId, ids),
        validOn(date),
        lte(adminUnits.west, lng),
        gte(adminUnits.east, lng),
        lte(adminUnits.south, lat),
        gte(adminUnits.north, lat),
      ),
    );
  const hit = candidates.find((u) => booleanPointInPolygon([lng, lat], u.geometry as never));
  if (!hit)
    throw invalid(
      'lng',
      `the point ${lat.toFixed(5)}, ${lng.toFixed(5)} is not inside a commune of ${province.name} on ${date}`,
    );
  return hit;
}

function checkDate(now: Date, identifiedOn: string) {
  if (identifiedOn > vietnamDay(now)) throw invalid('identifiedOn', 'must not be after today');
}

export async function createHotspot(ctx: Ctx, input: z.infer<typeof HotspotInputSchema>) {
  const slug = ctx.scope.user.provinceSlug;
  if (!slug) throw invalid('lng', 'a hotspot is recorded in a province: sign in as its commander');
  checkDate(ctx.now, input.identifiedOn);
  const unit = await communeAt(ctx.db, slug, input.lng, input.lat, input.identifiedOn);
  const place = placeAgainstBorder(await borderIndexes(ctx.db), slug, input.lng, input.lat);
  return ctx.db.transaction(async (tx) => {
    const row = await auditedInsert(
      tx,
      ctx.now,
      ctx.scope.user,
      hotspots,
      {
        id: `hs-${randomUUID()}`,
        unitId: unit.id,
        eliminatedOn: null,
        reEmergedFromId: null,
        ...input,
        ...place,
      },
      { action: 'hotspot.create', objectType: 'hotspot', clientIp: ctx.ip },
    );
    const alert = await raiseBorderAlert(
      tx,
      ctx.now,
      ctx.scope.user,
      row,
      slug,
      vietnamDay(ctx.now),
      ctx.ip,
    );
    return { ...row, borderAlertId: alert?.id ?? null };
  });
}

/** Edits or moves a hotspot (version-checked); a move or a new date finds its commune again. */
export async function updateHotspot(
  ctx: Ctx,
  id: string,
  version: number,
  patch: Omit<z.infer<typeof HotspotPatchSchema>, 'version'>,
) {
  const row = await hotspotInScope(ctx.db, ctx.now, ctx.scope, id, 'hotspot.update', ctx.ip);
  const identifiedOn = patch.identifiedOn ?? row.h.identifiedOn;
  checkDate(ctx.now, identifiedOn);
  if (row.h.eliminatedOn && identifiedOn > row.h.eliminatedOn)
    throw invalid('identifiedOn', `must not be after the elimination (${row.h.eliminatedOn})`);
  const lng = patch.lng ?? row.h.lng;
  const lat = patch.lat ?? row.h.lat;
  const [province] = await ctx.db
    .select({ slug: adminUnits.slug })
    .from(adminUnits)
    .where(eq(adminUnits.id, row.provinceId ?? ''));
  // A new date may put the point in another era's commune; only a new position changes its place at the border.
  const relocated = patch.lng !== undefined || patch.lat !== undefined;
  const moved = relocated || patch.identifiedOn !== undefined;
  const slug = province?.slug ?? '';
  const unit = moved ? await communeAt(ctx.db, slug, lng, lat, identifiedOn) : null;
  const place = relocated ? placeAgainstBorder(await borderIndexes(ctx.db), slug, lng, lat) : null;
  return ctx.db.transaction(async (tx) => {
    const row = await auditedUpdate(
      tx,
      ctx.now,
      ctx.scope.user,
      hotspots,
      id,
      version,
      { ...patch, ...place, ...(unit ? { unitId: unit.id } : {}) },
      { action: 'hotspot.update', objectType: 'hotspot', clientIp: ctx.ip },
    );
    if (!place) return { ...row, borderAlertId: null };
    // Its alert, if any, follows it to the stretch it now faces; moved near the border, an active hotspot
    // raises one (a hotspot has at most one).
    await followAlert(tx, ctx, id, place);
    const alert = !row.eliminatedOn
      ? await raiseBorderAlert(
          tx,
          ctx.now,
          ctx.scope.user,
          row as never,
          slug,
          vietnamDay(ctx.now),
          ctx.ip,
        )
      : null;
    return { ...row, borderAlertId: alert?.id ?? null };
  });
}

/** An unresolved alert of a moved hotspot takes its new distance and stretch (audited). */
async function followAlert(
  tx: Ctx['db'],
  ctx: Ctx,
  hotspotId: string,
  place: { borderDistanceM: number | null; borderSectorId: string | null },
) {
  const [alert] = await tx
    .select()
    .from(borderAlerts)
    .where(and(eq(borderAlerts.hotspotId, hotspotId), isNull(borderAlerts.resolvedOn)));
  if (!alert || place.borderDistanceM === null) return;
  if (alert.distanceM === place.borderDistanceM && alert.sectorId === place.borderSectorId) return;
  await auditedUpdate(
    tx,
    ctx.now,
    ctx.scope.user,
    borderAlerts,
    alert.id,
    alert.version,
    { distanceM: place.borderDistanceM, sectorId: place.borderSectorId },
    { action: 'border_alert.move', objectType: 'border_alert', clientIp: ctx.ip },
  );
}
