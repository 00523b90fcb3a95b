/**
 * The embedded start, as the README's start command runs it (minus the build): cold on an empty directory
 * (migrations and the demo), warm on the same directory again; each interleaved with its anchor, a bare Node process
 * that loads tsx and exits (the cost of starting any TypeScript process here).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Figure, Options } from '../run.ts';
import { median } from '../lib/load.ts';
import { startServer } from '../lib/server.ts';

async function timedStart(dir: string): Promise<number> {
  const t0 = performance.now();
  const server = await startServer({ DATABASE_URL: `file://${dir}` });
  const s = (performance.now() - t0) / 1000;
  await server.stop();
  return s;
}

function bareNode(): number {
  const t0 = performance.now();
  spawnSync(process.execPath, ['--import', 'tsx', '-e', ''], { stdio: 'ignore' });
  return (performance.now() - t0) / 1000;
}

export async function start(o: Options): Promise<Figure[]> {
  const cold: number[] = [];
  const warm: number[] = [];
  const anchor: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    const dir = join(mkdtempSync(join(tmpdir(), 'pcmt-start-')), 'db');
    try {
      anchor.push(bareNode());
      cold.push(await timedStart(dir));
      warm.push(await timedStart(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const a = median(anchor);
  const detail = (xs: number[]) =>
    `runs ${xs.map((x) => x.toFixed(1)).join(', ')} s; anchor: Node with tsx, empty script ${a.toFixed(2)} s (÷ ${(median(xs) / a).toFixed(1)}×)`;
  return [
    { key: 'start_cold_s', value: median(cold), detail: detail(cold) },
    { key: 'start_warm_s', value: median(warm), detail: detail(warm) },
  ];
}
