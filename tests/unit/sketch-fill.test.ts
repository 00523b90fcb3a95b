/**
 * The sketch map (SVG, before MapLibre or without it) fills each commune with the colour the full map's style
 * gives it: MapLibre's own expression engine evaluates the full map's fill, the sketch's function is compared.
 */
import { describe, expect, it } from 'vitest';
import { colourOf } from '../support/style-expression.ts';
import { TIERS } from '@pcmt/shared/domain';
import { buildOverlayLayers, type ColorBy } from '@pcmt/web/map/styles.ts';
import { sketchFill } from '@pcmt/web/map/sketch-fill.ts';

function fullMapFill(colorBy: ColorBy) {
  const fill = buildOverlayLayers({ colorBy }).find((l) => l.id === 'communes-fill') as {
    paint: Record<string, unknown>;
  };
  const colour = colourOf(fill.paint['fill-color']);
  return (properties: Record<string, unknown>) => {
    const c = colour(properties);
    // A match of literal colours answers the string; an interpolation, a colour (0–1 channels).
    return typeof c === 'string' ? rgb(c) : [c.r, c.g, c.b].map((x) => Math.round(x * 255));
  };
}
/** #rrggbb or rgb(r, g, b) as [r, g, b]. */
function rgb(css: string): number[] {
  if (css.startsWith('#')) return [1, 3, 5].map((i) => parseInt(css.slice(i, i + 2), 16));
  return css.match(/\d+/g)!.slice(0, 3).map(Number);
}

describe('the sketch map colours communes as the full map does', () => {
  it('by tier, every tier and a commune without one', () => {
    const full = fullMapFill('tier');
    for (const tier of [...TIERS, undefined]) {
      const props = { tier };
      expect(rgb(sketchFill(props, 'tier')), String(tier)).toEqual(full(props));
    }
  });

  it('by progress, each count of criteria met, recognised, and no plan', () => {
    const full = fullMapFill('progress');
    const cases: Record<string, unknown>[] = [
      { recognition: 'recognised', progress: 5 },
      { recognition: null, progress: null },
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((progress) => ({ recognition: 'in_progress', progress })),
    ];
    for (const props of cases) {
      const [a, b] = [rgb(sketchFill(props, 'progress')), full(props)];
      // Both interpolate in RGB; rounding may differ by one unit.
      for (let i = 0; i < 3; i++)
        expect(Math.abs(a[i]! - b[i]!), JSON.stringify(props)).toBeLessThanOrEqual(1);
    }
    // The ramp moves: 0, 4 and 8 criteria are three different colours.
    const ends = [0, 4, 8].map((progress) => sketchFill({ progress }, 'progress'));
    expect(new Set(ends).size).toBe(3);
  });
});
