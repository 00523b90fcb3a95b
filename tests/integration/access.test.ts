/**
 * The access matrix: every route of the policy table × every role × own / other province,
 * each answered as the policy says; every denial leaves an audit row.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, borderAlerts, eventFollowUps, recognitionSteps } from '@pcmt/server/db/schema';
import { pointNearBorder } from '../support/border.ts';
import ExcelJS from 'exceljs';
import { FIGURE_FIELDS } from '@pcmt/shared/figures';
import { can, ROLES, ROUTE_POLICY, type Role } from '@pcmt/shared/policy';
import { XLSX_MIME } from '@pcmt/shared/uploads';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi, type TestUser } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

const AS: Record<Role, TestUser> = {
  commander: 'commander',
  border_unit: 'border',
  planner: 'plannerLaoCai',
  admin: 'admin',
};
type Req = { path: string; body?: unknown; headers?: Record<string, string> };
type Fixture = {
  own: () => Promise<Req>;
  other: (() => Promise<Req>) | null;
  otherStatus?: number;
  list?: (body: any) => string[];
};

const version = async (path: string) => ({
  'if-match': (await api.get(path)).headers.get('etag') ?? '"1"',
});
const activeHotspot = async (province: string) =>
  (await api.get(`/api/hotspots?province=${province}&status=active`)).body.features[0].id as string;
const hotspotVersion = async (province: string, id: string) =>
  (await api.get(`/api/hotspots?province=${province}`)).body.features.find((f: any) => f.id === id)
    .properties.version;
const eliminatedHotspot = async (province: string) =>
  (
    await api.get(
      `/api/hotspots?province=${province}&asOf=2024-12-31&since=2020-01-01&status=eliminated`,
    )
  ).body.features[0].id as string;
const plan = async (province: string) =>
  (await api.get('/api/plans')).body.find((p: any) => p.provinceSlug === province);
/** A plan of the province already recognised drug-free (its steps written here), as the list reads it now. */
const recognisedPlan = async (province: string) => {
  const p = await plan(province);
  const steps = (await api.get(`/api/plans/${p.id}/history`)).body.steps;
  if (steps.length === 0)
    await t.db.insert(recognitionSteps).values(
      (['proposed', 'appraised', 'recognised'] as const).map((step, i) => ({
        id: `step-x-${p.id}-${i}`,
        planId: p.id,
        step,
        on: '2026-01-1' + i,
        seq: i + 1,
        decisionNumber: step === 'proposed' ? null : `${i}/QĐ-UBND`,
        recordedRole: 'commander',
      })),
    );
  return (await plan(province)) as { id: string; version: number };
};
/** A PNG's first bytes: enough for the type check. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const checkOf = async (province: string) => {
  const p = await plan(province);
  return (await api.get(`/api/plans/${p.id}/history`)).body.checks[0].id as number;
};
const evidenceOf = async (province: string, as: TestUser) => {
  const check = await checkOf(province);
  const up = await api.call('POST', `/api/checks/${check}/evidence`, {
    as,
    body: PNG,
    headers: { 'content-type': 'image/png', 'x-file-name': 'anh.png' },
  });
  return { path: `/api/checks/${check}/evidence/${up.body.id}` };
};
const communeWithoutPlan = async (province: string) => {
  const planned = new Set((await api.get('/api/plans')).body.map((p: any) => p.unitId));
  const units = (await api.get(`/api/units?province=${province}`)).body.features;
  return units.find((f: any) => !planned.has(f.id)).id as string;
};
const taskOf = async (province: string, as: TestUser) => {
  const p = await plan(province);
  if (p.tasks.length === 0)
    await api.call('POST', `/api/plans/${p.id}/tasks`, {
      as,
      body: { title: 'Tuyên truyền tại thôn', dueOn: '2027-01-31' },
    });
  return (await plan(province)).tasks[0];
};
const campaignVersion = async (id: string) => ({
  'if-match': `"${(await api.get(`/api/campaigns/${id}`)).body.version}"`,
});
const userOf = async (province: string) =>
  (await api.get('/api/users')).body.find((u: any) => u.provinceSlug === province);
const rowVersion = async (campaign: string, list: 'phases' | 'quotas' | 'deadlines', id: string) =>
  (await api.get(`/api/campaigns/${campaign}`)).body[list].find((x: any) => x.id === id)
    .version as number;
const newCampaign = (name: string) => ({
  name,
  documentNumber: 'Số 12/KH-UBND',
  issuingBody: 'UBND tỉnh Lào Cai',
  startsOn: '2027-01-01',
  endsOn: '2027-06-30',
  phases: [{ name: 'Giai đoạn 1', startsOn: '2027-01-01', endsOn: '2027-03-31' }],
});
let n = 0;
/** A one-page PDF, as a scanner writes the start of one. */
const MINUTE = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const eventAt = async (crossing: string) =>
  (await api.get(`/api/events?crossing=${crossing}`)).body[0].id as string;
