/**
 * Every list exports to .xlsx as it stands on the view's date, with the columns a user expects;
 * text a user typed never runs as a formula when the file is opened.
 */
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { planTasks } from '@pcmt/server/db/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
let cookie = '';
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
  cookie = (await api.login('t.commander')).cookie;
});
afterAll(() => t.close());

async function sheet(path: string) {
  const res = await api.app.request(path, { headers: { cookie } });
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as never);
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(2).values as unknown[]).slice(1).map(String);
  const rows: ExcelJS.Row[] = [];
  ws.eachRow((r, n) => {
    if (n > 2) rows.push(r);
  });
  return { ws, headers, rows, title: ws.getCell('A1').text };
}

describe(`list exports (${process.env.DB_ENGINE})`, () => {
  it('exports the hotspots of the view’s date, as many as the map shows, with their state', async () => {
    const q = 'asOf=2024-10-15';
    const { headers, rows, title, ws } = await sheet(
      `/api/campaigns/lc-2024-peak/lists/hotspots?${q}`,
    );
    const fc = (await api.get(`/api/hotspots?campaign=lc-2024-peak&${q}`, 'commander')).body;
    expect(rows).toHaveLength(fc.features.length);
    expect(headers.slice(0, 6)).toEqual([
      'Mã',
      'Loại',
      'Tình trạng',
      // 2024: before the reform, communes, wards and townships.
      'Xã, phường, thị trấn',
      'Mã xã',
      'Ngày phát hiện',
    ]);
    expect(title).toContain('15/10/2024');
    const first = fc.features[0];
    const row = rows.find((r) => r.getCell(1).text === first.id)!;
    expect(row.getCell(8).value).toBe(first.properties.ageDays);
    expect(row.getCell(6).value).toBeInstanceOf(Date);
    expect(ws.getColumn(6).numFmt).toBe('dd/mm/yyyy');
  });

  it('exports quotas with their unit, target, result and share on the date', async () => {
    const detail = (await api.get('/api/campaigns/lc-2024-peak?asOf=2024-10-15', 'commander')).body;
    const { headers, rows } = await sheet(
      '/api/campaigns/lc-2024-peak/lists/quotas?asOf=2024-10-15',
    );
    expect(headers).toEqual([
      'Chỉ tiêu',
      'Đơn vị, địa bàn',
      'Giai đoạn',
      'Đơn vị tính',
      'Chỉ tiêu giao',
      'Kết quả',
      'Tỷ lệ',
    ]);
    expect(rows.length).toBeGreaterThan(0);
    const q = detail.quotas[0];
    const row = rows.find((r) => r.getCell(1).text === q.label)!;
    expect([row.getCell(5).value, row.getCell(6).value]).toEqual([q.target, q.achieved]);
  });

  it('exports deadlines with their state on the date in words', async () => {
    const { rows } = await sheet('/api/campaigns/lc-2024-peak/lists/deadlines?asOf=2024-10-15');
    const states = rows.map((r) => r.getCell(5).text);
    expect(states.length).toBeGreaterThan(0);
    for (const s of states)
      expect(['đúng hạn', 'gửi chậm', 'quá hạn, chưa gửi', 'chưa đến hạn']).toContain(s);
  });

  it('exports events, plans and tasks with their own columns', async () => {
    const events = await sheet('/api/campaigns/lc-2024-peak/lists/events');
    expect(events.headers[0]).toBe('Ngày');
    const plans = await sheet('/api/campaigns/lc-2026-p4/lists/plans');
    expect(plans.headers).toContain('Tiêu chí đạt (/8)');
    const tasks = await sheet('/api/campaigns/lc-2026-p4/lists/tasks');
    expect(tasks.headers).toEqual([
      // 2026: after the reform, communes, wards and special zones.
      'Xã, phường, đặc khu',
      'Nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời hạn',
      'Tình trạng',
      'Ngày hoàn thành',
    ]);
  });

  it('exports tasks as they stood on the date: a task added later is not there yet', async () => {
    // A plan of the campaign running on the test's day (lc-2026-p4 ends 31/12/2026).
    const plan = (await api.get('/api/plans', 'plannerLaoCai')).body.find(
      (p: any) => p.campaignId === 'lc-2026-p4',
    );
    const created = await api.call('POST', `/api/plans/${plan.id}/tasks`, {
      as: 'plannerLaoCai',
      body: { title: 'Rà soát hộ gia đình ký cam kết', dueOn: '2026-12-31' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // created_at is the database's own clock (the real day); put it on the test's day, 20/11/2026.
    await t.db
      .update(planTasks)
      .set({ createdAt: new Date('2026-11-20T03:00:00Z') })
      .where(eq(planTasks.id, created.body.id));
    await api.call('PATCH', `/api/tasks/${created.body.id}`, {
      as: 'plannerLaoCai',
      body: { status: 'done', version: created.body.version },
    });
    const before = '2026-11-01';
    const title = (r: ExcelJS.Row) => r.getCell(2).text;
    const then = await sheet(`/api/campaigns/${plan.campaignId}/lists/tasks?asOf=${before}`);
    expect(then.rows.some((r) => title(r) === 'Rà soát hộ gia đình ký cam kết')).toBe(false);
    const now = await sheet(`/api/campaigns/${plan.campaignId}/lists/tasks`);
    const row = now.rows.find((r) => title(r) === 'Rà soát hộ gia đình ký cam kết')!;
    expect(row.getCell(6).text).toBe('Đã xong');
  });

  it('neutralises text beginning with = + - @ in every export, the report included', async () => {
    const payloads = ['=HYPERLINK("http://x","y")', '+1+cmd', '-2+3', '@SUM(A1)'];
    for (const label of payloads) {
      const r = await api.call('POST', '/api/campaigns/lc-2024-peak/quotas', {
        as: 'commander',
        body: { agencyId: 'agency-001', metric: 'cases', unit: 'case', target: 3, label },
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const { rows } = await sheet('/api/campaigns/lc-2024-peak/lists/quotas');
    for (const p of payloads) expect(rows.some((r) => r.getCell(1).value === `'${p}`)).toBe(true);
    const report = await api.app.request(
      '/api/campaigns/lc-2024-peak/report?kind=final&format=xlsx',
      { headers: { cookie } },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await report.arrayBuffer()) as never);
    const quotaSheet = wb.getWorksheet('Chỉ tiêu')!;
    const labels: unknown[] = [];
    quotaSheet.eachRow((r) => labels.push(r.getCell(1).value));
    for (const p of payloads) expect(labels).toContain(`'${p}`);
  });

  it('refuses an unknown list and another province’s campaign', async () => {
    expect((await api.get('/api/campaigns/lc-2024-peak/lists/users', 'commander')).status).toBe(
      400,
    );
    const other = await api.get('/api/campaigns/sl-2023-coop/lists/hotspots', 'commander');
    expect([other.status, other.body.error.field]).toEqual([404, 'campaign']);
  });
});
