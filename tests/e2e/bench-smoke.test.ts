/**
 * `bench:smoke`: the performance harness (bench/run.ts) at tiny sizes, as CI runs it. It checks that every figure the
 * harness knows how to measure is produced and reported beside its goal, not how fast anything is.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const goals = JSON.parse(readFileSync(join(root, 'bench/goals.json'), 'utf8')) as Record<
  string,
  { label: string; built?: boolean }
>;

describe('bench:smoke', () => {
  it('produces every built figure, each next to its goal, in a Markdown report', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pcmt-bench-smoke-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/run.ts', '--smoke', '--out', out],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code, log).toBe(0);

    const result = JSON.parse(readFileSync(join(out, 'last.json'), 'utf8')) as {
      machine: Record<string, unknown>;
      figures: { key: string; value: number }[];
      failures: string[];
    };
    expect(result.failures).toEqual([]);
    expect(result.machine.nginx).toMatch(/^nginx\//);
    const built = Object.keys(goals).filter((k) => goals[k]!.built !== false);
    expect(result.figures.map((f) => f.key).sort()).toEqual([...built].sort());
    for (const f of result.figures) expect(Number.isFinite(f.value), f.key).toBe(true);
    // Ratios against nginx are positive: both sides answered.
    const ratio = result.figures.find((f) => f.key === 'answer_rps_vs_nginx')!;
    expect(ratio.value).toBeGreaterThan(0);

    const md = readFileSync(join(out, 'last.md'), 'utf8');
    for (const [key, g] of Object.entries(goals)) {
      const line = md.split('\n').find((l) => l.startsWith(`| ${g.label} |`));
      expect(line, key).toBeDefined();
      const value = line!.split('|')[2]!.trim();
      if (g.built === false) expect([value, line!.includes('not built yet')]).toEqual(['—', true]);
      else expect(value, key).toMatch(/^\d/);
    }
  }, 900_000);
});
