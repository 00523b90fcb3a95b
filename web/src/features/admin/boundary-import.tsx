/**
 * The administrator's boundary import: a zipped Shapefile (.shp, .dbf, .prj, .cpg) or a GeoJSON, with an
 * optional crosswalk CSV, previewed over the map before anything is written (so a shift of a few hundred
 * metres shows against the boundaries in use), the coordinate system read from the .prj or chosen among the
 * candidates drawn on the map, the fields mapped, every problem listed by file, feature and field, then
 * written in one go (server/src/services/boundary-import.ts).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zipSync } from 'fflate';
import { useEffect, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import {
  BOUNDARY_MAX_BYTES,
  type BoundaryIssue,
  type BoundaryReport,
} from '@pcmt/shared/boundaries';
import { CRS_FIXED, crsLabel, tm3Id, TM3_MERIDIANS } from '@pcmt/shared/vn2000';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { DateField } from '../../components/date-field.tsx';
import { ApiError, postFile } from '../../lib/api.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';

/** What each problem is called in Vietnamese; the server's English words for a code not listed. */
const WORDS: Record<string, (v: Record<string, string | number>) => string> = {
  prj_missing: () => 'Không có tệp .prj: hãy chọn hệ tọa độ trong các khả năng vẽ trên bản đồ',
  prj_unknown: () => 'Tệp .prj không phải hệ tọa độ được hỗ trợ: hãy chọn hệ tọa độ',
  no_cpg: () => 'Không có tệp .cpg: thuộc tính được đọc theo UTF-8',
  field_unmapped: (v) => `Hãy chọn trường chứa ${v.what === 'code' ? 'mã' : 'tên'} đơn vị`,
  code_missing: () => 'Thiếu mã đơn vị',
  name_missing: () => 'Thiếu tên đơn vị',
  name_normalised: (v) => `Tên "${v.from}" được viết thống nhất là "${v.to}"`,
  not_polygon: (v) =>
    /Polygon$/.test(String(v.type))
      ? 'Tọa độ của vùng không phải các vòng gồm cặp số'
      : `Hình ${v.type ?? ''} không phải vùng (polygon)`,
  unprojectable: () => 'Tọa độ không chuyển được sang WGS 84',
  bad_coordinates: () => 'Có điểm không phải hai số',
  ring_too_short: () => 'Vùng không có vòng ngoài đủ 3 điểm',
  one_province: () => 'Đường bao tỉnh phải là một đối tượng',
  crosswalk_columns: () => 'Bảng chuyển đổi cần cột mã cũ và mã mới (old_code, new_code)',
  outside_vietnam: (v) =>
    `Điểm (${v.lng}, ${v.lat}) nằm ngoài lãnh thổ Việt Nam: sai hệ tọa độ, sai bán cầu hoặc đảo kinh/vĩ độ?`,
  self_intersection: (v) =>
    `Ranh giới tự cắt tại (${v.lng}, ${v.lat})${Number(v.count) > 1 ? ` và ${Number(v.count) - 1} chỗ khác` : ''}: hãy sửa trong phần mềm GIS rồi xuất lại`,
  ring_closed: () => 'Vòng ranh giới chưa khép: đã khép lại',
  repeated_vertex: () => 'Đỉnh lặp: đã bỏ',
  hole_dropped: () => 'Lỗ dưới 3 điểm: đã bỏ',
  duplicate_code: (v) => `Mã ${v.code} trùng với đối tượng ${v.row}`,
  other_province: (v) => `${v.count} đối tượng của tỉnh khác được bỏ qua`,
  no_features: () => 'Tệp không có đơn vị nào của tỉnh này',
  crosswalk_missing: () => 'Thiếu bảng chuyển đổi CSV (mã cũ, mã mới, tỷ lệ)',
  crosswalk_unknown_old: (v) => `Không có đơn vị mã cũ ${v.code}`,
  crosswalk_unknown_new: (v) => `Tệp không có đơn vị mã mới ${v.code}`,
  crosswalk_share: (v) => `Tỷ lệ "${v.value}" không nằm trong (0; 1]`,
  name_differs: (v) => `Mã ${v.code}: thời kỳ đang có là ${v.era}, tệp ghi ${v.file}`,
  era_mismatch: (v) =>
    `${v.count}/${v.of} mã trùng nhưng là đơn vị khác trong thời kỳ hiệu lực ${v.date}: mã được dùng lại giữa các thời kỳ, ngày hiệu lực có đúng không?`,
  wrong_system: (v) =>
    `Không đối tượng nào nằm trong Việt Nam theo ${v.crs}${v.guess ? `: tệp có vẻ là ${v.guess}` : ''}`,
  code_list: (v) => `Tên của ${v.count} đơn vị lấy từ danh mục mã (CSV)`,
  code_elsewhere: (v) => `Mã ${v.code} đang là của ${v.name} (tỉnh khác) trong thời kỳ này`,
  retired_to_nearest: (v) =>
    `${v.name} (${v.code}) không còn trong tệp và không đơn vị nào phủ lên: nối sang đơn vị gần nhất ${v.toName} (${v.to})`,
};
const OUTCOME = { refused: 'Bị từ chối', repaired: 'Đã sửa', note: 'Ghi chú' } as const;
const words = (i: BoundaryIssue) => WORDS[i.code]?.(i.values ?? {}) ?? i.problem;

