/**
 * Thanh Hóa 2023's own "4 rõ" table in Chromium: the commander opens the programme and reads its tasks (seed 001,
 * 74 rows) with their lead and co-ordinating agencies, filters them by agency and state, on the programme's last
 * day and a day in its middle. Desktop and phone width.
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
    DATABASE_URL: `file://${join(mkdtempSync(join(tmpdir(), 'pcmt-programme-')), 'db')}`,
  });
  users = demoUsers(server.output());
});
afterAll(async () => {
  for (const c of open) await c.close();
  await server?.stop();
});

describe.each([
  ['desktop', { width: 1366, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const)('the programme’s task table on %s', (name, viewport) => {
  it('lists Thanh Hóa 2023’s tasks with their agencies, filters them, and reads them on a date', async () => {
    const chrome = await launchChromium();
    open.push(chrome);
    const d = await Dashboard.open(
      chrome.browser,
      server.url,
      '?province=thanh-hoa&campaign=th-2023',
      { username: 'chihuy.thanhhoa', password: users['chihuy.thanhhoa']! },
      viewport,
    );
    // Folded under its count and what is overdue; opened, the table.
    const summary = d.page.locator('[data-testid="programme-tasks"] summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/: 74 · \d+ quá hạn/);
    await summary.click();
    const table = d.page.locator('[data-testid="campaign-tasks"]');
    await table.waitFor();
    const rows = table.locator('[data-testid="task-row"]');
    expect(await rows.count()).toBe(74);
    // As the plan prints it: task, target or time, lead, co-ordinating agencies (sorted by deadline).
    const first = await rows.filter({ hasText: 'Tiếp tục tham mưu cấp ủy Đảng' }).textContent();
    expect(first).toContain('Thực hiện thường xuyên');
    expect(first).toContain('Công an tỉnh Thanh Hóa');
    expect(first).toContain('UBND các huyện, thị xã, thành phố');
    // Regular work has no deadline in the plan: its year-end one is marked assumed; a month's is the plan's own.
    expect(
      await rows
        .filter({ hasText: 'Tiếp tục tham mưu cấp ủy Đảng' })
        .locator('[data-testid="due-assumed"]')
        .textContent(),
    ).toBe('giả định');
    expect(await table.locator('[data-testid="due-assumed"]').count()).toBe(60);
    // The Month of Action is due in June: on the programme's last day it is overdue, still open.
    const june = rows.filter({ hasText: 'Tháng hành động PCMT' });
    expect(await june.getAttribute('data-overdue')).toBe('true');
    expect(await june.locator('[data-testid="due-assumed"]').count()).toBe(0);
    // One agency's tasks: the border guard leads or co-ordinates some of them.
    await d.page.selectOption('[data-testid="task-filter-agency"]', {
      label: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh Thanh Hóa',
    });
    const border = await rows.count();
    expect(border).toBeGreaterThan(5);
    expect(border).toBeLessThan(74);
    await table.scrollIntoViewIfNeeded();
    await d.screenshot(`100-programme-tasks-${name}`);
  });
});

describe('a user of another province than the default’s', () => {
  it('opens on their own province and asks nothing of Lào Cai (no refusal on the way)', async () => {
    const chrome = await launchChromium();
    open.push(chrome);
    const d = await Dashboard.open(
      chrome.browser,
      server.url,
      '?province=thanh-hoa',
      { username: 'chihuy.thanhhoa', password: users['chihuy.thanhhoa']! },
      { width: 1366, height: 800 },
    );
    // Signed in: the dashboard opened again with no province in its address, as from a bookmark of the site.
    const asked: string[] = [];
    const refused: string[] = [];
    d.page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) asked.push(r.url());
    });
    d.page.on('response', (r) => {
      if (r.status() >= 400 && new URL(r.url()).pathname.startsWith('/api/'))
        refused.push(`${r.status()} ${r.url()}`);
    });
    await d.page.goto(`${server.url}/`);
    await d.mapIdle();
    await d.page.waitForFunction(
      () => new URLSearchParams(location.search).get('province') === 'thanh-hoa',
    );
    expect(asked.some((u) => u.includes('province=thanh-hoa'))).toBe(true);
    expect(asked.filter((u) => u.includes('lao-cai'))).toEqual([]);
    expect(refused).toEqual([]);
  });
});
