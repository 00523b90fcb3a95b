/**
 * A hotspot list from .xlsx: the template, and its import (previewed, or written in one transaction).
 * Each row is placed by WGS 84 degrees, by VN-2000 X/Y in the province's TM-3 zone, or by its commune
 * code alone (then at a point inside the commune, and the note says so). A row whose position and
 * commune code disagree, or that lies outside the province, is refused by row and column.
 */
import { randomUUID } from 'node:crypto';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointOnFeature from '@turf/point-on-feature';
import { and, eq, inArray } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { formatViDate, vietnamDay } from '@pcmt/shared/dates';
import { HOTSPOT_KINDS, type HotspotKind } from '@pcmt/shared/domain';
import type { FileIssue } from '@pcmt/shared/errors';
import { fileIssue } from '@pcmt/shared/file-issues';
import { HOTSPOT_KIND_LABELS } from '@pcmt/shared/labels';
import { provinceTm3, vn2000ToWgs84 } from '@pcmt/shared/vn2000';
import type { Db } from '../db/create-db.ts';
import { adminUnits, hotspots } from '../db/schema.ts';
import { FileIssuesError } from '../errors.ts';
import { audit, diff } from './audit.ts';
import { borderIndexes, placeAgainstBorder, raiseBorderAlert } from './border-belt.ts';
import type { WriteCtx } from './figures.ts';
import { denyOutOfScope, inScope } from './scope.ts';
import { provinceIdsOf } from './units.ts';
import { inspectXlsx } from './xlsx-upload.ts';
import { cellReaders, openWorkbook, readRows, type Cell } from './xlsx-sheet.ts';
import { APPROX_NOTE, COLUMNS, HOTSPOTS_SHEET, INFO_SHEET } from './hotspot-template.ts';

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();
const KIND_BY_TEXT = new Map<string, HotspotKind>(
  HOTSPOT_KINDS.flatMap((k) => [
    [norm(k), k],
    [norm(HOTSPOT_KIND_LABELS.vi[k]), k],
    [norm(HOTSPOT_KIND_LABELS.en[k]), k],
  ]),
);

type Commune = {
  id: string;
  code: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  geometry: unknown;
  west: number;
  south: number;
  east: number;
  north: number;
};
const validOnDay = (u: Commune, day: string) =>
  u.validFrom <= day && (u.validTo === null || u.validTo > day);

async function communesOfProvince(db: Db, slug: string): Promise<Commune[]> {
  const ids = await provinceIdsOf(db, slug);
  return db
    .select({
      id: adminUnits.id,
      code: adminUnits.code,
      name: adminUnits.name,
      validFrom: adminUnits.validFrom,
      validTo: adminUnits.validTo,
      geometry: adminUnits.geometry,
      west: adminUnits.west,
      south: adminUnits.south,
      east: adminUnits.east,
      north: adminUnits.north,
    })
    .from(adminUnits)
    .where(and(eq(adminUnits.level, 'commune'), inArray(adminUnits.provinceId, ids)));
}

interface Parsed {
  row: number;
  kind: HotspotKind;
  identifiedOn: string;
  lng: number;
  lat: number;
  unit: Commune;
  approximate: boolean;
  note: string;
}

function parseRow(
  r: { row: number; cells: Record<(typeof COLUMNS)[number]['key'], Cell> },
  read: ReturnType<typeof cellReaders>,
  ctx: { slug: string; today: string; communes: Commune[]; where: (day: string) => string },
): Parsed | null {
  const { row, cells } = r;
  const kindText = read.text(cells.kind);
  const kind = kindText ? KIND_BY_TEXT.get(norm(kindText)) : undefined;
  if (!kindText) read.fail(row, 'kind', 'required', { what: 'kind' });
  else if (!kind) read.fail(row, 'kind', 'not_kind', { value: kindText });
  const day = read.date(row, 'identifiedOn', cells.identifiedOn);
  if (day === null) read.fail(row, 'identifiedOn', 'required', { what: 'date' });
  else if (day && day > ctx.today)
    read.fail(row, 'identifiedOn', 'after_today', { value: formatViDate(day) });
  const lng = read.decimalSigned(row, 'lng', cells.lng);
  const lat = read.decimalSigned(row, 'lat', cells.lat);
  const x = read.decimalSigned(row, 'x', cells.x);
  const y = read.decimalSigned(row, 'y', cells.y);
  const code = read.text(cells.code);
  const note = read.text(cells.note) ?? '';
  // Half a coordinate is a mistake, not a request to estimate the position.
  if ((lng === null) !== (lat === null))
    read.fail(row, lng === null ? 'lng' : 'lat', 'required', {
      what: lng === null ? 'longitude' : 'latitude',
    });
  if ((x === null) !== (y === null))
    read.fail(row, x === null ? 'x' : 'y', 'required', { what: x === null ? 'X' : 'Y' });
  if (note.length > 2000)
    read.fail(row, 'note', 'too_large', { value: `${note.length} ký tự / characters` });
  if (
    !kind ||
    !day ||
    day > ctx.today ||
    [lng, lat, x, y].includes(undefined) ||
    (lng === null) !== (lat === null) ||
    (x === null) !== (y === null) ||
    note.length > 2000
  )
    return null;
  let point: [number, number] | null = null;
  if (lng !== null && lat !== null) point = [lng!, lat!];
  else if (x !== null && y !== null) {
    const zone = provinceTm3(ctx.slug);
    if (!zone) return read.fail(row, 'x', 'unreadable') ?? null;
    try {
      point = vn2000ToWgs84(x!, y!, zone);
    } catch (e) {
      return (
        read.fail(row, (e as Error).message.startsWith('Y') ? 'y' : 'x', 'not_number', {
          value: String((e as Error).message.startsWith('Y') ? y : x),
        }) ?? null
      );
    }
  }
  const ofDay = ctx.communes.filter((u) => validOnDay(u, day));
  const byCode = code ? ofDay.find((u) => u.code === code) : undefined;
  if (code && !byCode)
    return read.fail(row, 'code', 'unknown_commune', { code, where: ctx.where(day) }) ?? null;
  if (!point) {
    if (!byCode) return read.fail(row, 'lng', 'position_missing') ?? null;
    const [pLng, pLat] = pointOnFeature(byCode.geometry as never).geometry.coordinates as [
      number,
      number,
    ];
    return {
      row,
      kind,
      identifiedOn: day,
      lng: pLng,
      lat: pLat,
      unit: byCode,
      approximate: true,
      note: note ? `${note} ${APPROX_NOTE}` : APPROX_NOTE,
    };
  }
  const [pLng, pLat] = point;
  const hit = ofDay.find(
    (u) =>
      pLng >= u.west &&
      pLng <= u.east &&
      pLat >= u.south &&
      pLat <= u.north &&
      booleanPointInPolygon(point!, u.geometry as never),
  );
  const column = lng !== null ? 'lng' : 'x';
  if (!hit)
    return (
      read.fail(row, column, 'outside_province', { lng: pLng.toFixed(5), lat: pLat.toFixed(5) }) ??
      null
    );
  if (byCode && byCode.id !== hit.id)
    return (
      read.fail(row, 'code', 'not_in_commune', {
        found: `${hit.name} (${hit.code})`,
        code: code ?? '',
      }) ?? null
    );
  return {
    row,
    kind,
    identifiedOn: day,
    lng: pLng,
    lat: pLat,
    unit: hit,
    approximate: false,
    note,
  };
}

