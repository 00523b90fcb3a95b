/** The sketch map's commune fill: the full map's colours (styles.ts `buildUnitLayers`), as plain values. */
import { interpolateRgb } from 'd3-interpolate';
import type { Tier } from '@pcmt/shared/domain';
import { PROGRESS_COLORS, TIER_COLORS, type ColorBy } from './styles.ts';

const ramp = [
  interpolateRgb(PROGRESS_COLORS.ramp[0], PROGRESS_COLORS.ramp[1]),
  interpolateRgb(PROGRESS_COLORS.ramp[1], PROGRESS_COLORS.ramp[2]),
];
/** The same colours as the full map's commune fill (styles.ts `buildUnitLayers`). */
export function sketchFill(p: Record<string, unknown>, colorBy: ColorBy): string {
  if (colorBy === 'tier') return TIER_COLORS[p.tier as Tier] ?? TIER_COLORS.unassessed;
  if (p.recognition === 'recognised') return PROGRESS_COLORS.recognised;
  if (typeof p.progress !== 'number') return PROGRESS_COLORS.none;
  const x = Math.max(0, Math.min(8, p.progress));
  return x <= 4 ? ramp[0]!(x / 4) : ramp[1]!((x - 4) / 4);
}