const followUpAt = async (crossing: string) => {
  const events = (await api.get(`/api/events?crossing=${crossing}`)).body;
  let f = events.flatMap((e: any) => e.followUps)[0];
  if (!f) {
    const e = events[0];
    await t.db.insert(eventFollowUps).values({
      id: `${e.id}-fx`,
      eventId: e.id,
      ordinal: 99,
      text: 'Trao đổi danh sách',
      dueOn: e.occurredOn,
    });
    f = (await api.get(`/api/events?crossing=${crossing}`)).body[0].followUps[0];
  }
  return f as { id: string; version: number };
};
const seizureAt = async (crossing: string) =>
  (await api.get(`/api/crossings/${crossing}`)).body.seizures[0] as { id: string; version: number };
const attachmentAt = async (crossing: string, as: TestUser) => {
  const id = await eventAt(crossing);
  const up = await api.call('POST', `/api/events/${id}/attachments`, {
    as,
    body: MINUTE,
    headers: { 'content-type': 'application/pdf' },
  });
  return { path: `/api/events/${id}/attachments/${up.body.id}` };
};
const LIST_NAMES = ['hotspots', 'quotas', 'deadlines', 'events', 'plans', 'tasks'];
const PERIOD = { periodFrom: '2026-01-01', periodTo: '2026-12-31' };
const communeOn = async (province: string) =>
  (await api.get(`/api/units?province=${province}&level=commune&asOf=2026-11-22`)).body.features[0]
    .id as string;
