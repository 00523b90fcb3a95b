/**
 * Where things are. Province codes and commune counts are public administrative facts; district
 * towns are approximate (±10 km, seed 000 and DOMAIN.md for Lào Cai, general reference elsewhere)
 * and only seed the synthetic tessellation.
 */
import type { Border, CrossingKind } from '@pcmt/shared/domain';

export const PRE_REFORM_FROM = '2020-01-01';
export { REFORM_DAY } from '@pcmt/shared/dates';

export interface OldProvince {
  slug: string;
  code: string;
  neName: string;
  name: string;
  nameEn: string;
  communes: number;
  districts: [name: string, lat: number, lng: number][];
}

export const OLD_PROVINCES: OldProvince[] = [
  {
    slug: 'lao-cai',
    code: '10',
    neName: 'Lào Cai',
    name: 'Lào Cai',
    nameEn: 'Lao Cai',
    communes: 151,
    districts: [
      ['Thành phố Lào Cai', 22.485, 103.975],
      ['Bát Xát', 22.538, 103.888],
      ['Mường Khương', 22.77, 104.116],
      ['Si Ma Cai', 22.697, 104.282],
      ['Bắc Hà', 22.538, 104.29],
      ['Bảo Thắng', 22.318, 104.188],
      ['Bảo Yên', 22.237, 104.472],
      ['Văn Bàn', 22.098, 104.252],
      ['Thị xã Sa Pa', 22.336, 103.843],
    ],
  },
  {
    slug: 'yen-bai',
    code: '15',
    neName: 'Yên Bái',
    name: 'Yên Bái',
    nameEn: 'Yen Bai',
    communes: 168,
    districts: [
      ['Thành phố Yên Bái', 21.705, 104.875],
      ['Thị xã Nghĩa Lộ', 21.6, 104.51],
      ['Lục Yên', 22.105, 104.765],
      ['Văn Yên', 21.866, 104.695],
      ['Mù Cang Chải', 21.853, 104.088],
      ['Trấn Yên', 21.69, 104.78],
      ['Trạm Tấu', 21.464, 104.384],
      ['Văn Chấn', 21.57, 104.62],
      ['Yên Bình', 21.88, 104.96],
    ],
  },
  {
    slug: 'lai-chau',
    code: '12',
    neName: 'Lai Châu',
    name: 'Lai Châu',
    nameEn: 'Lai Chau',
    communes: 106,
    districts: [
      ['Thành phố Lai Châu', 22.396, 103.458],
      ['Tam Đường', 22.415, 103.6],
      ['Phong Thổ', 22.53, 103.35],
      ['Sìn Hồ', 22.36, 103.24],
      ['Mường Tè', 22.375, 102.83],
      ['Than Uyên', 21.955, 103.885],
      ['Tân Uyên', 22.17, 103.73],
      ['Nậm Nhùn', 22.15, 103.01],
    ],
  },
  {
    slug: 'son-la',
    code: '14',
    neName: 'Sơn La',
    name: 'Sơn La',
    nameEn: 'Son La',
    communes: 200,
    districts: [
      ['Thành phố Sơn La', 21.327, 103.914],
      ['Quỳnh Nhai', 21.84, 103.56],
      ['Thuận Châu', 21.44, 103.69],
      ['Mường La', 21.52, 104.03],
      ['Bắc Yên', 21.245, 104.42],
      ['Phù Yên', 21.265, 104.64],
      ['Mộc Châu', 20.85, 104.64],
      ['Vân Hồ', 20.77, 104.79],
      ['Yên Châu', 21.05, 104.3],
      ['Mai Sơn', 21.165, 104.04],
      ['Sông Mã', 21.06, 103.74],
      ['Sốp Cộp', 20.95, 103.53],
    ],
  },
  {
    slug: 'thanh-hoa',
    code: '38',
    neName: 'Thanh Hóa',
    name: 'Thanh Hóa',
    nameEn: 'Thanh Hoa',
    communes: 547,
    districts: [
      ['Thành phố Thanh Hóa', 19.807, 105.776],
      ['Thành phố Sầm Sơn', 19.735, 105.9],
      ['Thị xã Bỉm Sơn', 20.08, 105.86],
      ['Thị xã Nghi Sơn', 19.42, 105.76],
      ['Mường Lát', 20.53, 104.61],
      ['Quan Hóa', 20.39, 105.12],
      ['Quan Sơn', 20.25, 104.95],
      ['Bá Thước', 20.35, 105.25],
      ['Lang Chánh', 20.15, 105.24],
      ['Ngọc Lặc', 20.09, 105.38],
      ['Cẩm Thủy', 20.21, 105.47],
      ['Thạch Thành', 20.13, 105.65],
      ['Hà Trung', 20.01, 105.84],
      ['Vĩnh Lộc', 20.05, 105.66],
      ['Yên Định', 20.0, 105.64],
      ['Thọ Xuân', 19.92, 105.53],
      ['Thường Xuân', 19.91, 105.34],
      ['Triệu Sơn', 19.82, 105.6],
      ['Thiệu Hóa', 19.9, 105.68],
      ['Hoằng Hóa', 19.86, 105.86],
      ['Hậu Lộc', 19.93, 105.89],
      ['Nga Sơn', 20.0, 105.97],
      ['Như Xuân', 19.63, 105.42],
      ['Như Thanh', 19.58, 105.6],
      ['Nông Cống', 19.62, 105.68],
      ['Đông Sơn', 19.8, 105.7],
      ['Quảng Xương', 19.7, 105.8],
    ],
  },
];

