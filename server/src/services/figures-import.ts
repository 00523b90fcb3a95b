/**
 * The import of a filled commune-figures template: every problem collected by sheet, row and column;
 * a clean file previewed (changes and each commune's suggested tier before and after) or committed in
 * one transaction. A file with any problem writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { formatViDate, vietnamDay } from '@pcmt/shared/dates';
import type { FileIssue } from '@pcmt/shared/errors';
import { fileIssue } from '@pcmt/shared/file-issues';
import {
  FIGURE_FIELDS,
  suggestFromFigures,
  type FigureKey,
  type FigureValues,
  type FiguresPreview,
} from '@pcmt/shared/figures';
import { figuresOn, periodEraDay } from '@pcmt/shared/state/figures';
import { assessmentOn, groupByUnit } from '@pcmt/shared/state/tiers';
import type { Tier } from '@pcmt/shared/domain';
import type { Db } from '../db/create-db.ts';
import { communeFigures, tierAssessments } from '../db/schema.ts';
import { ApiError, FileIssuesError } from '../errors.ts';
import { audit, diff } from './audit.ts';
import { listFigures, type WriteCtx } from './figures.ts';
import {
  COLUMNS,
  communesOf,
  FIGURES_SHEET,
  INFO,
  INFO_SHEET,
  storedFor,
} from './figures-template.ts';
import { denyOutOfScope, inScope } from './scope.ts';
import { inspectXlsx } from './xlsx-upload.ts';
import { cellReaders, cellValue, openWorkbook, readRows } from './xlsx-sheet.ts';

function readInfo(wb: ExcelJS.Workbook, issues: FileIssue[]) {
  const ws = wb.getWorksheet(INFO_SHEET);
  if (!ws) {
    issues.push(
      fileIssue({ sheet: INFO_SHEET, row: null, column: null }, 'sheet_missing', {
        sheet: INFO_SHEET,
      }),
    );
    return null;
  }
  const read = cellReaders(INFO_SHEET, { from: 'B', to: 'B', province: 'B' }, issues);
  const text = (r: number) => String(ws.getCell(`B${r}`).text ?? '').trim();
  // A date typed in Excel becomes a date cell: read its value, not its display text.
  const value = (r: number) => {
    const got = cellValue(ws.getCell(`B${r}`));
    return 'value' in got ? got.value : null;
  };
  const slug = text(INFO.province);
  const from = read.date(INFO.from, 'from', value(INFO.from));
  const to = read.date(INFO.to, 'to', value(INFO.to));
  if (!slug)
    issues.push(
      fileIssue({ sheet: INFO_SHEET, row: INFO.province, column: 'B' }, 'required', {
        what: 'province',
      }),
    );
  // undefined: the cell was read and its problem already listed.
  if (from === null)
    issues.push(
      fileIssue({ sheet: INFO_SHEET, row: INFO.from, column: 'B' }, 'required', {
        what: 'period start',
      }),
    );
  if (to === null)
    issues.push(
      fileIssue({ sheet: INFO_SHEET, row: INFO.to, column: 'B' }, 'required', {
        what: 'period end',
      }),
    );
  if (!slug || !from || !to) return null;
  if (from > to) {
    issues.push(fileIssue({ sheet: INFO_SHEET, row: INFO.to, column: 'B' }, 'period_order'));
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
    // Every problem of the row is listed, its figures' as well as its code's.
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
    const code = read.text(cells.code);
    if (!code) {
      read.fail(row, 'code', 'required', { what: 'commune code' });
      continue;
    }
    const unit = byCode.get(code);
    if (!unit) {
      read.fail(row, 'code', 'unknown_commune', { code, where });
      continue;
    }
    if (seen.has(code)) {
      read.fail(row, 'code', 'duplicate', { code, row: seen.get(code)! });
      continue;
    }
    seen.set(code, row);
    out.push({ row, unit, values });
  }
  return out;
}

/** The figures recorded with each unit's latest assessment by `day`: the basis when no period has figures yet. */
async function assessedFigures(db: Db, unitIds: string[], day: string) {
  if (unitIds.length === 0) return new Map<string, FigureValues>();
  const rows = await db
    .select({
      unitId: tierAssessments.unitId,
      assessedOn: tierAssessments.assessedOn,
      seq: tierAssessments.seq,
      tier: tierAssessments.tier,
      criteria: tierAssessments.criteria,
    })
    .from(tierAssessments)
    .where(inArray(tierAssessments.unitId, unitIds));
  const out = new Map<string, FigureValues>();
  // The assessment in force on the day, same-day corrections included (shared/src/state/tiers.ts).
  for (const [unitId, history] of groupByUnit(rows.map((r) => ({ ...r, tier: r.tier as Tier })))) {
    const r = assessmentOn(history, day);
    if (!r) continue;
    const c = r.criteria;
    const n = (k: string) => (typeof c[k] === 'number' ? (c[k] as number) : null);
    out.set(unitId, {
      registeredUsers: n('registeredUsers'),
      organisedUsePlaces: n('organisedUsePlaces'),
      offendersArrested: n('offendersArrested'),
      plantsDestroyed: n('plantsDestroyed'),
      areaDestroyedM2: n('areaDestroyedM2'),
      onKeyRoute: c.onKeyRoute === true,
    });
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
export async function importFigures(
  ctx: WriteCtx,
  bytes: Uint8Array,
  commit: boolean,
): Promise<FiguresPreview> {
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
  const day = periodEraDay(info.to, today);
  const { province, communes } = await communesOf(ctx.db, info.slug, day).catch(() => {
    throw new FileIssuesError([
      fileIssue({ sheet: INFO_SHEET, row: INFO.province, column: 'B' }, 'no_province', {
        slug: info.slug,
        date: formatViDate(day),
      }),
    ]);
  });
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const parsed = parseRows(wb, byCode, `${province.name} (${formatViDate(day)})`, issues);
  if (info.from > today)
    issues.push(fileIssue({ sheet: INFO_SHEET, row: INFO.from, column: 'B' }, 'period_not_begun'));
  if (issues.length) throw new FileIssuesError(issues);

  const stored = await storedFor(
    ctx.db,
    parsed.map((p) => p.unit.id),
    info.from,
    info.to,
  );
  const inForce = figuresOn(await listFigures(ctx.db, info.slug), day);
  const assessed = await assessedFigures(
    ctx.db,
    parsed.map((p) => p.unit.id),
    day,
  );
  const rows = parsed.map((p) => {
    const current = stored.get(p.unit.id);
    const changes = FIGURE_FIELDS.filter(
      ({ key }) => (current?.[key] ?? null) !== p.values[key],
    ).map(({ key }) => ({
      key,
      before: current?.[key] ?? null,
      after: p.values[key],
    }));
    // Before: what the commune panel shows today (this period's figures, the figures in force, or
    // those recorded with the latest assessment).
    const basis = current ?? inForce.get(p.unit.id) ?? assessed.get(p.unit.id);
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
      const values = { ...(p.values as FigureValues), source: 'import' };
      // An edit keeps the day the period's figures were first recorded: they are corrections of those
      // figures, in force from that day (the audit trail keeps what they were before).
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
              recordedOn: today,
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
