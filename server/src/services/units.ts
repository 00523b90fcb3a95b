/** Administrative units on a date, with their tier as of that date. Knows no HTTP. */
import { createHash } from 'node:crypto';
import { and, asc, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { assessmentOn, groupByUnit } from '@pcmt/shared/state/tiers';
import { parentOn, type CrosswalkLink } from '@pcmt/shared/state/villages';
import type { Tier } from '@pcmt/shared/domain';
import type { UnitsQuery } from '@pcmt/shared/contracts';
import type { Db } from '../db/create-db.ts';
import { adminUnits, tierAssessments, unitCrosswalk } from '../db/schema.ts';
import { notFound } from '../errors.ts';

export const validOn = (date: string) =>
  and(
    lte(adminUnits.validFrom, date),
    or(isNull(adminUnits.validTo), gt(adminUnits.validTo, date)),
  );

/**
 * Each province row's version of what `/api/units` answers for it: its units (boundaries, names, populations) and
 * their tier assessments, as counts and last changes. Any write to either gives a new version, so a URL
 * carrying the version names one answer.
 */
export async function unitsVersions(db: Db): Promise<Map<string, string>> {
  const list = await db
    .select({
      p: sql<string>`coalesce(${adminUnits.provinceId}, ${adminUnits.id})`,
      n: sql<number>`count(distinct ${adminUnits.id})::int`,
      at: sql<string | null>`max(${adminUnits.updatedAt})::text`,
      an: sql<number>`count(${tierAssessments.id})::int`,
      aat: sql<string | null>`max(${tierAssessments.updatedAt})::text`,
    })
    .from(adminUnits)
    .leftJoin(tierAssessments, eq(tierAssessments.unitId, adminUnits.id))
    .groupBy(sql`1`);
  return new Map(
    list.map((r) => [
      r.p,
      createHash('sha1').update(`${r.n}|${r.at}|${r.an}|${r.aat}`).digest('hex').slice(0, 12),
    ]),
  );
}

export async function listProvinces(db: Db, asOf?: string) {
  const rows = await db
    .select({
      id: adminUnits.id,
      code: adminUnits.code,
      slug: adminUnits.slug,
      name: adminUnits.name,
      nameEn: adminUnits.nameEn,
      validFrom: adminUnits.validFrom,
      validTo: adminUnits.validTo,
      west: adminUnits.west,
      south: adminUnits.south,
      east: adminUnits.east,
      north: adminUnits.north,
    })
    .from(adminUnits)
    .where(and(eq(adminUnits.level, 'province'), asOf ? validOn(asOf) : undefined))
    .orderBy(asc(adminUnits.name), asc(adminUnits.validFrom));
  const versions = await unitsVersions(db);
  return rows.map(({ west, south, east, north, ...r }) => ({
    ...r,
    bbox: [west, south, east, north] as [number, number, number, number],
    /** Pass as `v` to /api/units: a past day's answer under it is kept a year. */
    unitsVersion: versions.get(r.id) ?? '',
  }));
}

/** The province row with this slug valid on `date`, or a 404. */
export async function provinceOn(db: Db, slug: string, date: string) {
  const [row] = await db
    .select()
    .from(adminUnits)
    .where(and(eq(adminUnits.level, 'province'), eq(adminUnits.slug, slug), validOn(date)));
  if (!row) throw notFound(`Province ${slug} on ${date}`, 'province');
  return row;
}

/** Province ids that cover the same ground as `provinceId` in either era (via the crosswalk). */
export async function relatedProvinceIds(db: Db, provinceId: string): Promise<string[]> {
  const links = await db
    .select()
    .from(unitCrosswalk)
    .where(or(eq(unitCrosswalk.toUnitId, provinceId), eq(unitCrosswalk.fromUnitId, provinceId)));
  const ids = new Set([provinceId]);
  for (const l of links) {
    ids.add(l.fromUnitId);
    ids.add(l.toUnitId);
  }
  return [...ids].sort();
}

/** Each unit's assessment in force on `date`, by the shared rule (a same-day correction supersedes). */
export async function tiersOn(
  db: Db,
  unitIds: string[],
  date: string,
): Promise<Map<string, { tier: Tier; assessedOn: string }>> {
  const result = new Map<string, { tier: Tier; assessedOn: string }>();
  if (unitIds.length === 0) return result;
  const rows = await db
    .select({
      unitId: tierAssessments.unitId,
      tier: tierAssessments.tier,
      assessedOn: tierAssessments.assessedOn,
      seq: tierAssessments.seq,
    })
    .from(tierAssessments)
    .where(and(inArray(tierAssessments.unitId, unitIds), lte(tierAssessments.assessedOn, date)));
  for (const [unitId, list] of groupByUnit(rows.map((r) => ({ ...r, tier: r.tier as Tier })))) {
    const a = assessmentOn(list, date);
    if (a) result.set(unitId, { tier: a.tier, assessedOn: a.assessedOn });
  }
  return result;
}

/** For each unit, the units it was formed from (crosswalk), sorted. */
async function predecessorsOf(db: Db, unitIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (unitIds.length === 0) return out;
  const links = await db
    .select({ from: unitCrosswalk.fromUnitId, to: unitCrosswalk.toUnitId })
    .from(unitCrosswalk)
    .where(inArray(unitCrosswalk.toUnitId, unitIds))
    .orderBy(asc(unitCrosswalk.fromUnitId));
  for (const l of links) out.set(l.to, [...(out.get(l.to) ?? []), l.from]);
  return out;
}

export async function unitsCollection(db: Db, q: UnitsQuery, today: string) {
  const asOf = q.asOf && q.asOf < today ? q.asOf : today;
  const province = q.province ? await provinceOn(db, q.province, asOf) : null;
  // A village outlives a reform: it is kept under the province of the era it was recorded in.
  const villageProvinces =
    q.level === 'village' && q.province ? await provinceIdsOf(db, q.province) : null;
  const [w, s, e, n] = q.bbox ?? [];
  const rows = await db
    .select()
    .from(adminUnits)
    .where(
      and(
        eq(adminUnits.level, q.level),
        validOn(asOf),
        villageProvinces
          ? inArray(adminUnits.provinceId, villageProvinces)
          : province
            ? q.level === 'province'
              ? eq(adminUnits.id, province.id)
              : eq(adminUnits.provinceId, province.id)
            : undefined,
        q.bbox
          ? and(
              lte(adminUnits.west, e!),
              gte(adminUnits.east, w!),
              lte(adminUnits.south, n!),
              gte(adminUnits.north, s!),
            )
          : undefined,
      ),
    )
    .orderBy(asc(adminUnits.code));
  const ids = rows.map((r) => r.id);
  const tiers = await tiersOn(db, ids, asOf);
  const predecessors = await predecessorsOf(db, ids);
  const links = q.level === 'village' ? await crosswalkLinks(db) : [];
  return {
    type: 'FeatureCollection' as const,
    asOf,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: r.geometry,
      properties: {
        id: r.id,
        level: r.level,
        code: r.code,
        name: r.name,
        nameEn: r.nameEn,
        // A village's commune on the day asked (its recorded one, moved on by the crosswalk).
        parentId: r.level === 'village' ? parentOn(r.parentId, asOf, links) : r.parentId,
        predecessorIds: predecessors.get(r.id) ?? [],
        synthetic: r.synthetic,
        population: r.population,
        areaKm2: r.areaKm2,
        borderDistanceM: r.borderDistanceM,
        tier: tiers.get(r.id)?.tier ?? ('unassessed' as Tier),
        assessedOn: tiers.get(r.id)?.assessedOn ?? null,
      },
    })),
  };
}

