/** The legend of a map export: tiers, hotspot statuses, crossing kinds, border and regression outlines. */
import { CROSSING_KINDS, HOTSPOT_STATUSES, TIERS } from '@pcmt/shared/domain';
import { CROSSING_LABELS, STATUS_LABELS, TIER_LABELS, type Lang } from '@pcmt/shared/labels';
import type { LegendItem } from '../features/export/compose-page.ts';
import {
  CROSSING_COLORS,
  PROGRESS_COLORS,
  STATUS_COLORS,
  TIER_COLORS,
  type ColorBy,
} from '../map/styles.ts';

export function legendItems(
  lang: Lang,
  m: {
    border: string;
    regressed: string;
    recognisedDrugFree: string;
    criteriaMetOf: string;
    noPlan: string;
  },
  colorBy: ColorBy = 'tier',
): LegendItem[] {
  const communes: LegendItem[] =
    colorBy === 'progress'
      ? [
          { color: PROGRESS_COLORS.recognised, label: m.recognisedDrugFree, shape: 'box' },
          ...[8, 4, 0].map((n, i) => ({
            color: PROGRESS_COLORS.ramp[2 - i]!,
            label: `${n}/8 ${m.criteriaMetOf}`,
            shape: 'box' as const,
          })),
          { color: PROGRESS_COLORS.none, label: m.noPlan, shape: 'box' },
        ]
      : TIERS.map((t) => ({
          color: TIER_COLORS[t],
          label: TIER_LABELS[lang][t],
          shape: 'box' as const,
        }));
  return [
    ...communes,
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
