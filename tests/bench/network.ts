/**
 * The dashboard on slow links: Chromium (playwright-core) opens it signed in, with an empty cache, then
 * reloads it, for each role and each network profile (CDP Network.emulateNetworkConditions):
 *   fast · 3G-like (1.6 Mbit/s, 150 ms) · 400 kbit/s with 400 ms round trips.
 * Bytes are counted on the wire by a TCP proxy in front of the server (headers included, the service
 * worker's own fetches included). Times: to a usable map (the communes drawn and clickable: the sketch map,
 * or the full map when it comes first), to the full map (MapLibre's first idle with communes drawn), and to
 * everything drawn (data-idle, the basemap too).
 * The anchor, measured in the same run on the same profile: one plain download of as many bytes as the
 * first load moved. Its ratio says how much of the time is the dashboard's own (request chains, scripts,
 * drawing) rather than the bytes the link must carry anyway.
 * Goals (issue 13): first load ≤ 1.0 MB, reload ≤ 50 KB, usable map ≤ 8 s at 400 kbit/s.
 * Note: CDP throttles the page's requests; the service worker's install fetches go unthrottled (counted).
 *
 * Run: npx -y pnpm@10 build && npx -y pnpm@10 bench:network [--runs 3] [--profiles slow] [--roles chihuy.laocai]
 */
