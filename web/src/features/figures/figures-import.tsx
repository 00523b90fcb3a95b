/**
 * The planner's figures workbench: choose the period, download the pre-filled template, upload the
 * filled file, read the preview (changes and each commune's new suggested tier) and write it, or read
 * the list of problems by sheet, row and column.
 */
import { useState } from 'react';
import { reportingPeriods, type FiguresPreview } from '@pcmt/shared/figures';
import { CommitBar, useXlsxUpload, XlsxPicker } from '../../components/xlsx-upload.tsx';
import { useFiguresText } from '../../i18n/figures-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { PreviewTable } from './preview-table.tsx';

export function FiguresImport() {
  const { can, view, me } = useDashboard();
  const { lang } = useI18n();
  const t = useFiguresText();
  const periods = reportingPeriods(me.today);
  const [periodIndex, setPeriodIndex] = useState(0);
  const upload = useXlsxUpload<FiguresPreview>('/api/figures/import', 'figures');
  if (!can('figures.write')) return null;
  const period = periods[periodIndex]!;
  const href = `/api/figures/template?province=${encodeURIComponent(view.province)}&periodFrom=${period.from}&periodTo=${period.to}`;
  const result = upload.result;
  return (
    <details className="workbench" data-testid="figures-import">
      <summary>{t.title}</summary>
      <p className="muted">{t.intro}</p>
      <div className="row">
        <label>
          {t.period}
          <select
            value={periodIndex}
            onChange={(e) => setPeriodIndex(Number(e.target.value))}
            data-testid="figures-period"
          >
            {periods.map((p, i) => (
              <option key={`${p.from}-${p.to}`} value={i}>
                {p[lang]}
              </option>
            ))}
          </select>
        </label>
        <a className="button" href={href} download data-testid="figures-template">
          ⬇ {t.template}
        </a>
      </div>
      <XlsxPicker upload={upload} testId="figures-file" />
      {result && !result.committed && (
        <PreviewTable preview={result}>
          <CommitBar upload={upload} count={result.rows.length} testId="figures-commit" />
        </PreviewTable>
      )}
      {result?.committed && (
        <p className="ok-box" role="status" data-testid="figures-committed">
          {t.committed} {result.written} {t.communes} ✓
        </p>
      )}
    </details>
  );
}