/** Every link of the crosswalk (a few per reformed commune): what a village's commune on a date follows. */
export function crosswalkLinks(db: Db): Promise<CrosswalkLink[]> {
  return db
    .select({
      fromUnitId: unitCrosswalk.fromUnitId,
      toUnitId: unitCrosswalk.toUnitId,
      share: unitCrosswalk.share,
      effectiveOn: unitCrosswalk.effectiveOn,
    })
    .from(unitCrosswalk)
    .orderBy(asc(unitCrosswalk.id));
}

/** Units by id with their names and days of validity, oldest first. */
async function unitsByIds(db: Db, ids: string[]) {
  return ids.length
    ? db
        .select({
          id: adminUnits.id,
          name: adminUnits.name,
          validFrom: adminUnits.validFrom,
          validTo: adminUnits.validTo,
        })
        .from(adminUnits)
        .where(inArray(adminUnits.id, ids))
        .orderBy(asc(adminUnits.validFrom))
    : [];
}

/**
 * Each unit's name as an export prints it on `date`: a village with its commune of that day ("Bản 3, Xã San Thàng":
 * "Bản 3" is found in many communes), anything else as it is. Keyed by unit id.
 */
export async function namesWithCommune(
  db: Db,
  units: readonly { id: string; name: string; level: string; parentId: string | null }[],
  date: string,
): Promise<Map<string, string>> {
  const villages = units.filter((u) => u.level === 'village');
  const links = villages.length ? await crosswalkLinks(db) : [];
  const communeOf = new Map(villages.map((v) => [v.id, parentOn(v.parentId, date, links) ?? '']));
  const communes = new Map(
    (await unitsByIds(db, [...new Set(communeOf.values())].filter(Boolean))).map((c) => [
      c.id,
      c.name,
    ]),
  );
  return new Map(
    units.map((u) => {
      const commune = communes.get(communeOf.get(u.id) ?? '');
      return [u.id, commune ? `${u.name}, ${commune}` : u.name];
    }),
  );
}