export interface NewProvince {
  slug: string;
  code: string;
  name: string;
  nameEn: string;
  from: string[];
  communes: number;
}

/** After 1 July 2025: new Lào Cai = old Lào Cai + old Yên Bái and takes Yên Bái's code 15. */
export const NEW_PROVINCES: NewProvince[] = [
  {
    slug: 'lao-cai',
    code: '15',
    name: 'Lào Cai',
    nameEn: 'Lao Cai',
    from: ['lao-cai', 'yen-bai'],
    communes: 99,
  },
  {
    slug: 'lai-chau',
    code: '12',
    name: 'Lai Châu',
    nameEn: 'Lai Chau',
    from: ['lai-chau'],
    communes: 38,
  },
  { slug: 'son-la', code: '14', name: 'Sơn La', nameEn: 'Son La', from: ['son-la'], communes: 75 },
  {
    slug: 'thanh-hoa',
    code: '38',
    name: 'Thanh Hóa',
    nameEn: 'Thanh Hoa',
    from: ['thanh-hoa'],
    communes: 166,
  },
];

export interface CrossingSeed {
  name: string;
  kind: CrossingKind;
  border: Border;
  province: string;
  district: string;
  counterpartGate: string;
  counterpartProvince: string;
  counterpartCountry: 'CN' | 'LA';
  lat: number;
  lng: number;
  station: string;
}

const cn = (
  name: string,
  kind: CrossingKind,
  district: string,
  gate: string,
  lat: number,
  lng: number,
  station: string,
): CrossingSeed => ({
  name,
  kind,
  border: 'VN-CN',
  province: 'lao-cai',
  district,
  counterpartGate: gate,
  counterpartProvince: 'Vân Nam (Yunnan)',
  counterpartCountry: 'CN',
  lat,
  lng,
  station,
});
const la = (
  name: string,
  kind: CrossingKind,
  province: string,
  district: string,
  gate: string,
  lat: number,
  lng: number,
  station: string,
): CrossingSeed => ({
  name,
  kind,
  border: 'VN-LA',
  province,
  district,
  counterpartGate: gate,
  counterpartProvince: 'Hủa Phăn (Houaphanh)',
  counterpartCountry: 'LA',
  lat,
  lng,
  station,
});

