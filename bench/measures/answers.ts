/**
 * A cached list answer against nginx serving the same bytes, and the same answer with the cache off. Three servers
 * at once: nginx, ours, ours with ANSWER_CACHE_MB=0; the runs are interleaved. Also the embedded server's RSS after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figure, Options } from '../run.ts';
import { load, median, type LoadResult } from '../lib/load.ts';
import { startNginx } from '../lib/nginx.ts';
import { rssMb, signIn, startServer } from '../lib/server.ts';

/** The commander's biggest list: every hotspot of Lào Cai's current campaign with its state (about 60 KB). */
const PATH = '/api/hotspots?province=lao-cai&campaign=lc-2026-p4';

export async function answers(o: Options): Promise<Figure[]> {
  // On disk, as the README's start runs it: in memory the database's pages would count in the server's RSS.
  const dir = mkdtempSync(join(tmpdir(), 'pcmt-bench-'));
  const [cached, uncached] = await Promise.all([
    startServer({ DATABASE_URL: `file://${join(dir, 'a')}` }),
    startServer({ DATABASE_URL: `file://${join(dir, 'b')}`, ANSWER_CACHE_MB: '0' }),
  ]);
  try {
    const [s1, s2] = await Promise.all([signIn(cached), signIn(uncached)]);
    const headers = (cookie: string) => ({ cookie, 'accept-encoding': 'br' });
    const first = await fetch(cached.url + PATH, { headers: headers(s1.cookie) });
    const bytes = new Uint8Array(await first.arrayBuffer());
    const again = await fetch(cached.url + PATH, { headers: headers(s1.cookie) });
    if (again.headers.get('X-Answer-Cache') !== 'hit') throw new Error('the answer was not kept');
    await again.arrayBuffer();
    const nginx = await startNginx({
      [PATH.split('?')[0]!]: {
        bytes,
        headers: {
          'content-type': first.headers.get('content-type')!,
          'Content-Encoding': first.headers.get('content-encoding') ?? 'identity',
          'Cache-Control': 'private, no-cache',
          Vary: 'Accept-Encoding',
        },
      },
    });
    try {
      const run = (url: string, cookie: string) => () =>
        load({
          url,
          connections: 10,
          seconds: o.seconds,
          requests: [{ method: 'GET', path: PATH, headers: headers(cookie) }],
        });
      const fromNginx: LoadResult[] = [];
      const ours: LoadResult[] = [];
      const off: LoadResult[] = [];
      const floor: LoadResult[] = [];
      // Node's own floor: the dashboard's page, from memory, no session and no database (what any answer costs).
      const page = () =>
        load({
          url: cached.url,
          connections: 10,
          seconds: o.seconds,
          requests: [{ method: 'GET', path: '/', headers: { 'accept-encoding': 'br' } }],
        });
      for (let i = 0; i < o.runs; i++) {
        fromNginx.push(await run(nginx.url, '')());
        ours.push(await run(cached.url, s1.cookie)());
        off.push(await run(uncached.url, s2.cookie)());
        floor.push(await page());
      }
      const bad = [...ours, ...off, ...floor].reduce((n, r) => n + r.non2xx + r.errors5xx, 0);
      if (bad) throw new Error(`${bad} answers were not 200 during the runs`);
      const rps = (rs: LoadResult[]) => median(rs.map((r) => r.rps));
      const p50 = (rs: LoadResult[]) => median(rs.map((r) => r.p50));
      const anchor = `nginx ${rps(fromNginx).toFixed(0)} req/s, p50 ${p50(fromNginx).toFixed(1)} ms; ${bytes.length} bytes (${first.headers.get('content-encoding')})`;
      return [
        {
          key: 'answer_rps_vs_nginx',
          value: rps(ours) / rps(fromNginx),
          detail: `ours ${rps(ours).toFixed(0)} req/s; ${anchor}`,
        },
        {
          key: 'answer_p50_vs_nginx',
          value: p50(ours) / Math.max(p50(fromNginx), 0.01),
          detail: `ours p50 ${p50(ours).toFixed(1)} ms; ${anchor}`,
        },
        {
          key: 'uncached_rps_vs_nginx',
          value: rps(off) / rps(fromNginx),
          detail: `cache off ${rps(off).toFixed(0)} req/s, p50 ${p50(off).toFixed(1)} ms`,
        },
        {
          key: 'node_floor_rps_vs_nginx',
          value: rps(floor) / rps(fromNginx),
          detail: `the page from memory ${rps(floor).toFixed(0)} req/s, p50 ${p50(floor).toFixed(1)} ms: the most a Node answer can reach here`,
        },
        {
          key: 'rss_after_reads_mb',
          value: rssMb(cached.process.pid!),
          detail: `after ${o.runs} runs of ${o.seconds} s of reads (PGlite on disk, the demo loaded)`,
        },
      ];
    } finally {
      await nginx.stop();
    }
  } finally {
    await Promise.all([cached.stop(), uncached.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}
