#!/usr/bin/env node
/**
 * The first-load budgets of the dashboard, checked after every `vite build`, counted as the brotli bytes the
 * server sends (the .br files beside the assets). Two stages, each with its budget:
 * - the sketch map: what a browser with an empty cache fetches before the map is usable — the entry chunk, the
 *   chunks it imports statically, their CSS, and the sketch map's chunk (map/sketch-map.tsx, asked for at once);
 * - the full map: MapLibre's chunk (map/map-view.tsx and what it imports), its CSS and its worker, asked for once
 *   the sketch has drawn.
 * Lazy screens (export, imports, admin, forms, charts) are in neither. Above a budget the build fails, naming the
 * files.
 *
 * usage: node scripts/check-bundle-budget.mjs [web/dist]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Brotli KB. Measured 2026-12: entry 102 KB, sketch 9 KB + d3 16 KB, CSS 5 KB; MapLibre 233 KB + worker 119 KB,
 * its CSS 8 KB. At 400 kbit/s the first stage is about 3 s of the link.
 */
const BUDGETS = { sketch: 150, full: 380 };

const dist = process.argv[2] ?? join(import.meta.dirname, '..', 'web', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
if (!entry) throw new Error('no entry chunk in the manifest');

/** The files a chunk brings with it: itself, its CSS and its static imports, minus those already counted. */
function closure(key, seen) {
  const files = new Set();
  const visit = (k) => {
    const chunk = manifest[k];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return files;
}
const need = (src) => {
  if (!manifest[src])
    throw new Error(`${src} is not a chunk of its own: the budget cannot be counted`);
  return src;
};

const seen = new Set();
const stages = {
  sketch: new Set([...closure(entry[0], seen), ...closure(need('src/map/sketch-map.tsx'), seen)]),
  full: closure(need('src/map/map-view.tsx'), seen),
};
// The worker is an asset the map chunk names by URL; it is fetched before the full map draws.
for (const f of readdirSync(join(dist, 'assets')))
  if (/^maplibre-gl-worker-.*\.mjs$/.test(f)) stages.full.add(`assets/${f}`);

let failed = false;
for (const [stage, files] of Object.entries(stages)) {
  const sized = [...files].map((file) => {
    const br = join(dist, `${file}.br`);
    const bytes = existsSync(br) ? statSync(br).size : statSync(join(dist, file)).size;
    return { file, kb: bytes / 1024, compressed: existsSync(br) };
  });
  const total = sized.reduce((s, f) => s + f.kb, 0);
  for (const f of sized.sort((a, b) => b.kb - a.kb))
    console.log(`${f.kb.toFixed(1).padStart(8)} KB ${f.compressed ? 'br ' : 'raw'} ${f.file}`);
  console.log(`${stage} map JS+CSS: ${total.toFixed(1)} KB of a ${BUDGETS[stage]} KB budget\n`);
  if (total > BUDGETS[stage]) {
    console.error(
      `the ${stage} map's budget is exceeded by ${(total - BUDGETS[stage]).toFixed(1)} KB: make the new code lazy (web/src/app/lazy.tsx) or raise BUDGETS.${stage} with a reason`,
    );
    failed = true;
  }
}
if (failed) process.exit(1);
