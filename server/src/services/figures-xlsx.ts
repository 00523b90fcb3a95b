/**
 * The commune-figures workbook: the template (the province's communes of the period's era with their
 * codes, pre-filled with what is stored) and its import, previewed (changes and each commune's new
 * suggested tier) or committed in one transaction. A file with any problem writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { formatViDate, vietnamDay } from '@pcmt/shared/dates';
import type { FileIssue } from '@pcmt/shared/errors';
import {
  FIGURE_FIELDS,
  suggestFromFigures,
  type FigureKey,
  type FigureValues,
} from '@pcmt/shared/figures';
import { figuresOn } from '@pcmt/shared/state/figures';
import type { Db } from '../db/create-db.ts';
import { adminUnits, communeFigures } from '../db/schema.ts';
import { ApiError, FileIssuesError } from '../errors.ts';
import { audit, diff } from './audit.ts';
import { checkPeriod, listFigures, type WriteCtx } from './figures.ts';
import { denyOutOfScope, inScope } from './scope.ts';
import { provinceOn, validOn } from './units.ts';
import { inspectXlsx } from './xlsx-upload.ts';
import { cellReaders, openWorkbook, readRows } from './xlsx-sheet.ts';

export const FIGURES_SHEET = 'Số liệu xã';
export const INFO_SHEET = 'Thông tin';
const COLUMNS = [
  { key: 'code', header: 'Mã xã', required: true },
  { key: 'name', header: 'Tên xã, phường' },
  ...FIGURE_FIELDS.map((f) => ({ key: f.key, header: f.vi, required: true })),
] as const;
const INFO = { province: 2, from: 3, to: 4 } as const;

/** The era a period's figures belong to: the units valid on its last day, or today while it runs. */
const eraDay = (periodTo: string, today: string) => (periodTo < today ? periodTo : today);

