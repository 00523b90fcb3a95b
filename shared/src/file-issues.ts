/**
 * The problems an uploaded workbook can have, as codes with their words in both languages: the API
 * sends the code, its values and the English text; the web shows the user's language.
 */
import type { FileIssue } from './errors.ts';

export const FILE_PROBLEMS = {
  not_integer: { vi: '"{value}" không phải số nguyên', en: '"{value}" is not a whole number' },
  not_number: { vi: '"{value}" không phải là số', en: '"{value}" is not a number' },
  below: { vi: '{value} nhỏ hơn {min}', en: '{value} is below {min}' },
  too_large: { vi: '{value} quá lớn', en: '{value} is too large' },
  not_flag: { vi: '"{value}" không phải "có" hoặc "không"', en: '"{value}" is not có or không' },
  not_date: {
    vi: '"{value}" không phải ngày dd/mm/yyyy',
    en: '"{value}" is not a date dd/mm/yyyy',
  },
  not_kind: { vi: '"{value}" không phải loại đã biết', en: '"{value}" is not a known kind' },
  formula: {
    vi: 'ô chứa công thức: hãy nhập giá trị (sao chép, dán dạng giá trị)',
    en: 'a formula: enter the value itself (copy, paste as values)',
  },
  dde_text: {
    vi: 'chữ bắt đầu bằng "=" (công thức hoặc mã độc DDE)',
    en: 'text beginning with "=" (a formula or DDE payload)',
  },
  error_value: { vi: 'ô lỗi ({value})', en: 'an error value ({value})' },
  unreadable: { vi: 'giá trị không đọc được', en: 'a value this import does not read' },
  control_char: {
    vi: 'chữ chứa ký tự điều khiển NUL: hãy gõ lại ô này',
    en: 'text with a NUL control character: type the cell again',
  },
  sheet_missing: {
    vi: 'thiếu trang "{sheet}": hãy dùng mẫu đã tải về',
    en: 'the sheet "{sheet}" is missing: start from the downloaded template',
  },
  too_many_rows: { vi: 'quá {max} dòng', en: 'more than {max} rows' },
  column_missing: { vi: 'thiếu cột "{header}"', en: 'the column "{header}" is missing' },
  required: { vi: 'thiếu {what}', en: 'the {what} is missing' },
  unknown_commune: {
    vi: 'không có xã mã {code} thuộc {where}',
    en: 'no commune with code {code} in {where}',
  },
  duplicate: { vi: '{code} trùng với dòng {row}', en: '{code} is also on row {row}' },
  period_order: {
    vi: 'ngày kết thúc trước ngày bắt đầu',
    en: 'the period ends before it starts',
  },
  period_not_begun: { vi: 'kỳ số liệu chưa bắt đầu', en: 'the period has not begun' },
  unit_not_in_period: {
    vi: 'xã {code} không tồn tại trong kỳ (hiệu lực {from} – {to})',
    en: 'the commune {code} does not exist in the period (valid {from} – {to})',
  },
  no_province: { vi: 'không có tỉnh "{slug}" ngày {date}', en: 'no province "{slug}" on {date}' },
  outside_province: {
    vi: 'điểm ({lng}, {lat}) nằm ngoài tỉnh',
    en: 'the point ({lng}, {lat}) lies outside the province',
  },
  not_in_commune: {
    vi: 'điểm nằm ở xã {found}, không phải xã {code}',
    en: 'the point lies in {found}, not in the commune {code}',
  },
  position_missing: {
    vi: 'cần tọa độ (kinh độ, vĩ độ) hoặc mã xã',
    en: 'give coordinates (longitude, latitude) or a commune code',
  },
  after_today: { vi: 'ngày {value} sau hôm nay', en: 'the date {value} is after today' },
} as const satisfies Record<string, { vi: string; en: string }>;
export type FileProblem = keyof typeof FILE_PROBLEMS;

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));

/** One problem of a file: where it is, its code and values, and the English words. */
export function fileIssue(
  where: { sheet: string; row: number | null; column: string | null },
  code: FileProblem,
  values: Record<string, string | number> = {},
): FileIssue {
  return { ...where, code, values, problem: fill(FILE_PROBLEMS[code].en, values) };
}

/** The words of a problem in a language; the API's English text for a code this client does not know. */
export function problemText(issue: FileIssue, lang: 'vi' | 'en'): string {
  const known = issue.code && FILE_PROBLEMS[issue.code as FileProblem];
  return known ? fill(known[lang], issue.values ?? {}) : issue.problem;
}
