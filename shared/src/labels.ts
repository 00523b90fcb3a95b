/** Vietnamese and English labels of the domain codes, shared by the dashboard and the generated reports. */
import { REFORM_DAY } from './dates.ts';
import type {
  CrossingKind,
  DeadlineKind,
  EventKind,
  HotspotKind,
  HotspotStatus,
  MeetingLevel,
  ObjectiveMeasure,
  PlanStatus,
  QuotaMetric,
  QuotaUnit,
  SeizureKind,
  SeizureUnit,
  Tier,
} from './domain.ts';

export type Lang = 'vi' | 'en';

export const TIER_LABELS: Record<Lang, Record<Tier, string>> = {
  vi: {
    type_1: 'Trọng điểm loại I',
    type_2: 'Trọng điểm loại II',
    type_3: 'Trọng điểm loại III',
    has_activity: 'Có tệ nạn ma túy',
    drug_free: 'Không ma túy',
    unassessed: 'Chưa đánh giá',
  },
  en: {
    type_1: 'Key area type I',
    type_2: 'Key area type II',
    type_3: 'Key area type III',
    has_activity: 'Some drug activity',
    drug_free: 'Drug-free',
    unassessed: 'Not assessed',
  },
};

export const STATUS_LABELS: Record<Lang, Record<HotspotStatus, string>> = {
  vi: { active: 'Đang hoạt động', eliminated: 'Đã triệt xóa', re_emerged: 'Tái hoạt động' },
  en: { active: 'Active', eliminated: 'Eliminated', re_emerged: 'Re-emerged' },
};

export const HOTSPOT_KIND_LABELS: Record<Lang, Record<HotspotKind, string>> = {
  vi: {
    retail_point: 'Điểm bán lẻ',
    complex_point: 'Điểm phức tạp',
    complex_cluster: 'Tụ điểm phức tạp',
    organised_use: 'Điểm tổ chức sử dụng',
    conditional_business: 'Cơ sở kinh doanh có điều kiện',
    illicit_crop: 'Diện tích trồng cây có chứa chất ma túy',
  },
  en: {
    retail_point: 'Retail point',
    complex_point: 'Complex point',
    complex_cluster: 'Complex cluster',
    organised_use: 'Place of organised use',
    conditional_business: 'Conditional business at risk',
    illicit_crop: 'Illicit crop plot',
  },
};

export const CROSSING_LABELS: Record<Lang, Record<CrossingKind, string>> = {
  vi: {
    international: 'Cửa khẩu quốc tế',
    main: 'Cửa khẩu chính',
    secondary: 'Cửa khẩu phụ',
    opening: 'Lối mở',
    trail: 'Đường mòn',
  },
  en: {
    international: 'International gate',
    main: 'Main gate',
    secondary: 'Secondary gate',
    opening: 'Opening',
    trail: 'Trail',
  },
};

export const EVENT_LABELS: Record<Lang, Record<EventKind, string>> = {
  vi: {
    meeting: 'Hội đàm, giao ban',
    joint_patrol: 'Tuần tra song phương',
    information_exchange: 'Trao đổi thông tin',
    joint_case: 'Phối hợp chuyên án',
    fugitive_verification: 'Xác minh đối tượng truy nã',
    crop_eradication: 'Phá bỏ cây có chứa chất ma túy',
    training: 'Tập huấn',
  },
  en: {
    meeting: 'Meeting',
    joint_patrol: 'Joint patrol',
    information_exchange: 'Information exchange',
    joint_case: 'Joint case',
    fugitive_verification: 'Fugitive verification',
    crop_eradication: 'Crop eradication',
    training: 'Training',
  },
};

export const MEETING_LEVEL_LABELS: Record<Lang, Record<MeetingLevel, string>> = {
  vi: {
    border_provinces: 'Giao ban 08 tỉnh có chung biên giới Việt Nam – Lào',
    three_province: 'Giao ban luân phiên 3 tỉnh Sơn La – Hủa Phăn – Luông Pha Băng',
    department: 'Giao ban sở, ngành với đơn vị đồng cấp',
    blo: 'Giao ban Văn phòng liên lạc qua biên giới (BLO)',
    gate: 'Giao ban cửa khẩu, đồn biên phòng đối diện',
  },
  en: {
    border_provinces: 'The 8 provinces sharing the Viet Nam – Laos border',
    three_province: 'Rotating Sơn La – Houaphanh – Luang Prabang meeting',
    department: 'Department with its counterpart',
    blo: 'Border liaison offices (BLO)',
    gate: 'Gate with the gate across',
  },
};

