/**
 * Every list exports to .xlsx as it stands on the view's date, with the columns a user expects;
 * text a user typed never runs as a formula when the file is opened.
 */
import ExcelJS from 'exceljs';
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
const noFormulas = (ws: ExcelJS.Worksheet) => {
  ws.eachRow((r) => r.eachCell((c) => expect(c.formula ?? null).toBeNull()));
};

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
      'Xã, phường',
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
      'Xã, phường',
      'Nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời hạn',
      'Tình trạng',
      'Ngày hoàn thành',
    ]);
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
    const { ws, rows } = await sheet('/api/campaigns/lc-2024-peak/lists/quotas');
    for (const p of payloads) expect(rows.some((r) => r.getCell(1).value === `'${p}`)).toBe(true);
    noFormulas(ws);
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
    noFormulas(quotaSheet);
  });

  it('refuses an unknown list and another province’s campaign', async () => {
    expect((await api.get('/api/campaigns/lc-2024-peak/lists/users', 'commander')).status).toBe(
      400,
    );
    const other = await api.get('/api/campaigns/sl-2023-coop/lists/hotspots', 'commander');
    expect([other.status, other.body.error.field]).toEqual([404, 'campaign']);
  });
});