/** The refusals of the whole file (the API's English words) in Vietnamese. */
const FILE_WORDS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/the file is empty/, () => 'Tệp rỗng'],
  [/larger than (\d+ MB)/, (m) => `Tệp lớn hơn ${m[1]}`],
  [/unpacks to more than (\d+ MB)/, (m) => `Tệp nén giải ra hơn ${m[1]} (tệp nén độc hại?)`],
  [
    /more than ([\d,]+) vertices/,
    (m) =>
      `Tệp có hơn ${m[1]!.replace(/,/g, '.')} đỉnh: hãy đơn giản hóa (khoảng 10 m) hoặc nhập từng tỉnh`,
  ],
  [/more than (\d+) features/, (m) => `Tệp có hơn ${m[1]} đối tượng`],
  [/holds no \.shp and no \.geojson/, () => 'Tệp nén không có .shp hoặc .geojson'],
  [
    /has no \.dbf beside it/,
    () => 'Thiếu tệp .dbf cạnh tệp .shp: hãy nén cả .shp, .dbf, .prj, .cpg',
  ],
  [/more than one layer/, () => 'Tệp nén có nhiều lớp: mỗi lần nhập một lớp'],
  [/not valid JSON/, () => 'Tệp không phải JSON hợp lệ (UTF-8)'],
  [/not a GeoJSON/, () => 'Tệp không phải GeoJSON FeatureCollection hoặc Feature'],
  [
    /send a zipped Shapefile/,
    () => 'Hãy gửi Shapefile nén .zip (.shp, .dbf, .prj, .cpg) hoặc tệp GeoJSON',
  ],
  [/could not be read/, () => 'Không đọc được Shapefile (tệp hỏng hoặc thiếu phần?)'],
  [/damaged/, () => 'Tệp nén bị hỏng'],
];
function fileWords(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  for (const [re, say] of FILE_WORDS) {
    const m = re.exec(error.message);
    if (m) return say(m);
  }
  return null;
}

const CRS_CHOICES = [
  ...CRS_FIXED,
  ...[...new Set(Object.values(TM3_MERIDIANS))].sort().map((m) => tm3Id(m)),
];

/** The file as sent: a zip or GeoJSON as chosen, or both files zipped together when a CSV goes with it. */
async function bundle(file: File, csv: File | null): Promise<{ body: Blob; type: string }> {
  const isZip = /\.zip$/i.test(file.name);
  if (!csv) return { body: file, type: isZip ? 'application/zip' : 'application/geo+json' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const entries: Record<string, Uint8Array> = {};
  if (isZip) {
    const { unzipSync } = await import('fflate');
    Object.assign(entries, unzipSync(bytes));
  } else entries[file.name.replace(/\.json$/i, '.geojson')] = bytes;
  entries[csv.name] = new Uint8Array(await csv.arrayBuffer());
  return { body: new Blob([zipSync(entries)]), type: 'application/zip' };
}

function overlayOf(r: BoundaryReport): FeatureCollection {
  const boxes = r.candidates.map((c) => ({
    type: 'Feature' as const,
    properties: { outcome: 'candidate', name: c.label },
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [c.bbox[0], c.bbox[1]],
          [c.bbox[2], c.bbox[1]],
          [c.bbox[2], c.bbox[3]],
          [c.bbox[0], c.bbox[3]],
          [c.bbox[0], c.bbox[1]],
        ],
      ],
    },
  }));
  return { type: 'FeatureCollection', features: [...(r.preview.features as never[]), ...boxes] };
}

