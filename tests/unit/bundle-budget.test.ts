/**
 * The build's budget check fails a build whose sketch map (the entry, its imports, the sketch's chunk) or full map
 * (MapLibre's chunk and worker) grows past its budget, and only then; lazy screens count in neither.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '..', '..', 'scripts', 'check-bundle-budget.mjs');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Sizes {
  entry: number;
  sketch: number;
  maplibre: number;
  worker: number;
  lazy: number;
}
/** A built dist as Vite's manifest names it, each file with a .br of the given size in KB. */
function dist(kb: Sizes) {
  dir = mkdtempSync(join(tmpdir(), 'budget-'));
  mkdirSync(join(dir, '.vite'), { recursive: true });
  mkdirSync(join(dir, 'assets'));
  const file = (name: string, size: number) => {
    writeFileSync(join(dir, 'assets', name), 'x');
    // Random bytes: what brotli output looks like, and nothing the script could compress further.
    writeFileSync(join(dir, 'assets', `${name}.br`), randomBytes(Math.round(size * 1024)));
  };
  file('index-AAAAAAAA.js', kb.entry);
  file('sketch-map-EEEEEEEE.js', kb.sketch);
  file('map-view-FFFFFFFF.js', 3);
  file('maplibre-BBBBBBBB.js', kb.maplibre);
  file('export-CCCCCCCC.js', kb.lazy);
  file('maplibre-gl-worker-DDDDDDDD.mjs', kb.worker);
  writeFileSync(
    join(dir, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': {
        file: 'assets/index-AAAAAAAA.js',
        isEntry: true,
        dynamicImports: ['src/export.tsx', 'src/map/sketch-map.tsx', 'src/map/map-view.tsx'],
      },
      'src/map/sketch-map.tsx': {
        file: 'assets/sketch-map-EEEEEEEE.js',
        isDynamicEntry: true,
        imports: ['index.html'],
      },
      'src/map/map-view.tsx': {
        file: 'assets/map-view-FFFFFFFF.js',
        isDynamicEntry: true,
        imports: ['index.html', '_maplibre.js'],
      },
      '_maplibre.js': { file: 'assets/maplibre-BBBBBBBB.js' },
      'src/export.tsx': { file: 'assets/export-CCCCCCCC.js', isDynamicEntry: true },
    }),
  );
  return dir;
}

const ok: Sizes = { entry: 100, sketch: 25, maplibre: 230, worker: 120, lazy: 900 };

describe('bundle budget', () => {
  it('passes both stages under their budgets however large the lazy chunks are', () => {
    const out = execFileSync('node', [script, dist(ok)]).toString();
    expect(out).toMatch(/sketch map JS\+CSS: 125\.0 KB of a \d+ KB budget/);
    // The full map: MapLibre, its worker and map-view's own 3 KB; the entry is not counted twice.
    expect(out).toMatch(/full map JS\+CSS: 353\.0 KB of a \d+ KB budget/);
    expect(out).not.toContain('export-CCCCCCCC');
  });

  it('fails the build when the entry, the sketch, MapLibre or its worker grows past its stage', () => {
    for (const [grown, stage] of [
      [{ entry: 200 }, 'sketch'],
      [{ sketch: 100 }, 'sketch'],
      [{ maplibre: 330 }, 'full'],
      [{ worker: 220 }, 'full'],
    ] as const) {
      const r = spawnSync('node', [script, dist({ ...ok, ...grown })]);
      expect(r.status, JSON.stringify(grown)).toBe(1);
      expect(r.stderr.toString()).toContain(`the ${stage} map's budget is exceeded`);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to count a build whose sketch map is not a chunk of its own', () => {
    const d = dist(ok);
    const manifestPath = join(d, '.vite', 'manifest.json');
    const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
    delete m['src/map/sketch-map.tsx'];
    writeFileSync(manifestPath, JSON.stringify(m));
    const r = spawnSync('node', [script, d]);
    expect(r.status).toBe(1);
    expect(r.stderr.toString()).toContain('src/map/sketch-map.tsx is not a chunk of its own');
  });
});
