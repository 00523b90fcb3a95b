/**
 * The planner enters commune figures through the .xlsx template in Chromium: downloads it pre-filled
 * with the communes, fills it in (here with exceljs), uploads it, reads the preview, writes it, and sees
 * the commune's suggested tier change with its reasons; a broken file gets a row-by-row list and
 * changes nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dashboard, launchChromium } from '../support/browser.ts';
import { demoUsers, startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let chrome: Awaited<ReturnType<typeof launchChromium>>;
let d: Dashboard;
const dir = mkdtempSync(join(tmpdir(), 'pcmt-figures-'));
const VIEW = '?province=lao-cai&campaign=lc-2026-p4';

beforeAll(async () => {
  server = await startServer({ DATABASE_URL: `file://${join(dir, 'db')}` });
  const users = demoUsers(server.output());
  chrome = await launchChromium();
  d = await Dashboard.open(chrome.browser, server.url, VIEW, {
    username: 'kehoach.laocai',
    password: users['kehoach.laocai']!,
  });
});

afterAll(async () => {
  await chrome?.close();
  expect(await server?.stop()).toBe(0);
});

/** Downloads the template through the page's link, as the user does, and opens it. */
async function downloadTemplate() {
  const p = d.page;
  const [download] = await Promise.all([
    p.waitForEvent('download'),
    p.click('[data-testid="figures-template"]'),
  ]);
  const path = join(dir, `template-${Date.now()}.xlsx`);
  await download.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}
const colOf = (ws: ExcelJS.Worksheet, header: string) => {
  let n = 0;
  ws.getRow(1).eachCell((c, i) => {
    if (c.text === header) n = i;
  });
  return n;
};
async function upload(wb: ExcelJS.Workbook, name: string) {
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  await d.page.setInputFiles('[data-testid="figures-file"]', path);
}
const storedCount = () =>
  d.page.evaluate(() =>
    fetch('/api/figures?province=lao-cai')
      .then((r) => r.json())
      .then((rows) => rows.length as number),
  );

describe('planner enters commune figures through the template', () => {
  let code = '';
  let unitId = '';

  it('uploads the filled template, previews the new suggested tier, writes it and sees it on the commune', async () => {
    const p = d.page;
    // The commune under the map's centre: the one the planner clicks.
    const box = (await p.locator('[data-testid="map"]').boundingBox())!;
    await p.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.55);
    await p.waitForSelector('[data-testid="unit-panel"]');
    unitId = new URL(p.url()).searchParams.get('sel')!;
    code = (await p.textContent('[data-testid="unit-panel"] p.muted'))!.split('·')[0]!.trim();
    const before = await p.getAttribute('[data-testid="suggested-tier"]', 'data-tier');
    expect(before).not.toBe('type_1');

    await p.click('[data-testid="figures-import"] summary');
    await d.screenshot('30-figures-workbench');
    const wb = await downloadTemplate();
    const ws = wb.getWorksheet('Số liệu xã')!;
    expect(ws.actualRowCount).toBeGreaterThan(50);
    const row = ws.getColumn(1).values.findIndex((v) => String(v) === code);
    expect(row).toBeGreaterThan(1);
    const set = (header: string, v: ExcelJS.CellValue) =>
      (ws.getCell(row, colOf(ws, header)).value = v);
    set('Dân số thường trú', 10000);
    set('Người sử dụng, nghiện có hồ sơ quản lý', 60);
    set('Điểm tổ chức, chứa chấp sử dụng trái phép', 2);
    set('Đối tượng phạm tội về ma túy bị bắt', 12);
    set('Nằm trên tuyến trọng điểm (có/không)', 'không');
    await upload(wb, 'filled.xlsx');

    const preview = p.locator(`[data-testid="preview-row"][data-code="${code}"]`);
    await preview.waitFor();
    expect(await preview.locator('[data-testid="preview-tier"]').getAttribute('data-tier')).toBe(
      'type_1',
    );
    expect(await preview.textContent()).toContain('0,5%');
    expect(await storedCount()).toBe(0);
    await d.screenshot('31-figures-preview');
    await p.setViewportSize({ width: 390, height: 844 });
    await p.locator('[data-testid="figures-preview"]').scrollIntoViewIfNeeded();
    await d.screenshot('31b-figures-preview-phone');
    await p.setViewportSize({ width: 1400, height: 880 });

    await p.click('[data-testid="figures-commit"]');
    await p.waitForSelector('[data-testid="figures-committed"]');
    expect(await storedCount()).toBe(1);
    await p.locator('[data-testid="unit-panel"]').scrollIntoViewIfNeeded();
    await p.waitForSelector('[data-testid="suggested-tier"][data-tier="type_1"]');
    const reasons = await p.textContent('[data-testid="suggestion-reasons"]');
    expect(reasons).toContain('≥ 0,5% dân số');
    expect(reasons).toContain('≥ 2 điểm tổ chức');
    expect(await p.textContent('[data-testid="suggestion-source"]')).toContain('01/01/2026');
    await d.screenshot('32-figures-suggested-tier');
  });

  it('shows every problem of a broken file by sheet, row and column, and writes nothing', async () => {
    const p = d.page;
    const before = await storedCount();
    const wb = await downloadTemplate();
    const ws = wb.getWorksheet('Số liệu xã')!;
    ws.getCell(3, colOf(ws, 'Người sử dụng, nghiện có hồ sơ quản lý')).value = 'mười hai';
    ws.getCell(4, colOf(ws, 'Điểm tổ chức, chứa chấp sử dụng trái phép')).value = -2;
    ws.getCell(5, 1).value = 'X0000';
    ws.getCell(6, colOf(ws, 'Dân số thường trú')).value = 4000;
    await upload(wb, 'broken.xlsx');
    await p.waitForSelector('[data-testid="file-issues"]');
    const rows = await p.$$eval('[data-testid="file-issues"] tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)),
    );
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Số liệu xã', '3', 'D'],
      ['Số liệu xã', '4', 'E'],
      ['Số liệu xã', '5', 'A'],
    ]);
    expect(rows[0]![3]).toBe('"mười hai" không phải số nguyên');
    expect(await p.$('[data-testid="figures-commit"]')).toBeNull();
    expect(await storedCount()).toBe(before);
    await p.locator('[data-testid="file-issues"]').scrollIntoViewIfNeeded();
    await d.screenshot('33-figures-errors');
  });

  it('edits one commune’s figures in the form, the suggestion following what is typed', async () => {
    const p = d.page;
    await p.goto(`${server.url}/${VIEW}&sel=${unitId}`);
    await p.waitForSelector('[data-testid="figures-form"]');
    await p.click('[data-testid="figures-form"] summary');
    const form = p.locator('[data-testid="figures-form"]');
    await form.locator('[data-field="population"]').waitFor();
    expect(await form.locator('[data-field="registeredUsers"]').inputValue()).toBe('60');
    await form.locator('[data-field="organisedUsePlaces"]').fill('0');
    await form.locator('[data-field="offendersArrested"]').fill('3');
    expect(await p.textContent('[data-testid="figures-form-suggestion"]')).toContain('loại III');
    await form.locator('button[type="submit"]').click();
    await p.waitForSelector('[data-testid="suggested-tier"][data-tier="type_3"]');
    await form.scrollIntoViewIfNeeded();
    await d.screenshot('34-figures-form');
    expect(d.errors).toEqual([]);
    expect(d.offsiteRequests).toEqual([]);
  });
});
