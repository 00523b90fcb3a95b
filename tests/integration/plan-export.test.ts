/**
 * A transformation plan as files: the Word "Kế hoạch" in the administrative form (its targets, criteria, phases and
 * "4 rõ" task table) and the Excel workbook of the plan, its criteria and its tasks, both parsed back.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
let plan: { id: string; unitName: string };
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
  // Tasks are stamped by the database's clock: the app's must agree for them to exist on its day.
  api.setNow(new Date());
  const plans = (await api.call('GET', '/api/plans', { as: 'plannerLaoCai' })).body;
  plan = plans.find((p: any) => p.provinceSlug === 'lao-cai' && p.campaignId);
  const agencies = (await api.call('GET', '/api/agencies', { as: 'plannerLaoCai' })).body;
  const [lead, co] = agencies.filter((a: any) => a.provinceSlug === 'lao-cai');
  for (const [title, dueOn] of [
    ['Rà soát hộ gia đình ký cam kết', '2099-12-31'],
    ['=HYPERLINK("http://x")', '2026-01-15'],
  ] as const)
    expect(
      (
        await api.call('POST', `/api/plans/${plan.id}/tasks`, {
          as: 'plannerLaoCai',
          body: {
            title,
            target: 'Quý IV/2026',
            responsiblePosition: 'Trưởng Công an xã',
            leadAgencyId: lead.id,
            coAgencyIds: [co.id],
            dueOn,
          },
        })
      ).status,
    ).toBe(201);
});
afterAll(() => t.close());

/** The file's bytes, as the commander downloads them (the test client reads bodies as text). */
const download = async (format: 'docx' | 'xlsx') => {
  const s = await api.login('t.commander');
  const res = await api.app.request(`/api/plans/${plan.id}/export?format=${format}`, {
    headers: { cookie: s.cookie },
  });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
};

describe(`a plan as files (${process.env.DB_ENGINE})`, () => {
  it('writes the Word "Kế hoạch" in the administrative form with criteria, phases and the 4 rõ tasks', async () => {
    const xml = await (
      await JSZip.loadAsync(await download('docx'))
    )
      .file('word/document.xml')!
      .async('string');
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('KẾ HOẠCH');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toMatch(/Số: ……\/KH-/);
    expect(text).toContain(`Chuyển hóa địa bàn ${plan.unitName}`);
    expect(text).toContain('Không để xảy ra tình trạng trồng cây có chứa chất ma túy');
    expect(text).toContain('III. CÁC GIAI ĐOẠN');
    expect(text).toMatch(
      /Rà soát hộ gia đình ký cam kết Quý IV\/2026 .+ Trưởng Công an xã 31\/12\/2099 Đang thực hiện/,
    );
    // The task due in January 2026 is overdue.
    expect(text).toMatch(/15\/01\/2026 Quá hạn/);
  });

  it('writes the Excel workbook: plan, criteria and tasks, text neutralised against formulas', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download('xlsx')).buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kế hoạch', 'Tiêu chí', 'Nhiệm vụ']);
    expect(wb.getWorksheet('Tiêu chí')!.rowCount).toBe(2 + 8);
    const tasks = wb.getWorksheet('Nhiệm vụ')!;
    const titles = [];
    for (let r = 3; r <= tasks.rowCount; r++) titles.push(String(tasks.getRow(r).getCell(1).value));
    expect(titles).toContain('Rà soát hộ gia đình ký cam kết');
    expect(titles).toContain('\'=HYPERLINK("http://x")');
    const formulas = [];
    for (let r = 3; r <= tasks.rowCount; r++)
      if (tasks.getRow(r).getCell(1).formula) formulas.push(r);
    expect(formulas).toEqual([]);
  });

  it('answers another province’s plan with 404', async () => {
    const other = (await api.call('GET', '/api/plans', { as: 'planner' })).body[0];
    const r = await api.call('GET', `/api/plans/${other.id}/export`, { as: 'plannerLaoCai' });
    expect(r.status).toBe(404);
  });
});
