/**
 * Reads an uploaded boundary file: a GeoJSON, or a zip holding one Shapefile (.shp, .dbf, .prj, .cpg) or one
 * GeoJSON, with CSVs beside it (a code list, a crosswalk). Kept libraries do the reading: fflate (the zip,
 * counted, `zip-counted.ts`), shapefile (the .shp and .dbf), papaparse (CSV), vietnamese-conversion (a DBF in
 * TCVN3 or VNI). What is read is still in the file's own coordinates: `boundary-crs.ts` takes it to WGS 84.
 * Every limit is checked before the expensive step it guards: the size before anything, what the zip unpacks
 * to while it unpacks, the vertices before JSON.parse (counting '[') or while the .shp is read.
 */
import Papa from 'papaparse';
import * as shapefile from 'shapefile';
import { toUnicode } from 'vietnamese-conversion';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import {
  BOUNDARY_MAX_BYTES,
  BOUNDARY_MAX_ENTRIES,
  BOUNDARY_MAX_FEATURES,
  BOUNDARY_MAX_UNPACKED_BYTES,
  BOUNDARY_MAX_VERTICES,
  type BoundaryImportQuery,
  type BoundaryIssue,
} from '@pcmt/shared/boundaries';
import { ApiError } from '../errors.ts';
import { unzipCounted } from './zip-counted.ts';

export interface RawFeature {
  /** A well-formed polygon or multipolygon; null for anything else (`given` says what was there). */
  geometry: Polygon | MultiPolygon | null;
  given: string;
  properties: Record<string, unknown>;
}

const isPosition = (p: unknown) =>
  Array.isArray(p) &&
  p.length >= 2 &&
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  Number.isFinite(p[0]) &&
  Number.isFinite(p[1]);
const isRings = (r: unknown) =>
  Array.isArray(r) && r.every((ring) => Array.isArray(ring) && ring.every(isPosition));

/**
 * The geometry when it is a well-formed Polygon or MultiPolygon of numeric positions, else null: checked
 * here, without recursion, so nothing later meets a null ring, a string coordinate or a nested collection.
 */
function polygonal(g: unknown): Polygon | MultiPolygon | null {
  const x = g as { type?: unknown; coordinates?: unknown } | null;
  if (x?.type === 'Polygon' && isRings(x.coordinates)) return x as Polygon;
  if (
    x?.type === 'MultiPolygon' &&
    Array.isArray(x.coordinates) &&
    x.coordinates.every((p) => isRings(p))
  )
    return x as MultiPolygon;
  return null;
}
const givenType = (g: unknown) => {
  const t = (g as { type?: unknown } | null)?.type;
  return typeof t === 'string' ? t.slice(0, 40) : 'missing';
};

export interface CsvTable {
  name: string;
  fields: string[];
  rows: Record<string, string>[];
}

export interface BoundaryFile {
  /** The entry the features came from (`xa.shp`, `xa.geojson`). */
  entry: string;
  format: 'geojson' | 'shapefile';
  features: RawFeature[];
  fields: string[];
  prj: string | null;
  /** How the attributes were decoded (utf-8, windows-1258, tcvn3, vni). */
  encoding: string;
  vertices: number;
  csvs: CsvTable[];
  notes: BoundaryIssue[];
}

const refuse = (status: 400 | 413 | 415 | 422, message: string, code = 'file_invalid') =>
  new ApiError(status, status === 413 ? 'payload_too_large' : code, `file: ${message}`, 'file');

/** A crosswalk or code list of the whole country is a few hundred KB. */
const CSV_MAX_BYTES = 5 * 1024 * 1024;
const CSV_MAX_ROWS = 50_000;
const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const ext = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
const base = (name: string) => name.replace(/\.[a-z0-9]+$/i, '');

/** The number of '[' in the text: at least one per position, so an upper bound on the vertices, counted without parsing. */
function bracketCount(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x5b) n++;
  return n;
}

function countVertices(g: Geometry | null): number {
  if (!g) return 0;
  switch (g.type) {
    case 'Point':
      return 1;
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.length;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.reduce((s, r) => s + r.length, 0);
    case 'MultiPolygon':
      return g.coordinates.reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0);
    case 'GeometryCollection':
      return g.geometries.reduce((s, x) => s + countVertices(x), 0);
  }
}

const tooManyVertices = (entry: string) =>
  refuse(
    413,
    `${entry} holds more than ${BOUNDARY_MAX_VERTICES.toLocaleString('en')} vertices: simplify it (about 10 m is enough for a commune map) or import one province at a time`,
  );
