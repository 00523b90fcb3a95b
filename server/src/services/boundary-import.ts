/**
 * A province's own boundaries in: read (`boundary-files.ts`), taken to WGS 84 (`boundary-crs.ts`), checked
 * (`boundary-check.ts`), previewed, and written in one transaction.
 *
 * - `replace`: the era valid on `validFrom` gets the file's geometry and names, unit by unit matched by
 *   code (ids kept, so every record stays with its unit); new codes are added; a unit the file no longer
 *   holds is retired: its validity closes where the era begins and the crosswalk leads from it to the units
 *   covering it (or, covered by none, to the nearest, said in the report), so its records show on them as a
 *   reform's do. Hotspots of the era are placed again by point-in-polygon.
 * - `new`: a new era starts on `validFrom`: the units valid then end that day, the file's units begin, and
 *   the crosswalk from old to new comes from a CSV in the zip (old code, new code, share) or from the
 *   overlap of the areas, with the cases to settle listed. Hotspots identified from that day are placed in
 *   the new units by point-in-polygon; tier history and plans reach the new units through the crosswalk.
 */
import {
  area as turfArea,
  bbox as turfBbox,
  booleanPointInPolygon,
  featureCollection,
  feature,
  intersect,
  simplify,
} from '@turf/turf';
import { and, eq, gt, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { MultiPolygon, Polygon } from 'geojson';
import type {
  BoundaryImportQuery,
  BoundaryIssue,
  BoundaryReport,
  CrosswalkLinkPreview,
} from '@pcmt/shared/boundaries';
import type { FileIssue } from '@pcmt/shared/errors';
import { crsDefinition, crsLabel } from '@pcmt/shared/vn2000';
import { nameKey } from '@pcmt/shared/names';
import type { Geometry } from '@pcmt/shared/geo';
import type { Db } from '../db/create-db.ts';
import { adminUnits, hotspots, unitCrosswalk } from '../db/schema.ts';
import { ApiError, FileIssuesError } from '../errors.ts';
import { audit } from './audit.ts';
import { measureBorderDistances } from './border-belt.ts';
import { checkFeatures, guessMapping, type CheckedFeature } from './boundary-check.ts';
import { candidateSystems, crsFromPrj, extentOf } from './boundary-crs.ts';
import { readBoundaryFile, type CsvTable } from './boundary-files.ts';
import type { WriteCtx } from './figures.ts';
import { denyOutOfScope, inScope } from './scope.ts';
import { communeRowsOn, provinceOn } from './units.ts';

type Unit = typeof adminUnits.$inferSelect;
type Shape = Polygon | MultiPolygon;
type Box = [number, number, number, number];

const boxOf = (g: Shape) => turfBbox(g) as Box;
const boxesMeet = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const km2 = (g: Shape) => Math.round(turfArea(g) / 1e4) / 100;

/** The share of `a`'s area inside `b` (0–1). */
function shareInside(a: Shape, b: Shape): number {
  try {
    const both = intersect(featureCollection([feature(a), feature(b)]));
    return both ? turfArea(both) / Math.max(turfArea(a), 1e-9) : 0;
  } catch {
    return 0;
  }
}

interface Link {
  from: Unit;
  toCode: string;
  share: number;
}

const CSV_OLD = /^(old|from|cu|ma_cu)(_?ward|_?commune|_?unit)?_?code$|^ma_?cu$/i;
const CSV_NEW = /^(new|to|moi|ma_moi)(_?ward|_?commune|_?unit)?_?code$|^ma_?moi$/i;
const CSV_SHARE = /^(share|ti_?le|ty_?le|weight)$/i;

export const isCrosswalk = (t: CsvTable) =>
  t.fields.some((f) => CSV_OLD.test(f)) && t.fields.some((f) => CSV_NEW.test(f));

/** The crosswalk from a CSV: each row an old code of the ending era, a new code of the file, a share (1 when absent). */
export function crosswalkFromCsv(
  table: CsvTable,
  oldByCode: Map<string, Unit>,
  newCodes: Set<string>,
  issues: BoundaryIssue[],
  width: number | null,
  /** What a row naming no old unit is: refused (a new era's own CSV), or a note (a national file over a partial era). */
  unknownOld: 'refused' | 'note' = 'refused',
): Link[] {
  const oldField = table.fields.find((f) => CSV_OLD.test(f))!;
  const newField = table.fields.find((f) => CSV_NEW.test(f))!;
  const shareField = table.fields.find((f) => CSV_SHARE.test(f));
  const pad = (c: string) =>
    width && /^\d+$/.test(c) && c.length < width ? c.padStart(width, '0') : c;
  const links: Link[] = [];
  table.rows.forEach((r, i) => {
    const row = i + 2;
    const oldCode = pad((r[oldField] ?? '').trim());
    const newCode = pad((r[newField] ?? '').trim());
    const from = oldByCode.get(oldCode);
    const where = { sheet: table.name, row };
    if (!newCodes.has(newCode)) {
      if (unknownOld === 'note') return;
      // A row for another province's unit (a national mapping file) is not this import's.
      if (from)
        issues.push({
          ...where,
          column: newField,
          code: 'crosswalk_unknown_new',
          problem: `no unit with the new code ${newCode} in the file`,
          values: { code: newCode },
          outcome: 'refused',
        });
      return;
    }
    if (!from) {
      issues.push({
        ...where,
        column: oldField,
        code: 'crosswalk_unknown_old',
        problem: `no unit with the old code ${oldCode} on the day before the new era`,
        values: { code: oldCode },
        outcome: unknownOld,
      });
      return;
    }
    const raw = shareField ? (r[shareField] ?? '').trim().replace(',', '.') : '';
    const share = raw === '' ? NaN : Number(raw);
    if (raw !== '' && !(share > 0 && share <= 1)) {
      issues.push({
        ...where,
        column: shareField ?? null,
        code: 'crosswalk_share',
        problem: `the share "${raw}" is not a number above 0 and at most 1`,
        values: { value: raw },
        outcome: 'refused',
      });
      return;
    }
    links.push({ from, toCode: newCode, share });
  });
  // Rows without a share split an old unit equally among its new ones.
  const count = new Map<string, number>();
  for (const l of links) count.set(l.from.id, (count.get(l.from.id) ?? 0) + 1);
  for (const l of links) if (Number.isNaN(l.share)) l.share = 1 / count.get(l.from.id)!;
  return links;
}

/** The crosswalk by overlap: each old unit to every new one holding at least 1 % of its area. */
function crosswalkByOverlap(olds: Unit[], news: CheckedFeature[]): Link[] {
  const boxes = news.map((f) => ({ f, box: boxOf(f.geometry) }));
  const links: Link[] = [];
  for (const u of olds) {
    const g = u.geometry as Shape;
    const ub = [u.west, u.south, u.east, u.north] as Box;
    for (const { f, box } of boxes) {
      if (!boxesMeet(ub, box)) continue;
      const share = shareInside(g, f.geometry);
      if (share >= 0.01)
        links.push({ from: u, toCode: f.code, share: Math.round(share * 1000) / 1000 });
    }
  }
  return links;
}

/** Old units without a successor, or split with none taking 90 % of them: for the user to settle. */
function ambiguousLinks(
  olds: Unit[],
  links: Link[],
  names: Map<string, string>,
): CrosswalkLinkPreview[] {
  const out: CrosswalkLinkPreview[] = [];
  for (const u of olds) {
    const mine = links.filter((l) => l.from.id === u.id);
    const from = { id: u.id, code: u.code, name: u.name };
    if (mine.length === 0) out.push({ from, to: { code: '', name: '' }, share: 0 });
    else if (Math.max(...mine.map((l) => l.share)) < 0.9)
      for (const l of mine)
        out.push({ from, to: { code: l.toCode, name: names.get(l.toCode) ?? '' }, share: l.share });
  }
  return out;
}

const refusedOf = (issues: BoundaryIssue[]): FileIssue[] =>
  issues
    .filter((i) => i.outcome === 'refused')
    .map(({ sheet, row, column, code, problem, values }) => ({
      sheet,
      row,
      column,
      code,
      problem,
      ...(values ? { values } : {}),
    }));

/** The foreign keys that point at a unit: where a retired unit's records are. */
async function unitReferences(db: Db): Promise<{ table: string; column: string }[]> {
  // pg_catalog, not information_schema: the latter lists only the tables the current role owns, and the app
  // may run as a role that owns none (README "Database roles").
  const rows = await db.execute<{ table_name: string; column_name: string }>(sql`
    select cl.relname as table_name, a.attname as column_name
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.contype = 'f' and c.confrelid = 'admin_units'::regclass`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: typeof rows }).rows) as unknown as {
    table_name: string;
    column_name: string;
  }[];
  return list.map((r) => ({ table: r.table_name, column: r.column_name }));
}