function readSlug(wb: ExcelJS.Workbook) {
  const slug = String(wb.getWorksheet(INFO_SHEET)?.getCell('B2').text ?? '').trim();
  if (!slug)
    throw new FileIssuesError([
      fileIssue({ sheet: INFO_SHEET, row: 2, column: 'B' }, 'required', { what: 'province' }),
    ]);
  return slug;
}

export interface HotspotImportPreview {
  rows: {
    row: number;
    kind: HotspotKind;
    identifiedOn: string;
    lng: number;
    lat: number;
    unitId: string;
    commune: string;
    approximate: boolean;
  }[];
  committed: boolean;
  written: number;
}

/** Reads and checks an uploaded hotspot list; with `commit`, records every row in one transaction. */
export async function importHotspots(
  ctx: WriteCtx,
  bytes: Uint8Array,
  commit: boolean,
): Promise<HotspotImportPreview> {
  inspectXlsx(bytes);
  const wb = await openWorkbook(bytes);
  const slug = readSlug(wb);
  if (!inScope(ctx.scope, slug) || !ctx.scope.user.provinceSlug)
    await denyOutOfScope(ctx.db, ctx.now, ctx.scope, `Province ${slug}`, 'province', {
      action: 'hotspot.import',
      objectType: 'province',
      objectId: slug,
      clientIp: ctx.ip,
    });
  const communes = await communesOfProvince(ctx.db, slug);
  const today = vietnamDay(ctx.now);
  const { rows, issues: cellIssues, letters } = readRows(wb, HOTSPOTS_SHEET, COLUMNS, 2);
  const issues: FileIssue[] = [...cellIssues];
  const read = cellReaders(HOTSPOTS_SHEET, letters, issues);
  const where = (day: string) => `${slug} (${formatViDate(day)})`;
  const parsed = rows
    .map((r) => parseRow(r, read, { slug, today, communes, where }))
    .filter((p): p is Parsed => !!p);
  if (issues.length) throw new FileIssuesError(issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
  const preview = {
    rows: parsed.map((p) => ({
      row: p.row,
      kind: p.kind,
      identifiedOn: p.identifiedOn,
      lng: p.lng,
      lat: p.lat,
      unitId: p.unit.id,
      commune: p.unit.name,
      approximate: p.approximate,
    })),
    committed: false,
    written: 0,
  };
  if (!commit) return preview;
  const ix = await borderIndexes(ctx.db);
  await ctx.db.transaction(async (tx) => {
    for (const p of parsed) {
      const [row] = await tx
        .insert(hotspots)
        .values({
          id: `hs-${randomUUID()}`,
          kind: p.kind,
          unitId: p.unit.id,
          lng: p.lng,
          lat: p.lat,
          identifiedOn: p.identifiedOn,
          eliminatedOn: null,
          reEmergedFromId: null,
          note: p.note,
          ...placeAgainstBorder(ix, slug, p.lng, p.lat),
        })
        .returning();
      await audit(tx, ctx.now, {
        actor: ctx.scope.user,
        action: 'hotspot.import',
        objectType: 'hotspot',
        objectId: row!.id,
        changes: diff(null, row as Record<string, unknown>),
        outcome: 'ok',
        clientIp: ctx.ip,
      });
      await raiseBorderAlert(tx, ctx.now, ctx.scope.user, row!, slug, today, ctx.ip);
    }
  });
  return { ...preview, committed: true, written: parsed.length };
}
