/** The legend of a map export: tiers, hotspot statuses, crossing kinds, border and regression outlines. */
import { CROSSING_KINDS, HOTSPOT_STATUSES, TIERS } from '@pcmt/shared/domain';
import { CROSSING_LABELS, STATUS_LABELS, TIER_LABELS, type Lang } from '@pcmt/shared/labels';
import type { LegendItem } from '../features/export/compose-page.ts';
import { CROSSING_COLORS, STATUS_COLORS, TIER_COLORS } from '../map/styles.ts';

export function legendItems(lang: Lang, m: { border: string; regressed: string }): LegendItem[] {
  return [
    ...TIERS.map((t) => ({
      color: TIER_COLORS[t],
      label: TIER_LABELS[lang][t],
      shape: 'box' as const,
    })),
    ...HOTSPOT_STATUSES.map((st) => ({
      color: STATUS_COLORS[st],
      label: STATUS_LABELS[lang][st],
      shape: 'dot' as const,
    })),
    ...CROSSING_KINDS.filter((k) => k !== 'trail').map((k) => ({
      color: CROSSING_COLORS[k],
      label: CROSSING_LABELS[lang][k],
      shape: 'dot' as const,
    })),
    { color: '#8b1a1a', label: m.border, shape: 'line' },
    { color: '#c2185b', label: m.regressed, shape: 'line' },
  ];
}
