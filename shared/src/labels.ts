/** Vietnamese and English labels of the domain codes, shared by the dashboard and the generated reports. */
import type { CrossingKind, EventKind, HotspotKind, HotspotStatus, Tier } from './domain.ts';

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
    illicit_crop: 'Diện tích trồng cây có chất ma túy',
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
    crop_eradication: 'Phá bỏ cây có chất ma túy',
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
