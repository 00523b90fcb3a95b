/** The campaigns of the five seed plans, with their real phases, dates, quotas and report deadlines. */
import type {
  AgencyRow,
  CampaignRow,
  DeadlineRow,
  PhaseRow,
  QuotaRow,
  UnitRow,
} from '@pcmt/shared/demo-data';
import { DEFAULT_QUOTA_UNIT } from '@pcmt/shared/domain';
import { createRng, seedOf } from './rng.ts';

/** A quota as the plans give it; its unit follows from its metric (vụ, đối tượng, buổi, đường dây). */
type QuotaDraft = Omit<QuotaRow, 'unit'>;
type CampaignDraft = Omit<CampaignRow, 'quotas'> & { quotas: QuotaDraft[] };
import { REFORM_DAY } from './places.ts';

const LC_CASES: Record<string, number> = {
  'Thành phố Lào Cai': 45,
  'Thị xã Sa Pa': 10,
  'Bảo Thắng': 21,
  'Văn Bàn': 35,
  'Bát Xát': 21,
  'Bảo Yên': 10,
  'Mường Khương': 8,
  'Bắc Hà': 7,
  'Si Ma Cai': 3,
};
const LC_REHAB: Record<string, number> = {
  'Thành phố Lào Cai': 100,
  'Thị xã Sa Pa': 10,
  'Bảo Thắng': 22,
  'Văn Bàn': 25,
  'Bát Xát': 18,
  'Bảo Yên': 15,
  'Bắc Hà': 9,
  'Mường Khương': 20,
  'Si Ma Cai': 3,
};
const LC_BORDER_DISTRICTS = [
  'Bảo Thắng',
  'Bát Xát',
  'Mường Khương',
  'Si Ma Cai',
  'Thành phố Lào Cai',
];

