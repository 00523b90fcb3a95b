/** Synthetic operational data (agencies, hotspots, assessments, events, plans), seeded and deterministic. */
import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { hotspotOn } from '@pcmt/shared/state/hotspots';
import { TIER_LABELS } from '@pcmt/shared/labels';
import { metricsOf, RULESET_QD28_2025, suggestTier } from '@pcmt/shared/tier-rules';
import { addDays } from '@pcmt/shared/dates';
import type { EventKind, HotspotKind, MeetingLevel, Tier } from '@pcmt/shared/domain';
import { OLD_PROVINCES, NEW_PROVINCES, REFORM_DAY } from './places.ts';
import { createRng, seedOf, type Rng } from './rng.ts';
import type { Area } from './tessellate.ts';
import type {
  AgencyRow,
  AssessmentRow,
  CampaignRow,
  CrossingRow,
  EventRow,
  HotspotRow,
  KeyRouteRow,
  PlanRow,
  UnitRow,
} from '@pcmt/shared/demo-data';

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const between = (rng: Rng, from: string, to: string) =>
  day(
    Date.parse(from) +
      Math.floor((rng.next() * (Date.parse(to) - Date.parse(from) + 86400e3)) / 86400e3) * 86400e3,
  );

export function buildAgencies(units: UnitRow[]): AgencyRow[] {
  const rows: AgencyRow[] = [];
  const add = (r: Omit<AgencyRow, 'id' | 'synthetic'>) =>
    rows.push({ ...r, id: `agency-${String(rows.length + 1).padStart(3, '0')}`, synthetic: false });
  for (const p of NEW_PROVINCES) {
    const prov = units.find((u) => u.slug === p.slug && u.validTo === null)!;
    add({
      kind: 'steering_committee',
      name: `Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh ${p.name}`,
      provinceSlug: p.slug,
      unitId: prov.id,
    });
    add({
      kind: 'police_department',
      name: `Công an tỉnh ${p.name}`,
      provinceSlug: p.slug,
      unitId: prov.id,
    });
    add({
      kind: 'police_department',
      name: `Phòng Cảnh sát điều tra tội phạm về ma túy – Công an tỉnh ${p.name}`,
      provinceSlug: p.slug,
      unitId: prov.id,
    });
    add({
      kind: 'border_guard',
      name: `Bộ Chỉ huy Bộ đội Biên phòng tỉnh ${p.name}`,
      provinceSlug: p.slug,
      unitId: prov.id,
    });
    // Lào Cai's provincial customs department is gone after the reforms (seed 003): it is tied to the old province.
    const oldLaoCai = units.find(
      (u) => u.slug === 'lao-cai' && u.level === 'province' && u.validTo,
    );
    add({
      kind: 'customs',
      name: `Cục Hải quan tỉnh ${p.name}`,
      provinceSlug: p.slug,
      unitId: p.slug === 'lao-cai' && oldLaoCai ? oldLaoCai.id : prov.id,
    });
    add({
      kind: 'mass_organisation',
      name: `Tỉnh Đoàn ${p.name}`,
      provinceSlug: p.slug,
      unitId: prov.id,
    });
    add({
      kind: 'mass_organisation',
      name: `Hội Liên hiệp Phụ nữ tỉnh ${p.name}`,
      provinceSlug: p.slug,
      unitId: prov.id,
    });
  }
  for (const d of units.filter((u) => u.level === 'district')) {
    const slug = units.find((u) => u.id === d.provinceId)!.slug!;
    const newSlug = slug === 'yen-bai' ? 'lao-cai' : slug;
    add({
      kind: 'district_police',
      name: `Công an ${d.name
        .replace(/^Huyện/, 'huyện')
        .replace(/^Thành phố/, 'thành phố')
        .replace(/^Thị xã/, 'thị xã')}`,
      provinceSlug: newSlug,
      unitId: d.id,
    });
  }
  // After the reform (seed 003, Lào Cai 2026): district police are gone, every commune has its police, and customs is
  // the regional Chi cục Hải quan khu vực VII. Added last, so the earlier agencies keep their ids.
  const laoCai = units.find((u) => u.slug === 'lao-cai' && u.level === 'province' && !u.validTo)!;
  add({
    kind: 'customs',
    name: 'Chi cục Hải quan khu vực VII',
    provinceSlug: 'lao-cai',
    unitId: laoCai.id,
  });
  for (const c of units.filter(
    (u) => u.level === 'commune' && !u.validTo && u.provinceId === laoCai.id,
  ))
    add({
      kind: 'commune_police',
      name: `Công an ${c.name.replace(/^Xã/, 'xã').replace(/^Phường/, 'phường')}`,
      provinceSlug: 'lao-cai',
      unitId: c.id,
    });
  return rows;
}