const tooManyFeatures = (entry: string) =>
  refuse(413, `${entry} holds more than ${BOUNDARY_MAX_FEATURES} features`);

function readGeoJson(entry: string, bytes: Uint8Array): Omit<BoundaryFile, 'csvs' | 'notes'> {
  if (bracketCount(bytes) > BOUNDARY_MAX_VERTICES + BOUNDARY_MAX_FEATURES * 4)
    throw tooManyVertices(entry);
  let doc: unknown;
  try {
    doc = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''),
    );
  } catch {
    throw refuse(422, `${entry} is not valid JSON in UTF-8`);
  }
  const d = doc as { type?: unknown; features?: unknown; geometry?: unknown; properties?: unknown };
  const list =
    d?.type === 'FeatureCollection' && Array.isArray(d.features)
      ? (d.features as unknown[])
      : d?.type === 'Feature'
        ? [d]
        : null;
  if (!list) throw refuse(422, `${entry} is not a GeoJSON FeatureCollection or Feature`);
  if (list.length > BOUNDARY_MAX_FEATURES) throw tooManyFeatures(entry);
  const features = list.map((f) => {
    const x = f as { geometry?: unknown; properties?: unknown };
    return {
      geometry: polygonal(x?.geometry),
      given: givenType(x?.geometry),
      properties: (x?.properties && typeof x.properties === 'object' ? x.properties : {}) as Record<
        string,
        unknown
      >,
    };
  });
  const vertices = features.reduce((s, f) => s + safeCount(f.geometry), 0);
  if (vertices > BOUNDARY_MAX_VERTICES) throw tooManyVertices(entry);
  const fields = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
  return { entry, format: 'geojson', features, fields, prj: null, encoding: 'utf-8', vertices };
}

/** A malformed geometry counts as nothing here; the checks say what is wrong with it. */
function safeCount(g: Geometry | null): number {
  try {
    return countVertices(g);
  } catch {
    return 0;
  }
}

/** The DBF's text decoding from the query or the .cpg: UTF-8, Windows-1258, or TCVN3 / VNI (read as bytes, then converted). */
function dbfEncoding(
  asked: BoundaryImportQuery['encoding'],
  cpg: string | null,
): { decode: string; convert: 'tcvn3' | 'vni' | null; name: string } {
  const said = asked !== 'auto' ? asked : (cpg ?? '').trim().toLowerCase();
  if (/tcvn|abc/.test(said)) return { decode: 'windows-1252', convert: 'tcvn3', name: 'tcvn3' };
  if (/vni/.test(said)) return { decode: 'windows-1252', convert: 'vni', name: 'vni' };
  if (/1258/.test(said)) return { decode: 'windows-1258', convert: null, name: 'windows-1258' };
  return { decode: 'utf-8', convert: null, name: 'utf-8' };
}

async function readShapefile(
  shpName: string,
  files: Map<string, Uint8Array>,
  names: string[],
  asked: BoundaryImportQuery['encoding'],
  notes: BoundaryIssue[],
): Promise<Omit<BoundaryFile, 'csvs' | 'notes'>> {
  const sibling = (e: string) => names.find((n) => base(n) === base(shpName) && ext(n) === e);
  const dbfName = sibling('dbf');
  if (!dbfName)
    throw refuse(
      422,
      `${shpName} has no .dbf beside it: zip the .shp, .dbf, .prj and .cpg together`,
    );
  const prjName = sibling('prj');
  const cpgName = sibling('cpg');
  const text = (n: string | undefined) =>
    n ? Buffer.from(files.get(n) ?? new Uint8Array()).toString('utf8') : null;
  const prj = text(prjName);
  const cpg = text(cpgName);
  const enc = dbfEncoding(asked, cpg);
  if (!cpgName && asked === 'auto')
    notes.push({
      sheet: shpName,
      row: null,
      column: null,
      code: 'no_cpg',
      problem: 'no .cpg: the attributes were read as UTF-8',
      outcome: 'note',
    });
  const features: RawFeature[] = [];
  let vertices = 0;
  try {
    const source = await shapefile.open(files.get(shpName)!, files.get(dbfName)!, {
      encoding: enc.decode,
    });
    for (;;) {
      const r = await source.read();
      if (r.done) break;
      const props = { ...(r.value.properties ?? {}) } as Record<string, unknown>;
      if (enc.convert)
        for (const [k, v] of Object.entries(props))
          if (typeof v === 'string') props[k] = toUnicode(v, enc.convert);
      const geometry = polygonal(r.value.geometry);
      vertices += safeCount(geometry);
      if (vertices > BOUNDARY_MAX_VERTICES) throw tooManyVertices(shpName);
      features.push({ geometry, given: givenType(r.value.geometry), properties: props });
      if (features.length > BOUNDARY_MAX_FEATURES) throw tooManyFeatures(shpName);
    }
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw refuse(422, `${shpName} or its .dbf could not be read (a damaged or partial Shapefile?)`);
  }
  const fields = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
  return {
    entry: shpName,
    format: 'shapefile',
    features,
    fields,
    prj,
    encoding: enc.name,
    vertices,
  };
}

