/** The tables of the periodic report as an Excel workbook. */
import ExcelJS from 'exceljs';
import { formatViDate } from '@pcmt/shared/dates';
import { communeHeading, HOTSPOT_KIND_LABELS, TIER_LABELS } from '@pcmt/shared/labels';
import { TIERS, type HotspotKind } from '@pcmt/shared/domain';
import type { ReportFigures } from './report-figures.ts';
import { printSetup, safeText } from './xlsx-write.ts';

export async function reportXlsx(f: ReportFigures): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bản đồ phòng, chống ma túy';
  const add = (name: string, header: string[], rows: (string | number)[][]) => {
    // Printed on A4 landscape fitted to the page's width, the header row repeated, the two title rows frozen.
    const ws = wb.addWorksheet(name, {
      views: [{ state: 'frozen', ySplit: 2 }],
      pageSetup: printSetup('2:2'),
    });
    ws.addRow([safeText(`${f.campaign.name} – đến ngày ${formatViDate(f.asOf)}`)]).font = {
      bold: true,
    };
    ws.addRow(header).font = { bold: true };
    // Labels and names are typed by users: none may run as a formula when the file is opened.
    rows.forEach((r) => ws.addRow(r.map((v) => (typeof v === 'string' ? safeText(v) : v))));
    // The first column holds labels and names; the others hold counts and dates.
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 46 : i === 1 ? 32 : 16));
    ws.getRow(2).alignment = { wrapText: true, vertical: 'top' };
    return ws;
  };
  add(
    'Chỉ tiêu',
    ['Chỉ tiêu', 'Đơn vị, địa bàn', 'Đơn vị tính', 'Chỉ tiêu giao', 'Kết quả', 'Tỷ lệ (%)'],
    f.quotas.map((q) => [
      q.label,
      q.holder,
      q.unit,
      q.target,
      q.achieved,
      Math.round(q.share * 100),
    ]),
  );
  add(
    'Điểm, tụ điểm',
    ['Chỉ số', 'Số lượng'],
    [
      ['Đang hoạt động', f.hotspots.active],
      ['Tái hoạt động', f.hotspots.reEmerged],
      ['Đã triệt xóa trong kỳ', f.hotspots.eliminated],
      ['Quá hạn triệt xóa', f.hotspots.overdue],
    ],
  );
  add(
    'Quá hạn',
    ['Loại', communeHeading(f.asOf), 'Ngày phát hiện', 'Số ngày'],
    f.overdue.map((o) => [
      HOTSPOT_KIND_LABELS.vi[o.kind as HotspotKind],
      o.commune,
      formatViDate(o.identifiedOn),
      o.ageDays,
    ]),
  );
  add(
    'Phân loại xã',
    ['Phân loại', 'Đầu kế hoạch', 'Cuối kỳ'],
    TIERS.map((t) => [TIER_LABELS.vi[t], f.tiersStart[t], f.tiers[t]]),
  );
  if (f.coordination)
    add(
      'Phối hợp qua biên giới',
      ['Nội dung', 'Kế hoạch', 'Đã thực hiện (lũy kế)', 'Đánh giá'],
      f.coordination.targets.map((k) => [
        k.label,
        k.target ?? 'Không nêu số',
        k.actual,
        k.met === null ? '' : k.met ? 'Đạt' : 'Chưa đạt',
      ]),
    );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
