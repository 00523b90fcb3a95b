/**
 * One example request per route of the policy table, on the demo's Lào Cai data: the path's parameters, the query of
 * a read, the body of a write. The OpenAPI document shows them; a test checks each against its zod contract and sends
 * it to the real app, which must not refuse it as malformed. `version` values are the demo's first versions.
 */
export interface Example {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

const CAMPAIGN = { id: 'lc-2024-peak' };
const newCampaign = {
  name: 'Kế hoạch cao điểm tấn công, trấn áp tội phạm ma túy năm 2027',
  documentNumber: 'Số 12/KH-UBND',
  issuingBody: 'UBND tỉnh Lào Cai',
  startsOn: '2027-01-01',
  endsOn: '2027-06-30',
  phases: [
    { name: 'Giai đoạn 1: rà soát', startsOn: '2027-01-01', endsOn: '2027-03-31' },
    { name: 'Giai đoạn 2: tấn công', startsOn: '2027-04-01', endsOn: '2027-06-30' },
  ],
  // Quotas and deadlines name their phase by its index in `phases`.
  quotas: [
    {
      phase: 1,
      agencyId: 'agency-001',
      unitId: null,
      metric: 'cases',
      unit: 'case',
      target: 20,
      label: 'Số vụ phát hiện, bắt giữ',
    },
  ],
  deadlines: [
    { phase: 0, kind: 'one_month', dueOn: '2027-02-20', title: 'Báo cáo kết quả tháng 1' },
  ],
};

export const EXAMPLES: Record<string, Example> = {
  'GET /api/provinces': { query: { asOf: '2024-10-31' } },
  'GET /api/units': { query: { province: 'lao-cai', level: 'commune', asOf: '2024-10-31' } },
  'GET /api/units/:id': { params: { id: 'com-10-0004' } },
  'GET /api/assessments': { query: { province: 'lao-cai' } },
  'GET /api/borders': {},
  'GET /api/routes': { query: { province: 'lao-cai' } },
  'GET /api/basemap': {},
  'GET /api/hotspots': {
    query: { province: 'lao-cai', campaign: 'lc-2024-peak', asOf: '2024-10-31', status: 'active' },
  },
  'GET /api/crossings': { query: { province: 'lao-cai' } },
  'GET /api/crossings/:id': { params: { id: 'crossing-01' } },
  'GET /api/events': { query: { crossing: 'crossing-01' } },
  'GET /api/campaigns': { query: { province: 'lao-cai' } },
  'GET /api/campaigns/:id': { params: CAMPAIGN, query: { asOf: '2024-10-31' } },
  'GET /api/campaigns/:id/report': {
    params: CAMPAIGN,
    query: { phase: 'lc-2024-peak-p1', kind: 'phase', format: 'docx', asOf: '2024-10-31' },
  },
  'GET /api/campaigns/:id/lists/:list': {
    params: { ...CAMPAIGN, list: 'hotspots' },
    query: { phase: 'lc-2024-peak-p1', asOf: '2024-10-31' },
  },
  'GET /api/meta': {},
  'GET /api/openapi.json': {},
  'GET /api/docs': {},
  'GET /api/docs/:file': { params: { file: 'init.js' } },
  'POST /api/assessments': {
    body: {
      unitId: 'com-10-0004',
      assessedOn: '2024-11-15',
      tier: 'type_3',
      note: 'Rà soát quý IV',
    },
  },
  'POST /api/quotas/:id/progress': {
    params: { id: 'lc-2024-peak-q01' },
    body: { recordedOn: '2024-09-20', value: 2 },
  },
  'POST /api/hotspots': {
    body: {
      kind: 'retail_point',
      identifiedOn: '2024-09-10',
      lng: 103.99,
      lat: 22.5,
      note: 'Phát hiện qua tin báo',
    },
  },
  'GET /api/hotspots/template': {},
  'POST /api/hotspots/import': { query: { commit: '0' } },
  'POST /api/boundaries/import': {
    query: {
      commit: '0',
      province: 'lai-chau',
      level: 'commune',
      mode: 'replace',
      validFrom: '2025-07-01',
    },
  },
  'PATCH /api/hotspots/:id': {
    params: { id: 'hs-lao-cai-old-105' },
    body: { note: 'Đã xác minh tại thực địa', version: 1 },
  },
  'POST /api/hotspots/:id/eliminate': {
    params: { id: 'hs-lao-cai-old-105' },
    body: { eliminatedOn: '2024-10-20', version: 1 },
  },
  'POST /api/hotspots/:id/re-emerge': {
    params: { id: 'hs-lao-cai-old-046' },
    body: { identifiedOn: '2024-10-25' },
  },
  'POST /api/crossings': {
    body: {
      kind: 'opening',
      name: 'Lối mở Bản Lầu',
      border: 'VN-CN',
      lng: 103.9,
      lat: 22.55,
      counterpartProvince: 'Vân Nam',
      counterpartCountry: 'CN',
    },
  },
  'PATCH /api/crossings/:id': {
    params: { id: 'crossing-01' },
    body: { opensAt: '07:00', closesAt: '22:00', counterpartGateLocal: '河口', version: 1 },
  },
  'POST /api/crossings/:id/seizures': {
    params: { id: 'crossing-01' },
    body: {
      seizedOn: '2024-10-02',
      kind: 'methamphetamine',
      quantity: 1200,
      unit: 'g',
      note: 'Phát hiện trong khoang hàng xe tải nhập cảnh',
    },
  },
  'PATCH /api/seizures/:id': {
    params: { id: 'sz-crossing-01-202301-1' },
    body: { quantity: 190, version: 1 },
  },
  'POST /api/events': {
    body: {
      kind: 'meeting',
      level: 'gate',
      occurredOn: '2024-10-01',
      crossingId: 'crossing-01',
      counterpart: 'Hà Khẩu',
      counterpartUnits: ['Trạm kiểm soát biên phòng Hà Khẩu'],
      summary: 'Giao ban định kỳ quý III',
      outcome: 'Thống nhất kế hoạch tuần tra song phương quý IV',
      followUps: [{ text: 'Trao đổi danh sách tuyến trọng điểm', dueOn: '2024-10-31' }],
    },
  },
  'PATCH /api/events/:id': {
    params: { id: 'ev-crossing-01-1' },
    body: { summary: 'Giao ban định kỳ quý III, bổ sung kết quả', version: 1 },
  },
  'GET /api/border/sectors': { query: { province: 'lao-cai' } },
  'GET /api/border/alerts': { query: { province: 'lao-cai' } },
  'GET /api/border/rule': { query: { province: 'lao-cai' } },
  'PATCH /api/border/alerts/:id': {
    params: { id: 'alert-hs-lao-cai-old-re3' },
    body: { state: 'resolved', note: 'Đã kiểm tra, phối hợp Công an xã xử lý', version: 1 },
  },
  'PUT /api/border/rule': { body: { beltM: 0, alertWithinM: 5000, version: 0 } },
  'GET /api/coordination': { query: { province: 'lao-cai', kind: 'meeting', page: '1' } },
  'PATCH /api/follow-ups/:id': {
    params: { id: 'ev-crossing-01-2-f1' },
    body: { doneOn: '2024-12-20', version: 1 },
  },
  'POST /api/events/:id/attachments': { params: { id: 'ev-crossing-01-1' } },
  'GET /api/events/:id/attachments/:file': { params: { id: 'ev-crossing-01-1', file: 'att-x' } },
  'GET /api/plans': { query: { campaign: 'lc-2026-p4' } },
  'POST /api/plans': {
    body: {
      unitId: 'com-10-0004',
      targetTier: 'drug_free',
      targetDate: '2030-12-31',
      campaignId: 'lc-2026-p4',
      phaseTargets: [{ phaseId: 'lc-2026-p4-p1', tier: 'has_activity' }],
    },
  },
  'PATCH /api/plans/:id': {
    params: { id: 'plan-com-15n-001' },
    body: {
      status: 'in_progress',
      phaseTargets: [{ phaseId: 'lc-2026-p4-p1', tier: 'has_activity' }],
      version: 1,
    },
  },
  'GET /api/plans/:id/history': { params: { id: 'plan-com-15n-001' } },
  'GET /api/plans/:id/export': { params: { id: 'plan-com-15n-001' }, query: { format: 'docx' } },
  'POST /api/plans/:id/steps': {
    params: { id: 'plan-com-15n-001' },
    body: { step: 'regressed', on: '2026-11-20', note: 'Phát hiện điểm tái phức tạp', version: 1 },
  },
  'POST /api/checks/:id/evidence': { params: { id: '1' } },
  'GET /api/checks/:id/evidence/:file': { params: { id: '1', file: 'ev-x' } },
  'POST /api/plans/:id/tasks': {
    params: { id: 'plan-com-15n-001' },
    body: { title: 'Rà soát hộ gia đình có người nghiện', dueOn: '2027-03-31' },
  },
  'POST /api/campaigns/:id/tasks': {
    params: { id: 'lc-2026-p4' },
    body: { title: 'Kiện toàn Ban Chỉ đạo các cấp', dueOn: '2026-12-31' },
  },
  'PATCH /api/tasks/:id': {
    params: { id: 'task-plan-com-15n-001-1' },
    body: { status: 'done', version: 1 },
  },
  'POST /api/campaigns': { body: newCampaign },
  'PATCH /api/campaigns/:id': {
    params: CAMPAIGN,
    body: { ageLimitsMonths: { complex_point: 3, complex_cluster: 6 }, version: 1 },
  },
  'PUT /api/campaigns/:id': {
    params: { id: 'lc-2026-p4' },
    body: {
      name: 'Kế hoạch thực hiện các chỉ tiêu năm 2026',
      issuingBody: 'UBND tỉnh Lào Cai',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      version: 1,
      phases: [
        {
          id: 'lc-2026-p4-p1',
          version: 1,
          name: 'Cả năm 2026',
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
        },
      ],
      // A quota and a deadline without an id are added; those with one are edited.
      quotas: [
        {
          phase: 0,
          agencyId: 'agency-001',
          unitId: null,
          metric: 'cases',
          unit: 'case',
          target: 30,
          label: 'Số vụ phát hiện, bắt giữ',
        },
      ],
      deadlines: [
        { phase: 0, kind: 'one_month', dueOn: '2026-12-20', title: 'Báo cáo kết quả tháng 11' },
      ],
    },
  },
  'POST /api/campaigns/:id/copy': {
    params: CAMPAIGN,
    body: { name: 'Kế hoạch cao điểm năm 2027', startsOn: '2027-08-15' },
  },
  'POST /api/campaigns/:id/phases': {
    params: CAMPAIGN,
    body: { name: 'Giai đoạn tổng kết', startsOn: '2024-12-01', endsOn: '2024-12-10' },
  },
  'PATCH /api/phases/:id': {
    params: { id: 'lc-2024-peak-p0' },
    body: { name: 'Chuẩn bị', version: 1 },
  },
  'POST /api/campaigns/:id/quotas': {
    params: CAMPAIGN,
    body: {
      agencyId: 'agency-001',
      metric: 'cases',
      unit: 'case',
      target: 5,
      label: 'Số vụ phát hiện, bắt giữ',
    },
  },
  'PATCH /api/quotas/:id': { params: { id: 'lc-2024-peak-q01' }, body: { target: 45, version: 1 } },
  'POST /api/campaigns/:id/deadlines': {
    params: CAMPAIGN,
    body: { kind: 'one_month', dueOn: '2024-11-20', title: 'Báo cáo kết quả tháng 10' },
  },
  'PATCH /api/deadlines/:id': {
    params: { id: 'lc-2024-peak-d1' },
    body: { submittedOn: '2024-10-01', version: 1 },
  },
  'GET /api/figures': { query: { province: 'lao-cai' } },
  'PUT /api/figures': {
    body: {
      unitId: 'com-15n-001',
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      population: 4200,
    },
  },
  'GET /api/figures/template': {
    query: { province: 'lao-cai', periodFrom: '2026-01-01', periodTo: '2026-06-30' },
  },
  'POST /api/figures/import': { query: { commit: '0' } },
  'GET /api/agencies': {},
  'POST /api/agencies': { body: { kind: 'commune_police', name: 'Công an xã Bản Vược' } },
  'PATCH /api/agencies/:id': {
    params: { id: 'agency-001' },
    body: { name: 'Phòng Cảnh sát điều tra tội phạm về ma túy', version: 1 },
  },
  'PUT /api/plans/:id/criteria/:n': {
    params: { id: 'plan-com-15n-001', n: '1' },
    body: { met: true, checkedOn: '2026-11-01', note: 'Biên bản kiểm tra', version: 1 },
  },
  'GET /api/users': {},
  'POST /api/users': {
    body: {
      username: 'chihuy.bathxat',
      password: 'Mat-khau-dai-2026',
      role: 'commander',
      provinceSlug: 'lao-cai',
      title: 'Chỉ huy',
    },
  },
  'PATCH /api/users/:id': { params: { id: 'user-0001' }, body: { title: 'Cán bộ', version: 1 } },
  'GET /api/audit': { query: { page: '1', pageSize: '50', outcome: 'denied' } },
  'GET /api/audit/export': { query: { from: '2026-11-01', to: '2026-11-30', format: 'zip' } },
};