/** Crossings of DOMAIN.md; classes as the seeds give them where they differ from public lists. */
export const CROSSINGS: CrossingSeed[] = [
  cn(
    'Lào Cai (cầu Lào Cai – Hà Khẩu)',
    'international',
    'Thành phố Lào Cai',
    'Hà Khẩu (Hekou)',
    22.507,
    103.963,
    'Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai',
  ),
  cn(
    'Kim Thành (đường bộ số II)',
    'international',
    'Thành phố Lào Cai',
    'Hà Khẩu (Hekou)',
    22.52,
    103.95,
    'Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai',
  ),
  cn('Bản Vược', 'secondary', 'Bát Xát', 'Ba Sa', 22.6, 103.82, 'Đồn Biên phòng Bản Vược'),
  cn(
    'Mường Khương',
    'main',
    'Mường Khương',
    'Kiều Đầu',
    22.8,
    104.11,
    'Đồn Biên phòng Mường Khương',
  ),
  cn(
    'Pha Long',
    'secondary',
    'Mường Khương',
    'Mã Quan (Maguan)',
    22.83,
    104.2,
    'Đồn Biên phòng Pha Long',
  ),
  {
    ...cn(
      'Ma Lù Thàng',
      'international',
      'Phong Thổ',
      'Kim Thủy Hà (Jinshuihe)',
      22.54,
      103.26,
      'Đồn Biên phòng Ma Lù Thàng',
    ),
    province: 'lai-chau',
  },
  la(
    'Chiềng Khương',
    'main',
    'son-la',
    'Sông Mã',
    'Bản Đán',
    20.93,
    103.67,
    'Đồn Biên phòng Chiềng Khương',
  ),
  la('Lóng Sập', 'main', 'son-la', 'Mộc Châu', 'Pa Háng', 20.66, 104.56, 'Đồn Biên phòng Lóng Sập'),
  la(
    'Nà Cài',
    'secondary',
    'son-la',
    'Yên Châu',
    'Sốp Đụng',
    20.98,
    104.3,
    'Đồn Biên phòng Nà Cài',
  ),
  la(
    'Na Mèo',
    'international',
    'thanh-hoa',
    'Quan Sơn',
    'Nậm Xôi',
    20.37,
    104.66,
    'Đồn Biên phòng Na Mèo',
  ),
  la(
    'Tén Tằn',
    'main',
    'thanh-hoa',
    'Mường Lát',
    'Xổm Vẳng',
    20.54,
    104.58,
    'Đồn Biên phòng Tén Tằn',
  ),
  la(
    'Khẹo',
    'secondary',
    'thanh-hoa',
    'Thường Xuân',
    'Tha Lấu',
    19.96,
    105.0,
    'Đồn Biên phòng Khẹo',
  ),
];

/** Synthetic key routes (tuyến trọng điểm) through real towns, as [lat, lng] waypoints. */
export const KEY_ROUTES: { name: string; province: string; waypoints: [number, number][] }[] = [
  {
    name: 'Tuyến Lào Cai – Bảo Thắng – Văn Bàn',
    province: 'lao-cai',
    waypoints: [
      [22.507, 103.963],
      [22.42, 104.08],
      [22.318, 104.188],
      [22.2, 104.23],
      [22.098, 104.252],
    ],
  },
  {
    name: 'Tuyến Mường Khương – Lào Cai',
    province: 'lao-cai',
    waypoints: [
      [22.8, 104.11],
      [22.7, 104.05],
      [22.6, 104.0],
      [22.485, 103.975],
    ],
  },
  {
    name: 'Tuyến Ma Lù Thàng – Phong Thổ – Lai Châu',
    province: 'lai-chau',
    waypoints: [
      [22.54, 103.26],
      [22.53, 103.35],
      [22.45, 103.42],
      [22.396, 103.458],
    ],
  },
  {
    name: 'Tuyến Chiềng Khương – Sông Mã – Sơn La',
    province: 'son-la',
    waypoints: [
      [20.93, 103.67],
      [21.06, 103.74],
      [21.2, 103.82],
      [21.327, 103.914],
    ],
  },
  {
    name: 'Tuyến Lóng Sập – Mộc Châu',
    province: 'son-la',
    waypoints: [
      [20.66, 104.56],
      [20.76, 104.6],
      [20.85, 104.64],
    ],
  },
  {
    name: 'Tuyến Na Mèo – Quan Sơn – Bá Thước',
    province: 'thanh-hoa',
    waypoints: [
      [20.37, 104.66],
      [20.25, 104.95],
      [20.35, 105.25],
    ],
  },
];

