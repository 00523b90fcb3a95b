/** Strings of the villages (thôn, bản, tổ dân phố) and of a plan's target tier per phase. */
import { useContext } from 'react';
import type { PhaseTargetState } from '@pcmt/shared/state/phase-targets';
import { LangContext } from './use-i18n.ts';

type Words = {
  villages: string;
  atEight: string;
  recognised: string;
  noPlan: string;
  inCommune: string;
  phaseTargets: string;
  phase: string;
  by: string;
  target: string;
  tierThen: string;
  state: Record<PhaseTargetState, string>;
  noTarget: string;
  campaignPlan: string;
  standalone: string;
  layer: string;
};

export const VILLAGE_MESSAGES: Record<'vi' | 'en', Words> = {
  vi: {
    villages: 'Thôn, bản, tổ dân phố',
    atEight: 'đạt 8/8',
    recognised: 'đã công nhận',
    noPlan: 'chưa có kế hoạch',
    inCommune: 'Thuộc',
    phaseTargets: 'Mục tiêu theo giai đoạn',
    phase: 'Giai đoạn',
    by: 'đến ngày',
    target: 'Mục tiêu',
    tierThen: 'Thực tế',
    state: {
      met: 'Đạt',
      missed: 'Không đạt',
      on_track: 'Đang đạt',
      behind: 'Chưa đạt',
      not_started: 'Chưa đến',
    },
    noTarget: '— không đặt —',
    campaignPlan: 'Theo kế hoạch',
    standalone: 'Không thuộc kế hoạch nào',
    layer: 'Thôn, bản (phóng to để xem)',
  },
  en: {
    villages: 'Villages and residential groups',
    atEight: 'at 8/8',
    recognised: 'recognised',
    noPlan: 'no plan',
    inCommune: 'In',
    phaseTargets: 'Target per phase',
    phase: 'Phase',
    by: 'by',
    target: 'Target',
    tierThen: 'Actual',
    state: {
      met: 'Met',
      missed: 'Missed',
      on_track: 'On track',
      behind: 'Behind',
      not_started: 'Not started',
    },
    noTarget: '— none —',
    campaignPlan: 'Under the plan',
    standalone: 'Outside any plan',
    layer: 'Villages (zoom in)',
  },
};

export function useVillageText(): Words {
  return VILLAGE_MESSAGES[useContext(LangContext)];
}
