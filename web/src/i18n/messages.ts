/** Every UI string, Vietnamese first. Domain codes map to labels here, never in components. */
import type { CrossingKind, HotspotKind, HotspotStatus, Tier } from '@pcmt/shared/domain';

export type Lang = 'vi' | 'en';

const vi = {
  appTitle: 'Bản đồ phòng, chống ma túy',
  appSubtitle: 'Điểm nóng, phân loại địa bàn, cửa khẩu',
  province: 'Tỉnh',
  campaign: 'Kế hoạch / đợt cao điểm',
  phase: 'Giai đoạn',
  asOf: 'Tình hình đến ngày',
  legend: 'Chú giải',
  tiers: 'Phân loại địa bàn xã',
  hotspots: 'Điểm, tụ điểm ma túy',
  crossings: 'Cửa khẩu, lối mở',
  border: 'Đường biên giới quốc gia',
  keyRoute: 'Tuyến trọng điểm (minh họa)',
  overdue: 'Quá hạn triệt xóa',
  demoData: 'Dữ liệu minh họa',
  demoNote: 'Xã, huyện, điểm nóng là dữ liệu minh họa; vị trí cửa khẩu là gần đúng.',
  communes: 'xã, phường',
  active: 'Đang hoạt động',
  summary: 'Tổng quan',
  objectives: 'Mục tiêu giai đoạn',
  noCampaign: 'Tỉnh chưa có kế hoạch',
  loading: 'Đang tải…',
  errorTitle: 'Có lỗi xảy ra',
  retry: 'Thử lại',
  language: 'English',
  selected: 'Địa bàn đang chọn',
  tier: 'Phân loại',
  assessedOn: 'Ngày đánh giá',
  population: 'Dân số',
  close: 'Đóng',
  mapError: 'Lỗi bản đồ',
  districtOutline: 'Ranh giới huyện (trước 01/07/2025)',
  eraNote: 'Đơn vị hành chính theo ngày được chọn',
  deadlines: 'Hạn báo cáo',
  counterpart: 'Phía Bạn',
  approximate: 'vị trí gần đúng',
  formedFrom: 'Hình thành từ (trước 01/07/2025)',
  mergedInto: 'Từ 01/07/2025 thuộc',
};

type Messages = typeof vi;

const en: Messages = {
  appTitle: 'Drug-control map',
  appSubtitle: 'Hotspots, commune tiers, border crossings',
  province: 'Province',
  campaign: 'Plan / campaign',
  phase: 'Phase',
  asOf: 'Situation as of',
  legend: 'Legend',
  tiers: 'Commune drug-complexity tier',
  hotspots: 'Drug hotspots',
  crossings: 'Border crossings',
  border: 'National border',
  keyRoute: 'Key route (illustrative)',
  overdue: 'Overdue for elimination',
  demoData: 'Illustrative data',
  demoNote:
    'Communes, districts and hotspots are illustrative; crossing positions are approximate.',
  communes: 'communes',
  active: 'Active',
  summary: 'Overview',
  objectives: 'Phase objectives',
  noCampaign: 'No plan for this province',
  loading: 'Loading…',
  errorTitle: 'Something went wrong',
  retry: 'Retry',
  language: 'Tiếng Việt',
  selected: 'Selected area',
  tier: 'Tier',
  assessedOn: 'Assessed on',
  population: 'Population',
  close: 'Close',
  mapError: 'Map error',
  districtOutline: 'District boundary (before 01/07/2025)',
  eraNote: 'Administrative units as of the chosen date',
  deadlines: 'Report deadlines',
  counterpart: 'Counterpart',
  approximate: 'approximate position',
  formedFrom: 'Formed from (before 01/07/2025)',
  mergedInto: 'From 01/07/2025 part of',
};

export const MESSAGES: Record<Lang, Messages> = { vi, en };
export type MessageKey = keyof Messages;

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
