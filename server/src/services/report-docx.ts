/** The periodic report as a Word file in the Vietnamese administrative form (Nghị định 30/2020 layout). */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatViDate } from '@pcmt/shared/dates';
import {
  communeHeading,
  EVENT_LABELS,
  HOTSPOT_KIND_LABELS,
  TIER_LABELS,
} from '@pcmt/shared/labels';
import { TIERS, type EventKind, type HotspotKind, type Tier } from '@pcmt/shared/domain';
import { formatMeasure, targetText } from '@pcmt/shared/state/campaign';
import { DEFAULT_AGE_LIMIT_MONTHS } from '@pcmt/shared/state/hotspots';
import type { ReportFigures } from './report-figures.ts';

const FONT = 'Times New Roman';
export const t = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: opts.size ?? 26, bold: opts.bold, italics: opts.italics });
export const p = (
  runs: TextRun[] | string,
  opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number } = {},
) =>
  new Paragraph({
    children: typeof runs === 'string' ? [t(runs)] : runs,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: opts.after ?? 80 },
  });
const cell = (text: string, bold = false, width?: number) =>
  new TableCell({
    children: [new Paragraph({ children: [t(text, { bold, size: 22 })] })],
    ...(width ? { width: { size: width, type: WidthType.DXA } } : {}),
  });
/** The text width of an A4 page with the administrative margins (30 mm left, 20 mm right), in twips. */
const TEXT_WIDTH = 11906 - 1701 - 1134;
/**
 * A table over the text width; `weights` share it among the columns (a number column narrow, a text column wide),
 * fixed so that Word and LibreOffice lay it out alike. Without weights the columns are equal.
 */
export const table = (header: string[], rows: string[][], weights?: number[]) => {
  const w = weights ?? header.map(() => 1);
  const sum = w.reduce((a, b) => a + b, 0);
  const widths = w.map((x) => Math.round((TEXT_WIDTH * x) / sum));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        children: header.map((h, i) => cell(h, true, widths[i])),
        tableHeader: true,
      }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, widths[i])) })),
    ],
  });
};
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

export const KIND_TITLES = {
  one_month: 'Báo cáo kết quả 01 tháng',
  phase: 'Báo cáo kết quả giai đoạn',
  final: 'Báo cáo tổng kết',
  six_month: 'Báo cáo 06 tháng',
  quarter: 'Báo cáo quý',
  yearly: 'Báo cáo năm',
} as const;

/** Section II.5 of a cross-border plan's report: its targets, the work of the period by kind, the follow-ups. */
function coordinationSection(f: ReportFigures) {
  const c = f.coordination;
  if (!c) return [];
  return [
    p('5. Kết quả phối hợp phòng, chống ma túy qua biên giới (lũy kế từ đầu kế hoạch):', {
      after: 80,
    }),
    table(
      ['Nội dung', 'Kế hoạch', 'Đã thực hiện'],
      c.targets.map((k) => [
        k.label,
        k.target === null ? 'Không nêu số' : String(k.target),
        `${k.actual.toLocaleString('vi-VN')}${k.met === null ? '' : k.met ? ' (đạt)' : ' (chưa đạt)'}`,
      ]),
      [6, 2, 2.4],
    ),
    p(
      `Trong kỳ: ${
        c.eventsByKind.length
          ? c.eventsByKind
              .map(([k, n]) => `${EVENT_LABELS.vi[k as EventKind] ?? k} ${n}`)
              .join('; ')
          : 'không có hoạt động phối hợp'
      }. Việc tiếp theo: đã xong ${c.followUps.done}, đang làm ${c.followUps.open}, quá hạn ${c.followUps.overdue}.`,
    ),
  ];
}
export const pct = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The issuing body as Nghị định 30/2020 prints it in the header, in capitals: its superior (for a steering committee,
 * the province's People's Committee) over its own name; with the symbol of its documents and its signature block.
 */
export function issuer(body: string, documentNumber: string) {
  const symbol = /-(\p{Lu}+)\s*$/u.exec(documentNumber)?.[1] ?? 'UBND';
  const committee = /^Ban Chỉ đạo (.+?) ((?:tỉnh|thành phố) .+)$/u.exec(body);
  if (committee)
    return {
      superior: `UBND ${committee[2]!}`.toUpperCase(),
      name: [`BAN CHỈ ĐẠO ${committee[1]!}`.toUpperCase()],
      symbol,
      sign: ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN'],
    };
  const people = /^(?:UBND|Ủy ban nhân dân) (.+)$/iu.exec(body);
  if (people)
    return {
      superior: null,
      name: ['ỦY BAN NHÂN DÂN', people[1]!.toUpperCase()],
      symbol,
      sign: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    };
  return { superior: null, name: [body.toUpperCase()], symbol, sign: ['THỦ TRƯỞNG CƠ QUAN'] };
}

