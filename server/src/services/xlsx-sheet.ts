/**
 * Reading a data sheet of an uploaded workbook (after xlsx-upload.ts let it through): columns found by
 * their header, each cell read as plain text, number, date or boolean, and every problem collected as
 * a FileIssue (sheet, row, column letter, problem) instead of stopping at the first.
 */
import ExcelJS from 'exceljs';
import type { FileIssue } from '@pcmt/shared/errors';
import { fileIssue, type FileProblem } from '@pcmt/shared/file-issues';
import { UPLOAD_MAX_ROWS } from '@pcmt/shared/uploads';
import { isIsoDate, parseViDate } from '@pcmt/shared/dates';
import { ApiError, FileIssuesError } from '../errors.ts';

export type Cell = string | number | boolean | Date | null;

export interface ColumnSpec<K extends string> {
  key: K;
  /** The header as the template writes it; matched ignoring case, spaces and tone-mark placement. */
  header: string;
  /** Earlier wordings of the header, so a template downloaded before a wording change still imports. */
  formerly?: readonly string[];
  required?: boolean;
}

export interface SheetRow<K extends string> {
  row: number;
  cells: Record<K, Cell>;
}

const norm = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();

export async function openWorkbook(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as never);
  } catch {
    throw new ApiError(422, 'file_invalid', 'file: the workbook could not be read', 'file');
  }
  return wb;
}

type Problem = { problem: FileProblem; values?: Record<string, string | number> };

/** A cell as one plain value; a formula is a problem (the import takes values only). */
export function cellValue(c: ExcelJS.Cell): { value: Cell } | Problem {
  const v = c.value;
  if (v === null || v === undefined) return { value: null };
  // A date cell holding a serial no calendar has (1e300) loads as an invalid Date.
  if (v instanceof Date && Number.isNaN(v.getTime())) return { problem: 'unreadable' };
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('formula' in v || 'sharedFormula' in v) return { problem: 'formula' };
    if ('richText' in v) {
      const joined = v.richText.map((r) => r.text).join('');
      return joined.includes('\u0000') ? { problem: 'control_char' } : { value: joined };
    }
    if ('text' in v) return { value: String(v.text) };
    if ('error' in v) return { problem: 'error_value', values: { value: String(v.error) } };
    return { problem: 'unreadable' };
  }
  if (typeof v === 'string') {
    const s = v.trim();
    if (s.includes('\u0000')) return { problem: 'control_char' };
    if (s.startsWith('=')) return { problem: 'dde_text' };
    return { value: s === '' ? null : s };
  }
  return { value: v };
}

/**
 * The data rows of `sheetName` under the header row `headerRow`; blank rows are skipped. Throws a
 * FileIssuesError when the sheet or a required column is missing.
 */
export function readRows<K extends string>(
  wb: ExcelJS.Workbook,
  sheetName: string,
  columns: readonly ColumnSpec<K>[],
  headerRow = 1,
): { rows: SheetRow<K>[]; issues: FileIssue[]; letters: Record<K, string> } {
  const ws = wb.getWorksheet(sheetName);
  if (!ws)
    throw new FileIssuesError([
      fileIssue({ sheet: sheetName, row: null, column: null }, 'sheet_missing', {
        sheet: sheetName,
      }),
    ]);
  if (ws.actualRowCount > UPLOAD_MAX_ROWS + headerRow)
    throw new FileIssuesError([
      fileIssue({ sheet: sheetName, row: null, column: null }, 'too_many_rows', {
        max: UPLOAD_MAX_ROWS,
      }),
    ]);
  const at = new Map<string, number>();
  ws.getRow(headerRow).eachCell((c, col) => at.set(norm(String(c.text ?? '')), col));
  const issues: FileIssue[] = [];
  const index = {} as Record<K, number>;
  const letters = {} as Record<K, string>;
  for (const spec of columns) {
    const col = [spec.header, ...(spec.formerly ?? [])]
      .map((h) => at.get(norm(h)))
      .find((c) => c !== undefined);
    if (col === undefined) {
      if (spec.required)
        issues.push(
          fileIssue({ sheet: sheetName, row: headerRow, column: null }, 'column_missing', {
            header: spec.header,
          }),
        );
      continue;
    }
    index[spec.key] = col;
    letters[spec.key] = ws.getColumn(col).letter;
  }
  if (issues.length) throw new FileIssuesError(issues);
  const rows: SheetRow<K>[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n <= headerRow) return;
    const cells = {} as Record<K, Cell>;
    let any = false;
    for (const spec of columns) {
      const col = index[spec.key];
      if (col === undefined) {
        cells[spec.key] = null;
        continue;
      }
      const got = cellValue(r.getCell(col));
      if ('problem' in got) {
        issues.push(
          fileIssue(
            { sheet: sheetName, row: n, column: letters[spec.key] },
            got.problem,
            got.values,
          ),
        );
        cells[spec.key] = null;
        any = true;
      } else {
        cells[spec.key] = got.value;
        any ||= got.value !== null;
      }
    }
    if (any) rows.push({ row: n, cells });
  });
  return { rows, issues, letters };
}

