/**
 * The Lai Châu planner choosing target communes in Chromium, at desktop and phone width: filters on the date, an
 * area drawn on the map (terra-draw) that chooses the communes in it, the ranking's reasons in words, a pin that
 * moves a commune to the top, the what-if chart moving with the choice and the pace, and the plans made for it.
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
    DATABASE_URL: `file://${join(mkdtempSync(join(tmpdir(), 'pcmt-planner-')), 'db')}`,
  });
  users = demoUsers(server.output());
});
afterAll(async () => {
  for (const c of open) await c.close();
  await server?.stop();
});

async function planner(viewport: { width: number; height: number }) {
  const chrome = await launchChromium();
  open.push(chrome);
  return Dashboard.open(
    chrome.browser,
    server.url,
    '?province=lai-chau&campaign=lch-2024-2025',
    { username: 'kehoach.laichau', password: users['kehoach.laichau']! },
    viewport,
  );
}

const count = async (d: Dashboard, id: string) =>
  Number(((await d.page.textContent(`[data-testid="${id}"]`)) ?? '').replace(/\D/g, ''));
const chosenInUrl = (d: Dashboard) =>
  (new URL(d.page.url()).searchParams.get('cand') ?? '').split(',').filter(Boolean);

describe.each([
  ['desktop', { width: 1366, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const)('the planner’s candidates on %s', (name, viewport) => {
  it('filters, chooses by an area drawn on the map, reads the reasons, pins, projects and makes plans', async () => {
    const d = await planner(viewport);
    await d.page.waitForSelector('[data-testid="candidate-table"] tbody tr');
    const all = await count(d, 'shown-count');
    expect(all).toBeGreaterThan(0);
    // The first candidate's reasons, in words.
    const reasons = await d.page.textContent(
      '[data-testid="candidate-table"] tbody tr:first-child [data-testid="candidate-reasons"]',
    );
    expect(reasons).toMatch(/còn thiếu tiêu chí|chưa đánh giá 8 tiêu chí|đang là/);
    // A filter narrows the list.
    await d.page.click('[data-testid="filter-tier-type_3"]');
    await expect.poll(() => count(d, 'shown-count')).toBeLessThan(all);
    await d.page.click('[data-testid="filter-tier-type_3"]');
    await expect.poll(() => count(d, 'shown-count')).toBe(all);
    await d.screenshot(`90-planner-candidates-${name}`);

    // An area drawn around the middle of the map chooses the communes in it.
    await d.page.click('[data-testid="lasso"]');
    await d.page.waitForSelector('[data-testid="lasso-hint"]');
    const box = (await d.page.locator('.map-area canvas').boundingBox())!;
    const corners = [
      [0.3, 0.3],
      [0.7, 0.3],
      [0.7, 0.7],
      [0.3, 0.7],
    ].map(([x, y]) => [box.x + box.width * x!, box.y + box.height * y!] as const);
    for (const [x, y] of corners) {
      await d.page.mouse.click(x, y);
      await d.page.waitForTimeout(250);
    }
    await d.page.mouse.click(corners[0]![0], corners[0]![1]);
    await expect.poll(() => count(d, 'chosen-count'), { timeout: 10_000 }).toBeGreaterThan(0);
    const chosen = await count(d, 'chosen-count');
    expect(chosenInUrl(d)).toHaveLength(chosen);
    // The chosen communes are outlined on the map.
    await expect.poll(() => d.renderedCount('communes-candidate')).toBeGreaterThan(0);
    await d.screenshot(`91-planner-lasso-${name}`);

    // The what-if chart moves with the pace.
    // The chart is drawn when it comes near the screen (Plot loads then).
    await d.page.locator('[data-testid="what-if-chart"]').scrollIntoViewIfNeeded();
    await d.page.waitForSelector('[data-testid="what-if-chart"] svg');
    const slow = await d.page.textContent('[data-testid="projection-end"]');
    await d.page.fill('[data-testid="what-if-pace"]', '1');
    const slower = await d.page.textContent('[data-testid="projection-end"]');
    await d.page.fill('[data-testid="what-if-pace"]', '50');
    await expect.poll(() => d.page.textContent('[data-testid="projection-end"]')).not.toBe(slower);
    expect(
      Number((await d.page.textContent('[data-testid="projection-end"]'))!.split(/[:/]/)[1]),
    ).toBeGreaterThanOrEqual(Number(slow!.split(/[:/]/)[1]));
    const states = await d.page.$$eval('[data-testid="target"]', (rows) =>
      rows.map((r) => r.getAttribute('data-met')),
    );
    expect(states.length).toBeGreaterThanOrEqual(2);

    // A pin moves the third candidate to the top.
    const third = await d.page.getAttribute(
      '[data-testid="candidate-table"] tbody tr:nth-child(3)',
      'data-testid',
    );
    await d.page.click('[data-testid="candidate-table"] tbody tr:nth-child(3) [data-testid="pin"]');
    await expect
      .poll(() =>
        d.page.getAttribute('[data-testid="candidate-table"] tbody tr:first-child', 'data-testid'),
      )
      .toBe(third);
    expect(new URL(d.page.url()).searchParams.get('pin')).toBe(third!.replace('candidate-', ''));
    await d.page.locator('[data-testid="what-if-chart"]').scrollIntoViewIfNeeded();
    await d.screenshot(`92-planner-what-if-${name}`);

    // Plans for the chosen communes not yet in one.
    const plansBefore = (await (await d.page.request.get(`${server.url}/api/plans`)).json()).length;
    await d.page.click('[data-testid="make-plans"]');
    await d.page.waitForSelector('[data-testid="plans-made"]');
    const made = Number(await d.page.getAttribute('[data-testid="plans-made"]', 'data-made'));
    expect(await d.page.textContent('[data-testid="plans-made"]')).not.toContain('không lập được');
    const plansAfter = (await (await d.page.request.get(`${server.url}/api/plans`)).json()).length;
    expect(plansAfter - plansBefore).toBe(made);
    if (name === 'desktop') expect(made).toBeGreaterThan(0);
    expect(
      await d.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await d.screenshot(`93-planner-plans-made-${name}`);
    expect(d.errors).toEqual([]);
    expect(d.offsiteRequests).toEqual([]);
  });
});