export const FOLLOW_UP_STATE_LABELS: Record<Lang, Record<'done' | 'overdue' | 'open', string>> = {
  vi: { done: 'Đã xong', overdue: 'Quá hạn', open: 'Đang làm' },
  en: { done: 'Done', overdue: 'Overdue', open: 'Open' },
};

export const QUANTITY_UNIT_LABELS: Record<Lang, Record<'m2' | 'person' | 'case', string>> = {
  vi: { m2: 'm²', person: 'người', case: 'vụ' },
  en: { m2: 'm²', person: 'people', case: 'cases' },
};

export const SEIZURE_KIND_LABELS: Record<Lang, Record<SeizureKind, string>> = {
  vi: {
    heroin: 'Heroin',
    methamphetamine: 'Ma túy đá (methamphetamine)',
    synthetic_pills: 'Hồng phiến, thuốc lắc',
    opium: 'Thuốc phiện',
    cannabis: 'Cần sa',
    ketamine: 'Ketamine',
    precursors: 'Tiền chất',
    other: 'Chất ma túy khác',
  },
  en: {
    heroin: 'Heroin',
    methamphetamine: 'Crystal methamphetamine',
    synthetic_pills: 'Synthetic pills',
    opium: 'Opium',
    cannabis: 'Cannabis',
    ketamine: 'Ketamine',
    precursors: 'Precursors',
    other: 'Other drugs',
  },
};

export const SEIZURE_UNIT_LABELS: Record<Lang, Record<SeizureUnit, string>> = {
  vi: { g: 'g', kg: 'kg', tablet: 'viên', ml: 'ml', l: 'lít' },
  en: { g: 'g', kg: 'kg', tablet: 'tablets', ml: 'ml', l: 'l' },
};

export const QUOTA_UNIT_LABELS: Record<Lang, Record<QuotaUnit, string>> = {
  vi: { case: 'vụ', person: 'đối tượng', session: 'buổi', line: 'đường dây' },
  en: { case: 'cases', person: 'people', session: 'sessions', line: 'lines' },
};

export const QUOTA_METRIC_LABELS: Record<Lang, Record<QuotaMetric, string>> = {
  vi: {
    cases: 'Số vụ phát hiện, bắt giữ',
    compulsory_rehab: 'Đưa đi cai nghiện bắt buộc',
    propaganda_sessions: 'Buổi tuyên truyền',
    lines_dismantled: 'Đường dây bị triệt phá',
  },
  en: {
    cases: 'Cases detected',
    compulsory_rehab: 'Sent to compulsory rehab',
    propaganda_sessions: 'Awareness sessions',
    lines_dismantled: 'Lines dismantled',
  },
};

export const OBJECTIVE_MEASURE_LABELS: Record<Lang, Record<ObjectiveMeasure, string>> = {
  vi: {
    hotspots_eliminated_share: 'Tỷ lệ điểm, tụ điểm đã triệt xóa',
    re_emergences: 'Số điểm, tụ điểm tái hoạt động',
    new_clusters: 'Số tụ điểm mới phát sinh',
    regressions: 'Số xã phức tạp thêm',
    drug_free_share: 'Tỷ lệ xã không ma túy',
    villages_full: 'Số thôn, bản, tổ dân phố đạt 8/8 tiêu chí',
  },
  en: {
    hotspots_eliminated_share: 'Share of hotspots eliminated',
    re_emergences: 'Re-emerged hotspots',
    new_clusters: 'New clusters',
    regressions: 'Communes worse than at the start',
    drug_free_share: 'Share of drug-free communes',
    villages_full: 'Villages meeting all 8 criteria',
  },
};

