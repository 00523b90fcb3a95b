/**
 * The sketch map: the province drawn as SVG from the data the dashboard already holds, before MapLibre (350 KB)
 * arrives on a slow link, and instead of it where the full map cannot load. It colours the communes as the full
 * map does, draws hotspots and crossings, answers a click with the same selection, and hands a move to the full
 * map as the URL's camera.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIER_COLORS } from '@pcmt/web/map/styles.ts';
import { launchChromium, SCREENSHOTS } from '../support/browser.ts';
import { demoUsers, startServer, type RunningServer } from '../support/server-process.ts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

let server: RunningServer;
let users: Record<string, string>;
let chrome: { browser: BrowserContext; close(): Promise<void> };

beforeAll(async () => {
  server = await startServer({ DATABASE_URL: 'memory://' });
  users = demoUsers(server.output());
  chrome = await launchChromium();
});
afterAll(async () => {
  await chrome?.close();
  await server?.stop();
});

async function signedIn(username: string, viewport = { width: 1400, height: 880 }) {
  const page = await chrome.browser.newPage();
  await page.setViewportSize(viewport);
  const login = await page.request.post(`${server.url}/api/auth/login`, {
    data: { username, password: users[username] },
  });
  expect(login.status()).toBe(200);
  return page;
}
const shot = async (page: Page, name: string) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
};
const legendTotal = (page: Page) =>
  page.$$eval('[data-testid^="legend-tier-"] .count', (xs) =>
    xs.reduce((s, x) => s + Number(x.textContent!.replace(/\D/g, '')), 0),
  );

describe('the sketch map', () => {
  it('stays usable where the full map cannot load: communes by tier, hotspots, crossings, a click selects', async () => {
    // MapLibre's chunk never arrives (a dropped link, a proxy refusing it).
    await chrome.browser.route('**/assets/map-view-*', (r) => r.abort());
    try {
      for (const [viewport, name] of [
        [{ width: 1400, height: 880 }, '114-sketch-map-desktop'],
        [{ width: 390, height: 844 }, '114b-sketch-map-phone'],
      ] as const) {
        const page = await signedIn('chihuy.laocai', viewport);
        await page.goto(`${server.url}/?province=lao-cai`);
        await page.waitForSelector('[data-testid="sketch-map"][data-usable="true"]');
        await page.waitForSelector('[data-testid="legend"]');
        // Told why it is the sketch: the full map could not load.
        await page.waitForFunction(() =>
          document
            .querySelector('.sketch-note')
            ?.textContent?.includes('chưa tải hoặc chưa vẽ được'),
        );
        // Every commune of the legend is drawn, in a tier colour; hotspots and crossings too.
        const communes = await page.$$eval('.sketch-commune', (ps) =>
          ps.map((p) => ({ id: p.getAttribute('data-id')!, fill: p.getAttribute('fill')! })),
        );
        expect(communes.length).toBe(await legendTotal(page));
        expect(communes.length).toBeGreaterThan(100);
        const tierColours = new Set(Object.values(TIER_COLORS));
        for (const c of communes) expect(tierColours.has(c.fill), c.id).toBe(true);
        expect(new Set(communes.map((c) => c.fill)).size).toBeGreaterThan(2);
        expect(await page.locator('[data-testid="sketch-map"] circle').count()).toBeGreaterThan(10);
        expect(await page.locator('[data-testid="sketch-map"] rect').count()).toBeGreaterThan(3);
        const label = await page.getAttribute('[data-testid="sketch-map"] svg', 'aria-label');
        expect(label).toContain(`${communes.length} xã`);

        // A click on a commune selects it: the URL and the commune's panel, and its outline on the sketch.
        const target = page.locator('.sketch-commune').nth(40);
        const id = await target.getAttribute('data-id');
        const unitName = (await target.locator('title').textContent())!.split(' · ')[0]!;
        // A point of the screen where the commune itself is on top (not a hotspot, not a neighbour).
        const at = await target.evaluate((path) => {
          const r = path.getBoundingClientRect();
          for (let i = 1; i < 20; i++)
            for (let j = 1; j < 20; j++) {
              const [x, y] = [r.left + (r.width * i) / 20, r.top + (r.height * j) / 20];
              if (document.elementFromPoint(x, y) === path) return { x, y };
            }
          return null;
        });
        expect(at).not.toBeNull();
        await page.mouse.click(at!.x, at!.y);
        await page.waitForFunction((x) => location.search.includes(`sel=${x}`), id);
        await page.waitForSelector(`[data-testid="unit-panel"] h3:has-text("${unitName}")`);
        expect(await page.locator('.sketch-selected').count()).toBe(1);

        // The wheel zooms in (d3-zoom); the move is written as the camera the full map will open on.
        const box = (await page.locator('[data-testid="sketch-map"] svg').boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, -400);
        await page.waitForFunction(() => new URLSearchParams(location.search).has('map'));
        const [zoom, lat, lng] = new URL(page.url()).searchParams
          .get('map')!
          .split('/')
          .map(Number);
        // Closer than the province's fit (the wheel's 1.74×), still on Lào Cai.
        const k = await page.$eval('[data-testid="sketch-map"] svg > g', (g) =>
          Number(/scale\(([\d.]+)\)/.exec(g.getAttribute('transform')!)![1]),
        );
        expect(k).toBeGreaterThan(1.5);
        expect(zoom).toBeGreaterThan(7);
        expect(zoom).toBeLessThan(12);
        expect(lat).toBeGreaterThan(21.8);
        expect(lat).toBeLessThan(23);
        expect(lng).toBeGreaterThan(103.5);
        expect(lng).toBeLessThan(104.8);
        await shot(page, name);
        await page.close();
      }
    } finally {
      await chrome.browser.unroute('**/assets/map-view-*');
    }
  });

  it('comes first on a slow link and steps aside for the full map, which keeps the selection', async () => {
    const page = await signedIn('bienphong.laocai');
    const cdp = await chrome.browser.newCDPSession(page);
    await cdp.send('Network.enable');
    // 3G-like: the province's data is in well before MapLibre and its worker.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6e6 / 8) * 0.9,
      uploadThroughput: (750e3 / 8) * 0.9,
    });
    // MapLibre's chunk is held until the officer has used the sketch (on this link it could otherwise land
    // while the test clicks); then it goes through.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/assets/map-view-*', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/?province=lao-cai`);
    await page.waitForSelector('[data-testid="sketch-map"][data-usable="true"]', {
      timeout: 60_000,
    });
    // The full map has not drawn yet: the sketch is what the officer uses meanwhile.
    expect(await page.$('[data-testid="map-summary"][data-usable="true"]')).toBeNull();
    expect(await page.textContent('.sketch-note')).toContain('đang tải');
    await shot(page, '115-sketch-map-slow-link');
    // The station's own crossing: its panel and event form open from the sketch.
    const crossing = page.locator('[data-testid="sketch-map"] rect[data-id="crossing-01"]');
    const sel = await crossing.getAttribute('data-id');
    expect(sel).toBe('crossing-01');
    await crossing.click({ force: true });
    await page.waitForFunction((x) => new URLSearchParams(location.search).get('sel') === x, sel);
    // A joint patrol's track needs the full map: asked for now, the tool says it is opening, and opens at handover.
    await page.waitForSelector('[data-testid="event-form"]', { timeout: 60_000 });
    await page.selectOption('[data-testid="event-form"] select', 'joint_patrol');
    await page.click('[data-testid="track-draw"]');
    expect(await page.textContent('[data-testid="event-track"]')).toContain('Đang mở công cụ vẽ');
    // A move on the sketch: the full map must open there, not on its own fit.
    const box = (await page.locator('[data-testid="sketch-map"] svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction(() => new URLSearchParams(location.search).has('map'));
    const moved = new URL(page.url()).searchParams.get('map');
    release();
    // The full map takes over; the sketch is gone, the choice stays.
    await page.waitForSelector('[data-testid="map-summary"][data-usable="true"]', {
      state: 'attached',
      timeout: 120_000,
    });
    await page.waitForSelector('[data-testid="sketch-map"]', { state: 'detached' });
    await page.waitForSelector('[data-testid="draw-hint"]', { timeout: 30_000 });
    await page.click('[data-testid="event-track"] button');
    await page.waitForSelector('[data-testid="track-draw"]');
    expect(new URL(page.url()).searchParams.get('sel')).toBe(sel);
    expect(new URL(page.url()).searchParams.get('map')).toBe(moved);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.close();
  });
});