/** A figures workbook as the template writes it, for a province (built here: another province's template is not downloadable). */
/** An empty hotspot list of a province, as the template writes it. */
async function hotspotFile(province: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Điểm ma túy');
  ws.addRow(['Danh sách']);
  ws.addRow(['Loại', 'Ngày phát hiện']);
  wb.addWorksheet('Thông tin').addRows([
    ['Tỉnh', province],
    ['Mã định danh tỉnh (không sửa)', province],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
async function figuresFile(province: string) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Số liệu xã').addRows([
    ['Mã xã', 'Tên xã, phường', ...FIGURE_FIELDS.map((f) => f.vi)],
  ]);
  wb.addWorksheet('Thông tin').addRows([
    ['Tỉnh', province],
    ['Mã định danh tỉnh (không sửa)', province],
    ['Từ ngày', '01/01/2026'],
    ['Đến ngày', '30/06/2026'],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const FIXTURES: Record<string, Fixture> = {
  'GET /api/provinces': {
    own: async () => ({ path: '/api/provinces' }),
    other: null,
    list: (b) => b.map((p: any) => p.slug),
  },
  'GET /api/units': {
    own: async () => ({ path: '/api/units?province=lao-cai&asOf=2024-10-31' }),
    other: async () => ({ path: '/api/units?province=son-la&asOf=2024-10-31' }),
  },
  'GET /api/units/:id': {
    own: async () => ({ path: '/api/units/com-10-0004' }),
    other: async () => ({ path: '/api/units/com-14-0534' }),
  },
  'GET /api/assessments': {
    own: async () => ({ path: '/api/assessments?province=lao-cai' }),
    other: async () => ({ path: '/api/assessments?province=son-la' }),
  },
  'GET /api/borders': { own: async () => ({ path: '/api/borders' }), other: null },
  'GET /api/routes': {
    own: async () => ({ path: '/api/routes' }),
    other: null,
    list: (b) => b.features.map((f: any) => f.properties.province),
  },
  'GET /api/basemap': { own: async () => ({ path: '/api/basemap' }), other: null },
  'GET /api/hotspots': {
    own: async () => ({ path: '/api/hotspots?province=lao-cai' }),
    other: async () => ({ path: '/api/hotspots?province=son-la' }),
  },
  'GET /api/crossings': {
    own: async () => ({ path: '/api/crossings' }),
    other: null,
    list: (b) => b.features.map((f: any) => f.properties.provinceSlug),
  },
  'GET /api/crossings/:id': {
    own: async () => ({ path: '/api/crossings/crossing-01' }),
    other: async () => ({ path: '/api/crossings/crossing-07' }),
  },
  'GET /api/events': {
    own: async () => ({ path: '/api/events' }),
    other: null,
    list: (b) => b.map((e: any) => e.provinceSlug),
  },
  'GET /api/border/sectors': {
    own: async () => ({ path: '/api/border/sectors?province=lao-cai' }),
    other: async () => ({ path: '/api/border/sectors?province=son-la' }),
  },
  'GET /api/border/alerts': {
    own: async () => ({ path: '/api/border/alerts?province=lao-cai' }),
    other: async () => ({ path: '/api/border/alerts?province=son-la' }),
  },
  'GET /api/border/rule': {
    own: async () => ({ path: '/api/border/rule?province=lao-cai' }),
    other: async () => ({ path: '/api/border/rule?province=son-la' }),
  },
  'PATCH /api/border/alerts/:id': {
    // A fresh hotspot 1 km from the stretch of the test border unit's station raises an open alert.
    own: async () => {
      const sectors = (await api.get('/api/border/sectors?province=lao-cai')).body;
      const sector = sectors.features.find(
        (f: any) => f.properties.stationName === 'Đồn Biên phòng Cửa khẩu Quốc tế Lào Cai',
      );
      const outline = (await api.get('/api/units?province=lao-cai&level=province')).body
        .features[0];
      const [lng, lat] = pointNearBorder(
        sector,
        (await api.get('/api/borders')).body,
        outline,
        1000,
      );
      const h = await api.call('POST', '/api/hotspots', {
        as: 'commander',
        body: { kind: 'retail_point', identifiedOn: '2026-11-22', lng, lat },
      });
      return {
        path: `/api/border/alerts/${h.body.borderAlertId}`,
        body: { state: 'acknowledged', version: 1 },
      };
    },
    other: async () => {
      const [a] = await t.db
        .select()
        .from(borderAlerts)
        .where(eq(borderAlerts.provinceSlug, 'son-la'))
        .limit(1);
      return {
        path: `/api/border/alerts/${a!.id}`,
        body: { state: 'resolved', version: a!.version },
      };
    },
  },
  'PUT /api/border/rule': {
    own: async () => {
      const rule = (await api.get('/api/border/rule?province=lao-cai')).body;
      return {
        path: '/api/border/rule',
        body: { beltM: 0, alertWithinM: 5000, version: rule.version },
      };
    },
    other: null,
  },
  'GET /api/campaigns': {
    own: async () => ({ path: '/api/campaigns' }),
    other: null,
    list: (b) => b.map((c: any) => c.provinceSlug),
  },
  'GET /api/campaigns/:id': {
    own: async () => ({ path: '/api/campaigns/lc-2024-peak' }),
    other: async () => ({ path: '/api/campaigns/sl-2023-coop' }),
  },
  'GET /api/campaigns/:id/report': {
    own: async () => ({
      path: '/api/campaigns/lc-2024-peak/report?phase=lc-2024-peak-p1&format=xlsx',
    }),
    other: async () => ({ path: '/api/campaigns/sl-2023-coop/report?format=xlsx' }),
  },
  'GET /api/meta': { own: async () => ({ path: '/api/meta' }), other: null },
  'POST /api/assessments': {
    own: async () => ({
      path: '/api/assessments',
      body: { unitId: 'com-10-0004', assessedOn: '2024-11-15', tier: 'type_3' },
    }),
    other: async () => ({
      path: '/api/assessments',
      body: { unitId: 'com-14-0534', assessedOn: '2024-11-15', tier: 'type_3' },
    }),
  },
  'POST /api/quotas/:id/progress': {
    own: async () => ({
      path: '/api/quotas/lc-2024-peak-q01/progress',
      body: { recordedOn: '2024-09-20', value: 1 },
    }),
    other: async () => ({
      path: '/api/quotas/th-2023-q1/progress',
      body: { recordedOn: '2023-05-20', value: 1 },
    }),
  },
  'POST /api/hotspots/:id/eliminate': {
    own: async () => {
      const id = await activeHotspot('lao-cai');
      return {
        path: `/api/hotspots/${id}/eliminate`,
        body: { eliminatedOn: '2026-11-20', version: await hotspotVersion('lao-cai', id) },
      };
    },
    other: async () => ({
      path: `/api/hotspots/${await activeHotspot('son-la')}/eliminate`,
      body: { eliminatedOn: '2026-11-20', version: 1 },
    }),
  },
  'POST /api/hotspots/:id/re-emerge': {
    own: async () => ({
      path: `/api/hotspots/${await eliminatedHotspot('lao-cai')}/re-emerge`,
      body: { identifiedOn: '2026-11-21' },
    }),
    other: async () => ({
      path: `/api/hotspots/${await eliminatedHotspot('son-la')}/re-emerge`,
      body: { identifiedOn: '2026-11-21' },
    }),
  },
  'POST /api/crossings': {
    own: async () => ({
      path: '/api/crossings',
      body: {
        kind: 'opening',
        name: `Lối mở thử ${++n}`,
        border: 'VN-CN',
        lng: 103.9,
        lat: 22.55,
        counterpartProvince: 'Vân Nam',
        counterpartCountry: 'CN',
      },
    }),
    other: null,
  },
  'PATCH /api/crossings/:id': {
    own: async () => ({
      path: '/api/crossings/crossing-01',
      body: { counterpartGate: `Hà Khẩu ${++n}` },
      headers: await version('/api/crossings/crossing-01'),
    }),
    other: async () => ({
      path: '/api/crossings/crossing-07',
      body: { counterpartGate: 'x' },
      headers: { 'if-match': '"1"' },
    }),
  },
  'POST /api/crossings/:id/seizures': {
    own: async () => ({
      path: '/api/crossings/crossing-01/seizures',
      body: { seizedOn: '2024-10-02', kind: 'heroin', quantity: 350, unit: 'g' },
    }),
    other: async () => ({
      path: '/api/crossings/crossing-07/seizures',
      body: { seizedOn: '2024-10-02', kind: 'heroin', quantity: 350, unit: 'g' },
    }),
  },
  'PATCH /api/seizures/:id': {
    own: async () => {
      const s = await seizureAt('crossing-01');
      return { path: `/api/seizures/${s.id}`, body: { quantity: ++n, version: s.version } };
    },
    other: async () => {
      const s = await seizureAt('crossing-07');
      return { path: `/api/seizures/${s.id}`, body: { quantity: 1, version: s.version } };
    },
  },
  'POST /api/events': {
    own: async () => ({
      path: '/api/events',
      body: {
        kind: 'meeting',
        level: 'gate',
        occurredOn: '2024-10-01',
        crossingId: 'crossing-01',
        counterpart: 'Hà Khẩu',
        summary: 'Giao ban định kỳ',
      },
    }),
    other: async () => ({
      path: '/api/events',
      body: {
        kind: 'meeting',
        level: 'gate',
        occurredOn: '2024-10-01',
        crossingId: 'crossing-07',
        counterpart: 'Bản Đán',
        summary: 'Giao ban',
      },
    }),
  },
  'GET /api/coordination': {
    own: async () => ({ path: '/api/coordination?province=lao-cai' }),
    other: async () => ({ path: '/api/coordination?province=son-la' }),
  },
  'GET /api/plans/:id/history': {
    own: async () => ({ path: `/api/plans/${(await plan('lao-cai')).id}/history` }),
    other: async () => ({ path: `/api/plans/${(await plan('lai-chau')).id}/history` }),
  },
  'GET /api/plans/:id/export': {
    own: async () => ({ path: `/api/plans/${(await plan('lao-cai')).id}/export?format=xlsx` }),
    other: async () => ({ path: `/api/plans/${(await plan('lai-chau')).id}/export` }),
  },
  'POST /api/plans/:id/steps': {
    own: async () => {
      const p = await recognisedPlan('lao-cai');
      return {
        path: `/api/plans/${p.id}/steps`,
        body: {
          step: 'reverified',
          on: '2026-11-22',
          note: 'Kiểm tra định kỳ',
          version: p.version,
        },
      };
    },
    other: async () => {
      const p = await recognisedPlan('lai-chau');
      return {
        path: `/api/plans/${p.id}/steps`,
        body: { step: 'reverified', on: '2026-11-22', version: p.version },
      };
    },
  },
  'POST /api/checks/:id/evidence': {
    own: async () => ({
      path: `/api/checks/${await checkOf('lao-cai')}/evidence`,
      body: PNG,
      headers: { 'content-type': 'image/png', 'x-file-name': 'anh.png' },
    }),
    other: async () => ({
      path: `/api/checks/${await checkOf('lai-chau')}/evidence`,
      body: PNG,
      headers: { 'content-type': 'image/png' },
    }),
  },
  'GET /api/checks/:id/evidence/:file': {
    own: async () => evidenceOf('lao-cai', 'plannerLaoCai'),
    other: async () => evidenceOf('lai-chau', 'planner'),
  },
  'PATCH /api/follow-ups/:id': {
    own: async () => {
      const f = await followUpAt('crossing-01');
      return { path: `/api/follow-ups/${f.id}`, body: { text: `Việc ${++n}`, version: f.version } };
    },
    other: async () => {
      const f = await followUpAt('crossing-07');
      return { path: `/api/follow-ups/${f.id}`, body: { text: 'x', version: f.version } };
    },
  },
  'POST /api/events/:id/attachments': {
    own: async () => ({
      path: `/api/events/${await eventAt('crossing-01')}/attachments`,
      body: MINUTE,
      headers: { 'content-type': 'application/pdf', 'x-file-name': 'bien-ban.pdf' },
    }),
    other: async () => ({
      path: `/api/events/${await eventAt('crossing-07')}/attachments`,
      body: MINUTE,
      headers: { 'content-type': 'application/pdf' },
    }),
  },
  'GET /api/events/:id/attachments/:file': {
    own: async () => attachmentAt('crossing-01', 'border'),
    other: async () => attachmentAt('crossing-07', 'borderSonLa'),
  },
  'PATCH /api/events/:id': {
    own: async () => {
      const ev = (await api.get('/api/events?crossing=crossing-01')).body[0];
      return {
        path: `/api/events/${ev.id}`,
        body: { summary: `Cập nhật ${++n}`, version: ev.version },
      };
    },
    other: async () => ({
      path: '/api/events/ev-crossing-07-1',
      body: { summary: 'x', version: 1 },
    }),
  },
  'GET /api/plans': {
    own: async () => ({ path: '/api/plans' }),
    other: null,
    list: (b) => b.map((p: any) => p.provinceSlug),
  },
  'PATCH /api/plans/:id': {
    own: async () => {
      const p = await plan('lao-cai');
      return { path: `/api/plans/${p.id}`, body: { status: 'in_progress', version: p.version } };
    },
    other: async () => ({
      path: `/api/plans/${(await plan('lai-chau')).id}`,
      body: { status: 'in_progress', version: 1 },
    }),
  },
  'PUT /api/plans/:id/criteria/:n': {
    own: async () => {
      const p = await plan('lao-cai');
      return {
        path: `/api/plans/${p.id}/criteria/1`,
        body: { met: true, checkedOn: '2026-11-01', version: p.criteria[0].version },
      };
    },
    other: async () => ({
      path: `/api/plans/${(await plan('lai-chau')).id}/criteria/1`,
      body: { met: true, checkedOn: '2026-11-01', version: 1 },
    }),
  },
  'POST /api/plans': {
    own: async () => ({
      path: '/api/plans',
      body: {
        unitId: await communeWithoutPlan('lao-cai'),
        targetTier: 'drug_free',
        targetDate: '2030-12-31',
      },
    }),
    other: async () => ({
      path: '/api/plans',
      body: {
        unitId: await communeWithoutPlan('son-la'),
        targetTier: 'drug_free',
        targetDate: '2030-12-31',
      },
    }),
  },
  'POST /api/plans/:id/tasks': {
    own: async () => ({
      path: `/api/plans/${(await plan('lao-cai')).id}/tasks`,
      body: { title: `Rà soát hộ gia đình ${++n}`, dueOn: '2027-03-31' },
    }),
    other: async () => ({
      path: `/api/plans/${(await plan('lai-chau')).id}/tasks`,
      body: { title: 'x', dueOn: '2027-03-31' },
    }),
  },
  'POST /api/campaigns/:id/tasks': {
    own: async () => ({
      path: '/api/campaigns/lc-2026-p4/tasks',
      body: { title: `Kiện toàn Ban Chỉ đạo ${++n}`, dueOn: '2026-12-31' },
    }),
    other: async () => ({
      path: '/api/campaigns/lch-2024-2025/tasks',
      body: { title: 'x', dueOn: '2026-12-31' },
    }),
  },
  'PATCH /api/tasks/:id': {
    own: async () => {
      const task = await taskOf('lao-cai', 'plannerLaoCai');
      return { path: `/api/tasks/${task.id}`, body: { status: 'done', version: task.version } };
    },
    other: async () => {
      const task = await taskOf('lai-chau', 'planner');
      return { path: `/api/tasks/${task.id}`, body: { status: 'done', version: task.version } };
    },
  },
  'PATCH /api/campaigns/:id': {
    own: async () => ({
      path: '/api/campaigns/lc-2024-peak',
      body: { ageLimitsMonths: { complex_point: 3, complex_cluster: 6 } },
      headers: await campaignVersion('lc-2024-peak'),
    }),
    other: async () => ({
      path: '/api/campaigns/sl-2023-coop',
      body: { ageLimitsMonths: { complex_point: 3 }, version: 1 },
    }),
  },
  'PUT /api/campaigns/:id': {
    own: async () => {
      const c = (await api.get('/api/campaigns/lc-2026-p4')).body;
      return {
        path: '/api/campaigns/lc-2026-p4',
        body: {
          name: c.name,
          issuingBody: c.issuingBody,
          startsOn: c.startsOn,
          endsOn: c.endsOn,
          version: c.version,
          phases: c.phases.map((p: any) => ({
            id: p.id,
            version: p.version,
            name: p.name,
            startsOn: p.startsOn,
            endsOn: p.endsOn,
            objectives: p.objectives,
          })),
        },
      };
    },
    other: async () => ({
      path: '/api/campaigns/sl-2023-coop',
      body: {
        name: 'x',
        issuingBody: 'x',
        startsOn: '2023-01-01',
        endsOn: '2023-12-31',
        version: 1,
        phases: [{ name: 'x', startsOn: '2023-01-01', endsOn: '2023-12-31' }],
      },
    }),
  },
  'POST /api/hotspots': {
    own: async () => ({
      path: '/api/hotspots',
      body: { kind: 'retail_point', identifiedOn: '2024-09-10', lng: 103.99, lat: 22.5, note: '' },
    }),
    other: null,
  },
  'PATCH /api/hotspots/:id': {
    own: async () => {
      const id = await activeHotspot('lao-cai');
      return {
        path: `/api/hotspots/${id}`,
        body: { note: `ghi chú ${++n}`, version: await hotspotVersion('lao-cai', id) },
      };
    },
    other: async () => {
      const id = await activeHotspot('son-la');
      return {
        path: `/api/hotspots/${id}`,
        body: { note: 'x', version: await hotspotVersion('son-la', id) },
      };
    },
  },
  'POST /api/campaigns': {
    own: async () => ({ path: '/api/campaigns', body: newCampaign(`Kế hoạch thử ${++n}`) }),
    other: null,
  },
  'POST /api/campaigns/:id/copy': {
    own: async () => ({
      path: '/api/campaigns/lc-2024-peak/copy',
      body: { name: `Bản sao ${++n}`, startsOn: '2027-08-15' },
    }),
    other: async () => ({
      path: '/api/campaigns/sl-2023-coop/copy',
      body: { name: 'Bản sao', startsOn: '2027-01-01' },
    }),
  },
  'POST /api/campaigns/:id/phases': {
    own: async () => ({
      path: '/api/campaigns/lc-2024-peak/phases',
      body: { name: `Giai đoạn thử ${++n}`, startsOn: '2024-12-01', endsOn: '2024-12-10' },
    }),
    other: async () => ({
      path: '/api/campaigns/sl-2023-coop/phases',
      body: { name: 'x', startsOn: '2023-12-01', endsOn: '2023-12-10' },
    }),
  },
  'PATCH /api/phases/:id': {
    own: async () => ({
      path: '/api/phases/lc-2024-peak-p0',
      body: {
        name: 'Chuẩn bị',
        version: await rowVersion('lc-2024-peak', 'phases', 'lc-2024-peak-p0'),
      },
    }),
    other: async () => ({ path: '/api/phases/sl-2023-coop-p1', body: { name: 'x', version: 1 } }),
  },
  'POST /api/campaigns/:id/quotas': {
    own: async () => ({
      path: '/api/campaigns/lc-2024-peak/quotas',
      body: {
        agencyId: 'agency-001',
        metric: 'cases',
        unit: 'case',
        target: 5,
        label: `Chỉ tiêu thử ${++n}`,
      },
    }),
    other: async () => ({
      path: '/api/campaigns/sl-2023-coop/quotas',
      body: { agencyId: 'agency-001', metric: 'cases', unit: 'case', target: 5, label: 'x' },
    }),
  },
  'PATCH /api/quotas/:id': {
    own: async () => ({
      path: '/api/quotas/lc-2024-peak-q01',
      body: { target: 45, version: await rowVersion('lc-2024-peak', 'quotas', 'lc-2024-peak-q01') },
    }),
    other: async () => ({ path: '/api/quotas/th-2023-q1', body: { target: 11, version: 1 } }),
  },
  'POST /api/campaigns/:id/deadlines': {
    own: async () => ({
      path: '/api/campaigns/lc-2024-peak/deadlines',
      body: { kind: 'one_month', dueOn: '2024-11-20', title: `Báo cáo thử ${++n}` },
    }),
    other: async () => ({
      path: '/api/campaigns/sl-2023-coop/deadlines',
      body: { kind: 'one_month', dueOn: '2023-11-20', title: 'x' },
    }),
  },
  'PATCH /api/deadlines/:id': {
    own: async () => ({
      path: '/api/deadlines/lc-2024-peak-d1',
      body: {
        submittedOn: '2024-10-01',
        version: await rowVersion('lc-2024-peak', 'deadlines', 'lc-2024-peak-d1'),
      },
    }),
    other: async () => ({
      path: '/api/deadlines/sl-2023-coop-d1',
      body: { title: 'x', version: 1 },
    }),
  },
  'GET /api/campaigns/:id/lists/:list': {
    own: async () => ({ path: `/api/campaigns/lc-2024-peak/lists/${LIST_NAMES[++n % 6]}` }),
    other: async () => ({ path: '/api/campaigns/sl-2023-coop/lists/hotspots' }),
  },
  'GET /api/hotspots/template': {
    own: async () => ({ path: '/api/hotspots/template' }),
    other: null,
  },
  'POST /api/hotspots/import': {
    own: async () => ({
      path: '/api/hotspots/import',
      body: await hotspotFile('lao-cai'),
      headers: { 'content-type': XLSX_MIME },
    }),
    other: async () => ({
      path: '/api/hotspots/import',
      body: await hotspotFile('son-la'),
      headers: { 'content-type': XLSX_MIME },
    }),
  },
  'POST /api/boundaries/import': {
    own: async () => ({
      path: '/api/boundaries/import?province=lao-cai&validFrom=2025-07-01&commit=0',
      body: boundaryFile(),
      headers: { 'content-type': 'application/geo+json' },
    }),
    other: async () => ({
      path: '/api/boundaries/import?province=son-la&validFrom=2025-07-01&commit=0',
      body: boundaryFile(),
      headers: { 'content-type': 'application/geo+json' },
    }),
  },
  'GET /api/openapi.json': { own: async () => ({ path: '/api/openapi.json' }), other: null },
  'GET /api/docs': { own: async () => ({ path: '/api/docs' }), other: null },
  'GET /api/docs/:file': { own: async () => ({ path: '/api/docs/init.js' }), other: null },
  'GET /api/figures': {
    own: async () => ({ path: '/api/figures?province=lao-cai' }),
    other: async () => ({ path: '/api/figures?province=son-la' }),
  },
  'PUT /api/figures': {
    own: async () => {
      const unitId = await communeOn('lao-cai');
      const [row] = (await api.get(`/api/figures?province=lao-cai&unit=${unitId}`)).body;
      return {
        path: '/api/figures',
        body: {
          unitId,
          ...PERIOD,
          population: 4000 + ++n,
          ...(row ? { version: row.version } : {}),
        },
      };
    },
    other: async () => ({
      path: '/api/figures',
      body: { unitId: await communeOn('son-la'), ...PERIOD, population: 4000 },
    }),
  },
  'GET /api/figures/template': {
    own: async () => ({
      path: '/api/figures/template?province=lao-cai&periodFrom=2026-01-01&periodTo=2026-06-30',
    }),
    other: async () => ({
      path: '/api/figures/template?province=son-la&periodFrom=2026-01-01&periodTo=2026-06-30',
    }),
  },
  'POST /api/figures/import': {
    own: async () => ({
      path: '/api/figures/import',
      body: await figuresFile('lao-cai'),
      headers: { 'content-type': XLSX_MIME },
    }),
    other: async () => ({
      path: '/api/figures/import',
      body: await figuresFile('son-la'),
      headers: { 'content-type': XLSX_MIME },
    }),
  },
  'GET /api/agencies': {
    own: async () => ({ path: '/api/agencies' }),
    other: null,
    list: (b) => b.map((a: any) => a.provinceSlug),
  },
  'POST /api/agencies': {
    own: async () => ({
      path: '/api/agencies',
      body: { kind: 'commune_police', name: `Công an xã thử ${++n}` },
    }),
    other: null,
  },
  'PATCH /api/agencies/:id': {
    own: async () => {
      const a = (await api.get('/api/agencies')).body.find(
        (x: any) => x.provinceSlug === 'lao-cai',
      );
      return {
        path: `/api/agencies/${a.id}`,
        body: { name: `${a.name.replace(/ \(\d+\)$/, '')} (${++n})`, version: a.version },
      };
    },
    other: async () => {
      const a = (await api.get('/api/agencies')).body.find((x: any) => x.provinceSlug === 'son-la');
      return { path: `/api/agencies/${a.id}`, body: { name: 'x'.repeat(5), version: a.version } };
    },
  },
  'GET /api/users': {
    own: async () => ({ path: '/api/users' }),
    other: null,
    list: (b) => b.map((u: any) => u.provinceSlug),
  },
  'POST /api/users': {
    own: async () => ({
      path: '/api/users',
      body: {
        username: `can.bo${++n}`,
        password: 'Mat-khau-dai-2026',
        role: 'commander',
        provinceSlug: 'lao-cai',
      },
    }),
    other: async () => ({
      path: '/api/users',
      body: {
        username: `can.bo${++n}`,
        password: 'Mat-khau-dai-2026',
        role: 'commander',
        provinceSlug: 'son-la',
      },
    }),
    otherStatus: 403,
  },
  'PATCH /api/users/:id': {
    own: async () => {
      const u = await userOf('lao-cai');
      return { path: `/api/users/${u.id}`, body: { title: `Cán bộ ${++n}`, version: u.version } };
    },
    other: async () => {
      const u = await userOf('son-la');
      return { path: `/api/users/${u.id}`, body: { title: 'x', version: u.version } };
    },
  },
  'GET /api/audit': { own: async () => ({ path: '/api/audit' }), other: null },
  'GET /api/audit/export': { own: async () => ({ path: '/api/audit/export' }), other: null },
};

const denials = async () =>
  (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.outcome, 'denied')))[0]!.n;

describe(`access matrix (${process.env.DB_ENGINE})`, () => {
  it('has a fixture for every route of the policy table', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(
      ROUTE_POLICY.map((r) => `${r.method} ${r.path}`).sort(),
    );
  });

  const cases = ROUTE_POLICY.flatMap((r) =>
    ROLES.flatMap((role) => (['own', 'other'] as const).map((side) => ({ r, role, side }))),
  );
  it.each(cases)('$r.method $r.path as $role ($side province)', async ({ r, role, side }) => {
    const f = FIXTURES[`${r.method} ${r.path}`]!;
    const make = side === 'own' ? f.own : f.other;
    if (!make) {
      if (!f.list || !can(role, r.permission)) return;
      // A list answers only the user's own province (Lào Cai covers the old Yên Bái).
      const res = await api.call(r.method, (await f.own()).path, { as: AS[role] });
      expect(res.status).toBe(200);
      for (const slug of f.list(res.body)) expect(['lao-cai', 'yen-bai']).toContain(slug);
      return;
    }
    const req = await make();
    const before = await denials();
    const res = await api.call(r.method, req.path, {
      as: AS[role],
      body: req.body,
      headers: req.headers,
    });
    if (!can(role, r.permission)) {
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(await denials()).toBe(before + 1);
    } else if (side === 'other') {
      expect(res.status, JSON.stringify(res.body)).toBe(f.otherStatus ?? 404);
      expect(await denials()).toBe(before + 1);
    } else {
      expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
      expect(await denials()).toBe(before);
    }
  });
});