const KIND_WEIGHTS: [HotspotKind, number][] = [
  ['retail_point', 0.42],
  ['complex_point', 0.2],
  ['complex_cluster', 0.1],
  ['organised_use', 0.12],
  ['conditional_business', 0.1],
  ['illicit_crop', 0.06],
];
function pickKind(rng: Rng): HotspotKind {
  let r = rng.next();
  for (const [k, w] of KIND_WEIGHTS) if ((r -= w) < 0) return k;
  return 'retail_point';
}

function pointIn(unit: UnitRow, rng: Rng): Position {
  const f = turf.feature(unit.geometry) as Area;
  const [w, s, e, n] = turf.bbox(f);
  for (let i = 0; i < 200; i++) {
    const p = [
      Math.round((w + rng.next() * (e - w)) * 1e5) / 1e5,
      Math.round((s + rng.next() * (n - s)) * 1e5) / 1e5,
    ];
    if (turf.booleanPointInPolygon(p, f)) return p;
  }
  return turf.pointOnFeature(f).geometry.coordinates;
}

interface Window {
  slug: string;
  era: 'old' | 'new';
  count: number;
  identFrom: string;
  identTo: string;
  elimFrom: string;
  elimTo: string;
  elimShare: number;
  reEmerge?: { from: string; to: string; count: number };
}

const WINDOWS: Window[] = [
  {
    slug: 'thanh-hoa',
    era: 'old',
    count: 110,
    identFrom: '2022-03-01',
    identTo: '2023-10-31',
    elimFrom: '2023-01-15',
    elimTo: '2023-12-20',
    elimShare: 0.55,
  },
  {
    slug: 'son-la',
    era: 'old',
    count: 60,
    identFrom: '2022-06-01',
    identTo: '2023-11-30',
    elimFrom: '2023-01-15',
    elimTo: '2023-12-20',
    elimShare: 0.5,
  },
  {
    slug: 'lao-cai',
    era: 'old',
    count: 150,
    identFrom: '2023-09-01',
    identTo: '2024-10-15',
    elimFrom: '2024-09-03',
    elimTo: '2024-10-31',
    elimShare: 0.86,
    reEmerge: { from: '2024-11-05', to: '2024-12-10', count: 7 },
  },
  {
    slug: 'lai-chau',
    era: 'old',
    count: 60,
    identFrom: '2023-06-01',
    identTo: '2025-03-01',
    elimFrom: '2024-02-01',
    elimTo: '2025-06-20',
    elimShare: 0.75,
  },
  {
    slug: 'lai-chau',
    era: 'new',
    count: 20,
    identFrom: '2025-07-05',
    identTo: '2025-10-10',
    elimFrom: '2025-08-15',
    elimTo: '2025-11-25',
    elimShare: 0.9,
  },
  {
    slug: 'lao-cai',
    era: 'new',
    count: 110,
    identFrom: '2025-07-05',
    identTo: '2026-10-31',
    elimFrom: '2026-01-10',
    elimTo: '2026-11-15',
    elimShare: 0.6,
  },
];