/**
 * Vietnam's archipelagos, drawn as Vietnamese land and labelled on every map (DOMAIN.md conventions): the islands
 * inside `box` ([west, south, east, north]) belong to the archipelago whatever feature of the source holds them.
 */
export const ARCHIPELAGOS = [
  {
    key: 'hoang-sa',
    name: 'Quần đảo Hoàng Sa (Việt Nam)',
    nameEn: 'Hoang Sa archipelago (Viet Nam)',
    province: 'Thành phố Đà Nẵng',
    lng: 112.0,
    lat: 16.5,
    box: [110.5, 15.3, 113.2, 17.4] as [number, number, number, number],
  },
  {
    key: 'truong-sa',
    name: 'Quần đảo Trường Sa (Việt Nam)',
    nameEn: 'Truong Sa archipelago (Viet Nam)',
    province: 'Tỉnh Khánh Hòa',
    lng: 114.0,
    lat: 10.0,
    box: [111.0, 6.0, 117.9, 12.2] as [number, number, number, number],
  },
];

/**
 * Islands of Trường Sa that Natural Earth's 10m admin-0 does not hold (its polygons cover 114–115.9°E only: the
 * southern and western islands, Trường Sa Lớn among them, were missing from every map). Each is drawn as a small
 * disc of about its land area at its published position (degrees, rounded to a thousandth: public gazetteers,
 * e.g. the islands' Vietnamese and English Wikipedia articles), marked `approximate`: not a surveyed outline. An
 * island already within 3 km of a Natural Earth polygon is left to that polygon.
 */
export const TRUONG_SA_ISLANDS: { name: string; lng: number; lat: number; km2: number }[] = [
  { name: 'Đảo Song Tử Đông', lng: 114.356, lat: 11.455, km2: 0.13 },
  { name: 'Đảo Song Tử Tây', lng: 114.331, lat: 11.43, km2: 0.12 },
  { name: 'Đảo Thị Tứ', lng: 114.283, lat: 11.055, km2: 0.37 },
  { name: 'Đảo Loại Ta', lng: 114.423, lat: 10.682, km2: 0.15 },
  { name: 'Đảo Ba Bình', lng: 114.366, lat: 10.377, km2: 0.46 },
  { name: 'Đảo Sơn Ca', lng: 114.479, lat: 10.376, km2: 0.04 },
  { name: 'Đảo Nam Yết', lng: 114.362, lat: 10.182, km2: 0.06 },
  { name: 'Đảo Sinh Tồn', lng: 114.329, lat: 9.882, km2: 0.08 },
  { name: 'Đảo Sinh Tồn Đông', lng: 114.549, lat: 9.899, km2: 0.02 },
  { name: 'Đảo Trường Sa Lớn', lng: 111.92, lat: 8.645, km2: 0.15 },
  { name: 'Đảo Trường Sa Đông', lng: 112.35, lat: 8.933, km2: 0.02 },
  { name: 'Đảo Phan Vinh', lng: 113.692, lat: 8.958, km2: 0.01 },
  { name: 'Đảo An Bang', lng: 112.918, lat: 7.891, km2: 0.02 },
];

/** Natural Earth's admin-1 names three provinces by their region: their real names, by ISO 3166-2 code. */
export const NE_NAME_FIXES: Record<string, { vi: string; en: string }> = {
  'VN-53': { vi: 'Bắc Kạn', en: 'Bac Kan' },
  'VN-66': { vi: 'Hưng Yên', en: 'Hung Yen' },
  'VN-39': { vi: 'Đồng Nai', en: 'Dong Nai' },
};

/**
 * The 34 provinces from 01/07/2025 (Nghị quyết 202/2025/QH15 of 12/06/2025 on arranging the province-level units,
 * checked against the published arrangement, e.g. nghean24h.vn, 06/2025): each new province and the old ones it
 * was formed from, by their names before the reform. 11 provinces stay as they were.
 */
