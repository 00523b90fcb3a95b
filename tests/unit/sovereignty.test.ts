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
    ['Trường Sa', 'truong-sa', 'Tỉnh Khánh Hòa', 12],
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
});
