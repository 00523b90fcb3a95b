/**
 * The checks a boundary file passes before anything is written, feature by feature: a polygon, in WGS 84
 * after its system's transformation, rings closed and without repeated vertices (repaired), no ring crossing
 * itself or another (turf's sweep-line `lineIntersect`; refused, with where; rings that only touch at a
 * shared vertex are not crossings), inside Vietnam's reach (refused; a swapped or
 * wrong-hemisphere file is named so), a code and a name (names in NFC with one tone placement), no code twice.
 * Every problem is an issue with the entry, the feature's number and the field; nothing here writes.
 */
import { featureCollection, lineIntersect } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { VIETNAM_BOUNDS, type BoundaryIssue } from '@pcmt/shared/boundaries';
import { canonicalName, nameKey } from '@pcmt/shared/names';
import { reproject } from './boundary-crs.ts';
import type { BoundaryFile } from './boundary-files.ts';

export interface FieldMapping {
  code: string | null;
  name: string | null;
  type: string | null;
  parent: string | null;
}

export interface CheckedFeature {
  row: number;
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  outcome: 'ok' | 'repaired' | 'refused';
}

/** Field names tried, in order, when the user has not mapped one (case and accents aside). */
const GUESSES: Record<keyof FieldMapping, string[]> = {
  code: [
    'code',
    'ma',
    'maxa',
    'ma_xa',
    'ma_dvhc',
    'madvhc',
    'ward_code',
    'commune_code',
    'gso_ward_code_pre2025',
    'province_code',
    'id',
  ],
  name: [
    'full_name',
    'ten_day_du',
    'ward_full_name',
    'commune_full_name',
    'name',
    'ten',
    'tenxa',
    'ten_xa',
    'ten_dvhc',
  ],
  type: ['unit_type', 'loai', 'cap', 'loai_dvhc', 'ward_unit_type'],
  parent: ['province_code', 'ma_tinh', 'matinh', 'parent_code', 'gso_province_code_pre2025'],
};
const plain = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();

/** The mapping: the user's fields where given, else the first field whose name is a known one. */
export function guessMapping(
  fields: string[],
  asked: Partial<FieldMapping>,
  level: 'commune' | 'province',
): FieldMapping {
  const pick = (k: keyof FieldMapping): string | null => {
    if (asked[k]) return asked[k]!;
    const tries =
      level === 'province' && k === 'code'
        ? ['code', 'ma', 'province_code', 'ma_tinh']
        : GUESSES[k];
    if (level === 'province' && k === 'parent') return null;
    for (const t of tries) {
      const f = fields.find((x) => plain(x) === t);
      if (f) return f;
    }
    return null;
  };
  return { code: pick('code'), name: pick('name'), type: pick('type'), parent: pick('parent') };
}

const within = (p: Position) =>
  p[0]! >= VIETNAM_BOUNDS.west &&
  p[0]! <= VIETNAM_BOUNDS.east &&
  p[1]! >= VIETNAM_BOUNDS.south &&
  p[1]! <= VIETNAM_BOUNDS.north;

const text = (v: unknown) =>
  v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : String(v).trim();

export interface CheckOptions {
  crs: string;
  mapping: FieldMapping;
  /** The province's code in the era: features whose parent code differs belong to another province and are left out. */
  provinceCode: string;
  level: 'commune' | 'province';
  /** The width of the era's codes (5 for communes): a code a DBF stored as a number gets its leading zeros back. */
  codeWidth: number | null;
}

