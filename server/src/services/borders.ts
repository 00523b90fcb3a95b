/** Border lines, crossings, key routes and coordination events. */
import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../db/create-db.ts';
import {
  agencies,
  borderCrossings,
  borderLines,
  coordinationEvents,
  keyRoutes,
} from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { withParts } from './coordination.ts';
import { seizuresAt } from './seizures.ts';

export async function borderCollection(db: Db) {
  const rows = await db.select().from(borderLines).orderBy(asc(borderLines.id));
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: r.geometry,
      properties: { id: r.id, border: r.border, name: r.name },
    })),
  };
}

export async function routesCollection(db: Db, province?: string) {
  const rows = await db
    .select()
    .from(keyRoutes)
    .where(province ? eq(keyRoutes.provinceSlug, province) : undefined)
    .orderBy(asc(keyRoutes.id));
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: r.geometry,
      properties: { id: r.id, name: r.name, province: r.provinceSlug, synthetic: r.synthetic },
    })),
  };
}

export async function crossingsCollection(
  db: Db,
  q: { province?: string; border?: string; kind?: string },
) {
  const rows = await db
    .select()
    .from(borderCrossings)
    .where(
      and(
        q.province ? eq(borderCrossings.provinceSlug, q.province) : undefined,
        q.border ? eq(borderCrossings.border, q.border) : undefined,
        q.kind ? eq(borderCrossings.kind, q.kind) : undefined,
      ),
    )
    .orderBy(asc(borderCrossings.id));
  return {
    type: 'FeatureCollection' as const,
    features: rows.map(({ lng, lat, createdAt: _c, updatedAt: _u, ...r }) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: { type: 'Point' as const, coordinates: [lng, lat] },
      properties: r,
    })),
  };
}

export async function crossingDetail(db: Db, id: string) {
  const [row] = await db.select().from(borderCrossings).where(eq(borderCrossings.id, id));
  if (!row) throw notFound(`Crossing ${id}`, 'id');
  const events = await db
    .select()
    .from(coordinationEvents)
    .where(eq(coordinationEvents.crossingId, id))
    .orderBy(desc(coordinationEvents.occurredOn));
  const unitIds = [row.responsibleAgencyId, ...row.partnerAgencyIds].filter(
    (x): x is string => !!x,
  );
  const names = unitIds.length
    ? await db
        .select({ id: agencies.id, name: agencies.name, kind: agencies.kind })
        .from(agencies)
        .where(inArray(agencies.id, unitIds))
    : [];
  return {
    ...row,
    /** The station first, then the partners, with their names. */
    units: unitIds.flatMap((id) => names.filter((n) => n.id === id)),
    events: await withParts(db, events),
    seizures: await seizuresAt(db, id),
  };
}

export async function listEvents(
  db: Db,
  q: { crossing?: string; border?: string; from?: string; to?: string },
) {
  const rows = await db
    .select()
    .from(coordinationEvents)
    .where(
      and(
        q.crossing ? eq(coordinationEvents.crossingId, q.crossing) : undefined,
        q.border ? eq(coordinationEvents.border, q.border) : undefined,
        q.from ? gte(coordinationEvents.occurredOn, q.from) : undefined,
        q.to ? lte(coordinationEvents.occurredOn, q.to) : undefined,
      ),
    )
    .orderBy(desc(coordinationEvents.occurredOn), asc(coordinationEvents.id));
  return withParts(db, rows);
}
