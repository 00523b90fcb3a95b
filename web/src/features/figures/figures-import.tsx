/**
 * The planner's figures workbench: choose the period, download the pre-filled template, upload the
 * filled file, read the preview (changes and each commune's new suggested tier) and write it, or read
 * the list of problems by sheet, row and column.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { reportingPeriods, type FiguresPreview } from '@pcmt/shared/figures';
import { UPLOAD_MAX_BYTES } from '@pcmt/shared/uploads';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { useFiguresText } from '../../i18n/figures-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ApiError, postFile } from '../../lib/api.ts';
import { useDashboard } from '../../lib/dashboard-context.ts';
import { FileIssueList } from '../../components/file-issue-list.tsx';
import { PreviewTable } from './preview-table.tsx';

export function FiguresImport() {
  const { can, view, me } = useDashboard();
  const { lang } = useI18n();
  const t = useFiguresText();
  const client = useQueryClient();
  const periods = reportingPeriods(me.today);
  const [periodIndex, setPeriodIndex] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const send = useMutation({
    mutationFn: (v: { file: File; commit: boolean }) =>
      postFile<FiguresPreview>(`/api/figures/import?commit=${v.commit ? 1 : 0}`, v.file),
    onSuccess: (r) => {
      if (r.committed) client.invalidateQueries({ queryKey: ['figures'] });
    },
  });
  if (!can('figures.write')) return null;
  const period = periods[periodIndex]!;
  const href = `/api/figures/template?province=${encodeURIComponent(view.province)}&periodFrom=${period.from}&periodTo=${period.to}`;
  const choose = (f: File | undefined) => {
    send.reset();
    setLocal(null);
    setFile(null);
    if (!f) return;
    if (!/\.xlsx$/i.test(f.name)) return setLocal(t.notXlsx);
    if (f.size > UPLOAD_MAX_BYTES) return setLocal(t.tooBig);
    setFile(f);
    send.mutate({ file: f, commit: false });
  };
  const clear = () => {
    setFile(null);
    send.reset();
    if (input.current) input.current.value = '';
  };
  const issues = send.error instanceof ApiError ? send.error.issues : [];
  const result = send.data;
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
      <label className="file-pick">
        <span className="button">⬆ {t.upload}</span>
        <input
          className="visually-hidden"
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => choose(e.target.files?.[0])}
          data-testid="figures-file"
        />
        <small className="muted">{file?.name ?? t.noFile}</small>
      </label>
      {local && (
        <p className="error-box" role="alert">
          {local}
        </p>
      )}
      {send.isPending && <p className="muted">{t.checking}</p>}
      {issues.length > 0 ? (
        <FileIssueList issues={issues} title={t.errorsTitle} />
      ) : (
        <ApiErrorNote error={send.error} />
      )}
      {result && !result.committed && (
        <PreviewTable preview={result}>
          {result.rows.length > 0 && file && (
            <div className="row">
              <button
                type="button"
                className="primary"
                data-testid="figures-commit"
                disabled={send.isPending}
                onClick={() => send.mutate({ file, commit: true })}
              >
                {t.commit} ({result.rows.length} {t.communes})
              </button>
              <button type="button" onClick={clear}>
                {t.cancel}
              </button>
            </div>
          )}
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