/** The features as they would be written, and every problem found. */
export function checkFeatures(
  file: BoundaryFile,
  opts: CheckOptions,
): { features: CheckedFeature[]; issues: BoundaryIssue[]; otherProvince: number } {
  const issues: BoundaryIssue[] = [...file.notes];
  const out: CheckedFeature[] = [];
  let otherProvince = 0;
  const { mapping } = opts;
  for (const field of ['code', 'name'] as const)
    if (!mapping[field])
      issues.push({
        sheet: file.entry,
        row: null,
        column: null,
        code: 'field_unmapped',
        problem: `choose the field that holds the ${field} (fields: ${file.fields.join(', ')})`,
        values: { what: field },
        outcome: 'refused',
      });
  if (!mapping.code || !mapping.name) return { features: [], issues, otherProvince };

  file.features.forEach((f, i) => {
    const row = i + 1;
    const own: BoundaryIssue[] = [];
    const say = (
      code: string,
      problem: string,
      outcome: BoundaryIssue['outcome'],
      column: string | null = null,
      values?: Record<string, string | number>,
    ) =>
      own.push({
        sheet: file.entry,
        row,
        column,
        code,
        problem,
        outcome,
        ...(values ? { values } : {}),
      });

    if (opts.level === 'province') {
      // A file of several provinces' outlines: this province's by its code.
      const own = text(f.properties[mapping.code!]).replace(/^0+/, '');
      if (own && own !== opts.provinceCode.replace(/^0+/, '')) {
        otherProvince++;
        return;
      }
    } else if (mapping.parent) {
      const parent = text(f.properties[mapping.parent]);
      if (parent && parent.replace(/^0+/, '') !== opts.provinceCode.replace(/^0+/, '')) {
        otherProvince++;
        return;
      }
    }
    let code = text(f.properties[mapping.code!]);
    if (code && opts.codeWidth && /^\d+$/.test(code) && code.length < opts.codeWidth)
      code = code.padStart(opts.codeWidth, '0');
    const rawName = text(f.properties[mapping.name!]);
    const type = mapping.type ? canonicalName(text(f.properties[mapping.type])) : '';
    let name = canonicalName(rawName);
    if (type && name && !nameKey(name).startsWith(nameKey(type) + ' ')) name = `${type} ${name}`;
    if (!code) say('code_missing', `no code in ${mapping.code}`, 'refused', mapping.code);
    if (!name) say('name_missing', `no name in ${mapping.name}`, 'refused', mapping.name);
    else if (name !== rawName.trim() && !type)
      say(
        'name_normalised',
        `the name "${rawName}" is written "${name}"`,
        'repaired',
        mapping.name,
        {
          from: rawName,
          to: name,
        },
      );

    const geometry = f.geometry;
    let shaped: Polygon | MultiPolygon | null = null;
    if (!geometry)
      say(
        'not_polygon',
        /^(Multi)?Polygon$/.test(f.given)
          ? `a ${f.given} whose coordinates are not rings of number pairs`
          : `a ${f.given} geometry, not a polygon`,
        'refused',
        null,
        { type: f.given },
      );
    else {
      let wgs: Geometry | null = null;
      try {
        wgs = reproject(geometry, opts.crs);
      } catch {
        say('unprojectable', 'coordinates that do not convert to WGS 84', 'refused');
      }
      if (wgs) shaped = tidy(wgs as Polygon | MultiPolygon, say);
    }
    const refused = own.some((x) => x.outcome === 'refused');
    issues.push(...own);
    if (!shaped) {
      out.push({
        row,
        code,
        name,
        geometry: { type: 'Polygon', coordinates: [] },
        outcome: 'refused',
      });
      return;
    }
    out.push({
      row,
      code,
      name,
      geometry: shaped,
      outcome: refused ? 'refused' : own.some((x) => x.outcome === 'repaired') ? 'repaired' : 'ok',
    });
  });

  const rowsByCode = new Map<string, number[]>();
  for (const f of out)
    if (f.code) rowsByCode.set(f.code, [...(rowsByCode.get(f.code) ?? []), f.row]);
  for (const [code, rows] of rowsByCode)
    if (rows.length > 1)
      for (const row of rows) {
        const other = rows.filter((r) => r !== row).join(', ');
        issues.push({
          sheet: file.entry,
          row,
          column: mapping.code,
          code: 'duplicate_code',
          problem: `the code ${code} is also on feature ${other}`,
          values: { code, row: other },
          outcome: 'refused',
        });
        out.find((f) => f.row === row)!.outcome = 'refused';
      }
  return { features: out, issues, otherProvince };
}