describe('authentication and mass assignment', () => {
  it('answers 401 to every policy route without a session, and audits it', async () => {
    for (const r of ROUTE_POLICY) {
      const before = await denials();
      const res = await api.raw(r.method, r.path.replace(':id', 'x').replace(':n', '1'), {
        body: r.method === 'GET' ? undefined : {},
      });
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
      expect(await denials()).toBe(before + 1);
    }
  });

  it.each([
    [
      'POST',
      '/api/crossings',
      {
        kind: 'opening',
        name: 'X',
        border: 'VN-CN',
        lng: 104,
        lat: 22.6,
        counterpartProvince: 'Vân Nam',
        counterpartCountry: 'CN',
        provinceSlug: 'son-la',
      },
      'border',
      'provinceSlug',
    ],
    [
      'POST',
      '/api/crossings',
      {
        kind: 'opening',
        name: 'X',
        border: 'VN-CN',
        lng: 104,
        lat: 22.6,
        counterpartProvince: 'Vân Nam',
        counterpartCountry: 'CN',
        responsibleAgencyId: 'agency-001',
      },
      'border',
      'responsibleAgencyId',
    ],
    [
      'POST',
      '/api/assessments',
      { unitId: 'com-10-0004', assessedOn: '2024-11-15', tier: 'type_3', version: 7 },
      'commander',
      'version',
    ],
    [
      'POST',
      '/api/events',
      {
        kind: 'meeting',
        level: 'gate',
        occurredOn: '2024-10-01',
        crossingId: 'crossing-01',
        counterpart: 'x',
        summary: 'y',
        border: 'VN-LA',
      },
      'border',
      'border',
    ],
  ] as const)(
    '%s %s refuses a field the client may not set',
    async (method, path, body, as, field) => {
      const res = await api.call(method, path, { as, body });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
    },
  );

  it("refuses a border unit editing another unit's crossing", async () => {
    const res = await api.call('PATCH', '/api/crossings/crossing-03', {
      as: 'border',
      body: { name: 'x' },
      headers: { 'if-match': '"1"' },
    });
    expect(res.status).toBe(403);
  });

  it('registers no API route outside the policy table except the public ones', () => {
    const known = new Set(ROUTE_POLICY.map((r) => `${r.method} ${r.path}`));
    const open = new Set([
      'GET /api/health',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'GET /api/auth/me',
    ]);
    const routes = api.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api'))
      .map((r) => `${r.method} ${r.path}`);
    for (const r of new Set(routes)) expect(known.has(r) || open.has(r), r).toBe(true);
  });
});

/** A one-commune GeoJSON for the boundary import's preview. */
function boundaryFile(): Uint8Array {
  const ring = [
    [104.0, 22.0],
    [104.05, 22.0],
    [104.05, 22.05],
    [104.0, 22.0],
  ];
  return new TextEncoder().encode(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: '99999', name: 'Xã Thử' },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    }),
  );
}
