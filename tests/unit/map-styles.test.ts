import { describe, expect, it } from 'vitest';
import { colourOf } from '../support/style-expression.ts';
import { TIERS } from '@pcmt/shared/domain';
import { SOURCES } from '@pcmt/web/map/ids.ts';
import {
  buildBaseStyle,
  buildOverlayLayers,
  PROGRESS_COLORS,
  SECTOR_COLORS,
  TIER_COLORS,
} from '@pcmt/web/map/styles.ts';

describe('map layers', () => {
  const layers = buildOverlayLayers({});
  it('have unique ids and use known sources only', () => {
    expect(new Set(layers.map((l) => l.id)).size).toBe(layers.length);
    const known = new Set<string>(Object.values(SOURCES));
    for (const l of layers) if ('source' in l) expect(known.has(l.source as string)).toBe(true);
  });
  it('colour every tier distinctly', () => {
    const fill = layers.find((l) => l.id === 'communes-fill')!;
    const expr = JSON.stringify((fill as { paint: Record<string, unknown> }).paint['fill-color']);
    for (const t of TIERS) expect(expr).toContain(`"${t}","${TIER_COLORS[t]}"`);
    expect(new Set(Object.values(TIER_COLORS)).size).toBe(TIERS.length);
  });
  it('outline the selected commune through feature-state, with no filter to rebuild', () => {
    const sel = layers.find((l) => l.id === 'communes-selected') as {
      filter?: unknown;
      paint: Record<string, unknown>;
    };
    expect(sel.filter).toBeUndefined();
    expect(sel.paint['line-opacity']).toEqual([
      'case',
      ['boolean', ['feature-state', 'selected'], false],
      1,
      0,
    ]);
  });
  it('ring the selected hotspot through feature-state', () => {
    const h = layers.find((l) => l.id === 'hotspots-circle') as { paint: Record<string, unknown> };
    expect(JSON.stringify(h.paint['circle-stroke-width'])).toContain(
      '["feature-state","selected"]',
    );
  });
  it("draw the user's own stretch of border thicker and in amber, the border communes outlined", () => {
    const sector = layers.find((l) => l.id === 'border-sectors-line') as {
      paint: Record<string, unknown>;
    };
    expect(sector.paint['line-color']).toEqual([
      'case',
      ['boolean', ['get', 'own'], false],
      SECTOR_COLORS.own,
      SECTOR_COLORS.other,
    ]);
    const belt = layers.find((l) => l.id === 'communes-belt') as { filter: unknown };
    expect(belt.filter).toEqual(['==', ['get', 'belt'], true]);
    // Under the borders' own line, above the tier fill.
    const ids = layers.map((l) => l.id);
    expect(ids.indexOf('communes-fill')).toBeLessThan(ids.indexOf('communes-belt'));
    expect(ids.indexOf('border-sectors-line')).toBeLessThan(ids.indexOf('borders-line'));
  });
  it('build a basemap that fetches nothing from another host', () => {
    const style = buildBaseStyle({ type: 'FeatureCollection', features: [] });
    const text = JSON.stringify(style);
    expect(text).not.toMatch(/https?:\/\//);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });
});

describe('communes coloured by transformation progress', () => {
  const fill = buildOverlayLayers({ colorBy: 'progress' }).find(
    (l) => l.id === 'communes-fill',
  ) as {
    paint: Record<string, unknown>;
  };
  // MapLibre's own expression engine evaluates the colour of a commune with these properties.
  const evaluate = colourOf(fill.paint['fill-color']);
  const colour = (properties: Record<string, unknown>) => evaluate(properties).toString();
  const css = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    return `rgba(${r},${g},${b},1)`;
  };
  it.each([
    [{ recognition: 'recognised', progress: 3 }, PROGRESS_COLORS.recognised],
    [{ recognition: 'in_progress', progress: 8 }, PROGRESS_COLORS.ramp[2]],
    [{ recognition: 'proposed', progress: 0 }, PROGRESS_COLORS.ramp[0]],
    [{ recognition: null, progress: null }, PROGRESS_COLORS.none],
  ])('%j is drawn %s', (props, hex) => {
    expect(colour(props).replace(/\s/g, '')).toBe(css(hex));
  });
  it('keeps the tier colours when coloured by tier', () => {
    const byTier = buildOverlayLayers({}).find((l) => l.id === 'communes-fill') as {
      paint: Record<string, unknown>;
    };
    expect(JSON.stringify(byTier.paint['fill-color'])).not.toContain('progress');
  });
});