export const DEADLINE_KIND_LABELS: Record<Lang, Record<DeadlineKind, string>> = {
  vi: {
    one_month: 'Báo cáo 01 tháng',
    phase: 'Báo cáo giai đoạn',
    final: 'Báo cáo tổng kết',
    six_month: 'Báo cáo 6 tháng',
    quarter: 'Báo cáo quý',
    yearly: 'Báo cáo năm',
    plan_submission: 'Nộp kế hoạch',
  },
  en: {
    one_month: 'One-month report',
    phase: 'Phase report',
    final: 'Final report',
    six_month: 'Six-month report',
    quarter: 'Quarterly report',
    yearly: 'Yearly report',
    plan_submission: 'Plans submitted',
  },
};

export const DEADLINE_STATE_LABELS: Record<
  Lang,
  Record<'met' | 'late' | 'missed' | 'pending', string>
> = {
  vi: { met: 'đúng hạn', late: 'gửi chậm', missed: 'quá hạn, chưa gửi', pending: 'chưa đến hạn' },
  en: { met: 'on time', late: 'late', missed: 'overdue, not submitted', pending: 'not yet due' },
};

export const PLAN_STATUS_LABELS: Record<Lang, Record<PlanStatus, string>> = {
  vi: {
    planned: 'Đã lập kế hoạch',
    in_progress: 'Đang thực hiện',
    achieved: 'Đã đạt',
    at_risk: 'Có nguy cơ không đạt',
  },
  en: { planned: 'Planned', in_progress: 'In progress', achieved: 'Achieved', at_risk: 'At risk' },
};

export const TASK_STATUS_LABELS: Record<Lang, Record<'open' | 'done', string>> = {
  vi: { open: 'Đang làm', done: 'Đã xong' },
  en: { open: 'Open', done: 'Done' },
};

/** The 8 criteria of a drug-free village or commune, with their legal qualifiers (seed 002, Kế hoạch 1246/KH-UBND). */
export const CRITERIA_LABELS: Record<Lang, readonly string[]> = {
  vi: [
    'Không có tụ điểm, điểm phức tạp về ma túy, đối tượng bán lẻ, điểm tổ chức và sử dụng trái phép chất ma túy',
    'Không có đối tượng (thường trú hoặc tạm trú từ 03 tháng trở lên), ổ nhóm, đường dây phạm tội về ma túy',
    '100% người nghiện có hồ sơ quản lý; người nghiện có mặt được áp dụng hình thức cai nghiện; người sau cai được quản lý',
    '100% người điều trị bằng thuốc thay thế trên 12 tháng không sử dụng các chất ma túy khác, chấp hành tốt nội quy',
    '100% người sử dụng trái phép chất ma túy có mặt tại nơi cư trú được lập hồ sơ, theo dõi, giám sát',
    '100% hộ gia đình ký cam kết; 100% thôn, bản, tổ dân phố niêm yết số điện thoại đường dây nóng',
    'Xây dựng và duy trì hiệu quả ít nhất 01 mô hình phòng, chống ma túy',
    'Không để xảy ra tình trạng trồng cây có chứa chất ma túy',
  ],
  en: [
    'No drug cluster or complex point, retail seller, or place organising and using drugs',
    'No offender (resident or staying 3 months or more), group or line',
    'Every addict has a management file; addicts present are in a rehab measure; those after rehab are managed',
    'Every substitution patient over 12 months uses no other drug and keeps the clinic’s rules',
    'Every drug user present at their residence has a file and is supervised',
    'Every household signed the pledge; every village displays the hotline',
    'At least one prevention model built and kept working',
    'No plants containing narcotics grown',
  ],
};

/**
 * What communes are called on a date, as a column heads them: "Xã, phường, thị trấn" before the July 2025 reform,
 * "Xã, phường, đặc khu" from it (district-level towns are gone, special zones are new).
 */
export function communeHeading(date: string, lang: Lang = 'vi'): string {
  const before = date < REFORM_DAY;
  if (lang === 'en') return before ? 'Commune, ward, township' : 'Commune, ward, special zone';
  return before ? 'Xã, phường, thị trấn' : 'Xã, phường, đặc khu';
}
