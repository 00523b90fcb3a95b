/**
 * The Word and Excel files as LibreOffice lays them out (issue 14: "check both in LibreOffice and look at the pages"):
 * the commander's phase report (.docx, .xlsx) and a village's plan (.docx) are converted to PDF by
 * `soffice --headless`, their text read back with pdftotext, their first pages kept as PNG beside the screenshots.
 * The Quốc hiệu stays on one line, the Excel sheets print on A4 landscape, the tables carry their figures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dashboard, launchChromium } from '../support/browser.ts';
import { demoUsers, startServer, type RunningServer } from '../support/server-process.ts';

const SHOTS = resolve(import.meta.dirname, 'screenshots');
const NEEDS =
  'LibreOffice and poppler are needed: apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils';
let server: RunningServer;
let users: Record<string, string>;
const open: { close(): Promise<void> }[] = [];
const work = mkdtempSync(join(tmpdir(), 'pcmt-office-'));

beforeAll(async () => {
  for (const tool of ['soffice', 'pdftotext', 'pdftoppm', 'pdfinfo'])
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`]);
    } catch {
      throw new Error(`${tool} not found. ${NEEDS}`);
    }
  server = await startServer({ DATABASE_URL: `file://${join(work, 'db')}` });
  users = demoUsers(server.output());
});
afterAll(async () => {
  for (const c of open) await c.close();
  await server?.stop();
});

/** Downloads a file as the signed-in user, converts it to PDF and returns its text (layout kept) and page size. */
async function render(d: Dashboard, path: string, name: string) {
  const res = await d.page.request.get(`${server.url}${path}`);
  expect(res.status(), path).toBe(200);
  const file = join(work, name);
  writeFileSync(file, await res.body());
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, file], {
    timeout: 120_000,
    env: { ...process.env, HOME: work },
  });
  const pdf = file.replace(/\.\w+$/, '.pdf');
  expect(existsSync(pdf), pdf).toBe(true);
  mkdirSync(SHOTS, { recursive: true });
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    '1',
    '-l',
    '1',
    pdf,
    join(SHOTS, `office-${name}`),
  ]);
  return {
    text: execFileSync('pdftotext', ['-layout', pdf, '-']).toString(),
    info: execFileSync('pdfinfo', [pdf]).toString(),
  };
}

describe('the reports and plans in LibreOffice', () => {
  it('lays out the phase report, its workbook and a village’s plan', async () => {
    const chrome = await launchChromium();
    open.push(chrome);
    const d = await Dashboard.open(
      chrome.browser,
      server.url,
      '?province=lao-cai&campaign=lc-2024-peak',
      { username: 'chihuy.laocai', password: users['chihuy.laocai']! },
      { width: 1366, height: 800 },
    );
    const report = await render(
      d,
      '/api/campaigns/lc-2024-peak/report?phase=lc-2024-peak-p1&kind=phase&format=docx',
      'report.docx',
    );
    // The Quốc hiệu on one line, the title, the quota table with its unit, the signature by position.
    expect(report.text).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s*\n/);
    expect(report.text).toContain('BÁO CÁO');
    expect(report.text).toMatch(/Số vụ phát hiện, bắt giữ.*\s+vụ\s+\d+\s+\d+\s+\d+%/);
    expect(report.text).toContain('CHỦ TỊCH');
    expect(report.info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const workbook = await render(
      d,
      '/api/campaigns/lc-2024-peak/report?phase=lc-2024-peak-p1&kind=phase&format=xlsx',
      'report.xlsx',
    );
    // A4 landscape, fitted to the width: the quota rows carry their unit and figures.
    expect(workbook.info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    expect(workbook.text).toMatch(/Thành phố Lào Cai\s+vụ\s+\d+\s+\d+\s+\d+/);
    // The planner in a browser of their own (a fresh profile, a session of their own).
    const other = await launchChromium();
    open.push(other);
    const planner = await Dashboard.open(
      other.browser,
      server.url,
      '?province=lai-chau&campaign=lch-2024-2025',
      { username: 'kehoach.laichau', password: users['kehoach.laichau']! },
      { width: 1366, height: 800 },
    );
    const plan = await render(
      planner,
      '/api/plans/plan-vil-12-0001/export?format=docx',
      'plan.docx',
    );
    expect(plan.text).toContain('KẾ HOẠCH');
    expect(plan.text).toMatch(/Chuyển hóa địa bàn Bản 1, /);
    expect(plan.text).toContain('Giai đoạn 4 (đến ngày 14/10/2025)');
    // The criteria table: the number column narrow, each criterion and its state on one row.
    expect(plan.text).toMatch(
      /\n\s*8\s+Không để xảy ra tình trạng trồng cây có chứa chất ma túy\s+Đạt/,
    );
  });

  it('heads Thanh Hóa’s report with its Ban Chỉ đạo, and lists its recipients one a line', async () => {
    const chrome = await launchChromium();
    open.push(chrome);
    const d = await Dashboard.open(
      chrome.browser,
      server.url,
      '?province=thanh-hoa&campaign=th-2023',
      { username: 'chihuy.thanhhoa', password: users['chihuy.thanhhoa']! },
      { width: 1366, height: 800 },
    );
    const report = await render(
      d,
      '/api/campaigns/th-2023/report?phase=th-2023-p1&kind=phase&format=docx',
      'report-thanh-hoa.docx',
    );
    expect(report.text).toMatch(/UBND TỈNH THANH HÓA[\s\S]*BAN CHỈ ĐẠO 138/);
    expect(report.text).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\s*\n/);
    expect(report.text).toMatch(/Số: ……\/BC-BCĐ/);
    // Kính gửi, then each recipient on its own line.
    expect(report.text).toMatch(
      /Kính gửi:\s*\n\s*- Tỉnh ủy Thanh Hóa;\s*\n\s*- UBND tỉnh Thanh Hóa;/,
    );
    // Nơi nhận: "Như trên" (the recipients above) and the archive.
    expect(report.text).toMatch(/Nơi nhận:[\s\S]*- Như trên;[\s\S]*- Lưu: VT\./);
    // Signed by position, never by name.
    expect(report.text).toMatch(/TM\. BAN CHỈ ĐẠO[\s\S]*TRƯỞNG BAN/);
    expect(report.info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });
});