export function buildHotspots(units: UnitRow[]): HotspotRow[] {
  const rows: HotspotRow[] = [];
  for (const w of WINDOWS) {
    const rng = createRng(seedOf(`hotspots:${w.slug}:${w.era}`));
    const prov = units.find(
      (u) => u.slug === w.slug && (w.era === 'old' ? u.validTo === REFORM_DAY : u.validTo === null),
    )!;
    const communes = units.filter((u) => u.level === 'commune' && u.provinceId === prov.id);
    // Risk is concentrated: a third of the communes carry most hotspots.
    const weights = communes.map((_, i) => (i % 3 === 0 ? 3 : 1) * (0.2 + rng.next()));
    const total = weights.reduce((a, b) => a + b, 0);
    const pickCommune = () => {
      let r = rng.next() * total;
      for (let i = 0; i < communes.length; i++) if ((r -= weights[i]!) < 0) return communes[i]!;
      return communes[communes.length - 1]!;
    };
    const mine: HotspotRow[] = [];
    for (let i = 0; i < w.count; i++) {
      const unit = pickCommune();
      const [lng, lat] = pointIn(unit, rng) as [number, number];
      const identifiedOn = between(rng, w.identFrom, w.identTo);
      let eliminatedOn: string | null = rng.chance(w.elimShare)
        ? between(rng, w.elimFrom, w.elimTo)
        : null;
      if (eliminatedOn && eliminatedOn <= identifiedOn)
        eliminatedOn = between(
          rng,
          identifiedOn,
          w.elimTo > identifiedOn ? w.elimTo : identifiedOn,
        );
      if (eliminatedOn === identifiedOn) eliminatedOn = null;
      mine.push({
        id: `hs-${w.slug}-${w.era}-${String(i + 1).padStart(3, '0')}`,
        kind: pickKind(rng),
        unitId: unit.id,
        lng,
        lat,
        identifiedOn,
        eliminatedOn,
        reEmergedFromId: null,
        note: 'Dữ liệu minh họa',
      });
    }
    if (w.reEmerge) {
      const eliminated = mine.filter((h) => h.eliminatedOn && h.eliminatedOn < w.reEmerge!.from);
      for (let k = 0; k < w.reEmerge.count; k++) {
        const old = eliminated[(k * 7) % eliminated.length]!;
        const identifiedOn = between(rng, w.reEmerge.from, w.reEmerge.to);
        mine.push({
          ...old,
          id: `hs-${w.slug}-${w.era}-re${k + 1}`,
          lng: Math.round((old.lng + 0.002) * 1e5) / 1e5,
          lat: old.lat,
          identifiedOn,
          eliminatedOn: k % 3 === 0 ? between(rng, identifiedOn, '2024-12-14') : null,
          reEmergedFromId: old.id,
          note: 'Tái hoạt động – dữ liệu minh họa',
        });
      }
    }
    rows.push(...mine);
  }
  return rows;
}

const TIER_BY_SCORE: [number, Tier][] = [
  [4.2, 'type_1'],
  [3.2, 'type_2'],
  [2.2, 'type_3'],
  [0.9, 'has_activity'],
  [-Infinity, 'drug_free'],
];

/**
 * The figures a commune reports for a tier, drawn inside that tier's bands of QĐ 28/2025 (type I: 3 type I criteria;
 * type II: 3 type II criteria below type I; type III: one or two type III criteria below type II; has_activity: a
 * little activity under every type III threshold; drug-free: no place, no offender, no crop). The suggestion of the
 * rule set then equals the tier, which the pipeline checks.
 */
