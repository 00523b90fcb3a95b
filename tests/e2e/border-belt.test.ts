/**
 * A Sơn La border officer's border belt, in Chromium at desktop and phone width: the map opens on the officer's
 * own stretch with the border communes outlined, a hotspot recorded 2 km from the border (by the province's
 * commander, over the API) raises an alert in the officer's list, and the officer acknowledges it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dashboard, launchChromium } from '../support/browser.ts';
import { pointNearBorder } from '../support/border.ts';
import { demoUsers, startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let users: Record<string, string>;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startServer({
    DATABASE_URL: `file://${join(mkdtempSync(join(tmpdir(), 'pcmt-border-')), 'db')}`,
  });
  users = demoUsers(server.output());
});
afterAll(async () => {
  for (const c of open) await c.close();
  await server?.stop();
});

/** A session outside the browser: the API with its own cookie. */
async function session(username: string) {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username, password: users[username] }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await login.json()) as { csrfToken: string; today: string };
  const call = (path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: {
        cookie,
        'x-csrf-token': me.csrfToken,
        origin: server.url,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
  return { call, today: me.today };
}

async function officer(viewport: { width: number; height: number }) {
  const chrome = await launchChromium();
  open.push(chrome);
  const d = await Dashboard.open(
    chrome.browser,
    server.url,
    '?province=son-la',
    { username: 'bienphong.sonla', password: users['bienphong.sonla']! },
    viewport,
  );
  await d.page.waitForSelector('[data-testid="border-panel"]');
  await d.mapIdle();
  return d;
}

async function recordNearBorder(metres: number, kind: string) {
  const s = await session('chihuy.sonla');
  const sectors = (await s.call('/api/border/sectors?province=son-la')).body;
  const sector = sectors.features.find(
    (f: any) => f.properties.stationName === 'Đồn Biên phòng Chiềng Khương',
  );
  const borders = (await s.call('/api/borders')).body;
  const outline = (await s.call('/api/units?province=son-la&level=province')).body.features[0];
  const [lng, lat] = pointNearBorder(sector, borders, outline, metres);
  const r = await s.call('/api/hotspots', {
    kind,
    identifiedOn: s.today,
    lng,
    lat,
    note: 'Phát hiện qua tuần tra',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect(r.body.borderAlertId).toMatch(/^alert-/);
  return r.body as { id: string; borderAlertId: string };
}

describe.each([
  ['desktop', { width: 1366, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const)('the border officer on %s', (name, viewport) => {
  it('sees the own stretch and the border communes, and acknowledges an alert raised 2 km from the border', async () => {
    const d = await officer(viewport);
    const own = await d.page.textContent('[data-testid="own-stretch"]');
    expect(own).toContain('Đồn Biên phòng Chiềng Khương');
    const stretches = await d.page.$$('[data-testid="border-stretches"] li');
    expect(stretches).toHaveLength(3);
    const belt = Number(
      ((await d.page.textContent('[data-testid="belt-count"] b')) ?? '').replace(/\D/g, ''),
    );
    expect(belt).toBeGreaterThan(5);
    // The map opened on the own stretch: drawn, with border communes outlined along it.
    expect(await d.renderedCount('border-sectors-line')).toBeGreaterThanOrEqual(1);
    expect(await d.renderedCount('communes-belt')).toBeGreaterThan(0);
    // Of the province's three gates only Chiềng Khương, the station's own, is in view.
    expect(await d.renderedCount('crossings-circle')).toBe(1);
    await d.screenshot(`70-border-stretch-${name}`);

    // Only the border communes keep their colour.
    const activeAll = await d.card('hotspots-active');
    await d.page.check('[data-testid="belt-only"]');
    await d.page.waitForFunction(() => location.search.includes('belt=1'));
    await d.mapIdle();
    // The cards and the hotspot list follow: only hotspots of border communes are counted.
    await d.page.waitForSelector('[data-testid="belt-chip"]');
    expect(await d.card('hotspots-active')).toBeLessThan(activeAll);
    await d.screenshot(`71-border-communes-only-${name}`);
    await d.page.uncheck('[data-testid="belt-only"]');

    const openAlerts = async () => {
      const badge = await d.page.$('[data-testid="open-alerts"]');
      return badge ? Number(((await badge.textContent()) ?? '').replace(/\D/g, '')) : 0;
    };
    // The officer's list reads up to today, though the province's campaign ended in 2023.
    expect(await d.page.textContent('[data-testid="alerts-day"]')).toContain('(hôm nay)');
    const before = await openAlerts();
    const h = await recordNearBorder(2000, name === 'desktop' ? 'illicit_crop' : 'retail_point');
    await d.page.reload();
    await d.page.waitForSelector(`[data-testid="alert-${h.borderAlertId}"]`);
    expect(await openAlerts()).toBe(before + 1);
    const row = `[data-testid="alert-${h.borderAlertId}"]`;
    expect(await d.page.textContent(row)).toMatch(/^Mới.*(1,[89]|2(,[0-2])?) km cách biên giới/);
    await d.page.click(`${row} .alert-head`);
    await d.page.fill(`${row} textarea`, 'Tổ công tác đồn đã đến kiểm tra');
    await d.screenshot(`72-border-alert-open-${name}`);
    await d.page.click(`${row} [data-testid="alert-acknowledge"]`);
    await d.page.waitForFunction(
      (sel) => document.querySelector(sel)?.classList.contains('acknowledged'),
      row,
    );
    expect(await openAlerts()).toBe(before);
    expect(await d.page.textContent(row)).toContain('Tổ công tác đồn đã đến kiểm tra');
    await d.screenshot(`73-border-alert-acknowledged-${name}`);

    if (name === 'phone') {
      // The handle pulls the sheet up over most of the map, then down to a peek that leaves the map whole.
      const mapHeight = () =>
        d.page.evaluate(() => document.querySelector('.map-area')!.getBoundingClientRect().height);
      const half = await mapHeight();
      await d.page.click('[data-testid="sheet-handle"]');
      await d.page.waitForSelector('.shell.sheet-full');
      expect(await mapHeight()).toBeLessThan(half / 3);
      await d.page.click('[data-testid="sheet-handle"]');
      await d.page.waitForSelector('.shell.sheet-peek');
      expect(await mapHeight()).toBeGreaterThan(half * 1.4);
      await d.mapIdle();
      await d.screenshot('74-border-sheet-peek-phone');
    }
    // The page at phone width never scrolls sideways.
    const overflow = await d.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(d.errors).toEqual([]);
    expect(d.offsiteRequests).toEqual([]);
  });
});
