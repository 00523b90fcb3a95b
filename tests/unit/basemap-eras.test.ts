/**
 * The basemap's provinces follow the era: 63 before 01/07/2025, 34 after, dissolved from the old ones by the merger
 * list of Nghị quyết 202/2025/QH15. The style's own filter, evaluated by MapLibre's expression engine, picks them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { buildBaseStyle } from '@pcmt/web/map/styles.ts';

const require = createRequire(import.meta.url);
const basemap = JSON.parse(
  readFileSync(require.resolve('@pcmt/data/build/basemap.json'), 'utf8'),
) as FeatureCollection<Polygon | MultiPolygon>;

/** The provinces the style's Vietnam fill draws on a day, as MapLibre evaluates its filter. */
function drawnOn(asOf: string) {
  const layer = buildBaseStyle(basemap, asOf).layers.find((l) => l.id === 'basemap-vietnam') as {
    filter: unknown;
  };
  const filter = featureFilter(layer.filter as never, 'layers[2].filter');
  return basemap.features.filter((f) =>
    filter.filter({ zoom: 6 } as never, { type: 3, properties: f.properties ?? {} } as never),
  );
}
const areaOf = (fs: Feature<Polygon | MultiPolygon>[]) => fs.reduce((a, f) => a + turf.area(f), 0);

describe('the basemap’s provinces by era', () => {
  const before = drawnOn('2025-06-30');
  const after = drawnOn('2025-07-01');

  it('draws 63 provinces until 30/06/2025 and 34 from 01/07/2025, never both', () => {
    expect(before).toHaveLength(63);
    expect(after).toHaveLength(34);
    expect(before.filter((f) => after.includes(f))).toHaveLength(0);
    expect(drawnOn('2024-10-31')).toEqual(before);
    expect(drawnOn('2026-12-02')).toEqual(after);
  });

  it('names the 63 by their own names (not Natural Earth’s regions)', () => {
    const names = before.map((f) => String(f.properties?.name));
    expect(names).toEqual(expect.arrayContaining(['Bắc Kạn', 'Hưng Yên', 'Đồng Nai', 'Yên Bái']));
    expect(names.filter((n) => /^Vùng|Đông Nam Bộ|Đồng Bằng/.test(n))).toEqual([]);
    expect(new Set(names).size).toBe(63);
  });

  it('forms each of the 34 from old provinces, each old one in exactly one, with the same land', () => {
    const used = after.flatMap((f) => f.properties?.formedFrom as string[]);
    expect(used.sort()).toEqual(before.map((f) => String(f.properties?.name)).sort());
    expect(after.find((f) => f.properties?.name === 'Lào Cai')!.properties?.formedFrom).toEqual([
      'Lào Cai',
      'Yên Bái',
    ]);
    for (const f of after) {
      const parts = before.filter((o) =>
        (f.properties?.formedFrom as string[]).includes(String(o.properties?.name)),
      );
      expect(turf.area(f) / areaOf(parts), String(f.properties?.name)).toBeCloseTo(1, 2);
    }
    expect(areaOf(after) / areaOf(before)).toBeCloseTo(1, 3);
  });
});