export function BoundaryImport() {
  const { me, view, showOverlay, showOnMap } = useDashboard();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<File | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [opts, setOpts] = useState({
    level: 'commune',
    mode: 'replace',
    validFrom: '2025-07-01' as string | null,
    crs: 'auto',
    encoding: 'auto',
    codeField: '',
    nameField: '',
    typeField: '',
    parentField: '',
    skip: false,
  });
  const province = me.provinceSlug ?? view.province;
  const send = useMutation({
    mutationFn: async (commit: boolean) => {
      const { body, type } = await bundle(file!, csv);
      const q = new URLSearchParams({
        commit: commit ? '1' : '0',
        province,
        level: opts.level,
        mode: opts.mode,
        validFrom: opts.validFrom ?? '',
        crs: opts.crs,
        encoding: opts.encoding,
        skip: opts.skip ? '1' : '0',
        fileName: file!.name.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 120),
      });
      for (const k of ['codeField', 'nameField', 'typeField', 'parentField'] as const)
        if (opts[k]) q.set(k, opts[k]);
      return postFile<BoundaryReport>(`/api/boundaries/import?${q}`, body, type);
    },
    onSuccess: (r) => {
      showOverlay(r.committed ? null : overlayOf(r));
      const box = r.candidates[0]?.bbox ?? bboxOf(r);
      if (!r.committed && box) showOnMap(box);
      if (r.committed) void client.invalidateQueries();
    },
  });
  useEffect(() => () => showOverlay(null), []); // eslint-disable-line react-hooks/exhaustive-deps
  const r = send.data;
  const preview = (next = opts) => {
    setOpts(next);
    if (file) setTimeout(() => send.mutate(false));
  };
  const refused = r?.issues.filter((i) => i.outcome === 'refused') ?? [];
  const fileRefusals = refused.filter((i) => i.row === null || i.sheet !== r?.file.name);
  const canWrite =
    !!r && !r.committed && (refused.length === 0 || (opts.skip && fileRefusals.length === 0));
  const serverIssues = send.error instanceof ApiError ? send.error.issues : [];
  const set = (k: keyof typeof opts) => (e: { target: { value: string } }) =>
    preview({ ...opts, [k]: e.target.value });

  return (
    <details className="workbench" data-testid="boundary-import" open>
      <summary>Nhập ranh giới hành chính</summary>
      <p className="muted">
        Shapefile nén .zip (.shp, .dbf, .prj, .cpg) hoặc GeoJSON; hệ tọa độ WGS 84 hoặc VN-2000
        (UTM, TM-3). Xem trước trên bản đồ rồi mới ghi.
      </p>
      <div className="form-grid">
        <label>
          Tệp ranh giới
          <input
            type="file"
            accept=".zip,.geojson,.json"
            data-testid="boundary-file"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              send.reset();
              setLocal(null);
              if (f && f.size > BOUNDARY_MAX_BYTES) return setLocal('Tệp lớn hơn 20 MB');
              setFile(f);
            }}
          />
        </label>
        <label>
          Bảng chuyển đổi (CSV, tùy chọn)
          <input
            type="file"
            accept=".csv"
            data-testid="boundary-csv"
            onChange={(e) => {
              // A previewed file is written only as previewed: another CSV asks for a new preview.
              setCsv(e.target.files?.[0] ?? null);
              send.reset();
              showOverlay(null);
            }}
          />
        </label>
        <label>
          Cấp
          <select value={opts.level} onChange={set('level')} data-testid="boundary-level">
            <option value="commune">Xã, phường, đặc khu</option>
            <option value="province">Tỉnh (đường bao)</option>
          </select>
        </label>
        <label>
          Cách nhập
          <select value={opts.mode} onChange={set('mode')} data-testid="boundary-mode">
            <option value="replace">Thay ranh giới của thời kỳ đang có (theo mã)</option>
            <option value="new">Thời kỳ mới từ ngày hiệu lực (có bảng chuyển đổi)</option>
          </select>
        </label>
        <DateField
          label="Ngày hiệu lực"
          value={opts.validFrom}
          onChange={(v) =>
            v ? preview({ ...opts, validFrom: v }) : setOpts({ ...opts, validFrom: v })
          }
          testId="boundary-valid-from"
        />
        <label>
          Hệ tọa độ
          <select value={opts.crs} onChange={set('crs')} data-testid="boundary-crs">
            <option value="auto">Tự nhận từ tệp .prj</option>
            {CRS_CHOICES.map((c) => (
              <option key={c} value={c}>
                {crsLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Bảng mã thuộc tính
          <select value={opts.encoding} onChange={set('encoding')} data-testid="boundary-encoding">
            <option value="auto">Theo tệp .cpg (mặc định UTF-8)</option>
            <option value="utf-8">Unicode UTF-8</option>
            <option value="windows-1258">Windows-1258</option>
            <option value="tcvn3">TCVN3 (ABC)</option>
            <option value="vni">VNI</option>
          </select>
        </label>
      </div>
      <div className="row">
        <button
          type="button"
          disabled={!file || !opts.validFrom || send.isPending}
          onClick={() => send.mutate(false)}
          data-testid="boundary-preview"
        >
          Xem trước
        </button>
        {local && <span className="error-box">{local}</span>}
        {send.isPending && <small className="muted">Đang đọc tệp…</small>}
      </div>
      {fileWords(send.error) ? (
        <p className="error-box" role="alert" data-testid="boundary-file-error">
          {fileWords(send.error)}
        </p>
      ) : (
        <ApiErrorNote error={serverIssues.length ? null : send.error} />
      )}
      {serverIssues.length > 0 && (
        <IssueTable issues={serverIssues as BoundaryIssue[]} title="Chưa ghi gì: tệp còn lỗi" />
      )}
      {r && !r.committed && (
        <div data-testid="boundary-report">
          <p>
            <b>{r.file.name}</b>: {r.file.features.toLocaleString('vi-VN')} đối tượng,{' '}
            {r.file.vertices.toLocaleString('vi-VN')} đỉnh · hệ tọa độ{' '}
            <b data-testid="boundary-crs-used">{r.crs.label ?? 'chưa rõ'}</b>
            {r.crs.source === 'prj' && ' (theo .prj)'}
            {r.crs.source === 'geojson' && ' (GeoJSON)'} · bảng mã {r.encoding}
          </p>
          {r.candidates.length > 0 && (
            <fieldset data-testid="boundary-candidates">
              <legend>Chọn hệ tọa độ (khung tím trên bản đồ)</legend>
              {r.candidates.map((c) => (
                <label key={c.crs} className="inline">
                  <input
                    type="radio"
                    name="crs-candidate"
                    onChange={() => preview({ ...opts, crs: c.crs })}
                  />{' '}
                  {c.label} — {Math.round(c.overlap * 100)}% trong tỉnh
                </label>
              ))}
            </fieldset>
          )}
          {r.fields.length > 0 && (
            <fieldset className="form-grid" data-testid="boundary-mapping">
              <legend>Trường thuộc tính</legend>
              {(
                [
                  ['codeField', 'code', 'Mã đơn vị'],
                  ['nameField', 'name', 'Tên đơn vị'],
                  ['typeField', 'type', 'Loại (xã, phường…)'],
                  ['parentField', 'parent', 'Mã tỉnh'],
                ] as const
              ).map(([k, m, label]) => (
                <label key={k}>
                  {label}
                  <select
                    value={opts[k] || r.mapping[m] || ''}
                    onChange={set(k)}
                    data-testid={`boundary-${m}-field`}
                  >
                    <option value="">—</option>
                    {r.fields.map((f) => (
                      <option key={f} value={f}>
                        {f}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          )}
          <ul className="plain" data-testid="boundary-counts">
            <li>
              {r.units.matched} đơn vị khớp mã · {r.units.added} đơn vị mới
              {r.units.retired.length > 0 &&
                ` · ${r.units.retired.length} đơn vị cũ không còn trong tệp (khép lại, nối sang đơn vị thay thế)`}
            </li>
            {r.crosswalk.source !== 'none' && (
              <li>
                Bảng chuyển đổi{' '}
                {r.crosswalk.source === 'csv' ? 'theo CSV' : 'theo diện tích chồng lấn'}:{' '}
                {r.crosswalk.links} liên kết, {r.crosswalk.ambiguous.length} trường hợp cần xem lại
              </li>
            )}
            <li>{r.moved.hotspots} điểm, tụ điểm được gán lại xã theo vị trí</li>
          </ul>
          {r.crosswalk.ambiguous.length > 0 && (
            <details>
              <summary>Trường hợp cần xem lại ({r.crosswalk.ambiguous.length})</summary>
              <p className="muted">
                Hãy đưa vào bảng chuyển đổi CSV (mã cũ, mã mới, tỷ lệ) nếu cần sửa.
              </p>
              <div className="table-scroll">
                <table>
                  <tbody>
                    {r.crosswalk.ambiguous.slice(0, 200).map((a, n) => (
                      <tr key={n}>
                        <td>
                          {a.from.name} ({a.from.code})
                        </td>
                        <td>→ {a.to.code ? `${a.to.name} (${a.to.code})` : 'không có'}</td>
                        <td>{Math.round(a.share * 100)}%</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          )}
          {r.issues.length > 0 && <IssueTable issues={r.issues} title="Kết quả kiểm tra" />}
          <p className="legend-line muted">
            <span className="swatch" style={{ borderColor: '#1565c0' }} /> hợp lệ{' '}
            <span className="swatch" style={{ borderColor: '#ef6c00' }} /> đã sửa{' '}
            <span className="swatch" style={{ borderColor: '#c62828' }} /> bị từ chối
          </p>
          {refused.length > 0 && fileRefusals.length === 0 && (
            <label className="inline">
              <input
                type="checkbox"
                checked={opts.skip}
                onChange={(e) => setOpts({ ...opts, skip: e.target.checked })}
                data-testid="boundary-skip"
              />{' '}
              Bỏ qua {new Set(refused.map((i) => i.row)).size} đối tượng bị từ chối (đơn vị của
              chúng giữ ranh giới cũ)
            </label>
          )}
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={!canWrite || send.isPending}
              onClick={() => {
                const closing = r.units.retired.length;
                if (
                  closing === 0 ||
                  window.confirm(
                    `${closing} đơn vị đang dùng không có trong tệp sẽ khép lại và nối sang đơn vị thay thế. Ghi ranh giới?`,
                  )
                )
                  send.mutate(true);
              }}
              data-testid="boundary-commit"
            >
              Ghi ranh giới ({r.units.matched + r.units.added} đơn vị
              {r.units.retired.length > 0 && `, ${r.units.retired.length} đơn vị cũ khép lại`})
            </button>
            <button type="button" onClick={() => (send.reset(), showOverlay(null))}>
              Hủy
            </button>
          </div>
        </div>
      )}
      {r?.committed && (
        <p className="ok-box" role="status" data-testid="boundary-done">
          Đã ghi: {r.units.matched} đơn vị cập nhật, {r.units.added} đơn vị mới,{' '}
          {r.units.retired.length} đơn vị khép lại, {r.moved.hotspots} điểm, tụ điểm gán lại.
        </p>
      )}
    </details>
  );
}

function bboxOf(r: BoundaryReport): [number, number, number, number] | null {
  let b: [number, number, number, number] | null = null;
  const see = (p: number[]) => {
    b = b
      ? [Math.min(b[0], p[0]!), Math.min(b[1], p[1]!), Math.max(b[2], p[0]!), Math.max(b[3], p[1]!)]
      : [p[0]!, p[1]!, p[0]!, p[1]!];
  };
  for (const f of r.preview.features) {
    const g = f.geometry as { type: string; coordinates: number[][][] | number[][][][] };
    const rings =
      g.type === 'Polygon'
        ? (g.coordinates as number[][][])
        : (g.coordinates as number[][][][]).flat();
    for (const ring of rings) for (const p of ring) see(p);
  }
  return b;
}

function IssueTable({ issues, title }: { issues: BoundaryIssue[]; title: string }) {
  return (
    <div className="issues" data-testid="boundary-issues">
      <b>
        {title} ({issues.length})
      </b>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>Tệp</th>
              <th>Đối tượng</th>
              <th>Trường</th>
              <th>Vấn đề</th>
              <th>Xử lý</th>
            </tr>
          </thead>
          <tbody>
            {issues.slice(0, 300).map((i, n) => (
              <tr key={n} className={i.outcome === 'refused' ? 'bad' : ''}>
                <td>{i.sheet}</td>
                <td>{i.row ?? '—'}</td>
                <td>{i.column ?? '—'}</td>
                <td>{words(i)}</td>
                <td>{i.outcome ? OUTCOME[i.outcome] : OUTCOME.refused}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
