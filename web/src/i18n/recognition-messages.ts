/** Strings of the way to recognition as drug-free and of the criteria's evidence. */
import { useContext } from 'react';
import type { RecognitionState, RecognitionStep } from '@pcmt/shared/state/recognition';
import { LangContext } from './use-i18n.ts';

type Words = {
  title: string;
  state: Record<RecognitionState, string>;
  step: Record<RecognitionStep, string>;
  regressed: string;
  reopened: string;
  recognisedOn: string;
  decisionNumber: string;
  note: string;
  date: string;
  take: string;
  none: string;
  evidence: string;
  attach: string;
  uploading: string;
  wrongType: string;
  tooBig: string;
  checked: string;
  by: Record<string, string>;
  download: string;
  refusals: Record<string, string>;
};

export const RECOGNITION_MESSAGES: Record<'vi' | 'en', Words> = {
  vi: {
    title: 'Công nhận không ma túy',
    state: {
      in_progress: 'Đang xây dựng',
      proposed: 'Đề nghị thẩm định',
      appraised: 'Đã thẩm định',
      recognised: 'Đã công nhận không ma túy',
    },
    step: {
      proposed: 'Đề nghị thẩm định',
      returned: 'Trả lại, chưa đủ điều kiện',
      appraised: 'Hội đồng thẩm định',
      recognised: 'Quyết định công nhận',
      reverified: 'Kiểm tra lại định kỳ',
      regressed: 'Tái phức tạp (mở lại)',
    },
    regressed: 'Tái phức tạp từ',
    reopened: 'đã mở lại để xây dựng lại',
    recognisedOn: 'Công nhận ngày',
    decisionNumber: 'Số quyết định',
    note: 'Ghi chú (không ghi tên người)',
    date: 'Ngày',
    take: 'Ghi nhận',
    none: 'Chưa có bước nào.',
    evidence: 'Minh chứng',
    attach: '+ Minh chứng (PDF, PNG, JPEG; tối đa 5 MB)',
    uploading: 'Đang tải lên…',
    wrongType: 'Chỉ nhận PDF, PNG hoặc JPEG.',
    tooBig: 'Tệp lớn hơn 5 MB.',
    checked: 'kiểm tra',
    by: { planner: 'cán bộ kế hoạch', commander: 'chỉ huy' },
    download: 'Tải kế hoạch',
    refusals: {
      wrong_role: 'Vai trò của bạn không ghi nhận được bước này.',
      wrong_state: 'Bước này không đi sau trạng thái hiện tại.',
      decision_missing: 'Ghi số quyết định.',
      criteria_unmet: 'Chưa đạt đủ 8/8 tiêu chí vào ngày này: chưa thể đề nghị thẩm định.',
      before_last_step: 'Ngày không được trước bước đã ghi trước đó.',
      hotspots_active:
        'Địa bàn còn điểm, tụ điểm ma túy đang hoạt động vào ngày này: tiêu chí 1 chưa đạt.',
    },
  },
  en: {
    title: 'Recognition as drug-free',
    state: {
      in_progress: 'In progress',
      proposed: 'Proposed for appraisal',
      appraised: 'Appraised',
      recognised: 'Recognised drug-free',
    },
    step: {
      proposed: 'Proposed for appraisal',
      returned: 'Returned, not yet ready',
      appraised: 'Appraised by the council',
      recognised: 'Recognition decision',
      reverified: 'Periodic re-verification',
      regressed: 'Regression (reopened)',
    },
    regressed: 'Regressed since',
    reopened: 'reopened to build again',
    recognisedOn: 'Recognised on',
    decisionNumber: 'Decision number',
    note: 'Note (no names)',
    date: 'Date',
    take: 'Record',
    none: 'No step yet.',
    evidence: 'Evidence',
    attach: '+ Evidence (PDF, PNG, JPEG; 5 MB at most)',
    uploading: 'Uploading…',
    wrongType: 'Only PDF, PNG or JPEG.',
    tooBig: 'The file is larger than 5 MB.',
    checked: 'checked',
    by: { planner: 'planner', commander: 'commander' },
    download: 'Download the plan',
    refusals: {
      wrong_role: 'Your role does not record this step.',
      wrong_state: 'This step does not follow the present state.',
      decision_missing: 'Give the decision number.',
      criteria_unmet: 'Not all 8 criteria are met on this day: it cannot be proposed yet.',
      before_last_step: 'The day must not be before the last step.',
      hotspots_active: 'Hotspots of the unit are still active on this day: criterion 1 is not met.',
    },
  },
};

export const useRecognitionText = () => RECOGNITION_MESSAGES[useContext(LangContext)];
