/**
 * The commander's hotspot list from Excel: the template, the filled file previewed row by row (kind,
 * date, the commune each point falls in, positions estimated from a commune code marked), then written
 * in one go; a broken file shows its problems by sheet, row and column.
 */
import { formatViDate } from '@pcmt/shared/dates';
import type { HotspotKind } from '@pcmt/shared/domain';
import { HOTSPOT_KIND_LABELS } from '@pcmt/shared/labels';
import { CommitBar, useXlsxUpload, XlsxPicker } from '../../components/xlsx-upload.tsx';
import { useFiguresText } from '../../i18n/figures-messages.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';

interface Preview {
  rows: {
    row: number;
    kind: HotspotKind;
    identifiedOn: string;
    unitId: string;
    commune: string;
    approximate: boolean;
  }[];
  committed: boolean;
  written: number;
}

export function HotspotImport() {
  const { can } = useDashboard();
  const { lang } = useI18n();
  const f = useFormText();
  const t = useFiguresText();
  const upload = useXlsxUpload<Preview>('/api/hotspots/import', 'hotspots');
  if (!can('hotspot.write')) return null;
  const result = upload.result;
  return (
    <details className="workbench" data-testid="hotspot-import">
      <summary>{f.hotspotImport}</summary>
      <p className="muted">{f.hotspotImportIntro}</p>
      <div className="row">
        <a className="button" href="/api/hotspots/template" download data-testid="hotspot-template">
          ⬇ {t.template}
        </a>
      </div>
      <XlsxPicker upload={upload} testId="hotspot-file" />
      {result && !result.committed && (
        <div data-testid="hotspot-preview">
          <p className="muted">
            {result.rows.length} {f.hotspotRows}
          </p>
          <CommitBar upload={upload} count={result.rows.length} testId="hotspot-commit" />
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th>{t.row}</th>
                  <th>{f.kind}</th>
                  <th>{f.identified}</th>
                  <th>{f.commune}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={r.row} data-testid="hotspot-preview-row">
                    <td>{r.row}</td>
                    <td>{HOTSPOT_KIND_LABELS[lang][r.kind]}</td>
                    <td>{formatViDate(r.identifiedOn)}</td>
                    <td>
                      {r.commune}
                      {r.approximate && <small className="muted"> ({f.approximate})</small>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {result?.committed && (
        <p className="ok-box" role="status" data-testid="hotspot-committed">
          {f.hotspotsWritten}: {result.written} ✓
        </p>
      )}
    </details>
  );
}
