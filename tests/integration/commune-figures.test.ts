/**
 * Commune figures per period: the template is the province's communes of the era with their codes;
 * an upload is previewed (changes, new suggested tier and its reasons) and committed in one transaction;
 * a file with any problem writes nothing and names each problem by sheet, row and column.
 */
import { readFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, communeFigures } from '@pcmt/server/db/schema';
import { metricsOf, RULESET_QD28_2025, suggestTier } from '@pcmt/shared/tier-rules';
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

const YEAR = 'periodFrom=2026-01-01&periodTo=2026-12-31';
const H1 = 'periodFrom=2026-01-01&periodTo=2026-06-30';

async function template(query = YEAR, as: TestUser = 'plannerLaoCai') {
  const r = await api.get(`/api/figures/template?${query}`, as);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const wb = new ExcelJS.Workbook();
  // The test app answers text; read the bytes again as a buffer.
  const res = await api.app.request(`/api/figures/template?${query}`, {
    headers: { cookie: await cookieOf(as) },
  });
  await wb.xlsx.load((await res.arrayBuffer()) as never);
  return wb;
}
const cookies = new Map<string, string>();
async function cookieOf(as: TestUser) {
  if (!cookies.has(as)) cookies.set(as, (await api.login(`t.${as.toLowerCase()}`)).cookie);
  return cookies.get(as)!;
}
const bytes = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
const upload = (body: Uint8Array, commit = false, as: TestUser = 'plannerLaoCai') =>
  api.call('POST', `/api/figures/import?commit=${commit ? 1 : 0}`, {
    as,
    body,
    headers: { 'content-type': XLSX_MIME },
  });
const stored = async () => (await t.db.select({ n: count() }).from(communeFigures))[0]!.n;

/** Column letter of a header in the figures sheet. */
const col = (ws: ExcelJS.Worksheet, header: string) => {
  let letter = '';
  ws.getRow(1).eachCell((c, n) => {
    if (c.text === header) letter = ws.getColumn(n).letter;
  });
  if (!letter) throw new Error(`no column ${header}`);
  return letter;
};
const H = {
  pop: 'Dân số thường trú',
  users: 'Người sử dụng, nghiện có hồ sơ quản lý',
  places: 'Điểm tổ chức, chứa chấp sử dụng trái phép',
  offenders: 'Đối tượng phạm tội về ma túy bị bắt',
  plants: 'Cây có chứa chất ma túy bị phá bỏ (cây)',
  route: 'Nằm trên tuyến trọng điểm (có/không)',
};