function figuresFor(tier: Tier, pop: number, rng: Rng): Record<string, number> {
  const share = (lo: number, hi: number) => Math.round(pop * (lo + rng.next() * (hi - lo)));
  switch (tier) {
    case 'type_1':
      return {
        registeredUsers: share(0.0056, 0.009),
        organisedUsePlaces: rng.int(2, 3),
        offendersArrested: share(0.0012, 0.002),
        plantsDestroyed: rng.chance(0.3) ? rng.int(3000, 5000) : 0,
      };
    case 'type_2':
      return {
        registeredUsers: share(0.0032, 0.0046),
        organisedUsePlaces: 1,
        offendersArrested: share(0.00055, 0.0009),
        plantsDestroyed: rng.chance(0.2) ? rng.int(520, 2500) : 0,
      };
    case 'type_3':
      return {
        registeredUsers: share(0.0011, 0.0026),
        organisedUsePlaces: 0,
        offendersArrested: rng.chance(0.5) ? share(0.00022, 0.00045) : 0,
        plantsDestroyed: 0,
      };
    case 'has_activity':
      return {
        registeredUsers: share(0.0002, 0.0008),
        organisedUsePlaces: 0,
        offendersArrested: 0,
        plantsDestroyed: rng.int(10, 80),
      };
    default:
      return {
        registeredUsers: share(0, 0.0004),
        organisedUsePlaces: 0,
        offendersArrested: 0,
        plantsDestroyed: 0,
      };
  }
}

/** Why a steering committee decided otherwise than the figures suggest (places and facts, no person). */
const OVERRIDE_REASONS = [
  'địa bàn giáp biên, nằm trên tuyến vận chuyển qua lại, cần giữ mức theo dõi',
  'vừa triệt xóa điểm, tụ điểm; giữ mức đến khi hết thời gian theo dõi 3 tháng',
  'số liệu kỳ báo cáo chưa đầy đủ, Hội đồng giữ mức của kỳ trước',
  'tiếp giáp xã trọng điểm, có dấu hiệu hình thành điểm mới',
];

const OLD_DATES = [
  '2022-12-31',
  '2023-06-30',
  '2023-12-20',
  '2024-06-30',
  '2024-08-31',
  '2024-10-31',
  '2024-12-14',
  '2025-03-14',
];
const NEW_DATES = ['2025-07-15', '2025-10-14', '2025-12-31', '2026-06-30', '2026-10-31'];

export function buildAssessments(
  units: UnitRow[],
  hotspots: HotspotRow[],
  routes: KeyRouteRow[],
  agencies: AgencyRow[],
): AssessmentRow[] {
  const rows: AssessmentRow[] = [];
  const byUnit = new Map<string, HotspotRow[]>();
  for (const h of hotspots) byUnit.set(h.unitId, [...(byUnit.get(h.unitId) ?? []), h]);
  const crosswalkBase = new Map<string, number>();
  for (const u of units.filter((x) => x.level === 'commune')) {
    const rng = createRng(seedOf(`tier:${u.id}`));
    const prov = units.find((p) => p.id === u.provinceId)!;
    const slug = prov.slug === 'yen-bai' ? 'lao-cai' : prov.slug!;
    const decidedBy = agencies.find(
      (a) => a.kind === 'steering_committee' && a.provinceSlug === slug,
    )!.id;
    const onRoute = routes.some(
      (r) =>
        r.provinceSlug === slug &&
        turf.booleanIntersects(turf.feature(r.geometry), turf.feature(u.geometry)),
    );
    // Seed 002: San Thàng's villages start complex and are transformed phase by phase.
    const base = rng.next() * 1.6 + (onRoute ? 0.6 : 0) + (u.name === 'Xã San Thàng' ? 2.2 : 0);
    crosswalkBase.set(u.id, base);
    const dates = u.validTo ? OLD_DATES : NEW_DATES;
    let last: Tier | null = null;
    for (const date of dates) {
      const active = (byUnit.get(u.id) ?? []).filter((h) => {
        const s = hotspotOn(h, date, {})?.status;
        return s === 'active' || s === 're_emerged';
      });
      const score =
        base + active.length * 1.1 + active.filter((h) => h.reEmergedFromId).length * 1.5;
      const tier = TIER_BY_SCORE.find(([min]) => score >= min)![1];
      if (tier === last) continue;
      last = tier;
      const pop = u.population ?? 5000;
      // One decision in twenty departs from the figures on purpose, one tier milder in the figures, with its reason.
      const override = rng.chance(0.05) && tier !== 'drug_free';
      const milder = override
        ? TIER_BY_SCORE[TIER_BY_SCORE.findIndex(([, t]) => t === tier) + 1]![1]
        : tier;
      const criteria = {
        ...figuresFor(milder, pop, rng),
        onKeyRoute: onRoute,
        activeHotspots: active.length,
      };
      const suggested = suggestTier(RULESET_QD28_2025, metricsOf(criteria, pop)).tier;
      if ((suggested === tier) === override)
        throw new Error(`${u.id} ${date}: figures suggest ${suggested}, decided ${tier}`);
      rows.push({
        id: `as-${u.id}-${date}`,
        unitId: u.id,
        assessedOn: date,
        tier,
        criteria,
        decidedBy,
        note: override
          ? `Dữ liệu minh họa. Hội đồng quyết định ${TIER_LABELS.vi[tier]} thay cho đề xuất ${TIER_LABELS.vi[suggested]}: ${rng.pick(OVERRIDE_REASONS)}`
          : 'Dữ liệu minh họa',
      });
    }
  }
  return rows;
}