async function countRefs(
  db: Db,
  refs: { table: string; column: string }[],
  id: string,
): Promise<number> {
  let n = 0;
  for (const r of refs) {
    const res = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(r.table)} where ${sql.identifier(r.column)} = ${id}`,
    );
    const list = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as { n: number }[];
    n += list[0]?.n ?? 0;
  }
  return n;
}

/** Writes crosswalk links, each to the id its new code was given. */
export async function insertLinks(
  db: Db,
  links: Link[],
  idOf: ReadonlyMap<string, string>,
  effectiveOn: string,
) {
  if (links.length > 0)
    await db.insert(unitCrosswalk).values(
      links.map((l) => ({
        fromUnitId: l.from.id,
        toUnitId: idOf.get(l.toCode)!,
        share: l.share,
        effectiveOn,
      })),
    );
}

/**
 * One link per old unit, new unit and day: re-pointing may give a unit two links to the same successor
 * (it led to the retired unit and to its successor); their shares are summed (at most 1).
 */
async function mergeDuplicateLinks(db: Db, toId: string) {
  const twice = sql`select from_unit_id, to_unit_id, effective_on, min(id) as keep, least(1, sum(share)) as total
    from unit_crosswalk where to_unit_id = ${toId} group by 1, 2, 3 having count(*) > 1`;
  await db.execute(
    sql`with d as (${twice}) update unit_crosswalk u set share = d.total from d where u.id = d.keep`,
  );
  await db.execute(sql`with d as (${twice}) delete from unit_crosswalk u using d
    where u.from_unit_id = d.from_unit_id and u.to_unit_id = d.to_unit_id
      and u.effective_on = d.effective_on and u.id <> d.keep`);
}

/** The id, or the id with the first free suffix (a unit an earlier import retired keeps its id). */
async function freeId(db: Db, id: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .select({ id: adminUnits.id })
        .from(adminUnits)
        .where(sql`${adminUnits.id} = ${id} or ${adminUnits.id} like ${`${id}-r%`}`)
    ).map((r) => r.id),
  );
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-r${n}`)) return `${id}-r${n}`;
}

