/**
 * A border post losing its link: the dashboard is loaded, the link drops (CDP Network.emulateNetworkConditions
 * offline), a reload still opens it read-only with the last synced time, an event logged offline waits in the
 * outbox and is sent once when the link returns; a commander's offline edit that meets a newer version from a
 * second session comes back as a conflict, shown as both versions, and is settled by the user.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dashboard, launchChromium } from '../support/browser.ts';
import { demoUsers, startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let users: Record<string, string>;
const open: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  server = await startServer({
    DATABASE_URL: `file://${join(mkdtempSync(join(tmpdir(), 'pcmt-offline-')), 'db')}`,
  });
  users = demoUsers(server.output());
});
afterAll(async () => {
  for (const c of open) await c.close();
  await server?.stop();
});

/** A second session, outside the browser: the API with its own cookie. */
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
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        origin: server.url,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
}

/** The page, and its service worker, without a link: CDP on the page, Playwright's offline for the worker. */
async function setOffline(context: BrowserContext, cdp: CDPSession, offline: boolean) {
  await cdp.send('Network.emulateNetworkConditions', {
    offline,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await context.setOffline(offline);
}

/** Signed in and loaded once, with the service worker in control and this visit's answers kept. */
async function loaded(username: string, query: string) {
  const chrome = await launchChromium();
  open.push(chrome);
  const d = await Dashboard.open(chrome.browser, server.url, query, {
    username,
    password: users[username]!,
  });
  // The worker is active, and keeps every answer this visit fetched before it was there.
  // (Polled from here: waitForFunction takes a returned promise for a truthy answer.)
  await expect
    .poll(
      () =>
        d.page.evaluate(async () => {
          const reg = await navigator.serviceWorker.getRegistration();
          if (!reg?.active) return false;
          const kept = new Set((await (await caches.open('pcmt-api')).keys()).map((r) => r.url));
          const loaded = performance
            .getEntriesByType('resource')
            .map((r) => r.name)
            .filter((u) => /^\/api\/(?!auth\/login)/.test(new URL(u).pathname));
          return loaded.length > 0 && loaded.every((u) => kept.has(u));
        }),
      { timeout: 60_000, interval: 500 },
    )
    .toBe(true);
  const cdp = await chrome.browser.newCDPSession(d.page);
  return { d, page: d.page, context: chrome.browser, cdp };
}

async function openOutbox(page: Page) {
  if ((await page.getAttribute('[data-testid="outbox-toggle"]', 'aria-expanded')) !== 'true')
    await page.click('[data-testid="outbox-toggle"]');
  await page.waitForSelector('[data-testid="outbox"]');
}

describe('offline in the browser', () => {
  it('reloads offline with the last synced data, queues an event and sends it once when the link returns', async () => {
    const { d, page, context, cdp } = await loaded(
      'bienphong.laocai',
      '?province=lao-cai&sel=crossing-01',
    );
    await page.waitForSelector('[data-testid="crossing-panel"]');
    const onlineEvents = await page.$$eval('[data-testid="crossing-events"] li', (l) => l.length);
    const loadedAt = Date.now();
    // Every refusal the page meets: the resend after the offline reload must carry the session's CSRF token.
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400 && new URL(r.url()).pathname.startsWith('/api/'))
        refused.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    });

    await setOffline(context, cdp, true);
    await page.reload();
    await d.mapIdle();
    await page.waitForSelector('[data-testid="offline-banner"]');
    // The banner stays: it does not blink (an empty outbox once called the page online, hundreds of times a minute).
    const blinks = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          let removed = 0;
          const watch = new MutationObserver((records) => {
            for (const r of records)
              for (const n of Array.from(r.removedNodes))
                if (n instanceof Element && n.matches('[data-testid="offline-banner"]')) removed++;
          });
          watch.observe(document.body, { childList: true, subtree: true });
          setTimeout(() => (watch.disconnect(), done(removed)), 3000);
        }),
    );
    expect(blinks).toBe(0);
    const banner = (await page.textContent('[data-testid="offline-banner"]'))!;
    expect(banner).toContain('Ngoại tuyến');
    // dd/mm/yyyy hh:mm in Vietnam's time, within the minute of the online load.
    const synced = (await page.textContent('[data-testid="last-synced"]'))!;
    expect(synced).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const [dd, mm, yyyy, hh, mi] = synced.split(/[/ :]/).map(Number);
    const at = Date.UTC(yyyy!, mm! - 1, dd!, hh! - 7, mi!);
    expect(Math.abs(at - loadedAt)).toBeLessThan(2 * 60_000);
    // The last synced data: the same crossing and log as online, and communes on the map.
    await d.screenshot('60-offline-reload');
    await page.waitForSelector('[data-testid="crossing-panel"]');
    expect(await page.$$eval('[data-testid="crossing-events"] li', (l) => l.length)).toBe(
      onlineEvents,
    );
    expect(await d.renderedCount('communes-fill')).toBeGreaterThan(0);
    await d.screenshot('60-offline-reload');

    const summary = 'Trao đổi thông tin qua điện thoại, không phát hiện vi phạm (ghi khi mất mạng)';
    await page.fill('[data-testid="event-form"] textarea', summary);
    await page.selectOption('[data-testid="event-form"] select', 'information_exchange');
    await page.click('[data-testid="event-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="queued-offline"]');
    // Emptied, as after a send: the same event is not typed in twice.
    expect(await page.inputValue('[data-testid="event-form"] textarea')).toBe('');
    expect(await page.textContent('[data-testid="outbox-toggle"]')).toContain('1 đang chờ');
    await openOutbox(page);
    expect(await page.getAttribute('[data-testid="outbox-item"]', 'data-state')).toBe('waiting');
    await d.screenshot('61-offline-outbox-waiting');

    await setOffline(context, cdp, false);
    await page.waitForSelector('[data-testid="outbox-item"][data-state="sent"]', {
      timeout: 30_000,
    });
    await page.waitForSelector('[data-testid="offline-banner"]', { state: 'detached' });
    // Sent on its first try: no refusal for a missing token first, and no "sign in again" note.
    expect(refused).toEqual([]);
    expect(await page.$('.connectivity .warn-text')).toBeNull();
    const attempts = await page.evaluate(
      () =>
        new Promise<number[]>((done) => {
          const open = indexedDB.open('pcmt-outbox');
          open.onsuccess = () => {
            const all = open.result.transaction('outbox').objectStore('outbox').getAll();
            all.onsuccess = () => done(all.result.map((e: { attempts: number }) => e.attempts));
          };
        }),
    );
    expect(attempts).toEqual([1]);
    const api = await session('bienphong.laocai');
    const crossing = await api('/api/crossings/crossing-01');
    expect(crossing.body.events.filter((e: any) => e.summary === summary)).toHaveLength(1);
    // A second replay (the link flapping) writes nothing more.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForTimeout(1000);
    const again = await api('/api/crossings/crossing-01');
    expect(again.body.events.filter((e: any) => e.summary === summary)).toHaveLength(1);
    await d.screenshot('62-offline-outbox-sent');
    expect(d.errors).toEqual([]);
  });

  it('opens offline a crossing never opened online: its own from what was kept, else the list and the forms', async () => {
    // Loaded on the map alone: no crossing opened. crossing-01 and -02 are the station's own, crossing-03 another's.
    const { d, page, context, cdp } = await loaded('bienphong.laocai', '?province=lao-cai');
    // The station's crossings are read after the map draws, so that the worker keeps them.
    const kept = () =>
      page.evaluate(async () =>
        (await (await caches.open('pcmt-api')).keys()).map((r) => new URL(r.url).pathname),
      );
    await expect
      .poll(kept, { timeout: 60_000, interval: 500 })
      .toEqual(
        expect.arrayContaining(['/api/crossings/crossing-01', '/api/crossings/crossing-02']),
      );
    expect(await kept()).not.toContain('/api/crossings/crossing-03');
    const api = await session('bienphong.laocai');
    const online = (await api('/api/crossings/crossing-01')).body;
    // crossing-02's kept copy is lost (a full disk, a cleared cache): the panel must still let the post log.
    await page.evaluate(async () => {
      const cache = await caches.open('pcmt-api');
      for (const r of await cache.keys())
        if (new URL(r.url).pathname === '/api/crossings/crossing-02') await cache.delete(r);
    });

    await setOffline(context, cdp, true);
    await page.goto(`${server.url}/?province=lao-cai&sel=crossing-01`);
    await page.waitForSelector('[data-testid="offline-banner"]');
    await page.waitForSelector('[data-testid="crossing-panel"]:not([data-kept])');
    expect(await page.textContent('[data-testid="crossing-panel"] h3')).toBe(online.name);
    // The log as of the dashboard's date (the panel's heading says which): the kept copy's, as the server has it.
    const until = (await page.textContent('[data-testid="events-until"]'))!.match(
      /(\d{2})\/(\d{2})\/(\d{4})/,
    )!;
    const asOf = `${until[3]}-${until[2]}-${until[1]}`;
    const expected = online.events.filter((e: any) => e.occurredOn <= asOf).length;
    expect(expected).toBeGreaterThan(0);
    expect(await page.$$eval('[data-testid="crossing-events"] li', (l) => l.length)).toBe(
      Math.min(20, expected),
    );
    expect(await page.$('[data-testid="event-form"]')).not.toBeNull();
    // The seizure charts draw from the kept chart code (never drawn online in this browser), and the counterpart's
    // names from the kept fonts; the offline state is on the map too, the panel's banner being scrolled away.
    const chart = page.locator('[data-testid^="seizure-chart-"]').first();
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('svg').first().waitFor({ timeout: 30_000 });
    expect(await page.$('[data-testid="chart-not-kept"]')).toBeNull();
    expect(await page.textContent('[data-testid="offline-map-badge"]')).toMatch(
      /Ngoại tuyến · đồng bộ lần cuối \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
    );
    // The pieces of the Chinese font the names use were fetched and kept: loaded here without a link.
    expect(await page.textContent('[data-testid="gate-local"]')).toBe('河口');
    await expect
      .poll(() =>
        page.evaluate(async () => {
          await document.fonts.ready;
          let loaded = 0;
          document.fonts.forEach((f) => {
            if (f.family.replace(/"/g, '') === 'Noto Sans SC' && f.status === 'loaded') loaded++;
          });
          return loaded;
        }),
      )
      .toBeGreaterThan(0);

    // Its details not kept: the name from the list, the note in Vietnamese, and the event form, which queues.
    await page.goto(`${server.url}/?province=lao-cai&sel=crossing-02`);
    await page.waitForSelector('[data-testid="crossing-not-kept"]');
    let panel = (await page.textContent('[data-testid="crossing-panel"]'))!;
    expect(panel).toContain('chưa được lưu trên máy');
    expect(panel).not.toMatch(/TypeError|Failed to fetch/);
    const summary =
      'Tuần tra song phương đoạn mốc 92–93 (ghi khi mất mạng, chưa mở cửa khẩu trước đó)';
    await page.fill('[data-testid="event-form"] textarea', summary);
    await page.selectOption('[data-testid="event-form"] select', 'information_exchange');
    await page.click('[data-testid="event-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="queued-offline"]');
    await d.screenshot('66-offline-crossing-not-kept');

    // Another station's crossing, never read: said in Vietnamese, and no forms (not its station).
    await page.goto(`${server.url}/?province=lao-cai&sel=crossing-03`);
    await page.waitForSelector('[data-testid="crossing-not-kept"]');
    panel = (await page.textContent('[data-testid="crossing-panel"]'))!;
    expect(panel).not.toMatch(/TypeError|Failed to fetch/);
    expect(await page.$('[data-testid="event-form"]')).toBeNull();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await d.screenshot('66b-offline-crossing-not-kept-phone');

    await setOffline(context, cdp, false);
    await page.waitForSelector('[data-testid="outbox-toggle"]');
    await expect
      .poll(
        async () =>
          (await api('/api/crossings/crossing-02')).body.events.filter(
            (e: any) => e.summary === summary,
          ).length,
        { timeout: 30_000, interval: 500 },
      )
      .toBe(1);
    expect(d.errors).toEqual([]);
  });

  it('turns an offline edit that meets a newer version into a conflict the commander settles', async () => {
    const api = await session('chihuy.laocai');
    const fc = await api(
      '/api/hotspots?province=lao-cai&asOf=2024-10-31&since=2024-09-01&status=active',
    );
    const target = fc.body.features[1];
    const { d, page, context, cdp } = await loaded(
      'chihuy.laocai',
      `?province=lao-cai&campaign=lc-2024-peak&phase=lc-2024-peak-p1&sel=${target.id}`,
    );
    await page.waitForSelector('[data-testid="hotspot-panel"]');

    await setOffline(context, cdp, true);
    await page.click('[data-testid="hotspot-edit-open"]');
    await page.fill('[data-testid="hotspot-edit"] textarea', 'Kiểm tra lại vị trí (ngoại tuyến)');
    await page.click('[data-testid="hotspot-edit-save"]');
    await page.waitForSelector('[data-testid="queued-offline"]');

    // Meanwhile, a second session edits the same hotspot.
    const other = await api(`/api/hotspots/${target.id}`, {
      method: 'PATCH',
      body: { version: target.properties.version, note: 'Sửa từ phiên thứ hai' },
    });
    expect(other.status).toBe(200);

    await setOffline(context, cdp, false);
    // Replayed: the outbox marks the conflict (and opens by itself); then it is read.
    await page.waitForSelector('[data-testid="outbox-toggle"].attention', { timeout: 30_000 });
    await openOutbox(page);
    await page.waitForSelector('[data-testid="outbox-item"][data-state="conflict"]');
    const versions = (await page.textContent('[data-testid="outbox-versions"]'))!;
    expect(versions).toContain('Kiểm tra lại vị trí (ngoại tuyến)');
    expect(versions).toContain(`v${target.properties.version + 1}`);
    expect(await page.textContent('[data-testid="outbox-toggle"]')).toContain('xung đột');
    await d.screenshot('63-offline-conflict');

    await page.click('[data-testid="outbox-item"][data-state="conflict"] button.primary');
    await page.waitForSelector('[data-testid="outbox-item"][data-state="sent"]', {
      timeout: 30_000,
    });
    const after = await api(
      '/api/hotspots?province=lao-cai&asOf=2024-10-31&since=2024-09-01&status=active',
    );
    const h = after.body.features.find((f: any) => f.id === target.id);
    expect(h.properties.version).toBe(target.properties.version + 2);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await d.screenshot('64-offline-conflict-phone');
    expect(d.errors).toEqual([]);
  });

  it('switches to lite mode by hand: no basemap, fewer layers, the communes still drawn', async () => {
    const chrome = await launchChromium();
    open.push(chrome);
    const d = await Dashboard.open(chrome.browser, server.url, '?province=lao-cai', {
      username: 'bienphong.laocai',
      password: users['bienphong.laocai']!,
    });
    const basemapAsked: string[] = [];
    d.page.on('request', (r) => r.url().includes('/api/basemap') && basemapAsked.push(r.url()));
    await d.page.click('[data-testid="lite-toggle"]');
    await d.page.waitForSelector('main.map-area.lite');
    await d.mapIdle();
    expect(await d.renderedCount('communes-fill')).toBeGreaterThan(0);
    await d.page.reload();
    await d.mapIdle();
    expect(await d.page.isChecked('[data-testid="lite-toggle"]')).toBe(true);
    expect(basemapAsked).toEqual([]);
    await d.page.setViewportSize({ width: 390, height: 844 });
    await d.page.waitForTimeout(300);
    await d.screenshot('65-lite-mode-phone');
    expect(d.errors).toEqual([]);
  });
});
