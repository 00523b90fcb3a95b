/**
 * The border belt's pure parts: the geofence and belt rules (table-tested at their edges), the indexed distance
 * against turf measuring every segment, an alert's state on a date, and the stations' stretches of the demo.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { BorderIndex, EXACT_WITHIN_M } from '@pcmt/shared/border';
import {
  DEFAULT_BORDER_RULE,
  isBorderCommune,
  raisesBorderAlert,
  TOUCH_TOLERANCE_M,
} from '@pcmt/shared/border-rules';
import { HOTSPOT_KINDS } from '@pcmt/shared/domain';
import type { DemoData } from '@pcmt/shared/demo-data';
import { alertOn, alertsOn } from '@pcmt/shared/state/alerts';

const require = createRequire(import.meta.url);
const demo = JSON.parse(
  readFileSync(require.resolve('@pcmt/data/build/demo.json'), 'utf8'),
) as DemoData;

describe('the geofence rule', () => {
  const rule = { beltM: 0, alertWithinM: 5000 };
  it.each([
    [0, true],
    [4999, true],
    [5000, true],
    [5001, false],
    [120_000, false],
    [null, false],
  ] as const)('a hotspot %s m from the line raises an alert: %s', (distanceM, expected) => {
    expect(raisesBorderAlert({ kind: 'retail_point', distanceM }, rule)).toBe(expected);
  });
  it('treats every kind alike, a crop plot included', () => {
    for (const kind of HOTSPOT_KINDS)
      expect(raisesBorderAlert({ kind, distanceM: 2000 }, rule), kind).toBe(true);
  });
  it('raises nothing when the province sets the distance to 0', () => {
    expect(
      raisesBorderAlert({ kind: 'illicit_crop', distanceM: 0 }, { beltM: 0, alertWithinM: 0 }),
    ).toBe(false);
  });
  it('defaults to alerts within 5 km and a belt of touching communes only', () =>
    expect(DEFAULT_BORDER_RULE).toEqual({ beltM: 0, alertWithinM: 5000 }));
});

describe('the border-commune rule', () => {
  it.each([
    [0, 0, true],
    [TOUCH_TOLERANCE_M, 0, true],
    [TOUCH_TOLERANCE_M + 1, 0, false],
    [7000, 10_000, true],
    [10_000, 10_000, true],
    [10_001, 10_000, false],
    [300, 200, true],
    [null, 10_000, false],
  ] as const)('%s m from the line, belt %s m: border commune %s', (d, beltM, expected) => {
    expect(isBorderCommune(d, { beltM, alertWithinM: 5000 })).toBe(expected);
  });
});

describe('distance to the border', () => {
  const lines = demo.borderLines.map((b) => ({ key: b.id, geometry: b.geometry as never }));
  const index = new BorderIndex(lines);
  const parts = demo.borderLines.flatMap((b) =>
    (b.geometry as GeoJSON.MultiLineString).coordinates.map((c) => turf.lineString(c)),
  );
  const exact = (p: number[]) =>
    Math.min(...parts.map((l) => turf.pointToLineDistance(p, l, { units: 'meters' })));

  it('measures points as turf does against every segment, within a metre', () => {
    for (const h of demo.hotspots.filter((_, i) => i % 9 === 0)) {
      const got = index.nearest({ type: 'Point', coordinates: [h.lng, h.lat] })!;
      expect(Math.abs(got.distanceM - exact([h.lng, h.lat])), h.id).toBeLessThanOrEqual(1);
    }
  });
  it('finds the nearest segment for random points around the borders, as turf does against every one', () => {
    let within = 0;
    // A seeded walk over the box of the demo's provinces and a band of Laos and China beside them.
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 300; i++) {
      const p = [102 + rand() * 4, 19.5 + rand() * 3.5];
      const got = index.nearest({ type: 'Point', coordinates: p })!.distanceM;
      const want = exact(p);
      // Exact where a rule can reach; beyond it never nearer than the truth.
      if (want <= EXACT_WITHIN_M) within++;
      if (want <= EXACT_WITHIN_M) expect(Math.abs(got - want), p.join(',')).toBeLessThanOrEqual(1);
      else expect(got, p.join(',')).toBeGreaterThanOrEqual(want - 1);
    }
    expect(within).toBeGreaterThan(100);
  });
  it('measures an area by its edges too: a line vertex pointing at the middle of a long edge', () => {
    // A long thin box whose nearest point to the border is the middle of its northern edge, not a corner.
    const stretch = new BorderIndex([
      {
        key: 'v',
        geometry: {
          type: 'LineString',
          coordinates: [
            [104.0, 21.2],
            [104.1, 21.05],
            [104.2, 21.2],
          ],
        },
      },
    ]);
    const box = turf.bboxPolygon([103.9, 20.9, 104.3, 21.0]).geometry;
    // (turf's edges are great-circle arcs, so the middle of the edge is a little north of 21°.)
    const expected = turf.pointToLineDistance(
      [104.1, 21.05],
      turf.lineString(box.coordinates[0]!),
      {
        units: 'meters',
      },
    );
    const corner = turf.pointToLineDistance(
      [104.0, 21.0],
      turf.lineString([
        [104.0, 21.2],
        [104.1, 21.05],
      ]),
      {
        units: 'meters',
      },
    );
    expect(corner).toBeGreaterThan(expected + 2000);
    expect(Math.abs(stretch.nearest(box)!.distanceM - expected)).toBeLessThanOrEqual(1);
  });
  it('gives 0 to an area the line crosses, and the nearest gap to one beside it', () => {
    const crossing = demo.crossings[0]!;
    const box = turf.bboxPolygon([
      crossing.lng - 0.01,
      crossing.lat - 0.01,
      crossing.lng + 0.01,
      crossing.lat + 0.01,
    ]);
    expect(index.nearest(box.geometry)!.distanceM).toBe(0);
    // A square whose nearest corner lies 3 km inland from the gate.
    const corner = turf.destination([crossing.lng, crossing.lat], 3, 135).geometry.coordinates;
    const d0 = exact(corner);
    const inland = turf.bboxPolygon([corner[0]!, corner[1]! - 0.02, corner[0]! + 0.02, corner[1]!]);
    const got = index.nearest(inland.geometry)!.distanceM;
    expect(got).toBeLessThanOrEqual(d0 + 1);
    expect(got).toBeGreaterThan(500);
  });
  it('says which piece is nearest', () => {
    const laos = demo.crossings.find((c) => c.border === 'VN-LA')!;
    expect(index.nearest({ type: 'Point', coordinates: [laos.lng, laos.lat] })!.key).toBe(
      'border-vn-la',
    );
  });
  it('answers null without any line', () =>
    expect(new BorderIndex([]).nearest({ type: 'Point', coordinates: [104, 21] })).toBeNull());
});

describe('an alert on a date', () => {
  const a = { raisedOn: '2026-03-02', acknowledgedOn: '2026-03-04', resolvedOn: '2026-04-10' };
  it.each([
    ['2026-03-01', null],
    ['2026-03-02', 'open'],
    ['2026-03-03', 'open'],
    ['2026-03-04', 'acknowledged'],
    ['2026-04-09', 'acknowledged'],
    ['2026-04-10', 'resolved'],
  ] as const)('on %s it is %s', (asOf, state) => expect(alertOn(a, asOf)).toBe(state));
  it('lists the open ones first, then the acknowledged, newest first, and leaves out later ones', () => {
    const list = alertsOn(
      [
        { id: 'x', raisedOn: '2026-01-01', acknowledgedOn: '2026-01-02', resolvedOn: null },
        { id: 'y', raisedOn: '2026-02-01', acknowledgedOn: null, resolvedOn: null },
        { id: 'z', raisedOn: '2026-01-15', acknowledgedOn: '2026-01-15', resolvedOn: '2026-01-20' },
        { id: 'w', raisedOn: '2026-03-01', acknowledgedOn: null, resolvedOn: null },
        { id: 'v', raisedOn: '2026-01-20', acknowledgedOn: '2026-01-21', resolvedOn: null },
      ],
      '2026-02-15',
    );
    expect(list.map((x) => `${x.id}:${x.state}`)).toEqual([
      'y:open',
      'v:acknowledged',
      'x:acknowledged',
      'z:resolved',
    ]);
  });
});

describe("the demo's stations' stretches", () => {
  const stations = new Map(demo.agencies.map((a) => [a.id, a]));
  it('gives every border-guard station of the demo one stretch, in its own province', () => {
    const withGates = new Set(demo.crossings.map((c) => c.responsibleAgencyId));
    expect(new Set(demo.borderSectors.map((s) => s.stationAgencyId))).toEqual(withGates);
    for (const s of demo.borderSectors) {
      const st = stations.get(s.stationAgencyId)!;
      expect(st.kind).toBe('border_guard_station');
      expect(st.provinceSlug).toBe(s.provinceSlug);
      expect(s.name).toBe(`Đoạn biên giới – ${st.name}`);
    }
  });
  it('cuts stretches from the line itself, and each holds its own crossings', () => {
    const line = new BorderIndex(
      demo.borderLines.map((b) => ({ key: b.id, geometry: b.geometry as never })),
    );
    for (const s of demo.borderSectors) {
      for (const p of turf.coordAll(turf.feature(s.geometry as never)))
        expect(line.nearest({ type: 'Point', coordinates: p })!.distanceM).toBe(0);
      const own = new BorderIndex([{ key: s.id, geometry: s.geometry as never }]);
      for (const c of demo.crossings.filter((x) => x.responsibleAgencyId === s.stationAgencyId))
        expect(
          own.nearest({ type: 'Point', coordinates: [c.lng, c.lat] })!.distanceM,
          c.name,
        ).toBeLessThan(2000);
    }
  });
  it("measures the provinces' stretches near their real lengths", () => {
    const km = (slug: string) =>
      demo.borderSectors.filter((s) => s.provinceSlug === slug).reduce((n, s) => n + s.lengthKm, 0);
    // Natural Earth's 1:10m line is shorter than the surveyed one (Lào Cai 182 km, Sơn La 250 km).
    expect(km('lao-cai')).toBeGreaterThan(120);
    expect(km('lao-cai')).toBeLessThan(200);
    expect(km('son-la')).toBeGreaterThan(170);
    expect(km('son-la')).toBeLessThan(260);
  });
});
