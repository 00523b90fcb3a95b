/** One autocannon run: every answer's time and status are kept, so the percentiles and the 5xx count are exact. */
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors5xx: number;
  non2xx: number;
  requests: number;
}

export async function load(opts: {
  url: string;
  connections: number;
  seconds: number;
  requests: object[];
}): Promise<LoadResult> {
  const times: number[] = [];
  let errors5xx = 0;
  let non2xx = 0;
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    requests: opts.requests as never,
  }) as unknown as EventEmitter & Promise<autocannon.Result>;
  instance.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
    times.push(ms);
    if (status >= 500) errors5xx++;
    if (status < 200 || status > 299) non2xx++;
  });
  const result = await instance;
  times.sort((x, y) => x - y);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return {
    rps: times.length / opts.seconds,
    p50: p(0.5),
    p95: p(0.95),
    p99: p(0.99),
    errors5xx: errors5xx + result.errors + result.timeouts,
    non2xx,
    requests: times.length,
  };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
