/**
 * The commander authors a campaign in Chromium: a 2027 campaign with two phases, an objective with its numeric
 * target, a quota with its unit and a deadline, typed as dd/mm/yyyy; it then shows in the selector with its KPIs.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provinceTm3, vn2000ToWgs84 } from '@pcmt/shared/vn2000';
import { Dashboard, launchChromium } from '../support/browser.ts';
import { demoUsers, startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let chrome: Awaited<ReturnType<typeof launchChromium>>;
let d: Dashboard;

beforeAll(async () => {
  server = await startServer({
    DATABASE_URL: `file://${join(mkdtempSync(join(tmpdir(), 'pcmt-e2e-')), 'db')}`,
  });
  const users = demoUsers(server.output());
  chrome = await launchChromium();
  d = await Dashboard.open(chrome.browser, server.url, '?province=lao-cai&campaign=lc-2026-p4', {
    username: 'chihuy.laocai',
    password: users['chihuy.laocai']!,
  });
});

afterAll(async () => {
  await chrome?.close();
  expect(await server?.stop()).toBe(0);
});

describe('commander authors a campaign', () => {
  it('refuses a phase outside the campaign, naming the field, then creates the campaign and shows it with its KPIs', async () => {
    const p = d.page;
    await p.click('[data-testid="campaign-new"]');
    await p.fill('[data-testid="campaign-name"]', 'Kế hoạch phòng, chống ma túy năm 2027');
    await p.fill('[data-testid="campaign-documentNumber"]', 'Số 45/KH-UBND');
    await p.fill('[data-testid="campaign-start"]', '01/01/2027');
    await p.fill('[data-testid="campaign-end"]', '31/12/2027');
    await p.fill('[data-testid="phase-0"] input[aria-label]', 'Giai đoạn 1: Tấn công');
    await p.fill('[data-testid="phase-0-start"]', '01/01/2027');
    await p.fill('[data-testid="phase-0-end"]', '30/06/2027');
    await p.click('[data-testid="phase-0-add-objective"]');
    const o = p.locator('[data-testid="phase-0-objective-0"]');
    await o.locator('input').first().fill('Triệt xóa trên 50% điểm, tụ điểm đang hoạt động');
    await o.locator('select').first().selectOption('hotspots_eliminated_share');
    await o.locator('select').nth(1).selectOption('more_than');
    await o.locator('input[aria-label]').nth(1).fill('50');
    await p.click('[data-testid="add-phase"]');
    await p.fill('[data-testid="phase-1"] input[aria-label]', 'Giai đoạn 2: Duy trì');
    await p.fill('[data-testid="phase-1-start"]', '01/07/2027');
    await p.fill('[data-testid="phase-1-end"]', '31/01/2028');
    await p.click('[data-testid="add-quota"]');
    const q = p.locator('[data-testid="quota-row-0"]');
    await q.locator('input').first().fill('Số vụ phát hiện, bắt giữ');
    await q.locator('select').first().selectOption({ index: 1 });
    await q.locator('select').nth(1).selectOption({ index: 1 });
    await q.locator('input[inputmode="numeric"]').fill('30');
    await p.click('[data-testid="add-deadline"]');
    const dl = p.locator('[data-testid="deadline-row-0"]');
    await dl.locator('input').first().fill('Báo cáo kết quả giai đoạn 1 (trước 06/7/2027)');
    await dl.locator('select').nth(1).selectOption({ index: 1 });
    await p.fill('[data-testid="deadline-0-due"]', '05/07/2027');
    await d.screenshot('20-campaign-editor');

    await p.click('[data-testid="campaign-save"]');
    await p.waitForSelector('[data-testid="campaign-editor"] [data-testid="api-error"]');
    expect(
      await p.textContent('[data-testid="campaign-editor"] [data-testid="api-error"]'),
    ).toContain('phases.1.endsOn');
    await d.screenshot('21-campaign-editor-error');

    await p.fill('[data-testid="phase-1-end"]', '31/12/2027');
    await p.click('[data-testid="campaign-save"]');
    await p.waitForSelector('[data-testid="campaign-editor"]', { state: 'detached' });
    await p.waitForFunction(() => /campaign=cmp-/.test(location.search));
    await d.mapIdle();
    const selected = await p.$eval(
      '[data-testid="campaign-select"]',
      (s) => (s as HTMLSelectElement).selectedOptions[0]!.textContent,
    );
    expect(selected).toContain('năm 2027');
    expect(await p.$$('[data-testid^="phase-cmp-"]')).toHaveLength(2);
    const objective = p.locator('[data-measure="hotspots_eliminated_share"]');
    expect(await objective.textContent()).toContain('> 50%');
    expect(await p.textContent('[data-testid="quota-list"]')).toContain('0/30');
    expect(await p.textContent('[data-testid="deadline-list"]')).toContain('05/07/2027');
    await d.screenshot('22-campaign-created');
    await p.setViewportSize({ width: 390, height: 844 });
    await p.click('[data-testid="campaign-new"]');
    await d.screenshot('23-campaign-editor-phone');
    await p.setViewportSize({ width: 1400, height: 880 });
  });

  it('edits the saved campaign: renames a phase and adds a deadline, saved in one go', async () => {
    const p = d.page;
    const id = new URL(p.url()).searchParams.get('campaign')!;
    expect(id).toMatch(/^cmp-/);
    await p.goto(`${server.url}/?province=lao-cai&campaign=${id}`);
    await d.mapIdle();
    await p.click('[data-testid="campaign-edit-open"]');
    const editor = p.locator('[data-testid="campaign-editor"]');
    expect(await editor.locator('[data-testid="campaign-name"]').inputValue()).toContain('2027');
    // Saved rows cannot be removed from the editor.
    expect(await p.$$('[data-testid="phase-0"] > .row:first-child button.remove')).toHaveLength(0);
    await p.fill('[data-testid="phase-1"] input[aria-label]', 'Giai đoạn 2: Củng cố, duy trì');
    await p.click('[data-testid="add-deadline"]');
    const dl = p.locator('[data-testid="deadline-row-1"]');
    await dl.locator('input').first().fill('Báo cáo tổng kết năm 2027');
    await dl.locator('select').nth(1).selectOption({ index: 1 });
    await p.fill('[data-testid="deadline-1-due"]', '20/12/2027');
    await d.screenshot('22b-campaign-edit');
    await p.click('[data-testid="campaign-save"]');
    await p.waitForSelector('[data-testid="campaign-editor"]', { state: 'detached' });
    await d.mapIdle();
    expect(await p.locator('[data-testid^="phase-cmp-"]').nth(1).textContent()).toContain(
      'Củng cố, duy trì',
    );
    expect(await p.textContent('[data-testid="deadline-list"]')).toContain('20/12/2027');
  });

  it('copies a pre-reform campaign to 2027 and is told which district quotas were left out', async () => {
    const p = d.page;
    await p.goto(`${server.url}/?province=lao-cai&campaign=lc-2024-peak`);
    await d.mapIdle();
    await p.click('[data-testid="campaign-copy-open"]');
    await p.fill('[data-testid="copy-start"]', '15/08/2027');
    await p.click('[data-testid="campaign-copy"] button[type="submit"]');
    await p.waitForSelector('[data-testid="copy-skipped"]');
    const items = await p.$$eval('[data-testid="copy-skipped"] li', (l) =>
      l.map((x) => x.textContent),
    );
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(i).toContain('01/07/2025');
    await p.waitForFunction(() => /campaign=cmp-/.test(location.search));
    await d.mapIdle();
    await d.screenshot('23b-campaign-copy-skipped');
    await p.click('[data-testid="copy-skipped"] button');
    await p.waitForSelector('[data-testid="copy-skipped"]', { state: 'detached' });
  });

  it('records a hotspot by clicking inside a commune, and sees it counted in that commune', async () => {
    const p = d.page;
    await p.goto(`${server.url}/?province=lao-cai&campaign=lc-2026-p4`);
    await d.mapIdle();
    const activeBefore = await d.card('hotspots-active');
    await p.click('[data-testid="hotspot-new"]');
    await p.click('[data-testid="hotspot-pick"]');
    const box = (await p.locator('[data-testid="map"]').boundingBox())!;
    await p.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.55);
    await p.waitForFunction(
      () =>
        (document.querySelector('[data-testid="hotspot-lat"]') as HTMLInputElement).value !== '',
    );
    await p.fill('[data-testid="hotspot-register"] textarea', 'Sau chợ trung tâm, ven suối');
    await d.screenshot('24-hotspot-register');
    await p.click('[data-testid="hotspot-save"]');
    await p.waitForSelector('[data-testid="hotspot-panel"]');
    const id = new URL(p.url()).searchParams.get('sel')!;
    expect(id).toMatch(/^hs-/);
    const today = await p.evaluate(() =>
      fetch('/api/auth/me')
        .then((r) => r.json())
        .then((m) => m.today),
    );
    const fc = await await p.evaluate(
      (t) => fetch(`/api/hotspots?province=lao-cai&asOf=${t}`).then((r) => r.json()),
      today,
    );
    const h = fc.features.find((f: any) => f.id === id).properties;
    expect(h).toMatchObject({ status: 'active', ageDays: 0, kind: 'retail_point' });
    await d.mapIdle();
    expect(await d.card('hotspots-active')).toBe(activeBefore + 1);
    await p.goto(`${server.url}/?province=lao-cai&campaign=lc-2026-p4&sel=${h.unitId}`);
    await p.waitForSelector('[data-testid="unit-panel"]');
    await d.mapIdle();
    const inCommune = fc.features.filter(
      (f: any) => f.properties.unitId === h.unitId && f.properties.status !== 'eliminated',
    ).length;
    expect((await d.card('hotspots-active')) + (await d.card('hotspots-re_emerged'))).toBe(
      inCommune,
    );
    await d.screenshot('25-hotspot-in-commune');
  });

  it('records a hotspot typed as VN-2000 X/Y in the province’s TM-3 zone', async () => {
    const p = d.page;
    await p.goto(`${server.url}/?province=lao-cai&campaign=lc-2026-p4`);
    await d.mapIdle();
    await p.click('[data-testid="hotspot-new"]');
    await p.selectOption('[data-testid="hotspot-crs"]', 'tm3');
    await p.click('[data-testid="hotspot-pick"]');
    const box = (await p.locator('[data-testid="map"]').boundingBox())!;
    await p.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.45);
    await p.waitForFunction(
      () =>
        (document.querySelector('[data-testid="hotspot-lat"]') as HTMLInputElement).value !== '',
    );
    const x = Number(await p.inputValue('[data-testid="hotspot-lat"]'));
    const y = Number(await p.inputValue('[data-testid="hotspot-lng"]'));
    expect(x).toBeGreaterThan(2_400_000);
    const [lng, lat] = vn2000ToWgs84(x, y, provinceTm3('lao-cai')!);
    expect(await p.textContent('[data-testid="hotspot-wgs84"]')).toContain(lat.toFixed(5));
    await p.fill('[data-testid="hotspot-lat"]', '22500');
    expect(await p.textContent('[data-testid="hotspot-coord-error"]')).toContain('X 22500');
    await p.fill('[data-testid="hotspot-lat"]', String(x));
    await d.screenshot('27-hotspot-vn2000');
    await p.click('[data-testid="hotspot-save"]');
    await p.waitForSelector('[data-testid="hotspot-panel"]');
    const id = new URL(p.url()).searchParams.get('sel')!;
    const fc = await p.evaluate(() =>
      fetch('/api/hotspots?province=lao-cai').then((r) => r.json()),
    );
    const h = fc.features.find((f: any) => f.id === id);
    expect(h.geometry.coordinates[0]).toBeCloseTo(lng, 5);
    expect(h.geometry.coordinates[1]).toBeCloseTo(lat, 5);

    // Corrected: another kind, moved by a click on the map; sent with its version.
    await p.click('[data-testid="hotspot-edit-open"]');
    await p.selectOption('[data-testid="hotspot-edit"] select[aria-label]', 'complex_point');
    await p.click(
      '[data-testid="hotspot-edit"] button.secondary, [data-testid="hotspot-edit"] button:has-text("bản đồ")',
    );
    await p.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.6);
    await d.screenshot('27b-hotspot-edit');
    await p.click('[data-testid="hotspot-edit-save"]');
    await p.waitForSelector('[data-testid="hotspot-edit"]', { state: 'detached' });
    const after = (
      await p.evaluate(() => fetch('/api/hotspots?province=lao-cai').then((r) => r.json()))
    ).features.find((f: any) => f.id === id);
    expect(after.properties).toMatchObject({
      kind: 'complex_point',
      version: h.properties.version + 1,
    });
    expect(after.geometry.coordinates[0]).not.toBeCloseTo(lng, 3);
  });

  it('imports a hotspot list from the Excel template, previewed row by row, and counts it', async () => {
    const p = d.page;
    await p.goto(`${server.url}/?province=lao-cai&campaign=lc-2026-p4`);
    await d.mapIdle();
    const activeBefore = await d.card('hotspots-active');
    await p.click('[data-testid="hotspot-import"] summary');
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.click('[data-testid="hotspot-template"]'),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const today = await p.evaluate(() =>
      fetch('/api/auth/me')
        .then((r) => r.json())
        .then((m) => m.today as string),
    );
    const units = await p.evaluate(
      (t) => fetch(`/api/units?province=lao-cai&level=commune&asOf=${t}`).then((r) => r.json()),
      today,
    );
    const [lng, lat] = turf.pointOnFeature(units.features[7]).geometry.coordinates;
    const ws = wb.getWorksheet('Điểm ma túy')!;
    ws.getRow(3).values = ['Điểm bán lẻ', today, lng, lat, null, null, null, 'ven quốc lộ'];
    ws.getRow(4).values = [
      'Điểm phức tạp',
      today,
      null,
      null,
      null,
      null,
      units.features[12].properties.code,
    ];
    const path = join(mkdtempSync(join(tmpdir(), 'pcmt-hs-')), 'diem.xlsx');
    await wb.xlsx.writeFile(path);
    await p.setInputFiles('[data-testid="hotspot-file"]', path);
    await p.waitForSelector('[data-testid="hotspot-preview"]');
    expect(await p.$$('[data-testid="hotspot-preview-row"]')).toHaveLength(2);
    expect(await p.textContent('[data-testid="hotspot-preview"]')).toContain('ước lượng');
    await d.screenshot('28-hotspot-import-preview');
    await p.click('[data-testid="hotspot-commit"]');
    await p.waitForSelector('[data-testid="hotspot-committed"]');
    await p.waitForFunction(
      (n) =>
        Number(
          document
            .querySelector('[data-testid="card-hotspots-active"] b')
            ?.textContent?.replace(/\D/g, ''),
        ) === n,
      activeBefore + 2,
    );
  });

  it('lists the hotspots in a table that sorts, filters and selects them on the map, and follows a map selection', async () => {
    const p = d.page;
    await p.goto(`${server.url}/?province=lao-cai&campaign=lc-2024-peak&phase=lc-2024-peak-p1`);
    await d.mapIdle();
    await p.click('[data-testid="hotspot-table-open"]');
    const total = Number(await p.textContent('[data-testid="hotspot-table-count"]'));
    const cards =
      (await d.card('hotspots-active')) +
      (await d.card('hotspots-re_emerged')) +
      (await d.card('hotspots-eliminated'));
    expect(total).toBe(cards);
    // The table's Excel holds the same hotspots, on the same date.
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.click('[data-testid="hotspot-table-xlsx"]'),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    expect(wb.worksheets[0]!.actualRowCount - 2).toBe(total);
    await p.selectOption('[data-testid="filter-status"]', 'active');
    expect(Number(await p.textContent('[data-testid="hotspot-table-count"]'))).toBe(
      await d.card('hotspots-active'),
    );
    const ages = await p.$$eval('[data-testid^="hotspot-row-"] td.num', (c) =>
      c.map((x) => Number(x.textContent!.replace(/\D/g, ''))),
    );
    expect(ages).toEqual([...ages].sort((a, b) => b - a));
    await p.click('[data-testid="sort-ageDays"]');
    const asc = await p.$$eval('[data-testid^="hotspot-row-"] td.num', (c) =>
      c.map((x) => Number(x.textContent!.replace(/\D/g, ''))),
    );
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const row = p.locator('[data-testid^="hotspot-row-"]').first();
    const id = (await row.getAttribute('data-testid'))!.replace('hotspot-row-', '');
    await row.click();
    await p.waitForFunction((h) => location.search.includes(`sel=${h}`), id);
    await p.waitForSelector('[data-testid="hotspot-panel"]');
    expect(await p.getAttribute(`[data-testid="hotspot-row-${id}"]`, 'aria-selected')).toBe('true');
    await d.screenshot('26-hotspot-table');
    // a selection made elsewhere (a click on the map sets the same URL) is the selected row too
    const other = (await p
      .locator('[data-testid^="hotspot-row-"]')
      .nth(1)
      .getAttribute('data-testid'))!.replace('hotspot-row-', '');
    await p.evaluate((h) => {
      const u = new URL(location.href);
      u.searchParams.set('sel', h);
      history.pushState(null, '', u);
      dispatchEvent(new PopStateEvent('popstate'));
    }, other);
    await p.waitForSelector(`[data-testid="hotspot-row-${other}"][aria-selected="true"]`);
    expect(await p.getAttribute(`[data-testid="hotspot-row-${id}"]`, 'aria-selected')).toBe(
      'false',
    );
  });

  it('reads the API document in Swagger UI served by the dashboard itself', async () => {
    const p = d.page;
    await p.goto(`${server.url}/api/docs`);
    await p.waitForSelector('.swagger-ui .opblock', { timeout: 30_000 });
    expect(await p.$$('.swagger-ui .opblock')).not.toHaveLength(0);
    await d.screenshot('40-api-docs');
  });

  it('threw no error in the page', () => {
    expect(d.errors).toEqual([]);
    expect(d.offsiteRequests).toEqual([]);
  });
});
