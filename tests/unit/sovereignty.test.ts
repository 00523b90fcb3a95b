/**
 * Hoàng Sa and Trường Sa are Vietnamese land on every map: the built basemap holds no foreign polygon over either
 * archipelago, and both are drawn by a Vietnam layer of the style, with the province's fill, and labelled.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { buildBaseStyle } from '@pcmt/web/map/styles.ts';

const require = createRequire(import.meta.url);
const basemap = JSON.parse(
  readFileSync(require.resolve('@pcmt/data/build/basemap.json'), 'utf8'),
) as FeatureCollection;

// The archipelagos' extents as published (not the pipeline's own boxes): [west, south, east, north].
const BOXES = {
  'Hoàng Sa': [111.0, 15.7, 112.9, 17.1],
  'Trường Sa': [111.4, 6.9, 117.0, 11.6],
} as const;

const polygonsOf = (f: Feature): Feature<Polygon>[] =>
  f.geometry.type === 'Polygon'
    ? [turf.polygon((f.geometry as Polygon).coordinates)]
    : f.geometry.type === 'MultiPolygon'
      ? (f.geometry as MultiPolygon).coordinates.map((c) => turf.polygon(c))
      : [];

describe('Hoàng Sa and Trường Sa in the basemap', () => {
  it.each(Object.entries(BOXES))('no foreign polygon lies on %s', (_, box) => {
    const area = turf.bboxPolygon([...box]);
    for (const f of basemap.features) {
      if (f.properties?.iso === 'VN' || f.properties?.layer !== 'country') continue;
      const over = polygonsOf(f).filter((p) => turf.booleanIntersects(p, area));
      expect(over, `${f.properties?.name}`).toHaveLength(0);
    }
  });

  it.each([
    ['Hoàng Sa', 'hoang-sa', 'Thành phố Đà Nẵng', 7],
    ['Trường Sa', 'truong-sa', 'Tỉnh Khánh Hòa', 21],
  ] as const)('draws %s as Vietnam’s islands under its province', (name, key, province, islets) => {
    const area = turf.bboxPolygon([...BOXES[name]]);
    const f = basemap.features.find((x) => x.properties?.key === key)!;
    expect(f.properties).toMatchObject({ layer: 'archipelago', iso: 'VN', province });
    const inside = polygonsOf(f).filter((p) => turf.booleanIntersects(p, area));
    expect(inside.length).toBeGreaterThanOrEqual(islets);
    const label = basemap.features.find(
      (x) =>
        x.properties?.layer === 'label' && x.properties?.name === `Quần đảo ${name} (Việt Nam)`,
    )!;
    expect(turf.booleanPointInPolygon(label as Feature<never>, area)).toBe(true);
  });

  // Published positions (degrees, minutes, seconds), written here independently of the pipeline's list.
  const dms = (d: number, m: number, s = 0) => d + m / 60 + s / 3600;
  it.each([
    ['Trường Sa Lớn', dms(111, 55, 11), dms(8, 38, 41)],
    ['An Bang', dms(112, 55, 5), dms(7, 53, 28)],
    ['Phan Vinh', dms(113, 41, 30), dms(8, 57, 30)],
    ['Song Tử Tây', dms(114, 19, 53), dms(11, 25, 47)],
    ['Sinh Tồn', dms(114, 19, 45), dms(9, 52, 56)],
    ['Nam Yết', dms(114, 21, 42), dms(10, 10, 56)],
    ['Sơn Ca', dms(114, 28, 45), dms(10, 22, 33)],
    ['Ba Bình', dms(114, 21, 57), dms(10, 22, 38)],
    ['Thị Tứ', dms(114, 17, 4), dms(11, 3, 19)],
  ])('draws the island %s of Trường Sa, the southern ones included', (_, lng, lat) => {
    const f = basemap.features.find((x) => x.properties?.key === 'truong-sa')!;
    const nearest = Math.min(
      ...polygonsOf(f).map((p) =>
        turf.pointToPolygonDistance(turf.point([lng, lat]), p, { units: 'kilometers' }),
      ),
    );
    expect(nearest).toBeLessThan(3);
  });

  it('fills them with a Vietnam layer of the style, the provinces’ own fill, and no foreign layer matches them', () => {
    const style = buildBaseStyle(basemap);
    const fills = style.layers.filter((l) => l.type === 'fill') as {
      id: string;
      filter: unknown;
      paint: Record<string, unknown>;
    }[];
    // MapLibre's own expression engine decides which layers draw an island feature.
    const matches = (filter: unknown, props: Record<string, unknown>, i: number) =>
      featureFilter(filter as never, `layers[${i}].filter`).filter(
        { zoom: 6 } as never,
        { type: 3, properties: props } as never,
      );
    const island = basemap.features.find((x) => x.properties?.layer === 'archipelago')!.properties!;
    const drawing = fills.filter((l, i) => matches(l.filter, island, i));
    expect(drawing.map((l) => l.id)).toEqual(['basemap-archipelagos']);
    const vietnam = fills.find((l) => l.id === 'basemap-vietnam')!;
    expect(drawing[0]!.paint['fill-color']).toBe(vietnam.paint['fill-color']);
  });

  it('marks every islet with a dot of Vietnam’s land from the national zoom up, where the polygons draw nothing', () => {
    const style = buildBaseStyle(basemap);
    const dots = style.layers.find((l) => l.id === 'basemap-archipelago-dots') as {
      type: string;
      filter: unknown;
      minzoom?: number;
      maxzoom?: number;
      paint: Record<string, unknown>;
    };
    expect(dots.type).toBe('circle');
    expect(dots.minzoom ?? 0).toBe(0);
    expect(dots.maxzoom).toBeGreaterThanOrEqual(10);
    const vietnam = style.layers.find((l) => l.id === 'basemap-vietnam') as {
      paint: Record<string, unknown>;
    };
    expect(dots.paint['circle-color']).toBe(vietnam.paint['fill-color']);
    const filter = featureFilter(dots.filter as never, 'dots.filter');
    for (const key of ['hoang-sa', 'truong-sa']) {
      const islands = polygonsOf(basemap.features.find((x) => x.properties?.key === key)!);
      const marked = basemap.features.filter(
        (f) =>
          f.properties?.key === key &&
          filter.filter({ zoom: 4 } as never, { type: 1, properties: f.properties } as never),
      );
      // One dot per island, each on its island, and nothing else matched by the layer.
      expect(marked).toHaveLength(islands.length);
      for (const m of marked) {
        expect(m.properties?.iso).toBe('VN');
        const near = Math.min(
          ...islands.map((p) =>
            turf.pointToPolygonDistance(m as Feature<never>, p, { units: 'kilometers' }),
          ),
        );
        expect(near).toBeLessThan(0.5);
      }
    }
  });
});