async function communesOf(db: Db, slug: string, day: string) {
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

async function storedFor(db: Db, unitIds: string[], periodFrom: string, periodTo: string) {
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
  const day = eraDay(periodTo, today);
  const { province, communes } = await communesOf(db, slug, day);
  const stored = await storedFor(
    db,
    communes.map((c) => c.id),
    periodFrom,
    periodTo,
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bản đồ phòng, chống ma túy';
  const ws = wb.addWorksheet(FIGURES_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
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

function readInfo(wb: ExcelJS.Workbook, issues: FileIssue[]) {
  const ws = wb.getWorksheet(INFO_SHEET);
  if (!ws) {
    issues.push({
      sheet: INFO_SHEET,
      row: null,
      column: null,
      problem: `the sheet "${INFO_SHEET}" is missing: start from the downloaded template`,
    });
    return null;
  }
  const read = cellReaders(INFO_SHEET, { from: 'B', to: 'B', province: 'B' }, issues);
  const text = (r: number) => String(ws.getCell(`B${r}`).text ?? '').trim();
  const slug = text(INFO.province);
  const from = read.date(INFO.from, 'from', text(INFO.from) || null);
  const to = read.date(INFO.to, 'to', text(INFO.to) || null);
  if (!slug)
    issues.push({
      sheet: INFO_SHEET,
      row: INFO.province,
      column: 'B',
      problem: 'the province is missing',
    });
  if (!from)
    issues.push({
      sheet: INFO_SHEET,
      row: INFO.from,
      column: 'B',
      problem: 'the period start is missing',
    });
  if (!to)
    issues.push({
      sheet: INFO_SHEET,
      row: INFO.to,
      column: 'B',
      problem: 'the period end is missing',
    });
  if (!slug || !from || !to) return null;
  if (from > to) {
    issues.push({
      sheet: INFO_SHEET,
      row: INFO.to,
      column: 'B',
      problem: 'the period ends before it starts',
    });
    return null;
  }
  return { slug, from, to };
}

type Parsed = {
  row: number;
  unit: Awaited<ReturnType<typeof communesOf>>['communes'][number];
  values: Record<FigureKey, number | boolean | null>;
};

function parseRows(
  wb: ExcelJS.Workbook,
  byCode: Map<string, Parsed['unit']>,
  where: string,
  issues: FileIssue[],
) {
  const { rows, issues: cellIssues, letters } = readRows(wb, FIGURES_SHEET, COLUMNS);
  issues.push(...cellIssues);
  const read = cellReaders(FIGURES_SHEET, letters, issues);
  const seen = new Map<string, number>();
  const out: Parsed[] = [];
  for (const { row, cells } of rows) {
    const code = read.text(cells.code);
    if (!code) {
      read.fail(row, 'code', 'the commune code is missing');
      continue;
    }
    const unit = byCode.get(code);
    if (!unit) {
      read.fail(row, 'code', `no commune with code ${code} in ${where}`);
      continue;
    }
    if (seen.has(code)) {
      read.fail(row, 'code', `the commune ${code} is also on row ${seen.get(code)}`);
      continue;
    }
    seen.set(code, row);
    const values = {} as Parsed['values'];
    for (const { key, kind } of FIGURE_FIELDS) {
      const v = cells[key];
      const got =
        kind === 'flag'
          ? read.flag(row, key, v)
          : kind === 'area'
            ? read.decimal(row, key, v)
            : read.count(row, key, v, key === 'population' ? 1 : 0);
      values[key] = got ?? null;
    }
    out.push({ row, unit, values });
  }
  return out;
}

const suggestion = (f: FigureValues | undefined, population: number | null) => {
  if (!f) return null;
  const s = suggestFromFigures(f, population);
  return {
    tier: s.tier,
    ruleSet: s.ruleSet,
    triggered: s.triggered.map(({ id, vi, en, confirmed }) => ({ id, vi, en, confirmed })),
  };
};

/** Reads, checks and previews an uploaded figures workbook; with `commit`, writes it in one transaction. */
export async function importFigures(ctx: WriteCtx, bytes: Uint8Array, commit: boolean) {
  inspectXlsx(bytes);
  const wb = await openWorkbook(bytes);
  const issues: FileIssue[] = [];
  const info = readInfo(wb, issues);
  if (!info) throw new FileIssuesError(issues);
  if (!inScope(ctx.scope, info.slug))
    await denyOutOfScope(ctx.db, ctx.now, ctx.scope, `Province ${info.slug}`, 'province', {
      action: 'figures.import',
      objectType: 'province',
      objectId: info.slug,
      clientIp: ctx.ip,
    });
  const today = vietnamDay(ctx.now);
  const day = eraDay(info.to, today);
  const { province, communes } = await communesOf(ctx.db, info.slug, day).catch(() => {
    throw new FileIssuesError([
      {
        sheet: INFO_SHEET,
        row: INFO.province,
        column: 'B',
        problem: `no province "${info.slug}" on ${formatViDate(day)}`,
      },
    ]);
  });
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const parsed = parseRows(wb, byCode, `${province.name} on ${formatViDate(day)}`, issues);
  for (const p of parsed) {
    try {
      checkPeriod(p.unit, info.from, info.to, today);
    } catch (e) {
      issues.push({
        sheet: INFO_SHEET,
        row: INFO.from,
        column: 'B',
        problem: (e as Error).message,
      });
      break;
    }
  }
  if (issues.length) throw new FileIssuesError(issues);

  const stored = await storedFor(
    ctx.db,
    parsed.map((p) => p.unit.id),
    info.from,
    info.to,
  );
  const inForce = figuresOn(await listFigures(ctx.db, info.slug), day);
  const rows = parsed.map((p) => {
    const current = stored.get(p.unit.id);
    const changes = FIGURE_FIELDS.filter(
      ({ key }) => (current?.[key] ?? null) !== p.values[key],
    ).map(({ key }) => ({
      key,
      before: current?.[key] ?? null,
      after: p.values[key],
    }));
    const basis = current ?? inForce.get(p.unit.id);
    return {
      row: p.row,
      unitId: p.unit.id,
      code: p.unit.code,
      name: p.unit.name,
      changes,
      before: suggestion(basis as FigureValues | undefined, p.unit.population),
      after: suggestion(p.values as FigureValues, p.unit.population),
    };
  });
  const changed = rows.filter((r) => r.changes.length > 0);
  const preview = {
    province: info.slug,
    provinceName: province.name,
    periodFrom: info.from,
    periodTo: info.to,
    eraDay: day,
    rows: changed,
    unchanged: rows.length - changed.length,
    committed: false,
    written: 0,
  };
  if (!commit) return preview;
  await ctx.db.transaction(async (tx) => {
    for (const r of changed) {
      const p = parsed.find((x) => x.unit.id === r.unitId)!;
      const current = stored.get(r.unitId);
      const values = { ...(p.values as FigureValues), source: 'import', recordedOn: today };
      const [after] = current
        ? await tx
            .update(communeFigures)
            .set({ ...values, version: current.version + 1, updatedAt: ctx.now })
            .where(
              and(eq(communeFigures.id, current.id), eq(communeFigures.version, current.version)),
            )
            .returning()
        : await tx
            .insert(communeFigures)
            .values({
              id: randomUUID(),
              unitId: r.unitId,
              periodFrom: info.from,
              periodTo: info.to,
              ...values,
            })
            .returning();
      // Changed between the preview and the commit: the whole file is refused, nothing kept.
      if (!after)
        throw new ApiError(
          409,
          'conflict',
          `file: the figures of ${r.name} changed meanwhile; upload the file again`,
          'file',
        );
      await audit(tx, ctx.now, {
        actor: ctx.scope.user,
        action: 'figures.import',
        objectType: 'commune_figures',
        objectId: after.id,
        changes: diff(
          (current ?? null) as Record<string, unknown> | null,
          after as Record<string, unknown>,
        ),
        outcome: 'ok',
        clientIp: ctx.ip,
      });
    }
  });
  return { ...preview, committed: true, written: changed.length };
}
