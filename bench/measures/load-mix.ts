/**
 * The load mix: 50 connections, 85 % reads and 15 % writes (a quota's progress), for Lào Cai's commander, on each
 * engine; interleaved with its anchor on the same server, GET /api/health (the cheapest route).
 */
import postgres from 'postgres';
import type { Figure, Options } from '../run.ts';
import { load, median, type LoadResult } from '../lib/load.ts';
import { signIn, startServer } from '../lib/server.ts';
import { adminUrl, withDatabase } from '../../tests/support/pg-url.ts';

const READS = [
  '/api/hotspots?province=lao-cai&campaign=lc-2026-p4',
  '/api/units?province=lao-cai&level=commune',
  '/api/campaigns/lc-2026-p4',
  '/api/campaigns?province=lao-cai',
  '/api/assessments?province=lao-cai',
  '/api/crossings',
];

async function mixOn(engine: 'pglite' | 'postgres', databaseUrl: string, o: Options) {
  const server = await startServer({ DATABASE_URL: databaseUrl });
  try {
    const s = await signIn(server);
    const read = (path: string) => ({ method: 'GET', path, headers: { cookie: s.cookie } });
    const write = {
      method: 'POST',
      // Progress on a quota of the 2024 peak campaign: an append, as the dashboard writes it.
      path: '/api/quotas/lc-2024-peak-q01/progress',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ recordedOn: '2024-09-15', value: 1 }),
    };
    // A round of 20 requests: 17 reads and 3 writes, each connection going round it.
    const sequence = [
      ...Array.from({ length: 17 }, (_, i) => read(READS[i % READS.length]!)),
      write,
      write,
      write,
    ];
    const mix: LoadResult[] = [];
    const anchor: LoadResult[] = [];
    for (let i = 0; i < o.runs; i++) {
      anchor.push(
        await load({
          url: server.url,
          connections: 50,
          seconds: o.seconds,
          requests: [{ method: 'GET', path: '/api/health' }],
        }),
      );
      mix.push(
        await load({ url: server.url, connections: 50, seconds: o.mixSeconds, requests: sequence }),
      );
    }
    const m = (f: (r: LoadResult) => number, rs = mix) => median(rs.map(f));
    const failed = mix.reduce((n, r) => n + r.errors5xx, 0);
    const detail = `${o.runs} runs of ${o.mixSeconds} s; p50 ${m((r) => r.p50).toFixed(0)} ms, p95 ${m((r) => r.p95).toFixed(0)} ms, p99 ${m((r) => r.p99).toFixed(0)} ms; anchor GET /api/health ${m((r) => r.rps, anchor).toFixed(0)} req/s (mix ÷ anchor ${(m((r) => r.rps) / m((r) => r.rps, anchor)).toFixed(2)}×)`;
    return {
      engine,
      rps: m((r) => r.rps),
      p95: m((r) => r.p95),
      p99: m((r) => r.p99),
      failed,
      detail,
    };
  } finally {
    await server.stop();
  }
}

export async function loadMix(o: Options): Promise<Figure[]> {
  const figures: Figure[] = [];
  const pglite = await mixOn('pglite', 'memory://', o);
  figures.push(
    { key: 'mix_pglite_rps', value: pglite.rps, detail: pglite.detail },
    {
      key: 'mix_pglite_5xx',
      value: pglite.failed,
      detail: 'answers 5xx, connection errors and timeouts',
    },
  );
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  const name = `pcmt_bench_${process.pid}_${Date.now()}`;
  try {
    await admin.unsafe(`create database ${name}`);
    const pg = await mixOn('postgres', withDatabase(name), o);
    figures.push(
      { key: 'mix_postgres_rps', value: pg.rps, detail: pg.detail },
      { key: 'mix_postgres_p95_ms', value: pg.p95, detail: pg.detail },
      { key: 'mix_postgres_p99_ms', value: pg.p99, detail: pg.detail },
      {
        key: 'mix_postgres_5xx',
        value: pg.failed,
        detail: 'answers 5xx, connection errors and timeouts',
      },
    );
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  }
  return figures;
}
