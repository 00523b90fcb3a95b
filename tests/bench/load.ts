/**
 * Load: 50 connections against the real server, 85 % reads and 15 % writes (quota progress), for a
 * commander of Lào Cai. Prints req/s, p50/p95/p99 latency and the count of 5xx, and the same run against
 * an anchor measured in the same run (GET /api/health, the cheapest route) as ratios.
 * Run: npx -y pnpm@10 bench:load [seconds]   (DATABASE_URL=postgres://… for PostgreSQL; PGlite in memory otherwise)
 */
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import { demoUsers, startServer } from '../support/server-process.ts';

const SECONDS = Number(process.argv[2] ?? 15);
const server = await startServer({ DATABASE_URL: process.env.DATABASE_URL ?? 'memory://' });
try {
  const password = demoUsers(server.output())['chihuy.laocai']!;
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'chihuy.laocai', password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  // Progress on a quota of the 2024 peak campaign (1 Sep – 31 Oct 2024): an append, as the dashboard writes it.
  const quota = 'lc-2024-peak-q01';
  const read = (path: string) => ({ method: 'GET' as const, path, headers: { cookie } });
  const reads = [
    '/api/hotspots?province=lao-cai&campaign=lc-2026-p4',
    '/api/units?province=lao-cai&level=commune',
    '/api/campaigns/lc-2026-p4',
    '/api/campaigns?province=lao-cai',
    '/api/assessments?province=lao-cai',
    '/api/crossings',
  ].map(read);
  const write = {
    method: 'POST' as const,
    path: `/api/quotas/${quota}/progress`,
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ recordedOn: '2024-09-15', value: 1 }),
  };
  // A sequence of 20: 17 reads and 3 writes, each connection going round it.
  const sequence = [
    ...Array.from({ length: 17 }, (_, i) => reads[i % reads.length]!),
    write,
    write,
    write,
  ];
  /** One run; every answer's time and status are kept, so p95 and the 5xx count are exact. */
  const run = async (requests: object[]) => {
    const times: number[] = [];
    let errors5xx = 0;
    const instance = autocannon({
      url: server.url,
      connections: 50,
      duration: SECONDS,
      requests: requests as never,
    }) as unknown as EventEmitter & Promise<autocannon.Result>;
    instance.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
      times.push(ms);
      if (status >= 500) errors5xx++;
    });
    const result = await instance;
    times.sort((x, y) => x - y);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
    return { rps: result.requests.average, p50: p(0.5), p95: p(0.95), p99: p(0.99), errors5xx };
  };
  const anchor = await run([{ method: 'GET', path: '/api/health' }]);
  const mix = await run(sequence);
  const row = (name: string, r: Awaited<ReturnType<typeof run>>) =>
    `${name.padEnd(22)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(0)} ms  p95 ${r.p95.toFixed(0)} ms  p99 ${r.p99.toFixed(0)} ms  5xx ${r.errors5xx}`;
  console.log(row('anchor GET /api/health', anchor));
  console.log(row('85/15 read/write mix', mix));
  const ratio = (a: number, b: number) => (a / Math.max(b, 1e-9)).toFixed(2);
  console.log(
    `ratios (mix / anchor): throughput ${ratio(mix.rps, anchor.rps)}×, p50 ${ratio(mix.p50, anchor.p50)}×, p95 ${ratio(mix.p95, anchor.p95)}×, p99 ${ratio(mix.p99, anchor.p99)}×`,
  );
} finally {
  await server.stop();
}
