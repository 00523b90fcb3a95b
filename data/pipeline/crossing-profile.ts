/**
 * The crossings' profiles and the seizures at them, for the demo. Opening hours and the counterparts' names in their
 * own script come from no plan: they are the demo's (marked `profileAssumed`, shown "giả định" on screen) for the
 * unit to correct. Seizures are synthetic: kinds, quantities and days drawn per crossing, no person.
 */
import type { CrossingKind, SeizureKind, SeizureUnit } from '@pcmt/shared/domain';
import type { AgencyRow, CrossingRow, SeizureRow } from '@pcmt/shared/demo-data';
import type { CrossingBase } from './geography.ts';
import { createRng, seedOf } from './rng.ts';

/** Counterpart names in Chinese (Hán) and Lao script, by the Vietnamese name the seeds use. */
const LOCAL_NAMES: Record<string, string> = {
  'Hà Khẩu (Hekou)': '河口',
  'Ba Sa': '坝洒',
  'Kiều Đầu': '桥头',
  'Mã Quan (Maguan)': '马关',
  'Kim Thủy Hà (Jinshuihe)': '金水河',
  'Vân Nam (Yunnan)': '云南省',
  'Hủa Phăn (Houaphanh)': 'ແຂວງຫົວພັນ',
  'Bản Đán': 'ບ້ານດານ',
  'Pa Háng': 'ປາຫາງ',
  'Sốp Đụng': 'ສົບດຸງ',
  'Nậm Xôi': 'ນ້ຳໂສຍ',
  'Xổm Vẳng': 'ສົມວັງ',
  'Tha Lấu': 'ທ່າເລົ່າ',
};

/** The demo's hours by class, in Vietnam's time; openings and trails keep none. */
const HOURS: Partial<Record<CrossingKind, [string, string, string]>> = {
  international: ['07:00', '22:00', 'Hằng ngày, kể cả ngày nghỉ'],
  main: ['07:00', '19:00', 'Hằng ngày'],
  secondary: ['07:30', '17:00', 'Hằng ngày; hàng hóa theo thỏa thuận hai bên'],
};

/** Hours, names in the counterpart's script and the province's customs office beside the station. */
export function withProfile(c: CrossingBase, agencies: AgencyRow[]): CrossingRow {
  const hours = HOURS[c.kind];
  const customs = agencies.filter((a) => a.kind === 'customs' && a.provinceSlug === c.provinceSlug);
  return {
    ...c,
    opensAt: hours?.[0] ?? null,
    closesAt: hours?.[1] ?? null,
    hoursNote: hours?.[2] ?? 'Chỉ cư dân biên giới qua lại; không có giờ mở cửa',
    profileAssumed: true,
    counterpartGateLocal: c.counterpartGate ? (LOCAL_NAMES[c.counterpartGate] ?? null) : null,
    counterpartProvinceLocal: LOCAL_NAMES[c.counterpartProvince] ?? null,
    partnerAgencyIds: hours && customs.length > 0 ? [customs[customs.length - 1]!.id] : [],
  };
}

/** What crosses each border, as [kind, unit, smallest, largest] quantities of one seizure. */
const SEIZED: Record<string, [SeizureKind, SeizureUnit, number, number][]> = {
  'VN-CN': [
    ['methamphetamine', 'g', 20, 3000],
    ['synthetic_pills', 'tablet', 100, 12000],
    ['ketamine', 'g', 10, 800],
    ['precursors', 'l', 5, 400],
  ],
  'VN-LA': [
    ['heroin', 'g', 50, 6000],
    ['methamphetamine', 'kg', 1, 30],
    ['synthetic_pills', 'tablet', 200, 30000],
    ['opium', 'g', 100, 4000],
  ],
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Synthetic seizures at every gate (not the openings) from January 2023 to October 2026, a few a month (none later than the day the demo was built for). */
export function buildSeizures(crossings: CrossingRow[]): SeizureRow[] {
  const rows: SeizureRow[] = [];
  for (const c of crossings.filter((x) => x.kind !== 'opening')) {
    const rng = createRng(seedOf(`seizures:${c.id}`));
    const busy = c.kind === 'international' ? 3 : c.kind === 'main' ? 2 : 1;
    for (let y = 2023; y <= 2026; y++)
      for (let m = 1; m <= 12; m++) {
        if (y === 2026 && m > 10) break;
        const n = rng.int(0, busy);
        for (let i = 0; i < n; i++) {
          const [kind, unit, lo, hi] = rng.pick(SEIZED[c.border]!);
          rows.push({
            id: `sz-${c.id}-${y}${pad(m)}-${i + 1}`,
            crossingId: c.id,
            seizedOn: `${y}-${pad(m)}-${pad(rng.int(1, 28))}`,
            kind,
            quantity: Math.round(lo + rng.next() * (hi - lo)),
            unit,
            note: 'Phát hiện qua kiểm tra phương tiện, hàng hóa xuất nhập cảnh',
            agencyId: c.responsibleAgencyId,
            synthetic: true,
          });
        }
      }
  }
  return rows;
}
