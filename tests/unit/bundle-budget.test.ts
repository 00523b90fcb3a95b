/** The build's first-load budget check fails a build whose first load grows past the budget, and only then. */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '..', '..', 'scripts', 'check-bundle-budget.mjs');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A built dist: an entry importing `shared`, a lazy chunk, and the worker, each with a .br of the given size. */
function dist(kb: { entry: number; shared: number; lazy: number; worker: number }) {
  dir = mkdtempSync(join(tmpdir(), 'budget-'));
  mkdirSync(join(dir, '.vite'), { recursive: true });
  mkdirSync(join(dir, 'assets'));
  const file = (name: string, size: number) => {
    writeFileSync(join(dir, 'assets', name), 'x');
    // Random bytes: what brotli output looks like, and nothing the script could compress further.
    writeFileSync(join(dir, 'assets', `${name}.br`), randomBytes(Math.round(size * 1024)));
  };
  file('index-AAAAAAAA.js', kb.entry);
  file('maplibre-BBBBBBBB.js', kb.shared);
  file('export-CCCCCCCC.js', kb.lazy);
  file('maplibre-gl-worker-DDDDDDDD.mjs', kb.worker);
  writeFileSync(
    join(dir, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': {
        file: 'assets/index-AAAAAAAA.js',
        isEntry: true,
        imports: ['_maplibre.js'],
        dynamicImports: ['src/export.tsx'],
      },
      '_maplibre.js': { file: 'assets/maplibre-BBBBBBBB.js' },
      'src/export.tsx': { file: 'assets/export-CCCCCCCC.js', isDynamicEntry: true },
    }),
  );
  return dir;
}

describe('bundle budget', () => {
  it('passes a first load under the budget however large the lazy chunks are', () => {
    const out = execFileSync('node', [
      script,
      dist({ entry: 90, shared: 230, lazy: 900, worker: 120 }),
    ]).toString();
    expect(out).toMatch(/first-load JS\+CSS: 440\.0 KB of a \d+ KB budget/);
    expect(out).not.toContain('export-CCCCCCCC');
  });

  it('fails the build when the entry, what it imports, or the worker grows past it', () => {
    for (const sizes of [
      { entry: 200, shared: 230, lazy: 1, worker: 120 },
      { entry: 90, shared: 330, lazy: 1, worker: 120 },
      { entry: 90, shared: 230, lazy: 1, worker: 220 },
    ]) {
      const r = spawnSync('node', [script, dist(sizes)]);
      expect(r.status, JSON.stringify(sizes)).toBe(1);
      expect(r.stderr.toString()).toContain('bundle budget exceeded');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