const EVENT_TEXT: Record<EventKind, string> = {
  meeting: 'Giao ban định kỳ với lực lượng phía Bạn về tình hình tội phạm ma túy khu vực biên giới',
  joint_patrol: 'Tuần tra song phương đoạn biên giới thuộc khu vực cửa khẩu',
  information_exchange: 'Trao đổi thông tin về đường dây vận chuyển ma túy qua biên giới',
  joint_case: 'Phối hợp đấu tranh chuyên án ma túy xuyên biên giới',
  fugitive_verification:
    'Xác minh đối tượng truy nã lẩn trốn qua biên giới (không lưu thông tin cá nhân)',
  crop_eradication:
    'Phối hợp phát hiện, phá bỏ diện tích cây có chứa chất ma túy khu vực biên giới',
  training: 'Tập huấn nghiệp vụ phòng, chống ma túy cho lực lượng phía Bạn',
};
const EVENT_OUTCOME: Record<EventKind, string> = {
  meeting: 'Thống nhất các nội dung phối hợp trong thời gian tới',
  joint_patrol: 'Không phát hiện vi phạm trên tuyến tuần tra',
  information_exchange: 'Hai bên trao đổi danh sách tuyến, địa bàn trọng điểm',
  joint_case: 'Bắt giữ, thu giữ tang vật; đang điều tra mở rộng',
  fugitive_verification: 'Đã xác minh, bàn giao kết quả cho cơ quan điều tra',
  crop_eradication: 'Đã phá bỏ toàn bộ diện tích phát hiện',
  training: 'Hoàn thành lớp tập huấn',
};

/** The demo's counts: m² of crops destroyed, people verified, one case per joint case. */
function quantityOf(kind: EventKind, rng: Rng): number | null {
  if (kind === 'crop_eradication') return rng.int(4, 60) * 100;
  if (kind === 'fugitive_verification') return rng.int(1, 3);
  if (kind === 'joint_case') return 1;
  return null;
}
const EVENT_KINDS_WEIGHTED: EventKind[] = [
  'meeting',
  'meeting',
  'joint_patrol',
  'joint_patrol',
  'information_exchange',
  'information_exchange',
  'joint_case',
  'fugitive_verification',
  'crop_eradication',
];

