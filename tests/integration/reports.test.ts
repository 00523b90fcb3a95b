import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../support/test-db.ts';
import { testApp, type TestApi } from '../support/app.ts';

let t: TestDb;
let api: TestApi;
beforeAll(async () => {
  t = await openTestDb();
  api = await testApp(t.db, t.engine);
});
afterAll(() => t.close());

// One sign-in per user for the whole file: sign-ins are rate-limited per client.
const signedIn = new Map<string, Promise<{ cookie: string }>>();
async function download(path: string, username = 't.commander') {
  if (!signedIn.has(username)) signedIn.set(username, api.login(username));
  const s = await signedIn.get(username)!;
  const res = await api.app.request(path, { headers: { cookie: s.cookie } });
  expect(res.status).toBe(200);
  return {
    type: res.headers.get('content-type') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  };
}

const count = (fc: any, s: string) =>
  fc.features.filter((f: any) => f.properties.status === s).length;

describe(`periodic reports (${process.env.DB_ENGINE})`, () => {
  it('writes the phase-1 report as a Word file in the administrative form, with the figures of the API', async () => {
    const file = await download(
      '/api/campaigns/lc-2024-peak/report?phase=lc-2024-peak-p1&kind=phase&format=docx',
    );
    expect(file.type).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(file.body)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    // The plan's own issuer heads the report, with its symbol, the recipient the plan names and the position that signs.
    expect(text).toContain('ỦY BAN NHÂN DÂNTỈNH LÀO CAI');
    expect(text).toContain('Số: ……/BC-UBND');
    expect(text).toContain('Kính gửi: Thường trực Tỉnh ủy Lào Cai');
    expect(text).toContain('Nơi nhận:- Như trên;- Lưu: VT.');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂNCHỦ TỊCH');
    expect(text).not.toContain('BAN CHỈ ĐẠO PHÒNG, CHỐNG MA TÚY');
    expect(text).toContain('ngày 31 tháng 10 năm 2024');
    const fc = (
      await api.get(
        '/api/hotspots?province=lao-cai&asOf=2024-10-31&since=2024-09-01&campaign=lc-2024-peak',
      )
    ).body;
    expect(text).toContain(
      `đang hoạt động ${count(fc, 'active')}; tái hoạt động ${count(fc, 're_emerged')}; đã triệt xóa trong kỳ ${count(fc, 'eliminated')}`,
    );
    const quotas = (await api.get('/api/campaigns/lc-2024-peak?asOf=2024-10-31')).body.quotas;
    const q = quotas.find((x: any) => x.id === 'lc-2024-peak-q01');
    expect(text).toContain(q.label);
    // With its unit of measure (vụ, đối tượng, buổi, đường dây).
    const unit = { case: 'vụ', person: 'đối tượng', session: 'buổi', line: 'đường dây' }[
      q.unit as string
    ];
    expect(text).toContain(`${unit}${q.target}${q.achieved}${Math.round(q.share * 100)}%`);
    // Lào Cai 2024 sets no age limits: "overdue" reads Thanh Hóa's, and the report says so.
    expect(text).toContain('giả định: kế hoạch không quy định thời hạn');
  });

  it('heads a steering committee’s plan with its superior body, its symbol and its own signature, and leaves an unnamed recipient blank', async () => {
    const text = async (path: string) => {
      const file = await download(path, 't.national');
      const xml = await (
        await JSZip.loadAsync(file.body)
      )
        .file('word/document.xml')!
        .async('string');
      return xml.replace(/<[^>]+>/g, '');
    };
    const th = await text('/api/campaigns/th-2023/report?phase=th-2023-p1&kind=phase&format=docx');
    expect(th).toContain('UBND TỈNH THANH HÓABAN CHỈ ĐẠO 138');
    expect(th).toContain('Số: ……/BC-BCĐ');
    // The consolidated report goes where seed 001 sends Công an tỉnh's compilation, one recipient a line.
    expect(th).toContain(
      'Kính gửi:- Tỉnh ủy Thanh Hóa;- UBND tỉnh Thanh Hóa;- Thường trực Ủy ban Quốc gia phòng, chống AIDS, ma túy, mại dâm.',
    );
    expect(th).toContain('TM. BAN CHỈ ĐẠOTRƯỞNG BAN');
    // Thanh Hóa sets its own age limits: nothing is assumed.
    expect(th).toContain('4. Điểm, tụ điểm quá thời hạn triệt xóa:');
    expect(th).not.toContain('giả định: kế hoạch không quy định thời hạn');
    const sl = await text(
      '/api/campaigns/sl-2023-coop/report?phase=sl-2023-coop-p1&kind=phase&format=docx',
    );
    // Seed 004: Công an tỉnh compiles the units' reports and reports to the UBND tỉnh.
    expect(sl).toContain('Kính gửi: UBND tỉnh Sơn La');
    // A plan that names no recipient leaves the line to be filled in by hand.
    const made = await api.call('POST', '/api/campaigns', {
      as: 'commander',
      body: {
        name: 'Kế hoạch thử không nêu nơi nhận báo cáo',
        documentNumber: '',
        issuingBody: 'UBND tỉnh Lào Cai',
        startsOn: '2027-01-01',
        endsOn: '2027-12-31',
        phases: [
          { name: 'Năm 2027', startsOn: '2027-01-01', endsOn: '2027-12-31', objectives: [] },
        ],
      },
    });
    expect(made.status).toBe(201);
    const saved = (await api.get(`/api/campaigns/${made.body.id}`, 'commander')).body;
    const blank = await text(
      `/api/campaigns/${saved.id}/report?phase=${saved.phases[0].id}&kind=phase&format=docx`,
    );
    expect(blank).toContain('Kính gửi: …………');
    expect(blank).toContain('- Như trên;');
  });

  it('writes the same tables as an Excel workbook', async () => {
    const file = await download(
      '/api/campaigns/lc-2024-peak/report?phase=lc-2024-peak-p1&format=xlsx',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as never);
    const sheet = wb.getWorksheet('Chỉ tiêu')!;
    // Printed: A4 landscape fitted to the width, the header row repeated, the titles frozen.
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      printTitlesRow: '2:2',
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getColumn(1).width).toBeGreaterThan(30);
    const quotas = (
      await api.get('/api/campaigns/lc-2024-peak?asOf=2024-10-31')
    ).body.quotas.filter((x: any) => x.phaseId === 'lc-2024-peak-p1' || x.phaseId === null);
    const rows = sheet.getSheetValues().slice(3) as unknown[][];
    expect(rows).toHaveLength(quotas.length);
    for (const q of quotas) {
      const row = rows.find((r) => r[1] === q.label)!;
      expect([row[4], row[5]]).toEqual([q.target, q.achieved]);
      expect(['vụ', 'đối tượng', 'buổi', 'đường dây']).toContain(row[3]);
    }
    const spots = wb.getWorksheet('Điểm, tụ điểm')!.getSheetValues() as unknown[][];
    const fc = (
      await api.get(
        '/api/hotspots?province=lao-cai&asOf=2024-10-31&since=2024-09-01&campaign=lc-2024-peak',
      )
    ).body;
    expect(spots[3]![2]).toBe(count(fc, 'active'));
    expect(spots[5]![2]).toBe(count(fc, 'eliminated'));
  });

  it('refuses a phase of another campaign: 422 in the province, 404 outside it', async () => {
    const r = await api.get('/api/campaigns/lc-2024-peak/report?phase=lc-2026-p4-p1', 'commander');
    expect([r.status, r.body.error.field]).toEqual([422, 'phase']);
    const other = await api.get('/api/campaigns/lc-2024-peak/report?phase=th-2023-p1', 'commander');
    expect([other.status, other.body.error.field]).toEqual([404, 'phase']);
  });
});

