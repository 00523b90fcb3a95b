/**
 * Importing a province's own boundaries (GeoJSON, a zipped Shapefile, CSV code lists and a crosswalk CSV):
 * the limits, the query the import takes and the report it answers. The server reads and checks the file
 * (server/src/services/boundary-*.ts); the web previews it over the map and commits it.
 */
import { z } from 'zod';
import { IsoDateSchema } from './contracts.ts';

/** The file as sent: a zip (Shapefile parts, a GeoJSON, CSVs) or a GeoJSON, 20 MiB at most. */
export const BOUNDARY_MAX_BYTES = 20 * 1024 * 1024;
/** What a zip may unpack to, in all, and how many entries it may hold. */
export const BOUNDARY_MAX_UNPACKED_BYTES = 40 * 1024 * 1024;
export const BOUNDARY_MAX_ENTRIES = 20;
/** Vertices in one file: a province's communes at full resolution hold a few hundred thousand. */
export const BOUNDARY_MAX_VERTICES = 1_000_000;
/** Features in one file: more than any province has communes. */
export const BOUNDARY_MAX_FEATURES = 5_000;
/** Vietnam's reach, mainland and islands (Hoàng Sa, Trường Sa): a feature outside it is refused. */
export const VIETNAM_BOUNDS = { west: 102, south: 6, east: 118, north: 23.5 } as const;

export const BOUNDARY_LEVELS = ['commune', 'province'] as const;
export const BOUNDARY_MODES = ['replace', 'new'] as const;
export const BOUNDARY_ENCODINGS = ['auto', 'utf-8', 'windows-1258', 'tcvn3', 'vni'] as const;

const field = z.string().max(40).optional();

/**
 * The import's query. `commit=0` reads, checks and previews; `commit=1` writes in one transaction.
 * `mode=replace` gives new geometry (and names) to the era valid on `validFrom`, matched by code;
 * `mode=new` starts a new era on `validFrom`, ending the units valid then, with a crosswalk from the CSV in
 * the zip or from the areas' overlap.
 */
export const BoundaryImportQuerySchema = z.object({
  commit: z.enum(['0', '1']).default('0'),
  province: z.string().regex(/^[a-z-]{2,40}$/),
  level: z.enum(BOUNDARY_LEVELS).default('commune'),
  mode: z.enum(BOUNDARY_MODES).default('replace'),
  validFrom: IsoDateSchema,
  /** `auto` reads the .prj; otherwise one of shared/src/vn2000.ts's ids (EPSG:4326, EPSG:4756, EPSG:3405, EPSG:3406, TM3:<meridian>). */
  crs: z
    .string()
    .regex(/^(auto|EPSG:\d{4,5}|TM3:\d{3}(\.\d{1,4})?)$/)
    .default('auto'),
  encoding: z.enum(BOUNDARY_ENCODINGS).default('auto'),
  /** The attribute fields holding the code, the name, the unit type and the parent's code (found by name when absent). */
  codeField: field,
  nameField: field,
  typeField: field,
  parentField: field,
  /** Where the crosswalk of a new era comes from: the CSV in the zip, the overlap of the areas, or the CSV when there is one. */
  crosswalk: z.enum(['auto', 'csv', 'overlap']).default('auto'),
  /** `1`: write the features that passed and leave out the refused ones (a unit whose feature was refused keeps its old boundary). */
  skip: z.enum(['0', '1']).default('0'),
  /** Replace mode: `0` keeps the era's units the file does not hold as they are (a file of an older vintage). */
  retire: z.enum(['0', '1']).default('1'),
  /** Demo data only: `1` draws a hotspot point the file leaves outside every unit again inside its unit. */
  movePoints: z.enum(['0', '1']).default('0'),
  /** The file's own name, for the report and the audit trail (a GeoJSON sent as the body has none). */
  fileName: z
    .string()
    .max(120)
    .regex(/^[^/\\<>:"|?*\u0000-\u001f]+$/)
    .optional(),
});
export type BoundaryImportQuery = z.infer<typeof BoundaryImportQuerySchema>;

/** A problem of one feature (or of the file when `feature` is null), and what was done about it. */
export interface BoundaryIssue {
  /** The entry of the file (`xa.shp`, `xa.geojson`, `mapping.csv`). */
  sheet: string;
  /** The feature's or the CSV row's number, 1-based; null for the whole file. */
  row: number | null;
  column: string | null;
  code: string;
  problem: string;
  values?: Record<string, string | number>;
  /** `repaired`: fixed and kept; `refused`: the import cannot be written until it is settled; `note`: for the record. */
  outcome: 'repaired' | 'refused' | 'note';
}

export interface BoundaryCandidate {
  crs: string;
  label: string;
  /** The file's extent in WGS 84 under this system: [west, south, east, north]. */
  bbox: [number, number, number, number];
  /** Share of that extent inside the province's current outline (0–1). */
  overlap: number;
}

export interface CrosswalkLinkPreview {
  from: { id: string; code: string; name: string };
  to: { code: string; name: string };
  share: number;
}

export interface BoundaryReport {
  committed: boolean;
  file: { name: string; format: 'geojson' | 'shapefile'; features: number; vertices: number };
  /** The system used, how it was known (`prj`, `asked`, `wgs84-default`), and the candidates when the file did not say. */
  crs: { id: string | null; label: string | null; source: 'prj' | 'asked' | 'geojson' | null };
  candidates: BoundaryCandidate[];
  /** The attribute fields of the file and the ones used. */
  fields: string[];
  mapping: { code: string | null; name: string | null; type: string | null; parent: string | null };
  encoding: string;
  issues: BoundaryIssue[];
  /** Units of the file matched to the era's units by code, new ones, and the era's units the file does not hold. */
  units: { matched: number; added: number; retired: { id: string; code: string; name: string }[] };
  crosswalk: {
    source: 'csv' | 'overlap' | 'none';
    links: number;
    /** Old units split between new ones without one taking most of them, or left without a successor. */
    ambiguous: CrosswalkLinkPreview[];
  };
  /** What follows the boundaries: hotspots placed again by point-in-polygon, records moved to a successor. */
  moved: { hotspots: number; records: number };
  /** The file's features in WGS 84, lightened for the map (GeoJSON FeatureCollection). */
  preview: {
    type: 'FeatureCollection';
    features: {
      type: 'Feature';
      properties: { code: string; name: string; outcome: 'ok' | 'repaired' | 'refused' };
      geometry: unknown;
    }[];
  };
}

/**
 * A list of imports run in order (the command line, or `BOUNDARIES=` at the first start): each a file (a path
 * relative to the list) and the import's query without `commit`, or a reform's crosswalk CSV.
 */
export const BoundaryManifestSchema = z.array(
  z.union([
    BoundaryImportQuerySchema.omit({ commit: true })
      .partial()
      .required({ province: true, validFrom: true })
      .extend({ file: z.string().min(1) }),
    /** A reform's crosswalk into the province's units of the era beginning on `validFrom`, from a CSV. */
    z.object({ crosswalkCsv: z.string().min(1), province: z.string(), validFrom: IsoDateSchema }),
  ]),
);
export type BoundaryManifest = z.infer<typeof BoundaryManifestSchema>;