export function readCsv(name: string, bytes: Uint8Array): CsvTable {
  if (bytes.length > CSV_MAX_BYTES) throw refuse(413, `${name} is larger than 5 MB`);
  const text = Buffer.from(bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    // Stops reading past the cap, so a file of millions of empty rows does not fill memory.
    preview: CSV_MAX_ROWS + 1,
    transformHeader: (h) => h.trim(),
  });
  if (parsed.errors.length > 0 && parsed.data.length === 0)
    throw refuse(422, `${name} is not a CSV with a header row`);
  if (parsed.data.length > CSV_MAX_ROWS) throw refuse(413, `${name} holds more than 50,000 rows`);
  return { name, fields: parsed.meta.fields ?? [], rows: parsed.data };
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const firstChar = (b: Uint8Array) => {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && /\s/.test(String.fromCharCode(b[i]!))) i++;
  return String.fromCharCode(b[i] ?? 0);
};

/** Reads the upload; throws a 4xx naming `file` for anything that is not a boundary file within the limits. */
export async function readBoundaryFile(
  bytes: Uint8Array,
  encoding: BoundaryImportQuery['encoding'],
  name = 'file.geojson',
): Promise<BoundaryFile> {
  if (bytes.length === 0) throw refuse(400, 'the file is empty');
  if (bytes.length > BOUNDARY_MAX_BYTES) throw refuse(413, `larger than ${MB(BOUNDARY_MAX_BYTES)}`);
  if (!isZip(bytes)) {
    if (firstChar(bytes) !== '{')
      throw refuse(
        415,
        'send a zipped Shapefile (.shp, .dbf, .prj, .cpg in one .zip) or a GeoJSON file',
        'unsupported_media_type',
      );
    return { ...readGeoJson(name, bytes), csvs: [], notes: [] };
  }
  const wanted = new Set(['shp', 'dbf', 'prj', 'cpg', 'geojson', 'json', 'csv']);
  const { names, files } = unzipCounted(bytes, {
    maxEntries: BOUNDARY_MAX_ENTRIES,
    maxUnpackedBytes: BOUNDARY_MAX_UNPACKED_BYTES,
    keep: (n) => wanted.has(ext(n)) && !n.startsWith('__MACOSX/'),
    refuse: (problem) =>
      problem === 'entries'
        ? refuse(422, `the zip holds more than ${BOUNDARY_MAX_ENTRIES} entries`)
        : problem === 'unpacked'
          ? refuse(
              413,
              `the zip unpacks to more than ${MB(BOUNDARY_MAX_UNPACKED_BYTES)} (an archive bomb?)`,
            )
          : problem === 'directory'
            ? refuse(422, 'the zip’s directory does not match its entries (a disguised archive?)')
            : refuse(422, 'the zip is damaged or uses an unsupported compression'),
  });
  const kept = names.filter((n) => files.has(n));
  const shps = kept.filter((n) => ext(n) === 'shp');
  const jsons = kept.filter((n) => ext(n) === 'geojson' || ext(n) === 'json');
  if (shps.length + jsons.length === 0) throw refuse(422, 'the zip holds no .shp and no .geojson');
  if (shps.length + jsons.length > 1)
    throw refuse(
      422,
      `the zip holds more than one layer (${[...shps, ...jsons].join(', ')}): one layer per import`,
    );
  const notes: BoundaryIssue[] = [];
  const csvs = kept.filter((n) => ext(n) === 'csv').map((n) => readCsv(n, files.get(n)!));
  const layer = shps[0]
    ? await readShapefile(shps[0], files, kept, encoding, notes)
    : readGeoJson(jsons[0]!, files.get(jsons[0]!)!);
  return { ...layer, csvs, notes };
}
