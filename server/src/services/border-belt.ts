/**
 * The border belt: every unit's and hotspot's distance to the border line (shared/src/border.ts), the stations'
 * stretches, the province's border rule and the alert a hotspot recorded near the border raises.
 */
import { randomUUID } from 'node:crypto';
import { eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { borderIndexesOf, placeAgainstBorder, type BorderIndexes } from '@pcmt/shared/border';
import { DEFAULT_BORDER_RULE, raisesBorderAlert, type BorderRule } from '@pcmt/shared/border-rules';
import { addDays } from '@pcmt/shared/dates';
import type { HotspotKind } from '@pcmt/shared/domain';
import type { Db } from '../db/create-db.ts';
import {
  adminUnits,
  borderAlerts,
  borderLines,
  borderSectors,
  hotspots,
  provinceBorderRules,
} from '../db/schema.ts';
import type { Actor } from './audit.ts';
import { auditedInsert } from './versioned.ts';

/** The border lines and each province's station stretches, indexed; built per call (about 1 ms). */
export async function borderIndexes(db: Db): Promise<BorderIndexes> {
  const [lines, sectors] = await Promise.all([
    db.select({ key: borderLines.id, geometry: borderLines.geometry }).from(borderLines),
    db
      .select({
        key: borderSectors.id,
        province: borderSectors.provinceSlug,
        geometry: borderSectors.geometry,
      })
      .from(borderSectors),
  ]);
  return borderIndexesOf(lines, sectors);
}

export { placeAgainstBorder, type BorderIndexes };

/**
 * Units and hotspots without a distance to the border get one: those written before the border belt existed, by
 * hand, or by an import. The demo's come measured from the data pipeline (the same code, shared/src/border.ts).
 */
export async function measureBorderDistances(db: Db): Promise<{ units: number; hotspots: number }> {
  const ix = await borderIndexes(db);
  const units = await db
    .select({ id: adminUnits.id, geometry: adminUnits.geometry })
    .from(adminUnits)
    .where(isNull(adminUnits.borderDistanceM));
  const unitValues = units
    .map((u) => ({ id: u.id, d: ix.lines.nearest(u.geometry)?.distanceM ?? null }))
    .filter((u): u is { id: string; d: number } => u.d !== null);
  const province = alias(adminUnits, 'province');
  const spots = await db
    .select({ id: hotspots.id, lng: hotspots.lng, lat: hotspots.lat, slug: province.slug })
    .from(hotspots)
    .innerJoin(adminUnits, eq(adminUnits.id, hotspots.unitId))
    .leftJoin(province, eq(province.id, adminUnits.provinceId))
    .where(isNull(hotspots.borderDistanceM));
  const spotValues = spots
    .map((h) => ({ id: h.id, ...placeAgainstBorder(ix, h.slug ?? '', h.lng, h.lat) }))
    .filter((h) => h.borderDistanceM !== null);
  for (let i = 0; i < unitValues.length; i += 500) {
    const rows = unitValues.slice(i, i + 500).map((u) => sql`(${u.id}, ${u.d}::float8)`);
    await db.execute(
      sql`update admin_units set border_distance_m = v.d, updated_at = now() from (values ${sql.join(rows, sql`, `)}) as v(id, d) where admin_units.id = v.id`,
    );
  }
  for (let i = 0; i < spotValues.length; i += 500) {
    const rows = spotValues
      .slice(i, i + 500)
      .map((h) => sql`(${h.id}, ${h.borderDistanceM}::float8, ${h.borderSectorId}::text)`);
    await db.execute(
      sql`update hotspots set border_distance_m = v.d, border_sector_id = v.s from (values ${sql.join(rows, sql`, `)}) as v(id, d, s) where hotspots.id = v.id`,
    );
  }
  return { units: unitValues.length, hotspots: spotValues.length };
}

/** The province's border rule with its version (0 and the defaults when it never set one). */
export async function borderRuleOf(
  db: Db,
  slug: string,
): Promise<BorderRule & { province: string; version: number; isDefault: boolean }> {
  const [row] = await db.select().from(provinceBorderRules).where(eq(provinceBorderRules.id, slug));
  return row
    ? {
        province: slug,
        beltM: row.beltM,
        alertWithinM: row.alertWithinM,
        version: row.version,
        isDefault: false,
      }
    : { province: slug, ...DEFAULT_BORDER_RULE, version: 0, isDefault: true };
}

/**
 * Raises the alert of a hotspot just recorded or moved, when the province's rule says so and it has none yet;
 * written in the caller's transaction, with its audit row.
 */
export async function raiseBorderAlert(
  tx: Db,
  now: Date,
  actor: Actor,
  h: {
    id: string;
    kind: string;
    borderDistanceM: number | null;
    borderSectorId: string | null;
  },
  province: string,
  raisedOn: string,
  ip: string | null,
) {
  const rule = await borderRuleOf(tx, province);
  if (!raisesBorderAlert({ kind: h.kind as HotspotKind, distanceM: h.borderDistanceM }, rule))
    return null;
  const [existing] = await tx
    .select({ id: borderAlerts.id })
    .from(borderAlerts)
    .where(eq(borderAlerts.hotspotId, h.id));
  if (existing) return null;
  return auditedInsert(
    tx,
    now,
    actor,
    borderAlerts,
    {
      id: `alert-${randomUUID()}`,
      hotspotId: h.id,
      provinceSlug: province,
      sectorId: h.borderSectorId,
      distanceM: h.borderDistanceM!,
      withinM: rule.alertWithinM,
      raisedOn,
    },
    { action: 'border_alert.raise', objectType: 'border_alert', clientIp: ip },
  );
}

/**
 * The demo's alerts: every demo hotspot within the default alert distance raised one on the day it was
 * identified, which its station acknowledged two days later and resolved on the day it was eliminated.
 */
export async function seedBorderAlerts(tx: Db): Promise<number> {
  const rows = await tx
    .select({
      id: hotspots.id,
      identifiedOn: hotspots.identifiedOn,
      eliminatedOn: hotspots.eliminatedOn,
      distanceM: hotspots.borderDistanceM,
      sectorId: hotspots.borderSectorId,
      province: borderSectors.provinceSlug,
      station: borderSectors.stationAgencyId,
    })
    .from(hotspots)
    .innerJoin(borderSectors, eq(borderSectors.id, hotspots.borderSectorId))
    .where(sql`${hotspots.borderDistanceM} <= ${DEFAULT_BORDER_RULE.alertWithinM}`);
  if (rows.length)
    await tx.insert(borderAlerts).values(
      rows.map((r) => {
        const ack = addDays(r.identifiedOn, 2);
        const acknowledgedOn = r.eliminatedOn && r.eliminatedOn < ack ? r.eliminatedOn : ack;
        return {
          id: `alert-${r.id}`,
          hotspotId: r.id,
          provinceSlug: r.province,
          sectorId: r.sectorId,
          distanceM: r.distanceM!,
          withinM: DEFAULT_BORDER_RULE.alertWithinM,
          raisedOn: r.identifiedOn,
          acknowledgedOn,
          acknowledgedByAgencyId: r.station,
          resolvedOn: r.eliminatedOn,
          resolvedByAgencyId: r.eliminatedOn ? r.station : null,
          note: r.eliminatedOn ? 'Dữ liệu minh họa: điểm đã triệt xóa' : 'Dữ liệu minh họa',
        };
      }),
    );
  return rows.length;
}