/** A point inside the shape, the same for the same seed (a hotspot's id): tries spread over its extent. */
function pointInside(g: Shape, seed: string): [number, number] | null {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const next = () => ((h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0), h / 2 ** 32);
  const [w, s, e, n] = boxOf(g);
  for (let i = 0; i < 200; i++) {
    const p: [number, number] = [w + (e - w) * next(), s + (n - s) * next()];
    if (booleanPointInPolygon(p, g))
      return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
  }
  return null;
}

/** The feature whose centre lies nearest the unit's centre. */
function nearestFeature(u: Unit, list: CheckedFeature[]): CheckedFeature | null {
  const c = [(u.west + u.east) / 2, (u.south + u.north) / 2];
  let best: CheckedFeature | null = null;
  let d = Infinity;
  for (const f of list) {
    const b = boxOf(f.geometry);
    const dd = ((b[0] + b[2]) / 2 - c[0]!) ** 2 + ((b[1] + b[3]) / 2 - c[1]!) ** 2;
    if (dd < d) [best, d] = [f, dd];
  }
  return best;
}

const lighten = (g: Shape) => simplify(g, { tolerance: 0.0001, highQuality: false }) as Shape;

export async function importBoundaries(
  ctx: WriteCtx,
  bytes: Uint8Array,
  q: BoundaryImportQuery,
): Promise<BoundaryReport> {
  const { db } = ctx;
  const commit = q.commit === '1';
  if (!inScope(ctx.scope, q.province))
    await denyOutOfScope(db, ctx.now, ctx.scope, `Province ${q.province}`, 'province', {
      action: 'import boundaries',
      clientIp: ctx.ip,
    });
  const province = await provinceOn(db, q.province, q.validFrom);
  const file = await readBoundaryFile(
    bytes,
    q.encoding,
    q.fileName && !/\.zip$/i.test(q.fileName) ? q.fileName : undefined,
  );
  const issues: BoundaryIssue[] = [];

  // The era's units: the province itself, or its communes valid on the day.
  const era: Unit[] =
    q.level === 'province' ? [province] : await communeRowsOn(db, province.id, q.validFrom);
  if (q.crs !== 'auto' && !crsDefinition(q.crs))
    throw new ApiError(
      400,
      'validation_failed',
      `crs: ${q.crs} is not a system the import knows (EPSG:4326, EPSG:4756, EPSG:3405, EPSG:3406, TM3:<central meridian 102–117>)`,
      'crs',
    );
  if (q.level === 'province' && q.mode === 'new')
    throw new ApiError(
      422,
      'validation_failed',
      'mode: a province outline replaces the one of its era; a new era begins with its communes',
      'mode',
    );
  const started = era.find((u) => u.validFrom >= q.validFrom);
  if (q.mode === 'new' && started)
    throw new ApiError(
      422,
      'validation_failed',
      `validFrom: the era in use begins on ${started.validFrom}; a new era must begin after it (to give this era new boundaries, replace it)`,
      'validFrom',
    );
  const widths = new Set(era.map((u) => u.code.length));
  const codeWidth = widths.size === 1 ? [...widths][0]! : null;
  const provinceBox: Box = [province.west, province.south, province.east, province.north];

  // The coordinate system: asked, the .prj's, GeoJSON's WGS 84, or candidates for the user.
  let crs: string | null = null;
  let crsSource: BoundaryReport['crs']['source'] = null;
  if (q.crs !== 'auto') [crs, crsSource] = [q.crs, 'asked'];
  else if (file.prj) {
    const found = crsFromPrj(file.prj);
    if ('id' in found) [crs, crsSource] = [found.id, 'prj'];
    else
      issues.push({
        sheet: file.entry.replace(/\.shp$/i, '.prj'),
        row: null,
        column: null,
        code: 'prj_unknown',
        problem: `${found.problem}: choose the coordinate system`,
        outcome: 'refused',
      });
  } else if (file.format === 'geojson') [crs, crsSource] = ['EPSG:4326', 'geojson'];
  else
    issues.push({
      sheet: file.entry,
      row: null,
      column: null,
      code: 'prj_missing',
      problem:
        'no .prj beside the .shp: choose the coordinate system among the candidates shown on the map',
      outcome: 'refused',
    });
  const extent = extentOf(file.features.map((f) => f.geometry));
  let candidates = crs || !extent ? [] : candidateSystems(extent, q.province, provinceBox);

  const mapping = guessMapping(
    file.fields,
    { code: q.codeField, name: q.nameField, type: q.typeField, parent: q.parentField },
    q.level,
  );
  // A code list (CSV of code, name, unit type) beside the layer gives the official names by code.
  const codeList = file.csvs.find((t) => {
    if (isCrosswalk(t)) return false;
    const m = guessMapping(t.fields, {}, 'commune');
    return !!m.code && !!m.name;
  });
  if (codeList && mapping.code) {
    const m = guessMapping(codeList.fields, {}, 'commune');
    const pad = (c: string) =>
      codeWidth && /^\d+$/.test(c) && c.length < codeWidth ? c.padStart(codeWidth, '0') : c;
    const byCode = new Map(codeList.rows.map((r) => [pad((r[m.code!] ?? '').trim()), r]));
    let named = 0;
    for (const f of file.features) {
      const row = byCode.get(pad(String(f.properties[mapping.code] ?? '').trim()));
      if (!row) continue;
      f.properties.csv_name = row[m.name!];
      if (m.type) f.properties.csv_type = row[m.type];
      named++;
    }
    file.fields.push('csv_name', ...(m.type ? ['csv_type'] : []));
    if (!q.nameField) mapping.name = 'csv_name';
    if (!q.typeField && m.type) mapping.type = 'csv_type';
    issues.push({
      sheet: codeList.name,
      row: null,
      column: m.name,
      code: 'code_list',
      problem: `names of ${named} of ${file.features.length} features from the code list`,
      values: { count: named },
      outcome: 'note',
    });
  }
  const checked = crs
    ? checkFeatures(file, { crs, mapping, provinceCode: province.code, codeWidth, level: q.level })
    : { features: [], issues: [], otherProvince: 0 };
  issues.push(...checked.issues);
  if (checked.otherProvince > 0)
    issues.push({
      sheet: file.entry,
      row: null,
      column: mapping.parent,
      code: 'other_province',
      problem: `${checked.otherProvince} feature(s) of other provinces left out`,
      values: { count: checked.otherProvince },
      outcome: 'note',
    });
  // Every feature outside Vietnam: the system chosen is not the file's; say which ones would fit.
  const outsideRows = new Set(
    checked.issues.filter((i) => i.code === 'outside_vietnam').map((i) => i.row),
  );
  if (
    crs &&
    extent &&
    checked.features.length > 0 &&
    outsideRows.size === checked.features.length
  ) {
    candidates = candidateSystems(extent, q.province, provinceBox).filter((c) => c.crs !== crs);
    issues.push({
      sheet: file.entry,
      row: null,
      column: null,
      code: 'wrong_system',
      problem: `no feature lands in Vietnam under ${crsLabel(crs)}${candidates[0] ? `: the file looks like ${candidates[0].label}` : ''}`,
      values: { crs: crsLabel(crs), guess: candidates[0]?.label ?? '' },
      outcome: 'refused',
    });
  }
  let good = checked.features.filter((f) => f.outcome !== 'refused');
  if (
    crs &&
    checked.features.length > 0 &&
    good.length === 0 &&
    !issues.some((i) => i.outcome === 'refused')
  )
    issues.push({
      sheet: file.entry,
      row: null,
      column: null,
      code: 'no_features',
      problem: 'no feature of this province in the file',
      outcome: 'refused',
    });
  if (crs && file.features.length > 0 && checked.features.length === 0 && checked.otherProvince > 0)
    issues.push({
      sheet: file.entry,
      row: null,
      column: mapping.parent,
      code: 'no_features',
      problem: `no feature has the province code ${province.code}`,
      outcome: 'refused',
    });
  if (q.level === 'province' && good.length > 1)
    issues.push({
      sheet: file.entry,
      row: null,
      column: null,
      code: 'one_province',
      problem: 'a province outline is one feature',
      outcome: 'refused',
    });

  const eraByCode = new Map(era.map((u) => [u.code, u]));
  const refusedCodes = new Set(
    checked.features.filter((f) => f.outcome === 'refused').map((f) => f.code),
  );
  let names = new Map(good.map((f) => [f.code, f.name]));
  const matched = good.filter((f) => eraByCode.has(f.code));
  // Codes are reused across eras: a file matched to the wrong era names other units by the same codes.
  const bare = (n: string) =>
    nameKey(n).replace(/^(xã|phường|thị trấn|đặc khu|tỉnh|thành phố) /, '');
  const renamed = matched.filter((f) => {
    const u = eraByCode.get(f.code)!;
    return !u.synthetic && bare(u.name) !== bare(f.name);
  });
  for (const f of renamed)
    issues.push({
      sheet: file.entry,
      row: f.row,
      column: mapping.name,
      code: 'name_differs',
      problem: `the code ${f.code} is ${eraByCode.get(f.code)!.name} in the era, ${f.name} in the file`,
      values: { code: f.code, era: eraByCode.get(f.code)!.name, file: f.name },
      outcome: 'note',
    });
  const compared = matched.filter((f) => !eraByCode.get(f.code)!.synthetic).length;
  // A re-drawn era keeps its names (a commune or two renamed at most); a wrong date renames many.
  if (renamed.length >= 3 && renamed.length >= compared * 0.15)
    issues.push({
      sheet: file.entry,
      row: null,
      column: mapping.name,
      code: 'era_mismatch',
      problem: `${renamed.length} of ${compared} codes name other units in the era valid on ${q.validFrom}: codes are reused across eras, is the date right?`,
      values: { count: renamed.length, of: compared, date: q.validFrom },
      outcome: 'refused',
    });
  let added = q.mode === 'replace' ? good.filter((f) => !eraByCode.has(f.code)) : good;
  const retired =
    q.mode === 'replace' && q.level === 'commune' && q.retire === '1'
      ? era.filter((u) => !names.has(u.code) && !refusedCodes.has(u.code))
      : [];

  // A code held by a live unit elsewhere in the era (another province's) cannot be given to a new unit.
  const addedFrom = q.mode === 'new' ? q.validFrom : (era[0]?.validFrom ?? q.validFrom);
  const leaving = new Set(retired.map((u) => u.id));
  const taken =
    added.length > 0
      ? (
          await db
            .select({ id: adminUnits.id, code: adminUnits.code, name: adminUnits.name })
            .from(adminUnits)
            .where(
              and(
                eq(adminUnits.level, q.level),
                inArray(
                  adminUnits.code,
                  added.map((f) => f.code),
                ),
                eq(adminUnits.validFrom, addedFrom),
                or(isNull(adminUnits.validTo), gt(adminUnits.validTo, adminUnits.validFrom)),
              ),
            )
        ).filter((u) => !leaving.has(u.id))
      : [];
  if (taken.length > 0) {
    const holder = new Map(taken.map((u) => [u.code, u]));
    for (const f of added.filter((x) => holder.has(x.code))) {
      const h = holder.get(f.code)!;
      issues.push({
        sheet: file.entry,
        row: f.row,
        column: mapping.code,
        code: 'code_elsewhere',
        problem: `the code ${f.code} is held by ${h.name} of another province in this era`,
        values: { code: f.code, name: h.name },
        outcome: 'refused',
      });
      f.outcome = 'refused';
    }
    added = added.filter((f) => !holder.has(f.code));
    good = good.filter((f) => !holder.has(f.code));
    names = new Map(good.map((f) => [f.code, f.name]));
  }
  // The crosswalk: a new era's from old to new; a replacement's from each retired unit to its successors.
  const csv = file.csvs.find(isCrosswalk);
  let links: Link[] = [];
  let source: BoundaryReport['crosswalk']['source'] = 'none';
  if (q.mode === 'new' && q.level === 'commune' && good.length > 0) {
    if (q.crosswalk === 'csv' && !csv)
      issues.push({
        sheet: file.entry,
        row: null,
        column: null,
        code: 'crosswalk_missing',
        problem: 'no crosswalk CSV (old code, new code, share) in the zip',
        outcome: 'refused',
      });
    if (csv && q.crosswalk !== 'overlap') {
      links = crosswalkFromCsv(csv, eraByCode, new Set(names.keys()), issues, codeWidth);
      source = 'csv';
    } else {
      links = crosswalkByOverlap(era, good);
      source = 'overlap';
    }
  } else if (retired.length > 0) {
    links = crosswalkByOverlap(retired, good);
    source = 'overlap';
  }
  const fromUnits = q.mode === 'new' ? era : retired;
  const ambiguous = q.level === 'commune' ? ambiguousLinks(fromUnits, links, names) : [];

  // What follows the boundaries.
  const refs =
    retired.length > 0
      ? (await unitReferences(db)).filter((r) => r.table !== 'unit_crosswalk')
      : [];
  const successor = new Map<string, string>();
  for (const u of retired) {
    const best = links.filter((l) => l.from.id === u.id).sort((a, b) => b.share - a.share)[0];
    if (best) successor.set(u.id, best.toCode);
    else if ((await countRefs(db, refs, u.id)) > 0) {
      // Covered by no unit of the file (the old boundary lay elsewhere): its records go to the nearest, listed to check.
      const near = nearestFeature(u, good);
      if (near) {
        successor.set(u.id, near.code);
        issues.push({
          sheet: file.entry,
          row: null,
          column: mapping.code,
          code: 'retired_to_nearest',
          problem: `${u.name} (${u.code}) is not in the file and no unit of it covers it: its records go to the nearest, ${near.name} (${near.code})`,
          values: { code: u.code, name: u.name, to: near.code, toName: near.name },
          outcome: 'note',
        });
      }
    }
  }
  for (const a of ambiguous)
    if (!a.to.code && successor.has(a.from.id)) {
      const code = successor.get(a.from.id)!;
      a.to = { code, name: names.get(code) ?? '' };
    }
  const eraIds = era.map((u) => u.id);
  const spots =
    q.level === 'commune' && eraIds.length > 0
      ? await db
          .select({
            id: hotspots.id,
            unitId: hotspots.unitId,
            lng: hotspots.lng,
            lat: hotspots.lat,
            identifiedOn: hotspots.identifiedOn,
          })
          .from(hotspots)
          .where(
            q.mode === 'new'
              ? and(inArray(hotspots.unitId, eraIds), gte(hotspots.identifiedOn, q.validFrom))
              : inArray(hotspots.unitId, eraIds),
          )
      : [];
  const boxes = good.map((f) => ({ f, box: boxOf(f.geometry) }));
  const placed = spots.map((s) => {
    const hit = boxes.find(
      ({ f, box }) =>
        s.lng >= box[0] &&
        s.lng <= box[2] &&
        s.lat >= box[1] &&
        s.lat <= box[3] &&
        booleanPointInPolygon([s.lng, s.lat], f.geometry),
    );
    // A point in no unit of the file (the old boundary reached further) stays with its unit, or, when that
    // unit is retired, goes with its records to the unit succeeding it.
    const own = era.find((u) => u.id === s.unitId)?.code;
    const kept = own && names.has(own) ? own : null;
    return { ...s, code: hit?.f.code ?? successor.get(s.unitId!) ?? kept, outside: !hit };
  });
  const hotspotMoves = placed.filter((s) => {
    if (!s.code) return false;
    const now = era.find((u) => u.id === s.unitId);
    return q.mode === 'new' || now?.code !== s.code;
  });

  const report: BoundaryReport = {
    committed: false,
    file: {
      name: file.entry,
      format: file.format,
      features: file.features.length,
      vertices: file.vertices,
    },
    crs: { id: crs, label: crs ? crsLabel(crs) : null, source: crsSource },
    candidates,
    fields: file.fields,
    mapping,
    encoding: file.encoding,
    issues,
    units: {
      matched: matched.length,
      added: added.length,
      retired: retired.map((u) => ({ id: u.id, code: u.code, name: u.name })),
    },
    crosswalk: { source, links: links.length, ambiguous },
    moved: { hotspots: hotspotMoves.length, records: 0 },
    preview: {
      type: 'FeatureCollection',
      features: checked.features
        .filter((f) => f.geometry.coordinates.length > 0)
        .map((f) => ({
          type: 'Feature' as const,
          properties: { code: f.code, name: f.name, outcome: f.outcome },
          geometry: lighten(f.geometry),
        })),
    },
  };
  if (!commit) return report;

  // Leaving out refused features is allowed; a refusal of the whole file (system, fields, crosswalk) is not.
  const refused = refusedOf(issues).filter(
    (i) => q.skip !== '1' || i.row === null || i.sheet !== file.entry,
  );
  if (refused.length > 0) throw new FileIssuesError(refused);

  const moved = await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const idOf = new Map<string, string>();
    const stamp = ctx.now;
    let records = 0;
    for (const f of q.mode === 'replace' ? matched : []) {
      const u = eraByCode.get(f.code)!;
      const [w, s, e, n] = boxOf(f.geometry);
      await t
        .update(adminUnits)
        .set({
          name: f.name,
          geometry: f.geometry as Geometry,
          areaKm2: km2(f.geometry),
          west: w,
          south: s,
          east: e,
          north: n,
          borderDistanceM: null,
          synthetic: false,
          updatedAt: stamp,
          version: sql`${adminUnits.version} + 1`,
        })
        .where(eq(adminUnits.id, u.id));
      idOf.set(f.code, u.id);
    }
    const endOfNew = q.mode === 'new' ? (era.map((u) => u.validTo).find((v) => v) ?? null) : null;
    // Retired units give their codes up first: a code of the file may be one a retired unit held.
    const eraStart = era[0]?.validFrom ?? q.validFrom;
    if (retired.length > 0)
      await t
        .update(adminUnits)
        .set({ validTo: eraStart, updatedAt: stamp })
        .where(
          inArray(
            adminUnits.id,
            retired.map((u) => u.id),
          ),
        );
    for (const f of added) {
      const [w, s, e, n] = boxOf(f.geometry);
      const id = await freeId(
        t,
        q.level === 'province'
          ? `prov-${province.code}-${q.validFrom}`
          : `com-${f.code}-${q.validFrom}`,
      );
      const validFrom = q.mode === 'new' ? q.validFrom : (era[0]?.validFrom ?? q.validFrom);
      const validTo = q.mode === 'new' ? endOfNew : (era[0]?.validTo ?? null);
      await t.insert(adminUnits).values({
        id,
        level: q.level,
        code: f.code,
        name: f.name,
        nameEn: f.name
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .replace(/đ/g, 'd')
          .replace(/Đ/g, 'D'),
        parentId: q.level === 'province' ? null : province.id,
        provinceId: q.level === 'province' ? null : province.id,
        slug: q.level === 'province' ? province.slug : null,
        validFrom,
        validTo,
        population: null,
        areaKm2: km2(f.geometry),
        synthetic: false,
        geometry: f.geometry as Geometry,
        west: w,
        south: s,
        east: e,
        north: n,
        createdAt: stamp,
        updatedAt: stamp,
      });
      idOf.set(f.code, id);
    }
    if (q.mode === 'new') {
      if (eraIds.length > 0)
        await t
          .update(adminUnits)
          .set({ validTo: q.validFrom, updatedAt: stamp })
          .where(inArray(adminUnits.id, eraIds));
      await insertLinks(t, links, idOf, q.validFrom);
    }
    for (const s of hotspotMoves)
      await t
        .update(hotspots)
        .set({
          unitId: idOf.get(s.code!)!,
          updatedAt: stamp,
          version: sql`${hotspots.version} + 1`,
        })
        .where(eq(hotspots.id, s.id));
    // Demo data only (`movePoints=1`): a point the real boundaries leave outside every unit is drawn again
    // inside the unit it now belongs to, so the demo's invented points land on the real communes.
    if (q.movePoints === '1')
      for (const s of placed.filter((x) => x.outside && x.code)) {
        const home = good.find((f) => f.code === s.code);
        const p = home && pointInside(home.geometry, s.id);
        if (p)
          await t
            .update(hotspots)
            .set({
              lng: p[0],
              lat: p[1],
              unitId: idOf.get(s.code!)!,
              borderDistanceM: null,
              updatedAt: stamp,
            })
            .where(eq(hotspots.id, s.id));
      }
    // A retired unit is not deleted: its records stay on it, its validity closes where the era begins, and
    // the crosswalk leads from it to the units now covering it (as a reform's does), which is how its tier
    // history and plans show on them. Links that led to it lead on to its main successor.
    for (const u of retired) {
      const mine = links.filter((l) => l.from.id === u.id);
      const to =
        mine.length > 0
          ? mine
          : successor.has(u.id)
            ? [{ from: u, toCode: successor.get(u.id)!, share: 1 }]
            : [];
      await insertLinks(t, to, idOf, eraStart);
      if (successor.has(u.id))
        await t
          .update(unitCrosswalk)
          .set({ toUnitId: idOf.get(successor.get(u.id)!)! })
          .where(
            and(
              eq(unitCrosswalk.toUnitId, u.id),
              sql`${unitCrosswalk.effectiveOn} <= ${eraStart}`,
              sql`${unitCrosswalk.fromUnitId} <> ${u.id}`,
            ),
          );
      if (successor.has(u.id)) await mergeDuplicateLinks(t, idOf.get(successor.get(u.id)!)!);
      records += await countRefs(t, refs, u.id);
    }
    await audit(t, stamp, {
      // The command line imports as no account of the database.
      actor: ctx.scope.user.id ? ctx.scope.user : null,
      username: ctx.scope.user.username,
      action: 'import boundaries',
      objectType: 'province',
      objectId: province.id,
      outcome: 'ok',
      clientIp: ctx.ip,
      detail: `${q.mode} ${q.level} from ${q.validFrom} (${file.entry}, ${crs}): ${matched.length} matched, ${added.length} added, ${retired.length} retired, ${links.length} crosswalk links, ${hotspotMoves.length} hotspots placed`,
    });
    return { hotspots: hotspotMoves.length, records };
  });
  await measureBorderDistances(db);
  return { ...report, committed: true, moved };
}
