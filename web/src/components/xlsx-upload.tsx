/**
 * Uploading a filled .xlsx template: the file is checked here first (extension, 5 MB), sent for a preview,
 * and sent again to be written; the picker shows the chosen name, the check, and the file's problems by
 * sheet, row and column. Used by every import screen.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { UPLOAD_MAX_BYTES } from '@pcmt/shared/uploads';
import { useFiguresText } from '../i18n/figures-messages.ts';
import { ApiError, postFile } from '../lib/api.ts';
import { ApiErrorNote } from './api-error-note.tsx';
import { FileIssueList } from './file-issue-list.tsx';

/** `path` answers a preview with `?commit=0` and writes with `?commit=1`; `invalidate` is refetched after a write. */
export function useXlsxUpload<T extends { committed: boolean }>(
  path: `/api/${string}`,
  invalidate: string,
) {
  const client = useQueryClient();
  const t = useFiguresText();
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const send = useMutation({
    mutationFn: (v: { file: File; commit: boolean }) =>
      postFile<T>(`${path}?commit=${v.commit ? 1 : 0}`, v.file),
    onSuccess: (r) => {
      if (r.committed) client.invalidateQueries({ queryKey: [invalidate] });
    },
  });
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
  return {
    file,
    local,
    input,
    send,
    choose,
    /** The previewed file, written. */
    commit: () => file && send.mutate({ file, commit: true }),
    clear: () => {
      setFile(null);
      send.reset();
      if (input.current) input.current.value = '';
    },
    result: send.data,
  };
}

export function XlsxPicker({
  upload,
  testId,
}: {
  upload: ReturnType<typeof useXlsxUpload>;
  testId: string;
}) {
  const t = useFiguresText();
  const { send, local, file } = upload;
  const issues = send.error instanceof ApiError ? send.error.issues : [];
  return (
    <>
      <label className="file-pick">
        <span className="button">⬆ {t.upload}</span>
        <input
          className="visually-hidden"
          ref={upload.input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => upload.choose(e.target.files?.[0])}
          data-testid={testId}
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
    </>
  );
}

/** Write and Cancel under a preview. */
export function CommitBar({
  upload,
  count,
  testId,
}: {
  upload: ReturnType<typeof useXlsxUpload>;
  count: number;
  testId: string;
}) {
  const t = useFiguresText();
  if (count === 0 || !upload.file) return null;
  return (
    <div className="row">
      <button
        type="button"
        className="primary"
        data-testid={testId}
        disabled={upload.send.isPending}
        onClick={upload.commit}
      >
        {t.commit} ({count})
      </button>
      <button type="button" onClick={upload.clear}>
        {t.cancel}
      </button>
    </div>
  );
}
