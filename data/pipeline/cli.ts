/** One command rebuilds data/build from data/sources: `pnpm data:build`. Output is byte-identical on every run. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBasemap, buildDemo } from './build.ts';
import type { Sources } from './geography.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function readSources(dir = join(root, 'sources')): Sources {
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
  return {
    provinces: read('ne-vn-provinces.geojson'),
    countries: read('ne-countries.geojson'),
    borders: read('ne-borders.geojson'),
  };
}

/** Serialises the build outputs; returns file name → contents. */
export function renderBuild(sources: Sources): Record<string, string> {
  return {
    'demo.json': JSON.stringify(buildDemo(sources)) + '\n',
    'basemap.json': JSON.stringify(buildBasemap(sources)) + '\n',
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outDir = process.argv[2] ?? join(root, 'build');
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(renderBuild(readSources()))) {
    writeFileSync(join(outDir, name), text);
    console.log(`${name}: ${text.length} bytes`);
  }
}
