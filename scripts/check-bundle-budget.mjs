#!/usr/bin/env node
/**
 * The first-load budget of the dashboard, checked after every `vite build`: what a browser with an empty cache
 * fetches before the map can draw — the entry chunk, the chunks it imports statically, their CSS and MapLibre's
 * worker — counted as the brotli bytes the server sends (the .br files beside the assets). Lazy screens (export,
 * imports, admin, forms) are not counted. Above the budget the build fails, naming the files.
 *
 * usage: node scripts/check-bundle-budget.mjs [web/dist]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Brotli bytes of first-load JS and CSS. Measured 2026-12: entry 93 KB, MapLibre 238 KB + worker 122 KB, CSS 11 KB. */
const BUDGET_KB = 490;

const dist = process.argv[2] ?? join(import.meta.dirname, '..', 'web', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
if (!entry) throw new Error('no entry chunk in the manifest');

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entry[0]);
// The worker is an asset the map chunk names by URL; it is fetched before the first tile is drawn.
for (const f of readdirSync(join(dist, 'assets')))
  if (/^maplibre-gl-worker-.*\.mjs$/.test(f)) files.add(`assets/${f}`);

const sized = [...files].map((file) => {
  const br = join(dist, `${file}.br`);
  const bytes = existsSync(br) ? statSync(br).size : statSync(join(dist, file)).size;
  return { file, kb: bytes / 1024, compressed: existsSync(br) };
});
const total = sized.reduce((s, f) => s + f.kb, 0);
for (const f of sized.sort((a, b) => b.kb - a.kb))
  console.log(`${f.kb.toFixed(1).padStart(8)} KB ${f.compressed ? 'br ' : 'raw'} ${f.file}`);
console.log(`first-load JS+CSS: ${total.toFixed(1)} KB of a ${BUDGET_KB} KB budget`);
if (total > BUDGET_KB) {
  console.error(
    `bundle budget exceeded by ${(total - BUDGET_KB).toFixed(1)} KB: make the new code lazy (web/src/app/lazy.tsx) or raise BUDGET_KB with a reason`,
  );
  process.exit(1);
}