describe(`commune figures (${process.env.DB_ENGINE})`, () => {
  it('downloads a template listing the province’s communes of the era with their codes', async () => {
    const wb = await template();
    const ws = wb.getWorksheet('Số liệu xã')!;
    const units = (await api.get('/api/units?province=lao-cai&level=commune&asOf=2026-11-22')).body
      .features;
    const codes = ws.getColumn(1).values.slice(2).map(String);
    expect(codes.sort()).toEqual(units.map((u: any) => u.properties.code).sort());
    expect(wb.getWorksheet('Thông tin')!.getCell('B2').text).toBe('lao-cai');
    // Pre-reform period: the communes of that era.
    const old = (await template('periodFrom=2024-01-01&periodTo=2024-12-31')).getWorksheet(
      'Số liệu xã',
    )!;
    expect(old.actualRowCount).toBeGreaterThan(ws.actualRowCount);
  });

  it('previews the new suggested tier with its reasons, writes nothing, then commits in one go', async () => {
    const wb = await template();
    const ws = wb.getWorksheet('Số liệu xã')!;
    const row = ws.getRow(2);
    const code = row.getCell(1).text;
    ws.getCell(`${col(ws, H.pop)}2`).value = 10000;
    ws.getCell(`${col(ws, H.users)}2`).value = 60;
    ws.getCell(`${col(ws, H.places)}2`).value = 2;
    ws.getCell(`${col(ws, H.offenders)}2`).value = 12;
    ws.getCell(`${col(ws, H.route)}2`).value = 'không';
    ws.getCell(`${col(ws, H.pop)}3`).value = 8000;
    ws.getCell(`${col(ws, H.users)}3`).value = 0;
    const file = await bytes(wb);

    const preview = await upload(file);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ committed: false, written: 0, periodFrom: '2026-01-01' });
    const first = preview.body.rows.find((r: any) => r.code === code);
    expect(first.after.tier).toBe('type_1');
    expect(first.after.triggered.map((c: any) => c.id)).toEqual([
      't1-users',
      't1-places',
      't1-offenders',
    ]);
    // Before: what the commune panel shows without figures, from the latest assessment's recorded figures.
    const unit = (await api.get(`/api/units/${first.unitId}`)).body;
    const last = unit.tierHistory.filter((h: any) => h.assessedOn <= '2026-11-22').at(-1);
    expect(first.before?.tier ?? null).toBe(
      last ? suggestTier(RULESET_QD28_2025, metricsOf(last.criteria, unit.population)).tier : null,
    );
    expect(preview.body.rows).toHaveLength(2);
    expect(await stored()).toBe(0);

    const done = await upload(file, true);
    expect(done.body).toMatchObject({ committed: true, written: 2 });
    const list = (await api.get('/api/figures?province=lao-cai', 'commander')).body;
    expect(list.find((f: any) => f.unitId === first.unitId)).toMatchObject({
      population: 10000,
      registeredUsers: 60,
      onKeyRoute: false,
      recordedOn: '2026-11-22',
    });
    const audits = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'figures.import'));
    expect(audits[0]!.n).toBe(2);

    // The same file again changes nothing; the template now carries the stored figures.
    const again = await upload(file);
    expect(again.body.rows).toHaveLength(0);
    const filled = (await template()).getWorksheet('Số liệu xã')!;
    expect(filled.getCell(`${col(filled, H.users)}2`).value).toBe(60);
  });

  it('shows the suggestion moving when a commune’s figures fall', async () => {
    const wb = await template();
    const ws = wb.getWorksheet('Số liệu xã')!;
    ws.getCell(`${col(ws, H.places)}2`).value = 0;
    ws.getCell(`${col(ws, H.offenders)}2`).value = 3;
    const r = await upload(await bytes(wb));
    const row = r.body.rows.find((x: any) => x.row === 2);
    expect([row.before.tier, row.after.tier]).toEqual(['type_1', 'type_3']);
    expect(row.changes.map((c: any) => [c.key, c.before, c.after])).toEqual([
      ['organisedUsePlaces', 2, 0],
      ['offendersArrested', 12, 3],
    ]);
  });

  it('lists every problem of a broken file by sheet, row and column, and writes nothing', async () => {
    const before = await stored();
    const wb = await template(H1);
    const ws = wb.getWorksheet('Số liệu xã')!;
    const code2 = ws.getCell('A2').text;
    ws.getCell(`${col(ws, H.users)}2`).value = 'mười';
    ws.getCell(`${col(ws, H.places)}3`).value = -1;
    ws.getCell(`${col(ws, H.plants)}4`).value = { formula: 'SUM(1,2)', result: 3 } as never;
    ws.getCell(`${col(ws, H.route)}5`).value = 'có lẽ';
    ws.getCell(`${col(ws, H.pop)}6`).value = 12.5;
    ws.getCell('A7').value = 'X9999';
    ws.getCell('A8').value = code2;
    ws.getCell(`${col(ws, H.users)}9`).value = 3;
    const r = await upload(await bytes(wb), true);
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'file_invalid', field: 'file' });
    const at = (row: number) => r.body.error.issues.find((i: any) => i.row === row);
    expect(at(2)).toMatchObject({ sheet: 'Số liệu xã', column: col(ws, H.users) });
    expect(at(2).problem).toContain('mười');
    expect(at(3)).toMatchObject({ column: col(ws, H.places), problem: '-1 is below 0' });
    expect(at(4).problem).toContain('formula');
    expect(at(5).problem).toContain('có lẽ');
    expect(at(6).column).toBe(col(ws, H.pop));
    expect(at(7)).toMatchObject({ column: 'A' });
    expect(at(7).problem).toContain('X9999');
    expect(at(8).problem).toContain('row 2');
    expect(r.body.error.issues).toHaveLength(7);
    expect(await stored()).toBe(before);
  });

  it('refuses a file for a period that has not begun, naming the cell', async () => {
    const wb = await template(H1);
    wb.getWorksheet('Thông tin')!.getCell('B3').value = '01/01/2027';
    wb.getWorksheet('Thông tin')!.getCell('B4').value = '31/12/2027';
    const r = await upload(await bytes(wb));
    expect(r.status).toBe(422);
    expect(r.body.error.issues[0]).toMatchObject({ sheet: 'Thông tin', row: 3, column: 'B' });
  });

  it('refuses another province’s file as not found, and audits it', async () => {
    const wb = await template(H1);
    wb.getWorksheet('Thông tin')!.getCell('B2').value = 'son-la';
    const r = await upload(await bytes(wb));
    expect([r.status, r.body.error.field]).toEqual([404, 'province']);
  });

  describe('uploads that are not plain workbooks', () => {
    it('refuses a body over 5 MB with 413 before the service reads it', async () => {
      const r = await upload(new Uint8Array(5 * 1024 * 1024 + 10));
      expect([r.status, r.body.error.field]).toEqual([413, 'file']);
      expect(r.body.error.message).toBe('file: the upload is larger than 5 MB');
    });
    it('refuses an archive whose directory lists an entry it hides (a macro out of the stream’s sight)', async () => {
      const zip = await JSZip.loadAsync(await bytes(await template(H1)));
      zip.file('xl/vbaProject.bin', new Uint8Array(64));
      const file = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
      // Break the hidden entry's local header: the central directory still lists it for exceljs.
      const name = 'xl/vbaProject.bin';
      for (let i = 0; i < file.length - 30; i++) {
        if (file[i] !== 0x50 || file[i + 1] !== 0x4b || file[i + 2] !== 3 || file[i + 3] !== 4)
          continue;
        const n = file[i + 26]! | (file[i + 27]! << 8);
        if (new TextDecoder().decode(file.subarray(i + 30, i + 30 + n)) === name) file[i] = 0x58;
      }
      const r = await upload(file);
      expect([r.status, r.body.error.field]).toEqual([422, 'file']);
      expect(r.body.error.message).toContain('directory');
    });
    it('reads the period typed as Excel dates, and refuses a date serial no calendar has', async () => {
      const wb = await template(H1);
      const info = wb.getWorksheet('Thông tin')!;
      info.getCell('B3').value = new Date('2026-01-01T00:00:00Z');
      info.getCell('B4').value = new Date('2026-06-30T00:00:00Z');
      const ok = await upload(await bytes(wb));
      expect([ok.status, ok.body.periodFrom, ok.body.periodTo]).toEqual([
        200,
        '2026-01-01',
        '2026-06-30',
      ]);
      const zip = await JSZip.loadAsync(await bytes(wb));
      const sheet = Object.keys(zip.files).find((n) => /worksheets\/sheet2\.xml$/.test(n))!;
      const xml = await zip.file(sheet)!.async('string');
      zip.file(sheet, xml.replace(/(<c r="B3"[^>]*>)<v>[^<]*<\/v>/, '$1<v>1e300</v>'));
      const bad = await upload(await zip.generateAsync({ type: 'uint8array' }));
      expect(bad.status, JSON.stringify(bad.body)).toBe(422);
      expect(bad.body.error.issues[0]).toMatchObject({ sheet: 'Thông tin', row: 3, column: 'B' });
    });
    it('refuses a CSV and an .xls by their bytes', async () => {
      const csv = await upload(new TextEncoder().encode('Mã xã,Dân số\n001,1000\n'));
      expect([csv.status, csv.body.error.field]).toEqual([415, 'file']);
      const xls = await upload(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
      expect(xls.body.error.message).toContain('.xls');
    });
    it('refuses a JSON body on the upload route', async () => {
      const r = await api.call('POST', '/api/figures/import', {
        as: 'plannerLaoCai',
        body: { rows: [] },
      });
      expect(r.status).toBe(415);
    });
    it('refuses a zip bomb after counting, not after filling memory', async () => {
      const bomb = zipSync(
        {
          '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
          'xl/workbook.xml': new Uint8Array(64 * 1024 * 1024),
        },
        { level: 9 },
      );
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const r = await upload(bomb);
      expect([r.status, r.body.error.field]).toEqual([413, 'file']);
      expect(r.body.error.message).toContain('50 MB');
    });
    it('refuses a workbook carrying a macro project', async () => {
      const zip = await JSZip.loadAsync(await bytes(await template(H1)));
      zip.file('xl/vbaProject.bin', new Uint8Array([1, 2, 3]));
      const r = await upload(await zip.generateAsync({ type: 'uint8array' }));
      expect(r.status).toBe(422);
      expect(r.body.error.message).toContain('macro');
    });
    it('refuses the hand-made broken rows row by row', async () => {
      const file = readFileSync(
        new URL('../fixtures/xlsx/figures-broken-rows.xlsx', import.meta.url),
      );
      const before = await stored();
      const r = await upload(new Uint8Array(file));
      expect(r.status).toBe(422);
      expect(r.body.error.issues.map((i: any) => [i.row, i.column, i.code])).toEqual([
        [2, 'A', 'unknown_commune'],
        [3, 'A', 'required'],
        [4, 'C', 'not_integer'],
        [4, 'A', 'unknown_commune'],
        [5, 'D', 'below'],
        [5, 'A', 'unknown_commune'],
      ]);
      expect(await stored()).toBe(before);
    });
    it('refuses the hand-made macro workbook for its macro, before reading a row', async () => {
      const file = readFileSync(new URL('../fixtures/xlsx/macro-enabled.xlsm', import.meta.url));
      const r = await upload(new Uint8Array(file));
      expect([r.status, r.body.error.issues]).toEqual([422, undefined]);
      expect(r.body.error.message).toContain('macro');
    });
  });

  describe('the form, one commune at a time', () => {
    it('creates, then edits only with the version read', async () => {
      const unitId = (await api.get('/api/units?province=lao-cai&level=commune&asOf=2026-11-22'))
        .body.features[5].id;
      const body = { unitId, periodFrom: '2026-07-01', periodTo: '2026-12-31', population: 5000 };
      const put = (b: object) => api.call('PUT', '/api/figures', { as: 'plannerLaoCai', body: b });
      const created = await put(body);
      expect([created.status, created.body.version]).toEqual([201, 1]);
      expect((await put({ ...body, plantsDestroyed: 10 })).status).toBe(428);
      const edited = await put({ ...body, plantsDestroyed: 10, version: 1 });
      expect([edited.status, edited.body.version, edited.body.plantsDestroyed]).toEqual([
        200, 2, 10,
      ]);
      expect((await put({ ...body, version: 1 })).status).toBe(412);
    });
    it.each([
      [{ registeredUsers: -3 }, 'registeredUsers'],
      [{ population: 0 }, 'population'],
      [{ periodTo: '2025-12-31' }, 'periodTo'],
      [{ onKeyRoute: 'có' }, 'onKeyRoute'],
    ])('refuses %o naming the field', async (change, field) => {
      const unitId = (await api.get('/api/units?province=lao-cai&level=commune&asOf=2026-11-22'))
        .body.features[6].id;
      const r = await api.call('PUT', '/api/figures', {
        as: 'plannerLaoCai',
        body: { unitId, periodFrom: '2026-01-01', periodTo: '2026-12-31', ...change },
      });
      expect([r.status, r.body.error.field]).toEqual([400, field]);
    });
    it('refuses a district, and a commune not existing in the period', async () => {
      const districts = (
        await api.get('/api/units?province=lao-cai&level=district&asOf=2024-06-01')
      ).body.features;
      const r = await api.call('PUT', '/api/figures', {
        as: 'plannerLaoCai',
        body: { unitId: districts[0].id, periodFrom: '2026-01-01', periodTo: '2026-12-31' },
      });
      expect([r.status, r.body.error.field]).toEqual([422, 'unitId']);
      const old = (await api.get('/api/units?province=lao-cai&level=commune&asOf=2024-06-01')).body
        .features[0].id;
      const r2 = await api.call('PUT', '/api/figures', {
        as: 'plannerLaoCai',
        body: { unitId: old, periodFrom: '2026-01-01', periodTo: '2026-12-31' },
      });
      expect([r2.status, r2.body.error.field]).toEqual([422, 'periodTo']);
    });
  });
});