export const PROVINCES_2025: { name: string; nameEn: string; from: string[] }[] = [
  { name: 'Tuyên Quang', nameEn: 'Tuyen Quang', from: ['Tuyên Quang', 'Hà Giang'] },
  { name: 'Lào Cai', nameEn: 'Lao Cai', from: ['Lào Cai', 'Yên Bái'] },
  { name: 'Thái Nguyên', nameEn: 'Thai Nguyen', from: ['Thái Nguyên', 'Bắc Kạn'] },
  { name: 'Phú Thọ', nameEn: 'Phu Tho', from: ['Phú Thọ', 'Vĩnh Phúc', 'Hòa Bình'] },
  { name: 'Bắc Ninh', nameEn: 'Bac Ninh', from: ['Bắc Ninh', 'Bắc Giang'] },
  { name: 'Hưng Yên', nameEn: 'Hung Yen', from: ['Hưng Yên', 'Thái Bình'] },
  { name: 'Thành phố Hải Phòng', nameEn: 'Hai Phong City', from: ['Hải Phòng', 'Hải Dương'] },
  { name: 'Ninh Bình', nameEn: 'Ninh Binh', from: ['Ninh Bình', 'Hà Nam', 'Nam Định'] },
  { name: 'Quảng Trị', nameEn: 'Quang Tri', from: ['Quảng Trị', 'Quảng Bình'] },
  { name: 'Thành phố Đà Nẵng', nameEn: 'Da Nang City', from: ['Đà Nẵng', 'Quảng Nam'] },
  { name: 'Quảng Ngãi', nameEn: 'Quang Ngai', from: ['Quảng Ngãi', 'Kon Tum'] },
  { name: 'Gia Lai', nameEn: 'Gia Lai', from: ['Gia Lai', 'Bình Định'] },
  { name: 'Khánh Hòa', nameEn: 'Khanh Hoa', from: ['Khánh Hòa', 'Ninh Thuận'] },
  { name: 'Lâm Đồng', nameEn: 'Lam Dong', from: ['Lâm Đồng', 'Đắk Nông', 'Bình Thuận'] },
  { name: 'Đắk Lắk', nameEn: 'Dak Lak', from: ['Đắk Lắk', 'Phú Yên'] },
  {
    name: 'Thành phố Hồ Chí Minh',
    nameEn: 'Ho Chi Minh City',
    from: ['Thành phố Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu'],
  },
  { name: 'Đồng Nai', nameEn: 'Dong Nai', from: ['Đồng Nai', 'Bình Phước'] },
  { name: 'Tây Ninh', nameEn: 'Tay Ninh', from: ['Tây Ninh', 'Long An'] },
  {
    name: 'Thành phố Cần Thơ',
    nameEn: 'Can Tho City',
    from: ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang'],
  },
  { name: 'Vĩnh Long', nameEn: 'Vinh Long', from: ['Vĩnh Long', 'Bến Tre', 'Trà Vinh'] },
  { name: 'Đồng Tháp', nameEn: 'Dong Thap', from: ['Đồng Tháp', 'Tiền Giang'] },
  { name: 'Cà Mau', nameEn: 'Ca Mau', from: ['Cà Mau', 'Bạc Liêu'] },
  { name: 'An Giang', nameEn: 'An Giang', from: ['An Giang', 'Kiên Giang'] },
  ...[
    ['Thành phố Hà Nội', 'Ha Noi City', 'Hà Nội'],
    ['Thành phố Huế', 'Hue City', 'Thừa Thiên Huế'],
    ['Lai Châu', 'Lai Chau', 'Lai Châu'],
    ['Điện Biên', 'Dien Bien', 'Điện Biên'],
    ['Sơn La', 'Son La', 'Sơn La'],
    ['Lạng Sơn', 'Lang Son', 'Lạng Sơn'],
    ['Quảng Ninh', 'Quang Ninh', 'Quảng Ninh'],
    ['Thanh Hóa', 'Thanh Hoa', 'Thanh Hóa'],
    ['Nghệ An', 'Nghe An', 'Nghệ An'],
    ['Hà Tĩnh', 'Ha Tinh', 'Hà Tĩnh'],
    ['Cao Bằng', 'Cao Bang', 'Cao Bằng'],
  ].map(([name, nameEn, old]) => ({ name: name!, nameEn: nameEn!, from: [old!] })),
];
