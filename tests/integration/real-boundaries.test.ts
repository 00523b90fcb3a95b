/**
 * The dashboard started on real boundaries in one step (`BOUNDARIES=` at the first start, `start:real`): the
 * list in data/sources/real-boundaries.json, read from ../shared/data/real/ (test fixtures), puts the real
 * province outlines and communes of both eras over the demo's tessellation and rebuilds the reform's crosswalk
 * from the mapping CSV; the demo's hotspots, assessments and plans end up on real communes.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminUnits,
  hotspots,
  transformationPlans as plans,
  unitCrosswalk,
} from '../../server/src/db/schema.ts';
import { applyBoundaryManifest } from '../../server/src/services/boundary-manifest.ts';
import { testApp, type TestApi } from '../support/app.ts';
import { openTestDb, type TestDb } from '../support/test-db.ts';

const LIST = new URL('../../data/sources/real-boundaries.json', import.meta.url);
let t: TestDb;
let api: TestApi;
const lines: string[] = [];
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
  await applyBoundaryManifest(t.db, LIST.pathname, {
    now: new Date('2026-11-22T03:00:00Z'),
    commit: true,
    log: (l) => lines.push(l),
  });
}, 600_000);
afterAll(() => t.close());

describe(`start on real boundaries (${process.env.DB_ENGINE})`, () => {
  it('holds the 378 real communes of 2025 and the real outlines of the four provinces', async () => {
    const now = await t.db
      .select()
      .from(adminUnits)
      .where(
        and(
          eq(adminUnits.level, 'commune'),
          eq(adminUnits.validFrom, '2025-07-01'),
          isNull(adminUnits.validTo),
        ),
      );
    expect(now).toHaveLength(378);
    expect(now.every((u) => !u.synthetic)).toBe(true);
    const laiChau = (
      await api.get('/api/units?province=lai-chau&level=commune&asOf=2026-11-01', 'planner')
    ).body;
    expect(laiChau.features).toHaveLength(38);
    const outline = (
      await api.get('/api/units?province=lai-chau&level=province&asOf=2026-11-01', 'planner')
    ).body;
    expect(outline.features[0].properties.synthetic).toBe(false);
    expect(lines.filter((l) => l.includes(' province replace 2025-07-01'))).toHaveLength(4);
  });

  it('holds the legacy communes before the reform, and the crosswalk of the mapping CSV', async () => {
    const before = (
      await api.get('/api/units?province=lai-chau&level=commune&asOf=2024-06-01', 'planner')
    ).body;
    expect(before.features.filter((f: any) => !f.properties.synthetic).length).toBeGreaterThan(90);
    // Phường Đoàn Kết (Lai Châu city) was merged into Phường Tân Phong in 2025 (mapping CSV).
    const links = await t.db
      .select()
      .from(unitCrosswalk)
      .where(eq(unitCrosswalk.effectiveOn, '2025-07-01'));
    const byCode = new Map((await t.db.select().from(adminUnits)).map((u) => [u.id, u]));
    const into = links.filter(
      (l) =>
        byCode.get(l.toUnitId)?.provinceId === 'prov-12-2025' &&
        byCode.get(l.toUnitId)?.validTo === null,
    );
    expect(new Set(into.map((l) => l.toUnitId)).size).toBe(38);
    expect(lines.filter((l) => l.includes('crosswalk from 2025-07-01'))).toHaveLength(4);
    // One link per old unit, new unit and day, none leading more than the whole of it.
    const all = await t.db.select().from(unitCrosswalk);
    const keys = all.map((l) => `${l.fromUnitId}>${l.toUnitId}@${l.effectiveOn}`);
    expect(keys.length - new Set(keys).size).toBe(0);
    expect(all.every((l) => l.share > 0 && l.share <= 1)).toBe(true);
  });

  it('leaves every hotspot and plan on a unit that is shown on some day', async () => {
    const units = new Map((await t.db.select().from(adminUnits)).map((u) => [u.id, u]));
    const shown = (id: string | null) => {
      const u = id ? units.get(id) : null;
      return !!u && (u.validTo === null || u.validTo > u.validFrom);
    };
    const spots = await t.db.select().from(hotspots);
    const orphans = spots.filter((h) => !shown(h.unitId));
    expect(orphans.length / spots.length).toBeLessThan(0.02);
    // The demo's points lie on the real communes (moved in when the real outline left them outside).
    const live = spots.filter((h) => units.get(h.unitId!)?.validTo === null);
    const inside = live.filter((h) =>
      booleanPointInPolygon([h.lng, h.lat], units.get(h.unitId!)!.geometry as never),
    );
    expect(inside.length / live.length).toBeGreaterThan(0.97);
    const allPlans = await t.db.select().from(plans);
    // Plans stay on their unit; a retired unit's plan is read through the crosswalk (its successor).
    const linked = new Set((await t.db.select().from(unitCrosswalk)).map((l) => l.fromUnitId));
    const lost = allPlans.filter((p) => !shown(p.unitId) && !linked.has(p.unitId));
    expect(
      lost.map((p) => [
        p.id,
        p.unitId,
        units.get(p.unitId)?.validFrom,
        units.get(p.unitId)?.validTo,
      ]),
    ).toEqual([]);
  });
});