const villageBox = {
  west: adminUnits.west,
  south: adminUnits.south,
  east: adminUnits.east,
  north: adminUnits.north,
};

/**
 * A commune's villages (those in it on its first day, following the crosswalk), or a village's commune in each era
 * from its recorded one.
 */
async function villageLinks(db: Db, unit: typeof adminUnits.$inferSelect) {
  if (unit.level !== 'commune' && unit.level !== 'village') return { villages: [], communes: [] };
  const links = await crosswalkLinks(db);
  if (unit.level === 'village') {
    const days = [
      unit.validFrom,
      ...new Set(links.map((l) => l.effectiveOn).filter((d) => d > unit.validFrom)),
    ].sort();
    const ids = [...new Set(days.map((d) => parentOn(unit.parentId, d, links)))].filter(
      (x): x is string => !!x,
    );
    return { villages: [], communes: await unitsByIds(db, ids) };
  }
  // Villages are kept under the province of the era they were recorded in: look in every era's province.
  const provinces = await relatedProvinceIds(db, unit.provinceId ?? '');
  const candidates = await db
    .select({
      id: adminUnits.id,
      code: adminUnits.code,
      name: adminUnits.name,
      population: adminUnits.population,
      parentId: adminUnits.parentId,
      ...villageBox,
    })
    .from(adminUnits)
    .where(and(eq(adminUnits.level, 'village'), inArray(adminUnits.provinceId, provinces)))
    .orderBy(asc(adminUnits.code));
  const villages = candidates
    .filter((v) => parentOn(v.parentId, unit.validFrom, links) === unit.id)
    .map(({ parentId: _p, west, south, east, north, ...v }) => ({
      ...v,
      bbox: [west, south, east, north] as [number, number, number, number],
    }));
  return { villages, communes: [] };
}

