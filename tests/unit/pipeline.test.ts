import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSources, renderBuild } from '@pcmt/data/cli';
import { BASEMAP_EXTENT } from '@pcmt/data/build';
import type { DemoData } from '@pcmt/shared/demo-data';

const require = createRequire(import.meta.url);
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
let first: Record<string, string>;
let demo: DemoData;

beforeAll(() => {
  first = renderBuild(readSources());
  demo = JSON.parse(first['demo.json']!);
});

describe('demo data pipeline', () => {
  it('gives identical bytes on two runs, equal to the committed build', () => {
    const second = renderBuild(readSources());
    for (const name of ['demo.json', 'basemap.json']) {
      expect(sha(second[name]!)).toBe(sha(first[name]!));
      expect(sha(readFileSync(require.resolve(`@pcmt/data/build/${name}`), 'utf8'))).toBe(
        sha(first[name]!),
      );
    }
  });

  it('has the commune counts of both eras', () => {
    const n = (provinceId: string) =>
      demo.units.filter((u) => u.level === 'commune' && u.provinceId === provinceId).length;
    expect(n('prov-10-2020')).toBe(151);
    expect(n('prov-15-2025')).toBe(99);
    expect(n('prov-12-2025')).toBe(38);
  });

  it('tessellates each province without gaps or overlaps', () => {
    for (const province of demo.units.filter((u) => u.level === 'province')) {
      const communes = demo.units.filter(
        (u) => u.level === 'commune' && u.provinceId === province.id,
      );
      const sum = communes.reduce((s, c) => s + turf.area(c.geometry as never), 0);
      const whole = turf.area(province.geometry as never);
      expect(Math.abs(sum - whole) / whole).toBeLessThan(0.002);
    }
  });

  it('maps every old commune of the merged provinces to exactly one new commune', () => {
    const old = demo.units.filter((u) => u.level === 'commune' && u.validTo === '2025-07-01');
    const targets = new Map<string, number>();
    for (const c of demo.crosswalk) targets.set(c.fromUnitId, (targets.get(c.fromUnitId) ?? 0) + 1);
    for (const c of old) expect(targets.get(c.id)).toBe(1);
  });

  it('marks synthetic units and approximate crossings', () => {
    expect(demo.units.filter((u) => u.level === 'commune').every((u) => u.synthetic)).toBe(true);
    expect(demo.crossings.every((c) => c.approximate)).toBe(true);
    expect(demo.crossings.filter((c) => c.kind === 'opening').every((c) => c.synthetic)).toBe(true);
  });

  it('records the origin and licence of every source', () => {
    expect(demo.meta.sources.length).toBeGreaterThanOrEqual(3);
    for (const s of demo.meta.sources) expect(s.licence.length).toBeGreaterThan(3);
  });

  it('keeps no personal data: no field names a person', () => {
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          if (k !== 'geometry') walk(x);
        }
    };
    walk({ ...demo, units: [] });
    for (const k of keys) expect(k).not.toMatch(/person|suspect|fullName|phone|birth|citizen/i);
  });

  it('keeps of the neighbours only the frame around Vietnam, and all of Vietnam', () => {
    const basemap = JSON.parse(first['basemap.json']!) as GeoJSON.FeatureCollection;
    const [w, s, e, n] = BASEMAP_EXTENT;
    const countries = basemap.features.filter((f) => f.properties?.layer === 'country');
    expect(countries.map((f) => f.properties?.iso).sort()).toEqual(
      expect.arrayContaining(['CN', 'KH', 'LA', 'TH', 'VN']),
    );
    for (const f of countries) {
      const [fw, fs, fe, fn] = turf.bbox(f);
      expect([fw >= w, fs >= s, fe <= e, fn <= n], String(f.properties?.iso)).toEqual([
        true,
        true,
        true,
        true,
      ]);
    }
    // Vietnam's own outline is not cut by the frame: its area is the source's.
    const vn = (fc: GeoJSON.FeatureCollection) =>
      turf.area(fc.features.find((f) => f.properties?.iso === 'VN')! as never);
    expect(vn(basemap) / vn(readSources().countries as never)).toBeCloseTo(1, 3);
  });
});