export function buildEvents(crossings: CrossingRow[], campaigns: CampaignRow[]): EventRow[] {
  const windows: Record<string, [string, string]> = {
    'lao-cai': ['2024-08-15', '2024-12-14'],
    'lai-chau': ['2024-01-01', '2025-11-30'],
    'son-la': ['2023-01-01', '2023-12-31'],
    'thanh-hoa': ['2023-01-01', '2023-12-31'],
  };
  const rows: EventRow[] = [];
  for (const c of crossings.filter((x) => x.kind !== 'opening')) {
    const rng = createRng(seedOf(`events:${c.id}`));
    const [from, to] = windows[c.provinceSlug]!;
    const n = c.provinceSlug === 'son-la' ? 7 : 4;
    for (let i = 0; i < n; i++) {
      const kind = rng.pick(EVENT_KINDS_WEIGHTED);
      const occurredOn = between(rng, from, to);
      const followUp = rng.chance(0.5);
      const done = rng.chance(0.7);
      rows.push({
        id: `ev-${c.id}-${i + 1}`,
        kind,
        occurredOn,
        crossingId: c.id,
        border: c.border,
        provinceSlug: c.provinceSlug,
        counterpart: `${c.counterpartGate ?? ''}${c.counterpartGate ? ', ' : ''}${c.counterpartProvince}`,
        agencyIds: [c.responsibleAgencyId],
        summary: EVENT_TEXT[kind],
        level: kind === 'meeting' ? 'gate' : null,
        counterpartUnits: [
          `Lực lượng bảo vệ biên giới ${c.counterpartGate ?? c.counterpartProvince}`,
        ],
        outcome: EVENT_OUTCOME[kind],
        quantity: quantityOf(kind, rng),
        followUps: followUp
          ? [
              {
                text: 'Thống nhất lịch tuần tra song phương tiếp theo',
                dueOn: addDays(occurredOn, 30),
                doneOn: done ? addDays(occurredOn, rng.int(7, 28)) : null,
              },
            ]
          : [],
      });
    }
  }
  if (campaigns.some((x) => x.id === 'sl-2023-coop')) {
    for (const [i, d] of ['2023-03-15', '2023-06-20', '2023-09-18', '2023-12-12'].entries()) {
      rows.push({
        id: `ev-blo-${i + 1}`,
        kind: 'meeting',
        occurredOn: d,
        crossingId: null,
        border: 'VN-LA',
        provinceSlug: 'son-la',
        counterpart: 'Văn phòng liên lạc qua biên giới Hủa Phăn',
        agencyIds: [],
        summary: 'Họp định kỳ Văn phòng liên lạc qua biên giới (BLO) Sơn La – Hủa Phăn',
        level: 'blo',
        counterpartUnits: ['Văn phòng BLO Hủa Phăn'],
        outcome: 'Thống nhất nội dung trao đổi thông tin quý tiếp theo',
        quantity: null,
        followUps: [
          {
            text: 'Trao đổi danh sách đường dây, đối tượng truy nã',
            dueOn: addDays(d, 45),
            doneOn: addDays(d, 40),
          },
        ],
      });
    }
    // The second-half meetings at the plan's other levels (seed 004, part III.2); the dates are the demo's.
    const meetings: [string, MeetingLevel, string, string][] = [
      [
        '2023-08-24',
        'three_province',
        'Tỉnh Hủa Phăn, tỉnh Luông Pha Băng',
        'Giao ban định kỳ luân phiên 3 tỉnh Sơn La – Hủa Phăn – Luông Pha Băng',
      ],
      [
        '2023-11-16',
        'border_provinces',
        'Các tỉnh của Lào có chung đường biên giới',
        'Giao ban 08 tỉnh có chung đường biên giới Việt Nam – Lào',
      ],
      [
        '2023-09-07',
        'department',
        'Công an tỉnh Hủa Phăn',
        'Hội nghị giao ban Công an tỉnh Sơn La với Công an tỉnh Hủa Phăn',
      ],
    ];
    for (const [d, level, counterpart, summary] of meetings)
      rows.push({
        id: `ev-sl-${level}`,
        kind: 'meeting',
        occurredOn: d,
        crossingId: null,
        border: 'VN-LA',
        provinceSlug: 'son-la',
        counterpart,
        agencyIds: [],
        summary,
        level,
        counterpartUnits: [counterpart],
        outcome: 'Ký biên bản thỏa thuận phối hợp phòng, chống ma túy năm 2024',
        quantity: null,
        followUps: [
          {
            text: 'Triển khai nội dung biên bản đã ký',
            dueOn: addDays(d, 60),
            doneOn: null,
          },
        ],
      });
    rows.push({
      id: 'ev-sl-training',
      kind: 'training',
      occurredOn: '2023-10-10',
      crossingId: null,
      border: 'VN-LA',
      provinceSlug: 'son-la',
      counterpart: 'Lực lượng chức năng tỉnh Hủa Phăn và tỉnh Luông Pha Băng',
      agencyIds: [],
      summary: EVENT_TEXT.training,
      level: null,
      counterpartUnits: ['Công an tỉnh Hủa Phăn', 'Công an tỉnh Luông Pha Băng'],
      outcome: 'Hoàn thành 01 lớp tập huấn tại tỉnh Sơn La',
      quantity: null,
      followUps: [],
    });
  }
  return rows.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.id.localeCompare(b.id));
}