const borders = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
};
/** Two cells side by side without borders, `left` % of the width to the first. */
const twoColumns = (leftPct: number, left: Paragraph[], right: Paragraph[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [leftPct * 90, (100 - leftPct) * 90],
    borders,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            children: left,
            borders,
            width: { size: leftPct, type: WidthType.PERCENTAGE },
          }),
          new TableCell({
            children: right,
            borders,
            width: { size: 100 - leftPct, type: WidthType.PERCENTAGE },
          }),
        ],
      }),
    ],
  });

/** Who issues a document: the body, its document number (for the symbol) and whom its reports go to. */
export interface Issuer {
  issuingBody: string;
  documentNumber: string;
  reportTo: string;
}

/** The header of an administrative document: the issuer and "Số: …/<kind>-<symbol>" left, the motto and date right. */
export function header(c: Issuer, date: string, place: string, kind: 'BC' | 'KH' = 'BC') {
  const [y, m, d] = date.split('-');
  const who = issuer(c.issuingBody, c.documentNumber);
  const center = { align: AlignmentType.CENTER, after: 0 };
  const left = [
    ...(who.superior ? [p([t(who.superior, { size: 24 })], center)] : []),
    ...who.name.map((line) => p([t(line, { bold: true, size: 24 })], center)),
    p([t('───────', { size: 20 })], center),
    p([t(`Số: ……/${kind}-${who.symbol}`, { size: 24 })], center),
  ];
  const right = [
    // The national motto on one line, the slogan under it (Nghị định 30/2020, 12–13 pt).
    p([t('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })], center),
    p([t('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 26 })], center),
    p([t('───────────────', { size: 20 })], center),
    p([t(`${place}, ngày ${d} tháng ${m} năm ${y}`, { italics: true, size: 26 })], center),
  ];
  return twoColumns(38, left, right);
}

/** "Nơi nhận" on the left; the signature block on the right: the position only, never a name. */
export function closing(c: Issuer) {
  const who = issuer(c.issuingBody, c.documentNumber);
  const left = [
    p([t('Nơi nhận:', { bold: true, italics: true, size: 24 })], {
      align: AlignmentType.LEFT,
      after: 0,
    }),
    // The recipients are under "Kính gửi": "Như trên" names them (Nghị định 30/2020/NĐ-CP, Phụ lục I).
    ...['- Như trên;', '- Lưu: VT.'].map((line) =>
      p([t(line, { size: 22 })], { align: AlignmentType.LEFT, after: 0 }),
    ),
  ];
  const right = [
    ...who.sign.map((line) =>
      p([t(line, { bold: true, size: 26 })], { align: AlignmentType.CENTER, after: 0 }),
    ),
    p([t('(Ký, đóng dấu)', { italics: true, size: 24 })], {
      align: AlignmentType.CENTER,
      after: 1400,
    }),
  ];
  return twoColumns(45, left, right);
}

/**
 * "Kính gửi": one recipient on the line itself; several, each on its own line under it ("- …;"), as administrative
 * documents list them. A plan that names no recipient leaves the line to be filled in by hand.
 */
function kinhGui(reportTo: string): Paragraph[] {
  const to = reportTo
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);
  if (to.length <= 1)
    return [
      p([t('Kính gửi: '), t(to[0] ?? '…………………………………………')], {
        align: AlignmentType.CENTER,
        after: 240,
      }),
    ];
  return [
    p([t('Kính gửi:')], { align: AlignmentType.CENTER, after: 0 }),
    ...to.map(
      (x, i) =>
        new Paragraph({
          children: [t(`- ${x}${i === to.length - 1 ? '.' : ';'}`)],
          indent: { left: 2268 },
          spacing: { after: i === to.length - 1 ? 240 : 0 },
        }),
    ),
  ];
}

export async function reportDocx(f: ReportFigures, place: string): Promise<Buffer> {
  const title = `${KIND_TITLES[f.kind]}${f.phase && (f.kind === 'phase' || f.kind === 'quarter' || f.kind === 'one_month') ? ` – ${f.phase.name}` : ''}`;
  const doc = new Document({
    creator: 'Bản đồ phòng, chống ma túy',
    title,
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children: [
          header(f.campaign, f.asOf, place),
          p([t('BÁO CÁO', { bold: true, size: 28 })], { align: AlignmentType.CENTER, after: 0 }),
          p([t(title, { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
          p([t(f.campaign.name, { bold: true })], { align: AlignmentType.CENTER, after: 160 }),
          ...kinhGui(f.campaign.reportTo),
          p([t('I. TÌNH HÌNH CHUNG', { bold: true })]),
          p(`Thời gian báo cáo: từ ngày ${formatViDate(f.from)} đến ngày ${formatViDate(f.asOf)}.`),
          ...(f.phase?.objectives ?? []).map((o) =>
            p(
              `- Mục tiêu: ${o.text}.${
                o.value !== undefined && o.measure
                  ? ` Kết quả đến ngày ${formatViDate(f.asOf)}: ${formatMeasure(o.measure, o.value)} (chỉ tiêu ${targetText(o)}) – ${o.met ? 'đạt' : 'chưa đạt'}.`
                  : ''
              }`,
            ),
          ),
          p([t('II. KẾT QUẢ THỰC HIỆN', { bold: true })]),
          p(
            `1. Điểm, tụ điểm phức tạp về ma túy: đang hoạt động ${f.hotspots.active}; tái hoạt động ${f.hotspots.reEmerged}; đã triệt xóa trong kỳ ${f.hotspots.eliminated}; quá thời hạn triệt xóa ${f.hotspots.overdue}.`,
          ),
          p(
            `2. Phân loại địa bàn xã (đầu kế hoạch → cuối kỳ): ${TIERS.filter(
              (x) => x !== 'unassessed',
            )
              .map((x) => `${TIER_LABELS.vi[x]} ${f.tiersStart[x]} → ${f.tiers[x]}`)
              .join('; ')}. Số xã diễn biến xấu đi: ${f.regressions.length}.`,
          ),
          p(
            f.quotas.length
              ? '3. Kết quả thực hiện chỉ tiêu:'
              : '3. Kết quả thực hiện chỉ tiêu: kế hoạch không giao chỉ tiêu.',
          ),
          ...(f.quotas.length === 0
            ? []
            : [
                table(
                  [
                    'Chỉ tiêu',
                    'Đơn vị, địa bàn',
                    'Đơn vị tính',
                    'Chỉ tiêu giao',
                    'Kết quả',
                    'Tỷ lệ',
                  ],
                  f.quotas.map((q) => [
                    q.label,
                    q.holder,
                    q.unit,
                    String(q.target),
                    String(q.achieved),
                    pct(q.share),
                  ]),
                  [5, 3, 1.6, 1.4, 1.2, 1.2],
                ),
              ]),
          p(
            `4. Điểm, tụ điểm quá thời hạn triệt xóa${
              f.ageLimitsAssumed
                ? ` (giả định: kế hoạch không quy định thời hạn, dùng thời hạn của Thanh Hóa 2023 — điểm phức tạp ${DEFAULT_AGE_LIMIT_MONTHS.complex_point} tháng, tụ điểm phức tạp ${DEFAULT_AGE_LIMIT_MONTHS.complex_cluster} tháng)`
                : ''
            }:`,
            { after: 80 },
          ),
          f.overdue.length
            ? table(
                ['Loại', communeHeading(f.asOf), 'Ngày phát hiện', 'Số ngày'],
                f.overdue.map((o) => [
                  HOTSPOT_KIND_LABELS.vi[o.kind as HotspotKind],
                  o.commune,
                  formatViDate(o.identifiedOn),
                  String(o.ageDays),
                ]),
                [3, 4, 2, 1.4],
              )
            : p('Không có.'),
          ...coordinationSection(f),
          p([t('III. CHẾ ĐỘ BÁO CÁO', { bold: true })]),
          ...f.deadlines.map((d) =>
            p(
              `- ${d.title}: hạn ${formatViDate(d.dueOn)}${d.submittedOn ? `, đã gửi ${formatViDate(d.submittedOn)}${d.state === 'met' ? ' (đúng hạn)' : ' (chậm)'}` : d.state === 'missed' ? ', quá hạn, chưa gửi' : ', chưa đến hạn'}.`,
            ),
          ),
          ...(f.regressions.length
            ? [
                p([
                  t('Xã diễn biến xấu đi: ', { bold: true }),
                  t(
                    f.regressions
                      .map(
                        (r) =>
                          `${r.name} (${TIER_LABELS.vi[r.from as Tier]} → ${TIER_LABELS.vi[r.to as Tier]})`,
                      )
                      .join('; '),
                  ),
                ]),
              ]
            : []),
          p('', { after: 120 }),
          closing(f.campaign),
          p(
            [
              t('Dữ liệu minh họa (demo) – không phải số liệu chính thức.', {
                italics: true,
                size: 20,
              }),
            ],
            { align: AlignmentType.LEFT },
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
