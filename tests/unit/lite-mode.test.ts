/** Lite mode: when the browser's hints turn it on by themselves, and what it leaves off the map. */
import { describe, expect, it } from 'vitest';
import { liteSuggested } from '@pcmt/web/lib/lite.ts';
import { LAYERS } from '@pcmt/web/map/ids.ts';
import { buildOverlayLayers, LITE_OMITS } from '@pcmt/web/map/styles.ts';

describe('lite mode', () => {
  it.each([
    [{}, false],
    [{ deviceMemory: 8 }, false],
    [{ deviceMemory: 4, connection: { effectiveType: '4g' } }, false],
    [{ deviceMemory: 2 }, true],
    [{ deviceMemory: 0.5 }, true],
    [{ connection: { effectiveType: '3g' } }, true],
    [{ connection: { effectiveType: '2g' } }, true],
    [{ connection: { effectiveType: 'slow-2g' } }, true],
    [{ connection: { effectiveType: '4g', saveData: true } }, true],
  ])('suggests lite for %j: %s', (hints, lite) => {
    expect(liteSuggested(hints)).toBe(lite);
  });

  it('leaves off routes, the border casing, kind symbols and commune names, and keeps the rest', () => {
    const full = buildOverlayLayers({ lang: 'vi' }).map((l) => l.id);
    const lite = buildOverlayLayers({ lang: 'vi', lite: true }).map((l) => l.id);
    expect(full).toEqual(expect.arrayContaining([...LITE_OMITS]));
    expect(lite).toEqual(full.filter((id) => !LITE_OMITS.includes(id)));
    for (const kept of [LAYERS.communeFill, LAYERS.hotspots, LAYERS.crossings, LAYERS.borders])
      expect(lite).toContain(kept);
  });
});