import { createServer as createHttp } from 'node:http';
import { randomBytes } from 'node:crypto';
import { connect, createServer, type AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { demoUsers, startServer } from '../support/server-process.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const RUNS = Number(arg('runs', '1'));
const PROFILES = {
  fast: { latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
  '3g': {
    latency: 150,
    downloadThroughput: (1.6e6 / 8) * 0.9,
    uploadThroughput: (750e3 / 8) * 0.9,
  },
  slow: { latency: 400, downloadThroughput: 400e3 / 8, uploadThroughput: 400e3 / 8 },
} as const;
type Profile = keyof typeof PROFILES;
const profiles = arg('profiles', 'fast,3g,slow').split(',') as Profile[];
const roles = arg('roles', 'chihuy.laocai,bienphong.laocai,kehoach.laocai').split(',');
/** Usable: the sketch map or the full map has drawn the communes (both answer clicks). */
const FULL = '[data-testid="map-summary"][data-usable="true"]';
const USABLE = `[data-testid="sketch-map"][data-usable="true"], ${FULL}`;
const GOALS = { firstLoadBytes: 1_000_000, reloadBytes: 50_000, slowUsableMs: 8000 };

/** Counts every byte between the browser and the server, both ways. */
async function byteCountingProxy(target: URL) {
  let bytes = 0;
  let last = Date.now();
  const server = createServer((client) => {
    const up = connect(Number(target.port), target.hostname);
    client.on('data', (d) => ((bytes += d.length), (last = Date.now())));
    up.on('data', (d) => ((bytes += d.length), (last = Date.now())));
    client.pipe(up).pipe(client);
    client.on('error', () => up.destroy());
    up.on('error', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reset: () => (bytes = 0),
    bytes: () => bytes,
    /** Resolves once nothing moved for `ms` (the service worker's install, late chunks). */
    quiet: async (ms: number) => {
      while (Date.now() - last < ms) await new Promise((r) => setTimeout(r, 100));
    },
    close: () => server.close(),
  };
}

/** The anchor's plain download: `n` incompressible bytes as one text answer. */
async function blobServer() {
  const server = createHttp((req, res) => {
    const n = Number(req.url!.split('/').pop()) || 0;
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
    res.end(
      randomBytes(Math.ceil((n * 3) / 4))
        .toString('base64')
        .slice(0, n),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

async function throttle(cdp: CDPSession, profile: Profile) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILES[profile] });
}

interface Sample {
  role: string;
  profile: Profile;
  firstBytes: number;
  /** Bytes moved by the time the map was usable (the rest: the basemap, the worker's install). */
  usableBytes: number;
  firstUsableMs: number;
  firstFullMs: number;
  firstIdleMs: number;
  reloadBytes: number;
  reloadUsableMs: number;
  anchorMs: number;
}

const server = await startServer({ DATABASE_URL: 'memory://' });
const proxy = await byteCountingProxy(new URL(server.url));
const blobs = await blobServer();
const passwords = demoUsers(server.output());

async function measure(role: string, profile: Profile): Promise<Sample> {
  // A fresh profile each time: an empty cache, no service worker.
  const chrome = await launchChromium();
  const context = chrome.browser;
  try {
    const page = await context.newPage();
    // Signed in beforehand (the cookie in this profile): the measure is the dashboard's own load.
    const login = await page.request.post(`${proxy.url}/api/auth/login`, {
      data: { username: role, password: passwords[role] },
    });
    if (!login.ok()) throw new Error(`login ${role}: ${login.status()}`);
    const cdp = await context.newCDPSession(page);
    await throttle(cdp, profile);
    // What the page fetched, by URL (the service worker's fetches are not the page's: not listed).
    const urls = new Map<string, string>();
    const fetched: { url: string; bytes: number }[] = [];
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) =>
      fetched.push({ url: urls.get(e.requestId) ?? '?', bytes: e.encodedDataLength }),
    );
    const t0 = Date.now();
    let usableBytes = 0;
    const open = async () => {
      await page.waitForSelector(USABLE, { state: 'attached', timeout: 180_000 });
      usableBytes = proxy.bytes();
      const usable = Date.now() - t0;
      await page.waitForSelector(FULL, { state: 'attached', timeout: 180_000 });
      const full = Date.now() - t0;
      await page.waitForSelector('[data-testid="map-summary"][data-idle="true"]', {
        state: 'attached',
        timeout: 180_000,
      });
      return { usable, full, idle: Date.now() - t0 };
    };
    proxy.reset();
    await page.goto(`${proxy.url}/?province=lao-cai`, { waitUntil: 'commit', timeout: 180_000 });
    const first = await open();
    await proxy.quiet(2500);
    const firstBytes = proxy.bytes();
    if (process.argv.includes('--detail'))
      for (const f of fetched.sort((a, b) => b.bytes - a.bytes).slice(0, 15))
        console.log(`  ${kb(f.bytes).padStart(7)} ${f.url.replace(proxy.url, '')}`);
    // The reload: the service worker is in place; hashed assets from the cache, 304s for the rest.
    proxy.reset();
    const t1 = Date.now();
    await page.reload({ waitUntil: 'commit', timeout: 180_000 });
    await page.waitForSelector(USABLE, { state: 'attached', timeout: 180_000 });
    const reloadUsableMs = Date.now() - t1;
    await proxy.quiet(2500);
    const reloadBytes = proxy.bytes();
    // The anchor: the same bytes as one plain download, on the same throttled page.
    const t2 = Date.now();
    await page.goto(`${blobs.url}/blob/${firstBytes}`, { waitUntil: 'load', timeout: 300_000 });
    const anchorMs = Date.now() - t2;
    return {
      role,
      profile,
      firstBytes,
      usableBytes,
      firstUsableMs: first.usable,
      firstFullMs: first.full,
      firstIdleMs: first.idle,
      reloadBytes,
      reloadUsableMs,
      anchorMs,
    };
  } finally {
    await chrome.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

try {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}`,
  );
  const samples: Sample[] = [];
  // Interleaved: each run goes through every role and profile before the next run starts.
  for (let run = 0; run < RUNS; run++)
    for (const profile of profiles)
      for (const role of roles) {
        const x = await measure(role, profile);
        samples.push(x);
        console.log(
          `run ${run + 1} ${profile.padEnd(4)} ${role.padEnd(17)} first ${kb(x.firstBytes)} (${kb(x.usableBytes)} to usable) usable ${s(x.firstUsableMs)} full ${s(x.firstFullMs)} idle ${s(x.firstIdleMs)} · reload ${kb(x.reloadBytes)} usable ${s(x.reloadUsableMs)} · anchor ${s(x.anchorMs)}`,
        );
      }
  console.log(
    '\nmedians                         first load                                     reload            usable ÷ anchor',
  );
  for (const profile of profiles)
    for (const role of roles) {
      const xs = samples.filter((x) => x.role === role && x.profile === profile);
      const m = (k: keyof Sample) => median(xs.map((x) => x[k] as number));
      const ratio = m('firstUsableMs') / m('anchorMs');
      const goals = [
        m('firstBytes') <= GOALS.firstLoadBytes ? 'bytes ok' : 'bytes OVER',
        m('reloadBytes') <= GOALS.reloadBytes ? 'reload ok' : 'reload OVER',
        profile !== 'slow'
          ? ''
          : m('firstUsableMs') <= GOALS.slowUsableMs
            ? 'usable ok'
            : `usable OVER (${(m('firstUsableMs') / GOALS.slowUsableMs).toFixed(2)}× the 8 s goal)`,
      ].filter(Boolean);
      console.log(
        `${profile.padEnd(4)} ${role.padEnd(17)} ${kb(m('firstBytes')).padStart(8)} (${(m('firstBytes') / GOALS.firstLoadBytes).toFixed(2)}× goal) usable ${s(m('firstUsableMs')).padStart(6)} full ${s(m('firstFullMs')).padStart(6)}  ${kb(m('reloadBytes')).padStart(6)} (${(m('reloadBytes') / GOALS.reloadBytes).toFixed(2)}× goal) ${s(m('reloadUsableMs')).padStart(6)}  ${ratio.toFixed(2)}×  ${goals.join(', ')}`,
      );
    }
} finally {
  proxy.close();
  blobs.close();
  await server.stop();
}
