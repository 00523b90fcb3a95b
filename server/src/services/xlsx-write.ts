/**
 * Writing lists to .xlsx: one sheet per list with a bold frozen header, dates as real dates shown
 * dd/mm/yyyy, and every text cell neutralised so that nothing a user typed can run as a formula
 * when the file is opened (a leading = + - @, tab or carriage return gets an apostrophe).
 */
import ExcelJS from 'exceljs';

export type Value = string | number | boolean | null | undefined;

export interface Column<R> {
  header: string;
  width?: number;
  /** 'date' takes an ISO day; 'percent' a share 0..1; 'degrees' a coordinate (5 decimals, about 1 m). */
  kind?: 'text' | 'number' | 'date' | 'percent' | 'degrees';
  value: (row: R) => Value;
}

/** Text that a spreadsheet would read as a formula, with an apostrophe in front. */
export const safeText = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

const cellOf = (v: Value, kind: Column<unknown>['kind']): ExcelJS.CellValue => {
  if (v === null || v === undefined || v === '') return null;
  if (kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
    return new Date(`${v}T00:00:00Z`);
  if (typeof v === 'string') return safeText(v);
  return v;
};

export function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bản đồ phòng, chống ma túy';
  return wb;
}

/** A sheet with a title line, the header and one row per item. */
/** A sheet printed on A4 landscape fitted to the page's width, `header` (rows "1:1", "2:2") repeated on every page. */
export const printSetup = (header: string) =>
  ({
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: header,
  }) as const;

export function addList<R>(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: readonly Column<R>[],
  rows: readonly R[],
) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    // Printed, the list fits the page's width (landscape A4), header repeated on every page.
    pageSetup: printSetup('2:2'),
  });
  ws.addRow([safeText(title)]).font = { bold: true, size: 12 };
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.height = 32;
  for (const r of rows) ws.addRow(columns.map((c) => cellOf(c.value(r), c.kind)));
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? (c.kind === 'date' ? 12 : c.kind === 'text' || !c.kind ? 28 : 12);
    if (c.kind === 'date') col.numFmt = 'dd/mm/yyyy';
    if (c.kind === 'percent') col.numFmt = '0%';
    if (c.kind === 'degrees') col.numFmt = '0.00000';
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  return ws;
}

export const workbookBytes = async (wb: ExcelJS.Workbook) =>
  Buffer.from(await wb.xlsx.writeBuffer());
