/**
 * A Sơn La border officer's coordination registry in Chromium, at desktop and phone width: a three-province meeting
 * logged at the station's gate with two follow-ups and a PDF minute (written by jsPDF in the test), the plan's
 * targets moving with it, a joint patrol with its track drawn on the map (terra-draw), and the history showing both.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dashboard, launchChromium } from '../support/browser.ts';
import { demoUsers, startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let users: Record<string, string>;
let minute: string;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pcmt-coordination-'));
  server = await startServer({ DATABASE_URL: `file://${join(dir, 'db')}` });
  users = demoUsers(server.output());
  const doc = new jsPDF();
  doc.text('BIEN BAN GIAO BAN 3 TINH - 15/06/2023', 20, 20);
  minute = join(dir, 'bien-ban-giao-ban.pdf');
  writeFileSync(minute, Buffer.from(doc.output('arraybuffer')));
});
afterAll(async () => {
  for (const c of open) await c.close();
  await server?.stop();
});

async function officer(viewport: { width: number; height: number }) {
  const chrome = await launchChromium();
  open.push(chrome);
  // The first half of 2023, where the demo's three-province meeting (August) has not happened yet.
  return Dashboard.open(
    chrome.browser,
    server.url,
    '?province=son-la&campaign=sl-2023-coop&phase=sl-2023-coop-p1&sel=crossing-07',
    { username: 'bienphong.sonla', password: users['bienphong.sonla']! },
    viewport,
  );
}

const held = async (d: Dashboard, measure: string) =>
  Number(
    (
      (await d.page.textContent(
        `[data-testid="target-${measure}"] [data-testid="target-actual"]`,
      )) ?? ''
    ).replace(/\D/g, ''),
  );

describe.each([
  ['desktop', { width: 1366, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const)('the coordination registry on %s', (name, viewport) => {
  it('logs a three-province meeting with two follow-ups and a minute, and a patrol with a drawn track', async () => {
    const d = await officer(viewport);
    const form = '[data-testid="event-form"]';
    await d.page.waitForSelector(form);
    await d.page.waitForSelector('[data-testid="plan-targets"] [data-testid="target-actual"]');
    await d.page.waitForFunction(
      () =>
        !document
          .querySelector(
            '[data-testid="target-meetings_three_province"] [data-testid="target-actual"]',
          )
          ?.textContent?.includes('…'),
    );
    const before = await held(d, 'meetings_three_province');

    await d.page.selectOption(`${form} [data-testid="event-kind"]`, 'meeting');
    await d.page.selectOption(`${form} [data-testid="event-level"]`, 'three_province');
    await d.page.fill(`${form} [data-testid="event-date"]`, '15/06/2023');
    await d.page.fill(
      `${form} [data-testid="event-units"]`,
      'Công an tỉnh Hủa Phăn; Công an tỉnh Luông Pha Băng',
    );
    await d.page.fill(
      `${form} [data-testid="event-summary"]`,
      `Giao ban luân phiên 3 tỉnh tại Sơn La (${name})`,
    );
    await d.page.fill(
      `${form} [data-testid="event-outcome"]`,
      'Ký biên bản phối hợp 6 tháng cuối năm',
    );
    await d.page.click(`${form} [data-testid="follow-up-add"]`);
    await d.page.click(`${form} [data-testid="follow-up-add"]`);
    await d.page.fill(
      `${form} [data-testid="follow-up-0"] input:not([data-testid])`,
      'Trao đổi danh sách đường dây',
    );
    await d.page.fill(`${form} [data-testid="follow-up-due-0"]`, '15/07/2023');
    await d.page.fill(
      `${form} [data-testid="follow-up-1"] input:not([data-testid])`,
      'Tổ chức lớp tập huấn tại Sơn La',
    );
    await d.page.fill(`${form} [data-testid="follow-up-due-1"]`, '31/10/2023');
    await d.page.setInputFiles(`${form} [data-testid="event-file"]`, minute);
    await d.screenshot(`80-coordination-meeting-form-${name}`);
    await d.page.click(`${form} button[type="submit"]`);
    await d.page.waitForSelector('[data-testid="event-saved"]');
    expect(await d.page.textContent('[data-testid="event-saved"]')).toContain(
      'đã đính kèm biên bản',
    );
    // The plan's three-province meetings count it.
    await expect.poll(() => held(d, 'meetings_three_province')).toBe(before + 1);

    // The history shows it with its two follow-ups, open on 30/06/2023, and its minute.
    const item = d.page.locator('[data-testid="history"] .event-item', {
      hasText: `Giao ban luân phiên 3 tỉnh tại Sơn La (${name})`,
    });
    await item.waitFor();
    expect(await item.locator('.follow-up').count()).toBe(2);
    expect(await item.locator('.follow-up-state.open').count()).toBe(2);
    const link = item.locator('[data-testid="minute-link"]');
    expect(await link.textContent()).toContain('bien-ban-giao-ban.pdf');
    const pdf = await d.page.evaluate(
      async (href) => {
        const r = await fetch(href!);
        return {
          type: r.headers.get('content-type'),
          head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)),
        };
      },
      await link.getAttribute('href'),
    );
    expect(pdf).toEqual({ type: 'application/pdf', head: '%PDF-' });
    await item.scrollIntoViewIfNeeded();
    await d.screenshot(`81-coordination-history-${name}`);

    // A joint patrol, its track drawn on the map: three points, the last clicked again to finish.
    await d.page.selectOption(`${form} [data-testid="event-kind"]`, 'joint_patrol');
    await d.page.fill(`${form} [data-testid="event-date"]`, '20/06/2023');
    await d.page.fill(
      `${form} [data-testid="event-summary"]`,
      `Tuần tra song phương đoạn mốc 250 – 252 (${name})`,
    );
    await d.page.click(`${form} [data-testid="track-draw"]`);
    await d.page.waitForSelector(`${form} [data-testid="draw-hint"]`);
    const box = (await d.page.locator('.map-area canvas').boundingBox())!;
    const points = [
      [0.4, 0.45],
      [0.5, 0.5],
      [0.6, 0.55],
    ].map(([x, y]) => [box.x + box.width * x!, box.y + box.height * y!] as const);
    for (const [x, y] of points) {
      await d.page.mouse.click(x, y);
      await d.page.waitForTimeout(250);
    }
    await d.page.mouse.click(points[2]![0], points[2]![1]);
    await d.page.waitForSelector(`${form} [data-testid="track-drawn"]`);
    expect(await d.page.textContent(`${form} [data-testid="track-drawn"]`)).toContain('3 điểm');
    await d.screenshot(`82-coordination-patrol-track-${name}`);
    await d.page.click(`${form} button[type="submit"]`);
    await d.page.waitForFunction(() =>
      document.querySelector('[data-testid="event-saved"]')?.textContent?.includes('20/06/2023'),
    );
    const patrol = d.page.locator('[data-testid="history"] .event-item', {
      hasText: `Tuần tra song phương đoạn mốc 250 – 252 (${name})`,
    });
    await patrol.waitFor();
    expect(await patrol.textContent()).toContain('Đã vẽ tuyến');
    // Its minute, attached after the event was saved.
    await patrol.locator('[data-testid="minute-attach"]').setInputFiles(minute);
    await patrol.locator('[data-testid="minute-link"]').waitFor();
    // The timeline of one gate: the patrol is at Chiềng Khương, not at Lóng Sập.
    await d.page.selectOption('[data-testid="history-gate"]', 'crossing-08');
    await patrol.waitFor({ state: 'detached' });
    await d.page.selectOption('[data-testid="history-gate"]', 'crossing-07');
    await patrol.waitFor();
    // The saved track is drawn on the map for the window shown (the first half of 2023).
    await expect.poll(() => d.renderedCount('patrol-tracks-line')).toBeGreaterThanOrEqual(1);
    if (name === 'desktop') {
      // The six-month report counts the meeting: its table of the plan parses from the downloaded Word file.
      await d.page.selectOption('[data-testid="report-kind"]', 'six_month');
      const [download] = await Promise.all([
        d.page.waitForEvent('download'),
        d.page.click('[data-testid="report-docx"]'),
      ]);
      const xml = await (
        await JSZip.loadAsync(readFileSync((await download.path())!))
      )
        .file('word/document.xml')!
        .async('string');
      const text = xml.replace(/<[^>]+>/g, ' ');
      expect(text).toContain('Báo cáo 06 tháng');
      expect(text).toContain('đến ngày 30/06/2023');
      expect(text).toMatch(
        new RegExp(
          `Giao ban định kỳ luân phiên 3 tỉnh Sơn La – Hủa Phăn – Luông Pha Băng\\s+Không nêu số\\s+${before + 1}\\b`,
        ),
      );
    }
    const overflow = await d.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(d.errors).toEqual([]);
    expect(d.offsiteRequests).toEqual([]);
  });
});