describe(`the cross-border plan's reports (${process.env.DB_ENGINE})`, () => {
  const docxText = async (body: Buffer) =>
    (await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string')).replace(
      /<[^>]+>/g,
      ' ',
    );

  it('writes the six-month report of Sơn La 2023 from 01/01 to 30/06, with the plan measured', async () => {
    const file = await download(
      '/api/campaigns/sl-2023-coop/report?kind=six_month&format=docx',
      't.bordersonla',
    );
    const text = await docxText(file.body);
    expect(text).toContain('Báo cáo 06 tháng');
    expect(text).toContain('từ ngày 01/01/2023 đến ngày 30/06/2023');
    expect(text).toContain('Kết quả phối hợp phòng, chống ma túy qua biên giới');
    // The BLO met in March and June; the training class (October) is still to come.
    expect(text).toMatch(
      /Giao ban định kỳ 02 Văn phòng BLO Sơn La – Hủa Phăn\s+Không nêu số\s+2\b/,
    );
    expect(text).toMatch(/Lớp tập huấn nghiệp vụ PCMT[^]*?\s1\s+0 \(chưa đạt\)/);
  });

  it('writes the yearly report with the training class held, and the same figures in Excel', async () => {
    const text = await docxText(
      (
        await download(
          '/api/campaigns/sl-2023-coop/report?kind=yearly&format=docx',
          't.bordersonla',
        )
      ).body,
    );
    expect(text).toContain('Báo cáo năm');
    expect(text).toMatch(/Lớp tập huấn nghiệp vụ PCMT[^]*?\s1\s+1 \(đạt\)/);
    const xlsx = await download(
      '/api/campaigns/sl-2023-coop/report?kind=yearly&format=xlsx',
      't.bordersonla',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    const rows = wb.getWorksheet('Phối hợp qua biên giới')!.getSheetValues() as unknown[][];
    const training = rows.find((r) => String(r?.[1] ?? '').startsWith('Lớp tập huấn'))!;
    expect(training.slice(2, 5)).toEqual([1, 1, 'Đạt']);
    const blo = rows.find((r) => String(r?.[1] ?? '').includes('BLO'))!;
    expect(blo.slice(2, 4)).toEqual(['Không nêu số', 4]);
  });

  it('writes a quarterly report for the third quarter, and no coordination part for a plan without targets', async () => {
    const q3 = await docxText(
      (
        await download(
          '/api/campaigns/sl-2023-coop/report?kind=quarter&phase=sl-2023-coop-p2&format=docx',
          't.bordersonla',
        )
      ).body,
    );
    expect(q3).toContain('Báo cáo quý – Quý III');
    expect(q3).toContain('từ ngày 01/07/2023 đến ngày 30/09/2023');
    const laoCai = await docxText(
      (await download('/api/campaigns/lc-2024-peak/report?kind=final&format=docx', 't.border'))
        .body,
    );
    expect(laoCai).not.toContain('Kết quả phối hợp phòng, chống ma túy qua biên giới');
    expect(q3).toContain('Kết quả phối hợp phòng, chống ma túy qua biên giới');
    const s = await api.login('t.bordersonla');
    const noPhase = await api.app.request(
      '/api/campaigns/sl-2023-coop/report?kind=quarter&format=docx',
      {
        headers: { cookie: s.cookie },
      },
    );
    expect(noPhase.status).toBe(422);
    expect(((await noPhase.json()) as any).error.field).toBe('phase');
  });
});
