/**
 * The commander's hotspot list from Excel: the template, the filled file previewed row by row (kind,
 * date, the commune each point falls in, positions estimated from a commune code marked), then written
 * in one go; a broken file shows its problems by sheet, row and column.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { formatViDate } from '@pcmt/shared/dates';
import type { HotspotKind } from '@pcmt/shared/domain';
import { HOTSPOT_KIND_LABELS } from '@pcmt/shared/labels';
import { UPLOAD_MAX_BYTES } from '@pcmt/shared/uploads';
import { ApiErrorNote } from '../../components/api-error-note.tsx';
import { FileIssueList } from '../../components/file-issue-list.tsx';
import { useFiguresText } from '../../i18n/figures-messages.ts';
import { useFormText } from '../../i18n/use-form-text.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ApiError, postFile } from '../../lib/api.ts';
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
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const send = useMutation({
    mutationFn: (v: { file: File; commit: boolean }) =>
      postFile<Preview>(`/api/hotspots/import?commit=${v.commit ? 1 : 0}`, v.file),
    onSuccess: (r) => {
      if (r.committed) client.invalidateQueries({ queryKey: ['hotspots'] });
    },
  });
  if (!can('hotspot.write')) return null;
  const choose = (picked: File | undefined) => {
    send.reset();
    setLocal(null);
    setFile(null);
    if (!picked) return;
    if (!/\.xlsx$/i.test(picked.name)) return setLocal(t.notXlsx);
    if (picked.size > UPLOAD_MAX_BYTES) return setLocal(t.tooBig);
    setFile(picked);
    send.mutate({ file: picked, commit: false });
  };
  const issues = send.error instanceof ApiError ? send.error.issues : [];
  const result = send.data;
  return (
    <details className="workbench" data-testid="hotspot-import">
      <summary>{f.hotspotImport}</summary>
      <p className="muted">{f.hotspotImportIntro}</p>
      <div className="row">
        <a className="button" href="/api/hotspots/template" download data-testid="hotspot-template">
          ⬇ {t.template}
        </a>
      </div>
      <label className="file-pick">
        <span className="button">⬆ {t.upload}</span>
        <input
          className="visually-hidden"
          ref={input}
          type="file"
          accept=".xlsx"
          onChange={(e) => choose(e.target.files?.[0])}
          data-testid="hotspot-file"
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
        <div data-testid="hotspot-preview">
          <p className="muted">
            {result.rows.length} {f.hotspotRows}
          </p>
          {result.rows.length > 0 && file && (
            <div className="row">
              <button
                type="button"
                className="primary"
                data-testid="hotspot-commit"
                onClick={() => send.mutate({ file, commit: true })}
                disabled={send.isPending}
              >
                {t.commit} ({result.rows.length})
              </button>
              <button
                type="button"
                onClick={() => {
                  setFile(null);
                  send.reset();
                  if (input.current) input.current.value = '';
                }}
              >
                {t.cancel}
              </button>
            </div>
          )}
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
