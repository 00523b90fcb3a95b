/**
 * Reads and writes of the border belt: the stations' stretches, the alerts near the border (acknowledged and
 * resolved by the station whose stretch they face, each step versioned and audited) and the province's rule.
 */
import { asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { AlertPatchSchema, BorderRulePutSchema } from '@pcmt/shared/border-contracts';
import { vietnamDay } from '@pcmt/shared/dates';
import type { Db } from '../db/create-db.ts';
import {
  adminUnits,
  agencies,
  borderAlerts,
  borderSectors,
  hotspots,
  provinceBorderRules,
} from '../db/schema.ts';
import { isUniqueViolation } from '../db/pg-errors.ts';
import { ApiError, StaleVersionError } from '../errors.ts';
import { audit } from './audit.ts';
import { borderRuleOf } from './border-belt.ts';
import { denyOutOfScope, inScope, type Scope } from './scope.ts';
import { auditedInsert, auditedUpdate } from './versioned.ts';

export async function sectorsCollection(db: Db, province: string | undefined) {
  const rows = await db
    .select({
      id: borderSectors.id,
      border: borderSectors.border,
      provinceSlug: borderSectors.provinceSlug,
      stationAgencyId: borderSectors.stationAgencyId,
      stationName: agencies.name,
      name: borderSectors.name,
      lengthKm: borderSectors.lengthKm,
      geometry: borderSectors.geometry,
    })
    .from(borderSectors)
    .innerJoin(agencies, eq(agencies.id, borderSectors.stationAgencyId))
    .where(province ? eq(borderSectors.provinceSlug, province) : undefined)
    .orderBy(asc(borderSectors.id));
  return {
    type: 'FeatureCollection' as const,
    features: rows.map(({ geometry, ...properties }) => ({
      type: 'Feature' as const,
      id: properties.id,
      geometry,
      properties,
    })),
  };
}

export async function listAlerts(db: Db, province: string | undefined) {
  const station = alias(agencies, 'station');
  return db
    .select({
      id: borderAlerts.id,
      version: borderAlerts.version,
      provinceSlug: borderAlerts.provinceSlug,
      hotspotId: borderAlerts.hotspotId,
      kind: hotspots.kind,
      lng: hotspots.lng,
      lat: hotspots.lat,
      unitId: hotspots.unitId,
      unitName: adminUnits.name,
      identifiedOn: hotspots.identifiedOn,
      eliminatedOn: hotspots.eliminatedOn,
      distanceM: borderAlerts.distanceM,
      withinM: borderAlerts.withinM,
      sectorId: borderAlerts.sectorId,
      stationAgencyId: borderSectors.stationAgencyId,
      stationName: station.name,
      raisedOn: borderAlerts.raisedOn,
      acknowledgedOn: borderAlerts.acknowledgedOn,
      acknowledgedByAgencyId: borderAlerts.acknowledgedByAgencyId,
      resolvedOn: borderAlerts.resolvedOn,
      resolvedByAgencyId: borderAlerts.resolvedByAgencyId,
      note: borderAlerts.note,
    })
    .from(borderAlerts)
    .innerJoin(hotspots, eq(hotspots.id, borderAlerts.hotspotId))
    .innerJoin(adminUnits, eq(adminUnits.id, hotspots.unitId))
    .leftJoin(borderSectors, eq(borderSectors.id, borderAlerts.sectorId))
    .leftJoin(station, eq(station.id, borderSectors.stationAgencyId))
    .where(province ? eq(borderAlerts.provinceSlug, province) : undefined)
    .orderBy(desc(borderAlerts.raisedOn), asc(borderAlerts.id));
}

const NEXT: Record<string, readonly string[]> = {
  open: ['acknowledged', 'resolved'],
  acknowledged: ['resolved'],
  resolved: [],
};

/**
 * Acknowledges or resolves an alert, as of today, for the user's station: only the station whose stretch the alert
 * faces may (any border unit of the province when it faces none); a step back or a repeat is a 409.
 */
export async function updateAlert(
  db: Db,
  now: Date,
  scope: Scope,
  id: string,
  version: number,
  input: z.infer<typeof AlertPatchSchema>,
  ip: string | null,
) {
  const action = `border_alert.${input.state === 'acknowledged' ? 'acknowledge' : 'resolve'}`;
  const [row] = await db
    .select({ a: borderAlerts, station: borderSectors.stationAgencyId })
    .from(borderAlerts)
    .leftJoin(borderSectors, eq(borderSectors.id, borderAlerts.sectorId))
    .where(eq(borderAlerts.id, id));
  if (!row || !inScope(scope, row.a.provinceSlug))
    return denyOutOfScope(db, now, scope, `Alert ${id}`, 'id', {
      action,
      objectType: 'border_alert',
      objectId: id,
      clientIp: ip,
    });
  const agencyId = scope.user.agencyId;
  if (!agencyId || (row.station && row.station !== agencyId)) {
    await audit(db, now, {
      actor: scope.user,
      action,
      objectType: 'border_alert',
      objectId: id,
      outcome: 'denied',
      clientIp: ip,
      detail: agencyId ? 'alert on the stretch of another station' : 'no border unit',
    });
    throw new ApiError(
      403,
      'forbidden',
      agencyId
        ? 'This alert faces the stretch of another station'
        : 'Your account is not attached to a border unit',
      'id',
    );
  }
  if (row.a.version !== version) throw new StaleVersionError(row.a);
  const current = row.a.resolvedOn ? 'resolved' : row.a.acknowledgedOn ? 'acknowledged' : 'open';
  if (!NEXT[current]!.includes(input.state))
    throw new ApiError(
      409,
      'invalid_transition',
      `state: the alert is ${current} and cannot become ${input.state}`,
      'state',
    );
  const today = vietnamDay(now);
  const patch =
    input.state === 'acknowledged'
      ? { acknowledgedOn: today, acknowledgedByAgencyId: agencyId }
      : {
          resolvedOn: today,
          resolvedByAgencyId: agencyId,
          // Resolved straight from open: it was seen the same day.
          ...(current === 'open'
            ? { acknowledgedOn: today, acknowledgedByAgencyId: agencyId }
            : {}),
        };
  return auditedUpdate(
    db,
    now,
    scope.user,
    borderAlerts,
    id,
    version,
    { ...patch, ...(input.note ? { note: input.note } : {}) },
    { action, objectType: 'border_alert', clientIp: ip },
  );
}

/** Sets the commander's province rule: created from the defaults (version 0) or edited under its version. */
export async function putBorderRule(
  db: Db,
  now: Date,
  scope: Scope,
  input: z.infer<typeof BorderRulePutSchema>,
  version: number,
  ip: string | null,
) {
  const slug = scope.user.provinceSlug;
  if (!slug) {
    await audit(db, now, {
      actor: scope.user,
      action: 'border_rule.update',
      objectType: 'border_rule',
      outcome: 'denied',
      clientIp: ip,
      detail: 'no province',
    });
    throw new ApiError(403, 'forbidden', 'A border rule is set by the commander of a province');
  }
  const current = await borderRuleOf(db, slug);
  if (current.version !== version) throw new StaleVersionError({ ...current, id: slug });
  const values = { beltM: input.beltM, alertWithinM: input.alertWithinM };
  if (current.isDefault)
    await auditedInsert(
      db,
      now,
      scope.user,
      provinceBorderRules,
      { id: slug, ...values },
      { action: 'border_rule.create', objectType: 'border_rule', clientIp: ip },
    ).catch(async (e: unknown) => {
      // Two first rules at once: the one that lost read version 0 of a rule that now exists.
      if (isUniqueViolation(e)) throw new StaleVersionError(await borderRuleOf(db, slug));
      throw e;
    });
  else
    await auditedUpdate(db, now, scope.user, provinceBorderRules, slug, version, values, {
      action: 'border_rule.update',
      objectType: 'border_rule',
      clientIp: ip,
    });
  return borderRuleOf(db, slug);
}
