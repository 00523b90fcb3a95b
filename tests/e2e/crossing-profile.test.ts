/**
 * A Sơn La border officer's crossing in Chromium, at desktop and phone width: its profile (class, hours in Vietnam's
 * time, the counterpart's names in Lao script drawn in the font the dashboard serves itself, the responsible units),
 * the seizures charted per month (Observable Plot), a seizure recorded that moves the month's total, and the hours
 * edited under their version.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dashboard, launchChromium } from '../support/browser.ts';
import { demoUsers, startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let users: Record<string, string>;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startServer({
    DATABASE_URL: `file://${join(mkdtempSync(join(tmpdir(), 'pcmt-crossing-')), 'db')}`,
  });
  users = demoUsers(server.output());
});
afterAll(async () => {
  for (const c of open) await c.close();
  await server?.stop();
});

async function officer(viewport: { width: number; height: number }) {
  const chrome = await launchChromium();
  open.push(chrome);
  // Chiềng Khương, the station's gate, as of the end of the plan's first half (30/06/2023).
  return Dashboard.open(
    chrome.browser,
    server.url,
    '?province=son-la&campaign=sl-2023-coop&phase=sl-2023-coop-p1&sel=crossing-07',
    { username: 'bienphong.sonla', password: users['bienphong.sonla']! },
    viewport,
  );
}

/** The heroin row of the totals table, in kg, as the panel prints it (vi-VN: comma decimals). */
const heroinKg = async (d: Dashboard) => {
  const text = await d.page.textContent(
    '[data-testid="seizure-totals"] tr[data-kind="heroin"] [data-testid="seizure-total"]',
  );
  return Number((text ?? '0').replace(/[^\d,]/g, '').replace(',', '.'));
};

describe.each([
  ['desktop', { width: 1366, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const)('a crossing profile on %s', (name, viewport) => {
  it('shows the profile with Lao script, charts the seizures and records one', async () => {
    const d = await officer(viewport);
    await d.page.waitForSelector('[data-testid="crossing-profile"]');
    // The demo's hours of a main gate (the desktop run edits them before the phone run reads them).
    expect(await d.page.textContent('[data-testid="crossing-hours"]')).toContain(
      name === 'desktop' ? '07:00–19:00 (giờ Việt Nam)' : '06:30–21:00 (giờ Việt Nam)',
    );
    expect(await d.page.textContent('[data-testid="crossing-hours"]')).toContain('giả định');
    expect(await d.page.textContent('[data-testid="gate-local"]')).toBe('ບ້ານດານ');
    expect(await d.page.textContent('[data-testid="province-local"]')).toBe('ແຂວງຫົວພັນ');
    expect(await d.page.textContent('[data-testid="crossing-units"]')).toContain(
      'Đồn Biên phòng Chiềng Khương',
    );
    // The Lao glyphs come from the font the dashboard serves (same host), loaded and used.
    await d.page.evaluate(() => document.fonts.ready);
    await d.page.waitForFunction(() =>
      Array.from(document.fonts as unknown as Iterable<FontFace>).some(
        (f) => f.family.includes('Noto Sans Lao') && f.status === 'loaded',
      ),
    );
    const fonts = await d.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => u.includes('.woff')),
    );
    expect(fonts.some((u) => u.startsWith(server.url) && u.includes('noto-sans-lao'))).toBe(true);

    // The chart: one bar per month and kind with seizures, drawn by Plot (an SVG of rects).
    await d.page.locator('[data-testid="seizure-chart-mass"]').scrollIntoViewIfNeeded();
    await d.page.waitForSelector('[data-testid="seizure-chart-mass"] svg rect');
    const bars = await d.page.$$eval(
      '[data-testid="seizure-chart-mass"] svg g[aria-label="bar"] rect',
      (r) => r.length,
    );
    expect(bars).toBeGreaterThan(0);
    const before = await heroinKg(d);
    await d.screenshot(`84-crossing-profile-${name}`);

    await d.page.click('[data-testid="seizure-open"]');
    await d.page.fill('[data-testid="seizure-date"]', '10/06/2023');
    await d.page.selectOption('[data-testid="seizure-kind"]', 'heroin');
    // Typed the Vietnamese way: the comma is the decimal mark.
    await d.page.fill('[data-testid="seizure-quantity"]', '2,5');
    await d.page.selectOption('[data-testid="seizure-unit"]', 'kg');
    await d.page.click('[data-testid="seizure-save"]');
    await d.page.waitForSelector('[data-testid="seizure-saved"]');
    await d.page.waitForFunction((b) => {
      const t = document.querySelector(
        '[data-testid="seizure-totals"] tr[data-kind="heroin"] [data-testid="seizure-total"]',
      )?.textContent;
      return !!t && Number(t.replace(/[^\d,]/g, '').replace(',', '.')) > b;
    }, before);
    expect(await heroinKg(d)).toBeCloseTo(before + 2.5, 3);
    await d.screenshot(`85-crossing-seizure-recorded-${name}`);

    // The hours, edited by the station under the version it read.
    await d.page.click('[data-testid="crossing-edit-open"]');
    const [opens, closes] = name === 'desktop' ? ['06:30', '21:00'] : ['06:00', '20:00'];
    await d.page.fill('[data-testid="opens-at"]', opens);
    await d.page.fill('[data-testid="closes-at"]', closes);
    await d.page.click('[data-testid="crossing-edit-save"]');
    await d.page.waitForFunction(
      (h) => document.querySelector('[data-testid="crossing-hours"]')?.textContent?.includes(h),
      `${opens}–${closes}`,
    );
    // No sideways scroll at phone width.
    expect(
      await d.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await d.screenshot(`86-crossing-hours-edited-${name}`);
    expect(d.errors).toEqual([]);
    expect(d.offsiteRequests).toEqual([]);
  });
});