export function buildPlans(
  units: UnitRow[],
  assessments: AssessmentRow[],
  agencies: AgencyRow[],
): PlanRow[] {
  const city = units.find((u) => u.level === 'district' && u.name === 'Thành phố Lai Châu')!;
  const police = agencies.find((a) => a.unitId === city.id)!;
  const rows: PlanRow[] = [];
  const tierAt = (unitId: string, date: string) =>
    assessments.filter((a) => a.unitId === unitId && a.assessedOn <= date).at(-1)?.tier ??
    'unassessed';
  units
    .filter((u) => u.parentId === city.id)
    .forEach((u, i) => {
      const rng = createRng(seedOf(`plan:${u.id}`));
      const phase = u.name === 'Xã San Thàng' ? 4 : rng.int(1, 3);
      const met = Math.min(8, 4 + phase + rng.int(0, 1));
      rows.push({
        id: `plan-${u.id}`,
        unitId: u.id,
        fromTier: tierAt(u.id, '2024-01-01'),
        targetTier: 'drug_free',
        campaignId: 'lch-2024-2025',
        targetPhaseId: `lch-2024-2025-p${phase}`,
        targetDate: ['', '2024-03-31', '2025-03-14', '2025-08-14', '2025-10-14'][phase]!,
        responsibleAgencyId: police.id,
        status: met >= 8 ? 'achieved' : 'in_progress',
        criteria: [1, 2, 3, 4, 5, 6, 7, 8].map((criterion) => ({
          criterion,
          met: criterion <= met,
          checkedOn: '2025-03-14',
        })),
      });
      void i;
    });
  const laoCai = units.find((u) => u.slug === 'lao-cai' && u.validTo === null)!;
  const severe = units.filter(
    (u) =>
      u.provinceId === laoCai.id &&
      u.level === 'commune' &&
      ['type_1', 'type_2', 'type_3'].includes(tierAt(u.id, '2025-12-31')),
  );
  const provPolice = agencies.find(
    (a) => a.kind === 'police_department' && a.provinceSlug === 'lao-cai',
  )!;
  for (const u of severe) {
    rows.push({
      id: `plan-${u.id}`,
      unitId: u.id,
      fromTier: tierAt(u.id, '2025-12-31'),
      targetTier: 'drug_free',
      campaignId: 'lc-2026-p4',
      targetPhaseId: null,
      targetDate: '2030-12-31',
      responsibleAgencyId: provPolice.id,
      status: 'planned',
      criteria: [1, 2, 3, 4, 5, 6, 7, 8].map((criterion) => ({
        criterion,
        met: criterion % 3 === 0,
        checkedOn: '2026-06-30',
      })),
    });
  }
  return rows;
}

export const OLD_SLUGS = OLD_PROVINCES.map((p) => p.slug);
