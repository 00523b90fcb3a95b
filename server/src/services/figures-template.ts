/**
 * The commune-figures template: the province's communes of the period's era with their codes,
 * pre-filled with what is stored for the period; figures-import.ts reads it back.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { printSetup } from './xlsx-write.ts';
import { formatViDate, vietnamDay } from '@pcmt/shared/dates';
import { FIGURE_FIELDS } from '@pcmt/shared/figures';
import { periodEraDay } from '@pcmt/shared/state/figures';
import type { Db } from '../db/create-db.ts';
import { adminUnits, communeFigures } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { provinceOn, validOn } from './units.ts';

export const FIGURES_SHEET = 'Số liệu xã';
export const INFO_SHEET = 'Thông tin';
export const COLUMNS = [
  { key: 'code', header: 'Mã xã', required: true },
  { key: 'name', header: 'Tên xã, phường' },
  ...FIGURE_FIELDS.map((f) => ({
    key: f.key,
    header: f.vi,
    formerly: 'formerly' in f ? f.formerly : undefined,
    required: true,
  })),
] as const;
export const INFO = { province: 2, from: 3, to: 4 } as const;

export async function communesOf(db: Db, slug: string, day: string) {
  const province = await provinceOn(db, slug, day);
  const rows = await db
    .select({
      id: adminUnits.id,
      code: adminUnits.code,
      name: adminUnits.name,
      population: adminUnits.population,
      validFrom: adminUnits.validFrom,
      validTo: adminUnits.validTo,
    })
    .from(adminUnits)
    .where(
      and(eq(adminUnits.level, 'commune'), eq(adminUnits.provinceId, province.id), validOn(day)),
    )
    .orderBy(asc(adminUnits.code));
  return { province, communes: rows };
}

export async function storedFor(db: Db, unitIds: string[], periodFrom: string, periodTo: string) {
  if (unitIds.length === 0) return new Map<string, typeof communeFigures.$inferSelect>();
  const rows = await db
    .select()
    .from(communeFigures)
    .where(
      and(
        inArray(communeFigures.unitId, unitIds),
        eq(communeFigures.periodFrom, periodFrom),
        eq(communeFigures.periodTo, periodTo),
      ),
    );
  return new Map(rows.map((r) => [r.unitId, r]));
}

/** The template for a period, pre-filled with the figures stored for it. */
export async function figuresTemplate(
  db: Db,
  slug: string,
  periodFrom: string,
  periodTo: string,
  now: Date,
) {
  const today = vietnamDay(now);
  if (periodFrom > today)
    throw new ApiError(
      422,
      'validation_failed',
      'periodFrom: the period has not begun',
      'periodFrom',
    );
  const day = periodEraDay(periodTo, today);
  const { province, communes } = await communesOf(db, slug, day);
  const stored = await storedFor(
    db,
    communes.map((c) => c.id),
    periodFrom,
    periodTo,
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bản đồ phòng, chống ma túy';
  const ws = wb.addWorksheet(FIGURES_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
    pageSetup: printSetup('1:1'),
  });
  ws.columns = COLUMNS.map((c, i) => ({ header: c.header, key: c.key, width: i < 2 ? 18 : 22 }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(1).height = 48;
  for (const c of communes) {
    const f = stored.get(c.id);
    const row = ws.addRow({ code: c.code, name: c.name });
    for (const { key, kind } of FIGURE_FIELDS) {
      const v = f?.[key];
      row.getCell(key).value =
        v === null || v === undefined
          ? null
          : kind === 'flag'
            ? v
              ? 'có'
              : 'không'
            : (v as number);
    }
  }
  const last = communes.length + 1;
  for (const { key, kind } of FIGURE_FIELDS) {
    const letter = ws.getColumn(key).letter;
    for (let r = 2; r <= last; r++)
      ws.getCell(`${letter}${r}`).dataValidation =
        kind === 'flag'
          ? { type: 'list', allowBlank: true, formulae: ['"có,không"'] }
          : {
              type: kind === 'area' ? 'decimal' : 'whole',
              operator: 'greaterThanOrEqual',
              allowBlank: true,
              formulae: [0],
            };
  }
  const info = wb.addWorksheet(INFO_SHEET);
  info.columns = [{ width: 36 }, { width: 40 }];
  info.addRows([
    ['Tỉnh', province.name],
    ['Mã định danh tỉnh (không sửa)', slug],
    ['Từ ngày', formatViDate(periodFrom)],
    ['Đến ngày', formatViDate(periodTo)],
    ['Đơn vị hành chính hiệu lực ngày', formatViDate(day)],
    ['Lưu ý', 'Chỉ ghi số liệu; không ghi họ tên người. Ô để trống là chưa có số liệu.'],
  ]);
  info.getColumn(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