/** Weekly progress entries summing to about `share` of `target`, inside [from, to]. */
function progress(target: number, share: number, from: string, to: string, seed: string) {
  const rng = createRng(seedOf(seed));
  const total = Math.round(target * share);
  const weeks: string[] = [];
  for (let t = Date.parse(from) + 6 * 86400e3; t <= Date.parse(to); t += 7 * 86400e3)
    weeks.push(new Date(t).toISOString().slice(0, 10));
  const weights = weeks.map(() => 0.3 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  // Rounded on the running total, so a small quota (5 sessions over 9 weeks) advances through the period instead
  // of landing whole in its last week.
  let cumulative = 0;
  let done = 0;
  return weeks
    .map((recordedOn, i) => {
      cumulative += weights[i]!;
      const upTo = i === weeks.length - 1 ? total : Math.round((total * cumulative) / sum);
      const value = upTo - done;
      done = upTo;
      return { recordedOn, value };
    })
    .filter((e) => e.value > 0);
}

function laoCai2024(units: UnitRow[], agencies: AgencyRow[]): CampaignDraft {
  const id = 'lc-2024-peak';
  const rng = createRng(seedOf(id));
  const phases: PhaseRow[] = [
    {
      id: `${id}-p0`,
      ordinal: 0,
      // Seed 000 gives no start for the preparation: the dates are assumed.
      name: 'Chuẩn bị (giả định)',
      nameEn: 'Preparation (assumed)',
      startsOn: '2024-08-15',
      endsOn: '2024-08-31',
      objectives: [
        {
          text: 'Rà soát, thống kê toàn bộ điểm, tụ điểm, đối tượng, người sử dụng trái phép chất ma túy',
        },
        { text: 'Các đơn vị gửi kế hoạch trước 30/08/2024' },
      ],
    },
    {
      id: `${id}-p1`,
      ordinal: 1,
      name: 'Giai đoạn 1: Tấn công trấn áp',
      nameEn: 'Phase 1: offensive',
      startsOn: '2024-09-01',
      endsOn: '2024-10-31',
      objectives: [
        {
          text: 'Triệt xóa 100% điểm bán lẻ, đối tượng bán lẻ, điểm và tụ điểm phức tạp, tụ điểm tổ chức sử dụng trái phép chất ma túy',
          measure: 'hotspots_eliminated_share',
          comparator: 'at_least',
          target: 1,
        },
      ],
    },
    {
      id: `${id}-p2`,
      ordinal: 2,
      name: 'Giai đoạn 2: Củng cố, duy trì',
      nameEn: 'Phase 2: consolidation',
      startsOn: '2024-11-01',
      endsOn: '2024-12-14',
      objectives: [
        { text: 'Duy trì kết quả giai đoạn 1' },
        {
          text: 'Không để tái phức tạp điểm, tụ điểm (bảo vệ Tết Nguyên đán 2025)',
          measure: 're_emergences',
          comparator: 'at_most',
          target: 0,
        },
      ],
    },
  ];
  const p1 = phases[1]!;
  const districts = units.filter((u) => u.level === 'district' && u.provinceId === 'prov-10-2020');
  const districtId = (name: string) =>
    districts.find((d) => d.nameEn === name.replace(/^(Thành phố|Thị xã) /, ''))!.id;
  const agency = (name: string) =>
    agencies.find((a) => a.provinceSlug === 'lao-cai' && a.name.startsWith(name))!.id;
  const quotas: QuotaDraft[] = [];
  const add = (
    q: Omit<QuotaDraft, 'id' | 'progress'>,
    share: number,
    from = p1.startsOn,
    to = p1.endsOn,
  ) =>
    quotas.push({
      ...q,
      id: `${id}-q${String(quotas.length + 1).padStart(2, '0')}`,
      progress: progress(q.target, share, from, to, `${id}:${quotas.length}`),
    });
  for (const [d, t] of Object.entries(LC_CASES))
    add(
      {
        phaseId: p1.id,
        agencyId: null,
        unitId: districtId(d),
        metric: 'cases',
        target: t,
        label: `Số vụ phát hiện, bắt giữ – ${d}`,
      },
      0.6 + rng.next() * 0.7,
    );
  for (const [d, t] of Object.entries(LC_REHAB))
    add(
      {
        phaseId: p1.id,
        agencyId: null,
        unitId: districtId(d),
        metric: 'compulsory_rehab',
        target: t,
        label: `Đưa đi cai nghiện bắt buộc – ${d}`,
      },
      0.5 + rng.next() * 0.7,
    );
  // Part III.2 of the plan: the propaganda quotas, like the cases and rehab ones, run 01/09–31/10/2024.
  for (const d of Object.keys(LC_CASES))
    add(
      {
        phaseId: p1.id,
        agencyId: null,
        unitId: districtId(d),
        metric: 'propaganda_sessions',
        target: 20,
        label: `Buổi tuyên truyền – ${d}`,
      },
      0.7 + rng.next() * 0.6,
      '2024-09-01',
      '2024-10-31',
    );
  for (const d of LC_BORDER_DISTRICTS)
    add(
      {
        phaseId: p1.id,
        agencyId: null,
        unitId: districtId(d),
        metric: 'propaganda_sessions',
        target: 5,
        label: `Tuyên truyền tại xã biên giới – ${d}`,
      },
      0.8 + rng.next() * 0.5,
      '2024-09-01',
      '2024-10-31',
    );
  add(
    {
      phaseId: p1.id,
      agencyId: agency('Công an tỉnh'),
      unitId: null,
      metric: 'cases',
      target: 35,
      label: 'Các phòng nghiệp vụ Công an tỉnh',
    },
    1.1,
  );
  add(
    {
      phaseId: p1.id,
      agencyId: agency('Bộ Chỉ huy Bộ đội Biên phòng'),
      unitId: null,
      metric: 'cases',
      target: 10,
      label: 'Bộ đội Biên phòng tỉnh',
    },
    0.9,
  );
  add(
    {
      phaseId: p1.id,
      agencyId: agency('Cục Hải quan'),
      unitId: null,
      metric: 'cases',
      target: 2,
      label: 'Hải quan tỉnh',
    },
    1,
  );
  add(
    {
      phaseId: p1.id,
      agencyId: agency('Công an tỉnh'),
      unitId: null,
      metric: 'propaganda_sessions',
      target: 10,
      label: 'Công an tỉnh – tuyên truyền',
    },
    1.2,
    '2024-09-01',
    '2024-10-31',
  );
  add(
    {
      phaseId: p1.id,
      agencyId: agency('Tỉnh Đoàn'),
      unitId: null,
      metric: 'propaganda_sessions',
      target: 10,
      label: 'Tỉnh Đoàn – tuyên truyền',
    },
    0.8,
    '2024-09-01',
    '2024-10-31',
  );
  add(
    {
      phaseId: p1.id,
      agencyId: agency('Hội Liên hiệp Phụ nữ'),
      unitId: null,
      metric: 'propaganda_sessions',
      target: 5,
      label: 'Hội Phụ nữ tỉnh – tuyên truyền',
    },
    1,
    '2024-09-01',
    '2024-10-31',
  );
  const deadlines: DeadlineRow[] = [
    {
      id: `${id}-d1`,
      phaseId: p1.id,
      kind: 'one_month',
      dueOn: '2024-10-02',
      title: 'Báo cáo kết quả 01 tháng (trước 03/10/2024)',
      submittedOn: '2024-10-01',
    },
    {
      id: `${id}-d2`,
      phaseId: p1.id,
      kind: 'phase',
      dueOn: '2024-11-02',
      title: 'Báo cáo kết quả giai đoạn 1 (trước 03/11/2024)',
      submittedOn: '2024-11-04',
    },
    {
      id: `${id}-d3`,
      phaseId: null,
      kind: 'final',
      dueOn: '2024-12-17',
      title: 'Báo cáo tổng kết đợt cao điểm (trước 18/12/2024)',
      submittedOn: '2024-12-16',
    },
  ];
  return {
    id,
    name: 'Đợt cao điểm tổng điều tra, rà soát, xác minh và tập trung đấu tranh truy quét tội phạm về ma túy trên địa bàn tỉnh Lào Cai năm 2024',
    nameEn: '2024 peak campaign against drug crime',
    provinceSlug: 'lao-cai',
    issuingBody: 'UBND tỉnh Lào Cai',
    documentNumber: 'Số: /KH-UBND',
    issuedOn: null,
    // Seed 000's consolidated reports go to: Thường trực Tỉnh ủy Lào Cai.
    reportTo: 'Thường trực Tỉnh ủy Lào Cai',
    sourceSeed: '000_91f2c84d0a0eb75f.txt',
    startsOn: '2024-08-15',
    endsOn: '2024-12-14',
    ageLimitsMonths: {},
    phases,
    quotas,
    deadlines,
  };
}

/** Seed 002's village counts at 8/8 by the end of each phase (phases 3 and 4 set San Thàng's tiers instead). */
const VILLAGES_AT_8: (number | undefined)[] = [17, 62, undefined, undefined, 72];

function laiChau(): CampaignDraft {
  const id = 'lch-2024-2025';
  const phases = [
    [
      '2024-01-01',
      '2024-03-31',
      'Giai đoạn 1',
      'Phase 1',
      '17/72 thôn, bản, tổ dân phố đạt 8/8 tiêu chí không ma túy',
    ],
    [
      '2024-04-01',
      '2025-03-14',
      'Giai đoạn 2',
      'Phase 2',
      'Xây dựng thêm 55 thôn, tổ dân phố, phấn đấu ≥ 83% (45) đạt; bắt đầu chuyển hóa 7 bản của xã San Thàng từ phức tạp sang ít phức tạp',
    ],
    [
      '2025-03-15',
      '2025-08-14',
      'Giai đoạn 3',
      'Phase 3',
      'Hoàn thành chuyển hóa 7 bản của xã San Thàng sang ít phức tạp',
    ],
    [
      '2025-08-15',
      '2025-10-14',
      'Giai đoạn 4',
      'Phase 4',
      'Chuyển hóa 7 bản của xã San Thàng thành không ma túy',
    ],
    [
      '2025-10-15',
      '2025-11-30',
      'Giai đoạn 5',
      'Phase 5',
      'Tổng kết, đánh giá; công nhận thành phố không ma túy',
    ],
  ].map(([startsOn, endsOn, name, nameEn, objective], i) => ({
    id: `${id}-p${i + 1}`,
    ordinal: i + 1,
    name: name!,
    nameEn: nameEn!,
    startsOn: startsOn!,
    endsOn: endsOn!,
    // The village counts are measured from the villages' criteria: 17 at 8/8 after phase 1, 17 + 45 after phase 2,
    // all 72 at the end; phases 3 and 4 are San Thàng's, whose plans carry their target tier per phase.
    objectives: [
      {
        text: objective!,
        ...(VILLAGES_AT_8[i] !== undefined
          ? {
              measure: 'villages_full' as const,
              comparator: 'at_least' as const,
              target: VILLAGES_AT_8[i],
            }
          : {}),
      },
    ],
  }));
  return {
    id,
    name: 'Xây dựng thành phố Lai Châu không ma túy giai đoạn 2024–2025',
    nameEn: 'Building a drug-free Lai Châu city, 2024–2025',
    provinceSlug: 'lai-chau',
    issuingBody: 'UBND thành phố Lai Châu',
    documentNumber: 'Số: /KH-UBND',
    issuedOn: null,
    // Seed 002's consolidated reports go to: UBND tỉnh Lai Châu; Công an tỉnh Lai Châu.
    reportTo: 'UBND tỉnh Lai Châu; Công an tỉnh Lai Châu',
    sourceSeed: '002_049b74cfff36fd8f.txt',
    startsOn: '2024-01-01',
    endsOn: '2025-11-30',
    ageLimitsMonths: {},
    phases,
    quotas: [],
    // The plan's own deadlines (seed 002), each stored as the last allowed day; there is no phase-1 report.
    deadlines: [
      [
        'd0',
        null,
        'plan_submission',
        '2024-04-30',
        'Xây dựng kế hoạch (trước ngày 01/5/2024)',
        '2024-04-26',
      ],
      [
        'd1',
        null,
        'six_month',
        '2024-06-09',
        'Báo cáo 6 tháng năm 2024 (trước ngày 10/6)',
        '2024-06-07',
      ],
      ['d2', null, 'yearly', '2024-12-09', 'Báo cáo năm 2024 (trước ngày 10/12)', '2024-12-06'],
      [
        'd3',
        'p2',
        'phase',
        '2025-03-15',
        'Báo cáo kết quả giai đoạn 2 (trước ngày 16/3/2025)',
        '2025-03-14',
      ],
      [
        'd4',
        null,
        'six_month',
        '2025-06-09',
        'Báo cáo 6 tháng năm 2025 (trước ngày 10/6)',
        '2025-06-11',
      ],
      [
        'd5',
        'p3',
        'phase',
        '2025-08-15',
        'Báo cáo kết quả giai đoạn 3 (trước ngày 16/8/2025)',
        '2025-08-13',
      ],
      [
        'd6',
        'p4',
        'phase',
        '2025-10-15',
        'Báo cáo kết quả giai đoạn 4 (trước ngày 16/10/2025)',
        '2025-10-15',
      ],
      ['d7', null, 'final', '2025-12-02', 'Báo cáo tổng kết (trước ngày 03/12/2025)', '2025-12-01'],
    ].map(([d, phase, kind, dueOn, title, submittedOn]) => ({
      id: `${id}-${d}`,
      phaseId: phase ? `${id}-${phase}` : null,
      kind: kind as DeadlineRow['kind'],
      dueOn: dueOn!,
      title: title!,
      submittedOn: submittedOn ?? null,
    })),
  };
}

function thanhHoa(agencies: AgencyRow[]): CampaignDraft {
  const id = 'th-2023';
  const phase: PhaseRow = {
    id: `${id}-p1`,
    ordinal: 1,
    name: 'Năm 2023',
    nameEn: 'Year 2023',
    startsOn: '2023-01-01',
    endsOn: '2023-12-31',
    objectives: [
      { text: 'Triệt phá trên 10 đường dây mua bán ma túy lớn' },
      {
        text: 'Triệt xóa trên 50% tổng số điểm, tụ điểm đang hoạt động trên địa bàn',
        measure: 'hotspots_eliminated_share',
        comparator: 'more_than',
        target: 0.5,
      },
      {
        text: 'Không để phát sinh tụ điểm phức tạp về ma túy',
        measure: 'new_clusters',
        comparator: 'at_most',
        target: 0,
      },
      { text: 'Không để tụ điểm tồn tại quá 06 tháng, điểm quá 03 tháng kể từ khi được xác định' },
      { text: 'Mỗi huyện chuyển hóa ít nhất một địa bàn thành không ma túy' },
      {
        text: '27/27 huyện, thị xã, thành phố có mô hình cai nghiện tại cộng đồng và điểm điều trị methadone',
      },
      {
        text: 'Bộ đội Biên phòng: phát hiện, bắt giữ 40 vụ; phối hợp Công an triệt phá 4 đường dây xuyên biên giới',
      },
      { text: 'Hải quan: chủ trì 2 vụ, phối hợp 2 vụ' },
      {
        text: 'Không để địa bàn phức tạp thêm',
        measure: 'regressions',
        comparator: 'at_most',
        target: 0,
      },
    ],
  };
  const agency = (name: string) =>
    agencies.find((a) => a.provinceSlug === 'thanh-hoa' && a.name.startsWith(name))!.id;
  const quotas: QuotaDraft[] = [
    {
      id: `${id}-q1`,
      phaseId: phase.id,
      agencyId: agency('Công an tỉnh'),
      unitId: null,
      metric: 'lines_dismantled',
      target: 11,
      label: 'Đường dây lớn bị triệt phá',
      progress: progress(11, 1.1, '2023-01-01', '2023-12-31', `${id}:1`),
    },
    {
      id: `${id}-q2`,
      phaseId: phase.id,
      agencyId: agency('Bộ Chỉ huy Bộ đội Biên phòng'),
      unitId: null,
      metric: 'cases',
      target: 40,
      label: 'Bộ đội Biên phòng – số vụ',
      progress: progress(40, 0.95, '2023-01-01', '2023-12-31', `${id}:2`),
    },
    {
      id: `${id}-q3`,
      phaseId: phase.id,
      agencyId: agency('Cục Hải quan'),
      unitId: null,
      metric: 'cases',
      target: 2,
      label: 'Hải quan – vụ chủ trì',
      progress: progress(2, 1, '2023-01-01', '2023-12-31', `${id}:3`),
    },
    {
      id: `${id}-q4`,
      phaseId: phase.id,
      agencyId: agency('Cục Hải quan'),
      unitId: null,
      metric: 'cases',
      target: 2,
      label: 'Hải quan – vụ phối hợp',
      progress: progress(2, 1, '2023-01-01', '2023-12-31', `${id}:4`),
    },
    {
      id: `${id}-q5`,
      phaseId: phase.id,
      agencyId: agency('Bộ Chỉ huy Bộ đội Biên phòng'),
      unitId: null,
      metric: 'lines_dismantled',
      target: 4,
      label: 'Bộ đội Biên phòng – đường dây xuyên biên giới (phối hợp Công an)',
      progress: progress(4, 1, '2023-01-01', '2023-12-31', `${id}:5`),
    },
  ];
  return {
    id,
    name: 'Chương trình phòng, chống ma túy năm 2023',
    nameEn: '2023 drug-control programme',
    provinceSlug: 'thanh-hoa',
    // Issued by the province's Ban Chỉ đạo 138 (Số: /KH-BCĐ), not by the People's Committee.
    issuingBody: 'Ban Chỉ đạo 138 tỉnh Thanh Hóa',
    documentNumber: 'Số: /KH-BCĐ',
    issuedOn: null,
    // Seed 001, closing provisions: the units report to Công an tỉnh (the deadline below), and Công an tỉnh,
    // compiling for the Ban Chỉ đạo, reports to the Tỉnh ủy, the UBND tỉnh and the national committee's standing
    // office. The dashboard's report is that consolidated one.
    reportTo:
      'Tỉnh ủy Thanh Hóa; UBND tỉnh Thanh Hóa; Thường trực Ủy ban Quốc gia phòng, chống AIDS, ma túy, mại dâm',
    sourceSeed: '001_1c0c733105fa7d7d.txt',
    startsOn: '2023-01-01',
    endsOn: '2023-12-31',
    // The plan's own limits (seed 001, objective 2): a cluster 06 months, a point 03 months.
    ageLimitsMonths: { complex_point: 3, complex_cluster: 6 },
    phases: [phase],
    quotas,
    // Its only deadline (seed 001): the report to Công an tỉnh before 05/12/2023.
    deadlines: [
      {
        id: `${id}-d1`,
        phaseId: null,
        kind: 'yearly',
        dueOn: '2023-12-04',
        title: 'Báo cáo kết quả gửi Công an tỉnh (trước ngày 05/12/2023)',
        submittedOn: '2023-12-01',
      },
    ],
  };
}

function sonLa(): CampaignDraft {
  const id = 'sl-2023-coop';
  const phases = [
    ['2023-01-01', '2023-06-30', '6 tháng đầu năm', 'First half'],
    ['2023-07-01', '2023-09-30', 'Quý III', 'Third quarter'],
    ['2023-10-01', '2023-12-31', 'Quý IV', 'Fourth quarter'],
  ].map(([startsOn, endsOn, name, nameEn], i) => ({
    id: `${id}-p${i + 1}`,
    ordinal: i + 1,
    name: name!,
    nameEn: nameEn!,
    startsOn: startsOn!,
    endsOn: endsOn!,
    objectives: [
      {
        text: 'Trao đổi thông tin về đường dây, đối tượng truy nã; xác minh, truy bắt đối tượng lẩn trốn qua biên giới',
      },
      { text: 'Tuần tra song phương, phá bỏ cây có chứa chất ma túy khu vực biên giới' },
    ],
  }));
  return {
    id,
    name: 'Phối hợp phòng, chống ma túy với tỉnh Hủa Phăn, Luông Pha Băng năm 2023',
    nameEn: '2023 cross-border drug control with Houaphanh and Luang Prabang',
    provinceSlug: 'son-la',
    issuingBody: 'UBND tỉnh Sơn La',
    documentNumber: 'Số: 533/QĐ-UBND',
    issuedOn: '2023-04-11',
    // Seed 004, closing provisions: the units' reports (6 months, Q3, the year) go to Công an tỉnh, which compiles
    // them and reports to the UBND tỉnh. The dashboard's report is that consolidated one.
    reportTo: 'UBND tỉnh Sơn La',
    sourceSeed: '004_891042357a603cbb.txt',
    startsOn: '2023-01-01',
    endsOn: '2023-12-31',
    ageLimitsMonths: {},
    phases,
    quotas: [],
    // Seed 004 names the work; only the training class has a number ("tổ chức 01 lớp tập huấn").
    coordinationTargets: [
      {
        measure: 'meetings_border_provinces',
        target: null,
        label: 'Giao ban 08 tỉnh có chung đường biên giới Việt Nam – Lào',
      },
      {
        measure: 'meetings_three_province',
        target: null,
        label: 'Giao ban định kỳ luân phiên 3 tỉnh Sơn La – Hủa Phăn – Luông Pha Băng',
      },
      {
        measure: 'meetings_department',
        target: null,
        label: 'Giao ban giữa các sở, ngành, lực lượng tỉnh Sơn La với đơn vị đồng cấp của Lào',
      },
      {
        measure: 'meetings_blo',
        target: null,
        label: 'Giao ban định kỳ 02 Văn phòng BLO Sơn La – Hủa Phăn',
      },
      {
        measure: 'training',
        target: 1,
        label: 'Lớp tập huấn nghiệp vụ PCMT cho lực lượng chuyên trách Hủa Phăn, Luông Pha Băng',
      },
      {
        measure: 'information_exchange',
        target: null,
        label: 'Trao đổi thông tin về đường dây, đối tượng',
      },
      { measure: 'joint_case', target: null, label: 'Chuyên án, vụ án phối hợp' },
      {
        measure: 'fugitives_verified',
        target: null,
        label: 'Xác minh đối tượng truy nã lẩn trốn qua biên giới (người)',
      },
      {
        measure: 'crop_area_m2',
        target: null,
        label: 'Phá bỏ cây có chứa chất ma túy khu vực biên giới (m²)',
      },
      { measure: 'joint_patrol', target: null, label: 'Tuần tra song phương' },
    ],
    deadlines: [
      {
        id: `${id}-d1`,
        phaseId: phases[0]!.id,
        kind: 'six_month',
        dueOn: '2023-06-20',
        title: 'Báo cáo 6 tháng (giả định: kế hoạch không nêu ngày)',
        submittedOn: '2023-06-19',
      },
      {
        id: `${id}-d2`,
        phaseId: phases[1]!.id,
        kind: 'quarter',
        dueOn: '2023-09-20',
        title: 'Báo cáo quý III (giả định: kế hoạch không nêu ngày)',
        submittedOn: '2023-09-22',
      },
      {
        id: `${id}-d3`,
        phaseId: null,
        kind: 'yearly',
        dueOn: '2023-12-15',
        title: 'Báo cáo năm (giả định: kế hoạch không nêu ngày)',
        submittedOn: '2023-12-14',
      },
    ],
  };
}

function laoCai2026(): CampaignDraft {
  const id = 'lc-2026-p4';
  const phase: PhaseRow = {
    id: `${id}-p1`,
    ordinal: 1,
    name: 'Năm 2026',
    nameEn: 'Year 2026',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    objectives: [
      { text: 'Ưu tiên kinh phí cho xã loại I, II và loại III nằm trên tuyến trọng điểm' },
      { text: 'Mỗi Công an xã, phường (99) có điểm tư vấn, hỗ trợ điều trị nghiện' },
      {
        text: 'Mục tiêu 2030: 100% xã, phường không ma túy',
        measure: 'drug_free_share',
        comparator: 'at_least',
        target: 1,
      },
      { text: 'Hướng tới xây dựng tỉnh Lào Cai không có ma túy vào năm 2026' },
      {
        text: 'Mục tiêu 2030: trên 80% cơ sở y tế tuyến xã đủ điều kiện xác định tình trạng nghiện ma túy',
      },
      {
        text: 'Mục tiêu 2030: trên 70% xã, phường có người nghiện bố trí điểm tiếp nhận và tư vấn cai nghiện',
      },
      {
        text: 'Mục tiêu 2030: 100% người làm công tác lập hồ sơ, tiếp nhận, tư vấn cai nghiện tại xã được đào tạo, tập huấn',
      },
    ],
  };
  return {
    id,
    name: 'Dự án 4: Nâng cao hiệu quả công tác phòng, chống ma túy tại cơ sở',
    nameEn: 'Project 4 of the national drug-control programme, 2026',
    provinceSlug: 'lao-cai',
    issuingBody: 'UBND tỉnh Lào Cai',
    documentNumber: 'Số: /KH-UBND',
    issuedOn: null,
    // Seed 003's consolidated reports go to: Bộ Công an.
    reportTo: 'Bộ Công an',
    sourceSeed: '003_83eb815b7e70d2af.txt',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    ageLimitsMonths: {},
    phases: [phase],
    quotas: [],
    deadlines: [
      {
        id: `${id}-d1`,
        phaseId: null,
        kind: 'six_month',
        dueOn: '2026-06-15',
        title: 'Báo cáo 6 tháng đầu năm 2026 (giả định: kế hoạch không nêu ngày)',
        submittedOn: '2026-06-12',
      },
      {
        id: `${id}-d2`,
        phaseId: null,
        kind: 'yearly',
        dueOn: '2026-12-15',
        title: 'Báo cáo năm 2026 (giả định: kế hoạch không nêu ngày)',
        submittedOn: null,
      },
    ],
  };
}

export function buildCampaigns(units: UnitRow[], agencies: AgencyRow[]): CampaignRow[] {
  if (REFORM_DAY !== '2025-07-01') throw new Error('campaign dates assume the July 2025 reform');
  const drafts = [
    thanhHoa(agencies),
    sonLa(),
    laoCai2024(units, agencies),
    laiChau(),
    laoCai2026(),
  ];
  return drafts.map((c) => ({
    ...c,
    quotas: c.quotas.map((q) => ({ ...q, unit: DEFAULT_QUOTA_UNIT[q.metric] })),
  }));
}
