/**
 * A hotspot list imported from .xlsx: rows placed by WGS 84, by VN-2000 X/Y or by commune code alone,
 * previewed then written in one transaction; a broken list is refused row by row and writes nothing.
 */
import * as turf from '@turf/turf';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '@pcmt/shared/uploads';
import { provinceTm3, wgs84ToVn2000 } from '@pcmt/shared/vn2000';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
let cookie = '';
let communes: any[] = [];
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
  cookie = (await api.login('t.commander')).cookie;
  communes = (await api.get('/api/units?province=lao-cai&level=commune&asOf=2026-11-01')).body
    .features;
});
afterAll(() => t.close());

async function template() {
  const res = await api.app.request('/api/hotspots/template', { headers: { cookie } });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as never);
  return wb;
}
const upload = async (wb: ExcelJS.Workbook, commit = false) =>
  api.call('POST', `/api/hotspots/import?commit=${commit ? 1 : 0}`, {
    as: 'commander',
    body: new Uint8Array(await wb.xlsx.writeBuffer()),
    headers: { 'content-type': XLSX_MIME },
  });
const inside = (f: any) => turf.pointOnFeature(f).geometry.coordinates as [number, number];
const count = async () =>
  (await api.get('/api/hotspots?province=lao-cai&asOf=2026-11-22&since=2000-01-01', 'commander'))
    .body.features.length;

describe(`hotspot list import (${process.env.DB_ENGINE})`, () => {
  it('places each row by WGS 84, VN-2000 or commune code, previews, then writes them all', async () => {
    const wb = await template();
    const ws = wb.getWorksheet('Điểm ma túy')!;
    expect((ws.getRow(2).values as unknown[]).slice(1, 4)).toEqual([
      'Loại',
      'Ngày phát hiện',
      'Kinh độ (WGS 84)',
    ]);
    const [a, b, c] = [communes[3], communes[10], communes[20]];
    const pa = inside(a);
    const vb = wgs84ToVn2000(inside(b), provinceTm3('lao-cai')!);
    ws.getRow(3).values = ['Điểm bán lẻ', '10/11/2026', pa[0], pa[1], null, null, null, 'gần chợ'];
    ws.getRow(4).values = ['complex_point', '2026-11-12', null, null, vb.x, vb.y];
    ws.getRow(5).values = [
      'Tụ điểm phức tạp',
      '15/11/2026',
      null,
      null,
      null,
      null,
      c.properties.code,
    ];
    ws.getRow(6).values = [
      'Điểm bán lẻ',
      '16/11/2026',
      pa[0],
      pa[1],
      null,
      null,
      a.properties.code,
    ];
    const before = await count();
    const preview = await upload(wb);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.rows.map((r: any) => [r.row, r.unitId, r.approximate])).toEqual([
      [3, a.id, false],
      [4, b.id, false],
      [5, c.id, true],
      [6, a.id, false],
    ]);
    expect(await count()).toBe(before);
    const done = await upload(wb, true);
    expect(done.body).toMatchObject({ committed: true, written: 4 });
    expect(await count()).toBe(before + 4);
    const fc = (await api.get(`/api/hotspots?province=lao-cai&unit=${c.id}`, 'commander')).body;
    expect(fc.features.some((f: any) => f.properties.kind === 'complex_cluster')).toBe(true);
  });

  it('refuses a broken list row by row, naming the column, and writes nothing', async () => {
    const wb = await template();
    const ws = wb.getWorksheet('Điểm ma túy')!;
    const [a, b] = [communes[3], communes[10]];
    const pa = inside(a);
    ws.getRow(3).values = ['Kho hàng', '10/11/2026', pa[0], pa[1]];
    ws.getRow(4).values = ['Điểm bán lẻ', '10/12/2026', pa[0], pa[1]];
    ws.getRow(5).values = ['Điểm bán lẻ', '10/11/2026', 103.9, 21.3];
    ws.getRow(6).values = [
      'Điểm bán lẻ',
      '10/11/2026',
      pa[0],
      pa[1],
      null,
      null,
      b.properties.code,
    ];
    ws.getRow(7).values = ['Điểm bán lẻ', '10/11/2026'];
    ws.getRow(8).values = ['Điểm bán lẻ', '10/11/2026', 'một trăm', pa[1]];
    const before = await count();
    const r = await upload(wb, true);
    expect(r.status).toBe(422);
    expect(r.body.error.issues.map((i: any) => [i.row, i.column, i.code])).toEqual([
      [3, 'A', 'not_kind'],
      [4, 'B', 'after_today'],
      [5, 'C', 'outside_province'],
      [6, 'G', 'not_in_commune'],
      [7, 'C', 'position_missing'],
      [8, 'C', 'not_number'],
    ]);
    expect(await count()).toBe(before);
  });

  it('is the commander’s: a planner may not import', async () => {
    const wb = await template();
    const r = await api.call('POST', '/api/hotspots/import', {
      as: 'plannerLaoCai',
      body: new Uint8Array(await wb.xlsx.writeBuffer()),
      headers: { 'content-type': XLSX_MIME },
    });
    expect(r.status).toBe(403);
  });
});
