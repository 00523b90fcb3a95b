/** The hotspot-list template: its columns, a list of kinds, and the province in its info sheet. */
import { HOTSPOT_KINDS } from '@pcmt/shared/domain';
import { HOTSPOT_KIND_LABELS } from '@pcmt/shared/labels';
import { provinceTm3 } from '@pcmt/shared/vn2000';
import { addList, newWorkbook, workbookBytes } from './xlsx-write.ts';

export const HOTSPOTS_SHEET = 'Điểm ma túy';
export const INFO_SHEET = 'Thông tin';
export const COLUMNS = [
  { key: 'kind', header: 'Loại', required: true },
  { key: 'identifiedOn', header: 'Ngày phát hiện', required: true },
  { key: 'lng', header: 'Kinh độ (WGS 84)' },
  { key: 'lat', header: 'Vĩ độ (WGS 84)' },
  { key: 'x', header: 'X VN-2000 (m)' },
  { key: 'y', header: 'Y VN-2000 (m)' },
  { key: 'code', header: 'Mã xã' },
  { key: 'note', header: 'Ghi chú (không ghi họ tên người)' },
] as const;
export const APPROX_NOTE = 'Vị trí ước lượng theo xã.';

/** The empty template: the columns, a list of kinds, and the province in its info sheet. */
export async function hotspotTemplate(slug: string, provinceName: string) {
  const wb = newWorkbook();
  const ws = addList(
    wb,
    HOTSPOTS_SHEET,
    `Danh sách điểm, tụ điểm – ${provinceName}`,
    COLUMNS.map((c) => ({ header: c.header, value: () => null })),
    [],
  );
  // addList writes a title line above the header: the import reads the header on row 2.
  for (let r = 3; r <= 502; r++)
    ws.getCell(`A${r}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${HOTSPOT_KINDS.map((k) => HOTSPOT_KIND_LABELS.vi[k]).join(',')}"`],
    };
  const tm3 = provinceTm3(slug);
  const info = wb.addWorksheet(INFO_SHEET);
  info.columns = [{ width: 36 }, { width: 70 }];
  info.addRows([
    ['Tỉnh', provinceName],
    ['Mã định danh tỉnh (không sửa)', slug],
    [
      'Vị trí',
      'Kinh độ, vĩ độ WGS 84; hoặc X, Y VN-2000; hoặc chỉ mã xã (vị trí ước lượng trong xã).',
    ],
    [
      'Hệ VN-2000',
      tm3 && tm3.kind === 'tm3'
        ? `TM-3, kinh tuyến trục ${tm3.meridian}°, X hướng Bắc, Y hướng Đông`
        : 'Không có múi TM-3 cho tỉnh này',
    ],
    ['Lưu ý', 'Chỉ ghi địa điểm, sự việc; không ghi họ tên người.'],
  ]);
  info.getColumn(1).font = { bold: true };
  return workbookBytes(wb);
}