type Say = (
  code: string,
  problem: string,
  outcome: BoundaryIssue['outcome'],
  column?: string | null,
  values?: Record<string, string | number>,
) => void;

/** Rings closed, repeated vertices dropped, degenerate holes dropped; refusals for what cannot be mended. */
function tidy(g: Polygon | MultiPolygon, say: Say): Polygon | MultiPolygon | null {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let closed = 0;
  let repeated = 0;
  let holes = 0;
  const all: Position[] = [];
  const mended: Position[][][] = [];
  for (const polygon of polygons) {
    const rings: Position[][] = [];
    for (const [r, ring] of polygon.entries()) {
      if (
        !Array.isArray(ring) ||
        ring.some((p) => !Number.isFinite(p?.[0]) || !Number.isFinite(p?.[1]))
      ) {
        say('bad_coordinates', 'a position that is not two numbers', 'refused');
        return null;
      }
      const kept: Position[] = [];
      for (const p of ring) {
        const last = kept[kept.length - 1];
        if (last && last[0] === p[0] && last[1] === p[1]) repeated++;
        else kept.push([p[0]!, p[1]!]);
      }
      const [first, end] = [kept[0], kept[kept.length - 1]];
      if (first && end && (first[0] !== end[0] || first[1] !== end[1])) {
        kept.push([first[0]!, first[1]!]);
        closed++;
      }
      if (kept.length < 4) {
        if (r === 0) {
          say('ring_too_short', 'an outer ring of fewer than three distinct points', 'refused');
          return null;
        }
        holes++;
        continue;
      }
      rings.push(kept);
      all.push(...kept);
    }
    mended.push(rings);
  }
  if (mended.length === 0 || mended.some((p) => p.length === 0)) {
    say('ring_too_short', 'a polygon without an outer ring', 'refused');
    return null;
  }
  const outside = all.find((p) => !within(p));
  if (outside) {
    const swapped = within([outside[1]!, outside[0]!]);
    const hint = swapped
      ? ': longitude and latitude look swapped'
      : outside[1]! < 0 || outside[0]! < 0
        ? ': the wrong hemisphere (a sign lost, or the wrong coordinate system?)'
        : ': the wrong coordinate system?';
    say(
      'outside_vietnam',
      `the point (${outside[0]!.toFixed(5)}, ${outside[1]!.toFixed(5)}) lies outside Vietnam${hint}`,
      'refused',
      null,
      { lng: outside[0]!.toFixed(5), lat: outside[1]!.toFixed(5) },
    );
    return null;
  }
  if (closed) say('ring_closed', `${closed} ring(s) were not closed: closed`, 'repaired');
  if (repeated) say('repeated_vertex', `${repeated} repeated vertices dropped`, 'repaired');
  if (holes) say('hole_dropped', `${holes} hole(s) of fewer than three points dropped`, 'repaired');
  const shaped: Polygon | MultiPolygon =
    mended.length === 1
      ? { type: 'Polygon', coordinates: mended[0]! }
      : { type: 'MultiPolygon', coordinates: mended };
  const vertices = new Set(all.map((p) => `${p[0]},${p[1]}`));
  const crossings = lineIntersect(shaped, featureCollection<Polygon>([]), {
    ignoreSelfIntersections: false,
  }).features.filter((k) => !vertices.has(k.geometry.coordinates.join(',')));
  if (crossings.length > 0) {
    const at = crossings[0]!.geometry.coordinates;
    say(
      'self_intersection',
      `the boundary crosses itself at (${at[0]!.toFixed(5)}, ${at[1]!.toFixed(5)})${crossings.length > 1 ? ` and ${crossings.length - 1} other place(s)` : ''}: mend it in the GIS and export again`,
      'refused',
      null,
      { lng: at[0]!.toFixed(5), lat: at[1]!.toFixed(5), count: crossings.length },
    );
  }
  return shaped;
}
