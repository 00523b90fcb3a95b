/**
 * Boundary files written the way a user's GIS writes them, for the import's tests: the real communes of
 * `../shared/data/real/` (test fixtures, not shipped), reprojected with proj4 and written as a zipped
 * Shapefile by @mapbox/shp-write (outer rings clockwise, as the format wants), with the .prj and .cpg a
 * GIS puts beside them.
 */
import { readFileSync } from 'node:fs';
import shpwrite from '@mapbox/shp-write';
import * as turf from '@turf/turf';
import { unzipSync, zipSync } from 'fflate';
import proj4 from 'proj4';
import { crsDefinition } from '@pcmt/shared/vn2000';

export const REAL = new URL('../../../shared/data/real/', import.meta.url);
export const FIXTURES = new URL('../fixtures/boundaries/', import.meta.url);

export const realCollection = (name: string): any =>
  JSON.parse(readFileSync(new URL(name, REAL), 'utf8'));
export const communes2025 = () =>
  realCollection('communes-2025-laocai-laichau-sonla-thanhhoa.geojson');
export const prjText = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8').trim();

/** The province's features of a collection (by `province_code`). */
export const ofProvince = (fc: any, code: string) => ({
  type: 'FeatureCollection',
  features: fc.features.filter((f: any) => f.properties.province_code === code),
});

const mapCoords = (g: any, f: (p: number[]) => number[]): any =>
  g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((r: any) => r.map(f)) }
    : {
        type: 'MultiPolygon',
        coordinates: g.coordinates.map((p: any) => p.map((r: any) => r.map(f))),
      };

/** The collection in another system (an id of shared/src/vn2000.ts), positions as the system writes them. */
export function reprojected(fc: any, crs: string) {
  const conv = proj4('EPSG:4326', crsDefinition(crs)!);
  return {
    ...fc,
    features: fc.features.map((f: any) => ({
      ...f,
      geometry: mapCoords(f.geometry, (p) => conv.forward(p)),
    })),
  };
}

/** A zipped Shapefile of the collection: .shp/.shx/.dbf by shp-write, the .prj and .cpg given (omitted when null). */
export async function shapefileZip(
  fc: any,
  opts: {
    prj: string | null;
    cpg?: string | null;
    fields: (p: any) => Record<string, string | number>;
    encode?: (s: string) => string;
    extra?: Record<string, Uint8Array>;
  },
): Promise<Uint8Array> {
  // dbf@0.2.0 writes one byte per character: text is passed as its bytes in the file's encoding.
  const encode = opts.encode ?? ((s: string) => Buffer.from(s, 'utf8').toString('latin1'));
  const features = fc.features.map((f: any) => ({
    type: 'Feature',
    properties: Object.fromEntries(
      Object.entries(opts.fields(f.properties)).map(([k, v]) => [
        k,
        typeof v === 'string' ? encode(v) : v,
      ]),
    ),
    geometry: turf.rewind(
      f.geometry.type === 'Polygon'
        ? { type: 'MultiPolygon', coordinates: [f.geometry.coordinates] }
        : f.geometry,
      { reverse: true },
    ),
  }));
  const zip = await shpwrite.zip(
    { type: 'FeatureCollection', features } as any,
    {
      outputType: 'nodebuffer',
      types: { polygon: 'xa' },
    } as any,
  );
  const parts = unzipSync(new Uint8Array(zip as any));
  const out: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(parts))
    if (!name.endsWith('.prj')) out[name.replace(/^.*\//, '')] = bytes;
  if (opts.prj) out['xa.prj'] = new TextEncoder().encode(opts.prj);
  if (opts.cpg) out['xa.cpg'] = new TextEncoder().encode(opts.cpg);
  return zipSync({ ...out, ...(opts.extra ?? {}) });
}

export const zipOf = (files: Record<string, string | Uint8Array>) =>
  zipSync(
    Object.fromEntries(
      Object.entries(files).map(([k, v]) => [
        k,
        typeof v === 'string' ? new TextEncoder().encode(v) : v,
      ]),
    ),
  );