/** Readers of one cell: each returns the value or pushes a problem naming the cell. */
export function cellReaders(sheet: string, letters: Record<string, string>, issues: FileIssue[]) {
  const fail = (
    row: number,
    key: string,
    problem: FileProblem,
    values: Record<string, string | number> = {},
  ) => {
    issues.push(fileIssue({ sheet, row, column: letters[key] ?? null }, problem, values));
    return undefined;
  };
  const text = (v: Cell) =>
    v instanceof Date
      ? Number.isNaN(v.getTime())
        ? ''
        : v.toISOString().slice(0, 10)
      : v === null
        ? null
        : String(v).trim();
  return {
    fail,
    text,
    /** A whole number ≥ 0 (or ≥ `min`); "1.234" and "1 234" read as 1234. */
    count(row: number, key: string, v: Cell, min = 0): number | null | undefined {
      if (v === null) return null;
      const n =
        typeof v === 'number'
          ? v
          : typeof v === 'string' && /^\d{1,3}([. ]\d{3})+$|^\d+$/.test(v)
            ? Number(v.replace(/[. ]/g, ''))
            : NaN;
      if (!Number.isInteger(n)) return fail(row, key, 'not_integer', { value: text(v) ?? '' });
      if (n < min) return fail(row, key, 'below', { value: n, min });
      if (n > 100_000_000) return fail(row, key, 'too_large', { value: n });
      return n;
    },
    /** A number ≥ 0 with a decimal comma or point. */
    decimal(row: number, key: string, v: Cell): number | null | undefined {
      if (v === null) return null;
      const n =
        typeof v === 'number'
          ? v
          : typeof v === 'string' && /^\d+([.,]\d+)?$/.test(v)
            ? Number(v.replace(',', '.'))
            : NaN;
      if (!Number.isFinite(n)) return fail(row, key, 'not_number', { value: text(v) ?? '' });
      if (n < 0) return fail(row, key, 'below', { value: n, min: 0 });
      return n;
    },
    /** Any finite number (a coordinate), with a decimal comma or point. */
    decimalSigned(row: number, key: string, v: Cell): number | null | undefined {
      if (v === null) return null;
      const n =
        typeof v === 'number'
          ? v
          : typeof v === 'string' && /^-?\d+([.,]\d+)?$/.test(v.replace(/\s/g, ''))
            ? Number(v.replace(/\s/g, '').replace(',', '.'))
            : NaN;
      if (!Number.isFinite(n)) return fail(row, key, 'not_number', { value: text(v) ?? '' });
      return n;
    },
    /** có/không (also x, yes/no, 1/0, true/false). */
    flag(row: number, key: string, v: Cell): boolean | null | undefined {
      if (v === null) return null;
      if (typeof v === 'boolean') return v;
      const s = norm(String(v));
      if (['co', 'x', 'yes', '1', 'true', 'c'].includes(s)) return true;
      if (['khong', 'no', '0', 'false', 'k'].includes(s)) return false;
      return fail(row, key, 'not_flag', { value: text(v) ?? '' });
    },
    /** A date cell, or text dd/mm/yyyy or YYYY-MM-DD. */
    date(row: number, key: string, v: Cell): string | null | undefined {
      if (v === null) return null;
      if (v instanceof Date)
        return Number.isNaN(v.getTime())
          ? fail(row, key, 'not_date', { value: '' })
          : v.toISOString().slice(0, 10);
      const s = String(v).trim();
      const iso = isIsoDate(s) ? s : parseViDate(s);
      return iso ?? fail(row, key, 'not_date', { value: s });
    },
  };
}