export async function unitDetail(db: Db, id: string) {
  const [unit] = await db.select().from(adminUnits).where(eq(adminUnits.id, id));
  if (!unit) throw notFound(`Unit ${id}`, 'id');
  const history = await db
    .select()
    .from(tierAssessments)
    .where(eq(tierAssessments.unitId, id))
    .orderBy(asc(tierAssessments.assessedOn), asc(tierAssessments.seq));
  const links = await db
    .select({
      fromUnitId: unitCrosswalk.fromUnitId,
      toUnitId: unitCrosswalk.toUnitId,
      effectiveOn: unitCrosswalk.effectiveOn,
    })
    .from(unitCrosswalk)
    .where(or(eq(unitCrosswalk.fromUnitId, id), eq(unitCrosswalk.toUnitId, id)));
  const otherIds = links.map((l) => (l.fromUnitId === id ? l.toUnitId : l.fromUnitId));
  const others = await unitsByIds(db, otherIds);
  const { geometry: _g, west, south, east, north, ...rest } = unit;
  const [province] =
    unit.level === 'province'
      ? [unit]
      : await db
          .select()
          .from(adminUnits)
          .where(eq(adminUnits.id, unit.provinceId ?? ''));
  return {
    ...rest,
    provinceSlug: province?.slug ?? null,
    bbox: [west, south, east, north],
    tierHistory: history.map((h) => ({
      id: h.id,
      assessedOn: h.assessedOn,
      seq: h.seq,
      tier: h.tier as Tier,
      criteria: h.criteria,
      note: h.note,
      decidedBy: h.decidedBy,
    })),
    predecessors: others.filter((o) => links.some((l) => l.fromUnitId === o.id)),
    successors: others.filter((o) => links.some((l) => l.toUnitId === o.id)),
    ...(await villageLinks(db, unit)),
  };
}

/** The ids of the province rows (every era) with this slug and of the provinces they cover; 404 when none. */
export async function provinceIdsOf(db: Db, slug: string) {
  const provinces = await db
    .select({ id: adminUnits.id })
    .from(adminUnits)
    .where(and(eq(adminUnits.level, 'province'), eq(adminUnits.slug, slug)));
  if (provinces.length === 0) throw notFound(`Province ${slug}`, 'province');
  return [
    ...new Set((await Promise.all(provinces.map((p) => relatedProvinceIds(db, p.id)))).flat()),
  ];
}

/** Every tier assessment of the communes of a province, in both eras: the client computes tiers on any date. */
export async function provinceAssessments(db: Db, slug: string) {
  const ids = await provinceIdsOf(db, slug);
  return db
    .select({
      unitId: tierAssessments.unitId,
      assessedOn: tierAssessments.assessedOn,
      seq: tierAssessments.seq,
      tier: tierAssessments.tier,
    })
    .from(tierAssessments)
    .innerJoin(adminUnits, eq(tierAssessments.unitId, adminUnits.id))
    .where(inArray(adminUnits.provinceId, ids))
    .orderBy(
      asc(tierAssessments.unitId),
      asc(tierAssessments.assessedOn),
      asc(tierAssessments.seq),
    );
}

/** The full rows of the communes of a province (by its row's id) valid on `date`. */
export const communeRowsOn = (db: Db, provinceId: string, date: string) =>
  db
    .select()
    .from(adminUnits)
    .where(
      and(eq(adminUnits.level, 'commune'), eq(adminUnits.provinceId, provinceId), validOn(date)),
    );

/** The communes of a province valid on `asOf`, without geometry: what a snapshot needs. */
export async function communesOn(db: Db, slug: string, asOf: string) {
  const province = await provinceOn(db, slug, asOf);
  const rows = await db
    .select({ id: adminUnits.id, name: adminUnits.name, parentId: adminUnits.parentId })
    .from(adminUnits)
    .where(
      and(eq(adminUnits.level, 'commune'), eq(adminUnits.provinceId, province.id), validOn(asOf)),
    )
    .orderBy(asc(adminUnits.code));
  const predecessors = await predecessorsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, predecessorIds: predecessors.get(r.id) ?? [] }));
}
